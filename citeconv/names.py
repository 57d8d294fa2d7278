"""Names: BibTeX name lists and free-text names -> ``Name``; ``Name`` -> BibTeX.

Contract (the BibTeX half lives in ``bibnames`` and is re-exported here)
- ``parse_bibtex_names(value)`` follows BibTeX's own rules (First von Last / von Last, First /
  von Last, Jr, First), brace-aware, via bibtexparser's splitter; ``{Org Name}`` is one literal
  name; a trailing ``and others`` is the ``ETAL`` marker. Parts are decoded from LaTeX.
- ``format_bibtex_name(name)`` writes ``von Last, Jr, First``; literal names braced whole;
  ``ETAL`` as ``others``. ``parse_bibtex_names(join(format(...)))`` gives the names back.
- ``parse_name(text)`` reads ONE free-text name ("First Last", "Last, First", "Last, Jr.,
  First", titles dropped); organisation names (``OpenAI``, ``Gemini Team``, ``DeepSeek-AI``,
  ``… Collaboration``) become literal names; names in CJK script go through nameparser's
  segmenter. ``parse_name_noted`` also returns a note when the split is a guess (the
  display-order rule is documented at the top of the free-text section).
- ``split_names(text)`` reads a free-text author LIST (``;``, ``and``, ``&``, comma-paired
  ``Last, First, Last, First``, display order, Vancouver ``Smith J, Doe AB``; ``et al.`` ->
  ``ETAL``). ``split_particles`` moves particles an export left in the given part.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import namedata as nd
from .bibnames import (format_bibtex_name, format_bibtex_names, parse_bibtex_name,
                       parse_bibtex_names)
from .model import ETAL, Name

PARTICLES, SUFFIXES = nd.PARTICLES, nd.SUFFIXES  # the readers import them from here


_ORG_WORDS = re.compile(r"\b(?:" + "|".join(sorted(nd.ORG_WORDS)) + r")\b", re.IGNORECASE)
_AI_ORG = re.compile(r"(?:^|\s)AI$|^[A-Z][a-z]+[A-Z][A-Za-z]*AI$")  # "Stability AI", "EleutherAI"


def is_organisation(text: str) -> bool:
    """Heuristic: does this free-text author look like an organisation, not a person?"""
    t = text.strip()
    if not t:
        return False
    if t.lower() in nd.ORGANISATIONS or _ORG_WORDS.search(t) or _AI_ORG.search(t):
        return True
    words = t.split()
    # a single token with a hyphen-suffix like DeepSeek-AI, or all-caps acronym of 3+ letters
    return len(words) == 1 and (bool(re.fullmatch(r"[A-Za-z]+-[A-Z]{2,}", t)))


# ---------------------------------------------------------------- free text
# Display-order rule ("First Middle Last", no comma: there is no certain signal; word lists in
# ``namedata``):
#   1. a lower-case particle run inside the name starts the family, as the non-dropping
#      particle (``Jan van der Berg``); 2. a capitalised family prefix before the last word
#      joins the family (``Charline Le Lan``);
#   3. four or more plain words keep the last two as the family (``Johan Samir Obando Ceron``),
#      unless the last word is a romanised East Asian surname (``Jong Wook Kim``) or the one
#      before it a given-name part (``Abu Awal Md Shoeb``, ``Devendra Singh Chaplot``): then one
#      word, no note; three words whose middle one is a common Hispanic/Portuguese/Persian
#      surname keep two (``Samira Ebrahimi Kahou``), no note;
#   4. other three-word names keep the middle word in the given part (``Michael Curtis Mozer``),
#      reported as ambiguous, except after a Spanish/Portuguese/Catalan given name when the
#      middle word is no common given name (``Adrià Puigdomènech Badia``), also reported;
#   5. a Vietnamese family name, a Vietnamese middle name and no surname at the end is family
#      first (``Nguyen Thanh Binh``), reported.
_INITIAL = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_]$|^(?:[^\W\d_]\.-?)+[^\W\d_]\.?$")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_VANCOUVER = re.compile(  # Doe AB, Doe A.B., Doe A. B. (family first, initials last)
    r"^(?P<family>[^\d,;.]+?)\s+(?P<init>[A-Z](?:\.?\s?[A-Z]){0,2}\.?)"
    r"(?:\s+(?P<suf>Jr|Sr|II|III|IV)\.?)?$")
_ETAL = re.compile(r"(?:,?\s*(?:et\s+al\.?|and\s+others|et\s+alii))\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    from nameparser import Parser  # imported lazily: it is the largest import (PERF-NOTES.md)
    return Parser()


def is_initial(word: str) -> bool:
    """``J.``, ``J``, ``J.-P.``, ``J.R.`` are initials."""
    return bool(_INITIAL.match(word))


def is_particle(word: str) -> bool:
    return word.lower() in PARTICLES and word[:1].islower()


def split_particles(given: str) -> tuple[str, str]:
    """``George van den`` -> (``George``, ``van den``): particles an export left at the end of the
    given part. A capitalised final particle counts too (``Diego de Las``, ``Charline Le``)."""
    words = given.split()
    i = len(words)
    while i > 1 and words[i - 1].lower() in PARTICLES | nd.CAPITAL_PREFIXES:
        i -= 1
    if i < len(words) and not (words[i][:1].islower() or len(words) - i > 1
                               or words[i].lower() in nd.CAPITAL_PREFIXES):
        i = len(words)
    return " ".join(words[:i]), " ".join(words[i:])


def _mid_particle(given: str) -> tuple[str, str] | None:
    """``Cyprien de Masson`` -> (``Cyprien``, ``de Masson``): a lower-case particle inside the
    given part starts what the export cut off the front of the family name."""
    words = given.split()
    for i in range(1, len(words) - 1):
        if is_particle(words[i]):
            return " ".join(words[:i]), " ".join(words[i:])
    return None


@lru_cache(maxsize=65536)
def parse_sorted_name(family: str, given: str) -> tuple[Name, str]:
    """An export's ``(family, given)`` pair -> (Name, ambiguity note); no organisation check."""
    return _parse_sorted([family.strip(), *[p.strip() for p in given.split(",") if p.strip()]])


