"""Round-trip properties over generated records: BibTeX and CSL-JSON out -> in is the identity,
and canonical BibTeX is a fixed point."""
from __future__ import annotations

import pytest
from hypothesis import given, settings

from citeconv import api
from citeconv.latex import decode, encode
from citeconv.model import Record
from strategies import arxiv_records, names, plain_text, records, rich_text

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None)


def _one(text: str, layout: str) -> Record:
    result = api.read(text, layout)
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    assert len(result.records) == 1
    return result.records[0]


FORMATS = {"bibtex": ("bibtex", {}), "ascii-bibtex": ("bibtex", {"ascii_only": True}),
           "csl-json": ("csl-json", {})}


@pytest.mark.parametrize("form", FORMATS)
@SETTINGS
@given(record=records() | arxiv_records)
def test_out_then_in_gives_the_same_record_and_the_same_text(form, record):
    fmt, options = FORMATS[form]
    text = api.write([record], fmt, **options)
    again = _one(text, fmt)
    assert again == record
    assert api.write([again], fmt, **options) == text


@SETTINGS
@given(rich_text())
def test_latex_codec_round_trips_rich_text(text):
    assert decode(encode(text, protect=True)) == text
    assert decode(encode(text, ascii_only=True, protect=True)) == text


@SETTINGS
@given(plain_text)
def test_encoded_text_has_balanced_braces_and_no_live_commands(text):
    encoded = encode(text)
    depth = 0
    for i, ch in enumerate(encoded):
        if ch in "{}" and (i == 0 or encoded[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            assert depth >= 0
    assert depth == 0


@SETTINGS
@given(names)
def test_names_round_trip_through_bibtex(author_list):
    from citeconv.names import format_bibtex_names, parse_bibtex_names
    assert parse_bibtex_names(format_bibtex_names(author_list)) == author_list
