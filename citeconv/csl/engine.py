"""Front door of citeconv's own CSL evaluator: ``render_bibliography`` / ``render_citations``.

Contract
- Same signatures and result (``citeconv.render.engine.Rendered``) as ``citeconv.render``.
  ``style`` is a name or path; a path to XML that is not a file is not accepted.
- Never raises on item data: an item the evaluator fails on becomes a warning
  ``item 'ID' not rendered in style NAME: Error: reason`` and the rest is rendered.
  Style problems (not found, unsafe, malformed) raise as in ``citeconv.render``.
- Items are cleaned by ``citeconv.render.items.prepare`` (the same cleaning the old layer does);
  their dates are then read again from the caller's values by ``datevalue.dates_in`` (seasons,
  ranges and EDTF that the old layer's cleaning cannot keep).
- Both run the citation-level pipeline ``citations.process`` over ``core.EvalCore`` (sorting,
  disambiguation, positions, collapsing, subsequent-author-substitute); this module adds the
  layout affixes, the final pass (``output.finish_entry``) and the writer for ``fmt``.
"""
from __future__ import annotations

from typing import Any

from ..render.engine import Rendered
from ..render.items import prepare
from . import output, style as style_mod
from .datevalue import dates_in

__all__ = ["render_bibliography", "render_citations", "Rendered"]


def _load(style: str, locale: str | None) -> style_mod.Style:
    if isinstance(style, str) and style.lstrip().startswith("<"):
        return style_mod.load_xml(style, locale)
    return style_mod.load(style, locale)


def _items(items: list[dict]) -> tuple[list[dict], list[str], dict[str, str]]:
    good, problems, ids = prepare(items)  # repairs what it can and names each change
    good, problems = dates_in(good, items, problems)
    return good, [f"item {p.id!r}: {p.reason}" + ("; it is left out" if p.skipped else "")
                  for p in problems], ids


def _name(style: str) -> str:
    return style if len(style) < 80 else "(inline style)"


def _finish(st: style_mod.Style, text: str, fmt: str, layout: Any | None) -> str:
    if layout is not None:
        text = output.wrap(output.affix(text, layout.get("prefix"), layout.get("suffix")),
                           layout.attrs)
    return output.write(output.finish_entry(text, st.locale), fmt)


def _caller(warning: str, ids: dict[str, str], style: str) -> str:
    for key, orig in ids.items():
        if f"item {key!r}" in warning:
            warning = warning.replace(f"item {key!r}", f"item {orig!r}")
    return warning.replace(" not rendered:", f" not rendered in style {_name(style)}:")


def render_bibliography(items: list[dict], style: str = "apa", fmt: str = "text",
                        locale: str | None = None) -> Rendered:
    from .citations import process
    from .core import EvalCore

    st = _load(style, locale)
    good, warns, ids = _items(items)
    if st.bibliography is None:
        return Rendered((), (), tuple(warns) + ("style has no bibliography",))
    by_id = {str(it.get("id")): it for it in good}
    core = EvalCore(st, by_id)
    done = process(core, list(by_id), [], bibliography=True)
    warns.extend(_caller(w, ids, style) for w in done.warnings)
    entries, out_ids = [], []
    for i, piece in done.bibliography:
        entries.append(_finish(st, piece.text, fmt, st.bibliography.layout))
        out_ids.append(ids.get(i, i))
    return Rendered(tuple(entries), tuple(out_ids), tuple(warns))


def render_citations(items: list[dict], clusters: list[list[Any]], style: str = "apa",
                     fmt: str = "text", locale: str | None = None) -> Rendered:
    from .citations import process
    from .core import EvalCore

    st = _load(style, locale)
    good, warns, ids = _items(items)
    by_id = {str(it.get("id")): it for it in good}
    lower = {k.lower(): k for k in by_id}

    def fix(c: Any) -> Any:  # cite ids matched case-insensitively, as the old layer does
        if isinstance(c, dict) and "citationItems" in c:
            return dict(c, citationItems=[fix(x) for x in c["citationItems"]])
        if isinstance(c, dict):
            cid = str(c.get("id"))
            return dict(c, id=cid if cid in by_id else lower.get(cid.lower(), cid))
        if isinstance(c, (list, tuple)):
            return [fix(x) for x in c]
        cid = str(c)
        return cid if cid in by_id else lower.get(cid.lower(), cid)

    core = EvalCore(st, by_id)
    # every item is registered, as citeproc-js does: citation numbers follow the bibliography
    done = process(core, list(by_id), [fix(c) for c in clusters], bibliography=False,
                   bib_ids=list(by_id))
    warns.extend(_caller(w, ids, style) for w in done.warnings)
    out = tuple(_finish(st, c or "", fmt, None) for c in done.citations)

    def label(cl: Any) -> str:
        if isinstance(cl, dict):
            cl = cl.get("citationItems", [cl])
        if not isinstance(cl, (list, tuple)):
            cl = [cl]
        return ",".join(str(c.get("id") if isinstance(c, dict) else c) for c in cl)

    return Rendered(out, tuple(label(c) for c in clusters), tuple(warns))
