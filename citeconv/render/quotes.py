"""Typographic quotes and apostrophes, as citeproc-js prints them (CSL 1.0.2 §Quotes).

Contract
- ``smarten(text)`` (applied to item strings before rendering, never to URL/DOI-like fields):
  a straight apostrophe inside a word or before digits becomes ’ (``D’Arcus``, ``’09``);
  paired straight double quotes become “…”, paired single quotes ‘…’. Markup is left alone.
- ``install()`` wraps ``Quoted.quote``: text rendered with ``quotes="true"`` has its own quotes
  flipped (“…” ↔ ‘…’) so nested quotations alternate; apostrophes are not quote marks.
"""
from __future__ import annotations

import re
from typing import Any

__all__ = ["smarten", "flip", "install", "RAW_FIELDS"]

RAW_FIELDS = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "id", "type", "language",
                        "citation-label", "citation-key"})
_APOS = re.compile(r"(?<=[^\W_])'(?=[^\W_])|(?<=\s)'(?=\d)|^'(?=\d)")
_DOUBLE = re.compile(r'(?<![\w])"(?=\S)([^"]*?)(?<=\S)"(?![\w])')
_SINGLE = re.compile(r"(?<![\w’])'(?=\S)([^']*?)(?<=\S)'(?![\w])")


def smarten(text: str) -> str:
    if "'" not in text and '"' not in text:
        return text
    if "<" in text and ">" in text:
        parts = re.split(r"(<[^>]*>)", text)
        return "".join(p if p.startswith("<") else smarten(p) for p in parts)
    text = _APOS.sub("\u2019", text)
    text = _DOUBLE.sub("\u201c\\1\u201d", text)
    text = _SINGLE.sub("\u2018\\1\u2019", text)
    return text


_FLIP = {"\u201c": "\u2018", "\u201d": "\u2019", "\u2018": "\u201c", "\u2019": "\u201d"}


def flip(text: str) -> str:
    """Swap double and single curly quotes; ’ inside a word (apostrophe) stays."""
    out = []
    opened = 0
    for i, ch in enumerate(text):
        if ch == "\u2019":
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if opened and not (prev.isalnum() and nxt.isalnum()):
                opened -= 1
                out.append(_FLIP[ch])
            else:
                out.append(ch)
            continue
        if ch == "\u2018":
            opened += 1
        out.append(_FLIP.get(ch, ch))
    return "".join(out)


def install() -> None:
    from citeproc import model
    from citeproc.string import MixedString, String

    def quote(self: Any, string: Any) -> Any:
        if self.get("quotes", "false").lower() != "true":
            return string
        open_q = self.get_single_term(name="open-quote")
        close_q = self.get_single_term(name="close-quote")
        if any(q in str(string) for q in _FLIP):
            if isinstance(string, MixedString):
                string = MixedString([type(s)(flip(str(s))) for s in string])
            elif isinstance(string, String):
                string = type(string)(flip(str(string)))
            else:
                string = flip(str(string))
        return open_q + string + close_q

    model.Quoted.quote = quote
