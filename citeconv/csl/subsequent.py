"""``subsequent-author-substitute`` (CSL 1.0.2 §Bibliography-specific options), decided purely.

Contract
- Input: for each bibliography entry in order, ``EntryNames(names, text)``: the names of the
  entry's first rendered names element (``()`` when it rendered a substitute such as a title,
  None when the entry renders no names element at all) and that element's rendered text.
- ``plan(entries, rule)`` returns one ``Substitution`` or None per entry: what to replace with
  the substitute string. An entry is compared with the last entry that was not itself
  substituted (the one that "owns" the run), as citeproc-js and jgm/citeproc do:
  * ``complete-all`` (default): same names (or, with no names, same text) → the whole names
    output is replaced (``Substitution("all")``);
  * ``complete-each``: same names → every name is replaced (``Substitution("each", n)``);
  * ``partial-each``: the first n names match (n ≥ 1) → those n names are replaced;
  * ``partial-first``: the first name matches → the first name is replaced.
  An owner with no names (a substituted title) is always compared with ``complete-all``.
- The caller applies a ``Substitution`` to its output tree.
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


def _match(owner: EntryNames, entry: EntryNames, rule: str) -> Substitution | None:
    if owner.names is None or entry.names is None:
        return None
    if not owner.names:
        rule = "complete-all"
    if rule == "complete-each":
        return Substitution("each", len(entry.names)) if entry.names == owner.names else None
    if rule == "partial-each":
        n = _leading(owner.names, entry.names)
        return Substitution("each", n) if n >= 1 else None
    if rule == "partial-first":
        return Substitution("each", 1) if _leading(owner.names, entry.names) >= 1 else None
    same = entry.names == owner.names and (bool(owner.names) or entry.text == owner.text)
    return Substitution("all") if same and (owner.names or owner.text) else None


def plan(entries: Sequence[EntryNames], rule: str = "complete-all") -> list[Substitution | None]:
    out: list[Substitution | None] = []
    owner: EntryNames | None = None
    for e in entries:
        sub = _match(owner, e, rule) if owner is not None else None
        out.append(sub)
        if sub is None:
            owner = e
    return out
