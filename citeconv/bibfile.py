"""A .bib file as text with positions: where each block and field starts and ends.

Contract
- ``scan(text)`` returns ``Block``s in file order: entries, ``@string``, ``@preamble``,
  ``@comment`` and ``broken`` blocks (unbalanced braces, no key), each with its ``start``/``end``
  offsets and 1-based ``line``. Text between blocks is not a block: it stays where it is.
- An entry's ``fields`` are ``RawField(name, value, start, end, line)``: ``value`` is the raw
  value text (``{…}``, ``"…"``, ``macro # {…}``), ``start``/``end`` span the value only.
- Nothing is decoded here: update and check edit the file by splicing text at these offsets, so
  everything they do not touch (comments, macros, layout, unknown fields) stays byte for byte.
- ``splice(text, edits)`` applies ``(start, end, replacement)`` edits (non-overlapping).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_AT = re.compile(r"@\s*([A-Za-z][\w-]*)\s*([{(])")
_NAME = re.compile(r"[^\s=,{}()\"#%]+")
_WORD = re.compile(r"[^\s,{}\"#()=]+")


@dataclass(frozen=True, slots=True)
class RawField:
    name: str
    value: str
    start: int
    end: int
    line: int


@dataclass(frozen=True, slots=True)
class Block:
    kind: str            # entry type lower-cased, 'string', 'preamble', 'comment' or 'broken'
    key: str
    start: int
    end: int
    line: int
    fields: tuple[RawField, ...] = ()
    problem: str = ""    # for broken blocks: what is wrong

    def field(self, name: str) -> RawField | None:
        for f in self.fields:
            if f.name.lower() == name:
                return f
        return None


def _line_at(text: str, pos: int, cache: list[int]) -> int:
    """1-based line of ``pos`` (``cache`` holds [last_pos, last_line] for forward scans)."""
    last_pos, last_line = cache
    if pos < last_pos:
        last_pos, last_line = 0, 1
    line = last_line + text.count("\n", last_pos, pos)
    cache[:] = [pos, line]
    return line


def _balanced(text: str, pos: int, close: str) -> int:
    """Index just after the delimiter closing the group opened at ``pos``, or -1. Braces count
    everywhere, as in BibTeX; an ``@`` that starts a line between fields means the group never
    closed (the next entry begins)."""
    depth = 1 if close == "}" else 0
    for m in _DELIMS.finditer(text, pos + 1):
        ch = m.group()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and close == "}":
                return m.end()
            if depth < 0:
                return -1
        elif ch == ")":
            if depth == 0:
                return m.end()
        elif depth == (1 if close == "}" else 0) and _starts_line(text, m.start()) \
                and _AT.match(text, m.start()):
            return -1
    return -1


_DELIMS = re.compile(r"[{}()@]")


def _starts_line(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def _value_end(text: str, pos: int) -> int:
    """End of a field value starting at ``pos`` (pieces joined by ``#``), or -1."""
    while True:
        if pos >= len(text):
            return -1
        ch = text[pos]
        if ch == "{":
            pos = _balanced(text, pos, "}")
        elif ch == '"':
            depth, i = 0, pos + 1
            while i < len(text) and not (text[i] == '"' and depth == 0):
                depth += (text[i] == "{") - (text[i] == "}")
                i += 1
            pos = i + 1 if i < len(text) else -1
        else:
            m = _WORD.match(text, pos)
            pos = m.end() if m else -1
        if pos < 0:
            return -1
        m = re.compile(r"\s*#\s*").match(text, pos)
        if not m:
            return pos
        pos = m.end()


def _fields(text: str, pos: int, end: int, lines: list[int]) -> tuple[list[RawField], str]:
    out = []
    while True:
        m = re.compile(r"(?:\s|,|%[^\n]*)*").match(text, pos)
        pos = m.end() if m else pos
        if pos >= end - 1:
            return out, ""
        name = _NAME.match(text, pos)
        eq = re.compile(r"\s*=\s*").match(text, name.end()) if name else None
        if not name or not eq:
            return out, f"expected 'field = value' at line {_line_at(text, pos, lines)}"
        vstart = eq.end()
        vend = _value_end(text, vstart)
        if vend < 0 or vend > end:
            return out, f"the value of {name.group(0)} does not end"
        out.append(RawField(name.group(0), text[vstart:vend], vstart, vend,
                            _line_at(text, vstart, lines)))
        pos = vend


def scan(text: str) -> list[Block]:
    blocks: list[Block] = []
    lines = [0, 1]
    pos = 0
    while True:
        m = _AT.search(text, pos)
        if not m:
            return blocks
        kind, start, line = m.group(1).lower(), m.start(), _line_at(text, m.start(), lines)
        close = ")" if m.group(2) == "(" else "}"
        end = _balanced(text, m.end() - 1, close)
        if end < 0:
            nxt = re.compile(r"^[ \t]*@", re.MULTILINE).search(text, m.end())
            end = nxt.start() if nxt else len(text)
            blocks.append(Block("broken", _head_key(text, m.end()), start, end, line,
                                problem=f"@{m.group(1)} block: braces do not balance"))
            pos = end
            continue
        if kind in ("comment", "preamble"):
            blocks.append(Block(kind, "", start, end, line))
        elif kind == "string":
            fields, _ = _fields(text, m.end(), end, lines)
            blocks.append(Block(kind, fields[0].name if fields else "", start, end, line,
                                tuple(fields)))
        else:
            key_m = re.compile(r"\s*([^\s,{}()\"=]*)\s*,").match(text, m.end())
            if not key_m:
                blocks.append(Block("broken", "", start, end, line,
                                    problem=f"@{m.group(1)} entry without a key"))
            else:
                fields, problem = _fields(text, key_m.end(), end, lines)
                blocks.append(Block("broken" if problem else kind, key_m.group(1), start, end,
                                    line, tuple(fields), problem))
        pos = end


def _head_key(text: str, pos: int) -> str:
    m = re.compile(r"\s*([^\s,{}()\"=]*)\s*,").match(text, pos)
    return m.group(1) if m else ""


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)
