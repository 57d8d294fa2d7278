"""Writer registry: ``--to`` name -> module with ``write(records, **options) -> str``.

``bibtex``, ``csl-json`` and ``ris`` are data formats; text, html, markdown, latex and rst render
through a CSL style (``styled``). Modules are imported lazily (cold start).
"""
from __future__ import annotations

import importlib
from types import ModuleType

_MODULES = {"bibtex": "bibtex", "csl-json": "csljson", "ris": "ris", "text": "styled", "html": "styled",
            "markdown": "styled", "latex": "styled", "rst": "styled"}
STYLED = frozenset({"text", "html", "markdown", "latex", "rst"})


def names() -> list[str]:
    return list(_MODULES)


def get(name: str) -> ModuleType:
    if name not in _MODULES:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{_MODULES[name]}")
