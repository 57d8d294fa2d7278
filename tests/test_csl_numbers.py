"""citeconv.csl numbers and labels (CSL 1.0.2 §Number, §Label) with small styles of our own."""
from __future__ import annotations

from test_csl_dates import cite


def test_a_macro_whose_variables_are_all_empty_prints_nothing() -> None:
    # citeproc-js treats a called macro like cs:group: the term before a missing volume goes
    layout = ('<group delimiter=", "><text variable="title"/><text macro="vol"/></group>')
    macro = ('<macro name="vol"><text term="volume" form="short" suffix=" "/>'
             '<number variable="volume"/></macro>')
    item = {"title": "Syntax"}
    assert cite(layout, item, macros=macro) == "Syntax"
    assert cite(layout, dict(item, volume="3"), macros=macro) == "Syntax, vol. 3"
