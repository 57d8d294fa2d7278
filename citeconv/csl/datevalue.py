"""CSL-JSON date values read into one frozen shape: ``DateValue`` (what cs:date renders).

Contract
- ``parse_date(value) -> DateValue | None`` never raises. ``value`` is a CSL-JSON date object
  (``date-parts``, ``season``, ``circa``, ``literal``, ``raw``) or a string (read as ``raw``).
  None when nothing in it is a date or text.
- ``date-parts``: up to two lists ``[year, month, day]``; numbers or numeric strings; a part that
  is empty, zero or not a number ends that list (``[2020, 5, 0]`` is May 2020). An end whose year
  is 0 (``[[1987], [0]]``) is an open range, rendered "1987–" (citeproc-js). An end equal to
  the start is no range. A start year of 0 is no date.
- Months 13–16 are the seasons (spring, summer, autumn, winter); 21–24 (EDTF) and 17–20 are
  folded onto them as citeproc-js does (``season_of``). Other months above 12 print nothing.
- ``raw`` text is parsed (``parse_raw``) the way citeproc-js's date parser reads common input:
  EDTF/ISO ``YYYY[-MM[-DD]]`` (a time after ``T`` ignored, ``?``/``~``/``%`` marks circa,
  ``YYYY-21`` a season), ``/`` or a dash between two dates as a range (an open end ``..`` or
  nothing is dropped: ``2020/..`` is 2020, as citeproc-js prints it), English month names and
  abbreviations in any order with a day and a year ("10 May 2020", "May 10, 2020"), seasons
  ("Spring 2019"), ``M/D/YYYY``. Text it cannot read becomes the literal.
- ``to_csl(dv)`` is the canonical CSL-JSON object for a ``DateValue``. ``dates_in(cleaned,
  given, problems)`` returns the cleaned items (``citeconv.render.items.prepare`` output) with
  each date variable they kept replaced by ``to_csl(parse_date(...))`` of the caller's own value
  (matched by id), so sorting and conditions see ``date-parts`` read by these rules; the
  cleaning's notes about those dates are replaced by this reader's ("date part 'xx' ignored"
  for a part that is not a number, or a month that is neither 1–12 nor a season code). A date
  variable the item lacks may be given in its ``note`` as a ``variable: value`` line (read as
  raw text and taken out of the note, as citeproc-js does).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..model import DATE_VARIABLES

__all__ = ["DateValue", "parse_date", "parse_raw", "season_of", "to_csl", "dates_in"]

Parts = tuple[int, ...]
_DATE_VARS = frozenset(DATE_VARIABLES) | {"event-date"}


@dataclass(frozen=True, slots=True)
class DateValue:
    """``start``/``end`` are (year[, month[, day]]); ``end`` is None (no range) or ``(0,)`` (open)."""

    start: Parts = ()
    end: Parts | None = None
    season: int | str | None = None
    circa: bool = False
    literal: str | None = None

    @property
    def is_range(self) -> bool:
        return self.end is not None


def season_of(month: int) -> int | None:
    """Season 1–4 for a month code 13–24 (citeproc-js folds 17–24 onto 13–16), else None."""
    if not 13 <= month <= 24:
        return None
    while month > 16:
        month -= 4
    return month - 12


def _int(x: Any) -> int | None:
    if isinstance(x, bool):
        return None
    if isinstance(x, int):
        return x
    if isinstance(x, float) and x.is_integer():
        return int(x)
    if isinstance(x, str) and re.fullmatch(r"\s*-?\d+\s*", x):
        return int(x)
    return None


def _parts(p: Any) -> Parts:
    out: list[int] = []
    if not isinstance(p, (list, tuple)):
        return ()
    for i, x in enumerate(p[:3]):
        n = _int(x)
        if n is None or (i and n <= 0):
            break
        out.append(n)
    return tuple(out)


def _season(value: Any) -> int | str | None:
    n = _int(value)
    if n is not None:
        return n if 1 <= n <= 4 else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def parse_date(value: Any) -> DateValue | None:
    if isinstance(value, str):
        value = {"raw": value}
    if not isinstance(value, dict):
        return None
    season = _season(value.get("season"))
    circa = bool(value.get("circa")) and str(value.get("circa")).lower() not in ("false", "0")
    dp = value.get("date-parts")
    if isinstance(dp, (list, tuple)) and dp:
        start = _parts(dp[0])
        if start and start[0] != 0:
            end = _parts(dp[1]) if len(dp) > 1 else None
            if end is not None and (not end or end[0] == 0):
                end = (0,)
            elif end == start:
                end = None
            return DateValue(start, end, season, circa)
    for key in ("raw", "literal"):
        text = value.get(key)
        if isinstance(text, (int, float)) and not isinstance(text, bool):
            text = str(text)
        if isinstance(text, str) and text.strip():
            if key == "raw":
                got = parse_raw(text)
                if got.start:
                    return DateValue(got.start, got.end, season or got.season,
                                     circa or got.circa)
            return DateValue(season=season, circa=circa, literal=text.strip())
    return None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SEASONS = {"spring": 13, "summer": 14, "autumn": 15, "fall": 15, "winter": 16}
_EDTF = re.compile(r"(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?"
                   r"\s*([?~%]?)")
_TOKEN = re.compile(r"[^\W\d_]+\.?|-?\d+|[?~%]")
_DASHES = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")


def _word(w: str) -> int | None:
    w = w.lower().rstrip(".")
    if w in _SEASONS:
        return _SEASONS[w]
    if len(w) >= 3 and w[:3] in _MONTHS and (len(w) <= 4 or _full_month(w)):
        return _MONTHS.index(w[:3]) + 1
    return None


def _full_month(w: str) -> bool:
    return w in ("january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december", "sept")


def _one(text: str) -> tuple[Parts, bool] | None:
    """One date: its (year, month, day) and whether it is marked uncertain."""
    text = text.strip().strip("[]()").strip()
    m = _EDTF.fullmatch(text)
    if m:
        y, mo, d, mark = m.groups()
        parts = [int(y)] + [int(x) for x in (mo, d) if x]
        if len(parts) > 1 and not (1 <= parts[1] <= 12 or 21 <= parts[1] <= 24):
            return None
        if len(parts) > 1 and parts[1] > 12:
            parts = parts[:2]
        while parts and len(parts) > 1 and parts[-1] == 0:
            parts.pop()
        return tuple(parts), bool(mark)
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:  # M/D/YYYY, as citeproc-js reads it
        mo, d, y = (int(x) for x in m.groups())
        return ((y, mo, d), False) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    year = month = day = None
    mark = False
    if re.match(r"(?i)(circa|ca?\.)\s*(?=\d)", text):
        text, mark = re.sub(r"(?i)^(circa|ca?\.)\s*", "", text), True
    for tok in _TOKEN.findall(text):
        if tok in "?~%":
            mark = True
        elif tok[0].isalpha():
            n = _word(tok)
            if n is None or month is not None:
                return None
            month = n
        elif len(tok.lstrip("-")) >= 3 and year is None:
            year = int(tok)
        elif day is None and 1 <= int(tok) <= 31:
            day = int(tok)
        else:
            return None
    if year is None or (day is not None and (month is None or month > 12)):
        return None
    return tuple(x for x in (year, month, day) if x is not None), mark


@functools.lru_cache(maxsize=1024)
def parse_raw(text: str) -> DateValue:
    """``text`` read as a date or range; a DateValue with no ``start`` when it is not one."""
    text = text.strip()
    pieces = [text]
    if "/" in text and not re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text):
        pieces = text.split("/")
    elif _DASHES.search(text):
        pieces = _DASHES.split(text, maxsplit=1)
    elif re.fullmatch(r"\d{3,4}\s*-\s*\d{3,4}", text):
        pieces = text.split("-")
    if len(pieces) > 2:
        return DateValue()
    first = _one(pieces[0]) if pieces[0].strip() not in ("", "..") else None
    if first is None:
        return DateValue()
    start, circa = first
    end = None
    if len(pieces) == 2 and pieces[1].strip() not in ("", ".."):
        second = _one(pieces[1])
        if second is None:
            return DateValue()
        end = second[0]
        if len(end) < len(start) and len(end) and end[0] < 100 < start[0]:
            end = start[:len(start) - len(end)] + end  # 2020-05-10/12 style abbreviation
        elif len(end) < len(start):
            end = end + start[len(end):] if len(end) == 1 and len(start) > 1 else end
        if end == start:
            end = None
    return DateValue(start, end, None, circa)


def to_csl(dv: DateValue) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if dv.start:
        out["date-parts"] = [list(dv.start)] + ([list(dv.end)] if dv.end is not None else [])
    if dv.literal is not None:
        out["literal"] = dv.literal
    if dv.season is not None:
        out["season"] = dv.season
    if dv.circa:
        out["circa"] = True
    return out


def _given_ids(given: list[Any]) -> dict[str, dict]:
    """The caller's items by the id ``prepare`` gives them (first of a duplicate wins)."""
    out: dict[str, dict] = {}
    for i, item in enumerate(given):
        if not isinstance(item, dict):
            continue
        raw = item.get("id")
        key = (str(raw) if isinstance(raw, (str, int)) and not isinstance(raw, bool) and str(raw)
               else f"item-{i + 1}")
        out.setdefault(key, item)
    return out


