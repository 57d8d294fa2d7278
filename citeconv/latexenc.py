"""CSL rich text -> LaTeX (BibTeX field values): the inverse of ``latex.decode``.

Contract: ``encode(text, ascii_only=False, protect=False)`` writes everything ``decode`` produces
back so that ``decode(encode(t)) == t``; every LaTeX special character is escaped, so any text
from any source is inert in a .bib file; ``ascii_only`` writes accent commands both bibtex and biber
read; UTF-8 that pdflatex with T1 fonts does not set is written as accent commands.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import casing, texpass
from .latexdata import _COMBINING_TO_ACCENT, _NOCASE, _SYMBOLS, _TAG, safe_math

# ---------------------------------------------------------------- encoding
_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "\u00a0": "~", "–": "--", "—": "---", "\u202f": r"\,", "\u2003": r"\quad{}",
}
_ASCII_SYMBOLS = {v: k for k, v in _SYMBOLS.items()
                  if len(v) == 1 and k.isalpha() and ord(v) > 127}
_TAG_TO_LATEX = {
    "<i>": r"\emph{", "<b>": r"\textbf{", "<sup>": r"\textsuperscript{",
    "<sub>": r"\textsubscript{", '<span style="font-variant:small-caps;">': r"\textsc{",
    _NOCASE: "{",
}
_CLOSING = {"</i>", "</b>", "</sup>", "</sub>", "</span>"}


def _ascii_char(ch: str) -> str:
    """One character, or a base with its combining marks, as LaTeX accent commands when it
    has such a spelling; else unchanged."""
    if ch.isascii():
        return ch
    if ch in _ASCII_SYMBOLS:
        return "{\\" + _ASCII_SYMBOLS[ch] + "}"
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if ord(base) < 128 and marks and all(m in _COMBINING_TO_ACCENT for m in marks):
        out = base  # {\"i}, not {\"{\i}}: biber turns the dotless form into a combining mark
        for mark in marks:
            cmd = _COMBINING_TO_ACCENT[mark]
            out = f"\\{cmd}{{{out}}}" if cmd.isalpha() else f"\\{cmd}{{{out}}}"
        return "{" + out + "}"
    return ch  # no ASCII spelling: kept as UTF-8 (caller may warn)


#: math kept verbatim by ``decode`` (or written so in CSL-JSON): checked again by ``safe_math``
_MATH_SPAN = re.compile(r'<span class="nocase">\$([^$]+)\$</span>')
_TEXT_SPECIAL = re.compile(r"[\\{}&%$#_~^\u00a0\u202f\u2003–—]|-{2,}|`{2,}|'{2,}")
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=65536)  # containers, publishers, places repeat across a file
def encode(text: str, ascii_only: bool = False, protect: bool = False) -> str:
    """CSL rich text -> a BibTeX value body (without the outer braces). ``protect``: title words
    outside markup are braced as ``casing`` says (none in a title in capitals throughout)."""
    if protect and casing.shouting(_TAG.sub("", text)):
        protect = False
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    while (m := _TAG.search(text, pos)) is not None:
        out.append(_text(text[pos:m.start()], ascii_only, protect and not stack))
        pos = m.end()
        tok = m.group(0)
        if tok == _NOCASE and "$</span>" in text:
            math = _MATH_SPAN.match(text, m.start())
            if math and safe_math(math.group(1)):  # kept math: written back as math
                out.append("{$" + math.group(1) + "$}")
                pos = math.end()
                continue
        if tok == texpass.TEX_OPEN:
            raw, pos = _passed_through(text, m.end(), ascii_only)
            out.append(raw)
        elif tok in _TAG_TO_LATEX:
            stack.append(tok)
            out.append(_TAG_TO_LATEX[tok])
        elif tok in _CLOSING and stack:
            stack.pop()
            out.append("}")
        else:  # not markup: literal text, escaped like any other (no LaTeX hides inside <...>)
            out.append("<" + encode(tok[1:-1], ascii_only) + ">")
    out.append(_text(text[pos:], ascii_only, protect and not stack))
    out.extend("}" for _ in stack)
    return "".join(out)


def _text(chunk: str, ascii_only: bool, protect: bool) -> str:
    """Text between tags; with ``protect``, the word pieces ``casing`` says are braced (the text
    between them is escaped in runs, as without ``protect``)."""
    if not protect or not chunk:
        return _escape(chunk, ascii_only)
    out = []
    start = 0
    for m in _WORD.finditer(chunk):
        pieces = casing.braced_pieces(m.group(0))
        if pieces is None:
            continue
        pos = m.start()
        for piece, braced in pieces:
            if braced:
                out.append(_escape(chunk[start:pos], ascii_only))
                out.append("{" + _escape(piece, ascii_only) + "}")
                start = pos + len(piece)
            pos += len(piece)
    out.append(_escape(chunk[start:], ascii_only))
    return "".join(out)


def _escape(chunk: str, ascii_only: bool) -> str:
    """Plain text (no tags) with every LaTeX special escaped."""
    out: list[str] = []
    pos = 0
    for m in _TEXT_SPECIAL.finditer(chunk):
        out.append(_plain(chunk[pos:m.start()], ascii_only))
        pos = m.end()
        tok = m.group(0)
        if tok[0] in "-`'":  # a run that LaTeX would ligature: break it up
            out.append("{}".join(tok))
        elif tok in "–—" and set(chunk[max(m.start() - 1, 0):m.start()]
                                 + chunk[m.end():m.end() + 1]) & set("-–—"):
            out.append(r"\textendash{}" if tok == "–" else r"\textemdash{}")
        else:
            out.append(_ESCAPES[tok])
    out.append(_plain(chunk[pos:], ascii_only))
    return "".join(out)


def _passed_through(text: str, start: int, ascii_only: bool) -> tuple[str, int]:
    """A pass-through span's LaTeX, as it was read (``texpass``), and where the text goes on;
    LaTeX that is not ``safe_tex`` is escaped like any text."""
    end = text.find(texpass.TEX_CLOSE, start)
    if end < 0:  # not closed: the tag is literal text (it was a RecursionError)
        return "<" + encode(texpass.TEX_OPEN[1:-1], ascii_only) + ">", start
    raw, after = text[start:end], end + len(texpass.TEX_CLOSE)
    if not texpass.safe_tex(raw):
        return encode(raw, ascii_only), after
    if not raw.isascii():
        raw = _plain(raw, ascii_only)
    return raw + ("{}" if texpass.needs_separator(raw, text[after:after + 1]) else ""), after


def _plain(chunk: str, ascii_only: bool) -> str:
    if ascii_only and not chunk.isascii():
        chunk = "".join(_ascii_char(c) for c in _graphemes(chunk))
    elif not chunk.isascii():
        chunk = _PDFLATEX_UNSAFE.sub(lambda m: _ascii_char(m.group(0)), chunk)
    return chunk


#: UTF-8 that pdflatex with [T1]{fontenc} and utf8 input does not set: a base with combining
#: marks (``2̄`` from ``\={2}``) and precomposed letters outside Latin-1 and Latin Extended-A
#: (``ẽ``, ``Ḥ``). They are written as accent commands, which it does set (the LaTeX fidelity
#: rule: what the input typesets, the output typesets); characters with no accent spelling
#: (CJK, Greek, ``ʿ``) stay UTF-8.
_PDFLATEX_UNSAFE = re.compile(r"[^\x00-\u017f\u2000-\u206f\u20ac\u2122][\u0300-\u036f]*"
                              r"|.[\u0300-\u036f]+")
_GRAPHEME = re.compile(r".[\u0300-\u036f]*", re.S)


def _graphemes(text: str) -> list[str]:
    return _GRAPHEME.findall(text)
