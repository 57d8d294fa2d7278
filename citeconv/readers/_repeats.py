"""Entries a listing gives twice (a list pasted twice, an overlapping page copied again).

Contract
- ``repeated_entries(records, layout) -> diagnostics``: one WARNING ``<layout>.repeated-entry``
  per record whose title (case, spacing and punctuation aside) and author list are those of
  an earlier record; it names the earlier record's line. Records are never dropped here (the
  reader reads what it is given; ``citeconv merge`` keeps one of each work).
- Pure function; never raises on records without a title or authors (they are skipped).
"""
from __future__ import annotations

import re
from typing import Iterable

from ..model import Diagnostic, Record

_NOT_WORD = re.compile(r"[\W_]+")


def _key(rec: Record) -> tuple[str, tuple[str, ...]] | None:
    title = _NOT_WORD.sub(" ", str(rec.fields.get("title") or "")).casefold().strip()
    authors = rec.fields.get("author") or ()
    if not title or not authors:
        return None
    return title, tuple(a.display().casefold() for a in authors)  # type: ignore[union-attr]


def repeated_entries(records: Iterable[Record], layout: str) -> list[Diagnostic]:
    seen: dict[tuple[str, tuple[str, ...]], int] = {}
    out = []
    for rec in records:
        key = _key(rec)
        if key is None:
            continue
        line = rec.source.line if rec.source else 0
        if key in seen:
            out.append(Diagnostic(f"{layout}.repeated-entry", f"the same title and authors as "
                                  f"the entry at line {seen[key]} (kept: `citeconv merge` keeps "
                                  "one)", line, raw=str(rec.fields["title"])))
        else:
            seen[key] = line
    return out
