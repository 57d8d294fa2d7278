"""citeconv.csl.positions: cluster parsing and first/subsequent/ibid/near-note over a history."""
from __future__ import annotations

import pytest

from citeconv.csl.positions import CiteItem, Cluster, assign_positions, parse_cluster


def _names(clusters: list, note_style: bool = True, distance: int = 5) -> list[list[list[str]]]:
    parsed = [parse_cluster(c) for c in clusters]
    return [[sorted(p.names) for p in row]
            for row in assign_positions(parsed, note_style, distance)]


def test_parse_cluster_shapes() -> None:
    assert parse_cluster("a") == Cluster((CiteItem("a"),))
    assert parse_cluster(["a", {"id": "b", "locator": "12"}]) == Cluster(
        (CiteItem("a"), CiteItem("b", locator="12", label="page")))
    c = parse_cluster({"citationItems": [{"id": 7, "label": "chapter", "locator": "3",
                                          "suppress-author": True}],
                       "properties": {"noteIndex": 4}})
    assert c == Cluster((CiteItem("7", locator="3", label="chapter", suppress_author=True),), 4)
    assert parse_cluster({"citationItems": ["x"], "properties": {"noteIndex": 0}}).note is None
    with pytest.raises(ValueError, match="'id'"):
        parse_cluster([{"locator": "1"}])
    with pytest.raises(ValueError, match="noteIndex"):
        parse_cluster({"citationItems": ["x"], "properties": {"noteIndex": "five"}})


def test_first_subsequent_ibid() -> None:
    got = _names([["a"], ["a"], [{"id": "a", "locator": "23"}], [{"id": "a", "locator": "23"}],
                  [{"id": "a"}], ["b"], ["a"]], note_style=False)
    assert got == [
        [["first"]],
        [["ibid", "subsequent"]],
        [["ibid", "ibid-with-locator", "subsequent"]],
        [["ibid", "subsequent"]],                      # same locator again
        [["subsequent"]],                               # locator dropped: not ibid
        [["first"]],
        [["subsequent"]],                               # b came between
    ]


def test_ibid_inside_one_citation_and_not_after_a_shared_citation() -> None:
    got = _names([["a", "a"], ["a", "b"], ["b"]], note_style=False)
    assert got == [[["first"], ["ibid", "subsequent"]],
                   [["subsequent"], ["first"]],
                   [["subsequent"]]]                   # previous b was not alone


def test_near_note_and_first_reference_note_number() -> None:
    clusters = [{"citationItems": ["a"], "properties": {"noteIndex": 1}},
                {"citationItems": ["b"], "properties": {"noteIndex": 2}},
                {"citationItems": ["a"], "properties": {"noteIndex": 4}},
                {"citationItems": ["a"], "properties": {"noteIndex": 10}}]
    parsed = [parse_cluster(c) for c in clusters]
    rows = assign_positions(parsed, note_style=True, near_note_distance=5)
    assert [sorted(r[0].names) for r in rows] == [
        ["first"], ["first"], ["near-note", "subsequent"], ["subsequent"]]
    assert [r[0].first_note for r in rows] == [None, None, 1, 1]
    # in-text styles: no near-note here (citeproc-js has it: not done); a citation in a note
    # gives the item its first-reference-note-number (citeproc-js processCitationCluster)
    rows = assign_positions(parsed, note_style=False)
    assert [sorted(r[0].names) for r in rows][2] == ["subsequent"]
    assert [r[0].first_note for r in rows] == [None, None, 1, 1]
    bare = [parse_cluster(c) for c in (["a"], ["a"])]
    assert assign_positions(bare, note_style=False)[1][0].first_note is None


def test_ibid_needs_adjacent_notes() -> None:
    clusters = [{"citationItems": ["a"], "properties": {"noteIndex": 1}},
                {"citationItems": ["a"], "properties": {"noteIndex": 3}},
                {"citationItems": ["a"], "properties": {"noteIndex": 4}}]
    assert [r[0] for r in _names(clusters)] == [
        ["first"], ["near-note", "subsequent"], ["ibid", "near-note", "subsequent"]]


def test_author_only_leaves_no_trace() -> None:
    got = _names([[{"id": "a", "author-only": True}, {"id": "a", "suppress-author": True}],
                  ["a"]], note_style=False)
    assert got == [[["first"], ["first"]], [["ibid", "subsequent"]]]


def test_near_note_distance_zero_means_same_note() -> None:
    clusters = [{"citationItems": ["a", "a"], "properties": {"noteIndex": 1}},
                {"citationItems": ["a"], "properties": {"noteIndex": 2}}]
    assert _names(clusters, distance=0) == [[["first"], ["ibid", "near-note", "subsequent"]],
                                            [["subsequent"]]]


def test_in_text_citations_of_a_note_style_have_their_own_history() -> None:
    clusters = [{"citationItems": ["a"], "properties": {"noteIndex": 0}},
                {"citationItems": ["b"], "properties": {"noteIndex": 1}},
                {"citationItems": ["a"], "properties": {"noteIndex": 0}}]
    assert [r[0] for r in _names(clusters)][2] == ["ibid", "near-note", "subsequent"]
