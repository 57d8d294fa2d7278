"""The CSL-JSON writer's own serialiser gives exactly ``json.dumps(..., ensure_ascii=False,
indent=2, sort_keys=True)`` (it exists for speed: bench/convert_speed.py)."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from citeconv import api
from citeconv.model import Date, Name, Record
from citeconv.writers import csljson
from strategies import records

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=20)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(JSON_VALUES)
def test_dumps_is_byte_for_byte_json_dumps(value):
    assert csljson.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


@settings(derandomize=True, max_examples=100, deadline=None)
@given(st.lists(records(), max_size=3))
def test_write_is_json_dumps_of_the_csl_items(items):
    expected = json.dumps([r.to_csl() for r in items], ensure_ascii=False, indent=2,
                          sort_keys=True) + "\n"
    assert api.write(items, "csl-json") == expected


_PART = st.text(alphabet="aéZ \"\\<>/\n\u00a0", max_size=4)
ANY_NAMES = st.lists(st.builds(Name, family=_PART, given=_PART, non_dropping_particle=_PART,
                               dropping_particle=_PART, suffix=_PART, literal=_PART),
                     max_size=3).map(tuple)
ANY_DATES = st.builds(Date, parts=st.lists(st.lists(st.integers(-3000, 3000), min_size=0,
                                                    max_size=3).map(tuple),
                                           max_size=2).map(tuple),
                      literal=_PART, circa=st.booleans(), season=st.integers(0, 4))
ANY_FIELDS = st.fixed_dictionaries({}, optional={
    "author": ANY_NAMES, "editor": ANY_NAMES, "issued": ANY_DATES, "accessed": ANY_DATES,
    **{var: _PART for var in ("title", "note", "number", "publisher", "keyword", "URL", "zz",
                              "a b")}})


@settings(derandomize=True, max_examples=400, deadline=None)
@given(ANY_FIELDS, st.dictionaries(st.sampled_from(["primaryclass", "file", "x y", "owner"]),
                                   _PART, max_size=2), _PART)
def test_records_of_any_shape_are_written_as_json_dumps_of_to_csl(fields, extra, key):
    """The writer serialises names and dates from the record itself (a fast path): the text is
    still that of ``to_csl()`` for any record of the hub's shape (names with every part, dates
    with a season or circa, an arXiv publisher, a ``note`` that extra lines join)."""
    if fields.get("publisher") is not None and extra.get("x y") == "":
        fields["publisher"], fields["number"] = "arXiv", "2101.00001"
    record = Record(id=key, type="article", fields=fields, extra=extra)
    expected = json.dumps([record.to_csl()], ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert csljson.write([record]) == expected
