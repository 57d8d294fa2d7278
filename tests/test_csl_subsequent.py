"""citeconv.csl.subsequent: which entries get subsequent-author-substitute, under each rule;
and the substitution rendered through the front door (expected strings checked against
citeproc-js 1.4 with the same style and items)."""
from __future__ import annotations

import pytest

from citeconv.csl import engine
from citeconv.csl.subsequent import EntryNames, Substitution, plan

DOE, ROE, POE = "Doe", "Roe", "Poe"
ENTRIES = [EntryNames((DOE, ROE)), EntryNames((DOE, ROE)), EntryNames((DOE, POE)),
           EntryNames((DOE,)), EntryNames((ROE,)), EntryNames(None), EntryNames((ROE,))]


def test_complete_all() -> None:
    # an entry with no names element (None) neither matches nor resets the comparison
    assert plan(ENTRIES) == [None, Substitution("all"), None, None, None, None, Substitution("all")]


def test_complete_each() -> None:
    assert plan(ENTRIES, "complete-each") == [None, Substitution("each", 2), None, None, None,
                                              None, Substitution("each", 1)]


def test_partial_each_compares_with_the_previous_entry() -> None:
    assert plan(ENTRIES, "partial-each") == [None, Substitution("each", 2), Substitution("each", 1),
                                             Substitution("each", 1), None, None,
                                             Substitution("each", 1)]
    # A B C, A B D, A B D: the third is compared with the second (its own names), not the first
    abd = [EntryNames(("A", "B", "C")), EntryNames(("A", "B", "D")), EntryNames(("A", "B", "D"))]
    assert plan(abd, "partial-each") == [None, Substitution("each", 2), Substitution("each", 3)]


def test_partial_first() -> None:
    assert plan(ENTRIES, "partial-first") == ([None] + [Substitution("each", 1)] * 3
                                              + [None, None, Substitution("each", 1)])


def test_substituted_titles_compare_by_text() -> None:
    titles = [EntryNames((), "Anonymous"), EntryNames((), "Anonymous"), EntryNames((), "Other")]
    assert plan(titles, "partial-each") == [None, Substitution("all"), None]
    assert plan(titles, "complete-each") == [None, Substitution("all"), None]
    assert plan([EntryNames((), ""), EntryNames((), "")]) == [None, None]
    # a title never matches a name list
    assert plan([EntryNames((DOE,)), EntryNames((), DOE)], "partial-first") == [None, None]


def _person(family: str, given: str) -> dict:
    return {"family": family, "given": given}


_J, _R, _P = _person("Doe", "John"), _person("Roe", "Jane"), _person("Poe", "Ed")
ITEMS = [
    {"id": "a", "type": "book", "title": "Alpha", "author": [_J, _R, _P]},
    {"id": "b", "type": "book", "title": "Beta", "author": [_J, _R, _P]},
    {"id": "c", "type": "book", "title": "Gamma", "author": [_J, _R, _person("Zed", "Zoe")]},
    {"id": "d", "type": "book", "title": "Delta", "author": [_J]},
    {"id": "e", "type": "book", "title": "Epsilon", "editor": [_J]},
    {"id": "f", "type": "book", "title": "Zeta",
     "author": [_J, _R, _P, _person("Kay", "Al"), _person("Lee", "Bo")]},
    {"id": "g", "type": "book", "title": "Eta",
     "author": [_J, _R, _P, _person("Kim", "Cy"), _person("Lee", "Bo")]},
    {"id": "k", "type": "book", "title": "Kappa",  # the same four names shown as "g"
     "author": [_J, _R, _P, _person("Kim", "Cy"), _person("Fox", "Di")]},
    {"id": "j", "type": "book", "title": "Iota", "author": [_R, _J]},
]


