"""cs:date (CSL 1.0.2 §Date): localized and non-localized dates, ranges, seasons, BC, literals.

Contract
- ``render_date(node, ctx) -> (text, status)``; status as in ``evaluate`` (2 printed, 1 a date
  value that printed nothing, ``EMPTY_DATE`` no date value). Values are read by
  ``datevalue.parse_date`` (date-parts, raw, literal, season, circa).
- A localized date (``form`` text/numeric) uses the locale's cs:date: its date-parts, their
  affixes and the locale's delimiter; the style's cs:date-part children override the locale
  parts' other attributes by name; ``date-parts`` (year-month-day, year-month, year) selects
  parts. The cs:date's own affixes, formatting and text-case wrap the whole date.
- Parts: year (``short``: last two digits of a four-digit year; years before 1 print their
  absolute value and the ``bc`` term, years 1–499 the ``ad`` term, after the part's affixes, as
  citeproc-js does), month (long/short terms; numeric forms print only months 1–12; month codes
  13–24 and a ``season`` print the season term — a text season as is — in the month's place;
  ``strip-periods``), day (numeric, numeric-leading-zeros, ordinal with the month's gender and
  the locale's ``limit-day-ordinals-to-day-1``).
- Ranges follow citeproc-js: the parts from the largest differing one down to the day (among
  those the end has) print twice; at the last of them in the node's order the start loses its
  suffix, then comes that part's ``range-delimiter`` (else the locale's
  ``year-range-delimiter``, else "–"), then the end's parts joined by the delimiter (each end
  part but the ready one loses its prefix). An open end (``[[1987], [0]]``) prints "1987–".
- A literal (or raw text that is no date) prints in the year's place with the year part's
  formatting; it prints nothing when the date shows no year.
- In a sort key (``ctx.scratch["sort_key"]``) a date renders as fixed-width digits of the
  parts the node shows, years before 1 first (citeproc-js sorts dates in macros this way).
- Without a ``year-suffix`` variable in the style, the item's year-suffix follows the first
  year printed (citeproc-js).
"""
from __future__ import annotations

from typing import Any

from . import evaluate as _ev, output
from .disambiguate import year_suffix_text
from .datevalue import DateValue, Parts, parse_date, season_of
from .style import DatePart, Node

__all__ = ["render_date", "date_parts_of"]

_ORDER = {"year-month-day": ("year", "month", "day"), "year-month": ("year", "month"),
          "year": ("year",)}
_INDEX = {"year": 0, "month": 1, "day": 2}


def date_parts_of(node: Node, ctx: Any) -> tuple[list[Node], str]:
    """The date-part nodes ``node`` renders, in order, and the delimiter between them."""
    form = node.get("form")
    if not form:
        return [p for p in node.children if type(p) is DatePart], node.get("delimiter", "")
    base = ctx.locale.dates.get(form)
    if base is None:
        return [], ""
    want = _ORDER.get(node.get("date-parts", "year-month-day"), ("year", "month", "day"))
    overrides = {p.get("name"): p for p in node.children if type(p) is DatePart}
    parts = []
    for p in base.children:
        if type(p) is not DatePart or p.get("name") not in want:
            continue
        o = overrides.get(p.get("name"))
        if o is not None:
            merged = dict(p.attrs)
            merged.update({k: v for k, v in o.attrs.items() if k not in ("prefix", "suffix")})
            p = DatePart(merged, ())
        parts.append(p)
    return parts, base.get("delimiter", "")


def _get(parts: Parts, name: str) -> int | None:
    i = _INDEX[name]
    return parts[i] if i < len(parts) else None


def _year(a: Any, y: int, ctx: Any) -> tuple[str, str]:
    """The year's text and its era term (printed after the part's affixes)."""
    if y == 0:
        return "", ""
    s = str(abs(y))
    if a.get("form") == "short" and len(s) == 4:
        s = s[2:]
    era = ""
    if y < 0:
        era = ctx.locale.term("bc") or ""
    elif y < 500:
        era = ctx.locale.term("ad") or ""
    return s, era


def _month(a: Any, m: int | None, season: Any, ctx: Any) -> str:
    form = a.get("form", "long")
    if m is None:
        if season is None:
            return ""
        if isinstance(season, int):
            return ctx.locale.term(f"season-{season:02d}") or ""
        return str(season)
    if 1 <= m <= 12:
        if form == "numeric":
            return str(m)
        if form == "numeric-leading-zeros":
            return f"{m:02d}"
        return ctx.locale.term(f"month-{m:02d}", "short" if form == "short" else "long") or ""
    s = season_of(m)
    if s is None or form in ("numeric", "numeric-leading-zeros"):
        return ""
    return ctx.locale.term(f"season-{s:02d}", "short" if form == "short" else "long") or ""


def _day(a: Any, d: int, m: int | None, ctx: Any) -> str:
    form = a.get("form", "numeric")
    if form == "numeric-leading-zeros":
        return f"{d:02d}"
    if form == "ordinal":
        loc = ctx.locale
        if d == 1 or loc.options.get("limit-day-ordinals-to-day-1") != "true":
            gender = loc.gender(f"month-{m:02d}") if m and 1 <= m <= 12 else None
            return loc.ordinal(d, gender)
    return str(d)


