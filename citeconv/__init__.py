"""citeconv: publication lists -> canonical BibTeX; BibTeX -> any CSL style.

Public API: ``read``, ``write``, ``convert``, ``detect``, ``update`` and the hub types. Submodules load lazily, so
``citeconv --version`` stays fast.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["read", "write", "convert", "detect", "update", "Record", "Name", "Date", "Diagnostic", "ReadResult",
           "Source", "ETAL", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("read", "write", "convert", "detect", "update"):
        from . import api
        return getattr(api, name)
    if name in ("Record", "Name", "Date", "Diagnostic", "ReadResult", "Source", "ETAL"):
        from . import model
        return getattr(model, name)
    raise AttributeError(f"module 'citeconv' has no attribute {name!r}")