def _parse_sorted(parts: list[str]) -> tuple[Name, str]:
    """``Family, Given[, Suffix]`` (or ``Family, Suffix, Given``) -> Name, ambiguity note."""
    family = parts[0]
    suffix = " ".join(p for p in parts[1:] if p.lower() in SUFFIXES)
    fam = family.split()
    if len(fam) > 1 and fam[-1].lower() in SUFFIXES and not suffix:  # "Daumé III, Hal"
        family, suffix = " ".join(fam[:-1]), fam[-1]
    given = " ".join(p for p in parts[1:] if p.lower() not in SUFFIXES)
    note = ""
    fam_words = family.split()
    lead = []
    while len(fam_words) > 1 and is_particle(fam_words[0]):
        lead.append(fam_words.pop(0))
    given, trailing = split_particles(given)
    if trailing[:1].isupper() and not lead:  # "Roux, Nicolas Le": the prefix is the family's
        fam_words, trailing = [*trailing.split(), *fam_words], ""
    particle = " ".join(filter(None, [trailing, " ".join(lead)]))
    mid = None if particle else _mid_particle(given)
    if mid:
        given, particle = mid
        note = f"particle inside the given part: read {particle!r} as the family's particle"
    # The export's own family part is kept: a capitalised word left in the given part
    # ("Such, Felipe Petroski") stays given; only particles move (the rule).
    return Name(family=" ".join(fam_words), given=given, non_dropping_particle=particle,
                suffix=suffix), note


