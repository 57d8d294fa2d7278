"""Author lines of "Last, First" exports: recognising them and reading them into names.

Contract (the ``lastfirst`` reader's half about names; moved out of ``lastfirst`` unchanged)
- ``is_author_line(line)``: structural test, alternating family/given comma tokens (or
  ``F, G; F, G`` pieces), strays (``:``) and ``null`` tolerated within limits.
- ``parse_author_line(text, line) -> (names, diagnostics)``: the rules documented in
  ``lastfirst`` (``X, null`` literal names, stray pairs, particles left in the given part,
  odd token counts, display-order lines, a person listed twice); a cut list (``…, et al.``,
  ``and others``, ``...``, ``…`` last) ends in ``ETAL``.
- ``strip_etal(line) -> (line, cut)``: that marker removed.
- Pure functions; the only cache is keyed by the (immutable) token text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import namedata as nd
from ..model import ETAL, Diagnostic, Name
from ..names import (
    PARTICLES,
    SUFFIXES,
    is_initial,
    is_organisation,
    parse_name,
    parse_sorted_name,
)
from ._text import normalise_caps_name

_WORD = re.compile(r"^(?:[^\W\d_]|[.'’\-])+$")
_NICKNAME = re.compile(r"^\([^\W\d_][^\W\d_'’.\-]*\)$")  # Koseki, Shin (Alexandre)
_APOS_PARTICLE = re.compile(r"^(?:d|l|dell|degli|van)['’]", re.IGNORECASE)
_LOWER_INITIALS = re.compile(r"^(?=[^\W\d_A-Z])(?:[^\W\d_]\.){1,3}$")  # Pinto, Henrique P. d.O.
_NULL = "null"



# ------------------------------------------------------------------ recognising lines
@lru_cache(maxsize=65536)
def _name_token(token: str) -> bool:
    """Could this comma-separated token be a family or a given part?"""
    if token == _NULL:
        return True
    words = token.split()
    if not 1 <= len(words) <= 5 or len(token) > 60:
        return False
    if not all(_WORD.match(w) or (k and _NICKNAME.match(w)) for k, w in enumerate(words)):
        return False
    heads = [w for w in words if w.lower() not in PARTICLES and not _APOS_PARTICLE.match(w)
             and not _NICKNAME.match(w) and not _LOWER_INITIALS.match(w)]
    return all(w[:1].isupper() for w in heads) and (bool(heads) or len(words) == 1)


def _stray(token: str) -> bool:
    return bool(token) and not any(c.isalpha() for c in token)


_AND = re.compile(r"^(?:and|&)\s+")


def _tokens(line: str) -> list[str]:
    return [_AND.sub("", t.strip()) for t in line.split(",")]


def _pair_pieces(line: str) -> list[str] | None:
    """``F, G; F, G`` -> pieces, when the line has that shape."""
    if ";" not in line:
        return None
    pieces = [p.strip() for p in line.strip().rstrip(";").split(";")]
    if all(p.count(",") == 1 for p in pieces):
        return pieces
    return None


_ETAL = re.compile(r"(?:^|[,;]|\s)\s*(?:et\.?\s*al\.?|and\s+others|\.{3}|…)\s*$",
                   re.IGNORECASE)


def strip_etal(line: str) -> tuple[str, bool]:
    """``Vaswani, Ashish, Shazeer, Noam, et al.`` (or ``and others``, ``...``, ``…`` last):
    the line without its marker, and whether it had one (the list was cut)."""
    m = _ETAL.search(line)
    return (line[:m.start()].rstrip(" ,;"), True) if m else (line, False)


def is_author_line(line: str) -> bool:
    """Structural test: alternating family/given tokens (or ``F, G; F, G`` pieces)."""
    line = strip_etal(line.strip())[0].strip().rstrip(",;")
    if "," not in line or len(line) < 3:
        return False
    pieces = _pair_pieces(line)
    tokens = _tokens(";".join(pieces).replace(";", ",") if pieces else line)
    strays = sum(map(_stray, tokens))
    names = [t for t in tokens if not _stray(t)]
    bad = sum(not _name_token(t) for t in names)
    if len(names) < 2 or bad > len(tokens) // 40 or strays > max(2, len(tokens) // 10):
        return False
    nulls = sum(t == _NULL for t in tokens)
    pairs = len(tokens) - sum(t.lower() in SUFFIXES for t in tokens)
    return nulls * 2 <= len(tokens) and (pairs % 2 == 0 or len(tokens) >= 5)


# ------------------------------------------------------------------ authors
def _given_like(token: str) -> float:
    words = token.split()
    if any(is_initial(w) or _LOWER_INITIALS.match(w) for w in words):
        return 1.0
    if any(w.lower() in nd.COMMON_GIVEN_NAMES or re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", w)
           for w in words):
        return 1.0
    return 0.0


def _surname_like(token: str) -> float:
    low = token.lower()
    return 1.0 if low in nd.EAST_ASIAN_SURNAMES or low in nd.DOUBLE_SURNAME_HEADS else 0.0


def _lone_at(tokens: list[str]) -> int | None:
    """In an odd list of ``Family, Given`` tokens with no suffix, the index of the one-word name
    (a family with no given part), chosen so that given slots hold given-looking tokens;
    None when the list is even."""
    if len(tokens) % 2 == 0 or any(t.lower() in SUFFIXES or t == _NULL or _stray(t)
                                   for t in tokens):
        return None
    best, at = -99.0, len(tokens) - 1
    for lone in range(0, len(tokens), 2):
        score = 0.5 * _surname_like(tokens[lone]) - 1.0 * _given_like(tokens[lone])
        rest = tokens[:lone] + tokens[lone + 1:]
        for fam, giv in zip(rest[::2], rest[1::2]):
            score += _given_like(giv) - _given_like(fam) + 0.5 * _surname_like(fam)
        if score > best:
            best, at = score, lone
    return at


def _pairs(tokens: list[str], line: int, diags: list[Diagnostic]) -> list[tuple[str, str, str]]:
    """Tokens -> (family, given, suffix) triples, dropping stray pairs."""
    out: list[tuple[str, str, str]] = []
    lone = _lone_at(tokens)
    if lone is not None:
        diags.append(Diagnostic("last-first.odd-tokens", f"an odd number of name parts: read "
                                f"{tokens[lone]!r} as a name with no given part (a guess)",
                                line, raw=", ".join(tokens)))
        before = _pairs(tokens[:lone], line, diags) if lone else []
        return before + [(tokens[lone], "", "")] + _pairs(tokens[lone + 1:], line, diags)
    i = 0
    while i < len(tokens):
        family = tokens[i]
        if _stray(family) or not family:
            skip = 2 if i + 1 < len(tokens) and tokens[i + 1] == _NULL else 1
            diags.append(Diagnostic("last-first.stray-pair", f"dropped a stray author token "
                                    f"{', '.join(tokens[i:i + skip])!r}", line, raw=family))
            i += skip
            continue
        if i + 1 >= len(tokens):
            diags.append(Diagnostic("last-first.odd-tokens", f"{family!r} has no given part",
                                    line, raw=family))
            out.append((family, "", ""))
            break
        given, suffix, i = tokens[i + 1], "", i + 2
        if given.lower() in SUFFIXES and i < len(tokens):
            suffix, given, i = given, tokens[i], i + 1
        elif i < len(tokens) and tokens[i].lower() in SUFFIXES:
            suffix, i = tokens[i], i + 1
        out.append((family, given, suffix))
    return out


def _name(family: str, given: str, suffix: str, line: int, diags: list[Diagnostic]) -> Name:
    if family == _NULL and given not in (_NULL, ""):  # "null, Mausam": a one-word name
        family, given = given, _NULL
    if not given and _name_token(family) and not is_organisation(family):
        return Name(family=family)  # a one-word name (the export gave no given part)
    if given == _NULL or not given:
        if given == _NULL and not is_organisation(family):
            diags.append(Diagnostic("last-first.null-given", f"{family!r} has no given name; "
                                    "kept as a literal name", line, raw=family))
        return Name(literal=family)
    family, given = _uncap(family, 2), _uncap(given, 3)
    name, note = parse_sorted_name(family, given)
    if note:
        diags.append(Diagnostic("last-first.particle-split", f"{family}, {given}: {note}", line,
                                raw=f"{family}, {given}"))
    if suffix:
        name = Name(family=name.family, given=name.given, suffix=suffix,
                    non_dropping_particle=name.non_dropping_particle)
    return name


def _uncap(part: str, shortest: int) -> str:
    """``NG`` -> ``Ng``, ``DOHA`` -> ``Doha``: an ALL-CAPS word of ``shortest`` letters or more
    (shorter ones in a given part are initials, ``AJ``)."""
    words = [normalise_caps_name(w) if len(w) >= shortest and w.isalpha() and w.isupper()
             and w not in ("II", "III", "IV") else w for w in part.split()]
    return " ".join(words)


def _display_order(tokens: list[str]) -> bool:
    """``John Smith, Jane Doe``: every token is a multi-word name and none is initials only,
    which a list of ``Family, Given`` pairs (mostly one-word families) never is."""
    return len(tokens) >= 2 and all(
        len(t.split()) >= 2 and not all(is_initial(w) for w in t.split()[1:])
        and not any(is_initial(w) for w in t.split()[-1:]) for t in tokens)


def parse_author_line(text: str, line: int = 0) -> tuple[tuple[Name, ...], list[Diagnostic]]:
    """One author line (possibly several joined) -> names, diagnostics."""
    diags: list[Diagnostic] = []
    text, cut = strip_etal(text.strip())
    text = text.strip().rstrip(",;")
    pieces = _pair_pieces(text)
    tokens = _tokens(text)
    if pieces:
        triples = [(f.strip(), g.strip(), "") for f, g in (p.split(",") for p in pieces)]
        names = tuple(_name(f, g, s, line, diags) for f, g, s in triples)
    elif _display_order(tokens):
        names = tuple(parse_name(_uncap(t, 2)) for t in tokens)
        diags.append(Diagnostic("last-first.display-order", "the author line lists "
                                "'First Last' names, not 'Last, First' pairs", line, raw=text))
    else:
        triples = _pairs(tokens, line, diags)
        names = tuple(_name(f, g, s, line, diags) for f, g, s in triples)
    seen: set[Name] = set()
    for n in names:
        if n in seen:
            diags.append(Diagnostic("last-first.duplicate-author", f"{n.display()} is listed "
                                    "more than once (kept)", line, raw=n.display()))
        seen.add(n)
    return names + ((ETAL,) if cut else ()), diags
