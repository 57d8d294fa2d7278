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
    text = ("TY  - BOOK\nTI  - B\nT2  - A Series\nA2  - Ed, Series\nA3  - Ed, Book\n"
            "PY  - 1999///Spring\nER  -\n"
            "TY  - CHAP\nTI  - C\nBT  - The Book\nA2  - Ed, Book\nSP  - 5-9\nER  -\n"
            "TY  - RPRT\nTI  - R\nM1  - TR-17\nM3  - Technical report\nER  -\n")
    book, chapter, report = ris.read(text).records
    assert (book.get("collection-title"), book.get("container-title")) == ("A Series", None)
    assert book.get("collection-editor") == (Name(family="Ed", given="Series"),)
    assert book.get("editor") == (Name(family="Ed", given="Book"),)
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


def test_month_word_dates() -> None:
    """PubMed's ``PY  - 2021 Mar``, ``2021 Mar 15``, ``2021 Spring``, Web of Science's
    ``DA  - MAR 15`` beside ``PY  - 2020`` are dates, not literals ('year = {2021 Mar}')."""
    def issued(tags: str) -> tuple[object, dict[str, str]]:
        (record,) = ris.read(f"TY  - JOUR\nTI  - T\n{tags}ER  -\n").records
        return record.get("issued"), dict(record.extra)
    assert issued("PY  - 2021 Mar\n") == (Date(parts=((2021, 3),)), {})
    assert issued("PY  - 2021 Sept 3\n") == (Date(parts=((2021, 9, 3),)), {})
    assert issued("PY  - 2021 Spring\n") == (Date(parts=((2021,),), season=1), {})
    assert issued("PY  - 2021 Mar-Apr\n") == (Date(parts=((2021, 3),)), {"dateother": "-Apr"})
    assert issued("PY  - 2020\nDA  - MAR 15\n") == (Date(parts=((2020, 3, 15),)), {})
    assert issued("PY  - 2020\nDA  - JUN\n") == (Date(parts=((2020, 6),)), {})
    assert issued("PY  - 2021 Marvelous\n") == (Date(literal="2021 Marvelous"), {})
    assert issued("PY  - 2019\nDA  - October 2019\n") == (Date(parts=((2019, 10),)), {})
    assert issued("DA  - Oct. 12, 2019\n") == (Date(parts=((2019, 10, 12),)), {})
    assert issued("DA  - 12 Oct 2019\n") == (Date(parts=((2019, 10, 12),)), {})
    assert issued("PY  - Spring 2019\n") == (Date(parts=((2019,),), season=1), {})
    assert issued("PY  - 2019/13/45/\n") == (Date(literal="2019/13/45/"), {})  # was 2019
    assert issued("PY  - 2019/10/45/\n") == (Date(literal="2019/10/45/"), {})  # was 2019-10
    assert issued("PY  - 2019/00/00/\n") == (Date(parts=((2019,),)), {})


def test_second_values_survive_in_bibtex() -> None:
    """A second URL, an ``N2`` beside an ``AB``, an ``M1`` beside an ``IS``, a ``PP`` beside a
    ``CY`` were kept under BibTeX field names the record already had (``url``, ``abstract``,
    ``number``, ``publisherplace``): the BibTeX writer dropped them. They are ``ris<tag>`` fields,
    which ``--to ris`` writes back to their tags; PubMed's ``SN  - 1476-4687 (Electronic)`` label
    is no ISBN."""
    text = ("TY  - JOUR\nTI  - Two of each\nT2  - Nature\nPY  - 2021\nIS  - 3\nM1  - e17\n"
            "UR  - https://a.example/1\nUR  - https://b.example/2\nAB  - One.\nN2  - Two.\n"
            "CY  - Paris\nPP  - Lyon\nSN  - 1476-4687 (Electronic)\nER  -\n")
    result = _run("convert", "--from", "ris", "-", input=text)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "@article{2021two,\n  title = {Two of each},\n  journal = {Nature},\n"
        "  number = {3},\n  address = {Paris},\n  year = {2021},\n"
        "  issn = {1476-4687},\n  url = {https://a.example/1},\n  abstract = {One.},\n"
        "  rism1 = {e17},\n  risn2 = {Two.},\n  rispp = {Lyon},\n  rissn = {(Electronic)},\n"
        "  risur = {https://b.example/2},\n}\n")
    back = _run("convert", "--from", "bibtex", "--to", "ris", "-", input=result.stdout).stdout
    assert [line for line in back.splitlines() if line[:2] in ("M1", "N2", "PP", "SN", "UR")] == [
        "SN  - 1476-4687", "UR  - https://a.example/1", "M1  - e17", "N2  - Two.", "PP  - Lyon",
        "SN  - (Electronic)", "UR  - https://b.example/2"]


def test_text_between_records_is_reported() -> None:
    """A text line after an ``ER  -`` (a record whose ``TY`` line was damaged) was dropped with no
    word; an export's header before the first record still is not a problem."""
    text = ("Provider: a catalogue\n\nTY  - JOUR\nTI  - One\nER  - \nA lost title line\n"
            "and its second line\n\nTY  - JOUR\nTI  - Two\nER  - \n")
    result = _run("convert", "--from", "ris", "-", input=text)
    assert result.exit_code == 0  # a warning: text only (a lost tag line is an error, exit 3)
    assert result.stdout == "@article{one,\n  title = {One},\n}\n\n@article{two,\n  title = {Two},\n}\n"
    assert result.stderr.splitlines() == [
        "<stdin>:6: warning: text 'A lost title line' between records (after an 'ER  -', no 'TY  -'"
        " before it); skipped [ris.stray]"]


