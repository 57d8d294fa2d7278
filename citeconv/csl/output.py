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
- Rejected: a piece-tree type at evaluation (every other module would change at once, and the
  seams' punctuation merging needs the neighbours, which a string join has); a full port of
  citeproc-js's punctuation migration through the blob tree (measured: the seam table plus the
  final pass matches the suite's punctuation fixtures; a delimiter rule tried on top of it cost
  the wide set 17 points and was dropped).

Contract
- ``join(parts, delimiter)``, ``affix(text, prefix, suffix)``: see ``punct``.
- ``wrap(text, attrs)``: font-style / font-weight / font-variant / vertical-align /
  text-decoration (``normal``/``baseline``/``none`` included); ``wrap_name`` the same without
  ``normal`` values (cs:name, cs:name-part); ``display(text, attrs)``: the
  display attribute, applied outside the affixes.
- ``quote(text, locale)``: a quote pair (outer or inner chosen by depth in ``finish_entry``).
- ``rich(text, locale)``: CSL-JSON rich text of item data → markers (``richtext``).
- ``text_case(text, case, lang=None)``: see ``textcase``.
- ``cap_if_first(term)``: citeproc-js capitalises a term that is the first thing rendered (not
  in in-text citations); ``finish_entry`` does it when no letter or digit precedes the term.
- ``cite_prefix(prefix, locale)``: a cite's prefix as rich text (see its docstring).
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

__all__ = ["join", "affix", "wrap", "wrap_name", "display", "quote", "cap_if_first",
           "cite_prefix", "rich", "text_case", "finish_entry", "write", "plain", "Q_OPEN",
           "Q_CLOSE"]

Q_OPEN, Q_CLOSE = marks.OPEN["quote"], marks.CLOSE["quote"]


def plain(text: str) -> str:
    return marks.strip(text.replace(Q_OPEN, "“").replace(Q_CLOSE, "”")
                       .replace(_QI_OPEN, "‘").replace(_QI_CLOSE, "’"))


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


_FORMAT_ATTRS = frozenset(a for a, _v, _k in _FORMAT)


def wrap(text: str, attrs: Mapping[str, str]) -> str:
    if not text or _FORMAT_ATTRS.isdisjoint(attrs):
        return text
    for attr, value, kind in _FORMAT:
        if attrs.get(attr) == value:
            text = marks.OPEN[kind] + text + marks.CLOSE[kind]
    return text


def wrap_name(text: str, attrs: Mapping[str, str]) -> str:
    """``wrap`` for cs:name / cs:name-part: their font-*="normal" is never written (citeproc-js
    formats names where the ancestors' decorations are not seen, so it is always an orphan)."""
    return wrap(text, {k: v for k, v in attrs.items() if v != "normal"})


def display(text: str, attrs: Mapping[str, str]) -> str:
    """The ``display`` attribute (applied outside the affixes, as citeproc-js does)."""
    d = attrs.get("display")
    if text and d in _DISPLAY:
        text = marks.OPEN[_DISPLAY[d]] + text + marks.CLOSE[_DISPLAY[d]]
    return text


_DISPLAY_OPEN = frozenset(marks.OPEN[k] for k in set(_DISPLAY.values()))
_DISPLAY_CLOSE = frozenset(marks.CLOSE[k] for k in set(_DISPLAY.values()))
_MARGIN_OPEN, _MARGIN_CLOSE = marks.OPEN["left-margin"], marks.CLOSE["left-margin"]


def layout_affix(text: str, prefix: str | None, suffix: str | None,
                 second_field: bool = False) -> str:
    """The layout's affixes around an entry: inside a display element that opens or closes
    the entry (citeproc-js writes ``<div class="csl-block">PREFIX...`` and ``...SUFFIX</div>``).
    ``second_field`` (second-field-align): an entry that is only its margin field has no
    suffix (citeproc-js puts it with the missing second field)."""
    head = tail = ""
    if (second_field and suffix and text[:1] == _MARGIN_OPEN and text[-1:] == _MARGIN_CLOSE
            and not any(c in _DISPLAY_OPEN for c in text[1:])):
        suffix = None  # a second-field-align entry with no second field (citeproc-js)
    if prefix and text[:1] in _DISPLAY_OPEN:
        head, text = text[0], text[1:]
    if suffix and text[-1:] in _DISPLAY_CLOSE:
        text, tail = text[:-1], text[-1]
    return head + affix(text, prefix, suffix) + tail


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


