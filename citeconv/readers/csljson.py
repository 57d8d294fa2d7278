"""CSL-JSON -> records. Accepts an array of items or a single item object; ``date-parts``,
``raw``/``literal`` dates and EDTF strings; names as objects or literal strings.

An item that is not an object, has no usable fields or has a variable of the wrong shape is a
Diagnostic with the line where its object starts; the rest converts. Invalid JSON is one error
Diagnostic with the line and column json reports.

Fields with no CSL variable come back from where the writer puts them (``cslextra``: an
``arXiv category:`` note line, trailing ``key: value`` note lines, ``number: "arXiv:…"``); a
``citeconv-extra`` object written by earlier versions is still read.
"""
from __future__ import annotations

import bisect
import json
import re
from typing import Any

from ..model import DATE_VARIABLES, NAME_VARIABLES, Diagnostic, ReadResult, Record, Severity, Source

NAME = "csl-json"


def detect(text: str) -> float:
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head not in ("[", "{"):
        return 0.0
    sample = text[:5000]
    return 0.95 if '"type"' in sample or '"title"' in sample or '"id"' in sample else 0.4


_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _array_with_lines(text: str) -> tuple[list[Any], list[int]] | None:
    """A top-level JSON array decoded element by element, with the 1-based line where each
    element starts; None when ``text`` is not a well-formed array (the caller then lets
    ``json.loads`` report the error, or handles an object)."""
    t = text.lstrip("\ufeff")
    i = _WS.match(t, 0).end()
    if t[i:i + 1] != "[":
        return None
    newlines = [m.start() for m in re.finditer("\n", t)]
    items: list[Any] = []
    lines: list[int] = []
    i = _WS.match(t, i + 1).end()
    if t[i:i + 1] == "]":
        return (items, lines) if not t[i + 1:].strip() else None
    try:
        while True:
            lines.append(bisect.bisect_left(newlines, i) + 1)
            item, i = _DECODER.raw_decode(t, i)
            items.append(item)
            i = _WS.match(t, i).end()
            c = t[i:i + 1]
            if c == "]":
                return (items, lines) if not t[i + 1:].strip() else None
            if c != ",":
                return None
            i = _WS.match(t, i + 1).end()
    except (json.JSONDecodeError, RecursionError):
        return None


def read(text: str) -> ReadResult:
    fast = _array_with_lines(text)
    try:
        data = fast[0] if fast is not None else json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as err:
        return ReadResult(diagnostics=(Diagnostic(
            "csl-json.syntax", f"invalid JSON: {err.msg} at column {err.colno}; nothing read",
            line=err.lineno, severity=Severity.ERROR),), layout=NAME)
    except RecursionError:  # json's decoder recurses once per level of [ or {
        return ReadResult(diagnostics=(Diagnostic(
            "csl-json.syntax", "JSON nested too deeply (CSL-JSON needs 4 levels); nothing read",
            line=1, severity=Severity.ERROR),), layout=NAME)
    items = [data] if isinstance(data, dict) else data if isinstance(data, list) else None
    if items is None:
        return ReadResult(diagnostics=(Diagnostic(
            "csl-json.shape", "expected an array of CSL items or one item object", line=1,
            severity=Severity.ERROR),), layout=NAME)
    lines = fast[1] if fast is not None else [1]
    records, diagnostics = [], []
    for item, line in zip(items, lines):
        if not isinstance(item, dict):
            diagnostics.append(Diagnostic("csl-json.item", f"item is a {type(item).__name__}, "
                                          "not an object; skipped", line=line,
                                          severity=Severity.ERROR, raw=json.dumps(item)[:200]))
            continue
        for key, value in item.items():
            if _wrong_shape(key, value):
                diagnostics.append(Diagnostic("csl-json.field", f"item {item.get('id', '?')}: "
                                              f"{key!r} has an unexpected shape; dropped",
                                              line=line))
        records.append(Record.from_csl(item, Source(line=line)))
    return ReadResult(records=tuple(records), diagnostics=tuple(diagnostics), layout=NAME)


def _wrong_shape(key: str, value: Any) -> bool:
    if value is None or key in ("id", "type"):
        return False
    if key == "citeconv-extra":
        return not isinstance(value, dict)
    if key in NAME_VARIABLES:
        return not isinstance(value, list)
    if key in DATE_VARIABLES:
        return not isinstance(value, (dict, str))
    return not isinstance(value, (str, int, float)) or isinstance(value, bool)