def _parse_display(words: list[str]) -> tuple[Name, str]:
    """``First [Middle] [particles] Last [Jr.]`` -> Name, ambiguity note (see the rule above)."""
    while len(words) > 2 and words[0].lower() in nd.NAME_TITLES:
        words = words[1:]
    suffix = ""
    if len(words) > 2 and words[-1].lower() in SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix), ""
    if (len(words) == 3 and words[0].lower() in nd.VIETNAMESE_SURNAMES
            and words[1].lower() in nd.VIETNAMESE_MIDDLE_NAMES
            and words[2].lower() not in nd.EAST_ASIAN_SURNAMES):  # rule 5: Nguyen Thanh Binh
        return Name(family=words[0], given=" ".join(words[1:]), suffix=suffix), (
            "3 words: read a Vietnamese name written family name first")
    for i in range(1, len(words) - 1):  # rule 1: lower-case particles
        if is_particle(words[i]):
            j = i
            while j < len(words) - 1 and is_particle(words[j]):
                j += 1
            if i > 1 and words[i - 1].lower() in PARTICLES | nd.CAPITAL_PREFIXES:
                # a capitalised particle before them starts the family (``Fernando De la
                # Torre``): the person writes it capitalised, so it is not dropped or demoted
                return Name(family=" ".join(words[i - 1:]), given=" ".join(words[:i - 1]),
                            suffix=suffix), ""
            return Name(family=" ".join(words[j:]), given=" ".join(words[:i]),
                        non_dropping_particle=" ".join(words[i:j]), suffix=suffix), ""
    for i in range(1, len(words) - 1):  # rule 2: capitalised family prefixes
        if words[i].lower() in nd.CAPITAL_PREFIXES and not is_initial(words[i]):
            return Name(family=" ".join(words[i:]), given=" ".join(words[:i]), suffix=suffix), ""
    cut, note = len(words) - 1, ""
    plain = [w for w in words[1:-1] if not is_initial(w)]
    if words[-1].lower() in nd.EAST_ASIAN_SURNAMES or words[-2].lower() in nd.GIVEN_PARTS:
        plain = []  # rule 3a: one-word East Asian family name, or "… Md Shoeb"
    if len(words) == 3 and plain and words[1].lower() in nd.DOUBLE_SURNAME_HEADS:
        plain, cut = [], 1  # rule 3b: a known surname in the middle starts the family
    elif (len(words) == 3 and plain and words[0].lower() in nd.HISPANIC_GIVEN_NAMES
          and words[1].lower() not in nd.COMMON_GIVEN_NAMES):
        plain, cut = [], 1  # rule 3c: a Hispanic given name, then no given name
        note = "3 words: read the last two as a Spanish/Portuguese double family name"
    if len(words) >= 4 and len(plain) >= 2:  # rule 3
        cut = len(words) - 2
        note = f"{len(words)} words: read the last two as the family name"
    elif plain:  # rule 4
        note = "3 words: read the middle one as a given name"
    return Name(family=" ".join(words[cut:]), given=" ".join(words[:cut]), suffix=suffix), note


_HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _parse_cjk(text: str) -> Name:
    """A name in CJK script: nameparser's segmenter (Korean, spaced Japanese), else a Chinese
    name of 2-4 Han characters split after its (one- or two-character) surname."""
    parsed = _parser().parse(text)
    if parsed.family and parsed.given:
        return Name(family=parsed.family, given=parsed.given)
    if _HAN.match(text):
        cut = 2 if text[:2] in nd.HAN_COMPOUND_SURNAMES and len(text) > 2 else 1
        return Name(family=text[:cut], given=text[cut:])
    return Name(literal=text)


