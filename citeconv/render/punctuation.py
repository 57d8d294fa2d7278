"""Punctuation at seams and in quotes (CSL 1.0.2 §Punctuation, citeproc-js behaviour).

Contract
- ``install()`` extends citeproc-py's seam normalisation: a period that would follow text ending
  in ``.``, ``?`` or ``!`` (looking through closing markup tags and closing quotes) is dropped;
  so is a ``,``/``;``/``:`` after a ``,``/``;``/``:`` of the same kind (already in citeproc-py).
- Seams follow citeproc-js's punctuation collisions (``_SWALLOWS``).
- ``finish(text, fmt, style)`` post-processes one rendered entry or citation:
  * straight quotes coming from style values/affixes become typographic (URLs untouched);
  * when the locale sets ``punctuation-in-quote``, a ``,`` or ``.`` right after a closing quote
    moves inside it (``“Title,”``); a moved period is dropped when the quoted text already ends
    in ``.?!``;
  * a ``.`` after ``.?!`` (through closing tags/quotes) is removed (``<i>et al.</i>.``);
  * ellipses (``...``) are never touched.
"""
from __future__ import annotations

import re
from typing import Any

__all__ = ["install", "finish", "punctuation_in_quote"]

from .formats import CLOSERS as _MARK_CLOSERS

# Markup is always a formatter marker here (formats.py); a literal "</script>" in the data is
# text, so punctuation never moves through it.
_TAG = f"(?:[{_MARK_CLOSERS}])"
_PIQ = re.compile(rf"([^\s])({_TAG}*)([”’])({_TAG}*)([.,])")
_DOUBLE = re.compile(rf"(?<![.])([.?!])((?:{_TAG}|[”’\"])*)\.(?![.\w])")
_TAGS_TAIL = re.compile(rf"(?:{_TAG}|[”’\"»])+$")


def punctuation_in_quote(style: Any) -> bool:
    cached = getattr(style, "_citeconv_piq", None)
    if cached is None:
        try:
            value = style.root.get_locale_option("punctuation-in-quote") or "false"
        except Exception:  # noqa: BLE001
            value = "false"
        cached = str(value).lower() == "true"
        style._citeconv_piq = cached
    return cached


def _move(m: re.Match) -> str:
    before, tags1, quote, tags2, punct = m.groups()
    if quote == "\u2019" and "\u2018" not in m.string[:m.start(3)]:
        return m.group(0)  # an apostrophe (“d’,”), not a closing quote
    if punct == "." and before in ".?!":
        return before + tags1 + quote + tags2
    if punct == "," and before == ",":
        return before + tags1 + quote + tags2
    return before + punct + tags1 + quote + tags2


_URL = re.compile(r"(\w+://\S+)")


def _smarten_outside_urls(text: str) -> str:
    from .quotes import smarten

    if "'" not in text and '"' not in text:
        return text
    return "".join(p if _URL.fullmatch(p) else smarten(p) for p in _URL.split(text))


def finish(text: str, fmt: str, style: Any) -> str:
    text = _smarten_outside_urls(text)  # quotes from style values and affixes
    if style is not None and punctuation_in_quote(style):
        for _ in range(3):  # nested quotes: “This is ‘The One.’”
            moved = _PIQ.sub(_move, text)
            if moved == text:
                break
            text = moved
    text = _DOUBLE.sub(lambda m: m.group(1) + m.group(2), text)
    return text


#: After the key, a leading mark in the value is dropped (citeproc-js's collision rules:
#: ``,;`` → ``,``, ``;:`` → ``;``, ``!.`` → ``!``; but ``.,`` ``,:`` ``:,`` ``?,`` are kept).
_SWALLOWS = {".": ".", ",": ",;", ";": ";:,", ":": ":", "!": ".!:;", "?": ".?:;"}


def superscripts(text: str, formatter: Any) -> str:
    """Unicode superscript characters (``ª``, ``ʳᵉ``, ``²``) become the formatter's superscript
    markup, one character at a time as citeproc-js does; plain formatters leave them alone."""
    sup = getattr(formatter, "Superscript", str)
    if sup is str or text.isascii():
        return text
    import unicodedata

    out = []
    for ch in text:
        dec = unicodedata.decomposition(ch) if ord(ch) > 127 else ""
        if dec.startswith("<super> "):
            out.append(str(sup(chr(int(dec.split()[1], 16)))))
        else:
            out.append(ch)
    return "".join(out)


def _seam(original: Any) -> Any:
    def normalize_seam(left: Any, other: Any) -> Any:
        other = original(left, other)
        if not other or not left:
            return other
        first = other[0] if isinstance(other, str) else str(other)[:1]
        if first not in ".,;:!?":
            return other
        left_s, other_s = str(left), str(other)
        if not left_s or not other_s or other_s[0] not in ".,;:!?":
            return other
        core = _TAGS_TAIL.sub("", left_s) if other_s[0] == "." else left_s
        if core and other_s[0] in _SWALLOWS.get(core[-1], "") and not core.endswith(".."):
            from citeproc.string import _strip_first_char

            return _strip_first_char(other)
        return other
    return normalize_seam


_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    from citeproc import model, string

    patched = _seam(string.normalize_seam)
    string.normalize_seam = patched
    model.normalize_seam = patched
    _installed = True
