"""cs:if / cs:else-if conditions (CSL 1.0.2 §Choose).

Contract
- ``test(branch, ctx) -> bool`` evaluates every condition attribute of ``branch`` (type,
  variable, is-numeric, is-uncertain-date, locator, position, disambiguate) with its ``match``
  (all — the default —, any, none). ``position`` reads ``ctx.cite["position"]`` (first,
  subsequent, ibid, ibid-with-locator, near-note); in the bibliography every position test is
  false. ``disambiguate="true"`` passes for the first ``ctx.state.condition`` tests met in a
  render (citeproc-js ``disambiguate_count``). The types listed in ``type`` are
  one test, true when the item has any of them, whatever the ``match`` (citeproc-js).
  ``is-numeric`` on a number variable is ``numbers.is_numeric`` (citeproc-js's parse); on
  ``title`` it asks whether the title ends with a digit.
"""
from __future__ import annotations

import re
from typing import Any

from . import evaluate as _ev
from .numbers import NUMERIC_VARS, is_numeric

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


def _type(ctx: Any, v: str) -> bool:
    return (ctx.item.get("type") or "article") == v


def _variable(ctx: Any, v: str) -> bool:
    return _ev.variable(ctx, v, test=True) not in (None, "", [])


def _is_numeric(ctx: Any, v: str) -> bool:
    value = _ev.variable(ctx, v, test=True)
    if v in NUMERIC_VARS:  # citeproc-js parses the number; "title" ends with a digit
        return value not in (None, "") and is_numeric(value, v, ctx.locale)
    if v == "title":
        return isinstance(value, str) and value[-1:].isdigit()
    return _numeric(value)


def _uncertain(ctx: Any, v: str) -> bool:
    d = ctx.item.get(v)
    return bool(d.get("circa")) if isinstance(d, dict) else False


def _locator(ctx: Any, v: str) -> bool:
    cite = ctx.cite or {}
    return (cite.get("label") or "page") == v and bool(cite.get("locator"))


def _disambiguate(ctx: Any, v: str) -> bool:
    level = int(getattr(ctx.state, "condition", 0) or 0)
    if getattr(ctx.state, "disambiguate", False):
        level = 1 << 30
    if v != "true":
        return level == 0
    met = ctx.scratch.get("disamb_met", 0)  # citeproc-js: the first ``level`` tests met pass
    if met < level:
        ctx.scratch["disamb_met"] = met + 1
        return True
    return False


_CHECKS = {"type": _type, "variable": _variable, "is-numeric": _is_numeric,
           "is-uncertain-date": _uncertain, "locator": _locator, "position": _position,
           "disambiguate": _disambiguate}


def test(branch: Any, ctx: Any) -> bool:
    """Whether ``branch`` (a compiled ``style.If``) applies; cs:else always does."""
    if branch.is_else:
        return True
    match = branch.match
    for attr, values in branch.conds:
        if attr == "type":  # citeproc-js: the listed types are one test, true for any of them
            if (ctx.item.get("type") or "article") in values:
                if match == "any":
                    return True
                if match == "none":
                    return False
            elif match == "all":
                return False
            continue
        check = _CHECKS[attr]
        item = ctx.item
        for v in values:  # in order, stopping as soon as the answer is known
            if attr == "variable" and v not in _ev._SPECIAL:  # _variable, inlined
                ok = False
                for n in _ev._ALIASES.get(v, (v,)):
                    x = item.get(n)
                    if x is not None and x != "" and x != []:
                        ok = True
                        break
            else:
                ok = check(ctx, v)
            if ok:
                if match == "any":
                    return True
                if match == "none":
                    return False
            elif match == "all":
                return False
    return match != "any"