_QI_OPEN, _QI_CLOSE = marks.OPEN["quote-inner"], marks.CLOSE["quote-inner"]
_QUOTE_MARKS = re.compile("[" + marks.char_class(Q_OPEN + Q_CLOSE + _QI_OPEN + _QI_CLOSE) + "]")


def _resolve_quotes(text: str, locale: Any) -> str:
    q = _quote_terms(locale)
    pairs = ((q[0], q[1]), (q[2], q[3]))
    out: list[str] = []
    depths: list[int] = []
    pos = 0
    for m in _QUOTE_MARKS.finditer(text):  # the text between quote markers is kept as it is
        ch = m.group()
        out.append(text[pos:m.start()])
        pos = m.end()
        if ch == Q_OPEN or ch == _QI_OPEN:
            level = len(depths) and depths[-1] + 1
            if ch == _QI_OPEN and not depths:
                level = 1  # a data quote written as an inner one stays inner at the top
            depths.append(level)
            out.append(ch + pairs[level % 2][0])
        elif depths:
            out.append(pairs[depths.pop() % 2][1] + ch)
        else:
            out.append(ch)
    out.append(text[pos:])
    return "".join(out)


_CAP_OPEN, _CAP_CLOSE = marks.OPEN["cap-first"], marks.CLOSE["cap-first"]
_ALNUM = re.compile(r"[^\W_]")


def cap_if_first(term: str) -> str:
    """Mark a term to be capitalised if it comes first in the entry or citation."""
    return marks.pair("cap-first", term)


def _cap_first_terms(text: str) -> str:
    i = text.find(_CAP_OPEN)
    while i >= 0:
        before = text[:i]
        if marks.RESET in before:
            before = before[before.rindex(marks.RESET):]
        j = text.find(_CAP_CLOSE, i)
        if j > i and not _ALNUM.search(marks.strip(before)):
            text = text[:i + 1] + text_case(text[i + 1:j], "capitalize-first") + text[j:]
        i = text.find(_CAP_OPEN, i + 1)
    return text.replace(_CAP_OPEN, "").replace(_CAP_CLOSE, "").replace(marks.RESET, "")


def cite_prefix(prefix: str | None, locale: Any = None) -> str | None:
    """A cite's prefix as rich text; one of several words ending in ``. : ; ! ?`` lets a term
    after it be capitalised as if first (citeproc-js ``checkIgnorePredecessor``)."""
    if not prefix:
        return prefix
    out = rich(prefix, locale)
    tail = re.sub(r"<[^>]+>", "", prefix).rstrip("\"'”’»\u202f\u00a0 ")
    if tail[-1:] in (".", ":", ";", "!", "?") and " " in prefix.strip():
        out += marks.RESET
    return out


def finish_entry(text: str, locale: Any) -> str:
    """The final pass over one entry (or citation) before ``write``."""
    if _CAP_OPEN in text:
        text = _cap_first_terms(text)
    text = in_quote(text, locale.options.get("punctuation-in-quote") == "true")
    if Q_OPEN in text or _QI_OPEN in text:
        text = _resolve_quotes(text, locale)
    return re.sub(r"(?<=[^\n ]) {2,}", " ", text)


NEWLINE = marks.NEWLINE  # a style's own line break (delimiter/affix): the writers turn item
# whitespace into spaces, so the style's breaks travel as this sentinel


def _superscripts() -> dict[int, str]:
    """Unicode superscript letters/digits (ª, º, ᵉ, ʳ, ¹...) → <sup>base</sup>, as citeproc-js
    writes them in HTML (French and Spanish ordinal suffixes are such characters)."""
    import unicodedata

    out = {}
    for cp in range(0xA0, 0x2100):
        d = unicodedata.decomposition(chr(cp))
        if d.startswith("<super> ") and len(d.split()) == 2:
            base = chr(int(d.split()[1], 16))
            if base.isalnum() or base in "+-=()":
                out[cp] = f"<sup>{base}</sup>"
    return out


_SUPERSCRIPTS = _superscripts()


def write(text: str, fmt: str) -> str:
    out = _write(text, fmt).replace(NEWLINE, "\n")
    return out.translate(_SUPERSCRIPTS) if fmt == "html" else out
