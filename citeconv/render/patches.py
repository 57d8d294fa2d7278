"""Installs citeconv's fidelity layer over citeproc-py and drives one render.

Contract
- ``install()`` applies every topic module's patches exactly once (idempotent): ``safexml``,
  ``names``, ``punctuation``, ``groups`` (group suppression, substitute), ``textcase``,
  ``dates``, ``numbers``, ``sort``, ``terms``, ``conditions``, ``collapse`` (cite layout),
  ``quotes``, ``disambiguation``, ``perf`` (caches). Patches replace or wrap methods of
  citeproc-py classes; no citeproc-py source is copied.
- ``attach_item(ref, item)`` stores per-item data citeproc-py has no room for (et-al marker).
- ``reset_state``, ``sort_bibliography``, ``render_bibliography``, ``prepare_citations`` are the
  steps ``engine`` calls for one render.
"""
from __future__ import annotations

from typing import Any

from . import layout, names, punctuation, safexml

__all__ = ["install", "attach_item", "reset_state", "sort_bibliography", "render_bibliography",
           "prepare_citations"]

_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    safexml.install()
    names.install()
    punctuation.install()
    _hook_names()
    from . import (collapse, conditions, dates, disambiguation, groups, numbers, perf, quotes,
                   sort, terms, textcase)

    collapse.install()
    quotes.install()
    groups.install()
    groups.install_names()
    textcase.install()
    dates.install()
    numbers.install()
    sort.install()
    terms.install()
    conditions.install()
    disambiguation.install()
    perf.install()
    _installed = True


def _hook_names() -> None:
    from citeproc import model

    original = model.Names.markup

    def markup(self: Any, text: Any) -> Any:
        out = original(self, text)
        if out:
            layout.names_hook(self, out)
        return out

    model.Names.markup = markup


def attach_item(ref: Any, item: dict) -> None:
    object.__setattr__(ref, "_citeconv_etal", frozenset(item.get("_etal", ())))


def reset_state(style: Any, bib: Any) -> None:
    root = style.root
    for el in (root.citation, root.bibliography):
        if el is not None and el.layout is not None:
            el.layout.repressed = {}
    if root.citation is not None:
        root.citation.cites = []
    from . import disambiguation

    disambiguation.reset(bib)


def sort_bibliography(bib: Any) -> None:
    bib.sort()


def render_bibliography(bib: Any, fmt: str, failed: list) -> tuple[list[str], list[str]]:
    """Entries and their keys; items left out are appended to ``failed`` as (key, reason)."""
    from . import disambiguation

    disambiguation.prepare_bibliography(bib)
    return layout.render_entries(bib, fmt, failed)


def prepare_citations(bib: Any, citations: list[Any]) -> None:
    from . import disambiguation

    for c in citations:
        c.bibliography = bib
    disambiguation.prepare_citations(bib, citations)
