"""BibTeX name lists -> ``Name`` and ``Name`` -> BibTeX (re-exported by ``citeconv.names``).

Contract
- ``parse_bibtex_names(value)`` follows BibTeX's own rules (First von Last / von Last, First /
  von Last, Jr, First), brace-aware, via bibtexparser's splitter; ``{Org Name}`` is one literal
  name; a trailing ``and others`` is the ``ETAL`` marker; biblatex's extended name format
  (``family=…, given=…``) is read. Parts are decoded from LaTeX.
- ``format_bibtex_name(name)`` writes ``von Last, Jr, First``; literal names braced whole;
  ``ETAL`` as ``others``. ``parse_bibtex_names(join(format(...)))`` gives the names back.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from . import latex, texpass
from .model import ETAL, Name


def _strip_outer_braces(text: str) -> str:
    if text.startswith("{") and text.endswith("}"):
        depth = 0
        for i, ch in enumerate(text):
            depth += ch == "{"
            depth -= ch == "}"
            if depth == 0 and i < len(text) - 1:
                return text
        return text[1:-1]
    return text


def _dec(parts: list[str]) -> str:
    return latex.decode(" ".join(parts), protect_case=False)


_SIMPLE_NAME = re.compile(r"[^\W\d_][^\s,{}\\~]*(?: [^\W\d_][^\s,{}\\~]*)*, [^,{}\\~]+")


#: an accent command outside braces, with its argument (``\~{a}``, ``\~n``, ``\H o``, ``\'\i``)
_ACCENT_CMD = re.compile(r"\\(?:([`'^\"~=.])|([uvHckrdbt])(?![a-zA-Z]))\s*"
                         r"(\{[^{}]*\}|\\[ij]|[^\s{}\\,])")
#: a letter-named symbol command (``\o``, ``\ss``, ``\l``) and the space that ends it
_SYMBOL_CMD = re.compile(r"\\(ss|o|O|l|L|ae|AE|oe|OE|aa|AA|i|j)(?![a-zA-Z])\s?")
_EXTENDED = re.compile(r"^\s*(?:family|given|prefix|suffix|useprefix)\s*=", re.IGNORECASE)


def _protect_commands(text: str) -> str:
    r"""LaTeX accents and symbols outside braces become BibTeX "special characters" (``{\~{a}}``)
    before splitting, so ``~`` and spaces inside them do not split the name (``Jo\~{a}o``,
    ``Ge\~na Hahn``, ``Dezs\H o Nagy``), and a control space (``A. L.\ Thiele``) is a space."""
    if "\\" not in text:
        return text
    depths = _depths(text)

    def at_top(m: re.Match[str], make: str) -> str:
        return make if depths[m.start()] == 0 else m.group(0)

    text = re.sub(r"\\ ", lambda m: at_top(m, " "), text)
    depths = _depths(text)
    text = _ACCENT_CMD.sub(lambda m: at_top(m, "{\\" + (m.group(1) or m.group(2)) + "{"
                                            + m.group(3).strip("{}") + "}}"), text)
    depths = _depths(text)
    return _SYMBOL_CMD.sub(lambda m: at_top(m, "{\\" + m.group(1) + "}"), text)


def _depths(text: str) -> list[int]:
    depths, depth = [], 0
    for ch in text:
        depths.append(depth)
        depth += (ch == "{") - (ch == "}")
    return depths


def _extended_name(text: str) -> Name:
    """biblatex's extended name format: ``family=Rabble, given=Richard, prefix=von,
    useprefix=true`` (a prefix is a non-dropping particle when useprefix is true)."""
    parts: dict[str, str] = {}
    for piece in _split_top_level(text, ","):
        key, _, value = piece.partition("=")
        parts[key.strip().lower()] = _strip_outer_braces(value.strip())
    prefix = latex.decode(parts.get("prefix", ""), protect_case=False)
    use = parts.get("useprefix", "").strip().lower() == "true"
    return Name(family=latex.decode(parts.get("family", ""), protect_case=False),
                given=latex.decode(parts.get("given", ""), protect_case=False),
                non_dropping_particle=prefix if use else "",
                dropping_particle="" if use else prefix,
                suffix=latex.decode(parts.get("suffix", ""), protect_case=False))


def _split_top_level(text: str, sep: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "{") - (ch == "}")
        if ch == sep and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


@lru_cache(maxsize=65536)
def parse_bibtex_name(text: str) -> Name:
    """One BibTeX name; a name with no part (``{}``) is ``_EMPTY`` itself (callers test it by
    identity: each name of a big file is looked up here, the test is made once per name)."""
    name = _parse_bibtex_name(text)
    return _EMPTY if name == _EMPTY else name


def _parse_bibtex_name(text: str) -> Name:
    text = " ".join(text.split())
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # "u" + U+0308 is "ü", as latex.decode reads it
    if text == "others":
        return ETAL
    if _EXTENDED.match(text) and "=" in text:
        return _extended_name(text)
    text = _protect_commands(text)
    if _SIMPLE_NAME.fullmatch(text) and not latex.needs_decoding(text):
        # "Family Name, Given" with nothing to decode: the common case, decided directly
        family, given = text.split(", ")
        if family[0].isupper() if " " not in family else all(w[0].isupper() for w in
                                                             family.split(" ")):
            # no von part: BibTeX's own split
            return Name(family=family, given=given)
    parts = parse_single_name_into_parts(text, strict=False)
    if not parts.jr and ("," not in text or len(_split_top_level(text, ",")) == 1):
        _first_von_last(parts)
    if not parts.first and not parts.von and not parts.jr and len(parts.last) == 1:
        token = parts.last[0]
        if token.startswith("{") and _strip_outer_braces(token) != token:
            inner = _strip_outer_braces(token)
            if not inner.startswith("\\"):
                return Name(literal=latex.decode(inner, protect_case=False))
    if not parts.last and parts.first:  # "Jan," -> bibtexparser gives only first
        parts.last, parts.first = parts.first, []
    return Name(family=_dec(parts.last), given=_dec(parts.first),
                non_dropping_particle=_dec(parts.von), suffix=_dec(parts.jr))


def _first_von_last(parts) -> None:  # type: ignore[no-untyped-def]
    """BibTeX's split of a name with no comma, done again over bibtexparser's words (which
    takes the first of two words as First even when lower case, and ends von at the last
    lower-case word even when that word is the last one): von runs from the first lower-case
    word before the last word to the last lower-case word before it; Last is the rest
    (``de Gaulle``: von de; ``the Arts National Endowment for``: von the; as bibtex and biber)."""
    words = parts.first + parts.von + parts.last
    lower = [_lower_word(w) for w in words[:-1]]
    if True not in lower:
        parts.first, parts.von, parts.last = words[:-1], [], words[-1:]
        return
    start = lower.index(True)
    end = len(lower) - lower[::-1].index(True)
    parts.first, parts.von, parts.last = words[:start], words[start:end], words[end:]


#: commands that are letters themselves in a BibTeX "special character" (``{\\oe}``, ``{\\ss}``)
_LETTER_COMMANDS = frozenset({"oe", "OE", "ae", "AE", "aa", "AA", "o", "O", "l", "L", "ss",
                              "i", "j"})


def _lower_word(word: str) -> bool:
    r"""BibTeX's case of a name word: its first letter at brace level 0; a special character
    (``{\'e}``, ``{\oe}``) counts by its letter; other braced groups have no case."""
    depth, i = 0, 0
    while i < len(word):
        ch = word[i]
        if ch == "{" and depth == 0 and word.startswith("\\", i + 1):
            m = re.match(r"\\([A-Za-z]+)", word[i + 1:])
            if m and m.group(1) in _LETTER_COMMANDS:
                return m.group(1)[0].islower()
            rest = word[i + 1 + (m.end() if m else 2):]
            letter = next((c for c in rest if c.isalpha()), "")
            return letter.islower()
        if ch in "{}":
            depth += 1 if ch == "{" else -1
        elif depth == 0 and ch.isalpha():
            return ch.islower()
        i += 1
    return False


_AND = re.compile(r"[ \t\r\n]+and[ \t\r\n]+", re.IGNORECASE)
_AND_OR_BRACE = re.compile(r"[{}]|[ \t\r\n]+and[ \t\r\n]+", re.IGNORECASE)


def _split_and(value: str) -> list[str]:
    """BibTeX's name-list split: on whitespace-``and``-whitespace outside braces. bibtexparser's
    splitter does the same but drops two characters of a name that starts with a backslash
    after ``and`` (``A and \\'Etienne`` -> ``Etienne``); this one keeps them."""
    if "{" not in value and "}" not in value:
        return _AND.split(value)
    pieces, depth, start = [], 0, 0
    for m in _AND_OR_BRACE.finditer(value):
        token = m.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:  # unbalanced: bibtexparser's own rules for that
                return split_multiple_persons_names(value)
        elif depth == 0:
            pieces.append(value[start:m.start()])
            start = m.end()
    if depth:
        return split_multiple_persons_names(value)
    pieces.append(value[start:])
    return pieces


def parse_bibtex_names(value: str) -> tuple[Name, ...]:
    """A BibTeX ``author``/``editor`` value -> names (empty pieces dropped)."""
    value = value.strip(" \r\n\t")
    if not value:
        return ()
    out = []
    for piece in _split_and(value):
        if piece.strip():
            name = parse_bibtex_name(piece)
            if name is not _EMPTY:  # "{}" is no one
                out.append(name)
    return tuple(out)


_EMPTY = Name()


def _visible(text: str) -> str:
    """Rich text as BibTeX's name splitter sees it: LaTeX passed through (``texpass``) is one
    capitalised token, a nocase span's tags are nothing."""
    if "<" not in text:
        return text
    return text.replace('<span class="nocase">', "").replace("</span>", "") if \
        texpass.TEX_OPEN not in text else _visible(texpass.TEX_SPAN.sub("X", text))


_SPACE_COMMAND = re.compile(r"\\[,;:! ]|\\quad\{\}")


def _braced_spaces(text: str) -> str:
    """``P.\\,G.`` -> ``P.{\\,}G.``: a spacing command in a name is a BibTeX special
    character, so neither bibtex nor biber splits initials at it (biber's .bbl breaks)."""
    return _SPACE_COMMAND.sub(lambda m: "{" + m.group(0) + "}", text) if "\\" in text else text


@lru_cache(maxsize=65536)  # a pure function of a frozen Name: the same authors recur in a file
def format_bibtex_name(name: Name, ascii_only: bool = False) -> str:
    if name.is_etal:
        return "others"
    enc = lambda s: _braced_spaces(latex.encode(s, ascii_only=ascii_only))  # noqa: E731
    if name.literal:
        return "{" + enc(name.literal) + "}"
    family = enc(name.family)
    seen = _visible(name.family)
    # a family name that BibTeX would split (spaces, a lower-case start) is braced whole
    if " " in seen or (seen[:1].islower()) or "," in seen:
        family = "{" + family + "}"
    particle = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle) if p)
    if particle and not particle.split()[-1][:1].islower():
        # BibTeX reads a von part ending in a lower-case word ("López de Molina, G.", "Van de
        # Graaff, R.") as written; one ending in upper case cannot be a von part: braced
        particle = "{" + enc(particle) + "}"
    elif particle:
        particle = enc(particle)
    given = enc(name.given)
    if given and (given[:1].islower() or "," in name.given):
        given = "{" + given + "}"
    head = f"{particle} {family}" if particle else family
    if not family and not particle:
        head = "{}"
    parts = [head]
    if name.suffix:
        parts.append(enc(name.suffix))
        parts.append(given or "{}")
    elif given:
        parts.append(given)
    elif head.startswith("{") or particle:
        parts.append("{}")  # "{A B}" alone would read back as an organisation
    return ", ".join(parts)


def format_bibtex_names(names: tuple[Name, ...], ascii_only: bool = False) -> str:
    return " and ".join(format_bibtex_name(n, ascii_only) for n in names)
