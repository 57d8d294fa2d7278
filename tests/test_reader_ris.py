"""The RIS reader (Zotero, Scopus, EndNote-style exports).

Golden cases: ``tests/golden/ris/<case>.ris`` -> ``<case>.bib`` (what ``citeconv convert`` writes
on stdout) and ``<case>.stderr`` (its diagnostics); ``CITECONV_ACCEPT=1 pytest`` rewrites them for
review. Properties: every value of every tag survives (in a CSL variable or ``extra``), and the
BibTeX written from RIS reads back to itself.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOLDEN, check_golden
from hypothesis import given, settings
from hypothesis import strategies as st

from citeconv import api
from citeconv.cli import main
from citeconv.model import Date, Name
from citeconv.readers import ris

CASES = sorted((GOLDEN / "ris").glob("*.ris"))


def _run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]  # noqa: A002
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_bibtex_and_diagnostics(case: Path) -> None:
    result = _run("convert", str(case))
    check_golden(case.with_suffix(".bib"), result.stdout)
    check_golden(case.with_suffix(".stderr"), result.stderr.replace(str(case), case.name))
    assert result.exit_code == 0


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_detect_ranks_ris_first(case: Path) -> None:
    scores = api.detect(case.read_text(encoding="utf-8"))
    assert scores[0][0] == "ris" and scores[1][1] <= scores[0][1] - api.MIN_LEAD, scores


def test_bibtex_written_from_ris_reads_back_to_itself() -> None:
    for case in CASES:
        once = _run("convert", str(case)).stdout
        assert _run("convert", "-", input=once).stdout == once


def test_zotero_article_fields() -> None:
    record = ris.read((GOLDEN / "ris" / "zotero.ris").read_text(encoding="utf-8")).records[0]
    assert record.type == "article-journal"
    assert record.get("author")[0] == Name(family="LeCun", given="Yann")
    assert record.get("issued") == Date(parts=((2015, 5, 28),))
    assert record.get("accessed") == Date(parts=((2024, 1, 15),))  # Zotero's time is dropped
    assert (record.get("page"), record.get("issue"), record.get("ISSN")) == \
        ("436-444", "7553", "0028-0836 1476-4687")
    assert record.get("keyword") == "deep learning, neural networks"
    assert record.get("abstract") == ("A review of representation learning with many-layered "
                                      "networks, and of where it stands.")  # wrapped line joined


def test_tags_mean_what_their_type_says() -> None:
    text = ("TY  - BOOK\nTI  - B\nT2  - A Series\nA3  - Ed, Series\nPY  - 1999///Spring\nER  -\n"
            "TY  - CHAP\nTI  - C\nBT  - The Book\nA2  - Ed, Book\nSP  - 5-9\nER  -\n"
            "TY  - RPRT\nTI  - R\nM1  - TR-17\nM3  - Technical report\nER  -\n")
    book, chapter, report = ris.read(text).records
    assert (book.get("collection-title"), book.get("container-title")) == ("A Series", None)
    assert book.get("collection-editor") == (Name(family="Ed", given="Series"),)
    assert book.get("issued") == Date(parts=((1999,),), season=1)
    assert (chapter.get("container-title"), chapter.get("page")) == ("The Book", "5-9")
    assert chapter.get("editor") == (Name(family="Ed", given="Book"),)
    assert (report.get("number"), report.get("genre")) == ("TR-17", "Technical report")


def test_cli_stdin_and_problems_with_lines() -> None:
    text = "AU  - Stray, Tag\nTY  - JOUR\nTI  - Kept\nXY  - odd\nXY  - odder\n"
    result = _run("convert", "--from", "ris", "-", input=text)
    assert result.exit_code == 3  # written, but something was skipped
    assert result.stdout.startswith("@article{kept,\n  title = {Kept},\n  risxy = {odd; odder},")
    assert result.stderr.splitlines() == [
        "<stdin>:1: error: tag line 'AU  - Stray, Tag' outside a record (no 'TY  -' before it);"
        " skipped [ris.stray]",
        "<stdin>:2: warning: record starting at line 2 has no 'ER  -' line; read to the end of"
        " the input [ris.no-end]",
        "<stdin>:4: warning: tag XY has no CSL variable; kept as field 'risxy' [ris.unmapped]",
    ]


def test_not_ris() -> None:
    assert ris.detect("@article{a, title={T}}") == 0.0
    assert ris.detect("We met on Tuesday.\nTY - is how the form starts.\n") == 0.0
    assert ris.read("no records here\n").records == ()


TAGS = st.sampled_from(sorted(set(ris._NAME_TAGS) | set(ris._TEXT_TAGS) | set(ris.EXTRA_TAGS)
                              | {"TI", "T1", "T2", "T3", "BT", "JF", "JO", "JA", "J1", "J2",
                                 "SP", "EP", "IS", "M1", "SN", "DO", "UR", "ID", "PY", "DA",
                                 "Q1", "ZZ"}))
VALUES = st.from_regex(r"[A-Za-z][A-Za-z0-9 .]{0,12}[A-Za-z0-9]", fullmatch=True)


@settings(derandomize=True, max_examples=int(os.environ.get("CITECONV_FUZZ_EXAMPLES", 300)),
          deadline=None)
@given(st.sampled_from(sorted(ris.TYPES)), st.lists(st.tuples(TAGS, VALUES), max_size=12))
def test_every_value_is_kept(ris_type: str, lines: list[tuple[str, str]]) -> None:
    """Whatever the tags, each word of each value is found in the record: a CSL variable or
    ``extra`` (names by their parts, dates by their year)."""
    text = f"TY  - {ris_type}\n" + "".join(f"{t}  - {v}\n" for t, v in lines) + "ER  -\n"
    (record,) = ris.read(text).records
    kept = " ".join([str(v) for v in record.extra.values()] + [record.id] + [
        " ".join(n.literal or f"{n.non_dropping_particle} {n.family} {n.given} {n.suffix}"
                 for n in value) if isinstance(value, tuple) else
        (f"{value.parts} {value.literal}" if isinstance(value, Date) else str(value))
        for value in record.fields.values()])
    words = set(re.split(r"[\s,.;-]+", kept.lower()))
    for tag, value in lines:
        if tag in ("PY", "DA", "Y2") and re.match(r"\d{4}", value):
            assert value[:4].lstrip("0") in kept
            continue
        for word in re.split(r"[\s,.;-]+", value.lower()):
            assert word in words or word == "doi", (tag, value)


def test_edtf_season_is_read_and_written() -> None:
    """RIS ``PY  - 1996///Fall`` is CSL season 3; BibTeX carries it as biblatex's EDTF season."""
    from citeconv.model import parse_edtf
    assert parse_edtf("1996-23") == Date(parts=((1996,),), season=3)
    assert Date(parts=((1996,),), season=3).to_edtf() == "1996-23"
    assert parse_edtf("1996-25") is None
