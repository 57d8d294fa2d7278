"""The pieces of a "Publications" page the reader builds (lines, entries) and its dates.

Contract (moved out of ``publications`` unchanged)
- ``_Line`` (index, text, kind, titleness) and ``_Entry`` (title, names, abstract, date) are the
  reader's working records.
- ``_DATE_LINE`` / ``_month``: a pure date line (``2023``, ``June 2023``, ``juin 2023``); English
  or French month names.
- ``_place_dates(lines, entries)``: date lines that each come right before a title are section
  headings for the entries below; otherwise a date belongs to the entry it sits in.
- ``_date(line)``: a date line -> ``Date`` (year, or year and month).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Date

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# French month names (the pages are often the French version of a Québec or French site)
_MOIS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
         "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
         "décembre": 12, "decembre": 12}
_DATE_LINE = re.compile(r"^(?:(?P<m>[^\W\d_]{3,9})\.?\s+)?(?P<y>(?:19|20)\d{2})$")


def _month(word: str | None) -> int | None:
    """1-12 for an English (``Jun``, ``June``) or French (``juin``) month name, else None."""
    if not word:
        return 0
    w = word.lower()
    if w in _MOIS:
        return _MOIS[w]
    return _MONTHS.index(w[:3]) + 1 if w[:3] in _MONTHS and w.isascii() else None


@dataclass
class _Line:
    index: int           # 0-based line number
    text: str
    kind: str            # "abstract" | "title" | "name" | "date"
    titleness: float = 0.0


@dataclass
class _Entry:
    title: _Line
    names: list[_Line] = field(default_factory=list)
    abstract: list[_Line] = field(default_factory=list)
    date: _Line | None = None


def _place_dates(lines: list[_Line], entries: list[_Entry]) -> None:
    """Date lines that each come right before an entry's title are section headings
    (``2023``) for the entries below; otherwise a date belongs to the entry it sits in."""
    dates = [ln for ln in lines if ln.kind == "date"]
    if not dates or not entries:
        return
    after = {ln.index: lines[k + 1].index for k, ln in enumerate(lines[:-1])}
    titles = {e.title.index for e in entries}
    headings = all(after.get(d.index) in titles for d in dates)
    starts = [d.index for d in dates] if headings else [e.title.index for e in entries]
    if headings:
        for e in entries:
            k = bisect.bisect_left(starts, e.title.index)
            e.date = dates[k - 1] if k else None
        return
    for d in dates:
        k = bisect.bisect_left(starts, d.index)
        if k and entries[k - 1].date is None:
            entries[k - 1].date = d


def _date(line: _Line | None) -> Date | None:
    if line is None:
        return None
    m = _DATE_LINE.match(line.text)
    if not m:
        return None
    month = _month(m["m"]) or 0
    return Date(parts=((int(m["y"]), month) if month else (int(m["y"]),),))
