"""citeconv.csl.subsequent: which entries get subsequent-author-substitute, under each rule."""
from __future__ import annotations

from citeconv.csl.subsequent import EntryNames, Substitution, plan

DOE, ROE, POE = "Doe", "Roe", "Poe"
ENTRIES = [EntryNames((DOE, ROE)), EntryNames((DOE, ROE)), EntryNames((DOE, POE)),
           EntryNames((DOE,)), EntryNames((ROE,)), EntryNames(None), EntryNames((ROE,))]


def test_complete_all() -> None:
    assert plan(ENTRIES) == [None, Substitution("all"), None, None, None, None, None]


def test_complete_each() -> None:
    assert plan(ENTRIES, "complete-each") == [None, Substitution("each", 2), None, None, None,
                                              None, None]


def test_partial_each_compares_with_the_run_owner() -> None:
    assert plan(ENTRIES, "partial-each") == [None, Substitution("each", 2), Substitution("each", 1),
                                             Substitution("each", 1), None, None, None]


def test_partial_first() -> None:
    assert plan(ENTRIES, "partial-first") == [None] + [Substitution("each", 1)] * 3 + [None] * 3


def test_substituted_titles_compare_by_text() -> None:
    titles = [EntryNames((), "Anonymous"), EntryNames((), "Anonymous"), EntryNames((), "Other")]
    assert plan(titles, "partial-each") == [None, Substitution("all"), None]
    assert plan([EntryNames((), ""), EntryNames((), "")]) == [None, None]
