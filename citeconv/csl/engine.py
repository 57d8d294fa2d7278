"""Front door of citeconv's own CSL evaluator: ``render_bibliography`` / ``render_citations``.

Contract
- Same signatures and result (``citeconv.render.result.Rendered``) as ``citeconv.render``.
  ``style`` is a name or path; a path to XML that is not a file is not accepted.
- Never raises on item data: an item the evaluator fails on, an item the cleaning must leave
  out, and a cite that renders nothing (no printed form in the style) each become a
  ``RenderError(id, style, reason[, "citation"])`` in ``Rendered.errors`` (the CLI reports them
  and exits 3); the rest is rendered. A bibliography entry that renders nothing is left out
  as citeproc-js leaves it out, with ``RenderError(..., empty=True)`` (the CLI warns). A style without cs:bibliography asked for a bibliography
  gives the error ``RenderError("*", ...)``. Repairs are warnings.
  Style problems (not found, unsafe, malformed) raise as in ``citeconv.render``.
- Variables written in ``note`` (``key: value`` lines) are read first, as citeproc-js reads
  them (``notefields``). Items are cleaned by ``citeconv.render.items.prepare`` (the same cleaning the old layer does);
  their dates are then read again from the caller's values by ``datevalue.dates_in`` (seasons,
  ranges and EDTF that the old layer's cleaning cannot keep).
- Both run the citation-level pipeline ``citations.process`` over ``core.EvalCore`` (sorting,
  disambiguation, positions, collapsing, subsequent-author-substitute); this module adds the
  layout affixes, the final pass (``output.finish_entry``) and the writer for ``fmt``.
"""
from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from typing import Any

from ..render.formats import get_formatter
from ..render.result import Rendered, RenderError
from ..render.items import prepare
from . import notefields, output, style as style_mod
from .datevalue import dates_in

__all__ = ["render_bibliography", "render_citations", "Rendered"]


def _load(style: str, locale: str | None) -> style_mod.Style:
    if isinstance(style, str) and style.lstrip().startswith("<"):
        return style_mod.load_xml(style, locale)
    return style_mod.load(style, locale)


def _items(items: list[dict], style: str) -> tuple[list[dict], list[str], dict[str, str],
                                                  list[RenderError]]:
    items = [notefields.apply(it) if isinstance(it, dict) else it for it in items]
    good, problems, ids = prepare(items)  # repairs what it can and names each change
    good, problems = dates_in(good, items, problems)
    warns = [f"item {p.id!r}: {p.reason}" for p in problems if not p.skipped]
    errors = [RenderError(p.id, _name(style), p.reason) for p in problems if p.skipped]
    return good, warns, ids, errors


_LOCATOR_TYPES = frozenset((  # CSL 1.0.2 locator types
    "act appendix article-locator book canon chapter column elocation equation figure folio "
    "issue line note opus page paragraph part rule scene section sub-verbo supplement table "
    "timestamp title-locator verse version volume").split())
_FAILED = re.compile(r"^item '(.*)' not rendered: (.*)$", re.S)
_UNKNOWN = re.compile(r"^citation refers to unknown item '(.*)'$", re.S)


def _split(warnings: tuple[str, ...], ids: dict[str, str], style: str, what: str = "item"
           ) -> tuple[list[str], list[RenderError]]:
    """Evaluator messages: an item it failed on is an error, the rest are warnings."""
    warns, errors = [], []
    for w in warnings:
        unknown = _UNKNOWN.match(w)
        if unknown:
            errors.append(RenderError(unknown.group(1), _name(style), "no item has this id"))
            continue
        m = _FAILED.match(w)
        if m:
            errors.append(RenderError(ids.get(m.group(1), m.group(1)), _name(style),
                                      f"the renderer failed on it ({m.group(2)})", what))
        else:
            warns.append(_caller(w, ids, style))
    return warns, errors


def _name(style: str) -> str:
    return style if len(style) < 80 else "(inline style)"


def _finish(st: style_mod.Style, text: str, fmt: str, layout: Any | None) -> str:
    if layout is not None:
        margin = bool(st.bibliography and st.bibliography.options.get("second-field-align"))
        text = output.wrap(output.layout_affix(text, layout.get("prefix"), layout.get("suffix"),
                                               margin), layout.attrs)
    return output.write(output.finish_entry(text, st.locale), fmt)


