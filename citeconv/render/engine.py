"""The rendering front door: CSL-JSON dicts in, rendered entries/citations out.

Contract
- ``render_bibliography`` never raises on item data: the rest is rendered, and an item that
  cannot be rendered is a ``RenderError(id, style, reason)`` in ``Rendered.errors`` (the CLI's
  exit 3). When a step over the whole bibliography (sorting, disambiguation) raises, each item is
  tried alone to find the culprits, which become errors; the others are rendered together.
  ``Rendered.warnings`` are things repaired or ignored while the item itself was rendered.
  Style problems raise: ``StyleNotFound``, ``UnsafeStyleError``/``StyleSyntaxError``
  (``ValueError``). Citations: ``citations.render_citations``.
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
from .items import Problem, prepare
from .layout import entry_text
from .styles import resolve_style

__all__ = ["Rendered", "RenderError", "render_bibliography", "load_style", "load_style_xml",
           "formatter_for", "build_bibliography", "cite", "failure", "split_problems"]


@dataclass(frozen=True)
class RenderError:
    """Item ``id`` is not in the output of ``style``, for ``reason``."""

    id: str
    style: str
    reason: str
    what: str = "item"  # or "citation" (``id`` is then the cluster's ids joined by ","); id "*":
    #                     every item (a style with no bibliography)

    def __str__(self) -> str:
        if self.id == "*":  # every item
            return f"nothing rendered in style {self.style!r}: {self.reason}"
        return f"{self.what} {self.id!r} not rendered in style {self.style!r}: {self.reason}"


@dataclass(frozen=True)
class Rendered:
    entries: tuple[str, ...]
    ids: tuple[str, ...]
    warnings: tuple[str, ...]
    errors: tuple[RenderError, ...] = ()


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

    rendered = bib.cite(citation, lambda item: None)
    if rendered is None:
        return ""
    raw = finish(str(rendered), fmt, bib.style)
    # Newlines inside a citation are the style's (``&#10;``): keep them, as citeproc-js does.
    return "\n".join(final(bib.formatter, line) for line in raw.split("\n"))


def failure(e: Exception) -> str:
    """The reason given for an item the renderer raised on."""
    return f"the renderer failed on it ({type(e).__name__}: {e})"


def split_problems(problems: list[Problem], style: str) -> tuple[list[str], list[RenderError]]:
    warns = [f"item {p.id!r}: {p.reason}" for p in problems if not p.skipped]
    errors = [RenderError(p.id, style, p.reason) for p in problems if p.skipped]
    return warns, errors


def build_bibliography(style: Any, items: list[dict], fmt: str,
                       register: bool = True) -> tuple[Any, list[Problem], dict[str, str]]:
    """citeproc-py bibliography over cleaned ``items``; optionally every item registered."""
    return _bibliography(style, items, fmt, register)


def _bibliography(style: Any, items: list[dict], fmt: str,
                  register: bool = True) -> tuple[Any, list[Problem], dict[str, str]]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    good, problems, ids = prepare(items)
    source = CiteProcJSON([])
    for it in good:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                one = CiteProcJSON([{k: v for k, v in it.items() if k != "_etal"}])
        except Exception as e:  # noqa: BLE001 - one bad item must not hide the others
            problems.append(Problem(it["id"], f"its data cannot be read ({type(e).__name__}: {e})",
                                    skipped=True))
            continue
        for key, ref in one.items():
            patches.attach_item(ref, it)
            source[key] = ref
    bib = CitationStylesBibliography(style, source, formatter_for(fmt))
    patches.reset_state(style, bib)
    if register:
        for key in source:
            bib.register(Citation([CitationItem(key)]))
    return bib, problems, ids


def render_bibliography(items: list[dict], style: str = "apa", fmt: str = "text",
                        locale: str | None = None) -> Rendered:
    st = load_style(style, locale)
    formatter_for(fmt)  # an unknown format is the caller's error, not an item's
    if not st.has_bibliography():
        _, problems, _ = prepare(items)
        warns, errors = split_problems(problems, style)
        return Rendered((), (), tuple(warns), tuple(errors) + (
            RenderError("*", style, "the style has no bibliography (use `cite`)"),))
    return isolate(lambda some: _render(st, some, fmt, style), items, style)


def isolate(render: Any, items: list[dict], style: str) -> Rendered:
    """``render(items)``; if it raises, the items it raises on alone become errors."""
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
                culprits.append(RenderError(str(ident), style, failure(e)))
        try:
            out = render(rest)
        except Exception:  # noqa: BLE001 - only together do they fail: none can be trusted
            return Rendered((), (), (), tuple(RenderError(str(it.get("id", "?")), style,
                                                          failure(whole))
                                              for it in items if isinstance(it, dict)))
        return Rendered(out.entries, out.ids, out.warnings, tuple(culprits) + out.errors)


def _render(st: Any, items: list[dict], fmt: str, style: str) -> Rendered:
    bib, problems, ids = _bibliography(st, items, fmt)
    warns, errors = split_problems(problems, style)
    failed: list[tuple[str, str]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        patches.sort_bibliography(bib)
        entries, keys = patches.render_bibliography(bib, fmt, failed)
    texts = tuple(entry_text(e, fmt) for e in entries)
    errors += [RenderError(ids.get(k, k), style, reason) for k, reason in failed]
    return Rendered(texts, tuple(ids.get(k, k) for k in keys), tuple(warns), tuple(errors))
