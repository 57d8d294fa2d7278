"""Variables written in an item's ``note`` ("cheater syntax"), read as citeproc-js reads them.

citeproc-js (and Zotero, whose ``Extra`` field becomes the CSL ``note``) takes ``key: value``
lines at the start of ``note`` as variables, and removes them from the note. Every CSL-JSON
producer relies on it (Zotero, Better BibTeX, citeconv's own ``cslextra``), so a renderer that
prints them as note text differs from the reference processor on any style that prints ``note``.

Contract
- ``apply(item) -> item``: a new dict when something was read, else ``item`` itself; never
  mutates it, never raises on item data (a ``note`` that is not text is left alone).
- A field line is ``key: value`` with ``key`` lower-case letters, ``-`` and ``_``, or capitals
  only (``DOI``, ``URL``); ``value`` has no ``}``. ``{:key: value}`` inside a line is a field of
  its own when only field lines (or, at the very start of the note, anything) precede it.
- Lines are read from the top: blank lines are skipped; a first line that is not a field is
  skipped (the note's own text); the next line that is not a field ends the reading.
- ``type: x`` sets the type. A date variable (``issued``, ``accessed``…; ``alt-`` prefixed too)
  is set from the value as ``{"raw": value}``, replacing the item's own (citeproc-js's default
  ``allow_field_hack_date_override``). Any other key the item
  does not have (or has empty) is set: name variables collect their lines, ``Family || Given``
  or a literal name. A line whose key the item already has stays in the note.
- The lines read are removed; the note is what remains, trimmed (no ``note`` when empty).
"""
from __future__ import annotations

import re
from typing import Any

from ..model import DATE_VARIABLES, NAME_VARIABLES

__all__ = ["apply"]

_INLINE = re.compile(r"\{:(?:[-_a-z]+|[A-Z]+):[^}]+\}")
_FIELD = re.compile(r"^([-_a-z]+|[A-Z]+):\s*([^}]+)$")
_DATES = frozenset(DATE_VARIABLES) | {"locator-date", "publication-date", "alt-issued",
                                      "alt-event"}


def _inline_fields(lines: list[str]) -> list[str]:
    """``{:key: value}`` pieces moved onto lines of their own, where citeproc-js accepts them."""
    out = []
    for i, line in enumerate(lines):
        if "{:" not in line:
            out.append(line)
            continue
        pieces = _INLINE.split(line)
        found = _INLINE.findall(line)
        joined = []
        for j, field in enumerate(found):
            before = pieces[j]
            if before.strip() and (i > 0 or j > 0) and not _FIELD.match(before):
                joined += [before, *[x for pair in zip(found[j:], pieces[j + 1:]) for x in pair]]
                break
            joined += [before, "\n" + field[2:-1].strip() + "\n"]
        else:
            joined.append(pieces[-1])
        out.append("".join(joined))
    return "\n".join(out).split("\n")


def _name(value: str) -> dict[str, str]:
    parts = re.split(r"\s*\|\|\s*", value)
    if len(parts) == 2:
        return {"family": parts[0], "given": parts[1]}
    return {"literal": value}


def apply(item: dict[str, Any]) -> dict[str, Any]:
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    lines = _inline_fields(note.split("\n"))
    out = dict(item)
    names: dict[str, list[dict[str, str]]] = {}
    read = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = _FIELD.match(line)
        if m is None:
            if i == 0:
                continue
            break
        key, value = m.group(1), m.group(2).strip()
        base = key[4:] if key.startswith("alt-") else key
        if key == "type":
            out["type"] = value
        elif base in _DATES or key in _DATES:  # citeproc-js lets the note override a date
            out[key] = {"raw": value}
        elif out.get(key) and key not in names:
            continue
        elif base in NAME_VARIABLES:
            names.setdefault(key, []).append(_name(value))
        else:
            out[key] = value
        lines[i] = ""
        read = True
    if not read:
        return item
    out.update(names)
    rest = "\n".join(lines).strip()
    if rest:
        out["note"] = rest
    else:
        del out["note"]
    return out
