"""Cite positions (CSL 1.0.2 §Choose, ``position``) over a citation history, and cluster input.

Contract
- ``CiteItem`` is one cite as a caller gives it (citeproc-js CitationItem shape: ``id``,
  ``locator``, ``label``, ``prefix``, ``suffix``, ``suppress-author``, ``author-only``);
  ``Cluster`` is one citation: its cites and the note it sits in (``note`` None = in the text).
  ``parse_cluster`` accepts an id string, a list of ids / CitationItem dicts, or a citeproc-js
  Citation dict ``{"citationItems": [...], "properties": {"noteIndex": n}}``; bad entries raise
  ``ValueError`` naming what was expected (the front door turns that into a warning).
- ``assign_positions(clusters, note_style, near_note_distance=5)`` walks the clusters in document
  order and returns, per cluster, per cite, a ``Position``: the set of CSL position names that
  test true for that cite (``first``; or ``subsequent`` plus ``ibid`` / ``ibid-with-locator``
  when it repeats the cite right before it, plus ``near-note`` in a note style when the
  previous cite of the item is at most ``near_note_distance`` notes back), and the item's
  ``first-reference-note-number`` as seen by that cite (None on its first cite; in an in-text
  style only from a citation in a note, as citeproc-js). Not done: citeproc-js also sets
  near-note in in-text styles (outside notes every citation is in "note 0").
- The rules are jgm/citeproc's (``getPosition``): a cite is ibid when it directly follows the
  previous cite of the same item in the same citation, or opens the next citation while that
  previous cite stood alone in its citation and note (and the notes are adjacent when both are
  numbered); ibid-with-locator when the locator (or label) changed or appeared; a cite with no
  locator after one with a locator is only ``subsequent``. ``author-only`` cites leave no trace;
  a citation opening with one counts its next cite as the first. In a note style, citations
  in the text (no note number) have a history of their own (``position_IbidInText``).
- Pure: no state survives a call.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CiteItem", "Cluster", "Position", "parse_cluster", "assign_positions", "POSITIONS"]

POSITIONS = ("first", "subsequent", "ibid", "ibid-with-locator", "near-note")


@dataclass(frozen=True, slots=True)
class CiteItem:
    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False


@dataclass(frozen=True, slots=True)
class Cluster:
    items: tuple[CiteItem, ...]
    note: int | None = None
    prefix: str | None = None
    suffix: str | None = None


@dataclass(frozen=True, slots=True)
class Position:
    names: frozenset[str] = field(default_factory=lambda: frozenset({"first"}))
    first_note: int | None = None

    def test(self, name: str) -> bool:
        return name in self.names


def _text(value: Any) -> str | None:
    if value is None or value is False:
        return None
    s = str(value)
    return s if s != "" else None


def parse_item(raw: Any) -> CiteItem:
    if isinstance(raw, CiteItem):
        return raw
    if isinstance(raw, (str, int)) and not isinstance(raw, bool):
        return CiteItem(str(raw))
    if not isinstance(raw, Mapping) or raw.get("id") in (None, ""):
        raise ValueError("a cite must be an item id or a dict with an 'id', got %r" % (raw,))
    label = _text(raw.get("label"))
    locator = _text(raw.get("locator"))
    if locator is not None and label is None:
        label = "page"
    return CiteItem(id=str(raw["id"]), locator=locator, label=label,
                    prefix=_text(raw.get("prefix")), suffix=_text(raw.get("suffix")),
                    suppress_author=bool(raw.get("suppress-author")),
                    author_only=bool(raw.get("author-only")))


def parse_cluster(raw: Any) -> Cluster:
    """One cluster from any of the accepted shapes (see the module contract)."""
    if isinstance(raw, Cluster):
        return raw
    if isinstance(raw, (str, int)) and not isinstance(raw, bool):
        return Cluster((CiteItem(str(raw)),))
    if isinstance(raw, Mapping):
        if "citationItems" not in raw:
            return Cluster((parse_item(raw),))
        props = raw.get("properties") or {}
        note = props.get("noteIndex") if isinstance(props, Mapping) else None
        try:
            note_num = int(note) if note not in (None, "", 0, "0") else None
        except (TypeError, ValueError):
            raise ValueError("noteIndex must be a number, got %r" % (note,)) from None
        return Cluster(tuple(parse_item(i) for i in raw["citationItems"]), note_num,
                       _text(raw.get("prefix")), _text(raw.get("suffix")))
    if isinstance(raw, Sequence):
        return Cluster(tuple(parse_item(i) for i in raw))
    raise ValueError("a cluster must be a list of cites or a Citation dict, got %r" % (raw,))


@dataclass(frozen=True, slots=True)
class _Last:
    group: int
    note: int | None
    pos: int
    alone: bool
    label: str | None
    locator: str | None


def _alone(items: Sequence[CiteItem]) -> bool:
    if len(items) == 1:
        return True
    return (len(items) == 2 and items[0].id == items[1].id and items[0].author_only
            and items[1].suppress_author)


def assign_positions(clusters: Iterable[Cluster], note_style: bool,
                     near_note_distance: int = 5) -> list[tuple[Position, ...]]:
    # in a note style, citations in the text (no note) keep their own history (citeproc-js)
    histories: dict[bool, dict[str, _Last]] = {True: {}, False: {}}
    in_note: dict[int, set[str]] = {}
    first_note: dict[str, int] = {}
    out: list[tuple[Position, ...]] = []
    counters = {True: 0, False: 0}
    for cluster in clusters:
        items = cluster.items
        in_text = note_style and cluster.note is None
        last = histories[in_text]
        counters[in_text] += 1
        group = counters[in_text]
        start = 0 if items and items[0].author_only else 1
        row = []
        for pos, item in enumerate(items, start=start):
            names = _position(item, last.get(item.id), group, pos, cluster.note, in_note,
                              note_style, near_note_distance)
            row.append(Position(names, first_note.get(item.id)))
            if cluster.note is not None:
                in_note.setdefault(cluster.note, set()).add(item.id)
            if item.id not in first_note and (note_style or cluster.note is not None):
                first_note[item.id] = cluster.note if cluster.note is not None else group
            if not item.author_only:
                last[item.id] = _Last(group, cluster.note, pos, _alone(items), item.label,
                                      item.locator)
        out.append(tuple(row))
    return out


def _position(item: CiteItem, prev: _Last | None, group: int, pos: int, note: int | None,
              in_note: Mapping[int, set[str]], note_style: bool, distance: int) -> frozenset[str]:
    if prev is None:
        return frozenset({"first"})
    names = {"subsequent"}
    note_num = note if note is not None else group
    prev_note = prev.note if prev.note is not None else prev.group
    if note_style and note_num - prev_note <= distance:
        names.add("near-note")
    prev_alone = prev.alone and (prev.note is None or len(in_note.get(prev.note, ())) <= 1)
    adjacent_notes = note is None or prev.note is None or note - prev.note <= 1
    follows = ((group == prev.group and pos == prev.pos + 1)
               or (group == prev.group + 1 and adjacent_notes and pos == 1 and prev_alone))
    if follows:
        if prev.locator is None and item.locator is None:
            names.add("ibid")
        elif prev.locator is None or (item.locator is not None and (
                item.locator != prev.locator or item.label != prev.label)):
            names.update(("ibid", "ibid-with-locator"))
        elif item.locator is not None:
            names.add("ibid")
    return frozenset(names)
