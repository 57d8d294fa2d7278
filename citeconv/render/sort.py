"""Bibliography and citation sorting (CSL 1.0.2 §Sorting) with citeproc-js-like collation.

Contract
- ``install()`` replaces ``Sort.sort``: keys are compared per cs:key in order; an empty key
  (``None`` or ``""``) sorts last in both directions; numbers compare numerically; text compares
  by a collation key (markup stripped, accents folded, case folded, punctuation and apostrophes
  ignored), then by the raw text as a tie-breaker; the sort is stable.
- Macro keys render with ``name-as-sort-order="all"`` (citeproc-py does that) and honour
  ``names-min``/``names-use-first``/``names-use-last``; an item whose key cannot be rendered
  gets an empty key instead of aborting the sort.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from functools import cmp_to_key
from typing import Any

__all__ = ["install", "collation_key"]

_TAGS = re.compile(r"<[^>]+>|[\ue000-\uf8ff\U000f0000-\U0010ffff]")  # markup, formatter markers
_IGNORED = re.compile(r"[\[\]\"“”‘’'«»()¿¡*_]+")


@functools.lru_cache(maxsize=65536)
def collation_key(text: str) -> str:
    text = _TAGS.sub("", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    text = _IGNORED.sub("", text)
    # punctuation weighs nothing in a collation (ICU/citeproc-js): "Krizhevsky, Alex." sorts
    # before "Krizhevsky, Alex, Ilya Sutskever"
    text = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return " ".join(text.casefold().split())


def _norm(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return value
    s = str(value)
    if s == "":
        return None
    if s.lstrip("-").isdigit():
        return int(s)
    return s


def _cmp(a: Any, b: Any) -> int:
    if isinstance(a, int) and isinstance(b, int):
        return (a > b) - (a < b)
    sa, sb = str(a), str(b)
    ka, kb = collation_key(sa), collation_key(sb)
    if ka != kb:
        return (ka > kb) - (ka < kb)
    return (sa > sb) - (sa < sb)


def _tie_key(value: Any) -> Any:
    """Equal for two normalised key values exactly when ``compare`` finds them equal."""
    if value is None:
        return None
    if isinstance(value, int):
        return ("i", value)
    return ("s", str(value))


def sort(self: Any, items: list, context: Any) -> list:
    if len(items) < 2:
        return list(items)  # nothing to order: skip rendering the keys
    keys = self.findall("cs:key", self.nsmap)
    columns, descending = [], []
    from .layout import _current

    # A key is rendered only for the items still tied on every earlier key: the comparison
    # never looks further for the others, so the order is the same. Not when a year suffix is
    # set: its "year_suffix_done" flag outlives one render, so every render counts there.
    lazy = not any("year_suffix" in item.reference for item in items)
    ties = [list(range(len(items)))]
    for key in keys:
        descending.append(key.get("sort", "ascending").lower() == "descending")
        if lazy:
            wanted = sorted(i for group in ties for i in group)
        else:
            wanted = range(len(items))
        column: list[Any] = [None] * len(items)
        for i in wanted:
            _current.pop("repressed", None)  # cs:substitute state is per key and item
            try:
                value = key.sort_keys([items[i]], context)[0]
            except Exception:  # noqa: BLE001 - a bad key must not abort the sort
                value = None
            column[i] = _norm(value)
        _current.pop("repressed", None)
        columns.append(column)
        if lazy:
            split = []
            for group in ties:
                by_value: dict[Any, list[int]] = {}
                for i in group:
                    by_value.setdefault(_tie_key(column[i]), []).append(i)
                split += [g for g in by_value.values() if len(g) > 1]
            ties = split
            if not ties:
                break
    rows = list(range(len(items)))

    def compare(i: int, j: int) -> int:
        for col, desc in zip(columns, descending):  # the columns rendered so far
            a, b = col[i], col[j]
            if a is None and b is None:
                continue
            if a is None:
                return 1
            if b is None:
                return -1
            r = _cmp(a, b)
            if r:
                return -r if desc else r
        return 0

    rows.sort(key=cmp_to_key(compare))
    return [items[i] for i in rows]


def install() -> None:
    from citeproc import model

    model.Sort.sort = sort
