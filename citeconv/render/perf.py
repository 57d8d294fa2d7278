"""Placeholder: perf patches (filled in below)."""
from __future__ import annotations


def install() -> None:
    pass
