"""citeconv.csl.disambiguate: the algorithm over a small fake renderer (author-date cites)."""
from __future__ import annotations

from collections.abc import Mapping

from citeconv.csl.disambiguate import (CiteView, DisambState, NameKey, Options, disambiguate,
                                       initials_of, year_suffix_text)

ITEMS = {
    "a": ([("Doe", "John"), ("Roe", "Jane"), ("Poe", "Edgar")], 2001, "Alpha"),
    "b": ([("Doe", "John"), ("Moe", "Anne")], 2001, "Beta"),
    "c": ([("Doe", "Mary")], 2001, "Gamma"),
    "d": ([("Doe", "Mark")], 2001, "Delta"),
    "e": ([("Smith", "Ann")], 1999, "Epsilon"),
}


def _renderer(ids: list[str], et_al_min: int = 2, calls: list | None = None):
    def render(states: Mapping[str, DisambState]) -> list[CiteView]:
        if calls is not None:
            calls.append(dict(states))
        out = []
        for i in ids:
            names, year, title = ITEMS[i]
            st = states[i]
            keys = [NameKey(f, g) for f, g in names]
            shown = len(keys) if len(keys) < et_al_min else 1
            if st.et_al_names:
                shown = max(shown, min(st.et_al_names, len(keys)))
            parts = []
            for n, k in enumerate(keys[:shown]):
                hint = st.hint(k, n == 0)
                first = {"initials": initials_of(k.given) + ". ", "given": f"{k.given} "}.get(
                    hint or "", "")
                parts.append(first + (k.family or ""))
            text = ", ".join(parts) + (" et al." if shown < len(keys) else "")
            if st.condition:
                text += f", {title}"
            text += f" {year}"
            if st.year_suffix:
                text += year_suffix_text(st.year_suffix)
            out.append(CiteView(i, text, tuple(keys), tuple(keys[:1])))
        return out
    return render


def _texts(ids: list[str], options: Options, rank: dict[str, int] | None = None) -> list[str]:
    render = _renderer(ids)
    states = disambiguate(render, options, rank or {i: n for n, i in enumerate(ids)}, ids)
    return [v.text for v in render(states)]


def test_year_suffix_follows_rank() -> None:
    ids = ["c", "d", "e"]
    got = _texts(ids, Options(add_year_suffix=True, condition=False), {"d": 0, "c": 1, "e": 2})
    assert got == ["Doe 2001b", "Doe 2001a", "Smith 1999"]


def test_add_names_stops_at_the_first_difference() -> None:
    assert _texts(["a", "b"], Options(add_names=True)) == ["Doe, Roe et al. 2001", "Doe, Moe 2001"]


def test_add_givenname_by_cite_initials_then_full() -> None:
    assert _texts(["c", "d"], Options(add_givenname=True)) == ["Mary Doe 2001", "Mark Doe 2001"]
    ids = ["c", "e"]
    assert _texts(ids, Options(add_givenname=True)) == ["Doe 2001", "Smith 1999"]


def test_all_names_rule_expands_names_even_in_unambiguous_cites() -> None:
    opts = Options(add_givenname=True, rule="all-names")
    assert _texts(["c", "d", "e"], opts) == ["Mary Doe 2001", "Mark Doe 2001", "Smith 1999"]
    with_initials = Options(add_givenname=True, rule="all-names-with-initials",
                            add_year_suffix=True, condition=False)
    # initials cannot tell Mary from Mark: left to the year suffix
    assert _texts(["c", "d"], with_initials) == ["Doe 2001a", "Doe 2001b"]


def test_year_suffix_before_condition() -> None:
    # citeproc-js (default modes: disYears before disExtraText): a style with both shows the
    # year suffix; the disambiguate="true" condition only for what is still ambiguous
    render = _renderer(["c", "d"])
    states = disambiguate(render, Options(add_year_suffix=True), {"c": 0, "d": 1}, ["c", "d"])
    assert [v.text for v in render(states)] == ["Doe 2001a", "Doe 2001b"]
    assert not states["c"].condition and states["c"].year_suffix == 1
    states = disambiguate(render, Options(), {"c": 0, "d": 1}, ["c", "d"])
    assert [v.text for v in render(states)] == ["Doe, Gamma 2001", "Doe, Delta 2001"]


def test_helpers() -> None:
    assert [year_suffix_text(n) for n in (1, 2, 26, 27, 52, 53)] == \
        ["a", "b", "z", "aa", "az", "ba"]
    assert initials_of("Jean-Paul") == "JP" and initials_of("J. P.") == "JP"
    assert initials_of(None) == ""
    st = DisambState(hints=((NameKey("Doe", "J"), "given-if-primary"),))
    assert st.hint(NameKey("Doe", "J"), primary=True) == "given"
    assert st.hint(NameKey("Doe", "J"), primary=False) is None


def test_add_names_keeps_a_partial_split_then_year_suffixes_per_pair() -> None:
    ITEMS.update({
        "p1": ([("Smith", "A"), ("Jones", "B"), ("Brown", "C")], 1986, "P1"),
        "p2": ([("Smith", "A"), ("Jones", "B"), ("Brown", "C")], 1986, "P2"),
        "q1": ([("Smith", "A"), ("Jones", "B"), ("Brown", "C"), ("Green", "D")], 1986, "Q1"),
        "q2": ([("Smith", "A"), ("Jones", "B"), ("Brown", "C"), ("Green", "D")], 1986, "Q2")})
    got = _texts(["p1", "p2", "q1", "q2"], Options(add_names=True, add_year_suffix=True,
                                                   condition=False))
    assert got == ["Smith, Jones, Brown 1986a", "Smith, Jones, Brown 1986b",
                   "Smith, Jones, Brown et al. 1986a", "Smith, Jones, Brown et al. 1986b"]
