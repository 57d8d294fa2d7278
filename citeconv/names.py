"""Names: BibTeX name lists and free-text names -> ``Name``; ``Name`` -> BibTeX.

Contract
- ``parse_bibtex_names(value)`` follows BibTeX's own rules (First von Last / von Last, First /
  von Last, Jr, First), brace-aware, via bibtexparser's splitter; ``{Org Name}`` is one literal
  name; a trailing ``and others`` is the ``ETAL`` marker. Parts are decoded from LaTeX.
- ``format_bibtex_name(name)`` writes ``von Last, Jr, First``; literal names braced whole;
  ``ETAL`` as ``others``. ``parse_bibtex_names(join(format(...)))`` gives the names back.
- ``parse_name(text)`` reads ONE free-text name ("First Last", "Last, First"); organisation
  names (``OpenAI``, ``Gemini Team``, ``… Collaboration``) become literal names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from . import latex
from .model import ETAL, Name

PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "les", "des", "ter", "ten", "zu", "zur", "af", "av", "y", "e", "bin", "ibn", "al", "el",
    "lo", "op", "het", "'t", "d'", "l'", "dello", "degli", "van't",
})
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "2nd", "3rd"})
_ORG_WORDS = re.compile(
    r"\b(team|collaboration|consortium|workshop|group|lab|labs|laboratory|institute|university|"
    r"foundation|association|society|committee|council|project|initiative|inc\.?|ltd\.?|corp\.?|"
    r"corporation|company|research|network|alliance|organization|organisation|agency|"
    r"authors|contributors|community|center|centre)\b", re.IGNORECASE)
_KNOWN_ORGS = frozenset({"openai", "deepmind", "google", "meta", "microsoft", "anthropic",
                         "deepseek-ai", "nvidia", "ibm", "mistral ai", "qwen", "huggingface"})


def is_organisation(text: str) -> bool:
    """Heuristic: does this free-text author look like an organisation, not a person?"""
    t = text.strip()
    if not t:
        return False
    if t.lower() in _KNOWN_ORGS or _ORG_WORDS.search(t):
        return True
    words = t.split()
    # a single token with a hyphen-suffix like DeepSeek-AI, or all-caps acronym of 3+ letters
    return len(words) == 1 and (bool(re.fullmatch(r"[A-Za-z]+-[A-Z]{2,}", t)))


# ------------------------------------------------------------------ BibTeX
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


@lru_cache(maxsize=65536)
def parse_bibtex_name(text: str) -> Name:
    text = " ".join(text.split())
    if text == "others":
        return ETAL
    parts = parse_single_name_into_parts(text, strict=False)
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


def parse_bibtex_names(value: str) -> tuple[Name, ...]:
    """A BibTeX ``author``/``editor`` value -> names (empty pieces dropped)."""
    if not value.strip():
        return ()
    return tuple(parse_bibtex_name(p) for p in split_multiple_persons_names(value) if p.strip())


def format_bibtex_name(name: Name, ascii_only: bool = False) -> str:
    if name.is_etal:
        return "others"
    enc = lambda s: latex.encode(s, ascii_only=ascii_only)  # noqa: E731
    if name.literal:
        return "{" + enc(name.literal) + "}"
    family = enc(name.family)
    # a family name that BibTeX would split (spaces, a lower-case start) is braced whole
    if " " in name.family or (name.family[:1].islower()) or "," in name.family:
        family = "{" + family + "}"
    particle = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle) if p)
    if particle and not all(w[:1].islower() for w in particle.split()):
        particle = "{" + enc(particle) + "}"  # keep an upper-case particle out of "First"
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
        parts.append(given)
    elif given:
        parts.append(given)
    return ", ".join(parts)


def format_bibtex_names(names: tuple[Name, ...], ascii_only: bool = False) -> str:
    return " and ".join(format_bibtex_name(n, ascii_only) for n in names)


# ---------------------------------------------------------------- free text
@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    from nameparser import Parser  # imported lazily: it is the largest import (PERF-NOTES.md)
    return Parser()


def split_particles(given: str) -> tuple[str, str]:
    """``George van den`` -> (``George``, ``van den``): particles an export left in the given part."""
    words = given.split()
    i = len(words)
    while i > 1 and words[i - 1].lower() in PARTICLES:
        i -= 1
    return " ".join(words[:i]), " ".join(words[i:])


@lru_cache(maxsize=65536)
def parse_name(text: str) -> Name:
    """One free-text name -> ``Name``."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")
    if not text:
        return Name()
    if is_organisation(text):
        return Name(literal=text)
    if "," in text:
        family, _, given = text.partition(",")
        given, particle = split_particles(given.strip())
        fam_words = family.split()
        lead = []
        while len(fam_words) > 1 and fam_words[0].lower() in PARTICLES:
            lead.append(fam_words.pop(0))
        particle = " ".join(filter(None, [particle, " ".join(lead)]))
        return Name(family=" ".join(fam_words), given=given, non_dropping_particle=particle)
    words = text.split()
    suffix = ""
    if len(words) > 2 and words[-1].lower().rstrip(",") in SUFFIXES:
        suffix = words.pop().rstrip(",")
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix)
    # particles: the first lower-case particle run after the first word starts the family
    for i in range(1, len(words) - 1):
        if words[i].lower() in PARTICLES and words[i][:1].islower():
            j = i
            while j < len(words) - 1 and words[j].lower() in PARTICLES:
                j += 1
            return Name(family=" ".join(words[j:]), given=" ".join(words[:i]),
                        non_dropping_particle=" ".join(words[i:j]), suffix=suffix)
    parsed = _parser().parse(" ".join(words))
    family = parsed.family or words[-1]
    fam_words = family.split()
    if words[-len(fam_words):] != fam_words:  # nameparser reordered: keep the text's order
        fam_words = words[-1:]
    given = " ".join(words[:-len(fam_words)])
    return Name(family=" ".join(fam_words), given=given, suffix=suffix)
