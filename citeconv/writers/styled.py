"""Records -> a rendered bibliography (text, html, markdown, latex, rst) through a CSL style.

``write(records, fmt=..., style="apa", locale=None)`` renders with ``citeconv.render`` and wraps
the entries with ``citeconv.render.formats.wrap_bibliography``; rendering warnings are returned
by ``render(...)`` for the CLI to print.
"""
from __future__ import annotations

from typing import Iterable

from ..model import Record


def render(records: Iterable[Record], fmt: str = "text", style: str = "apa",
           locale: str | None = None) -> tuple[str, tuple[str, ...]]:
    from ..render import render_bibliography
    from ..render.formats import wrap_bibliography
    records = list(records)
    result = render_bibliography([r.to_csl() for r in records], style=style, fmt=fmt,
                                 locale=locale)
    return wrap_bibliography(list(result.entries), list(result.ids), fmt), result.warnings


def write(records: Iterable[Record], fmt: str = "text", style: str = "apa",
          locale: str | None = None, **_: object) -> str:
    return render(records, fmt, style, locale)[0]
