"""Reader registry. Each reader module has ``NAME``, ``detect(text) -> float`` and
``read(text) -> ReadResult``; ``detect`` is cheap and never raises, ``read`` never raises on str.

``READERS`` maps the ``--from`` name to the module. Modules are imported lazily so that a
BibTeX conversion never pays for the listing readers' imports.
"""
from __future__ import annotations

import importlib
from types import ModuleType

# --from name -> module (relative to this package), in detection tie-break order
_MODULES = {
    "bibtex": "bibtex",
    "csl-json": "csljson",
    "arxiv": "arxiv",
    "last-first": "lastfirst",
    "publications": "publications",
    "ris": "ris",
}


def names() -> list[str]:
    return list(_MODULES)


def available() -> list[str]:
    """Reader names whose module exists in this build."""
    out = []
    for name in _MODULES:
        try:
            get(name)
        except ImportError:
            continue
        out.append(name)
    return out


def get(name: str) -> ModuleType:
    if name not in _MODULES:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{_MODULES[name]}")
