"""Rendering CSL-JSON items through CSL styles (citeproc-py plus citeconv's fidelity layer).

Public API (used by citeconv.cli and citeconv.writers.styled):

    render_bibliography(items, style="apa", fmt="text", locale=None) -> Rendered
    render_citations(items, clusters, style="apa", fmt="text", locale=None) -> Rendered
    resolve_style(name_or_path) -> pathlib.Path   (raises StyleNotFound with suggestions)
    list_styles(query="") -> list[tuple[name, title]]

``items`` are CSL-JSON dicts (Record.to_csl()), ``fmt`` one of text, html, markdown, latex, rst.
Hostile or malformed style files raise ``UnsafeStyleError`` / ``StyleSyntaxError`` (both
``ValueError``).
"""
from .engine import Rendered, render_bibliography, render_citations
from .safexml import StyleSyntaxError, UnsafeStyleError
from .styles import StyleNotFound, list_styles, resolve_style

__all__ = ["Rendered", "render_bibliography", "render_citations", "resolve_style", "list_styles",
           "StyleNotFound", "UnsafeStyleError", "StyleSyntaxError"]
