"""Front door of citeconv's own CSL evaluator: ``render_bibliography`` / ``render_citations``.

Contract
- Same signatures and result (``citeconv.render.engine.Rendered``) as ``citeconv.render``.
  ``style`` is a name or path; a path to XML that is not a file is not accepted.
- Never raises on item data: an item the evaluator fails on becomes a warning
  ``item 'ID' not rendered in style NAME: Error: reason`` and the rest is rendered.
  Style problems (not found, unsafe, malformed) raise as in ``citeconv.render``.
- Items are cleaned by ``citeconv.render.items.prepare`` (the same cleaning the old layer does).
- The bibliography is sorted by the style's cs:sort keys (``sort.variable_sort_text`` for
  variable keys, the rendered macro's plain text for macro keys), stable on input order;
  citation numbers follow the sorted order when the style has no sort (cited order).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..render.engine import Rendered
from ..render.items import prepare
from . import output, style as style_mod
from .evaluate import Context, render_children, render_item
from .sort import SortKey, sort_ids, variable_sort_text

__all__ = ["render_bibliography", "render_citations", "Rendered"]


def _load(style: str, locale: str | None) -> style_mod.Style:
    if isinstance(style, str) and style.lstrip().startswith("<"):
        return style_mod.load_xml(style, locale)
    return style_mod.load(style, locale)


def _items(items: list[dict]) -> tuple[list[dict], list[str], dict[str, str]]:
    warns = []
    for it in items:
        if isinstance(it, dict):
            warns.extend(_shape_warnings(it))
    good, more, ids = prepare(items)
    return good, warns + list(more), ids


def _shape_warnings(item: dict) -> list[str]:
    """Values the evaluator cannot use are named, not dropped silently."""
    from .dates import date_parts
    from .sort import DATE_VARIABLES, NAME_VARIABLES

    iid = item.get("id")
    out = []
    for var in sorted(NAME_VARIABLES & item.keys()):
        v = item[var]
        if not isinstance(v, list) or not all(isinstance(n, dict) for n in v):
            out.append(f"item {iid!r}: {var} is not a list of names; it is left out")
    for var in sorted(DATE_VARIABLES & item.keys()):
        v = item[var]
        if not isinstance(v, dict) or (date_parts(v) is None and not v.get("literal")
                                       and not v.get("raw")):
            out.append(f"item {iid!r}: {var} is not a date ({v!r:.60}); it is left out")
    return out


def _sort_keys(st: style_mod.Style, item: dict, number: int | None) -> list[SortKey]:
    sec = st.bibliography
    keys = []
    for key in sec.sort if sec else ():
        desc = key.get("sort") == "descending"
        if key.get("variable"):
            var = key.get("variable")
            text = variable_sort_text(item, var, {str(item.get("id")): number or 0})
        else:
            macro = st.macros.get(key.get("macro"))
            text = None
            if macro is not None:
                opts = st.name_options("bibliography")
                for k in ("names-min", "names-use-first", "names-use-last"):
                    if key.get(k):
                        opts["et-al-" + k[6:]] = key.get(k)
                ctx = Context(st, st.locale, item, "bibliography", None, None, number, opts,
                              {"sort_key": True})  # names in sort order (CSL §Sorting)
                text = output.plain(render_children(macro.children, ctx, "")[0]) or None
        keys.append(SortKey(text, desc))
    return keys


@dataclass(frozen=True)
class _State:
    """Disambiguation state read by the evaluator (see ``evaluate.Context``)."""

    year_suffix: int | None = None
    names_added: int = 0
    givenname_level: int = 0
    disambiguate: bool = False


def _year_suffixes(st: style_mod.Style, by_id: dict[str, dict], order: list[str],
                   numbers: dict[str, int]) -> dict[str, _State]:
    """Year suffixes (a, b, ...) for items whose plain citations collide, in bibliography order.

    Only ``disambiguate-add-year-suffix``; add-names/add-givenname are E2's ``disambiguate``
    module's job once the citation-level pipeline is wired (not yet).
    """
    sec = st.citation
    if sec is None or sec.options.get("disambiguate-add-year-suffix") != "true":
        return {}
    groups: dict[str, list[str]] = {}
    for i in order:
        try:
            key = output.plain(render_item(st, by_id[i], "citation", cite={"id": i},
                                           number=numbers[i]))
        except Exception:  # noqa: BLE001 - reported when the entry is rendered
            continue
        groups.setdefault(key, []).append(i)
    out: dict[str, _State] = {}
    for ids in groups.values():
        if len(ids) > 1:
            for n, i in enumerate(ids):
                out[i] = _State(year_suffix=n)
    return out


def _name(style: str) -> str:
    return style if len(style) < 80 else "(inline style)"


def render_bibliography(items: list[dict], style: str = "apa", fmt: str = "text",
                        locale: str | None = None) -> Rendered:
    st = _load(style, locale)
    good, warns, ids = _items(items)
    if st.bibliography is None:
        return Rendered((), (), tuple(warns) + ("style has no bibliography",))
    by_id = {str(it.get("id")): it for it in good}
    order = list(by_id)
    numbers = {k: i + 1 for i, k in enumerate(order)}
    failed: set[str] = set()

    def keys_of(i: str) -> list[SortKey]:
        try:
            return _sort_keys(st, by_id[i], numbers[i])
        except Exception:  # noqa: BLE001 - reported when rendering
            return []

    if st.bibliography.sort:
        order = sort_ids(order, keys_of)
        numbers = {k: i + 1 for i, k in enumerate(order)}
    sec = st.bibliography
    layout = sec.layout
    states = _year_suffixes(st, by_id, order, numbers)
    entries, out_ids = [], []
    for i in order:
        try:
            text = render_item(st, by_id[i], "bibliography", number=numbers[i],
                               state=states.get(i))
            text = output.affix(text, layout.get("prefix"), layout.get("suffix"))
            text = output.wrap(text, layout.attrs)
            text = output.finish_entry(text, st.locale)
            entries.append(output.write(text, fmt))
            out_ids.append(ids.get(i, i))
        except Exception as e:  # noqa: BLE001 - one bad item must not hide the others
            failed.add(i)
            warns.append(f"item {ids.get(i, i)!r} not rendered in style {_name(style)}: "
                         f"{type(e).__name__}: {e}")
    return Rendered(tuple(entries), tuple(out_ids), tuple(warns))


def render_citations(items: list[dict], clusters: list[list[Any]], style: str = "apa",
                     fmt: str = "text", locale: str | None = None) -> Rendered:
    st = _load(style, locale)
    good, warns, ids = _items(items)
    by_id = {str(it.get("id")): it for it in good}
    lower = {k.lower(): k for k in by_id}
    sec = st.citation
    out = []
    numbers: dict[str, int] = {}
    for cluster in clusters:
        for c in cluster:
            cid = str(c.get("id") if isinstance(c, dict) else c)
            k = by_id.get(cid) and cid or lower.get(cid.lower())
            if k and k not in numbers:
                numbers[k] = len(numbers) + 1
    for cluster in clusters:
        parts = []
        for c in cluster:
            cite = dict(c) if isinstance(c, dict) else {"id": c}
            cid = str(cite.get("id"))
            k = cid if cid in by_id else lower.get(cid.lower())
            if k is None:
                warns.append(f"citation refers to unknown item {cid!r}")
                continue
            try:
                t = render_item(st, by_id[k], "citation", cite=cite, number=numbers.get(k))
                parts.append(output.affix(t, cite.get("prefix"), cite.get("suffix")))
            except Exception as e:  # noqa: BLE001
                warns.append(f"item {cid!r} not rendered in style {_name(style)}: "
                             f"{type(e).__name__}: {e}")
        layout = sec.layout if sec else None
        text = output.join(parts, layout.get("delimiter", "") if layout is not None else "; ")
        if layout is not None and text:
            text = output.wrap(output.affix(text, layout.get("prefix"), layout.get("suffix")),
                               layout.attrs)
        out.append(output.write(output.finish_entry(text, st.locale), fmt))
    return Rendered(tuple(out), tuple(",".join(str(c.get("id") if isinstance(c, dict) else c)
                                             for c in cl) for cl in clusters), tuple(warns))
