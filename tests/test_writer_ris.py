"""The RIS writer (``--to ris``).

Golden cases: every file in ``examples/`` -> ``tests/golden/ris-out/<name>.ris`` (what
``citeconv convert FILE --to ris`` writes; ``CITECONV_ACCEPT=1 pytest`` rewrites them). Properties:
RIS written from a record reads back to the same record (for what RIS can carry: no date ranges,
no markup), and every CSL type is written as a RIS type that reads back as that CSL type.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOLDEN, ROOT, check_golden
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import cap_word, person

from citeconv.cli import main
from citeconv.model import Date, Name, Record
from citeconv.readers import ris as ris_reader
from citeconv.writers import ris as ris_writer

EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir()
                  if p.suffix in (".bib", ".txt", ".ris", ".json"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_golden_ris(example: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(example), "--to", "ris"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    check_golden(GOLDEN / "ris-out" / (example.stem + ".ris"), result.stdout)


def test_every_csl_type_reads_back_as_itself() -> None:
    for csl_type, ris_type in ris_writer._RIS_TYPE.items():
        assert ris_reader.TYPES[ris_type] == csl_type, (csl_type, ris_type)


def test_names_extra_and_et_al() -> None:
    record = Record("k", "book", {
        "author": (Name(family="Berg", given="Anna", non_dropping_particle="van der"),
                   Name(family="Plato"), Name(literal="World Bank"),
                   Name(family="Smith", given="John", suffix="Jr."), Name(literal="others")),
        "title": 'A <i>Very</i> <span class="nocase">Good</span> Title',
        "issued": Date(parts=((2020, 3),), circa=True)},
        extra={"custom1": "c", "risxy": "x", "eprint": "1234.5678"})
    assert ris_writer.write([record]).splitlines() == [
        "TY  - BOOK", "ID  - k", "TI  - A Very Good Title", "AU  - van der Berg, Anna",
        "AU  - Plato,", "AU  - World Bank", "AU  - Smith, John, Jr.", "PY  - 2020///circa",
        "DA  - 2020/03//", "C1  - c", "XY  - x", "N1  - eprint: 1234.5678", "ER  - "]
    back = ris_reader.read(ris_writer.write([record])).records[0]
    assert back.get("author") == record.get("author")[:4]  # "and others" has no RIS form
    assert back.extra == {"custom1": "c", "risxy": "x"}  # "circa" was read as a dateother
    assert back.get("issued") == Date(parts=((2020, 3),), circa=True)
    assert back.get("note") == "eprint: 1234.5678"


TYPES = sorted(t for t in ris_writer._RIS_TYPE if t != "document")
TEXT = st.lists(cap_word, min_size=1, max_size=4).map(" ".join)
DATES = st.one_of(
    st.builds(lambda y: Date(parts=((y,),)), st.integers(1000, 2999)),
    st.builds(lambda y, m: Date(parts=((y, m),)), st.integers(1000, 2999), st.integers(1, 12)),
    st.builds(lambda y, m, d: Date(parts=((y, m, d),)), st.integers(1000, 2999),
              st.integers(1, 12), st.integers(1, 28)),
    st.builds(lambda y, s: Date(parts=((y,),), season=s), st.integers(1000, 2999),
              st.integers(1, 4)))


@st.composite
def records(draw):  # type: ignore[no-untyped-def]
    csl_type = draw(st.sampled_from(TYPES))
    fields = {"title": draw(TEXT), "author": tuple(draw(st.lists(person, min_size=1, max_size=3))),
              "issued": draw(DATES)}
    for var in draw(st.lists(st.sampled_from(["container-title", "publisher", "volume",
                                              "publisher-place", "DOI", "URL", "abstract",
                                              "note", "language", "edition"]), unique=True)):
        if var == "container-title" and csl_type in ris_reader.T2_IS_SERIES:
            var = "collection-title"
        fields[var] = draw(TEXT)
    if draw(st.booleans()):
        first = draw(st.integers(1, 999))
        fields["page"] = f"{first}-{first + draw(st.integers(1, 99))}"
    if draw(st.booleans()):
        fields["editor"] = tuple(draw(st.lists(person, min_size=1, max_size=2)))
    return Record(draw(st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)), csl_type, fields)


@settings(derandomize=True, max_examples=int(os.environ.get("CITECONV_FUZZ_EXAMPLES", 300)),
          deadline=None)
@given(st.lists(records(), min_size=1, max_size=3))
def test_ris_round_trip(given_records: list[Record]) -> None:
    back = ris_reader.read(ris_writer.write(given_records)).records
    assert [(r.id, r.type, dict(r.fields), dict(r.extra)) for r in back] == \
        [(r.id, r.type, dict(r.fields), {}) for r in given_records]


def test_date_other_part_round_trip() -> None:
    """``PY  - 2017///Fall meeting`` keeps 'Fall meeting' as ``dateother``; it went back out as a
    note ``N1  - dateother: Fall meeting`` and came in again inside the note. It goes back in
    ``PY``'s other part, with ``circa`` after it."""
    text = ("TY  - CONF\nTI  - T\nPY  - 2017///Fall meeting\nER  - \n"
            "TY  - JOUR\nTI  - U\nPY  - 2021 Mar-Apr\nER  - \n")
    once = ris_reader.read(text).records
    written = ris_writer.write(once)
    assert [line for line in written.splitlines() if line[:2] in ("PY", "DA", "N1")] == [
        "PY  - 2017///Fall meeting", "PY  - 2021///-Apr", "DA  - 2021/03//"]
    again = ris_reader.read(written).records
    assert [(r.get("issued"), dict(r.extra), r.get("note")) for r in again] == [
        (Date(parts=((2017,),)), {"dateother": "Fall meeting"}, None),
        (Date(parts=((2021, 3),)), {"dateother": "-Apr"}, None)]
    circa = Record("c", "book", {"title": "C", "issued": Date(parts=((1900,),), circa=True)},
                   extra={"dateother": "or later"})
    assert "PY  - 1900///or later circa" in ris_writer.write([circa]).splitlines()
    (back,) = ris_reader.read(ris_writer.write([circa])).records
    assert (back.get("issued"), dict(back.extra)) == (Date(parts=((1900,),), circa=True),
                                                      {"dateother": "or later"})