def _style(rule: str) -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography subsequent-author-substitute="---" subsequent-author-substitute-rule="{rule}"
                et-al-min="5" et-al-use-first="4">
    <layout suffix="."><group delimiter=". ">
      <names variable="author" prefix="[" suffix="]">
        <name name-as-sort-order="first" and="text" delimiter=", " delimiter-precedes-last="always"/>
        <label form="short" prefix=", "/>
        <substitute><names variable="editor"/><text variable="title"/></substitute>
      </names>
      <text variable="title"/>
    </group></layout>
  </bibliography></style>"""


FIRST = "[Doe, John, Jane Roe, and Ed Poe]. Alpha."
LAST = "[Roe, Jane, and John Doe]. Iota."
EXPECTED = {
    "complete-all": [
        "[---]. Beta.", "[Doe, John, Jane Roe, and Zoe Zed]. Gamma.", "[Doe, John]. Delta.",
        "[---, ed.]. Epsilon.", "[Doe, John, Jane Roe, Ed Poe, Al Kay, et al.]. Zeta.",
        "[Doe, John, Jane Roe, Ed Poe, Cy Kim, et al.]. Eta.", "[---]. Kappa."],
    "complete-each": [
        "[---, ---, and ---]. Beta.", "[Doe, John, Jane Roe, and Zoe Zed]. Gamma.",
        "[Doe, John]. Delta.", "[---, ed.]. Epsilon.",
        "[Doe, John, Jane Roe, Ed Poe, Al Kay, et al.]. Zeta.",
        "[Doe, John, Jane Roe, Ed Poe, Cy Kim, et al.]. Eta.", "[---, ---, ---, ---, et al.]. Kappa."],
    "partial-each": [
        "[---, ---, and ---]. Beta.", "[---, ---, and Zoe Zed]. Gamma.", "[---]. Delta.",
        "[---, ed.]. Epsilon.", "[---, Jane Roe, Ed Poe, Al Kay, et al.]. Zeta.",
        "[---, ---, ---, Cy Kim, et al.]. Eta.", "[---, ---, ---, ---, et al.]. Kappa."],
    "partial-first": [
        "[---, Jane Roe, and Ed Poe]. Beta.", "[---, Jane Roe, and Zoe Zed]. Gamma.", "[---]. Delta.",
        "[---, ed.]. Epsilon.", "[---, Jane Roe, Ed Poe, Al Kay, et al.]. Zeta.",
        "[---, Jane Roe, Ed Poe, Cy Kim, et al.]. Eta.", "[---, Jane Roe, Ed Poe, Cy Kim, et al.]. Kappa."],
}


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_rules_rendered(rule: str) -> None:
    out = engine.render_bibliography(ITEMS, style=_style(rule), fmt="text")
    assert list(out.entries) == [FIRST] + EXPECTED[rule] + [LAST]


def test_each_keeps_the_name_formatting_and_all_the_names_formatting() -> None:
    style = _style("complete-each").replace(
        '<names variable="author" prefix="[" suffix="]">', '<names variable="author" font-style="italic">'
    ).replace('<name name-as-sort-order', '<name font-weight="bold" name-as-sort-order')
    out = engine.render_bibliography(ITEMS[:2] + ITEMS[3:5], style=style, fmt="html")
    assert out.entries[1] == "<i><b>---</b>, <b>---</b>, and <b>---</b></i>. Beta."
    assert out.entries[3] == "<i><b>---</b>, ed.</i> Epsilon."
    out = engine.render_bibliography(ITEMS[:2], style=style.replace("complete-each", "complete-all"),
                                     fmt="html")
    assert out.entries[1] == "<i>---</i>. Beta."


def test_an_entry_without_names_does_not_break_the_run() -> None:
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography subsequent-author-substitute="---"><layout suffix="."><group delimiter=". ">
    <choose><if type="book"><names variable="author"><name/></names></if></choose>
    <text variable="title"/></group></layout></bibliography></style>"""
    items = [{"id": "a", "type": "book", "title": "A", "author": [_J]},
             {"id": "b", "type": "report", "title": "B", "author": [_J]},
             {"id": "c", "type": "book", "title": "C", "author": [_J]},
             {"id": "d", "type": "book", "title": "D"},
             {"id": "e", "type": "book", "title": "E", "author": [_J]}]
    out = engine.render_bibliography(items, style=style, fmt="text")
    assert out.entries == ("John Doe. A.", "B.", "---. C.", "D.", "---. E.")
