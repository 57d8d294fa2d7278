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
  * ``collapse="year" | "year-suffix" | "year-suffix-ranged"`` (and a ``cite-group-delimiter``
    without collapse): a cite with the same names as the cite before it is "collapsed": its names
    are left out (only with a collapse mode). Cites are regrouped first (a later cite with the
    same names moves up to the first; never past a prefix or suffix) only when
    ``opts.regroup`` (citeproc-js: a citation sorted by processCitationCluster with grouped
    sort; makeCitationCluster and unsorted citations keep the cites where they are).
    The year-suffix modes reduce a collapsed cite with the same years as the cite before it to
    its year suffix (``2000a, b``), joined with ``cite-group-delimiter``, else
    ``year-suffix-delimiter``, else the layout delimiter; ``-ranged`` turns three or more
    consecutive suffixes into ``a–c``.
  * The delimiter before every other cite follows citeproc-js's ``getSpliceDelimiter``: with an
    ``after-collapse-delimiter``: after a cite with a locator, or after a collapsed cite before
    one that is not, or between two cites neither collapsed (not in year-suffix mode), that
    delimiter; else the layout delimiter. Without it: a collapsed cite gets the
    ``cite-group-delimiter`` if there is one, else ", " in an in-text style; else the layout
    delimiter.
  * otherwise every cite with the layout delimiter.
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
    prefix_text: str = ""
    suffix_text: str = ""


def _affix_delim(prev: CollapseCite[P] | None, cur: CollapseCite[P], delim: str) -> str:
    """citeproc-js: after a cite suffix ending in ``;.,`` the delimiter keeps only what follows
    its first space; before a cite prefix starting with one (no suffix before) it is dropped."""
    if prev is None:
        return delim
    after = prev.suffix_text[-1:] in (";", ".", ",") and bool(prev.suffix_text)
    before = not prev.suffix_text and cur.prefix_text[:1] in (";", ".", ",") and bool(cur.prefix_text)
    if not (after or before):
        return delim
    at = delim.find(" ")
    return delim[at:] if at > -1 and not before else ""


@dataclass(frozen=True, slots=True)
class CollapseOptions:
    collapse: str | None = None
    delimiter: str = ""
    cite_group_delimiter: str | None = None
    year_suffix_delimiter: str | None = None
    after_collapse_delimiter: str | None = None
    regroup: bool = False
    in_text: bool = True

    @property
    def grouping(self) -> bool:
        return bool(self.collapse) or bool(self.cite_group_delimiter)

    @property
    def suffix_delim(self) -> str:
        if self.cite_group_delimiter:
            return self.cite_group_delimiter
        y = self.year_suffix_delimiter
        return self.delimiter if y is None else y


Out = list  # list[P | Join]


def collapse_cites(cites: Sequence[CollapseCite[P]], opts: CollapseOptions) -> Out:
    if opts.collapse == "citation-number":
        return _numbers(cites, opts)
    if not opts.grouping:
        out: Out = []
        for n, c in enumerate(cites):
            if n:
                out.append(Join(_affix_delim(cites[n - 1], c, opts.delimiter)))
            out.append(c.full)
        return out
    order = [c for g in _group(cites) for c in g] if opts.regroup else list(cites)
    return _collapse(order, opts)


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
    after = opts.after_collapse_delimiter
    out: Out = []
    for n, run in enumerate(runs):
        if n:
            ranged = len(runs[n - 1]) >= 3
            delim = after if ranged and after is not None else opts.delimiter
            out.append(Join(_affix_delim(runs[n - 1][-1], run[0], delim)))
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


def _collapse(cites: list[CollapseCite[P]], opts: CollapseOptions) -> Out:
    suffix_mode = opts.collapse in ("year-suffix", "year-suffix-ranged")
    acd = opts.after_collapse_delimiter
    out: Out = []
    prev: CollapseCite[P] | None = None
    prev_collapsed = False
    run: list[tuple[CollapseCite[P], P]] = []   # a cite and the suffix-only cites after it

    def flush() -> None:
        if run:
            out.extend(_suffix_run(run, opts))
            run.clear()

    for c in cites:
        same = (prev is not None and not c.prefix and not prev.suffix and _same(prev, c))
        collapsed = same and bool(opts.collapse)
        if prev is None:
            run.append((c, c.full))
            prev, prev_collapsed = c, False
            continue
        if (collapsed and suffix_mode and c.years == prev.years and c.years
                and c.year_suffix is not None and prev.year_suffix is not None):
            run.append((c, c.suffix_only))
            prev, prev_collapsed = c, True
            continue
        flush()
        if acd is not None:
            if prev.locator or (prev_collapsed and not collapsed) or (
                    not prev_collapsed and not collapsed and opts.collapse != "year-suffix"):
                delim = acd
            else:
                delim = opts.delimiter
        elif same and opts.cite_group_delimiter:
            delim = opts.cite_group_delimiter
        elif collapsed and opts.in_text:
            delim = ", "
        else:
            delim = opts.delimiter
        out.append(Join(_affix_delim(prev, c, delim)))
        run.append((c, c.no_names if collapsed else c.full))
        prev, prev_collapsed = c, collapsed
    flush()
    return out


def _suffix_run(run: list[tuple[CollapseCite[P], P]], opts: CollapseOptions) -> Out:
    items = [r for _, r in run]
    if len(run) == 1:
        return items
    if opts.collapse == "year-suffix-ranged":
        return _suffix_ranges([c for c, _ in run], items, opts.suffix_delim)
    return _joined(items, opts.suffix_delim)


def _joined_parts(parts: list[Out], delim: str) -> Out:
    out: Out = []
    for n, p in enumerate(parts):
        if n:
            out.append(Join(delim))
        out.extend(p)
    return out


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
