"""Placeholder: disambiguation patches (filled in below)."""
from __future__ import annotations


def install() -> None:
    pass


def reset(bib) -> None:
    pass


def prepare_bibliography(bib) -> None:
    pass


def prepare_citations(bib, citations) -> None:
    pass
