"""In-text citations: clusters of citation items in, one rendered cluster per cluster out.

Contract
- ``render_citations(items, clusters, style="apa", fmt="text", locale=None) -> Rendered``.
  A cluster is a list whose items are ids (``"smith2020"``) or dicts in citeproc-js
  CitationItem shape: ``{"id", "locator", "label", "prefix", "suffix", "suppress-author",
  "author-only"}`` (what ``citesyntax.parse_clusters`` returns). ``label`` is a CSL locator type
  (default ``page``; ``sub verbo`` is read as ``sub-verbo``; an unknown one is a warning and
  ``page``). Prefixes and suffixes are put around the rendered cite, inside the cluster's
  affixes; ``suppress-author`` renders the cite without its first names; ``author-only``
  renders its first names alone (a cluster of only such cites loses the layout's affixes).
- ``Rendered.entries[i]`` is cluster ``i`` (``""`` when nothing could be rendered),
  ``Rendered.ids[i]`` its ids joined by ``,``. Never raises on item data: an id that is not
  among ``items``, a cluster that renders nothing (or a cite in it that does: it is left out
  of the cluster), or one the renderer fails on is a
  ``RenderError`` in ``Rendered.errors``; items that cannot be read are errors too (as in
  ``render_bibliography``); problems repaired are ``Rendered.warnings``.
"""
from __future__ import annotations

import warnings
from typing import Any

from . import patches
from .collapse import UNPRINTED
from .citesyntax import LOCATOR_TYPES
from .engine import (Rendered, RenderError, _bibliography, cite, failure, load_style,
                     split_problems)
from .layout import entry_text

__all__ = ["render_citations", "citation_item"]

_OPTIONS = ("locator", "label", "prefix", "suffix", "suppress-author", "author-only")


def citation_item(spec: Any, warns: list[str] | None = None) -> Any:
    """A citeproc-py ``CitationItem`` for an id or a citeproc-js style dict."""
    from citeproc import CitationItem, Locator

    if not isinstance(spec, dict):
        return CitationItem(str(spec))
    opts: dict[str, Any] = {}
    locator = spec.get("locator")
    if locator not in (None, ""):
        label = str(spec.get("label") or "page")
        label = "sub-verbo" if label == "sub verbo" else label  # the CSL 1.0.1 spelling
        if label not in LOCATOR_TYPES:
            if warns is not None:
                warns.append(f"item {spec.get('id')!r}: unknown locator label {label!r}; "
                             "read as page")
            label = "page"
        opts["locator"] = Locator(label, str(locator))
    for key in ("prefix", "suffix"):
        if spec.get(key):
            opts[key] = str(spec[key])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        item = CitationItem(str(spec.get("id")), **opts)
    for flag in ("suppress-author", "author-only"):
        if spec.get(flag):
            item[flag] = True
    return item


def _ident(spec: Any) -> str:
    return str(spec.get("id")) if isinstance(spec, dict) else str(spec)


def render_citations(items: list[dict], clusters: list[list[Any]], style: str = "apa",
                     fmt: str = "text", locale: str | None = None) -> Rendered:
    st = load_style(style, locale)
    try:
        return _render(st, items, clusters, style, fmt, {})
    except Exception as whole:  # noqa: BLE001 - find the items responsible
        culprits: dict[str, str] = {}
        for i, item in enumerate(items):
            if not isinstance(item, dict) or "id" not in item:
                continue
            try:
                _render(st, [item], [[item["id"]]], style, fmt, {})
            except Exception as e:  # noqa: BLE001
                culprits[str(item["id"]).lower()] = failure(e)
        rest = [it for it in items
                if not (isinstance(it, dict) and str(it.get("id", "")).lower() in culprits)]
        try:
            return _render(st, rest, clusters, style, fmt, culprits)
        except Exception:  # noqa: BLE001 - only together do they fail
            errors = tuple(RenderError(_ident(s), style, failure(whole))
                           for c in clusters for s in c)
            return Rendered(tuple("" for _ in clusters), _joined(clusters), (), errors)


def _joined(clusters: list[list[Any]]) -> tuple[str, ...]:
    return tuple(",".join(_ident(s) for s in c) for c in clusters)


def _render(st: Any, items: list[dict], clusters: list[list[Any]], style: str, fmt: str,
            culprits: dict[str, str]) -> Rendered:
    from citeproc import Citation

    bib, problems, ids = _bibliography(st, items, fmt)
    warns, errors = split_problems(problems, style)
    known = set(bib.source)
    citations, present = [], []
    for cluster in clusters:
        good = []
        for spec in cluster:
            key = _ident(spec).lower()
            if key in known:
                good.append(spec)
            else:
                errors.append(RenderError(_ident(spec), style,
                                          culprits.get(key, "no item has this id")))
        present.append(good)
        citations.append(Citation([citation_item(s, warns) for s in good]))
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if st.has_bibliography():
            patches.sort_bibliography(bib)
        patches.prepare_citations(bib, citations)
        for cit, good in zip(citations, present):
            named = ",".join(ids.get(_ident(s).lower(), _ident(s)) for s in good)
            text = ""
            if good:
                cit.pop(UNPRINTED, None)
                try:
                    text = cite(bib, cit, fmt)
                except Exception as e:  # noqa: BLE001 - one cluster must not sink the others
                    errors.append(RenderError(named, style, failure(e), "citation"))
                else:
                    unprinted = [ids.get(k, k) for k in dict.fromkeys(cit.get(UNPRINTED, ()))]
                    if not text.strip():
                        unprinted = [named]
                    for name in unprinted:
                        errors.append(RenderError(name, style, "it renders nothing in this "
                                                  "style (no printed form)", "citation"))
            out.append(entry_text(text, fmt))
    return Rendered(tuple(out), _joined(clusters), tuple(warns), tuple(errors))
