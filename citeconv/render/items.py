"""Cleaning CSL-JSON items before citeproc-py sees them.

Contract
- ``prepare(items) -> (clean_items, problems, ids)``; the input dicts are never mutated; never
  raises on item data. ``problems`` are ``Problem(id, reason, skipped)``: ``skipped`` items are
  not in ``clean_items`` (not a JSON object, duplicate id); the others name a value that was
  ignored or repaired while the item itself is kept.
- Value shapes are made what citeproc-py expects: name parts are strings (numbers become text,
  other values are ignored); a name variable given as a string is one literal name; a date given
  as a string is read like ``raw``; date-parts are integers (``"2020"`` → 2020; a part that is
  not a number, a month above 16 or a day above 31 ends the date: ``["2020", "xx"]`` is 2020;
  months 13-16 are the seasons, as in citeproc-js; a season is 1-4 or a word; a part or season
  that is dropped, other than an empty or zero one, is a problem); ``raw`` ``2020-03/2020-04`` is a
  range (``2020-03-04/05`` ends on the 5th; an end before the start leaves it literal text); a value that is a list, an object or a boolean is ignored (a problem when the key is
  a CSL variable, ``TEXT_VARIABLES``).
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
from dataclasses import dataclass
from typing import Any

from ..model import DATE_VARIABLES, NAME_VARIABLES
from .quotes import RAW_FIELDS, smarten

__all__ = ["prepare", "Problem", "ETAL_KEY", "NAME_VARS"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with item ``id``; ``skipped``: the item is left out of the output."""

    id: str
    reason: str
    skipped: bool = False


ETAL_KEY = "_etal"
NAME_VARS = NAME_VARIABLES  # one list of CSL name variables, the hub's
_NAME_PARTS = ("family", "given", "literal", "non-dropping-particle", "dropping-particle", "suffix")
_ISO = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")
_INT = re.compile(r"^\s*-?\d+\s*$")
_SEASON = re.compile(r"^[^\W\d_][\w .-]*$")  # "Summer", "Michaelmas term"
#: CSL 1.0.2 standard and number variables: a list or object there is worth a warning (other
#: keys, such as ``custom`` or ``citeconv-extra``, are not CSL variables and are dropped quietly)
TEXT_VARIABLES = frozenset("""abstract annote archive archive_collection archive_location
archive-place authority call-number chapter-number citation-key citation-label citation-number
collection-number collection-title container-title container-title-short dimensions division
DOI edition event event-place event-title first-reference-note-number genre ISBN ISSN issue
jurisdiction keyword language license locator medium note number number-of-pages
number-of-volumes original-publisher original-publisher-place original-title page page-first
part-number part-title PMCID PMID printing-number publisher publisher-place references
reviewed-genre reviewed-title scale section source status supplement-number title title-short
URL version volume volume-title year-suffix""".split())


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


