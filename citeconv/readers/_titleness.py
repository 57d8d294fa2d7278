"""Telling a title from a person's name on a "Publications" page (the reader's word half).

Contract
- ``titleness(text, vocab) -> float``: 0.0 (surely a person) .. 1.0 (surely a title) for a
  name-shaped line, from general evidence only (see its docstring); ``vocab`` is the set of
  ordinary words used elsewhere on the page.
- ``bare_word(text)``: a one-word line that reads like nothing but a name (``Mausam``): no
  internal capitals or digits, no English word ending, not ending in an everyday title word
  (``Hypernetworks``). A one-word title that is one deserves a warning.
- ``_org_line(text)``: an organisation listed as an author (``ATLAS Collaboration``,
  ``Gemini Team``, ``OpenAI``); such a line keeps its case and is never a title.
- Pure functions over word lists in ``namedata``; no state.
"""
from __future__ import annotations

import re

from ..namedata import (
    DOUBLE_SURNAME_HEADS,
    EAST_ASIAN_SURNAMES,
    TITLE_FUNCTION_WORDS,
    TITLE_WORDS,
    WORD_GIVEN_NAMES,
    WORD_SURNAMES,
)
from ..names import SUFFIXES, is_initial, is_organisation

_CAMEL = re.compile(r"[a-z][A-Z]")
_NAME_CAMEL = re.compile(  # McGrew, MacKay, LaFontaine, DasSarma, AlQuraishi, VanderPlas
    r"^(?:Mc|Mac|O'|O’|D'|D’|De|Del|Della|Le|La|Di|Da|Das|Van|Vander|Von|Du|Fitz|Al|El|Abu|"
    r"Ben|St)[A-Z][a-z]")
_ACRONYM = re.compile(r"^[A-Z0-9]{3,}s?$|^[A-Z]+[0-9]|[0-9]|^(?:AI|ML|RL|IO|QA|NN)$")
_ENGLISH_END = re.compile(
    r"(?:tions?|sions?|ness|ments?|ity|ics|ive|ives|able|ible|ous|ized|ised|ism|"
    r"ology|ance|ence|ful|less|ers|ward|wise|like|[a-z]{3}ed|ional|ural|ioral|ical|istic|"
    r"etic|atic|izing|ising)$")
# one romanised East Asian syllable (pinyin, Korean, Japanese): initial, vowels, final
_SYLLABLE = re.compile(r"(?:[bcdfghjklmnpqrstwxyz]|ch|sh|zh|ts|kk|tt|pp|ss|jj)?[wy]?[aeiou]{1,3}"
                       r"(?:ng|n|m|k|p|t|l|r)?")


_ORG_LAST = frozenset({"collaboration", "consortium", "team", "group", "collective",
                       "committee", "council", "contributors", "authors", "initiative"})


def _org_line(text: str) -> bool:
    """An organisation listed as an author (``ATLAS Collaboration``, ``Gemini Team``,
    ``OpenAI``): its case is kept and it never reads as a title."""
    words = text.split()
    return bool(words) and (words[-1].lower() in _ORG_LAST and len(words) <= 5
                            or (is_organisation(text) and len(words) <= 3
                                and not any(w.lower() in TITLE_FUNCTION_WORDS for w in words)
                                and words[-1].lower() not in TITLE_WORDS))


def _syllables(word: str) -> bool:
    """``KyungHyun``, ``JongWook``: CamelCase made of two romanised East Asian syllables."""
    halves = re.fullmatch(r"([A-Z][a-z]+)([A-Z][a-z]+)", word)
    return halves is not None and all(_SYLLABLE.fullmatch(h.lower()) for h in halves.groups())


def _title_word(word: str) -> bool:
    """An everyday title word, singular or plural (``Labels``, ``Mechanisms``, ``Studies``)."""
    w = word.lower()
    forms = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w,
             w[:-3] + "y" if w.endswith("ies") else w}
    return bool(forms & TITLE_WORDS) and w not in WORD_SURNAMES


def titleness(text: str, vocab: set[str]) -> float:
    """0.0 (surely a person) .. 1.0 (surely a title) for a name-shaped line.

    A capitalised function word (``The``, ``Towards``, ``With``) makes a title outright; so
    does a single word, CamelCase (not ``McX``/``LeX`` or two romanised syllables,
    ``KyungHyun``) or an acronym. Otherwise independent pieces of evidence, combined as
    ``1 - prod(1 - e)``: a last word that is an everyday title word (``Networks``) and not a
    surname; four or more words; most words used as ordinary (lower-case) words elsewhere on
    the page; common title words; English word endings that personal names rarely have
    (``-tion``, ``-ness``, ``-ional``…). A first word that is a given name which is also a word
    (``Can``, ``Will``, ``Grace``) and a last word that is a surname (``Lamb``, ``Bacon``) are
    explained as a name and count for nothing; a known East Asian, Hispanic or Persian surname
    at the end halves the result."""
    words = text.split()
    if _org_line(text):
        return 0.0
    if len(words) > 2 and words[-1].lower() in SUFFIXES:  # "Hal Daumé III", "John Smith Jr."
        words = words[:-1]
        text = " ".join(words)
    if len(words) == 1:
        return 0.8
    if any(w.lower() in TITLE_FUNCTION_WORDS for w in words):
        return 0.95
    if any(_CAMEL.search(w) and not _NAME_CAMEL.match(w) and not _syllables(w) for w in words):
        return 0.9
    if not text.isupper() and any(_ACRONYM.search(w) for w in words):
        return 0.9
    last = words[-1].lower()
    explained = [w for k, w in enumerate(words)
                 if not (k == 0 and w.lower() in WORD_GIVEN_NAMES)
                 and not (k == len(words) - 1 and last in WORD_SURNAMES)]
    parts = [p for w in explained for p in re.split(r"[-'’]", w)
             if len(p) > 1 and not is_initial(p)]
    if not parts:
        return 0.0
    evidence = [0.15 if len(words) >= 4 else 0.0, 0.7 if _title_word(words[-1]) else 0.0]
    used = sum(p.lower() in vocab for p in parts) / len(parts)
    evidence.append(0.6 * used if used > 0.5 else 0.0)
    common = sum(_title_word(p) for p in parts) / len(parts)
    evidence.append(0.35 + 0.5 * common if common else 0.0)
    endings = sum(bool(_ENGLISH_END.search(p.lower())) and len(p) > 5 for p in parts)
    evidence.append(0.55 if endings >= 2 else 0.35 * endings)
    # -ing is weaker: many pinyin given names end so (Kaiming, Xiaoming)
    evidence.append(0.25 * sum(p.lower().endswith("ing") and len(p) > 6 for p in parts))
    keep = 1.0
    for e in evidence:
        keep *= 1.0 - e
    score = 1.0 - keep
    if last in EAST_ASIAN_SURNAMES or last in DOUBLE_SURNAME_HEADS:
        score /= 2
    return round(score, 3)


def bare_word(text: str) -> bool:
    """``Mausam``, not ``Hypernetworks``, ``Dropout``, ``GFlowNets``, ``Word2Vec``."""
    word = text.strip()
    if not re.fullmatch(r"[A-Z][a-z\u00e0-\u024f]+", word) or _ENGLISH_END.search(word.lower()):
        return False
    low = word.lower()
    return not any(low.endswith(t) or low.endswith(t + "s") or low.endswith(t + "es")
                   for t in TITLE_WORDS if len(t) >= 4) and not _title_word(word)
