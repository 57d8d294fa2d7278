"""Output pieces: the formatting calls used during evaluation, the final pass, the writers.

Decision (issue 8: "a small tree of formatted pieces with one final pass per entry")
- Pieces stay ``str`` during evaluation: every helper module (names, dates, numbers, citation
  level: collapse, substitute, disambiguation) concatenates, compares and searches them as
  strings, and a tree type would have to cross all those APIs at once. Formatting rides on
  private-use *marker pairs* (``marks``): style decorations, explicit ``normal`` values, rich
  text from item data (flip kinds, nocase, nodecor), quotes and display blocks. A marker string
  IS a serialised tree: ``writers.parse`` reads it back as one, and every cross-piece rule that
  needs structure runs on that tree in the final pass (flip-flop of italic/bold/small caps, orphan
  ``normal`` values, nodecor) or on the marker string where the rule is about adjacency
  (punctuation in quotes, doubled marks across closing markers, quote depth).
- What runs where: ``join``/``affix`` merge punctuation at each seam as pieces are built (the
  seam is only known then); ``finish_entry`` (once per entry or citation): punctuation into
  quotes per the locale, marks meeting across closers, quote marks by depth, spaces; ``write``
  (once): tree, decoration rules, escaping at the leaves for the output format.

Contract
- ``join(parts, delimiter)``, ``affix(text, prefix, suffix)``: see ``punct``.
- ``wrap(text, attrs)``: font-style / font-weight / font-variant / vertical-align /
  text-decoration (``normal``/``baseline``/``none`` included) and ``display``.
- ``quote(text, locale)``: a quote pair (outer or inner chosen by depth in ``finish_entry``).
- ``rich(text, locale)``: CSL-JSON rich text of item data → markers (``richtext``).
- ``text_case(text, case, lang=None)``: see ``textcase``.
- ``finish_entry(text, locale) -> str`` and ``write(text, fmt) -> str`` (``writers``).
- ``plain(text)``: the visible text without markers (quotes as the default “ ”).
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from . import marks
from .punct import affix, in_quote, join
from .richtext import rich as _rich
from .textcase import text_case
from .writers import write as _write

__all__ = ["join", "affix", "wrap", "quote", "rich", "text_case", "finish_entry", "write",
           "plain", "Q_OPEN", "Q_CLOSE"]

Q_OPEN, Q_CLOSE = marks.OPEN["quote"], marks.CLOSE["quote"]
_TAG_RE = re.compile(r"</?(?:i|b|sup|sub|sc|span|em|strong)\b[^>]*>", re.I)


def plain(text: str) -> str:
    return marks.strip(text.replace(Q_OPEN, "“").replace(Q_CLOSE, "”"))


_FORMAT = (("font-style", "italic", "italic"), ("font-style", "oblique", "oblique"),
           ("font-style", "normal", "normal-style"),
           ("font-weight", "bold", "bold"), ("font-weight", "normal", "normal-weight"),
           ("font-variant", "small-caps", "smallcaps"),
           ("font-variant", "normal", "normal-variant"),
           ("vertical-align", "sup", "sup"), ("vertical-align", "sub", "sub"),
           ("vertical-align", "baseline", "baseline"),
           ("text-decoration", "underline", "underline"),
           ("text-decoration", "none", "no-decoration"))
_DISPLAY = {"block": "block", "left-margin": "left-margin", "right-inline": "right-inline",
            "indent": "indent"}


def wrap(text: str, attrs: Mapping[str, str]) -> str:
    if not text:
        return text
    for attr, value, kind in _FORMAT:
        if attrs.get(attr) == value:
            text = marks.OPEN[kind] + text + marks.CLOSE[kind]
    d = attrs.get("display")
    if d in _DISPLAY:
        text = marks.OPEN[_DISPLAY[d]] + text + marks.CLOSE[_DISPLAY[d]]
    return text


def quote(text: str, locale: Any = None) -> str:
    """Mark ``text`` as quoted; ``finish_entry`` picks outer/inner marks by nesting depth."""
    return Q_OPEN + text + Q_CLOSE if text else text


def _quote_terms(locale: Any) -> tuple[str, str, str, str]:
    return (locale.term("open-quote") or "“", locale.term("close-quote") or "”",
            locale.term("open-inner-quote") or "‘", locale.term("close-inner-quote") or "’")


def rich(text: str, locale: Any = None) -> str:
    """Item text with CSL-JSON rich text and quotes turned into markers."""
    if not text:
        return text
    return _rich(text, _quote_terms(locale) if locale is not None else ("“", "”", "‘", "’"))


def _resolve_quotes(text: str, locale: Any) -> str:
    q = _quote_terms(locale)
    marks_ = ((q[0], q[1]), (q[2], q[3]))
    out, depth = [], 0
    for ch in text:
        if ch == Q_OPEN:
            out.append(ch + marks_[depth % 2][0])
            depth += 1
        elif ch == Q_CLOSE:
            depth = max(depth - 1, 0)
            out.append(marks_[depth % 2][1] + ch)
        else:
            out.append(ch)
    return "".join(out)


def finish_entry(text: str, locale: Any) -> str:
    """The final pass over one entry (or citation) before ``write``."""
    text = in_quote(text, locale.options.get("punctuation-in-quote") == "true")
    if Q_OPEN in text:
        text = _resolve_quotes(text, locale)
    return re.sub(r"(?<=[^\n ]) {2,}", " ", text)


NEWLINE = "\U0010FFF2"   # a line break written in the style (delimiter/affix); the writers
# turn item whitespace into spaces, so the style's own breaks travel as this sentinel


def write(text: str, fmt: str) -> str:
    return _write(text, fmt).replace(NEWLINE, "\n")
