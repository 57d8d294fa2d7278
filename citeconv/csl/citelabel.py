"""The ``citation-label`` variable: the item's own value, else a generated "trigraph" label.

Contract
- ``citation_label(item)`` returns the item's ``citation-label`` when it has one, else a label
  built as citeproc-js builds it (``getCitationLabel`` with its default trigraph
  ``Aaaa00:AaAa00:AaAA00:AAAA00``): from the first name variable the item has (in CSL's list
  order), one name: its first four letters; two: two letters of each; three: two, one, one;
  four or more: one letter of each of the first four ("Asth", "RoNo", "DEFG"). A family name
  loses lowercase particles ("van ", "d'") and a leading article ("The ", "A ", "An "), and
  keeps only letters; each piece is capitalised. With no names: the first four letters of
  the title without its skip words. Then the last two digits of the issued year ("00" for
  2000; "00" when there is no year either).
- The year suffix of disambiguation is appended by the caller (``evaluate.variable``).
- Pure; never raises on item data (odd values are read as text or ignored).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["citation_label", "TRIGRAPH"]

TRIGRAPH = ((4,), (2, 2), (2, 1, 1), (1, 1, 1, 1))   # letters per name for 1, 2, 3, 4+ names
NAME_ORDER = ("author", "chair", "collection-editor", "compiler", "composer", "container-author",
              "contributor", "curator", "director", "editor", "editor-translator",
              "editorial-director", "executive-producer", "guest", "host", "illustrator",
              "interviewer", "narrator", "organizer", "original-author", "performer", "producer",
              "recipient", "reviewed-author", "script-writer", "series-creator", "translator")
_PARTICLES = re.compile(r"^([ '\u2019a-z]+\s+)")
_ARTICLE = re.compile(r"^(a\s+|the\s+|an\s+)", re.I)
_NOT_LETTER = re.compile(r"[^a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f"
                         r"\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff]")
SKIP_WORDS = frozenset(
    "about above across afore after against al along alongside amid amidst among amongst anenst "
    "apropos apud around as aside astride at athwart atop barring before behind below beneath "
    "beside besides between beyond but by circa despite down during et except for forenenst "
    "from given in inside into lest like modulo near next notwithstanding of off on onto out "
    "over per plus pro qua sans since than through throughout thruout till to toward towards "
    "under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without "
    "or yet so and nor a an the de d' von van c ca".split())


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:].lower()


def _piece(name: Any, letters: int) -> str:
    if not isinstance(name, Mapping):
        return ""
    if name.get("family"):
        text = _PARTICLES.sub("", str(name["family"]))
    elif name.get("literal"):
        text = str(name["literal"])
    else:
        return ""
    text = _ARTICLE.sub("", text)
    return _cap(_NOT_LETTER.sub("", text)[:letters])


def _year(item: Mapping[str, Any]) -> str:
    issued = item.get("issued")
    year = None
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = str(parts[0][0]).strip()
        elif isinstance(issued.get("raw"), str):
            m = re.search(r"\d{4}", issued["raw"])
            year = m.group(0) if m else None
    return (year if year and year.lstrip("-").isdigit() else "0000")[-2:]


def citation_label(item: Mapping[str, Any]) -> str:
    own = item.get("citation-label")
    if isinstance(own, str) and own.strip():
        return own
    label = ""
    for var in NAME_ORDER:
        names = item.get(var)
        if isinstance(names, list) and names:
            config = TRIGRAPH[min(len(names), len(TRIGRAPH)) - 1]
            for name, letters in zip(names, config):
                piece = _piece(name, letters)
                if not piece:
                    break
                label += piece
            break
    if not label and isinstance(item.get("title"), str):
        words = [w for w in item["title"].split() if w not in SKIP_WORDS]
        label = _cap("".join(words)[:TRIGRAPH[0][0]])
    return label + _year(item)
