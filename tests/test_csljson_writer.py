"""The CSL-JSON writer's own serialiser gives exactly ``json.dumps(..., ensure_ascii=False,
indent=2, sort_keys=True)`` (it exists for speed: bench/convert_speed.py)."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from citeconv import api
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
