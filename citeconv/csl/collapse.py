"""Cite grouping and collapsing (CSL 1.0.2 §Citation: collapse, cite-group-delimiter, ...).

Contract
- Works on the cites of one citation, already sorted, disambiguated and rendered; knows nothing
  of the output tree. For each cite the caller gives a ``CollapseCite``: three renderings
  (``full``; ``no_names`` with the first names output removed; ``suffix_only`` with the names
  removed and the dates reduced to their year suffix) plus what collapsing compares:
  ``names`` (a signature of the first names output, None when the cite shows no names),
  ``years`` (the years of its dates), ``year_suffix`` and ``number`` (the citation number when
  the cite shows that number and nothing else), ``prefix`` / ``suffix`` (the cite has an affix).
- ``collapse_cites(cites, opts)`` returns the citation's body as a flat list of renderings and
  delimiter strings (``Join``), to be wrapped in the layout's affixes by the caller:
  * ``collapse="citation-number"``: runs of three or more consecutive numbers become
    ``first–last``; two stay apart; after a range comes ``after-collapse-delimiter``.
  * ``collapse="year" | "year-suffix" | "year-suffix-ranged"``: cites with the same names are
    grouped (a later one moves up to the first; a cite with a suffix, or a prefix after the first,
    is never moved); within a group the names are shown once and groups are joined with
    ``after-collapse-delimiter``, cites inside with ``cite-group-delimiter`` (default ", ").
    The year-suffix modes further reduce same-year cites to their suffix (``2000a, c``), joined
    with ``year-suffix-delimiter``; ``-ranged`` turns three or more consecutive suffixes into
    ``a–c``.
  * no collapse but a ``cite-group-delimiter``: cites with the same names are grouped and joined
    with it, groups with the layout delimiter.
  * otherwise every cite with the layout delimiter.
  The rules (and the "year" quirk: after a cite that stands alone, the after-collapse delimiter)
  follow jgm/citeproc's ``groupAndCollapseCitations``.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["CollapseCite", "CollapseOptions", "Join", "collapse_cites"]

P = TypeVar("P")
EN_DASH = "\u2013"


@dataclass(frozen=True, slots=True)
class Join:
    """A delimiter between renderings (text, not escaped yet)."""

    text: str


@dataclass(frozen=True, slots=True)
class CollapseCite(Generic[P]):
    full: P
    no_names: P
    suffix_only: P
    names: Hashable | None = None
    years: tuple[int | None, ...] = ()
    year_suffix: int | None = None
    number: int | None = None
    prefix: bool = False
    suffix: bool = False
    locator: bool = False
    date_only: bool = False   # shows a date but no names (grouped together, e.g. "1955a, b")


@dataclass(frozen=True, slots=True)
class CollapseOptions:
    collapse: str | None = None
    delimiter: str = ""
    cite_group_delimiter: str | None = None
    year_suffix_delimiter: str | None = None
    after_collapse_delimiter: str | None = None

    @property
    def group_delim(self) -> str | None:
        if self.cite_group_delimiter is not None:
            return self.cite_group_delimiter
        return ", " if self.collapse else None

    @property
    def after_delim(self) -> str:
        a = self.after_collapse_delimiter
        return self.delimiter if a is None else a

    @property
    def suffix_delim(self) -> str:
        y = self.year_suffix_delimiter
        return self.delimiter if y is None else y


Out = list  # list[P | Join]


def collapse_cites(cites: Sequence[CollapseCite[P]], opts: CollapseOptions) -> Out:
    if opts.collapse == "citation-number":
        return _numbers(cites, opts)
    gd = opts.group_delim
    if gd is None:
        return _joined([c.full for c in cites], opts.delimiter)
    groups = _group(cites)
    if not opts.collapse:
        out: Out = []
        for n, g in enumerate(groups):
            if n:
                out.append(Join(opts.delimiter))
            out.extend(_joined([c.full for c in g], gd))
        return out
    return _collapse_groups(groups, opts, gd)


def _joined(parts: Sequence[object], delim: str) -> Out:
    out: Out = []
    for n, p in enumerate(parts):
        if n and delim:
            out.append(Join(delim))
        out.append(p)
    return out


def _numbers(cites: Sequence[CollapseCite[P]], opts: CollapseOptions) -> Out:
    runs: list[list[CollapseCite[P]]] = []
    for c in cites:
        prev = runs[-1][-1] if runs else None
        if (prev is not None and prev.number is not None and c.number is not None
                and c.number == prev.number + 1):
            runs[-1].append(c)
        else:
            runs.append([c])
    out: Out = []
    for n, run in enumerate(runs):
        if n:
            ranged = len(runs[n - 1]) >= 3
            out.append(Join(opts.after_delim if ranged else opts.delimiter))
        if len(run) >= 3:
            out.extend([run[0].full, Join(EN_DASH), run[-1].full])
        else:
            out.extend(_joined([c.full for c in run], opts.delimiter))
    return out


def _same(a: CollapseCite[P], b: CollapseCite[P]) -> bool:
    if a.names is not None and b.names is not None:
        return a.names == b.names
    return a.names is None and b.names is None and a.date_only and b.date_only


def _group(cites: Sequence[CollapseCite[P]]) -> list[list[CollapseCite[P]]]:
    """Cites with the same names brought together, never moving one past an affix."""
    rest = list(cites)
    groups: list[list[CollapseCite[P]]] = []
    while rest:
        first, rest = rest[0], rest[1:]
        if first.suffix:
            groups.append([first])
            continue
        span = 0
        while span < len(rest) and not rest[span].prefix and not rest[span].suffix:
            span += 1
        movable, tail = rest[:span], rest[span:]
        groups.append([first] + [c for c in movable if _same(first, c)])
        rest = [c for c in movable if not _same(first, c)] + tail
    return groups


def _collapse_groups(groups: list[list[CollapseCite[P]]], opts: CollapseOptions,
                     gd: str) -> Out:
    out: Out = []
    year_mode = opts.collapse == "year"
    state = False
    for n, group in enumerate(groups):
        parts, suffix_collapsed = _reduce(group, opts)
        # jgm/citeproc's "noCollapse": removing names changed nothing and no suffix collapsed
        single = not suffix_collapsed and all(c.names is None for c in group[1:])
        if n:
            if state and not year_mode:
                out.append(Join(opts.delimiter))
            else:
                out.append(Join(opts.after_delim))
        any_locator = any(c.locator for c in group)
        inner = gd if (single or not suffix_collapsed and not (year_mode and any_locator)) \
            else opts.after_delim
        out.extend(_joined_parts(parts, inner))
        state = single
    return out


def _joined_parts(parts: list[Out], delim: str) -> Out:
    out: Out = []
    for n, p in enumerate(parts):
        if n:
            out.append(Join(delim))
        out.extend(p)
    return out


def _reduce(group: list[CollapseCite[P]], opts: CollapseOptions) -> tuple[list[Out], bool]:
    """The group's parts (names shown once; year suffixes run together), and whether any
    year-suffix collapsing happened."""
    if opts.collapse not in ("year-suffix", "year-suffix-ranged"):
        return [[group[0].full]] + [[c.no_names] for c in group[1:]], False
    runs: list[list[CollapseCite[P]]] = []
    for c in group:
        head = runs[-1][0] if runs else None
        if (head is not None and c.years == head.years and c.year_suffix is not None
                and head.year_suffix is not None):
            runs[-1].append(c)
        else:
            runs.append([c])
    parts: list[Out] = []
    collapsed = False
    for r, run in enumerate(runs):
        first = run[0].full if r == 0 else run[0].no_names
        if len(run) == 1:
            parts.append([first])
            continue
        collapsed = True
        items = [first] + [c.suffix_only for c in run[1:]]
        if opts.collapse == "year-suffix-ranged":
            parts.append(_suffix_ranges(run, items, opts.suffix_delim))
        else:
            parts.append(_joined(items, opts.suffix_delim))
    return parts, collapsed


def _suffix_ranges(run: list[CollapseCite[P]], items: list[object], delim: str) -> Out:
    spans: list[list[int]] = []
    for i, c in enumerate(run):
        if spans and c.year_suffix == (run[spans[-1][-1]].year_suffix or 0) + 1:
            spans[-1].append(i)
        else:
            spans.append([i])
    pieces: list[Out] = []
    for span in spans:
        if len(span) >= 3:
            pieces.append([items[span[0]], Join(EN_DASH), items[span[-1]]])
        else:
            pieces.append(_joined([items[i] for i in span], delim))
    return _joined_parts(pieces, delim)