def test_year_beside_full_date_is_not_a_second_date() -> None:
    """EndNote/Zotero write ``PY  - 2017/12/04/`` and ``Y1  - 2017``: the year is no second
    date (it was kept as ``rispy = {2017}`` and written back as a second ``PY``); a different
    year still is."""
    def read(tags: str) -> tuple[object, dict[str, str]]:
        (record,) = ris.read(f"TY  - JOUR\nTI  - T\n{tags}ER  -\n").records
        return record.get("issued"), dict(record.extra)
    assert read("PY  - 2017/12/04/\nY1  - 2017\n") == (Date(parts=((2017, 12, 4),)), {})
    assert read("PY  - 2017\nY1  - 2017/12/04/\n") == (Date(parts=((2017, 12, 4),)), {})
    assert read("PY  - 2017\nY1  - 2018\n") == (Date(parts=((2017,),)), {"rispy": "2018"})
    assert read("PY  - 2017///Fall\nY1  - 2017/10/\n") == (Date(parts=((2017,),), season=3),
                                                          {"rispy": "2017/10/"})


def test_periodical_et_is_the_epub_date() -> None:
    """The RIS spec's ``ET`` of a ``JOUR`` is its "Epub Date" (EndNote writes PubMed's there); it
    was read as the edition (``edition = {2019/03/01}`` on an article). A book's ``ET`` is its
    edition; a journal's ``ET`` that is no date stays an edition."""
    text = ("TY  - JOUR\nTI  - A\nPY  - 2019\nET  - 2019/03/01\nER  - \n"
            "TY  - BOOK\nTI  - B\nET  - 2nd\nER  - \nTY  - JOUR\nTI  - C\nET  - Online first\nER  - \n")
    article, book, other = ris.read(text).records
    assert (article.get("available-date"), article.get("edition"), dict(article.extra)) == \
        (Date(parts=((2019, 3, 1),)), None, {})
    assert (book.get("available-date"), book.get("edition")) == (None, "2nd")
    assert (other.get("available-date"), other.get("edition")) == (None, "Online first")
    from citeconv.writers import ris as ris_writer
    assert "ET  - 2019/03/01/" in ris_writer.write([article]).splitlines()
    assert ris.read(ris_writer.write([article])).records[0].fields == article.fields


def test_a_bare_comma_is_no_name() -> None:
    """``AU  - ,`` (an exporter's empty creator) was an empty name: ``author = { and Doe, J}``."""
    (record,) = ris.read("TY  - JOUR\nTI  - T\nAU  - ,\nAU  - Doe, J\nER  -\n").records
    assert record.get("author") == (Name(family="Doe", given="J"),)


def test_book_pages_and_report_serials() -> None:
    """The spec (and Zotero) read a whole book's or thesis's ``SP`` as its number of pages: it was
    ``pages = {350}`` on an @book. A report's ``SN`` is its number: ``TR-2019-17`` was an ISBN;
    a serial that is neither ISSN- nor ISBN-shaped is kept as ``rissn``."""
    text = ("TY  - BOOK\nTI  - B\nSP  - 350\nSN  - 978-0-226-45808-3; 0201896834\nER  -\n"
            "TY  - BOOK\nTI  - C\nSP  - 12-40\nER  -\nTY  - RPRT\nTI  - R\nSN  - TR-2019-17\nER  -\n"
            "TY  - JOUR\nTI  - J\nSN  - 12345\nER  -\n")
    book, part, report, article = ris.read(text).records
    assert dict(book.fields) == {"title": "B", "number-of-pages": "350",
                                 "ISBN": "978-0-226-45808-3 0201896834"}
    assert part.get("page") == "12-40"
    assert (report.get("number"), report.get("ISBN")) == ("TR-2019-17", None)
    assert (article.get("ISBN"), dict(article.extra)) == (None, {"rissn": "12345"})
    from citeconv.writers import ris as ris_writer
    assert "SP  - 350" in ris_writer.write([book]).splitlines()
    back = ris.read(ris_writer.write([book, part, report, article])).records
    assert [dict(r.fields) for r in back] == [dict(r.fields) for r in (book, part, report, article)]


def test_mendeley_doi_in_m3() -> None:
    """Mendeley writes ``M3  - doi: 10....`` (Zotero reads M3 as a DOI too): it was kept as
    ``worktype`` (or, on a thesis, printed as the genre). A second, different DOI is ``risdo``."""
    text = ("TY  - JOUR\nTI  - A\nM3  - doi: 10.1016/j.cell.2020.01.001\nER  -\n"
            "TY  - THES\nTI  - B\nM3  - PhD thesis\nM3  - 10.1000/x\nDO  - 10.1000/y\nER  -\n")
    article, thesis = ris.read(text).records
    assert (article.get("DOI"), dict(article.extra)) == ("10.1016/j.cell.2020.01.001", {})
    assert (thesis.get("DOI"), thesis.get("genre"), dict(thesis.extra)) == \
        ("10.1000/y", "PhD thesis", {"risdo": "10.1000/x"})