def _caller(warning: str, ids: dict[str, str], style: str) -> str:
    for key, orig in ids.items():
        if f"item {key!r}" in warning:
            warning = warning.replace(f"item {key!r}", f"item {orig!r}")
    return warning.replace(" not rendered:", f" not rendered in style {_name(style)}:")


def failure(e: Exception) -> str:
    """The reason given for an item the evaluator raised on."""
    return f"the renderer failed on it ({type(e).__name__}: {e})"


def isolate(render: Any, items: list[dict], style: str) -> Rendered:
    """``render(items)``; if it raises (a failure outside one item's evaluation: sorting,
    disambiguation...), each item is tried alone, those that raise become errors and the
    rest are rendered together; if only together they fail, all are errors."""
    try:
        return render(items)
    except Exception as whole:  # noqa: BLE001 - find the items responsible
        culprits, rest = [], []
        for i, item in enumerate(items):
            try:
                render([item])
                rest.append(item)
            except Exception as e:  # noqa: BLE001
                ident = item.get("id", f"item-{i + 1}") if isinstance(item, dict) else f"#{i + 1}"
                culprits.append(RenderError(str(ident), _name(style), failure(e)))
        try:
            out = render(rest)
        except Exception:  # noqa: BLE001 - only together do they fail: none can be trusted
            return Rendered((), (), (), tuple(RenderError(str(it.get("id", "?")), _name(style),
                                                          failure(whole))
                                              for it in items if isinstance(it, dict)))
        return Rendered(out.entries, out.ids, out.warnings, tuple(culprits) + out.errors)


@contextlib.contextmanager
def _gc_settled() -> Iterator[None]:
    """While a render runs, the objects alive when it starts (the caller's items, the compiled
    style) are left out of the cyclic collector's full passes (``gc.freeze``) and given back
    after (``gc.unfreeze``); a caller that froze objects itself, or turned the collector off,
    is left as it is. Garbage cycles older than the render are collected after it instead.
    (10k ACL entries in APA: 8 full passes over the items cost ~0.5 s of 6.9.)"""
    if gc.get_freeze_count() or not gc.isenabled():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def render_bibliography(items: list[dict], style: str = "apa", fmt: str = "text",
                        locale: str | None = None, clusters: list[Any] | None = None,
                        sort: bool = True) -> Rendered:
    """``clusters``: the citations of the document, if any (citeproc-js Citation dicts: only
    the cited items are listed, numbered and disambiguated as cited); ``sort=False`` keeps the
    registration order (citeproc-js bibliography-nosort). An unknown ``fmt`` and style problems
    raise ``ValueError``; item data never does."""
    get_formatter(fmt)
    st = _load(style, locale)
    with _gc_settled():
        return isolate(lambda some: _bibliography(st, some, style, fmt, clusters, sort),
                       list(items), style)


def _bibliography(st: style_mod.Style, items: list[dict], style: str, fmt: str,
                  clusters: list[Any] | None, sort: bool) -> Rendered:
    from .citations import process
    from .core import EvalCore

    good, warns, ids, errors = _items(items, style)
    if st.bibliography is None:
        return Rendered((), (), tuple(warns), tuple(errors) + (
            RenderError("*", _name(style), "the style has no bibliography (use `cite`)"),))
    by_id = {str(it.get("id")): it for it in good}
    core = EvalCore(st, by_id)
    tracked = bool(clusters) and all(isinstance(c, dict) and "citationItems" in c
                                     for c in clusters or ())
    done = process(core, list(by_id), list(clusters or ()) if tracked else [], bibliography=True,
                   tracked=tracked, sort_bibliography=sort)
    more, failed = _split(done.warnings, ids, style)
    warns.extend(more)
    errors.extend(failed)
    entries, out_ids = [], []
    for i, piece in done.bibliography:
        text = _finish(st, piece.text, fmt, st.bibliography.layout)
        if not output.plain(piece.text).strip():
            errors.append(RenderError(ids.get(i, i), _name(style), "the style prints nothing "
                                      "for it (no printed form; left out, as citeproc-js does)",
                                      empty=True))
            continue
        entries.append(text)
        out_ids.append(ids.get(i, i))
    return Rendered(tuple(entries), tuple(out_ids), tuple(warns), tuple(errors))


