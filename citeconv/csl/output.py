"""Output pieces as marker strings, the joins with punctuation merging, and the final pass.

Contract
- A rendered piece is a ``str`` whose formatting is carried by citeconv's private-use markers
  (``citeconv.render.formats``: italic, bold, small caps, sup, sub...) and whose item text may
  still hold CSL-JSON rich-text tags (<i>, <b>, <sup>, <sub>, nocase spans); the writers of
  ``formats.get_formatter(fmt).finish`` escape at the leaves for text/html/markdown/latex/rst.
- ``join(parts, delimiter)`` concatenates non-empty parts, merging punctuation at the seams the
  way citeproc-js does (no doubled ``.``/``,``/``;``/``:``; ``?.``/``!.`` → ``?``/``!``).
- ``affix(text, prefix, suffix)`` joins with the same merging; ``wrap(text, attrs)`` applies
  font-style/weight/variant/vertical-align/text-decoration; ``quote(text, locale)`` puts the
  locale's quotes (inner quotes flip-flop) and moves a following ``.``/``,`` inside when the
  locale's punctuation-in-quote is true (``finish_entry``).
- ``text_case(text, case)`` implements lowercase, uppercase, capitalize-first, capitalize-all,
  sentence and title (English stop words via ``citeconv.render.textcase.title_case``); rich-text
  nocase spans are left alone.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from ..render.formats import _CLOSE, _OPEN, MARKERS, get_formatter
from ..render.textcase import title_case

__all__ = ["join", "affix", "wrap", "quote", "text_case", "finish_entry", "write", "plain"]

_MARK_RE = re.compile("[" + MARKERS + "]")
_TAG_RE = re.compile(r"</?(?:i|b|sup|sub|span|em|strong)\b[^>]*>", re.I)
_PUNCT = ".,;:!?"



def plain(text: str) -> str:
    return _TAG_RE.sub("", _MARK_RE.sub("", text)).replace(Q_OPEN, "“").replace(Q_CLOSE, "”")


def _last_char(s: str) -> tuple[str, int]:
    """The last visible character of ``s`` ignoring closing markers, and its index."""
    i = len(s) - 1
    while i >= 0 and s[i] in _CLOSE.values():
        i -= 1
    return (s[i], i) if i >= 0 else ("", -1)


def _first_char(s: str) -> tuple[str, int]:
    i = 0
    while i < len(s) and s[i] in _OPEN.values():
        i += 1
    return (s[i], i) if i < len(s) else ("", -1)


def _seam(left: str, right: str) -> str:
    if not left:
        return right
    if not right:
        return left
    lc, li = _last_char(left)
    rc, ri = _first_char(right)
    if lc and rc and lc in _PUNCT and rc in _PUNCT:
        if lc == rc or (lc in "?!" and rc == ".") or (lc == "." and rc in ":;" and False):
            return left + right[:ri] + right[ri + 1:]
        if lc in ",;:" and rc == ".":
            return left[:li] + left[li + 1:] + right
    if lc == " " and rc == " ":
        return left + right[:ri] + right[ri + 1:]
    return left + right


def join(parts: list[str], delimiter: str = "") -> str:
    out = ""
    first = True
    for p in parts:
        if not p:
            continue
        if not first and delimiter:
            out = _seam(out, delimiter)
        out = _seam(out, p)
        first = False
    return out


def affix(text: str, prefix: str | None, suffix: str | None) -> str:
    if not text:
        return ""
    if prefix:
        text = _seam(prefix, text)
    if suffix:
        text = _seam(text, suffix)
    return text


_FORMAT = (("font-style", "italic", "italic"), ("font-style", "oblique", "oblique"),
           ("font-weight", "bold", "bold"), ("font-variant", "small-caps", "smallcaps"),
           ("vertical-align", "sup", "sup"), ("vertical-align", "sub", "sub"),
           ("text-decoration", "underline", "underline"))


def wrap(text: str, attrs: Mapping[str, str]) -> str:
    if not text:
        return text
    for attr, value, kind in _FORMAT:
        if attrs.get(attr) == value:
            text = _OPEN[kind] + text + _CLOSE[kind]
    return text


Q_OPEN, Q_CLOSE = "\U0010FFF0", "\U0010FFF1"   # quote sentinels, resolved in finish_entry


def quote(text: str, locale: Any) -> str:
    """Mark ``text`` as quoted; ``finish_entry`` picks outer/inner marks by nesting depth."""
    return Q_OPEN + text + Q_CLOSE if text else text


def _resolve_quotes(text: str, locale: Any) -> str:
    marks = ((locale.term("open-quote") or "“", locale.term("close-quote") or "”"),
             (locale.term("open-inner-quote") or "‘", locale.term("close-inner-quote") or "’"))
    out, depth = [], 0
    for ch in text:
        if ch == Q_OPEN:
            out.append(marks[depth % 2][0])
            depth += 1
        elif ch == Q_CLOSE:
            depth = max(depth - 1, 0)
            out.append(marks[depth % 2][1])
        else:
            out.append(ch)
    return "".join(out)


_WORD = re.compile(r"[^\W\d_][\w'’]*")


def _cap_first(s: str) -> str:
    m = _WORD.search(plain(s)) if s else None
    if not m:
        return s
    word = m.group(0)
    if any(ch.isupper() for ch in word[1:]):
        return s  # mixed-case words (arXiv, iPhone) are left alone, as citeproc-js does
    i = 0
    for i, ch in enumerate(s):  # the first letter in the marker string
        if ch.isalpha():
            break
    return s[:i] + s[i].upper() + s[i + 1:]


def text_case(text: str, case: str | None) -> str:
    if not case or not text:
        return text
    parts = re.split(r"(<span class=\"nocase\">.*?</span>|<[^>]+>)", text)
    out = []
    first = True
    for i, seg in enumerate(parts):
        if i % 2:
            out.append(seg)
            continue
        if case == "lowercase":
            seg = seg.lower()
        elif case == "uppercase":
            seg = seg.upper()
        elif case == "capitalize-first":
            seg = _cap_first(seg) if first else seg
        elif case == "capitalize-all":
            seg = re.sub(r"\b([a-z])", lambda m: m.group(1).upper(), seg)
        elif case == "sentence":
            seg = _cap_first(seg) if first else seg
        elif case == "title":
            seg, _ = title_case(seg, first=first, is_end=i == len(parts) - 1)
        if seg.strip():
            first = False
        out.append(seg)
    return "".join(out)


def finish_entry(text: str, locale: Any) -> str:
    """Final pass over one entry: punctuation into quotes per locale, doubled spaces."""
    closers = "[" + Q_CLOSE + "".join(_CLOSE.values()) + "]"
    if locale.options.get("punctuation-in-quote") == "true":
        text = re.sub(f"({Q_CLOSE}{closers}*)([.,])", r"\2\1", text)
    # "Why?." → "Why?" and ".." → "." across the closing quote
    text = re.sub(f"([?!])\\.|([?!.])({closers}+)\\.", lambda m: m.group(1) or (m.group(2) + m.group(3)), text)
    text = re.sub(f"([?!.])\\.(?={closers})", r"\1", text)
    text = _resolve_quotes(text, locale)
    return re.sub(r"  +", " ", text)


NEWLINE = "\U0010FFF2"   # a line break written in the style (delimiter/affix); the writers
# turn item whitespace into spaces, so the style's own breaks travel as this sentinel


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
    out = get_formatter(fmt).finish(text).replace(NEWLINE, "\n")
    return out.translate(_SUPERSCRIPTS) if fmt == "html" else out
