r"""TeX math through a CSL engine untouched, so rendered LaTeX prints it as math (issue 9).

Contract
- ``hide(text)``: every kept-math span of CSL rich text (``<span class="nocase">$...$</span>``,
  as ``citeconv.latex.decode`` writes it) keeps its nocase span, but the ``$...$`` inside becomes
  ``OPEN + shifted + CLOSE``: ``OPEN``/``CLOSE`` are private-use code points U+10FF0E/U+10FF0F
  and each ASCII character of the math is moved to U+F0000 + its code, so no engine step (quote
  smartening, text-case, punctuation fixes, escaping) can change it. ``hide_item`` does it for
  every string of a CSL-JSON item.
- ``reveal(text, keep)``: the inverse for every finished format. With ``keep`` (LaTeX), each
  marked math that ``latex.safe_math`` accepts becomes a placeholder (U+10FF10) and the list of
  the math texts is returned, for the caller to put back after escaping; other math (forged, or
  not safe) and every math without ``keep`` is plain text again (``$\alpha$`` in text and HTML).
  Markers left unpaired are dropped.
"""
from __future__ import annotations

import re
from typing import Any

OPEN, CLOSE, SLOT = chr(0x10FF0E), chr(0x10FF0F), chr(0x10FF10)
_SHIFT = 0xF0000
_KEPT = re.compile(r'<span class="nocase">(\$[^$<>]+\$)</span>')
_MARKED = re.compile(f"{OPEN}([^{OPEN}{CLOSE}]*){CLOSE}")
_SHIFTED = re.compile("[\U000F0000-\U000F007F]")


def _shift(math: str) -> str:
    return "".join(chr(_SHIFT + ord(c)) if ord(c) < 128 else c for c in math)


def _unshift(text: str) -> str:
    return _SHIFTED.sub(lambda m: chr(ord(m.group(0)) - _SHIFT), text)


def hide(text: str) -> str:
    if "$</span>" not in text:
        return text
    from ..latex import safe_math
    return _KEPT.sub(lambda m: f'<span class="nocase">{OPEN}{_shift(m.group(1))}{CLOSE}</span>'
                     if safe_math(m.group(1)[1:-1]) else m.group(0), text)


def hide_item(item: dict[str, Any]) -> dict[str, Any]:
    if not any(isinstance(v, str) and "$</span>" in v for v in item.values()):
        return item
    return {k: hide(v) if isinstance(v, str) else v for k, v in item.items()}


def reveal(text: str, keep: bool = False) -> tuple[str, list[str]]:
    if OPEN not in text and CLOSE not in text:
        return text, []
    kept: list[str] = []

    def one(m: re.Match[str]) -> str:
        math = _unshift(m.group(1))
        if keep and len(math) > 2 and math[0] == math[-1] == "$":
            from ..latex import safe_math
            if safe_math(math[1:-1]):
                kept.append(math)
                return SLOT
        return math

    text = _MARKED.sub(one, text.replace(SLOT, ""))
    return text.replace(OPEN, "").replace(CLOSE, ""), kept


def put_back(text: str, kept: list[str]) -> str:
    """The placeholders of ``reveal(..., keep=True)`` replaced by their math, in order."""
    if not kept:
        return text
    pieces = text.split(SLOT)
    out = [pieces[0]]
    for i, piece in enumerate(pieces[1:]):
        out.append((kept[i] if i < len(kept) else "") + piece)
    return "".join(out)
