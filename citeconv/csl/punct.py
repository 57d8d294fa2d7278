"""Punctuation at the seams between pieces, and the punctuation rules of the final pass.

Contract
- ``merge(left, right) -> str`` is the pair of punctuation characters citeproc-js keeps when
  ``left`` ends a piece and ``right`` starts the next (both in ``.,;:!?``): one of a doubled
  mark; ``:;!?`` swallow a following ``.``; ``;!?`` swallow a following ``:``; ``!``/``?``
  replace a preceding ``:``/``;``; every other pair is kept (``.,`` ``,.`` ``:,`` ``?!``...).
- ``seam(left, right)`` concatenates two marker strings applying ``merge`` across closing/opening
  formatting markers (quote markers are not crossed: the final pass handles those) and dropping
  one of two spaces that meet.
- ``join(parts, delimiter)`` and ``affix(text, prefix, suffix)`` are built on ``seam``.
- ``in_quote(text, move)``: with ``move`` true (the locale's punctuation-in-quote) a run of
  ``.,!?`` right after a closing quote marker moves inside it (merging with what is there);
  then any two marks that meet across closing markers are merged. Returns the new string.
"""
from __future__ import annotations

import re

from .marks import CLOSE, CLOSERS, OPEN, OPENERS, RESET

__all__ = ["merge", "seam", "join", "affix", "in_quote", "PUNCT"]

PUNCT = ".,;:!?"
_QC = CLOSE["quote"]
_QCS = CLOSE["quote"] + CLOSE["quote-inner"]
_FMT_CLOSERS = "".join(c for c in CLOSERS if c not in _QCS)
_FMT_OPENERS = "".join(c for c in OPENERS if c not in (OPEN["quote"], OPEN["quote-inner"]))
_DISPLAY_CLOSERS = "".join(CLOSE[k] for k in ("block", "right-inline", "indent"))


def merge(left: str, right: str) -> str:
    if left == right:
        return left
    if right == "." and left in ":;!?":
        return left
    if right == ":" and left in ";!?":
        return left
    if right in "!?" and left in ":;":
        return right
    return left + right


def _last(s: str) -> int:
    i = len(s) - 1
    while i >= 0 and (s[i] in _FMT_CLOSERS or s[i] == RESET):
        i -= 1
    return i


def _first(s: str) -> int:
    i = 0
    while i < len(s) and s[i] in _FMT_OPENERS:
        i += 1
    return i if i < len(s) else -1


_LAST_SKIP = _FMT_CLOSERS + RESET


def seam(left: str, right: str) -> str:
    if not left:
        return right
    if not right:
        return left
    lc, rc = left[-1], right[0]  # most pieces end and start outside any marker
    li = _last(left) if lc in _LAST_SKIP else len(left) - 1
    ri = _first(right) if rc in _FMT_OPENERS else 0
    if li < 0 or ri < 0:
        return left + right
    lc, rc = left[li], right[ri]
    if lc in PUNCT and rc in PUNCT:
        m = merge(lc, rc)
        if m == lc:
            return left + right[:ri] + right[ri + 1:]
        if m == rc:
            return left[:li] + left[li + 1:] + right
    elif lc == " " and rc == " ":
        return left + right[:ri] + right[ri + 1:]
    return left + right


def join(parts: list[str], delimiter: str = "") -> str:
    out = ""
    for p in parts:
        if not p:
            continue
        if out:  # (a seam with a non-empty piece is never empty)
            if delimiter:
                out = seam(out, delimiter)
            out = seam(out, p)
        else:
            out = p
    return out


def affix(text: str, prefix: str | None, suffix: str | None) -> str:
    if not text:
        return ""
    if prefix:
        text = seam(prefix, text)
    if suffix:
        n = 0
        while n < len(text) and text[len(text) - 1 - n] in _DISPLAY_CLOSERS:
            n += 1  # a suffix goes inside a closing display block (citeproc-js)
        text = seam(text[:len(text) - n], suffix) + text[len(text) - n:] if n else seam(text, suffix)
    return text


_CL = "[" + re.escape(CLOSERS) + "]"
_MOVE = re.compile(f"([{_QCS}])(" + "[" + re.escape(_FMT_CLOSERS) + "]*)([.,!?]+)")
_MEET = re.compile(f"([{re.escape(PUNCT)}])({_CL}+)([{re.escape(PUNCT)}])")


def _move_once(text: str) -> str:
    m = _MOVE.search(text)
    while m:
        q = m.start()
        run = m.group(3)
        head = text[:q]
        i = _last(head)
        for ch in run:  # merge into the punctuation already inside, if it touches the quote
            if i >= 0 and head[i] in PUNCT:
                merged = merge(head[i], ch)
                head = head[:i] + merged + head[i + 1:]
                i += len(merged) - 1
            else:
                head = head + ch
                i = len(head) - 1
        text = head + m.group(1) + m.group(2) + text[m.end():]
        m = _MOVE.search(text, len(head) + 1)
    return text


def in_quote(text: str, move: bool) -> str:
    if move and (_QC in text or CLOSE["quote-inner"] in text):
        for _ in range(4):  # nested quotes: the run moves in one level per round
            new = _move_once(text)
            if new == text:
                break
            text = new
    if any(c in text for c in CLOSERS):
        text = _MEET.sub(_meet, text)
    return text


def _meet(m: re.Match[str]) -> str:
    left, closers, right = m.group(1), m.group(2), m.group(3)
    merged = merge(left, right)
    if merged == left:
        return left + closers
    if merged == right:
        return closers + right
    return m.group(0)