def _notes(value: Any) -> list[str]:
    """What ``parse_date`` leaves out of ``value``'s date-parts, worded as the item cleaning does."""
    dp = value.get("date-parts") if isinstance(value, dict) else None
    notes = []
    for p in dp[:2] if isinstance(dp, list) else ():
        if not isinstance(p, list):
            continue
        kept = _parts(p)
        rest = p[len(kept):3]
        if rest and rest[0] not in ("", None, 0, "0"):
            notes.append(f"date part {rest[0]!r} ignored")
        if len(kept) > 1 and not (1 <= kept[1] <= 12 or season_of(kept[1])):
            notes.append(f"date part {p[1]!r} ignored")
    return notes


def dates_in(cleaned: list[dict], given: list[Any], problems: list[Any]) -> tuple[list[dict], list[Any]]:
    """``cleaned`` with its dates read again from ``given``, and ``problems`` with the notes of
    the item cleaning about those dates replaced by this reader's."""
    from ..render.items import Problem

    by_id = _given_ids(given)
    out, reread = [], {}
    for item in cleaned:
        orig = by_id.get(str(item.get("id")))
        if orig is not None:
            changed = {}
            for var in item:
                if var in _DATE_VARS and var in orig:
                    dv = parse_date(orig[var])
                    if dv is not None:
                        changed[var] = to_csl(dv)
                        reread[(str(item.get("id")), var)] = _notes(orig[var])
            if changed:
                item = {**item, **changed}
        out.append(item)
    kept = [p for p in problems if not (not p.skipped and any(
        p.id == i and p.reason.startswith(f"{v}: ") for i, v in reread))]
    kept += [Problem(i, f"{v}: {n}") for (i, v), notes in reread.items() for n in notes]
    return out, kept
