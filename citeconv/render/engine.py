"""The rendering front door: CSL-JSON dicts in, rendered entries/citations out.

Contract
- ``render_bibliography`` / ``render_citations`` never raise on item data: an item citeproc-py
  cannot read or render is skipped and named in ``Rendered.warnings``. Style problems raise:
  ``StyleNotFound``, ``UnsafeStyleError``/``StyleSyntaxError`` (``ValueError``).
- Items are cleaned first (``items.prepare``): empty name lists and empty names dropped, the
  trailing ``{"literal": "others"}`` et-al marker removed and remembered for forced truncation.
- Ids in the result are the caller's ids (citeproc-py lower-cases them internally).
- Parsed styles are cached per (path, mtime, locale); citeproc-py's per-render state is reset.
- Text entries contain no newline; html entries are the inner HTML of a ``csl-entry`` div.
"""
from __future__ import annotations

import functools
import os
import warnings
from dataclasses import dataclass
from typing import Any

from . import patches
from .items import prepare
from .layout import entry_text
from .styles import resolve_style

__all__ = ["Rendered", "render_bibliography", "render_citations", "load_style", "load_style_xml",
           "formatter_for", "build_bibliography", "cite"]


@dataclass(frozen=True)
class Rendered:
    entries: tuple[str, ...]
    ids: tuple[str, ...]
    warnings: tuple[str, ...]


def formatter_for(fmt: str) -> Any:
    """The formatter for ``fmt``: ``formats.get_formatter`` when available, else citeproc-py's."""
    try:
        from . import formats  # owned by the formats engineer
    except ImportError:
        formats = None  # type: ignore[assignment]
    if formats is not None:
        return formats.get_formatter(fmt)
    from citeproc import formatter

    builtin = {"text": formatter.plain, "plain": formatter.plain, "html": formatter.html,
               "rst": formatter.rst, "markdown": formatter.plain, "latex": formatter.plain}
    if fmt not in builtin:
        raise ValueError(f"unknown output format {fmt!r}; use one of text, html, markdown, latex, rst")
    return builtin[fmt]


def final(formatter: Any, raw: Any) -> str:
    """Apply the formatter's ``finish`` (escaping + markup) once, if it has one."""
    from .punctuation import superscripts

    finish = getattr(formatter, "finish", None)
    raw = superscripts(str(raw), formatter)
    return finish(raw) if finish is not None else raw


@functools.lru_cache(maxsize=32)
def _load_style_cached(path: str, mtime: float, locale: str | None) -> Any:
    from citeproc import CitationStylesStyle

    patches.install()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(path, locale=locale, validate=False)


def load_style(style: str, locale: str | None = None) -> Any:
    path = resolve_style(style)
    loc = locale or path.default_locale
    return _load_style_cached(str(path), os.path.getmtime(path), loc)


def load_style_xml(xml: str | bytes, locale: str | None = None) -> Any:
    """Parse a style given as XML text (safely; not cached)."""
    import io

    from citeproc import CitationStylesStyle

    patches.install()
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(io.BytesIO(data), locale=locale, validate=False)


def cite(bib: Any, citation: Any, fmt: str) -> str:
    """Render one registered citation cluster through citeconv's post-processing."""
    from .punctuation import finish

    raw = finish(str(bib.cite(citation, lambda item: None)), fmt, bib.style)
    # Newlines inside a citation are the style's (``&#10;``): keep them, as citeproc-js does.
    return "\n".join(final(bib.formatter, line) for line in raw.split("\n"))


def build_bibliography(style: Any, items: list[dict], fmt: str,
                       register: bool = True) -> tuple[Any, list[str], dict[str, str]]:
    """citeproc-py bibliography over cleaned ``items``; optionally every item registered."""
    return _bibliography(style, items, fmt, register)


def _bibliography(style: Any, items: list[dict], fmt: str,
                  register: bool = True) -> tuple[Any, list[str], dict[str, str]]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    good, warns, ids = prepare(items)
    source = CiteProcJSON([])
    for it in good:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                one = CiteProcJSON([{k: v for k, v in it.items() if k != "_etal"}])
        except Exception as e:  # noqa: BLE001 - one bad item must not hide the others
            warns.append(f"item {it.get('id')!r} skipped: {type(e).__name__}: {e}")
            continue
        for key, ref in one.items():
            patches.attach_item(ref, it)
            source[key] = ref
    bib = CitationStylesBibliography(style, source, formatter_for(fmt))
    patches.reset_state(style, bib)
    if register:
        for key in source:
            bib.register(Citation([CitationItem(key)]))
    return bib, warns, ids


def render_bibliography(items: list[dict], style: str = "apa", fmt: str = "text",
                        locale: str | None = None) -> Rendered:
    st = load_style(style, locale)
    bib, warns, ids = _bibliography(st, items, fmt)
    if not st.has_bibliography():
        return Rendered((), (), tuple(warns) + ("style has no bibliography",))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        patches.sort_bibliography(bib)
        entries, keys = patches.render_bibliography(bib, fmt, warns)
    texts = tuple(entry_text(e, fmt) for e in entries)
    warns = [_with_caller_id(w, ids) for w in warns]
    return Rendered(texts, tuple(ids.get(k, k) for k in keys), tuple(warns))


def _with_caller_id(warning: str, ids: dict[str, str]) -> str:
    """Warnings name items by the caller's id, not citeproc-py's lower-cased key."""
    for key, orig in ids.items():
        if key != orig and f"item {key!r}" in warning:
            return warning.replace(f"item {key!r}", f"item {orig!r}")
    return warning


def render_citations(items: list[dict], clusters: list[list[str]], style: str = "apa",
                     fmt: str = "text", locale: str | None = None) -> Rendered:
    from citeproc import Citation, CitationItem

    st = load_style(style, locale)
    bib, warns, ids = _bibliography(st, items, fmt)
    lowered = {k: k for k in bib.source}
    citations = []
    for cluster in clusters:
        cites = [CitationItem(str(k).lower()) for k in cluster]
        citations.append(Citation(cites))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if st.has_bibliography():
            patches.sort_bibliography(bib)
        patches.prepare_citations(bib, citations)
        out = []
        for cit, cluster in zip(citations, clusters):
            missing = [k for k in cluster if str(k).lower() not in lowered]
            for k in missing:
                warns.append(f"citation refers to unknown item {k!r}")
            try:
                text = cite(bib, cit, fmt)
            except Exception as e:  # noqa: BLE001
                warns.append(f"citation {cluster!r} not rendered: {type(e).__name__}: {e}")
                text = ""
            out.append(entry_text(text, fmt))
    return Rendered(tuple(out), tuple(",".join(map(str, c)) for c in clusters), tuple(warns))
