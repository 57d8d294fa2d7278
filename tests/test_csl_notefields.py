"""Variables in ``note`` (cheater syntax) read as citeproc-js 2.4.63 reads them.

Every expected value below was rendered by citeproc-js from the same item (style: title, type,
author, issued year, DOI, publisher and note, each with a visible prefix)."""
from __future__ import annotations

import pytest

from citeconv.csl import engine
from citeconv.csl.notefields import apply

STYLE = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
         "<info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>"
         '<citation><layout><text variable="title"/></layout></citation>'
         '<bibliography><layout><text variable="title"/><text variable="type" prefix=" type="/>'
         '<names variable="author" prefix=" au="><name/></names>'
         '<date variable="issued" prefix=" iss="><date-part name="year"/></date>'
         '<text variable="DOI" prefix=" doi="/><text variable="publisher" prefix=" pub="/>'
         '<text variable="note" prefix=" note=[" suffix="]"/></layout></bibliography></style>')


def entry(note: str, **fields: object) -> str:
    item = {"id": "a", "type": "article", "title": "T", "note": note, **fields}
    out = engine.render_bibliography([item], style=STYLE)
    return out.entries[0]


@pytest.mark.parametrize("note, fields, expected", [
    ("citation: 3 C.F.R. 294", {}, "T type=article"),
    ("My own note\nDOI: 10.1/x\nlastaccessed: 2008", {}, "T type=article doi=10.1/x note=[My own note]"),
    ("publisher: Already\nDOI: 10.1/y", {"publisher": "Pub"},
     "T type=article doi=10.1/y pub=Pub note=[publisher: Already]"),
    ("issued: 1999\nauthor: Doe || Jane\nauthor: Big Org", {"issued": {"date-parts": [[2020]]}},
     "T type=article au=Jane Doe, Big Org iss=1999"),
    ("type: book\nrest of it", {}, "T type=book note=[rest of it]"),
    ("{:DOI: 10.1/z} and text {:publisher: P}", {}, "T type=article doi=10.1/z note=[and text {:publisher: P}]"),
    ("Intro {:DOI: 10.1/z} {:publisher: P}", {}, "T type=article doi=10.1/z pub=P note=[Intro]"),
    ("\n\nissued: 2001-03\n\nNote body", {}, "T type=article iss=2001 note=[Note body]"),
    ("key1: has digits", {}, "T type=article note=[key1: has digits]"),
    ("note with colon: here", {}, "T type=article note=[note with colon: here]"),
    ("URL: http://x.org/a}b", {}, "T type=article note=[URL: http://x.org/a}b]"),
])
def test_note_fields_as_citeproc_js(note: str, fields: dict, expected: str) -> None:
    assert entry(note, **fields) == expected


def test_a_second_free_text_line_ends_the_reading() -> None:
    item = {"id": "a", "note": "My own note\nmore text\nDOI: 10.1/x"}
    assert apply(item) is item


def test_apply_never_mutates_and_leaves_other_items_alone() -> None:
    item = {"id": "a", "note": "DOI: 10.1/x", "title": "T"}
    assert apply(item) == {"id": "a", "DOI": "10.1/x", "title": "T"}
    assert item == {"id": "a", "note": "DOI: 10.1/x", "title": "T"}
    for same in ({"id": "b"}, {"id": "c", "note": 7}, {"id": "d", "note": "no fields here"}):
        assert apply(same) is same
