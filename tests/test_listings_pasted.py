"""Listings pasted the way people paste them: twice, with CR LF, lone CR or Unicode line ends,
a BOM, bidi marks, tab indents, odd spaces, trailing blanks, no final newline, blank lines
between every line.

Inputs are the held-out listings (``tests/golden/heldout/<layout>-*.txt``, real papers,
abstracts written for the project). Every variant must read to exactly the records of the plain
file, with the same layout detected; a listing pasted twice gives every entry twice, each
repeat reported with the line of its first copy, and nothing else added (the "Last, First"
profile line met again is a heading, not an entry).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOLDEN

from citeconv import api
from citeconv.cli import main
from citeconv.model import Severity

HELDOUT = GOLDEN / "heldout"
CASES = [HELDOUT / name for name in (
    "arxiv-ax3.txt", "arxiv-ax4.txt", "last-first-lf6.txt", "last-first-lf7.txt",
    "publications-pub6.txt", "publications-pub3.txt")]

VARIANTS: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "lone-cr": lambda t: t.replace("\n", "\r"),
    "no-final-newline": lambda t: t.rstrip("\n"),
    "bom": lambda t: "\ufeff" + t,
    "tab-indents": lambda t: "\n".join("\t" + ln if ln else ln for ln in t.split("\n")),
    "trailing-blanks": lambda t: "\n".join(ln + " \t " if ln else ln for ln in t.split("\n")),
    "blank-line-between": lambda t: t.replace("\n", "\n\n"),
    "blank-lines-first": lambda t: "\n\n\n" + t,
    "unicode-line-separators": lambda t: t.replace("\n", "\u2028"),
    "next-line-controls": lambda t: t.replace("\n", "\x85"),
    "bidi-marks": lambda t: t.replace("\n", "\u200e\n\u2066").replace(", ", ",\u2069 "),
    "form-feed-and-em-spaces": lambda t: t.replace(" ", "\u2003", 5).replace("\n", "\x0c\n", 3),
}


def _csl(text: str) -> tuple[str, list[dict]]:
    result = api.read(text)
    return result.layout, [r.to_csl() for r in result.records]


@pytest.mark.parametrize("variant", VARIANTS, ids=list(VARIANTS))
@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_a_variant_reads_to_the_same_records(case: Path, variant: str) -> None:
    text = case.read_text(encoding="utf-8")
    assert _csl(VARIANTS[variant](text)) == _csl(text)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_a_listing_pasted_twice_reports_every_repeat(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    once = api.read(text)
    twice = api.read(text + text)
    n, lines = len(once.records), text.count("\n")
    assert twice.layout == once.layout
    assert [r.to_csl() for r in twice.records] == [r.to_csl() for r in once.records] * 2
    repeats = [(d.line, d.severity) for d in twice.diagnostics
               if d.code == f"{once.layout}.repeated-entry"]
    assert repeats == [(r.source.line + lines, Severity.WARNING) for r in once.records]
    assert len(repeats) == n
    other = [(d.code, d.line) for d in twice.diagnostics
             if d.code not in (f"{once.layout}.repeated-entry", "last-first.profile-again")]
    assert other == [(d.code, d.line) for d in once.diagnostics] + [
        (d.code, d.line + lines) for d in once.diagnostics]


def test_the_profile_line_pasted_again_is_a_heading_not_an_entry() -> None:
    page = ("Bubeck, Sébastien\n"
            "Convex Optimization: Algorithms and Complexity\n"
            "Bubeck, Sébastien\n"
            "Sparks of Artificial General Intelligence: Early experiments with GPT-4\n"
            "Bubeck, Sébastien, Chandrasekaran, Varun, Eldan, Ronen\n")
    out = CliRunner().invoke(main, ["convert", "-"], input=page + page)
    assert out.exit_code == 0
    assert out.stdout.count("@misc{") == 4
    assert out.stdout.count("title = {Convex Optimization: Algorithms and Complexity}") == 2
    assert out.stderr == (
        "<stdin>:6: warning: the profile line 'Bubeck, Sébastien' again (the list pasted "
        "twice?): read as a heading, not an entry [last-first.profile-again]\n"
        "<stdin>:7: warning: the same title and authors as the entry at line 2 (kept: "
        "`citeconv merge` keeps one) [last-first.repeated-entry]\n"
        "<stdin>:9: warning: the same title and authors as the entry at line 4 (kept: "
        "`citeconv merge` keeps one) [last-first.repeated-entry]\n")


def test_a_single_author_paper_by_the_profile_owner_is_an_entry() -> None:
    text = ("Bubeck, Sébastien\n"
            "Sparks of Artificial General Intelligence: Early experiments with GPT-4\n"
            "Bubeck, Sébastien, Chandrasekaran, Varun, Eldan, Ronen\n"
            "Convex Optimization: Algorithms and Complexity\n"
            "Bubeck, Sébastien\n"
            "A monograph on convex optimization and the complexity of its algorithms.\n")
    result = api.read(text)
    assert [r.fields["title"] for r in result.records] == [
        "Sparks of Artificial General Intelligence: Early experiments with GPT-4",
        "Convex Optimization: Algorithms and Complexity"]
    assert not result.diagnostics


def test_a_profile_heading_in_display_order_pasted_again_is_a_heading() -> None:
    page = ("Aidan Clark\nEfficient Video Generation on Complex Datasets\n"
            "Clark, Aidan, Donahue, Jeff, Simonyan, Karen\n"
            "A class-conditional video GAN scales to large and complex video datasets.\n")
    result = api.read(page + page)
    assert result.metadata["profile"] == "Aidan Clark"
    assert len(result.records) == 2
    assert [(d.code, d.line) for d in result.diagnostics] == [
        ("last-first.profile-again", 5), ("last-first.repeated-entry", 6)]
