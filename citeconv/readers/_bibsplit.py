"""A fast path for bibtexparser's ``Splitter``: the same blocks for clean files, or ``None``.

``blocks(text)`` returns light tuples (``RawEntry``, ``RawString``, ``RawComment``) for the
reader; ``split(text)`` the same blocks as a ``bibtexparser.Library``, holding exactly those that
``Splitter(text).split()`` would produce (types, keys, raw field values, 0-based line numbers,
duplicate-key wrappers), or ``None`` as soon as the file holds anything it does not handle
with certainty: a block that would fail to parse, ``(``-delimited blocks, ``@preamble``,
braces nested deeper than three levels, an escaped brace inside quotes, an ``@`` that starts a
line inside a value. The caller then runs bibtexparser's own splitter on the whole file, so
the result never depends on which path ran (``tests/test_fuzz.py`` checks this on every input).

Why: bibtexparser's splitter visits every delimiter through several Python calls; here one
regular expression reads a whole field. The same semantics are kept: a character right after a
backslash is never a delimiter, quotes do not count braces, ``{"}`` does not end a quoted value,
and line numbers count newlines that are not escaped by a backslash, as bibtexparser counts them.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from bibtexparser.library import Library
from bibtexparser.model import DuplicateFieldKeyBlock, Entry, ExplicitComment, Field, String

_BLOCK_START = re.compile(r"@[\w]*( |\t)*(?=[{(])")
# a value piece: "quoted" (braces not counted, {"} does not close it), {braced} up to three
# levels deep, or a bare word (number or @string macro); pieces are joined by #
_ESC = r"\\++[^{}]"  # a backslash run escapes the next character; an escaped brace: give up
_Q = r'"(?:[^"\\{]++|\\++[^{]|\{"\}|\{)*+"'
_B0 = r"[^{}\\]++|" + _ESC
_B1 = r"\{(?:" + _B0 + r")*+\}"
_B2 = r"\{(?:" + _B0 + "|" + _B1 + r")*+\}"
_B3 = r"\{(?:" + _B0 + "|" + _B2 + r")*+\}"
_W = r"[^\s,{}\"#=@\\()]++"
_PIECE = f"(?:{_Q}|{_B3}|{_W})"
_VALUE = f"{_PIECE}(?:\\s*+#\\s*+{_PIECE})*+"
_KEY = r"[^\s{}\",=@\\#()]++"
_FIELD = re.compile(rf"\s*+({_KEY})\s*+(=)\s*+({_VALUE})\s*+([,}}])")
_ENTRY_HEAD = re.compile(r"\{([^{}\",=@\\()]*+),")
_EMPTY_ENTRY = re.compile(r"\{([^{}\",=@\\()]*+)\}")
_CLOSE = re.compile(r"\s*+\}")
_STRING = re.compile(rf"\{{\s*+({_KEY})\s*+=\s*+({_VALUE})\s*+\}}")
_COMMENT = re.compile(f"(?:{_B3})")
#: an @ that bibtexparser would take as a new block inside a value
_LINE_START_BLOCK = re.compile(r"\n[ \t\f\v\r]*+@[\w]*[ \t]*[{(]")


def _escaped_lines(text: str, start: int, end: int) -> int:
    """Newlines in text[start:end] that bibtexparser counts (not preceded by a backslash)."""
    return text.count("\n", start, end) - text.count("\\\n", max(start - 1, 0), end)


class RawEntry(NamedTuple):
    """An entry as read: lower-case type, key, 0-based line, ``(name, raw value, 0-based line)``
    per field in file order (duplicates included: the reader decides)."""

    entry_type: str
    key: str
    start_line: int
    fields: list[tuple[str, str, int]]


class RawString(NamedTuple):
    key: str
    value: str
    start_line: int


class RawComment(NamedTuple):
    comment: str
    start_line: int


def split(text: str) -> Library | None:
    """The blocks of ``blocks(text)`` as bibtexparser objects, in a ``Library`` (or None)."""
    found = blocks(text)
    if found is None:
        return None
    library = Library()
    for block in found:
        if isinstance(block, RawEntry):
            fields = [Field(start_line=line, key=k, value=v) for k, v, line in block.fields]
            entry = Entry(start_line=block.start_line, entry_type=block.entry_type, key=block.key,
                          fields=fields)
            keys = [k for k, _, _ in block.fields]
            duplicates = {k for k in keys if keys.count(k) > 1}
            library.add(DuplicateFieldKeyBlock(duplicate_keys=duplicates, entry=entry)
                        if duplicates else entry, fail_on_duplicate_key=False)
        elif isinstance(block, RawString):
            library.add(String(start_line=block.start_line, key=block.key, value=block.value),
                        fail_on_duplicate_key=False)
        else:
            library.add(ExplicitComment(start_line=block.start_line, comment=block.comment),
                        fail_on_duplicate_key=False)
    return library


def blocks(text: str) -> list[RawEntry | RawString | RawComment] | None:
    """Entries, @string and @comment blocks in file order, or None (see the module doc)."""
    lines = _escaped_lines if "\\\n" in text else _plain_lines
    found: list[RawEntry | RawString | RawComment] = []
    pos = 0
    line = 0
    find_block = _BLOCK_START.search
    while True:
        m = find_block(text, pos)
        if m is None:
            return found
        line += lines(text, pos, m.start())
        kind = m.group(0).lower()
        start = m.end()
        if text[start] != "{" or kind.startswith("@preamble"):
            return None
        if kind.startswith("@comment"):
            c = _COMMENT.match(text, start)
            if c is None or _LINE_START_BLOCK.search(c.group(0)):
                return None
            block: RawEntry | RawString | RawComment = RawComment(c.group(0)[1:-1].strip(), line)
            end = c.end()
        elif kind.startswith("@string"):
            s = _STRING.match(text, start)
            if s is None or "@" in s.group(0) and _LINE_START_BLOCK.search(s.group(0)):
                return None
            block = RawString(s.group(1), s.group(2), line)
            end = s.end()
        else:
            entry = _entry(text, m, line, lines)
            if entry is None:
                return None
            block, end = entry
        found.append(block)
        line += lines(text, m.start(), end)
        pos = end


def _plain_lines(text: str, start: int, end: int) -> int:
    return text.count("\n", start, end)


def _entry(text: str, m: re.Match[str], line: int, lines):  # type: ignore[no-untyped-def]
    start = m.end()
    head = _ENTRY_HEAD.match(text, start)
    if head is None:
        empty = _EMPTY_ENTRY.match(text, start)
        if empty is None:
            return None
        entry = RawEntry(m.group(0)[1:].strip().lower(), empty.group(1).strip(), line, [])
        return entry, empty.end()
    fields: list[tuple[str, str, int]] = []
    pos = head.end()
    field_line, counted = line, m.start()
    match_field = _FIELD.match
    while True:
        f = match_field(text, pos)
        if f is None:
            close = _CLOSE.match(text, pos)
            if close is None:
                return None
            end = close.end()
            break
        key, _, value, close = f.groups()  # one call: once per field of a big file
        if "@" in value and _LINE_START_BLOCK.search(value):
            return None
        equals = f.start(2)
        field_line += lines(text, counted, equals)  # bibtexparser: the line of the "="
        counted = equals
        fields.append((key, value, field_line))
        pos = f.end()
        if close == "}":
            end = pos
            break
    return RawEntry(m.group(0)[1:].strip().lower(), head.group(1).strip(), line, fields), end
