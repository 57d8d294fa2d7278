"""``subsequent-author-substitute`` (CSL 1.0.2 §Bibliography-specific options), decided purely.

Contract
- Input: for each bibliography entry in order, ``EntryNames(names, text)``: the names shown by
  the entry's first rendered names element (``()`` when it rendered a substitute such as a
  title, whose ``text`` then stands for the names), None when the entry renders no names
  element at all.
- ``plan(entries, rule)`` returns one ``Substitution`` or None per entry. As citeproc-js does,
  an entry is compared with the names of the last entry that rendered a names element (an
  entry without one changes nothing):
  * ``complete-all`` (default): the same names (or the same substituted text) → the whole
    names output is replaced (``Substitution("all")``); an entry that shows no names at all
    neither matches nor is remembered;
  * ``complete-each``: the same names → every name shown is replaced (``Substitution("each",
    n)``);
  * ``partial-each``: the first n names match (n ≥ 1) → those n names are replaced;
  * ``partial-first``: the first name matches → the first name is replaced.
  A substituted text that matches (every rule) is replaced whole (``Substitution("all")``).
- The caller applies a ``Substitution`` to its output (``core.EvalCore.apply_substitute``).
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

__all__ = ["EntryNames", "Substitution", "plan", "RULES"]

RULES = ("complete-all", "complete-each", "partial-each", "partial-first")


@dataclass(frozen=True, slots=True)
class EntryNames:
    names: tuple[Hashable, ...] | None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Substitution:
    kind: str            # "all" (the whole names output) or "each" (the first ``count`` names)
    count: int = 0


def _leading(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _shown(e: EntryNames) -> tuple[Hashable, ...]:
    """What citeproc-js compares: the names shown, or the text standing for them."""
    if e.names:
        return e.names
    return (("\0text", e.text),) if e.text else ()


def plan(entries: Sequence[EntryNames], rule: str = "complete-all") -> list[Substitution | None]:
    out: list[Substitution | None] = []
    last: tuple[Hashable, ...] | None = None
    partial = rule in ("partial-each", "partial-first")
    for e in entries:
        sub = None
        if e.names is not None:
            cur = _shown(e)
            if partial:
                n = _leading(last or (), cur)
                if rule == "partial-first":
                    n = min(n, 1)
                if n:
                    sub = Substitution("each", n) if e.names else Substitution("all")
                last = cur
            elif cur:
                if cur == last:
                    sub = (Substitution("each", len(cur)) if rule == "complete-each" and e.names
                           else Substitution("all"))
                last = cur
        out.append(sub)
    return out
