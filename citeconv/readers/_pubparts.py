"""The pieces of a "Publications" page the reader builds (lines, entries) and its dates.

Contract (moved out of ``publications`` unchanged)
- ``_Line`` (index, text, kind, titleness) and ``_Entry`` (title, names, abstract, date, venue)
  are the reader's working records.
- ``_venue_line(text)``: a short line naming where and when a paper appeared (``NeurIPS 2023``,
  ``International Conference on Machine Learning (ICML), 2019``, ``arXiv preprint
  arXiv:2301.00001``); ``_venue(line)`` -> (container title, year or None, CSL type: a journal
  word makes ``article-journal``, a preprint stays ``document``, else ``paper-conference``;
  volume/issue/page when written ``21(140):1-67``).
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
    venue: _Line | None = None


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


_VENUE_WORD = re.compile(
    r"\b(?:conference|proceedings|workshop|journal|transactions|symposium|letters|arxiv|"
    r"preprint|findings|neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|coling|aaai|ijcai|"
    r"aistats|uai|colt|tmlr|jmlr|corl|icra|iros|kdd|sigir|interspeech|icassp|nature|science)\b",
    re.IGNORECASE)
_VENUE_KIND = re.compile(  # names a venue even with no year: "Conference on Machine Learning"
    r"\b(?:conference|proceedings|workshop|journal|transactions|symposium)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_ARXIV_REF = re.compile(r"\barXiv:\s?\d{4}\.\d{4,5}")


_SMALL = frozenset("of on in and for the at to a an de du des la le et preprint".split())


def _venue_line(text: str) -> bool:
    words = text.split()
    prose = sum(w[:1].islower() and w.lower() not in _SMALL and not w.startswith("arXiv")
                for w in words)  # "This paper appeared in …" is a sentence, not a venue
    return (len(words) <= 16 and prose <= 1 and not re.search(r"[.!?]\s+[a-z]", text)
            and bool(_VENUE_WORD.search(text) or _VOL.search(_YEAR.sub("", text).strip(" ,.")))
            and bool(_YEAR.search(text) or _ARXIV_REF.search(text) or _VENUE_KIND.search(text)))


_JOURNAL = re.compile(r"\b(?:journal|transactions|letters|nature|science|jmlr|tmlr)\b", re.I)
_PREPRINT = re.compile(r"\b(?:arxiv|preprint)\b", re.IGNORECASE)


_VOL = re.compile(r"\s*,?\s*(?:vol\.?\s*)?(?P<volume>\d+)\s*(?:\((?P<issue>\d+)\))?\s*[:,]\s*"
                  r"(?:pp?\.\s*)?(?P<page>\d+\s*[-–]+\s*\d+|\d+)\s*(?=,|$)", re.IGNORECASE)
_PAGES = re.compile(r"\s*,?\s*pp?\.\s*(?P<page>\d+\s*[-–]+\s*\d+|\d+)\s*(?=,|$)", re.IGNORECASE)


def _venue(line: _Line) -> tuple[str, int | None, str, dict[str, str]]:
    """``NeurIPS 2023`` -> ("NeurIPS", 2023, "paper-conference", {}); a journal's
    ``21(140):1-67`` -> volume, issue, page."""
    text = re.sub(r"^In\s+", "", line.text.strip())
    years = _YEAR.findall(text)
    name = _YEAR.sub("", text) if years and not _ARXIV_REF.search(text) else text
    name = re.sub(r"\(\s*\)", "", name).strip(" ,;:.")
    more: dict[str, str] = {}
    vol = None if _ARXIV_REF.search(text) else (_VOL.search(name) or _PAGES.search(name))
    if vol:
        more = {k: v for k, v in vol.groupdict().items() if v}
        if "page" in more:
            more["page"] = re.sub(r"\s*[-–]+\s*", "-", more["page"])
        name = name[:vol.start()] + name[vol.end():]
    name = re.sub(r"\s+", " ", re.sub(r"[\s,;:.(\[]*$", "", name)).strip(" ,;:")
    kind = ("article-journal" if _JOURNAL.search(name) or "volume" in more else
            "document" if _PREPRINT.search(name) else "paper-conference")
    return name, (int(years[-1]) if years else None), kind, more
