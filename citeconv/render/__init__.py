"""Rendering CSL-JSON items through CSL styles (citeproc-py plus citeconv's fidelity layer).

Public API (used by citeconv.cli and citeconv.writers.styled):

    render_bibliography(items, style="apa", fmt="text", locale=None) -> Rendered
    render_citations(items, clusters, style="apa", fmt="text", locale=None) -> Rendered
    resolve_style(name_or_path) -> pathlib.Path   (raises StyleNotFound with suggestions)
    list_styles(query="") -> list[tuple[name, title]]

``items`` are CSL-JSON dicts (Record.to_csl()), ``fmt`` one of text, html, markdown, latex, rst.
"""