def test_variables_without_a_tag_are_notes() -> None:
    """CSL variables the writer has no tag for (PMID, event-title, container-author,
    original-date, number-of-pages...) were dropped with no word, exit 0; they are ``N1`` notes
    ``variable: value``, as extra fields are."""
    record = Record("k", "paper-conference", {
        "title": "T", "container-title": "Proc. X", "PMID": "12345", "event-title": "X 2020",
        "event-place": "Paris", "container-author": (Name(family="Roe", given="Rick"),
                                                     Name(literal="ACM")),
        "original-date": Date(parts=((1899, 5),)), "number-of-pages": "300", "version": "2"},
        extra={"howpublished": "Printed"})
    assert ris_writer.write([record]).splitlines() == [
        "TY  - CPAPER", "ID  - k", "TI  - T", "T2  - Proc. X", "N1  - PMID: 12345",
        "N1  - container-author: Roe, Rick; ACM", "N1  - event-place: Paris",
        "N1  - event-title: X 2020", "N1  - number-of-pages: 300",
        "N1  - original-date: 1899-05", "N1  - version: 2", "N1  - howpublished: Printed", "ER  - "]


def test_literal_access_date_is_written() -> None:
    """An ``accessed`` with no date parts (``urldate = {last week}``) was dropped; it is ``Y2``,
    read back as the ``urldate`` field it came from."""
    record = Record("k", "webpage", {"title": "T", "accessed": Date(literal="last week")})
    assert "Y2  - last week" in ris_writer.write([record]).splitlines()
    assert ris_reader.read(ris_writer.write([record])).records[0].extra == {"urldate": "last week"}


def test_series_types_keep_container_and_series_apart() -> None:
    """A book, report or dataset's ``T2`` is read as its series: a container-title written as
    ``T2`` came back as the collection-title (and the series as ``rist3``). The series is ``T2``,
    the container ``JF``."""
    record = Record("k", "dataset", {"title": "T", "container-title": "Zenodo",
                                     "collection-title": "Series"})
    assert ris_writer.write([record]).splitlines() == [
        "TY  - DATA", "ID  - k", "TI  - T", "T2  - Series", "JF  - Zenodo", "ER  - "]
    back = ris_reader.read(ris_writer.write([record])).records[0]
    assert (dict(back.fields), dict(back.extra)) == (dict(record.fields), {})
    alone = Record("k", "report", {"title": "T", "container-title": "Big Work"})
    assert dict(ris_reader.read(ris_writer.write([alone])).records[0].fields) == dict(alone.fields)


def test_bce_year_macro_only_journal_and_annote() -> None:
    """``PY  - -3000///circa`` (a BCE year, as written) was read back as a literal; a journal that
    is only an undefined macro (ADS's ``\\aap``) printed nothing and its ``T2`` was dropped; a
    CSL ``annote`` went out as a note: it is ``RN``, which reads back as ``annote``."""
    old = Record("k", "book", {"title": "T", "issued": Date(parts=((-3000,),), circa=True),
                               "annote": "Read it"})
    assert ris_writer.write([old]).splitlines() == [
        "TY  - BOOK", "ID  - k", "TI  - T", "PY  - -3000///circa", "RN  - Read it", "ER  - "]
    assert dict(ris_reader.read(ris_writer.write([old])).records[0].fields) == dict(old.fields)
    ads = Record("a", "article-journal", {"title": "T",
                                          "container-title": '<span class="tex">\\aap</span>'})
    assert "T2  - \\aap" in ris_writer.write([ads]).splitlines()
