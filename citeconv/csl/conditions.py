"""cs:if / cs:else-if conditions (CSL 1.0.2 §Choose).

Contract
- ``test(branch, ctx) -> bool`` evaluates every condition attribute of ``branch`` (type,
  variable, is-numeric, is-uncertain-date, locator, position, disambiguate) with its ``match``
  (all — the default —, any, none). ``position`` reads ``ctx.cite["position"]`` (first,
  subsequent, ibid, ibid-with-locator, near-note); in the bibliography every position test is
  false. ``disambiguate`` reads ``ctx.state.disambiguate``.
"""
from __future__ import annotations

import re
from typing import Any

__all__ = ["test"]

_NUMERIC = re.compile(r"^\s*[a-zA-Z]?\d+[a-zA-Z]?(\s*([-–&,]|and)\s*[a-zA-Z]?\d+[a-zA-Z]?)*\s*$")
_POS_ORDER = {"first": 0, "subsequent": 1, "ibid-with-locator": 2, "ibid": 3}


def _numeric(v: Any) -> bool:
    if isinstance(v, int):
        return True
    return bool(v) and bool(_NUMERIC.match(str(v)))


def _position(ctx: Any, want: str) -> bool:
    if ctx.section != "citation" or not ctx.cite:
        return False
    pos = ctx.cite.get("position") or "first"
    near = bool(ctx.cite.get("near-note"))
    if want == "near-note":
        return near and pos != "first"
    if want == "first":
        return pos == "first"
    if want == "subsequent":
        return pos != "first"
    if want == "ibid":
        return pos in ("ibid", "ibid-with-locator")
    if want == "ibid-with-locator":
        return pos == "ibid-with-locator"
    return False


def test(branch: Any, ctx: Any) -> bool:
    from .evaluate import variable

    results: list[bool] = []
    a = branch.attrs
    for attr, fn in (
        ("type", lambda v: (ctx.item.get("type") or "article") == v),
        ("variable", lambda v: variable(ctx, v, test=True) not in (None, "", [])),
        ("is-numeric", lambda v: _numeric(variable(ctx, v, test=True))),
        ("is-uncertain-date", lambda v: bool((ctx.item.get(v) or {}).get("circa"))
         if isinstance(ctx.item.get(v), dict) else False),
        ("locator", lambda v: ((ctx.cite or {}).get("label") or "page") == v
         and bool((ctx.cite or {}).get("locator"))),
        ("position", lambda v: _position(ctx, v)),
    ):
        if attr in a:
            results.extend(fn(v) for v in a[attr].split())
    if "disambiguate" in a:
        on = bool(getattr(ctx.state, "condition", False) or getattr(ctx.state, "disambiguate", False))
        results.append(on == (a["disambiguate"] == "true"))
    match = a.get("match", "all")
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)