def render_citations(items: list[dict], clusters: list[list[Any]], style: str = "apa",
                     fmt: str = "text", locale: str | None = None) -> Rendered:
    get_formatter(fmt)
    st = _load(style, locale)
    with _gc_settled():
        out = isolate(lambda some: _citations(st, some, clusters, style, fmt), list(items), style)
    if len(out.entries) != len(clusters):  # only together did they fail: no citation printed
        return Rendered(("",) * len(clusters), out.ids, out.warnings, out.errors)
    return out


def _citations(st: style_mod.Style, items: list[dict], clusters: list[list[Any]], style: str,
               fmt: str) -> Rendered:
    from .citations import process
    from .core import EvalCore

    good, warns, ids, errors = _items(items, style)
    by_id = {str(it.get("id")): it for it in good}
    lower = {k.lower(): k for k in by_id}

    def fix(c: Any) -> Any:  # cite ids matched case-insensitively, as the old layer does
        if isinstance(c, dict) and "citationItems" in c:
            return dict(c, citationItems=[fix(x) for x in c["citationItems"]])
        if isinstance(c, dict):
            cid = str(c.get("id"))
            c = dict(c, id=cid if cid in by_id else lower.get(cid.lower(), cid))
            label = c.get("label")
            if label is not None and str(label) not in _LOCATOR_TYPES:
                warns.append(f"item {cid!r}: unknown locator label {label!r}; the locator is "
                             "printed without a label (as citeproc-js does)")
            return c
        if isinstance(c, (list, tuple)):
            return [fix(x) for x in c]
        cid = str(c)
        return cid if cid in by_id else lower.get(cid.lower(), cid)

    core = EvalCore(st, by_id)
    # every item is registered, as citeproc-js does: citation numbers follow the bibliography
    # citeproc-js Citation dicts are citations in a document (processCitationCluster: items
    # registered as cited, grouped sorts); plain cite lists are makeCitationCluster calls
    tracked = bool(clusters) and all(isinstance(c, dict) and "citationItems" in c
                                     for c in clusters)
    done = process(core, list(by_id), [fix(c) for c in clusters], bibliography=False,
                   bib_ids=list(by_id), tracked=tracked)
    more, failed = _split(done.warnings, ids, style, "citation")
    warns.extend(more)
    errors.extend(failed)
    out = tuple(_finish(st, c or "", fmt, None) for c in done.citations)
    errors.extend(_unprinted(core, clusters, out, ids, style))

    def label(cl: Any) -> str:
        if isinstance(cl, dict):
            cl = cl.get("citationItems", [cl])
        if not isinstance(cl, (list, tuple)):
            cl = [cl]
        return ",".join(str(c.get("id") if isinstance(c, dict) else c) for c in cl)

    return Rendered(out, tuple(label(c) for c in clusters), tuple(warns), tuple(errors))


def _unprinted(core: Any, clusters: list[Any], out: tuple[str, ...], ids: dict[str, str],
               style: str) -> list[RenderError]:
    """Cites that print nothing: an empty cluster names all its ids, else each cite whose item
    renders nothing as a first citation in this style."""
    from .citations import FIRST
    from .disambiguate import DisambState
    from .positions import CiteItem, parse_cluster

    errors: list[RenderError] = []
    empty: dict[str, bool] = {}
    for raw, text in zip(clusters, out):
        try:
            cites = [c.id for c in parse_cluster(raw).items if c.id in core.items]
        except ValueError:
            continue
        if not cites:
            continue
        if not text.strip():
            errors.append(RenderError(",".join(ids.get(c, c) for c in cites), _name(style),
                                      "it renders nothing in this style (no printed form)",
                                      "citation"))
            continue
        for c in dict.fromkeys(cites):
            if c not in empty:
                try:
                    piece = core.render(c, "citation", CiteItem(c), FIRST, DisambState(), {c: 1})
                    empty[c] = not output.plain(piece.text).strip()
                except Exception:  # noqa: BLE001 - reported by the pipeline already
                    empty[c] = False
            if empty[c]:
                errors.append(RenderError(ids.get(c, c), _name(style), "it renders nothing in "
                                          "this style (no printed form)", "citation"))
    return errors
