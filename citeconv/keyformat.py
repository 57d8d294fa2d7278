"""Citation-key templates: ``--key-format '{family}{year}{word}'``.

Contract
- ``compile_format(text)`` parses a template into a frozen ``KeyFormat`` or raises ``ValueError``
  naming the bad token and listing the known ones. Text outside ``{…}`` is kept as it is and may
  only use characters every BibTeX tool accepts in a key (letters, digits, ``_ - : . +``).
- ``KeyFormat.render(record)`` is a pure function of the record's content: ASCII-folded, tokens
  lower-case unless the token name starts with a capital (``{Family}`` → ``Vaswani``,
  ``{Words:2}`` → ``AttentionAll``). A token with nothing to give is left out.
- ``TOKENS`` is the table ``--help`` prints: name, argument, description, example. The spirit is
  JabRef's and Better BibTeX's patterns (``auth``, ``authorsN``, ``year``, ``shorttitle``,
  ``journal``), with names that say what they give.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from .model import Date, Name, Record

DEFAULT_FORMAT = "{family}{year}{word}"
STOP_WORDS = frozenset("""a an the on of in for to and with from by at as is are be do does
via towards toward into over under about what why how when can your our its it this that
we you i le la les el los un une der die das ein eine""".split())
_FOLD = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae",
                       "Æ": "AE", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "þ": "th"})
_LITERAL_OK = re.compile(r"[A-Za-z0-9_\-:.+]*")
_TOKEN = re.compile(r"\{([A-Za-z]+)(?::(\d+))?\}")

#: (name, default argument or None, description, example for Vaswani et al. 2017)
TOKENS: tuple[tuple[str, int | None, str, str], ...] = (
    ("family", None, "first author's family name (else editor's)", "vaswani"),
    ("authors", 2, "first N authors' family names, etal if more", "vaswanishazeeretal"),
    ("initials", 3, "first letters of the first N family names", "vsp"),
    ("year", None, "year of issue, four digits", "2017"),
    ("yy", None, "year of issue, last two digits", "17"),
    ("word", None, "first title word that is not a stop word", "attention"),
    ("words", 3, "first N title words that are not stop words", "attentionallneed"),
    ("venue", None, "container-title-short, else the container's initials", "nips"),
    ("arxiv", None, "arXiv identifier, dot kept", "1706.03762"),
    ("type", None, "CSL type without hyphens", "paperconference"),
)
_DEFAULTS = {name: default for name, default, _, _ in TOKENS}


def token_table() -> str:
    """The token table as ``--help`` shows it."""
    rows = []
    for name, default, description, example in TOKENS:
        shown = f"{{{name}:{default}}}" if default is not None else f"{{{name}}}"
        rows.append(f"  {shown:<13} {description}: {example}")
    return "\n".join(rows)


def ascii_fold(text: str, keep_case: bool = False) -> str:
    """Letters and digits only, ASCII: ``Łukasz Kaiser`` → ``lukaszkaiser``."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    folded = re.sub(r"[^A-Za-z0-9]", "", folded)
    return folded if keep_case else folded.lower()


def _people(record: Record) -> list[Name]:
    names = record.get("author") or record.get("editor") or ()
    return [n for n in names if isinstance(n, Name) and not n.is_etal]


def _family_of(name: Name) -> str:
    source = name.family or (name.literal.split()[0] if name.literal.split() else "")
    return source


def _title_words(record: Record) -> list[str]:
    title = re.sub(r"<[^>]+>", "", str(record.get("title", "")))
    words = []
    for word in re.split(r"[\s–—:/]+", title):
        if word.lower().strip(".,;:!?()'\"") not in STOP_WORDS and ascii_fold(word):
            words.append(word)
    return words


def _year(record: Record) -> str:
    issued = record.get("issued")
    return str(issued.year) if isinstance(issued, Date) and issued.year is not None else ""


def _arxiv(record: Record) -> str:
    from .identifiers import arxiv_id
    return arxiv_id(record)


def _venue(record: Record) -> list[str]:
    short = str(record.get("container-title-short", ""))
    if short:
        return [short]
    title = re.sub(r"<[^>]+>", "", str(record.get("container-title", "")))
    return ["".join(w[0] for w in title.split()
                    if w.lower() not in STOP_WORDS and ascii_fold(w) and w[0].isalnum())]


_Getter = Callable[[Record, int], list[str]]
_GETTERS: dict[str, _Getter] = {
    "family": lambda r, n: [_family_of(p) for p in _people(r)[:1]],
    "authors": lambda r, n: [_family_of(p) for p in _people(r)[:n]]
    + (["etal"] if len(_people(r)) > n or any(x.is_etal for x in r.get("author") or ()) else []),
    "initials": lambda r, n: [ascii_fold(_family_of(p), True)[:1] for p in _people(r)[:n]],
    "year": lambda r, n: [_year(r)],
    "yy": lambda r, n: [_year(r)[-2:]],
    "word": lambda r, n: _title_words(r)[:1],
    "words": lambda r, n: _title_words(r)[:n],
    "venue": lambda r, n: _venue(r),
    "arxiv": lambda r, n: [_arxiv(r)],
    "type": lambda r, n: [r.type],
}


@dataclass(frozen=True, slots=True)
class KeyFormat:
    """A compiled template: literal text and ``(token, argument, capitalised)`` pieces."""

    text: str
    pieces: tuple[str | tuple[str, int, bool], ...]

    def render(self, record: Record) -> str:
        out = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
                continue
            name, arg, capital = piece
            parts = _GETTERS[name](record, arg)
            if name == "arxiv":
                out.append("".join(re.sub(r"[^A-Za-z0-9.]", "", p) for p in parts))
                continue
            folded = [ascii_fold(p, keep_case=capital) for p in parts]
            out.append("".join(f[:1].upper() + f[1:] if capital else f for f in folded))
        return "".join(out)


def compile_format(text: str) -> KeyFormat:
    """Parse a template; ``ValueError`` says what is wrong and lists the tokens."""
    pieces: list[str | tuple[str, int, bool]] = []
    pos = 0
    known = ", ".join(name for name, _, _, _ in TOKENS)
    for m in _TOKEN.finditer(text):
        pieces.append(_literal(text[pos:m.start()], text))
        name = m.group(1)
        if name.lower() not in _GETTERS:
            raise ValueError(f"unknown key-format token {{{name}}} in {text!r}; known: {known}")
        default = _DEFAULTS[name.lower()]
        if m.group(2) is not None and default is None:
            raise ValueError(f"key-format token {{{name}}} takes no number (in {text!r})")
        arg = int(m.group(2)) if m.group(2) else (default or 1)
        pieces.append((name.lower(), max(arg, 1), name[0].isupper()))
        pos = m.end()
    pieces.append(_literal(text[pos:], text))
    if not any(isinstance(p, tuple) for p in pieces):
        raise ValueError(f"key format {text!r} has no token; known: {known}")
    return KeyFormat(text, tuple(p for p in pieces if p != ""))


def _literal(chunk: str, text: str) -> str:
    if not _LITERAL_OK.fullmatch(chunk):
        raise ValueError(f"key format {text!r}: {chunk!r} has characters a citation key should "
                         "not hold (use letters, digits, _ - : . +), or a '{' without a token")
    return chunk
