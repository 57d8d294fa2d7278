"""Numbers, ranges and page ranges (CSL 1.0.2 §Number, §Page Ranges).

Contract
- ``page-range-format``: expanded, minimal, minimal-two, chicago (= chicago-15), chicago-15,
  chicago-16, implemented from the spec; an abbreviated second number is first expanded
  (``321-28`` → ``321–328``). Without the option the numbers are kept as written. A range is
  ``[prefix]N-[prefix]M`` with the same letter prefix on both sides; anything else (``N110-5``,
  ``n11564-1568``) keeps its hyphen; ``\\-`` is a literal hyphen, not a range.
- A numeric number variable (``1999-66``, ``3-5``) printed by cs:text gets an en dash range,
  as citeproc-js prints it.
- ``is_numeric(value)`` follows the spec: numbers with optional letter affixes, separated by
  ``-``, ``–``, ``,`` or ``&``.
"""
from __future__ import annotations

import re
from typing import Any

__all__ = ["install", "is_numeric", "page_range", "is_plural"]

_NUM = r"[A-Za-z]*\d+[A-Za-z]*"
_NUMERIC = re.compile(rf"^\s*{_NUM}(?:\s*(?:[-–,&]|and)\s*{_NUM})*\s*$")
_DIGIT_RANGE = re.compile(r"^\s*\d+\s*-\s*\d+(?:\s*[,&]\s*\d+(?:\s*-\s*\d+)?)*\s*$")
_MULTI = re.compile(rf"{_NUM}\s*(?:[-–,&]|and)\s*{_NUM}")
NUMBER_VARS = frozenset({"chapter-number", "collection-number", "edition", "issue", "number",
                         "number-of-pages", "number-of-volumes", "volume", "page", "locator",
                         "citation-number", "part-number", "supplement-number"})


def is_numeric(value: Any) -> bool:
    return bool(_NUMERIC.match(str(value)))


_PLURAL = re.compile(r"\d\s*(?:[-\u2013&]|,\s|\s+(?:and|et|und|y|e|&)\s|,\s*(?:and|et)\s)\s*\S*?\d"
                     r"|^\s*[ivxlcdm]+\s*[-\u2013]\s*[ivxlcdm]+\s*$", re.I)


def is_plural(value: Any) -> bool:
    """More than one number: ``1-3``, ``3, 5``, ``213 and 235``; ``6,285,999`` is one number."""
    return bool(_PLURAL.search(str(value)))


def _expand(first: str, last: str) -> str:
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        return first[: len(first) - len(last)] + last
    return last


def _minimal(first: str, last: str, keep: int) -> str:
    if len(first) != len(last):
        return last
    i = 0
    while i < len(first) and first[i] == last[i]:
        i += 1
    return last[min(i, max(len(last) - keep, 0)):]


def page_range(first: str, last: str, fmt: str | None) -> str:
    original = last
    if not (first.isdigit() and last.isdigit()):
        return last
    last = _expand(first, last)
    if fmt is None:
        return original if original is not None else last
    if fmt == "expanded":
        return last
    if fmt == "minimal":
        return _minimal(first, last, 1)
    if fmt == "minimal-two":
        return _minimal(first, last, 2)
    if fmt in ("chicago", "chicago-15", "chicago-16"):
        n = int(first)
        if n < 100 or n % 100 == 0:
            return last
        if n % 100 < 10:
            return _minimal(first, last, 1)
        if fmt in ("chicago", "chicago-15") and len(first) == 4 and len(last) == 4:
            short = _minimal(first, last, 2)
            return last if len(short) >= 3 else short
        return _minimal(first, last, 2)
    return last


_RANGE = re.compile(r"^(\w*?)(\d+)\s*[-\u2013]+\s*(\w*?)(\d+)$")
_ROMAN = re.compile(r"^([ivxlcdm]+)\s*[-\u2013]+\s*([ivxlcdm]+)$", re.I)
_HYPHEN = re.compile(r"\s*-\s*")


def format_pages(value: str, fmt: str | None, delimiter: str, variable: str) -> str:
    out = []
    for piece in re.split(r"(\s*,\s*|\s*&\s*)", value):
        if re.fullmatch(r"\s*,\s*", piece):
            out.append(", ")
            continue
        if re.fullmatch(r"\s*&\s*", piece):
            out.append(" & ")
            continue
        if "\\-" in piece:
            out.append(piece.replace("\\-", "-"))
            continue
        m = _RANGE.match(piece.strip())
        if not m or m.group(1) != m.group(3):
            roman = _ROMAN.match(piece.strip())
            if roman:
                out.append(roman.group(1) + delimiter + roman.group(2))
            else:
                out.append(_HYPHEN.sub("-", piece.strip()))
            continue
        p, a, _, b = m.groups()
        if variable == "page-first":
            out.append(p + a)
            continue
        out.append(p + a + delimiter + p + page_range(a, b, fmt))
    return "".join(out)


def install() -> None:
    from citeproc import model

    number_process = model.FormatNumber._process

    def _process(self: Any, value: Any, variable: str) -> Any:
        if not variable.startswith("page"):
            if "-" in str(value) and not _DIGIT_RANGE.match(str(value)):
                return str(value)  # "s2-42" is an identifier, not a range (citeproc-js)
            return number_process(self, value, variable)
        delim = self.get_single_term(name="page-range-delimiter") or "\u2013"
        return format_pages(str(value), self.get_root().get_option("page-range-format"),
                            str(delim), variable)

    model.FormatNumber._process = _process

    def _format_last_page(self: Any, first: str, last: str) -> str:
        return page_range(str(first), str(last), self.get_root().get_option("page-range-format"))

    model.FormatNumber._format_last_page = _format_last_page

    text_variable = model.Text._variable

    def _variable(self: Any, item: Any, context: Any) -> Any:
        text = text_variable(self, item, context)
        var = self.get("variable")
        if text is not None and var == "locator":
            from citeproc.string import String

            raw = str(item.locator.identifier)
            text = String(raw.replace("\\-", "-") if "\\-" in raw
                          else re.sub(r"\s*[-\u2013]\s*", "\u2013", raw))
        elif (text is not None and var in NUMBER_VARS and var not in ("page", "locator")
                and _DIGIT_RANGE.match(str(text))):
            from citeproc.string import String

            text = String(re.sub(r"\s*-\s*", "\u2013", str(text)))
        return text

    model.Text._variable = _variable
