"""CSL-JSON rich text in item strings (and in ``value=`` / cite affixes) → marker strings.

Contract (what citeproc-js's flip-flopper accepts, re-implemented)
- ``rich(text, quotes=(...)) -> str``: the tags ``<i> <em> <b> <strong> <sc> <sup> <sub>``,
  ``<span style="font-variant:small-caps;">``, ``<span class="nocase">`` and
  ``<span class="nodecor">`` become ``marks`` pairs (italic/bold/small caps as flip kinds, sup/sub
  as style kinds, nocase, nodecor) when they nest properly; a tag that does not is literal text.
- Quotes in the data become ``quote`` pairs (the final pass picks outer or inner marks by depth):
  ``"`` and ``'`` open at the start, after a space or an opening bracket, and close when they
  match the innermost open quote; ``“ ”``, ``‘ ’`` and the locale's own quote marks (``quotes``:
  the locale's open/close and open-inner/close-inner terms) pair the same way.
- A ``'`` (or ``’``) that does not pair is an apostrophe and is written ``’``; an unpaired ``"``
  stays as it is; an unclosed tag is literal text. A quote opened inside a tag and not closed
  before the tag closes stays the character it was (``<i>'t Hooft</i>`` keeps ``'``; citeproc-js).
- ``“``/the locale's open-quote start at the outer level, ``‘``/its open-inner-quote at the inner
  level; of the straight quotes the first form seen is outer, the other inner (citeproc-js);
  nested quotes alternate from there (``quote`` / ``quote-inner`` marker kinds).
- A closing quote followed in the same string by punctuation gets ``marks.SEAL`` after it: only
  punctuation from outside the string (affixes, delimiters) moves into quotes.
- A string with no ``<``, quote or apostrophe is returned unchanged (fast path).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .marks import CLOSE, OPEN, SEAL

__all__ = ["rich"]

_TAGS = {"<i>": ("flip-italic", "</i>"), "<em>": ("flip-italic", "</em>"),
         "<b>": ("flip-bold", "</b>"), "<strong>": ("flip-bold", "</strong>"),
         "<sc>": ("flip-smallcaps", "</sc>"), "<sup>": ("sup", "</sup>"),
         "<sub>": ("sub", "</sub>"),
         '<span style="font-variant:small-caps;">': ("flip-smallcaps", "</span>"),
         '<span class="nocase">': ("nocase", "</span>"),
         '<span class="nodecor">': ("nodecor", "</span>")}
_NORM = (re.compile(r'<span\s+style="\s*font-variant:\s*small-caps;?\s*"[^>]*>', re.I),
         '<span style="font-variant:small-caps;">')
_NORM2 = re.compile(r'<span\s+class="(no(?:case|decor))"[^>]*>', re.I)
_OPEN_AFTER = " \t\n([{\u00a0/-–—" + "".join(v for v in OPEN.values())


@lru_cache(maxsize=16)
def _tokenizer(quotes: tuple[str, ...]) -> re.Pattern[str]:
    marks = sorted({"\"", "'", "“", "”", "‘", "’", *[q.strip() for q in quotes if q.strip()]},
                   key=len, reverse=True)
    closers = sorted({c for _, c in _TAGS.values()}, key=len, reverse=True)
    alts = [re.escape(t) for t in _TAGS] + [re.escape(c) for c in closers]
    alts += [re.escape(m) for m in marks]
    return re.compile("|".join(alts), re.I)


def _quote_pairs(quotes: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """opener -> (closer, marker kind): outer marks default to outer, inner ones to inner."""
    pairs = {"“": ("”", "quote"), "‘": ("’", "quote-inner")}
    q = [x.strip() for x in quotes]
    for o, c, kind in ((q[0], q[1], "quote"), (q[2], q[3], "quote-inner")) if len(q) == 4 else ():
        if o and c and o not in "\"'" and o not in pairs:
            pairs[o] = (c, kind)
    return pairs


@lru_cache(maxsize=16)
def _special(quotes: tuple[str, ...]) -> re.Pattern[str]:
    """Any character that can start a tag, a quote or an apostrophe (the fast path's test)."""
    return re.compile("[%s]" % "".join(re.escape(c) for c in dict.fromkeys(
        "<\"'“‘’«" + "".join(quotes))))


def rich(text: str, quotes: tuple[str, ...] = ("“", "”", "‘", "’")) -> str:
    if not text or not _special(quotes).search(text):
        return text
    return _rich(text, quotes)


@lru_cache(maxsize=8192)  # a pure function of two immutable values (titles recur across renders)
def _rich(text: str, quotes: tuple[str, ...]) -> str:
    text = _NORM[0].sub(_NORM[1], text)
    text = _NORM2.sub(lambda m: f'<span class="{m.group(1).lower()}">', text)
    pairs = _quote_pairs(quotes)
    toks = list(_tokenizer(quotes).finditer(text))
    if not toks:
        return text
    out: list[str] = []       # pieces; paired openers/closers replaced at the end
    stack: list[tuple[str, str, int]] = []  # (kind, closer, index in out)
    straight: dict[str, str] = {}  # the first straight quote form seen is the outer one
    pos = open_end = 0
    for m in toks:
        out.append(text[pos:m.start()])
        pos = m.end()
        tok = m.group(0)
        low = tok.lower()
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else ""
        if low in _TAGS:
            kind, closer = _TAGS[low]
            stack.append((kind, closer, len(out)))
            out.append(tok)
            open_end = m.end()
            continue
        if low.startswith("</"):
            hit = next((i for i in range(len(stack) - 1, -1, -1)
                        if stack[i][1] == low and not stack[i][0].startswith("quote")), None)
            if hit is None:
                out.append(tok)
                continue
            # quotes opened inside the element and not closed there stay literal (citeproc-js)
            kind, _, at = stack[hit]
            del stack[hit:]
            out[at] = OPEN[kind]
            out.append(CLOSE[kind])
            continue
        # quotes and apostrophes
        top = stack[-1] if stack else None
        opener_pos = before in _OPEN_AFTER or before.isspace() or m.start() == open_end
        is_straight = tok in ("\"", "'")
        if (top and top[0].startswith("quote") and tok == top[1]
                and not (tok in "'’" and after.isalpha()) and not (is_straight and opener_pos)):
            stack.pop()
            out[top[2]] = OPEN[top[0]]
            out.append(CLOSE[top[0]] + (SEAL if after and after in ".,;:!?" else ""))
            continue
        if is_straight and opener_pos and after and not after.isspace():
            kind = straight.setdefault(tok, "quote" if not straight else "quote-inner")
            stack.append((kind, tok, len(out)))
            out.append(tok)
            open_end = m.end()
            continue
        if tok in pairs and (opener_pos or tok != "‘") and after and not after.isspace():
            stack.append((pairs[tok][1], pairs[tok][0], len(out)))
            out.append(tok)
            open_end = m.end()
            continue
        out.append("’" if tok in "'’" else tok)
    out.append(text[pos:])
    for kind, closer, at in stack:  # unclosed: literal (an opening ' is an apostrophe)
        if out[at] == "'":
            out[at] = "’"
    return "".join(out)
