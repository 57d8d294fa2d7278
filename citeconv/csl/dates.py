"""cs:date (CSL 1.0.2 §Date): localized and non-localized dates, ranges, seasons, circa, BC.

Contract
- ``render_date(node, ctx) -> (text, status)``. A localized date (``form`` text/numeric) uses
  the locale's cs:date with the style's date-parts overriding attributes by name and
  ``date-parts`` (year-month-day, year-month, year) selecting parts. Date values are CSL-JSON
  ``{"date-parts": [[y, m, d], [y2, m2, d2]], "season", "circa", "literal", "raw"}``; a literal
  is printed as is; a raw ISO string is parsed. Months 13–16 are seasons (season-01..04).
  Ranges collapse shared larger parts and join with the part's ``range-delimiter`` (default –).
  Years ≤ 0 print with the locale's ``bc`` term, years < 1000 with ``ad``.
"""
from __future__ import annotations

import re
from typing import Any

from . import output
from .style import DatePart, Node

__all__ = ["render_date", "date_parts"]

_ISO = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")
_ORDER = {"year-month-day": ("year", "month", "day"), "year-month": ("year", "month"),
          "year": ("year",)}


def date_parts(value: Any) -> list[list[int]] | None:
    if not isinstance(value, dict):
        return None
    dp = value.get("date-parts")
    if dp and isinstance(dp, list) and dp[0]:
        try:
            out = [[int(x) for x in p if str(x).strip() not in ("",)] for p in dp if p]
        except (TypeError, ValueError):
            return None
        out = [p for p in out if p]
        return out or None
    raw = value.get("raw")
    if isinstance(raw, str):
        pieces = [p for p in re.split(r"/", raw) if p]
        res = []
        for p in pieces:
            m = _ISO.match(p)
            if not m:
                return None
            res.append([int(x) for x in m.groups() if x])
        return res or None
    return None


def _part(part: Node, date: list[int], ctx: Any, season: Any) -> str:
    name = part.get("name")
    a = part.attrs
    loc = ctx.locale
    if name == "year":
        if not date:
            return ""
        y = date[0]
        if a.get("form") == "short":
            s = f"{y % 100:02d}"
        elif y <= 0:
            s = f"{abs(y) or 1}{loc.term('bc') or 'BC'}"
        elif y < 1000:
            s = f"{y}{loc.term('ad') or 'AD'}"
        else:
            s = str(y)
    elif name == "month":
        m = date[1] if len(date) > 1 else None
        if m is None or m == 0:
            if season and len(date) < 2:
                m = int(season) + 12 if str(season).isdigit() else None
                if m is None:
                    return output.affix(output.text_case(str(season), a.get("text-case")),
                                        a.get("prefix"), a.get("suffix"))
            else:
                return ""
        form = a.get("form", "long")
        if 13 <= m <= 16:
            s = loc.term(f"season-{m - 12:02d}") or ""
        elif form == "numeric":
            s = str(m)
        elif form == "numeric-leading-zeros":
            s = f"{m:02d}"
        else:
            s = loc.term(f"month-{m:02d}", "short" if form == "short" else "long") or str(m)
    elif name == "day":
        if len(date) < 3 or not date[2]:
            return ""
        d = date[2]
        form = a.get("form", "numeric")
        if form == "numeric-leading-zeros":
            s = f"{d:02d}"
        elif form == "ordinal" and (d == 1 or loc.options.get("limit-day-ordinals-to-day-1") != "true"):
            s = loc.ordinal(d, loc.gender(f"month-{date[1]:02d}") if len(date) > 1 else None)
        else:
            s = str(d)
    else:
        return ""
    if a.get("strip-periods") == "true":
        s = s.replace(".", "")
    s = output.text_case(s, a.get("text-case"))
    return output.affix(output.wrap(s, a), a.get("prefix"), a.get("suffix"))


def _parts(node: Node, ctx: Any) -> tuple[list[Node], str]:
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


def render_date(node: Node, ctx: Any) -> tuple[str, int]:
    from .evaluate import _finish, variable

    value = variable(ctx, node.get("variable", ""))
    if not isinstance(value, dict):
        from .evaluate import EMPTY_DATE
        return "", EMPTY_DATE
    dp = date_parts(value)
    if dp is None:
        lit = value.get("literal") or value.get("raw")
        return (_finish(node, str(lit), ctx), 2) if lit else ("", 1)
    parts, delim = _parts(node, ctx)
    if any(p.get("name") == "year" for p in parts):
        ctx.scratch.setdefault("years", []).append(dp[0][0] if dp[0] else None)
    if node.get("form"):
        delim = delim
    season = value.get("season")
    start = dp[0]
    end = dp[1] if len(dp) > 1 and dp[1] != dp[0] and dp[1] and dp[1][0] else None
    if end is None:
        text = output.join([_part(p, start, ctx, season) for p in parts], delim)
    else:
        names = [p.get("name") for p in parts]
        differ = [n for i, n in zip(range(3), ("year", "month", "day"))
                  if n in names and (start[i] if i < len(start) else None) != (end[i] if i < len(end) else None)]
        big = differ[0] if differ else "day"
        rank = {"year": 0, "month": 1, "day": 2}
        idx = [i for i, p in enumerate(parts) if rank.get(p.get("name"), 9) >= rank[big]
               or p.get("name") in differ]
        if not idx:
            text = output.join([_part(p, start, ctx, season) for p in parts], delim)
        else:
            lo, hi = min(idx), max(idx)
            rd = parts[[i for i, p in enumerate(parts) if p.get("name") == big][0]].get("range-delimiter", "–") \
                if any(p.get("name") == big for p in parts) else "–"
            pre = [_part(p, start, ctx, season) for p in parts[:lo]]
            mid_a = output.join([_part(p, start, ctx, season) for p in parts[lo:hi + 1]], delim)
            mid_b = output.join([_part(p, end, ctx, season) for p in parts[lo:hi + 1]], delim)
            post = [_part(p, start, ctx, season) for p in parts[hi + 1:]]
            mid = mid_a.rstrip() + rd + mid_b.lstrip()
            text = output.join(pre + [mid] + post, delim)
    ys = getattr(ctx.state, "year_suffix", None)
    if (ys and text and not ctx.style.extra.get("year_suffix_var") and not ctx.scratch.get("ys_done")
            and any(p.get("name") == "year" for p in parts)):
        # citeproc-js: without a year-suffix variable the suffix follows the first year
        from .disambiguate import year_suffix_text
        ctx.scratch["ys_done"] = True
        year = _part([p for p in parts if p.get("name") == "year"][0], start, ctx, season)
        if year and year in text:
            i = text.index(year) + len(year)
            text = text[:i] + year_suffix_text(ys) + text[i:]
    return _finish(node, text, ctx), 2 if text else 1
