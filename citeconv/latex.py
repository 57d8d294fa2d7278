"""LaTeX (BibTeX field values) <-> CSL rich text.

Contract
- ``decode(value, protect_case=True)`` turns a BibTeX value into CSL rich text: accents and
  symbol commands to Unicode, ``--``/``---`` to dashes, ``~`` to a no-break space, ``\\emph``/
  ``\\textit`` to ``<i>``, ``\\textbf`` to ``<b>``, ``\\textsc`` to small caps, ``\\textsuperscript``/
  ``\\textsubscript`` to ``<sup>``/``<sub>``; a top-level ``{Braced}`` group to
  ``<span class="nocase">`` (when ``protect_case``) unless it is one word that ``needs_protection``
  would protect again on output (so ``{BERT}`` reads as plain ``BERT``). Text outside markup is
  returned raw (``&`` stays ``&``); ``<``/``>`` are literal characters. Unknown commands keep their
  argument and are reported by ``decode_with_warnings``.
- ``encode(text, ascii_only=False, protect=False)`` is the inverse for everything ``decode``
  produces: ``decode(encode(t)) == t`` for rich text with the markup above. Every LaTeX special
  character is escaped, so any text from any source is inert in a .bib file.
- Plain strings (the vast majority) take a fast path with no tokenising.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import casing, texpass
from .latexdata import _ACCENTS, _NOCASE, _SYMBOLS, _TAG, safe_math
from .latexenc import encode

__all__ = ["decode", "decode_with_warnings", "encode", "needs_decoding", "safe_math"]

_MARKUP = {
    "emph": ("<i>", "</i>"), "textit": ("<i>", "</i>"), "it": ("<i>", "</i>"),
    "textsl": ("<i>", "</i>"), "em": ("<i>", "</i>"),
    "textbf": ("<b>", "</b>"), "bf": ("<b>", "</b>"),
    "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
    "sc": ('<span style="font-variant:small-caps;">', "</span>"),
    "textsuperscript": ("<sup>", "</sup>"), "textsubscript": ("<sub>", "</sub>"),
}
# commands whose argument is kept as plain text
_TRANSPARENT = {"textrm", "textsf", "texttt", "textnormal", "mbox", "url", "text", "textup",
                "mathrm", "ensuremath", "hbox", "NoCaseChange", "MakeUppercase"}
_HAS_TAG = re.compile(r"</?(?:i|b|sup|sub|span)\b")
_DASHES = {"---": "—", "--": "–", "``": "“", "''": "”", "~": "\u00a0"}
#: deeper brace nesting is hostile, not bibliographic: decoded flat, without recursion
_MAX_DEPTH = 64
_SPECIAL = re.compile(r"[\\{}~$]|--|''|``")
_TOKEN = re.compile(r"\\([a-zA-Z]+)\s*|\\(.)|([{}])|(---|--|``|''|~)|(\$)")
#: the tokens of ``_TOKEN`` that ``flat_groups`` does not read: a value without them is text,
#: brace groups, and ``_DASHES`` (which no other token overlaps: each is made of its own character)
_NOT_FLAT = re.compile(r"[\\$]")
_FLAT_GROUP = re.compile(r"\{([^{}]*)\}")


_WORD_PUNCT = casing.WORD_PUNCT
needs_protection = casing.needs_protection  # the whole-word rule lives in casing.py
#: a brace group the writer would put back (``{BERT}``, ``Tuning:{A}``) is read as plain text;
#: the decoder marks it first, because a title in capitals throughout keeps every brace
_MARK, _END_MARK = "\ue000", "\ue001"


class _Decoder:
    def __init__(self, text: str, protect_case: bool, rebrace: bool = True) -> None:
        self.text = text
        self.pos = 0
        self.protect_case = protect_case
        self.rebrace = rebrace and _MARK not in text and _END_MARK not in text
        self.warnings: list[str] = []
        self.flattened = False
        self.closed_at = -1  # where the last group that met its "}" ended

    def group(self, depth: int) -> str:
        """Decode until the matching ``}`` (depth > 0) or end of text."""
        if depth > _MAX_DEPTH:
            return self.flat()
        out: list[str] = []
        text = self.text
        while self.pos < len(text):
            m = _TOKEN.search(text, self.pos)
            if not m:
                out.append(text[self.pos:])
                self.pos = len(text)
                break
            out.append(text[self.pos:m.start()])
            self.pos = m.end()
            word, sym, brace, dash, dollar = m.groups()
            if word is not None:
                out.append(self.command(word, depth))
            elif sym is not None:
                out.append(self.command(sym, depth))
            elif brace == "{":
                special = text.startswith("\\", self.pos)
                after_colon = text[m.start() - 1:m.start()] == ":"
                inner = self.group(depth + 1)
                out.append(inner if special and len(inner) <= 2
                           else self.braced(inner, depth, after_colon))
            elif brace == "}":
                if depth > 0:
                    self.closed_at = self.pos
                    return "".join(out)
                self.warnings.append("unbalanced '}' ignored")
            elif dash is not None:
                out.append(_DASHES[dash])
            elif dollar:
                display = text.startswith("$", self.pos)  # $$x$$ (Mendeley): read as $x$
                end = text.find("$$", self.pos + 1) if display else text.find("$", self.pos)
                if display and (end < 0 or end == self.pos + 1):
                    out.append("$$")  # no closing $$: two dollars, as text
                    self.pos += 1
                elif end < 0:
                    out.append("$")
                else:
                    out.append(_math(text[self.pos + display:end]))
                    self.pos = end + 1 + display
        if depth > 0:
            self.warnings.append("unbalanced '{' closed at end of value")
        return "".join(out)

    def flat_groups(self) -> str | None:
        """``group(0)`` for a value whose only LaTeX is brace groups side by side (``{BERT}:
        Pre-training of Deep...``, most titles that need decoding) and ``_DASHES`` (page ranges),
        without the tokenizer loop; None when the braces nest or do not balance. The caller has
        checked that nothing else ``_TOKEN`` reads is there (``_NOT_FLAT``).
        ``tests/test_fastpaths.py`` checks that the two agree."""
        text = self.text
        if "-" in text or "`" in text or "'" in text or "~" in text:
            for tex, char in _DASHES.items():  # longest first, as _TOKEN tries them
                text = text.replace(tex, char)
        out: list[str] = []
        pos = 0
        groups = 0
        for m in _FLAT_GROUP.finditer(text):
            start = m.start()
            out.append(text[pos:start])
            out.append(self.braced(m.group(1), 0, text[start - 1:start] == ":"))
            pos = m.end()
            groups += 1
        if text.count("{") != groups or text.count("}") != groups:
            return None  # a brace outside the groups found: nested or unbalanced
        self.pos = len(text)
        out.append(text[pos:])
        return "".join(out)

    def flat_warning(self) -> None:
        if not self.flattened:
            self.flattened = True
            self.warnings.append(f"LaTeX nested deeper than {_MAX_DEPTH} levels flattened")

    def flat(self) -> str:
        """Hostile nesting: decode the rest of this group without recursion, dropping braces."""
        self.flat_warning()
        out: list[str] = []
        text = self.text
        level = 0
        for m in _TOKEN.finditer(text, self.pos):
            out.append(text[self.pos:m.start()])
            self.pos = m.end()
            word, sym, brace, dash, dollar = m.groups()
            if brace == "{":
                level += 1
            elif brace == "}":
                if level == 0:
                    return "".join(out)
                level -= 1
            elif dash is not None:
                out.append(_DASHES[dash])
            elif dollar:
                out.append("$")
            else:
                name = word if word is not None else sym
                if name in _SYMBOLS:
                    out.append(_SYMBOLS[name])
                elif name not in _ACCENTS and name not in _MARKUP and name not in _TRANSPARENT:
                    out.append("\\" + name)
        out.append(text[self.pos:])
        self.pos = len(text)
        return "".join(out)

    def braced(self, inner: str, depth: int, after_colon: bool = False) -> str:
        return inner if depth > 0 else _top_braced(inner, self.protect_case, self.rebrace,
                                                   after_colon)

    def argument(self, depth: int) -> str:
        text = self.text
        while self.pos < len(text) and text[self.pos] == " ":
            self.pos += 1
        if self.pos >= len(text) or text[self.pos] == "}":  # no argument: {\d}ur (the
            return ""                                        # group's brace is not taken)
        if text[self.pos] == "{":
            self.pos += 1
            return self.group(depth + 1)
        if text[self.pos] == "\\":
            if depth > _MAX_DEPTH:  # a hostile chain like \'\'\'...: left to the caller's loop
                self.flat_warning()
                return ""
            m = _TOKEN.match(text, self.pos)
            if m and m.group(1) and m.group(1)[0] in "ij" and m.group(1) not in _SYMBOLS \
                    and m.group(1) not in _MARKUP and m.group(1) not in _TRANSPARENT:
                self.pos += 2  # Mendeley's \'\iaz: the dotless i, then the rest of the word
                return m.group(1)[0]
            if m and (m.group(1) or m.group(2)):
                self.pos = m.end()
                return self.command(m.group(1) or m.group(2), depth + 1)
        ch = text[self.pos]
        self.pos += 1
        return ch

    def command(self, name: str, depth: int) -> str:
        if name in _ACCENTS and (len(name) == 1 or self.text[self.pos:self.pos + 1] in "{ "):
            base = self.argument(depth)
            base = {"ı": "i", "ȷ": "j"}.get(base, base)
            if base.startswith("<"):  # an accent on a passed-through command: kept as LaTeX
                inner = texpass.TEX_SPAN.fullmatch(base)
                return texpass.span("\\" + name + "{" + inner.group(1) + "}") if inner else base
            if not base:  # \~{}: a spacing accent, which stays LaTeX (a lone combining mark
                return texpass.span("\\" + name + "{}")  # would join the space before it)
            return unicodedata.normalize("NFC", base[0] + _ACCENTS[name]) + base[1:]
        if name in _MARKUP:
            opening, closing = _MARKUP[name]
            if self.text[self.pos:self.pos + 1] == "{" or name not in ("em", "it", "bf", "sc"):
                return f"{opening}{self.argument(depth)}{closing}"
            rest = self.group(depth + 1) if depth else self.group(1)
            if depth and self.closed_at == self.pos:  # {\em b}: the switch ends with the
                self.pos -= 1  # group it is in, whose own reading must still meet the "}"
            return f"{opening}{rest}{closing}"
        if name in _SYMBOLS:
            if self.text[self.pos:self.pos + 2] == "{}":
                self.pos += 2
            return _SYMBOLS[name]
        if name == "verb" and self.pos < len(self.text) and \
                not (self.text[self.pos].isalnum() or self.text[self.pos] in "{} \\"):
            # \verb+text+ prints text as it is (and fails in any argument, so in every .bbl)
            delimiter = self.text[self.pos]
            end = self.text.find(delimiter, self.pos + 1)
            if end < 0:
                self.warnings.append(f"\\verb{delimiter} not closed: read to the end of the value")
                end = len(self.text)
            verbatim, self.pos = self.text[self.pos + 1:end], end + 1
            return verbatim
        if name == "ensuremath" and self.text.startswith("{", self.pos):  # math, as $...$
            end = texpass.arguments_end(self.text, self.pos)
            math = _math(self.text[self.pos + 1:end - 1])
            if not math.startswith("$"):
                self.pos = end
                return math
        if name in _TRANSPARENT:
            return self.argument(depth) if self.text[self.pos:self.pos + 1] == "{" else ""
        if name == "\\":
            return " "
        if name == "(":  # \( ... \): LaTeX's inline math, read like $ ... $
            end = self.text.find("\\)", self.pos)
            if end >= 0:
                inner, self.pos = self.text[self.pos:end].strip(), end + 2
                if len(inner) > 2 and inner[0] == inner[-1] == "$":  # \($x$\) (Mendeley)
                    inner = inner[1:-1]
                return _math(inner)
        if name == "vphantom":  # \vphantom{\}}: Better BibTeX's balancing of an escaped brace
            end = texpass.arguments_end(self.text, self.pos)  # for BibTeX; it prints nothing
            if _BRACES_ONLY.fullmatch(self.text, self.pos, end):
                self.pos = end
                return ""
        return self.passed(name)

    def passed(self, name: str) -> str:
        """An unknown command: a pass-through span of the command and its arguments
        (``citeconv.texpass``), or, when that is not safe to pass on, text as before."""
        end = texpass.arguments_end(self.text, self.pos)
        consumed = name.isalpha() and self.text[self.pos - 1:self.pos].isspace()
        raw = "\\" + name + (self.text[self.pos:end] if end > self.pos
                              else " " if consumed else "")
        if texpass.safe_tex(raw):
            self.pos = end
            self.warnings.append(texpass.passed_warning(name))
            return texpass.span(raw)
        self.warnings.append(f"unknown LaTeX command \\{name} kept as text")
        return "\\" + name


@lru_cache(maxsize=65536)  # the same groups ({T}, {BERT}, {\'e}) recur in every title
def _top_braced(inner: str, protect_case: bool, rebrace: bool, after_colon: bool) -> str:
    """A decoded top-level brace group ``{inner}`` (``_Decoder.braced`` at depth 0)."""
    if texpass.TEX_SPAN.fullmatch(inner):
        return f"{_NOCASE}{inner}</span>"  # {\noopsort{a}}: braces BibTeX styles see
    if not protect_case or not inner:
        return inner
    if rebrace and " " not in inner and not _HAS_TAG.search(inner) and (
            needs_protection(inner) or after_colon and inner[0].isupper()):
        return f"{_MARK}{inner}{_END_MARK}"  # plain text, unless the title is shouting
    if inner.startswith(_NOCASE) and inner.endswith("</span>") and inner.count("<span") == 1:
        return inner  # {{Word}}: protected once
    return f"{_NOCASE}{inner}</span>"


_BRACES_ONLY = re.compile(r"\s*\{(?:\s|\\[{}])*\}")


def _math(inner: str) -> str:
    """Simple math: ``$^{2}$`` and ``$x_i$`` become sup/sub. Other math that ``safe_math``
    accepts is kept verbatim, dollars included, as a nocase span (``<span class="nocase">$O(n
    \\log n)$</span>``): ``encode`` writes it back as math and CSL renderers print the TeX
    source rather than case-changing it. Anything else keeps its dollars as plain text."""
    m = re.fullmatch(r"\s*([\^_])\{?([^{}$]*)\}?\s*", inner)
    if m:
        tag = "sup" if m.group(1) == "^" else "sub"
        return f"<{tag}>{m.group(2)}</{tag}>"
    if safe_math(inner):
        return f"{_NOCASE}${inner}$</span>"
    return f"${inner}$"


@lru_cache(maxsize=65536)
def decode_with_warnings(value: str, protect_case: bool = True,
                         rebrace: bool = True) -> tuple[str, tuple[str, ...]]:
    """``rebrace=False``: every brace group is kept as a nocase span, also those the writer
    would add again (for output written with ``protect=False``, ``--no-protect``)."""
    if not _SPECIAL.search(value):  # NFC like the slow path: "u" + U+0308 is "ü" (pdflatex sets
        text = _squash(value)          # the composed letter, not the combining mark)
        return (text if text.isascii() or unicodedata.is_normalized("NFC", text)
                else unicodedata.normalize("NFC", text)), ()
    decoder = _Decoder(value, protect_case, rebrace)
    text = decoder.flat_groups() if _NOT_FLAT.search(value) is None else None
    if text is None:
        text = decoder.group(0)
    if protect_case and (_NOCASE in text or _MARK in text):
        text = _resolve_marks(text, rebrace)
    text = unicodedata.normalize("NFC", _squash(text))
    return text, tuple(dict.fromkeys(decoder.warnings))  # each problem once per value


#: a brace group inside a word (``{A}merican``) protects the word: CSL processors change case
#: word by word, and citeproc-py would otherwise treat the rest as a word of its own
_INWORD_NOCASE = re.compile(r'(?<![\\\w])(\w*)<span class="nocase">([^<>$]*)</span>(\w*)')


def _resolve_marks(text: str, rebrace: bool) -> str:
    """Marked groups become plain text, or nocase spans in a title in capitals throughout (the
    writer adds no braces there); a brace group inside a word protects the whole word."""
    plain = text.replace(_MARK, "").replace(_END_MARK, "")
    loud = casing.shouting(_TAG.sub("", plain) if "<" in plain else plain)
    if _NOCASE in text:
        text = _INWORD_NOCASE.sub(lambda m: _whole_word_nocase(m, rebrace and not loud), text)
    if _MARK not in text:
        return text
    if loud:
        return text.replace(_MARK, _NOCASE).replace(_END_MARK, "</span>")
    return text.replace(_MARK, "").replace(_END_MARK, "")




def _whole_word_nocase(m: re.Match[str], rebrace: bool) -> str:
    if not m.group(1) and not m.group(3):
        return m.group(0)
    word = m.group(1) + m.group(2) + m.group(3)
    if rebrace and needs_protection(word):  # the writer braces it again: plain, as {BERT} is
        return word
    return f'{_NOCASE}{word}</span>'


_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def _squash(text: str) -> str:
    """Collapse ASCII white space (a no-break space is content, not layout)."""
    if "  " in text or not text.isprintable():  # else every run is one space already
        text = _SPACES.sub(" ", text)
    return text.strip(" ")


def needs_decoding(value: str) -> bool:
    """False when ``decode`` would only normalise whitespace."""
    return _SPECIAL.search(value) is not None


def decode(value: str, protect_case: bool = True) -> str:
    return decode_with_warnings(value, protect_case)[0]