def parse_name_noted(text: str) -> tuple[Name, str]:
    """One free-text name -> (``Name``, an ambiguity note or ``""``)."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")
    if not text:
        return Name(), ""
    if is_organisation(text):
        return Name(literal=text), ""
    if not _LATIN.search(text):
        return _parse_cjk(text), ""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > 1 and all(p.lower() in SUFFIXES for p in parts[1:]):
        name, note = _parse_display(parts[0].split())
        return Name(family=name.family, given=name.given,
                    non_dropping_particle=name.non_dropping_particle,
                    suffix=" ".join(parts[1:])), note
    if len(parts) > 1:
        return _parse_sorted(parts)
    return _parse_display(text.split())


@lru_cache(maxsize=65536)
def parse_name(text: str) -> Name:
    """One free-text name ("First Last", "Last, First", "Last, Jr., First") -> ``Name``."""
    return parse_name_noted(text)[0]


# ---------------------------------------------------------------- name lists
def _vancouver(token: str) -> Name | None:
    """``Doe AB`` -> Name(family="Doe", given="A. B.")."""
    m = _VANCOUVER.match(token)
    if not m or is_organisation(token):
        return None
    given = " ".join(f"{c}." for c in m["init"] if c.isalpha())
    name, _ = _parse_display([given, *m["family"].split()])
    return Name(family=name.family, given=given, non_dropping_particle=name.non_dropping_particle,
                suffix=m["suf"] or "")


def _display_certain(token: str) -> bool:
    """``C. Hamel`` is surely a display-order name: initials first, a word last."""
    words = token.split()
    return len(words) > 1 and is_initial(words[0]) and not is_initial(words[-1])


def _pair_tokens(tokens: list[str]) -> list[str] | None:
    """Comma tokens of alternating ``Family, Given`` -> ["Family, Given", ...], or None when the
    tokens are display-order names (every token has a space and none is an initial)."""
    if len(tokens) < 2:
        return None
    if all(" " in t for t in tokens) and not any(is_initial(t.split()[0]) and len(t.split()) == 1
                                                   for t in tokens):
        return None
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if i + 1 >= len(tokens):
            out.append(tokens[i])
            break
        pair = [tokens[i], tokens[i + 1]]
        i += 2
        if i < len(tokens) and tokens[i].lower() in SUFFIXES:
            pair.append(tokens[i])
            i += 1
        out.append(", ".join(pair))
    return out


def _split_chunk(chunk: str) -> list[str]:
    """One and/&-free piece of a list -> name strings."""
    tokens = [t.strip() for t in chunk.split(",") if t.strip()]
    if len(tokens) > 1 and all(_VANCOUVER.match(t) for t in tokens):
        return tokens
    if len(tokens) == 2 and tokens[1].lower() in SUFFIXES:
        return [chunk]
    paired = _pair_tokens(tokens)
    return paired if paired is not None else tokens


def split_name_strings(text: str) -> tuple[list[str], bool]:
    """A free-text author list -> (one string per name, et-al flag)."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ;,")
    m = _ETAL.search(text)
    etal = bool(m)
    if m:
        text = text[:m.start()].strip(" ,;")
    if not text:
        return [], etal
    if ";" in text:
        out = []
        for piece in text.split(";"):
            for q in re.split(r"\s+(?:and|&)\s+", piece):
                tokens = [t.strip() for t in q.split(",") if t.strip()]
                out += tokens if len(tokens) > 1 and all(map(_display_certain, tokens)) else [q]
        return [p.strip(" ,") for p in out if p.strip(" ,")], etal
    chunks = [c.strip(" ,") for c in re.split(r",?\s+(?:and|&)\s+", text)]
    out = []
    for chunk in chunks:
        out += _split_chunk(chunk)
    return out, etal


def split_names(text: str) -> tuple[Name, ...]:
    """A free-text author list -> names: ``;``, ``and``, ``&``, comma-paired ``Last, First,
    Last, First``, display-order ``First Last, First Last`` and Vancouver ``Smith J, Doe AB``;
    a trailing ``et al.`` becomes ``ETAL``."""
    strings, etal = split_name_strings(text)
    names = []
    for s in strings:
        name = _vancouver(s) if " " in s and "," not in s else None
        names.append(name or parse_name(s))
    if etal:
        names.append(ETAL)
    return tuple(n for n in names if n != Name())


__all__ = ["PARTICLES", "SUFFIXES", "format_bibtex_name", "format_bibtex_names", "is_initial",
           "is_organisation", "is_particle", "parse_bibtex_name", "parse_bibtex_names", "parse_name",
           "parse_name_noted", "parse_sorted_name", "split_name_strings", "split_names",
           "split_particles"]
