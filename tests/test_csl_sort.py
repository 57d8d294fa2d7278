"""citeconv.csl.sort: collation like citeproc-js's localeCompare, key comparison, stable sort."""
from __future__ import annotations

import pytest

from citeconv.csl.sort import (SortKey, collation_key, compare_keys, date_sort_text,
                               variable_sort_text,
                               number_sort_text, sort_ids)


def _order(words: list[str]) -> list[str]:
    return sorted(words, key=collation_key)


@pytest.mark.parametrize("a, b", [
    ("Doe", "doe"),                      # case ignored
    ("Élan", "elan"),                    # accents ignored
    ("Łukasz", "Lukasz"),                # stroke letters folded
    ("Straße", "strasse"),
    ("d’Aspremont", "dAspremont"),       # punctuation ignored
    ("[F]linders", "Flinders"),
    ("van Gogh", "vanGogh"),             # spaces ignored (ICU "shifted")
    ("<i>Nature</i>", "Nature"),         # markup ignored
])
def test_equal_at_primary_strength(a: str, b: str) -> None:
    assert collation_key(a) == collation_key(b)


def test_order_of_words() -> None:
    assert _order(["Roe", "[F]linders", "doe", "Ábel", "zeta"]) == \
        ["Ábel", "doe", "[F]linders", "Roe", "zeta"]


def test_digits_compare_as_numbers_and_before_letters() -> None:
    assert _order(["vol 10", "vol 9", "vol a", "vol 09b"]) == ["vol 9", "vol 09b", "vol 10", "vol a"]
    assert collation_key("$") < collation_key("1") < collation_key("a") < collation_key("α")


def test_empty_key_sorts_last_in_both_directions() -> None:
    keys = {"a": [SortKey("B")], "b": [SortKey(None)], "c": [SortKey("A")], "d": [SortKey("")]}
    assert sort_ids("abcd", lambda i: keys[i]) == ["c", "a", "b", "d"]
    desc = {k: [SortKey(v[0].text, descending=True)] for k, v in keys.items()}
    assert sort_ids("abcd", lambda i: desc[i]) == ["a", "c", "b", "d"]


def test_keys_compare_left_to_right_and_sort_is_stable() -> None:
    keys = {"x": [SortKey("Doe"), SortKey("2001")], "y": [SortKey("doe"), SortKey("1999")],
            "z": [SortKey("Doe"), SortKey("2001")], "w": [SortKey("Adams"), SortKey("2005")]}
    assert sort_ids(["x", "y", "z", "w"], lambda i: keys[i]) == ["w", "y", "x", "z"]
    assert compare_keys(keys["x"], keys["z"]) == 0
    assert compare_keys([SortKey("a")], [SortKey("a"), SortKey("b")]) == -1


def test_date_sort_text() -> None:
    assert date_sort_text(None) is None and date_sort_text([[]]) is None
    order = [[[-44, 3, 15]], [[5]], [[1999]], [[1999, 12]], [[1999, 12, 31]], [[2000, 1, 1]],
             [[2000, 1, 1], [2000, 2]]]
    texts = [date_sort_text(d) for d in order]
    assert sorted(texts, key=lambda t: collation_key(t or "")) == texts
    # seasons (month 13-16) sort with the bare year
    assert date_sort_text([[2001, 14]]) == date_sort_text([[2001]])


def test_number_sort_text() -> None:
    assert number_sort_text(None) is None and number_sort_text(" ") is None
    assert collation_key(number_sort_text(9) or "") < collation_key(number_sort_text("10") or "")


def test_variable_sort_text() -> None:
    item = {"id": "x", "issued": {"date-parts": [["1999", 2]]}, "accessed": {"raw": "2020-03-04"},
            "author": [{"family": "Gaulle", "non-dropping-particle": "de", "given": "Charles"},
                       {"literal": "WHO"}, {"family": "Roe", "given": "Jane", "suffix": "Jr."}],
            "volume": 12, "title": "<i>On</i> Things", "edition": ""}
    assert variable_sort_text(item, "issued") == date_sort_text([[1999, 2]])
    assert variable_sort_text(item, "accessed") == date_sort_text([[2020, 3, 4]])
    assert variable_sort_text(item, "author") == "Gaulle de Charles, WHO, Roe Jane Jr."
    assert variable_sort_text(item, "author", demote="never").startswith("de Gaulle Charles")
    assert variable_sort_text(item, "author", names_min=2, names_use_first=1) == "Gaulle de Charles"
    assert variable_sort_text(item, "author", names_min=2, names_use_first=1,
                              names_use_last=True) == "Gaulle de Charles, Roe Jane Jr."
    assert variable_sort_text(item, "volume") == "12"
    assert variable_sort_text(item, "title") == "<i>On</i> Things"
    assert variable_sort_text(item, "edition") is None and variable_sort_text(item, "page") is None
    assert variable_sort_text(item, "citation-number", {"x": 4}) == "4"


_DATE_MACRO_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title></info>
  <macro name="nd"><group delimiter=" "><names variable="author"><name/></names>
    <text variable="title"/><date variable="issued"><date-part name="year"/></date></group></macro>
  <macro name="outer"><text variable="title"/><text macro="nd"/></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><sort><key macro="KEY"/></sort><layout><text variable="title"/></layout>
  </bibliography></style>"""


@pytest.mark.parametrize("key, order", [("nd", ["Zeta", "Alpha"]), ("outer", ["Alpha", "Zeta"])])
def test_a_macro_with_a_date_sorts_by_its_dates_only(key: str, order: list[str]) -> None:
    # citeproc-js (flagDateMacros): in a sort key, a macro holding a cs:date writes only its
    # dates; text around a call to such a macro still counts (checked with citeproc-js)
    from citeconv.csl import engine

    items = [{"id": "a", "type": "book", "title": "Zeta", "author": [{"family": "Zed"}],
              "issued": {"date-parts": [[2001]]}},
             {"id": "b", "type": "book", "title": "Alpha", "author": [{"family": "Abe"}],
              "issued": {"date-parts": [[2002]]}}]
    out = engine.render_bibliography(items, style=_DATE_MACRO_STYLE.replace("KEY", key), fmt="text")
    assert list(out.entries) == order
