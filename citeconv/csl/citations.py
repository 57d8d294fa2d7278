"""The citation level: from items and clusters to rendered citations and bibliography entries.

Contract
- ``process(core, item_ids, clusters, bibliography=True, bib_ids=None, tracked=False,
  sort_bibliography=True)`` runs:
  1. citation numbers in input order (``tracked``: in order of first citation, and only
     cited items are registered: numbered, disambiguated, in the bibliography);
  2. the bibliography sorted by its cs:sort keys (stable; without keys: citation order) and
     the numbers re-assigned in that order (reversed when the first key is a descending
     citation-number or macro key, as citeproc-js does);
  3. positions (``positions.assign_positions``) and disambiguation
     (``disambiguate.disambiguate``) over every cite without affixes or locators plus one
     plain cite per item, year suffixes in bibliography order;
  4. the cites of each citation sorted by the citation's cs:sort keys (rendered with the
     given names the disambiguation expanded), never moving a cite across one with a prefix
     or suffix; when that changed an order, positions and disambiguation again;
  5. ``tracked`` (citations of a document, citeproc-js processCitationCluster): items are
     numbered in the order of their first cite and, in a style with a grouped sort, cites
     with the same names are regrouped; otherwise (makeCitationCluster after updateItems) in
     the order given, sorted with ``sort.shift_directions`` in a style with a grouped sort;
  6. each citation rendered, cites wrapped in their affixes, grouped and collapsed
     (``collapse.collapse_cites``) and put in the layout;
  7. the bibliography rendered with the final disambiguation state and
     ``subsequent-author-substitute`` applied (``subsequent.plan``).
- ``core`` is the evaluator seen through the small ``Core`` protocol below: it renders one
  item in a section with a cite, a position and a disambiguation state, and answers questions
  about the rendered tree (text, names, years, citation number) and edits it (names removed,
  dates reduced to the year suffix, substitutes). All state lives in this call.
- Unknown ids in clusters are dropped from their cluster with a warning naming the id; a cite
  or entry the core fails on becomes a warning naming the item and the reason, and the rest is
  rendered.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from .collapse import CollapseCite, CollapseOptions, Join, collapse_cites
from .disambiguate import CiteView, DisambState, NameKey, Options, disambiguate
from .positions import CiteItem, Cluster, Position, assign_positions, parse_cluster
from .sort import SortKey, compare_keys, shift_directions, sort_ids
from .subsequent import EntryNames, plan

__all__ = ["Core", "Processed", "process"]

FIRST = Position()


class Core(Protocol):
    """What the citation level needs from the evaluator (``P`` is its output piece type)."""

    note_style: bool
    near_note_distance: int
    disamb_options: Options
    collapse_options: CollapseOptions
    substitute: tuple[str, str] | None          # (text, rule) of subsequent-author-substitute
    has_bibliography: bool
    has_citation_sort: bool
    bib_sort_first_descending_number: bool        # first bib key: descending citation-number/macro

    def sort_keys(self, item_id: str, section: str, numbers: dict[str, int],
                  state: DisambState | None = None) -> list[SortKey]: ...
    def render(self, item_id: str, section: str, cite: CiteItem | None, position: Position | None,
               state: DisambState, numbers: dict[str, int], light: bool = False) -> Any: ...
    # light=True: only text and names are read (disambiguation); the rest may be left empty
    def text(self, piece: Any) -> str: ...
    def names(self, piece: Any) -> tuple[tuple[NameKey, ...], tuple[NameKey, ...]]: ...
    def first_names(self, piece: Any) -> tuple[Hashable | None, tuple[NameKey, ...] | None, str]: ...
    def years(self, piece: Any) -> tuple[int | None, ...]: ...
    def has_date(self, piece: Any) -> bool: ...
    def citation_number(self, piece: Any) -> int | None: ...
    def has_locator(self, piece: Any) -> bool: ...
    def is_ibid(self, piece: Any) -> bool: ...
    def without_names(self, piece: Any) -> Any: ...
    def suffix_only(self, piece: Any) -> Any: ...
    def with_affixes(self, piece: Any, cite: CiteItem) -> Any: ...
    def author_only(self, piece: Any) -> Any: ...
    def suppress_author(self, piece: Any) -> Any: ...
    def layout(self, parts: list[Any], section: str, cluster: Cluster) -> Any: ...
    def apply_substitute(self, piece: Any, kind: str, count: int, text: str,
                         state: DisambState, numbers: dict[str, int]) -> Any: ...


@dataclass(frozen=True)
class Processed:
    citations: tuple[Any, ...]                    # one piece per cluster (None when failed)
    bibliography: tuple[tuple[str, Any], ...]     # (item id, piece) in bibliography order
    warnings: tuple[str, ...] = ()
    states: dict[str, DisambState] = field(default_factory=dict)


def _cited_order(clusters: Sequence[Cluster], item_ids: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for c in clusters:
        for it in c.items:
            seen.setdefault(it.id)
    return list(seen) + [i for i in item_ids if i not in seen]


def _sort_cites(core: Core, cluster: Cluster, numbers: dict[str, int],
                shifted: bool = False, states: dict[str, DisambState] | None = None) -> Cluster:
    items = list(cluster.items)
    if len(items) < 2:
        return cluster
    keys = {it.id: core.sort_keys(it.id, "citation", numbers,
                                  _hints_only(states.get(it.id) if states else None))
            for it in items}
    if not any(keys.values()):
        return cluster
    if shifted:  # citeproc-js makeCitationCluster with a grouped sort: see sort.shift_directions
        keys = {i: shift_directions(k) for i, k in keys.items()}
    # citeproc-js sorts every cite, prefix and suffix travelling with it (jgm/citeproc keeps a
    # cite with a prefix or suffix in place; the reference here is citeproc-js)
    out = sorted(items, key=_cmp_key(keys))
    return Cluster(tuple(out), cluster.note, cluster.prefix, cluster.suffix)


def _hints_only(state: DisambState | None) -> DisambState | None:
    return None if state is None or not state.hints else DisambState(hints=state.hints)


def _cmp_key(keys: dict[str, list[SortKey]]) -> Any:
    import functools

    return functools.cmp_to_key(lambda a, b: compare_keys(keys[a.id], keys[b.id]))


def process(core: Core, item_ids: Sequence[str], raw_clusters: Sequence[Any],
            bibliography: bool = True, bib_ids: Sequence[str] | None = None,
            tracked: bool = False, sort_bibliography: bool = True) -> Processed:
    warnings: list[str] = []
    known = set(item_ids)
    clusters: list[Cluster] = []
    for raw in raw_clusters:
        try:
            c = parse_cluster(raw)
        except ValueError as e:
            warnings.append(f"citation {raw!r} not rendered: {e}")
            c = Cluster(())
        for it in c.items:
            if it.id not in known:
                warnings.append(f"citation refers to unknown item {it.id!r}")
        clusters.append(Cluster(tuple(it for it in c.items if it.id in known), c.note,
                                c.prefix, c.suffix))
    # citeproc-js registers items in citation order in a document (processCitationCluster,
    # ``tracked``); makeCitationCluster after updateItems keeps the order items were given
    order = _cited_order(clusters, item_ids) if tracked else _cited_order([], item_ids)
    if tracked:  # only what the document cites is registered (numbers, disambiguation)
        cited = set(_cited_order(clusters, []))
        order = [i for i in order if i in cited]
    numbers = {i: n for n, i in enumerate(order, start=1)}
    in_bib = list(bib_ids) if bib_ids is not None else order
    if tracked:
        in_bib = [i for i in in_bib if i in cited]
    if core.has_bibliography:
        bib_order = sort_ids(in_bib, lambda i: core.sort_keys(i, "bibliography", numbers)) \
            if sort_bibliography else list(in_bib)
        ranked = list(reversed(bib_order)) if core.bib_sort_first_descending_number else bib_order
        numbers = {i: n for n, i in enumerate(ranked, start=1)}
        in_ranked = set(ranked)
        numbers.update({i: len(ranked) + n for n, i in enumerate(
            (i for i in order if i not in in_ranked), start=1)})
    else:
        bib_order = list(in_bib)
    rank = {i: n for n, i in enumerate(bib_order)}
    copts = core.collapse_options
    grouped = copts.in_text and bool(copts.collapse) or bool(copts.cite_group_delimiter) and \
        copts.collapse != "citation-number"
    positions = assign_positions(clusters, core.note_style, core.near_note_distance)
    states = _disambiguate(core, clusters, positions, order, numbers, rank, warnings)
    if core.has_citation_sort:
        # citation sort keys see the given names disambiguation expanded (citeproc-js sorts
        # after updateItems has disambiguated); a new order can change positions, so again
        unsorted = clusters
        clusters = [_sort_cites(core, c, numbers, grouped and not tracked, states)
                    for c in clusters]
        if clusters != unsorted:
            positions = assign_positions(clusters, core.note_style, core.near_note_distance)
            states = _disambiguate(core, clusters, positions, order, numbers, rank, warnings)
        if tracked and grouped:
            copts = replace(copts, regroup=True)
    cites_out = tuple(_render_cluster(core, c, p, states, numbers, warnings, copts)
                      for c, p in zip(clusters, positions))
    bib_out: tuple[tuple[str, Any], ...] = ()
    if bibliography and core.has_bibliography:
        bib_out = _render_bibliography(core, bib_order, states, numbers, warnings)
    return Processed(cites_out, bib_out, tuple(warnings), states)


def _safe_render(core: Core, warnings: list[str], item_id: str, *args: Any, **kw: Any) -> Any:
    try:
        return core.render(item_id, *args, **kw)
    except Exception as e:  # noqa: BLE001 - one item must not take the others down
        warnings.append(f"item {item_id!r} not rendered: {type(e).__name__}: {e}")
        return None


def _disambiguate(core: Core, clusters: list[Cluster], positions: list[tuple[Position, ...]],
                  order: list[str], numbers: dict[str, int], rank: dict[str, int],
                  warnings: list[str]) -> dict[str, DisambState]:
    opts = core.disamb_options
    if not (opts.add_names or opts.add_givenname or opts.add_year_suffix or opts.condition):
        return {i: DisambState() for i in order}
    plain: list[tuple[CiteItem, Position]] = []
    for c, ps in zip(clusters, positions):
        for it, p in zip(c.items, ps):
            if it.suppress_author or it.author_only:
                continue
            plain.append((CiteItem(it.id), p))
    plain.extend((CiteItem(i), FIRST) for i in order)
    memo: dict[tuple[str, Position, DisambState], CiteView | None] = {}
    quiet: list[str] = []

    def render(states: dict[str, DisambState]) -> list[CiteView]:
        views = []
        for cite, pos in plain:
            key = (cite.id, pos, states[cite.id])
            if key not in memo:
                piece = _safe_render(core, quiet, cite.id, "citation", cite, pos, states[cite.id],
                                     numbers, light=True)
                if piece is None or core.is_ibid(piece):
                    memo[key] = None
                else:
                    names, primary = core.names(piece)
                    memo[key] = CiteView(cite.id, core.text(piece), names, primary)
            if memo[key] is not None:
                views.append(memo[key])
        return views

    return disambiguate(render, opts, rank, order)


def _collapse_cite(core: Core, piece: Any, cite: CiteItem) -> CollapseCite[Any]:
    sig, _keys, _text = core.first_names(piece)
    wrapped = core.with_affixes(piece, cite)
    no_names = core.with_affixes(core.without_names(piece), cite)
    suffix_only = core.with_affixes(core.suffix_only(piece), cite)
    number = None if (cite.prefix or cite.suffix or cite.locator) else core.citation_number(piece)
    return CollapseCite(wrapped, no_names, suffix_only, names=sig, years=core.years(piece),
                        year_suffix=None, number=number, prefix=bool(cite.prefix),
                        suffix=bool(cite.suffix), locator=core.has_locator(piece),
                        date_only=sig is None and core.has_date(piece),
                        prefix_text=cite.prefix or "", suffix_text=cite.suffix or "")


def _render_cluster(core: Core, cluster: Cluster, positions: tuple[Position, ...],
                    states: dict[str, DisambState], numbers: dict[str, int],
                    warnings: list[str], copts: CollapseOptions) -> Any:
    cites: list[CollapseCite[Any]] = []
    for n, (it, pos) in enumerate(zip(cluster.items, positions)):
        piece = _safe_render(core, warnings, it.id, "citation", it, pos, states[it.id], numbers,
                             first=n == 0)
        if piece is None:
            continue
        if it.author_only:
            piece = core.author_only(piece)
        elif it.suppress_author:
            piece = core.suppress_author(piece)
        cc = _collapse_cite(core, piece, it)
        ys = states[it.id].year_suffix
        cites.append(replace(cc, year_suffix=ys))
    if not cites:
        return None
    parts = collapse_cites(cites, copts)
    return core.layout(parts, "citation", cluster)


def _render_bibliography(core: Core, bib_order: list[str], states: dict[str, DisambState],
                         numbers: dict[str, int], warnings: list[str]
                         ) -> tuple[tuple[str, Any], ...]:
    entries: list[tuple[str, Any]] = []
    for i in bib_order:
        piece = _safe_render(core, warnings, i, "bibliography", None, None, states[i], numbers)
        if piece is not None:
            entries.append((i, piece))
    if core.substitute is not None and entries:
        text, rule = core.substitute
        names = []
        for _, piece in entries:
            _sig, keys, shown = core.first_names(piece)
            names.append(EntryNames(keys, shown))
        subs = plan(names, rule)
        entries = [(i, core.apply_substitute(p, s.kind, s.count, text, states[i], numbers) if s else p)
                   for (i, p), s in zip(entries, subs)]
    return tuple(entries)


__all__ += ["Join"]
