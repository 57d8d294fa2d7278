"""The private-use marker characters that carry formatting inside the engine's piece strings.

Contract
- A piece is a ``str``; formatting rides on pairs of private-use code points (case-less, not
  punctuation, not space, so ``str`` methods and text-case leave them alone).
- ``OPEN[kind]`` / ``CLOSE[kind]`` for every kind in ``KINDS``:
  * style decorations (``citeconv.render.formats`` markers, shared so its writers can be reused):
    italic, oblique, bold, underline, sup, sub, smallcaps;
  * explicit "normal" values from the style (``normal-style``, ``normal-weight``,
    ``normal-variant``, ``baseline``, ``no-decoration``): written only under an ancestor that set
    the same attribute (citeproc-js ``normalDecorIsOrphan``);
  * CSL-JSON rich text from item data (``flip-italic``, ``flip-bold``, ``flip-smallcaps``): they
    flip against the nearest ancestor setting the same attribute (italic inside italic is
    normal); ``nodecor`` resets font style, weight and variant; ``nocase`` protects text-case;
  * ``quote`` / ``quote-inner`` (a quote from the data that starts at the inner level):
    resolved by nesting depth to the locale's outer/inner quotes in the final pass;
  * display (``block``, ``left-margin``, ``right-inline``, ``indent``);
  * ``cap-first``: a term, capitalised in the final pass when nothing visible precedes it.
- ``SEAL`` (no pair): see ``richtext``; ``RESET`` (no pair): see ``output.cite_prefix``.
  ``ALL`` is every marker character; ``strip(text)`` removes them all. ``char_class(chars)``:
  a regex ``[...]`` body for exactly those characters, as code-point ranges (fast to test).
"""
from __future__ import annotations

import re
from types import MappingProxyType

from ..render.formats import _CLOSE as _FCLOSE, _OPEN as _FOPEN

__all__ = ["char_class", "KINDS", "OPEN", "CLOSE", "KIND_OF", "ALL", "SEAL", "RESET", "OPENERS", "CLOSERS",
           "strip", "pair"]

_OWN = ("flip-italic", "flip-bold", "flip-smallcaps", "nodecor", "nocase", "normal-style",
        "normal-weight", "normal-variant", "baseline", "no-decoration", "quote", "block",
        "left-margin", "right-inline", "indent", "quote-inner", "cap-first")
_O = dict(_FOPEN)
_C = dict(_FCLOSE)
for _i, _k in enumerate(_OWN):
    _O[_k] = chr(0x10FF20 + 2 * _i)
    _C[_k] = chr(0x10FF21 + 2 * _i)
_O["quote"], _C["quote"] = "\U0010FFF0", "\U0010FFF1"  # kept from the first engine version

KINDS = tuple(_O)
OPEN = MappingProxyType(_O)
CLOSE = MappingProxyType(_C)
KIND_OF = MappingProxyType({**{c: (k, True) for k, c in _O.items()},
                            **{c: (k, False) for k, c in _C.items()}})
OPENERS = "".join(_O.values())
CLOSERS = "".join(_C.values())
SEAL = "\U0010FFF2"  # stops punctuation from moving into a quote closed just before it
RESET = "\U0010FFF3"  # after a cite prefix ending a sentence: a term after it counts as first
NEWLINE = "\U0010FFF4"  # output.NEWLINE: a line break written in the style; not in ALL
ALL = OPENERS + CLOSERS + SEAL + RESET


def char_class(chars: str) -> str:
    """The body of a regex ``[...]`` matching exactly ``chars``, written as code-point ranges
    (the regex engine tests a few ranges fast; a long list of astral literals one by one)."""
    cps = sorted({ord(c) for c in chars})
    out, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        out.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "".join(out)


_ALL_RE = re.compile("[" + char_class(ALL) + "]")


def strip(text: str) -> str:
    return _ALL_RE.sub("", text)


def pair(kind: str, text: str) -> str:
    return OPEN[kind] + text + CLOSE[kind] if text else text
