"""A fast path for bibtexparser's ``Splitter``: the same blocks for clean files, or ``None``.

``split(text)`` returns a ``bibtexparser.Library`` holding exactly the blocks that
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


def split(text: str) -> Library | None:
    lines = _escaped_lines if "\\\n" in text else _plain_lines
    library = Library()
    pos = 0
    line = 0
    find_block = _BLOCK_START.search
    while True:
        m = find_block(text, pos)
        if m is None:
            return library
        line += lines(text, pos, m.start())
        kind = m.group(0).lower()
        start = m.end()
        if text[start] != "{" or kind.startswith("@preamble"):
            return None
        if kind.startswith("@comment"):
            c = _COMMENT.match(text, start)
            if c is None or _LINE_START_BLOCK.search(c.group(0)):
                return None
            block = ExplicitComment(start_line=line, comment=c.group(0)[1:-1].strip(),
                                    raw=text[m.start():c.end()])
            end = c.end()
        elif kind.startswith("@string"):
            s = _STRING.match(text, start)
            if s is None or "@" in s.group(0) and _LINE_START_BLOCK.search(s.group(0)):
                return None
            block = String(start_line=line, key=s.group(1), value=s.group(2),
                           raw=text[m.start():s.end()])
            end = s.end()
        else:
            entry = _entry(text, m, line, lines)
            if entry is None:
                return None
            block, end = entry
        library.add(block, fail_on_duplicate_key=False)
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
        entry = Entry(start_line=line, entry_type=m.group(0)[1:].strip().lower(),
                      key=empty.group(1).strip(), fields=[], raw=text[m.start():empty.end()])
        return entry, empty.end()
    fields: list[Field] = []
    keys: set[str] = set()
    duplicates: set[str] = set()
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
        key, value = f.group(1), f.group(3)
        if "@" in value and _LINE_START_BLOCK.search(value):
            return None
        equals = f.start(2)
        field_line += lines(text, counted, equals)  # bibtexparser: the line of the "="
        counted = equals
        fields.append(Field(start_line=field_line, key=key, value=value))
        if key in keys:
            duplicates.add(key)
        keys.add(key)
        pos = f.end()
        if f.group(4) == "}":
            end = pos
            break
    entry = Entry(start_line=line, entry_type=m.group(0)[1:].strip().lower(),
                  key=head.group(1).strip(), fields=fields)  # no raw copy: the reader never needs it
    if duplicates:
        return DuplicateFieldKeyBlock(duplicate_keys=duplicates, entry=entry), end
    return entry, end
