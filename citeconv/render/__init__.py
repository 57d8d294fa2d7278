"""Rendering CSL-JSON items through CSL styles (citeproc-py plus citeconv's fidelity layer).

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
Hostile or malformed style files raise ``UnsafeStyleError`` / ``StyleSyntaxError`` (both
``ValueError``).
"""
from .citations import render_citations
from .citesyntax import CiteSyntaxError, parse_clusters
from .engine import Rendered, RenderError, render_bibliography
from .safexml import StyleSyntaxError, UnsafeStyleError
from .styles import StyleNotFound, list_styles, resolve_style

__all__ = ["Rendered", "RenderError", "render_bibliography", "render_citations", "parse_clusters",
           "CiteSyntaxError", "resolve_style", "list_styles",
           "StyleNotFound", "UnsafeStyleError", "StyleSyntaxError"]
