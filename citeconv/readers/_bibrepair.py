"""Repairs for BibTeX entries bibtexparser cannot split, when the defect loses nothing.

Contract
- ``repair(text) -> (text, [(line, fixes)])``: the file's text with the defects below mended in
  every entry (newlines kept, so line numbers stay right), and per mended entry its 1-based line
  and what was mended, for the reader's warnings. The reader uses it only when bibtexparser
  failed on some entry, and keeps the result only if fewer entries fail.
- An entry with no key (``@article{`` then ``author = ...``; JabRef and PubMed exports) gets
  an empty key, which the writer replaces by a generated one.
- An empty field slot (``title = {A},  , year = 2012``: two commas with only spaces between
  them, outside any value) is dropped.
What is not mended: unbalanced braces or quotes, a field without ``=`` — those entries are
reported and skipped, as before.
- ``requote(text)``: a ``"quoted"`` value holding a ``"`` inside braces (``"Simon {"}the
  {saint"} Templar"``, German ``"M{"u}ller"``) is valid BibTeX (braces nest inside quotes),
  but bibtexparser ends the value at that ``"``; such a value is given braces instead of quotes
  (the same value to bibtex and biber). Every other character stays where it was.
- ``uncomment_entries(text) -> (text, [(line, head)])``: an entry commented out with ``%``
  (``%@article{key,`` then ``%``-lines) is a comment to biber; bibtexparser would still start
  an entry at its ``@``. That ``@`` becomes a space (nothing else moves) and each such line is
  returned for the reader's warning.
"""
from __future__ import annotations

import re

__all__ = ["repair", "requote", "QUOTE_IN_BRACES", "MAY_REQUOTE"]

#: a brace group with a bare " in it: the sign that ``requote`` may have work
QUOTE_IN_BRACES = re.compile(r'\{[^{}"\\]*"[^{}\\]*\}')

_ATOM = r'[^{}"\\]++|\\[\s\S]'  # characters, or a backslash and the one it escapes
_G1 = rf"\{{(?:{_ATOM})*+\}}"
_G2 = rf"\{{(?:{_ATOM}|{_G1})*+\}}"
_G3 = rf"\{{(?:{_ATOM}|{_G2})*+\}}"
#: a quoted value whose first brace group that is not quote-free (to three levels) holds a "
#: or deeper braces: ``requote`` changes nothing in a text without one (it swaps the quotes
#: of a value with a " inside braces), and this is one C-speed search where ``requote`` walks
#: every entry in Python (seconds on a 60,000-entry file of quoted values)
MAY_REQUOTE = re.compile(rf'"(?:[^"\\{{}}]++|\\[\s\S]|{_G3})*+\{{(?:{_ATOM}|{_G2})*+["{{]')


_ENTRY = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*\{", re.MULTILINE)
_NO_KEY = re.compile(r"(?=\s*[^\s{}\",=#()]+\s*=)")
_NOT_ENTRIES = frozenset({"string", "preamble", "comment"})


def _mend_entry(text: str, start: int, n: int) -> tuple[str, int, list[str]]:
    """The entry whose ``{`` is at ``start - 1`` mended, up to its closing brace or ``n`` (where
    the next entry starts, as bibtexparser splits): (text, end, fixes)."""
    fixes = []
    out = []
    if _NO_KEY.match(text, start):
        out.append(",")
        fixes.append("it has no key (one is generated)")
    depth, quoted, i = 1, False, start
    while i < n and depth:
        c = text[i]
        if c == "\\":
            out.append(text[i:i + 2])
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == '"' and depth == 1:
            quoted = not quoted
        elif c == "," and depth == 1 and not quoted:
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] == ",":
                out.append(text[i + 1:j])  # keep the spaces (and newlines), drop the comma
                if not fixes or not fixes[-1].startswith("an empty"):
                    fixes.append("an empty field slot (', ,') was skipped")
                i = j
                continue
        out.append(c)
        i += 1
    return "".join(out), i, fixes


def repair(text: str) -> tuple[str, list[tuple[int, list[str]]]]:
    """``text`` with every entry mended, and (1-based line, fixes) per mended entry."""
    out, done, pos = [], [], 0
    heads = list(_ENTRY.finditer(text))
    for k, m in enumerate(heads):
        if m.start() < pos or m.group(1).lower() in _NOT_ENTRIES:
            continue
        bound = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        mended, end, fixes = _mend_entry(text, m.end(), bound)
        if fixes:
            out += [text[pos:m.end()], mended]
            pos = end
            done.append((text.count("\n", 0, m.start()) + 1, fixes))
    out.append(text[pos:])
    return "".join(out), done

_ESCAPED_BRACE = re.compile(r"\\[{}]")


def requote(text: str) -> str:
    """``text`` with each quoted value that holds a ``"`` inside braces braced instead."""
    swaps: list[int] = []  # positions of the quotes to replace, in pairs
    for m in _ENTRY.finditer(text):
        if m.group(1).lower() in ("comment", "preamble"):
            continue
        depth, i, n = 1, m.end(), len(text)
        while i < n and depth:
            c = text[i]
            if c == "\\":
                i += 2
                continue
            if c == "@" and _at_line_start(text, i):
                break  # the next entry starts: this one does not close
            depth += (c == "{") - (c == "}")
            if c == '"' and depth == 1:
                end, inner_quote = _quoted_end(text, i + 1)
                if end < 0:
                    break
                if inner_quote and not _ESCAPED_BRACE.search(text, i, end):
                    swaps += [i, end]  # (bibtexparser counts \{ as no brace: left alone)
                i = end
            i += 1
    if not swaps:
        return text
    out, pos = [], 0
    for k, at in enumerate(swaps):
        out += [text[pos:at], "{" if k % 2 == 0 else "}"]
        pos = at + 1
    out.append(text[pos:])
    return "".join(out)


def _at_line_start(text: str, i: int) -> bool:
    return text[text.rfind("\n", 0, i) + 1:i].strip() == ""


def _quoted_end(text: str, i: int) -> tuple[int, bool]:
    """Where the quoted value starting at ``i`` ends (its closing ``"`` at brace level 0, or -1
    when it does not close before a line that starts an entry, or closes a brace it did not
    open) and whether a ``"`` sits inside braces in it."""
    depth, inner = 0, False
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth < 0:
                return -1, False
        elif c == '"':
            if depth == 0:
                return i, inner
            inner = True
        elif c == "@" and _at_line_start(text, i):
            return -1, False
        i += 1
    return -1, False


_PERCENT_AT = re.compile(r"%[^\n@]*@")
_COMMENTED_ENTRY = re.compile(r"^([ \t]*%[^\n@]*)@(?=[ \t]*(\w+)[ \t]*[{(])", re.MULTILINE)


def uncomment_entries(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with the ``@`` of each ``%``-commented entry head blanked, and (1-based line,
    the head as written) per such entry."""
    found: list[tuple[int, str]] = []
    if not _PERCENT_AT.search(text):  # (every match holds one: a search led by the literal %)
        return text, found

    def blank(m: re.Match[str]) -> str:
        line = text.count("\n", 0, m.start()) + 1
        found.append((line, text[m.start():text.find("\n", m.start()) % (len(text) + 1)]))
        return m.group(1) + " "

    return _COMMENTED_ENTRY.sub(blank, text), found
