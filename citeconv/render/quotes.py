"""Typographic quotes and apostrophes, as citeproc-js prints them (CSL 1.0.2 §Quotes).

Contract
- ``smarten(text)`` (applied to item strings before rendering, never to URL/DOI-like fields):
  a straight apostrophe inside a word or before digits becomes ’ (``D’Arcus``, ``’09``);
  paired straight quotes (double or single) become “…” at the top level and ‘…’ when nested, as
  citeproc-js prints them. Markup is left alone.
- ``relevel(text, double)``: nested quotations alternate (“… ‘…’ …”), whatever marks the data
  used; apostrophes are not quotes.
"""
from __future__ import annotations

import re

__all__ = ["smarten", "relevel", "RAW_FIELDS"]

RAW_FIELDS = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "id", "type", "language",
                        "citation-label", "citation-key"})
_APOS = re.compile(r"(?<=[^\W_])'(?=[^\W_])|(?<=\s)'(?=\d)|^'(?=\d)|(?<=[^\W\d_])'(?=\s|$)")
_APOS_INNER = re.compile(r"(?<=[^\W_])'(?=[^\W_])")
_DOUBLE = re.compile(r'(?<![\w])"(?=\S)([^"]*?)(?<=\S)"(?![\w])')
_SINGLE = re.compile(r"(?<![\w’])'(?=\S)([^']*?)(?<=\S)'(?![\w])")


def smarten(text: str) -> str:
    if "'" not in text and '"' not in text:
        return text
    if "<" in text and ">" in text:
        parts = re.split(r"(<[^>]*>)", text)
        if len(parts) > 1:  # (``a > b < c`` has no tag: read on, don't recurse forever)
            return "".join(p if p.startswith("<") else smarten(p) for p in parts)
    text = _APOS_INNER.sub("\u2019", text)  # "l'Égypte", "D'Arcus" first: never quote marks
    text = _DOUBLE.sub("\u201c\\1\u201d", text)
    text = _SINGLE.sub("\u2018\\1\u2019", text)
    text = _APOS.sub("\u2019", text)  # what is left: "his' Years", "'09"
    return relevel(text, outer_double=False)  # top-level quotations are “…”, nested ‘…’


_FLIP = {"\u201c": "\u2018", "\u201d": "\u2019", "\u2018": "\u201c", "\u2019": "\u201d"}


def relevel(text: str, outer_double: bool = True) -> str:
    """Re-mark quotations nested inside a quotation: the first level takes the other kind of
    quote than the outer one, the next level the same kind again, and so on (citeproc-js's
    flip-flop). ’ inside a word is an apostrophe and is left alone."""
    inner = ("\u2018", "\u2019") if outer_double else ("\u201c", "\u201d")
    outer = ("\u201c", "\u201d") if outer_double else ("\u2018", "\u2019")
    out = []
    depth = 0
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch in "\u201c\u2018" and not (ch == "\u2018" and prev.isalnum()):
            depth += 1
            out.append((inner if depth % 2 else outer)[0])
        elif ch in "\u201d\u2019" and depth and not (ch == "\u2019" and prev.isalnum() and nxt.isalnum()):
            out.append((inner if depth % 2 else outer)[1])
            depth -= 1
        else:
            out.append(ch)
    return "".join(out)

