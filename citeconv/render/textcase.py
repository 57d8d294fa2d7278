"""text-case (CSL 1.0.2 §Text-case) with citeproc-js's title-case rules.

Contract
- ``install()`` wraps ``TextCased.case``: ``title`` is applied when the language is English or
  unknown (citeproc-py skipped unknown, e.g. on labels), using citeproc-js's stop-word list;
  stop words stay lower case except as the first or last word or after a colon; words with any
  capital letter (``W3C``, ``iPhone``) are left alone; each part of a hyphenated word is treated
  as a word, and a stop word opening a hyphenated compound is capitalised (``Pro-Environmental``,
  but ``Out-of-Fashion``); only Latin letters are capitalised (``β-Carotine``); a word starting
  with a digit is left alone (``22nd``). ``<span class="nocase">`` segments are untouched.
- Other text-case values keep citeproc-py's behaviour.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["install", "title_case"]

STOP_WORDS = frozenset("""about above across afore after against along alongside amid amidst among
amongst anenst apropos apud around as aside astride at athwart atop barring before behind below
beneath beside besides between beyond but by circa despite down during except for forenenst from
given in inside into lest like modulo near next notwithstanding of off on onto out over per plus
pro qua sans since than through thru throughout thruout till to toward towards under underneath
until unto up upon versus vs. v. vs v via vis-à-vis with within without or yet so and nor a an the
de d' von van c et ca""".split())
_TOKEN = re.compile(r"(\s+|-|—|–|/)")


def _cap(word: str) -> str:
    for i, ch in enumerate(word):
        if ch.isalpha():
            if not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN"):
                return word  # "β-Carotine": only Latin letters are capitalised
            return word[:i] + ch.upper() + word[i + 1:]
        if ch.isdigit():
            return word  # "22nd" stays "22nd"
    return word


def title_case(text: str, first: bool = True, is_end: bool = True) -> tuple[str, bool]:
    """Title-case one segment; ``first`` says the segment starts the string (or follows ':')."""
    tokens = _TOKEN.split(text)
    words = [i for i, t in enumerate(tokens) if t and not _TOKEN.fullmatch(t)]
    last_index = words[-1] if words else -1
    capitalize_next = first
    for i, tok in enumerate(tokens):
        if not tok or _TOKEN.fullmatch(tok):
            continue
        bare = tok.strip("\"“”‘’'([{").rstrip(".,:;!?)]}\"“”‘’'").lower()
        if tok != tok.lower():
            pass  # has capitals already: leave it
        elif (capitalize_next or (is_end and i == last_index) or bare not in STOP_WORDS
              or (tokens[i + 1:i + 2] == ["-"] and (i == 0 or tokens[i - 1].isspace()))):
            tokens[i] = _cap(tok)
        capitalize_next = tok.endswith((":", "?", "!"))
    return "".join(tokens), capitalize_next


def _apply_title(text: Any) -> Any:
    from citeproc.string import MixedString, NoCase, String

    segments = list(text) if isinstance(text, MixedString) else [text]
    upper = False  # citeproc-js leaves all-caps strings ("W3C") as they are
    out = []
    first = True
    for n, seg in enumerate(segments):
        if isinstance(seg, NoCase):
            out.append(seg)
            first = str(seg).rstrip().endswith(":")
            continue
        s = str(seg)
        if upper:
            s = s.lower()
        new, first = title_case(s, first=first or n == 0, is_end=n == len(segments) - 1)
        out.append(type(seg)(new) if isinstance(seg, String) else String(new))
    return MixedString(out) if isinstance(text, MixedString) else out[0]


def install() -> None:
    from citeproc import model

    original = model.TextCased.case

    def case(self: Any, text: Any, language: Any = None) -> Any:
        if self.get("text-case") == "title":
            if language not in (None, "en"):
                return text
            return _apply_title(text)
        return original(self, text, language)

    model.TextCased.case = case