def _value(part: Node, parts: Parts, season: Any, ctx: Any) -> tuple[str, str]:
    """The bare text of ``part`` for ``parts`` (no affixes) and the era term after it."""
    name, a = part.get("name"), part.attrs
    if name == "year":
        y = _get(parts, "year")
        return _year(a, y, ctx) if y is not None else ("", "")
    if name == "month":
        s = _month(a, _get(parts, "month"), season, ctx)
        return (s.replace(".", "") if a.get("strip-periods") == "true" else s), ""
    if name == "day":
        d = _get(parts, "day")
        return (_day(a, d, _get(parts, "month"), ctx) if d else ""), ""
    return "", ""


def _piece(part: Node, text: str, era: str = "", prefix: bool = True,
           suffix: bool = True) -> str:
    if not text:
        return ""
    a = part.attrs
    text = output.wrap(output.text_case(text, a.get("text-case")), a)
    text = output.affix(text, a.get("prefix") if prefix else None,
                        a.get("suffix") if suffix else None)
    return text + era


def _render(part: Node, parts: Parts, season: Any, ctx: Any, prefix: bool = True,
            suffix: bool = True) -> str:
    text, era = _value(part, parts, season, ctx)
    return _piece(part, text, era, prefix, suffix)


def _range(parts: list[Node], delim: str, dv: DateValue, ctx: Any, ys: str) -> str:
    start, end = dv.start, dv.end or ()
    names = [p.get("name") for p in parts]
    have = [n for n in ("year", "month", "day") if n in names and _get(end, n) is not None]
    at = next((i for i, n in enumerate(have) if _get(start, n) != _get(end, n)), len(have))
    collapse = set(have[at:])
    open_end = end[:1] == (0,)
    out, ends, done = [], [], set()
    for p in parts:
        name = p.get("name")
        done.add(name)
        if name not in collapse:
            out.append(_render(p, start, dv.season, ctx) + (ys if name == "year" else ""))
            continue
        text, era = _value(p, start, dv.season, ctx)
        if not collapse <= done:  # an end part waits for the last collapsing part
            out.append(_piece(p, text, era))
            if not open_end:  # (citeproc-js puts the start's era after each end part)
                ends.append(_piece(p, _value(p, end, None, ctx)[0], era, prefix=False))
            continue
        if not open_end:
            ends.append(_piece(p, _value(p, end, None, ctx)[0], prefix=len(ends) > 0))
        rd = p.get("range-delimiter") or ctx.locale.term("year-range-delimiter") or "–"
        first = _piece(p, text, suffix=False)
        out.append(first + rd + output.join(ends, delim) + era + (ys if name == "year" else ""))
    return output.join(out, delim)


def _sort_text(dv: DateValue, parts: list[Node]) -> str:
    names = {p.get("name") for p in parts}
    out = []
    for ps in (dv.start, dv.end if dv.end and dv.end[0] else None):
        if not ps:
            continue
        y = _get(ps, "year") or 0
        m = _get(ps, "month") if "month" in names else 0
        d = _get(ps, "day") if "day" in names else 0
        m = m if m and 1 <= m <= 12 else 0
        out.append("%010d%02d%02d" % (y + 1_000_000_000, m, d or 0))
    return " ".join(out)


def _year_suffix(ctx: Any, parts: list[Node]) -> str:
    ys = getattr(ctx.state, "year_suffix", None)
    if (not ys or ctx.style.extra.get("year_suffix_var") or ctx.scratch.get("ys_done")
            or not any(p.get("name") == "year" for p in parts)):
        return ""
    ctx.scratch["ys_done"] = True
    return year_suffix_text(ys)


def _memo(ctx: Any, kind: str, obj: Any, make: Any) -> Any:
    """``make(obj)`` once per run (``Context.memo``; "date-parts" also per locale)."""
    slot = (kind, id(obj), id(ctx.locale))
    hit = ctx.memo.get(slot)
    if hit is not None and hit[0] is obj and hit[1] is ctx.locale:
        return hit[2]
    out = make(obj)
    ctx.memo[slot] = (obj, ctx.locale, out)
    return out


def render_date(node: Node, ctx: Any) -> tuple[str, float]:
    EMPTY_DATE, _finish, variable = _ev.EMPTY_DATE, _ev._finish, _ev.variable
    value = variable(ctx, node.get("variable", ""))
    dv = _memo(ctx, "date", value, parse_date) if value is not None else None
    if dv is None:
        return "", EMPTY_DATE
    parts, delim = _memo(ctx, "date-parts", node, lambda n: date_parts_of(n, ctx))
    if ctx.scratch.get("sort_key"):
        text = _sort_text(dv, parts) if dv.start else ""
        return text, 2 if text else 1
    year = next((p for p in parts if p.get("name") == "year"), None)
    if not dv.start:  # a literal prints in the year's place
        text = _piece(year, str(dv.literal)) if year is not None else ""
        return _finish(node, text, ctx), 2 if text else 1
    if year is not None:
        ctx.scratch.setdefault("years", []).append(dv.start[0])
    ys = _year_suffix(ctx, parts) if year is not None else ""
    if dv.end is not None:
        text = _range(parts, delim, dv, ctx, ys)
    else:
        text = output.join([_render(p, dv.start, dv.season, ctx)
                            + (ys if p is year else "") for p in parts], delim)
    return _finish(node, text, ctx), 2 if text else 1
