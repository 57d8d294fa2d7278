"""Cleaning CSL-JSON items before citeproc-py sees them.

Contract
- ``prepare(items) -> (clean_items, ids, warnings)``; the input dicts are never mutated.
- ``ids`` maps citeproc-py's key (the id lower-cased, as citeproc-py stores it) to the caller's id.
  Items without an id get ``item-N``; a duplicate id (case-insensitively) is skipped with a warning.
- Name lists: names with no non-empty part are dropped; an empty list is removed entirely (an
  empty ``editor`` must not crash sorting). A trailing ``{"literal": "others"}`` is citeconv's
  et-al marker: it is removed and the variable is listed in ``item["_etal"]`` (consumed by
  ``names.py``, which forces et-al truncation after the remaining names).
- Dates given only as ``raw``/``literal`` strings of the form YYYY[-MM[-DD]] become date-parts.
- A missing ``type`` becomes ``article``.
- Straight quotes and apostrophes in text fields and names become typographic (``quotes.smarten``).
"""
from __future__ import annotations

import re
from typing import Any

from ..model import NAME_VARIABLES
from .quotes import RAW_FIELDS, smarten

__all__ = ["prepare", "ETAL_KEY", "NAME_VARS"]

ETAL_KEY = "_etal"
NAME_VARS = NAME_VARIABLES  # one list of CSL name variables, the hub's
_NAME_PARTS = ("family", "given", "literal", "non-dropping-particle", "dropping-particle", "suffix")
_ISO = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")


def _is_etal(name: Any) -> bool:
    return (isinstance(name, dict) and str(name.get("literal", "")).strip().lower() == "others"
            and not any(name.get(p) for p in _NAME_PARTS if p != "literal"))


_PARTICLE = re.compile(r"^((?:[a-z\u00e0-\u00ff][\w\u2019']*[\s\u2019']+|[a-z]{1,3}[\u2019'])+)(?=\S)")


def _parse_name(n: dict) -> dict:
    """citeproc-js name parsing: ``given: "John, III"`` → suffix; lower-case family prefix → particle."""
    if n.get("literal") or n.get("parse-names") in (False, "false"):
        return n
    n = dict(n)
    given, family = n.get("given"), n.get("family")
    if isinstance(given, str) and "," in given and not n.get("suffix"):
        head, _, tail = given.partition(",")
        tail = tail.strip()
        if tail.startswith("!"):
            tail = tail[1:].strip()
            n["comma-suffix"] = True
        if tail:
            n["given"], n["suffix"] = head.strip(), tail
    if (isinstance(family, str) and not n.get("non-dropping-particle")
            and not n.get("dropping-particle")):
        m = _PARTICLE.match(family)
        if m and m.group(0).strip() != family.strip():
            particle = m.group(0)
            n["non-dropping-particle"] = particle.strip() if particle.endswith(" ") else particle
            n["family"] = family[len(particle):].strip()
    given = n.get("given")
    if isinstance(given, str) and not n.get("dropping-particle"):
        words = given.split(" ")
        k = len(words)
        while k > 1 and words[k - 1][:1].islower():
            k -= 1
        if k < len(words):
            n["given"], n["dropping-particle"] = " ".join(words[:k]), " ".join(words[k:])
    n.pop("parse-names", None)
    for part in ("given", "family", "literal", "non-dropping-particle", "dropping-particle"):
        if isinstance(n.get(part), str) and part != "non-dropping-particle":
            n[part] = smarten(n[part])
    return n


def _clean_names(names: Any) -> tuple[list[dict], bool]:
    if not isinstance(names, list):
        return [], False
    out = []
    for n in names:
        if not isinstance(n, dict):
            continue
        n = {k: v for k, v in n.items() if not (k in _NAME_PARTS and (v is None or str(v).strip() == ""))}
        if any(n.get(p) for p in _NAME_PARTS):
            out.append(n if _is_etal(n) else _parse_name(n))
    etal = False
    while out and _is_etal(out[-1]):
        out.pop()
        etal = True
    return out, etal


def _clean_parts(parts: Any) -> Any:
    """Drop empty or zero trailing parts (``["2000", "", ""]`` is just the year 2000)."""
    if not isinstance(parts, list):
        return parts
    out = []
    for p in parts:
        if p in ("", None, 0, "0"):
            break
        out.append(p)
    return out


def _clean_date(value: Any) -> Any:
    if isinstance(value, dict) and value.get("date-parts"):
        value = dict(value)
        cleaned = [_clean_parts(p) for p in value["date-parts"]]
        if cleaned and cleaned[0]:
            # an empty end is an open range ("1987–"), which citeproc-py spells [0]
            cleaned = [cleaned[0]] + [p or [0] for p in cleaned[1:2]]
        else:
            cleaned = []
        if cleaned:
            value["date-parts"] = cleaned
            return value
        value.pop("date-parts")
    if not isinstance(value, dict) or value.get("date-parts"):
        return value
    raw = value.get("raw") or value.get("literal")
    if isinstance(raw, str):
        m = _ISO.match(raw)
        if m:
            parts = [int(g) for g in m.groups() if g]
            return {"date-parts": [parts]}
        if "literal" not in value:
            return {"literal": raw}
    return value


def prepare(items: list[dict]) -> tuple[list[dict], list[str], dict[str, str]]:
    clean: list[dict] = []
    warns: list[str] = []
    ids: dict[str, str] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            warns.append(f"item #{i + 1} skipped: not a JSON object")
            continue
        it = dict(item)
        orig = str(it.get("id", f"item-{i + 1}"))
        key = orig.lower()
        if key in ids:
            warns.append(f"item {orig!r} skipped: duplicate id (ids are case-insensitive)")
            continue
        ids[key] = orig
        it["id"] = orig
        it.setdefault("type", "article")
        etal = []
        for var in list(it):
            if var in NAME_VARS:
                names, marker = _clean_names(it[var])
                if marker:
                    etal.append(var)
                if names:
                    it[var] = names
                else:
                    del it[var]
            elif var in ("issued", "accessed", "original-date", "submitted", "event-date"):
                it[var] = _clean_date(it[var])
            elif it[var] is None:
                del it[var]
            elif isinstance(it[var], str) and var not in RAW_FIELDS:
                it[var] = smarten(it[var])
        if etal:
            it[ETAL_KEY] = etal
        clean.append(it)
    return clean, warns, ids