def _text_part(value: Any) -> str | None:
    """A name part as text: strings as they are, numbers written out, anything else ignored."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _clean_name(n: dict) -> dict:
    out = {}
    for k, v in n.items():
        if k in _NAME_PARTS:
            v = _text_part(v)
            if v is None or v.strip() == "":
                continue
        out[k] = v
    return out


def _clean_names(names: Any) -> tuple[list[dict], bool]:
    if isinstance(names, str):  # not CSL-JSON, but clear enough: one name written out
        names = [{"literal": names}]
    if not isinstance(names, list):
        return [], False
    out = []
    for n in names:
        if isinstance(n, str):
            n = {"literal": n}
        if not isinstance(n, dict):
            continue
        n = _clean_name(n)
        if any(n.get(p) for p in _NAME_PARTS):
            out.append(n if _is_etal(n) else _parse_name(n))
    etal = False
    while out and _is_etal(out[-1]):
        out.pop()
        etal = True
    return out, etal


def _part_number(p: Any) -> int | None:
    if isinstance(p, bool):
        return None
    if isinstance(p, int):
        return p
    if isinstance(p, float) and p.is_integer():
        return int(p)
    if isinstance(p, str) and _INT.match(p):
        return int(p)
    return None


def _clean_parts(parts: Any, notes: list[str]) -> list[int]:
    """Integers up to the first empty, zero or non-numeric part (``["2000", "", ""]`` is 2000);
    a part that is not empty or zero but unusable is named in ``notes``."""
    if not isinstance(parts, list):
        return []
    out = []
    for i, p in enumerate(parts[:3]):
        n = _part_number(p)
        if not n or i and n < 0 or i == 1 and n > 16 or i == 2 and (n > 31 or out[1] > 12):
            if p not in ("", None, 0, "0"):
                notes.append(f"date part {p!r} ignored")
            break
        out.append(n)
    return out


def _iso(text: str) -> list[int] | None:
    m = _ISO.match(text)
    return [int(g) for g in m.groups() if g] if m else None


def _from_text(raw: str, value: dict) -> dict:
    """``raw``/``literal`` text: ``YYYY[-MM[-DD]]``, or two of them around ``/`` (a range)."""
    one = _iso(raw)
    if one:
        return {"date-parts": [one]}
    begin, slash, end = raw.partition("/")
    if slash:
        first, second = _iso(begin), _iso(end) if end.strip() else [0]
        if first and second and second != [0] and len(second) < len(first):
            second = first[:len(first) - len(second)] + second  # 2020-03-04/05: to the 5th
        if first and second and (second == [0] or second >= first):
            return {"date-parts": [first, second]}
    if "literal" not in value:
        return {"literal": raw}
    return value


def _clean_date(value: Any, notes: list[str]) -> Any:
    """A date citeproc-py can read, or None when nothing of it is usable; what was dropped from
    a usable date is named in ``notes``."""
    if isinstance(value, str):
        value = {"raw": value}
    if not isinstance(value, dict):
        return None
    value = dict(value)
    for key in ("literal", "raw"):
        if key in value and not isinstance(value[key], str):
            text = _text_part(value[key])
            if text is None:
                del value[key]
            else:
                value[key] = text
    if "season" in value:
        season = value["season"]
        number = _part_number(season)
        if number is not None and 1 <= number <= 4:
            value["season"] = number
        elif not (isinstance(season, str) and _SEASON.match(season)):
            del value["season"]  # (citeproc-py puts a text season into an XPath term lookup)
            if season not in ("", None, 0):
                notes.append(f"season {season!r} ignored")
    if "date-parts" in value:
        given = value["date-parts"] if isinstance(value["date-parts"], list) else []
        cleaned = [_clean_parts(p, notes) for p in given]
        if cleaned and cleaned[0]:
            if len(cleaned[0]) > 1 and cleaned[0][1] > 12:  # months 13-16 are the seasons
                if "season" not in value:
                    value["season"] = cleaned[0][1] - 12
                cleaned = [p[:1] for p in cleaned]
            # an empty end is an open range ("1987–"), which citeproc-py spells [0]
            value["date-parts"] = [cleaned[0]] + [p or [0] for p in cleaned[1:2]]
            return value
        value.pop("date-parts")
    raw = value.get("raw") or value.get("literal")
    if isinstance(raw, str) and raw.strip():
        return _from_text(raw, value)
    return None


def _problem_value(value: Any) -> bool:
    """True for values no CSL variable holds (lists, objects, booleans)."""
    return isinstance(value, (list, dict, bool, tuple, set))


def prepare(items: list[dict]) -> tuple[list[dict], list[Problem], dict[str, str]]:
    clean: list[dict] = []
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(Problem(f"#{i + 1}", "not a JSON object", skipped=True))
            continue
        it = dict(item)
        raw_id = it.get("id")
        orig = (str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool)
                and str(raw_id) else f"item-{i + 1}")
        key = orig.lower()
        if key in ids:
            problems.append(Problem(orig, "duplicate id (ids are case-insensitive)", skipped=True))
            continue
        ids[key] = orig
        it["id"] = orig
        if not isinstance(it.get("type"), str) or not it["type"]:
            it["type"] = "article"
        etal = []
        for var in list(it):
            value = it[var]
            if var in NAME_VARS:
                names, marker = _clean_names(value)
                if marker:
                    etal.append(var)
                if names:
                    it[var] = names
                else:
                    del it[var]
            elif var in DATE_VARIABLES or var == "event-date":
                notes: list[str] = []
                date = _clean_date(value, notes)
                problems += [Problem(orig, f"{var}: {note}") for note in notes if date is not None]
                if date is None:
                    del it[var]
                    if value not in (None, "", {}, []):
                        problems.append(Problem(orig, f"{var} ignored: not a date ({value!r:.40})"))
                else:
                    it[var] = date
            elif value is None:
                del it[var]
            elif var in ("id", "type") or var.startswith("_"):
                continue
            elif _problem_value(value):
                del it[var]
                if var in TEXT_VARIABLES:
                    problems.append(Problem(orig, f"{var} ignored: not text or a number "
                                                  f"({value!r:.40})"))
            elif var == "language" and not isinstance(value, str):
                it[var] = str(value)  # citeproc-py slices it as text
            elif isinstance(value, str) and var not in RAW_FIELDS:
                it[var] = smarten(value)
        if etal:
            it[ETAL_KEY] = etal
        clean.append(it)
    return clean, problems, ids
