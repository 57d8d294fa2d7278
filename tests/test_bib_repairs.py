"""Defects a BibTeX user does not notice are mended, reported, and lose nothing (issue 9).

Shapes seen in real exports (Better BibTeX import reports, JabRef test files): an entry with no
key, an empty field slot, a ``date`` with its month in ``month``, a file of @comment blocks."""
from __future__ import annotations

import json

from click.testing import CliRunner

from citeconv.cli import main
from citeconv.readers._bibrepair import repair


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]  # noqa: A002
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_an_entry_with_no_key_gets_a_generated_one_and_a_warning() -> None:
    bib = ("@article{\n  author = {Huang, Y. and Mucke, L.},\n"
           "  title = {Alzheimer mechanisms and therapeutic strategies},\n"
           "  journal = {Cell}, year = {2012}}\n@book{k2, title = {B}}\n")
    result = run("convert", "-", input=bib)
    assert result.exit_code == 0
    assert result.stdout == (
        "@article{huang2012alzheimer,\n  author = {Huang, Y. and Mucke, L.},\n"
        "  title = {Alzheimer mechanisms and therapeutic strategies},\n  journal = {Cell},\n"
        "  year = {2012},\n}\n\n@book{k2,\n  title = {B},\n}\n")
    assert result.stderr == ("<stdin>:1: warning: entry read although it has no key (one is "
                             "generated) [bibtex.repaired]\n")


def test_an_empty_field_slot_is_skipped_but_not_inside_a_value() -> None:
    bib = "@techreport{TBD,  title = {A, , b},  , number = {2PTE3},\n institution = {X}}\n"
    result = run("convert", "-", input=bib)
    assert (result.exit_code, result.stdout) == (
        0, "@techreport{TBD,\n  title = {A, , b},\n  number = {2PTE3},\n  institution = {X},\n}\n")
    assert result.stderr == ("<stdin>:1: warning: entry read although an empty field slot "
                             "(', ,') was skipped [bibtex.repaired]\n")


def test_repair_keeps_lines_and_leaves_sound_entries_alone() -> None:
    text = "@misc{a,\n title = {T},\n ,\n year = 1}\n@misc{b, title = {U}}\n"
    fixed, done = repair(text)
    assert fixed == "@misc{a,\n title = {T}\n ,\n year = 1}\n@misc{b, title = {U}}\n"
    assert fixed.count("\n") == text.count("\n")
    assert done == [(1, ["an empty field slot (', ,') was skipped"])]
    assert repair("@misc{b, title = {U}}\n") == ("@misc{b, title = {U}}\n", [])


def test_unbalanced_braces_stay_an_error() -> None:
    result = run("convert", "-", input="@misc{a, title = {T}\n@misc{b, title = {U}}\n")
    assert result.exit_code in (1, 3)
    assert "[bibtex.syntax]" in result.stderr


def test_a_mended_entry_that_still_fails_is_an_error_not_a_repair() -> None:
    bib = "@misc{a, , title = {T}\n@misc{b, title = {U}, , year = 2001}\n"
    result = run("convert", "-", input=bib)
    assert result.exit_code == 3
    assert result.stdout == "@misc{b,\n  title = {U},\n  year = {2001},\n}\n"
    lines = result.stderr.splitlines()
    assert lines[0] == ("<stdin>:2: warning: entry read although an empty field slot (', ,') "
                        "was skipped [bibtex.repaired]")
    assert lines[1].startswith("<stdin>:1: error: entry skipped: syntax error (starts "
                               "'@misc{a , title = {T}'")  # (as mended)
    assert len(lines) == 2


def test_a_date_year_with_a_month_field_is_one_date_and_idempotent() -> None:
    bib = "@book{g, title = {T}, date = {1998}, month = {May}}\n"
    first = run("convert", "-", input=bib)
    assert (first.exit_code, first.stdout, first.stderr) == (
        0, "@book{g,\n  title = {T},\n  year = {1998},\n  month = may,\n}\n", "")
    assert run("convert", "-", input=first.stdout).stdout == first.stdout
    # a day that is no day is kept as it was, not dropped
    odd = run("convert", "-", input=bib.replace("}}", "}, day = {xx}}"))
    assert odd.stdout == ("@book{g,\n  title = {T},\n  year = {1998},\n  month = may,\n"
                          "  day = {xx},\n}\n")
    dated = run("convert", "-", "--to", "csl-json", input=bib.replace("}}", "}, day = {5}}"))
    assert json.loads(dated.stdout)[0]["issued"] == {"date-parts": [[1998, 5, 5]]}


def test_a_file_of_comment_blocks_only_is_written_back_with_a_warning() -> None:
    bib = "@Comment{jabref-meta: databaseType:bibtex;}\n\n@Comment{jabref-meta: fileDirectory:.;}\n"
    result = run("convert", "-", input=bib)
    assert result.exit_code == 0
    assert result.stdout == ("@comment{jabref-meta: databaseType:bibtex;}\n"
                             "@comment{jabref-meta: fileDirectory:.;}\n")
    assert result.stderr == ("<stdin>: warning: no entries, only @comment or @preamble blocks "
                             "(written back as they are)\n")


def test_prose_is_still_nothing_to_convert() -> None:
    result = run("convert", "-", input="We thank the reviewers for their comments.\n")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "no references found" in result.stderr


def test_an_accent_command_without_argument_does_not_take_the_closing_brace() -> None:
    # JabRef file: Ragnhei{\d}ur (meant {\dh}); the accent used to swallow the group's "}"
    bib = "@misc{a, author = {Ragnhei{\\d}ur Bogad\\'{o}ttir}, title = {x \\d}}\n"
    result = run("convert", "-", input=bib)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == ("@misc{a,\n  author = {Bogadóttir, Ragnhei{\\d{}}ur},\n"
                             "  title = {x \\d{}},\n}\n")
    assert run("convert", "-", input=result.stdout).stdout == result.stdout
