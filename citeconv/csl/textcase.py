"""text-case (CSL 1.0.2 §Text-case) on marker strings, with citeproc-js's rules.

Contract
- ``text_case(text, case, lang=None) -> str`` for lowercase, uppercase, capitalize-first,
  capitalize-all, sentence, title; any other value returns ``text``.
- The string is cut at "tags" as citeproc-js does: punctuation ``- – — / . , ; ? ! : [ ] ( )``,
  quote marks and every marker character; words are the space-separated runs in between.
  Text inside ``nocase``, ``nodecor``, ``flip-smallcaps``, ``smallcaps``, ``sup`` and ``sub``
  marker pairs is never changed.
- A word is capitalised only when it is all lower case (``iPhone``, ``UK`` stay); capitalising
  changes its first character only (a lone Greek letter is left alone).
- title: words longer than one letter that are not stop words are capitalised (a word with an
  apostrophe is judged by its head: "d'une" stays, "it's" -> "It's"), and any word that is
  first, follows ``: ? !``, or (first segment only) precedes a hyphen; finally the last word
  is capitalised when it is a stop word. sentence: the first word capitalised, the others lower
  case. capitalize-first: the first word; capitalize-all: every word.
- ``lang`` starting with ``tr``/``az`` maps i ↔ İ and ı ↔ I (locale-aware case).
"""
from __future__ import annotations

import functools
import re

from .marks import KIND_OF, char_class

__all__ = ["text_case", "STOP_WORDS"]

STOP_WORDS = frozenset("""about above across afore after against al along alongside amid amidst
among amongst anenst apropos apud around as aside astride at athwart atop barring before behind
below beneath beside besides between beyond but by circa despite down during et except for
forenenst from given in inside into lest like modulo near next notwithstanding of off on onto out
over per plus pro qua sans since than through thru throughout thruout till to toward towards
under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or yet
so and nor a an the de d' von van c ca""".split())
_PROTECT = frozenset({"nocase", "nodecor", "flip-smallcaps", "smallcaps", "sup", "sub"})
_TAG_CHARS = "-–—/.,;?!:[]()‘’“”\"'"
_SPLIT = re.compile("([" + char_class(_TAG_CHARS.replace("'", "").replace("’", "") + "".join(KIND_OF))
                    + "]|(?<![^\\W\\d_])['’]|['’](?![^\\W\\d_]))")  # not an apostrophe in a word
_WORDS = re.compile(r"([\s\u00a0\u2000-\u200b\u205f\u3000]+)")
_APOS = re.compile("['’]")
_GREEK = re.compile("^[\u0370-\u03ff]$")


def _upper(s: str, turkic: bool) -> str:
    return (s.replace("i", "İ").replace("ı", "I") if turkic else s).upper()


def _lower(s: str, turkic: bool) -> str:
    return (s.replace("I", "ı").replace("İ", "i") if turkic else s).lower()


def _capitalise(word: str, turkic: bool) -> str:
    m = re.match(r"(\s*)(.)(.*)", word, re.S)
    if not m or (_GREEK.match(m.group(2)) and not m.group(3)):
        return word
    return m.group(1) + _upper(m.group(2), turkic) + m.group(3)


@functools.lru_cache(maxsize=8192)  # pure; container titles and terms recur in every entry
def text_case(text: str, case: str | None, lang: str | None = None) -> str:
    if not case or not text or case not in _CASES:
        return text
    turkic = bool(lang) and str(lang).lower()[:2] in ("tr", "az")
    segs = _SPLIT.split(text)  # even: strings, odd: one-character tags
    st = {"first": True, "punct": False, "last": None}
    depth = 0
    for i in range(0, len(segs), 2):
        if i:
            tag = segs[i - 1]
            if tag in KIND_OF:
                kind, opening = KIND_OF[tag]
                if kind in _PROTECT:
                    depth += 1 if opening else -1
            elif tag in "!?:":
                st["punct"] = True
        s = segs[i]
        if not s:
            continue
        if depth <= 0:
            following = segs[i + 1] if i == 0 and len(segs) > 1 else ""
            segs[i] = _CASES[case](s, i, st, turkic, following)
        elif s.strip():
            st["last"] = None
        if s.strip():
            st["first"] = False
            st["punct"] = False
    last = st["last"]
    if case == "title" and last is not None:
        i, j = last
        words = _WORDS.split(segs[i])
        w = words[j]
        if len(w) > 1 and _lower(w, turkic) in STOP_WORDS:
            words[j] = _capitalise(w, turkic)
            segs[i] = "".join(words)
    return "".join(segs)


def _each(fn):
    def apply(s: str, i: int, st: dict, turkic: bool, following: str) -> str:
        words = _WORDS.split(s)
        for j in range(0, len(words), 2):
            if words[j]:
                words[j] = fn(words[j], i, j, st, turkic, following, j == len(words) - 1)
        return "".join(words)
    return apply


def _title(w: str, i: int, j: int, st: dict, turkic: bool, following: str, at_end: bool) -> str:
    # citeproc-js cuts "d'une" at the apostrophe: only the head ("d") is judged, the rest keeps
    # its case ("d'une", "l'effet" stay; "it's" -> "It's")
    head = _APOS.split(w, 1)[0] or w
    low = _lower(head, turkic)
    cap = ((len(head) > 1 and low not in STOP_WORDS) or st["first"] or st["punct"]
           or (at_end and following == "-"))
    if cap and head == low:
        w = _capitalise(w, turkic)
    st["first"] = st["punct"] = False
    st["last"] = (i, j)
    return w


def _sentence(w: str, i: int, j: int, st: dict, turkic: bool, following: str, at_end: bool) -> str:
    if st["first"]:
        st["first"] = False
        return _capitalise(w, turkic)
    return _lower(w, turkic)


def _cap_first(w: str, i: int, j: int, st: dict, turkic: bool, following: str, at_end: bool) -> str:
    if st["first"]:
        st["first"] = False
        if w == _lower(w, turkic):
            return _capitalise(w, turkic)
    return w


def _cap_all(w: str, i: int, j: int, st: dict, turkic: bool, following: str, at_end: bool) -> str:
    return _capitalise(w, turkic) if w == _lower(w, turkic) else w


_CASES = {
    "title": _each(_title),
    "sentence": _each(_sentence),
    "capitalize-first": _each(_cap_first),
    "capitalize-all": _each(_cap_all),
    "lowercase": _each(lambda w, i, j, st, t, f, e: _lower(w, t)),
    "uppercase": _each(lambda w, i, j, st, t, f, e: _upper(w, t)),
}
