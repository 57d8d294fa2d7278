"""Records -> CSL-JSON: a JSON array of ``Record.to_csl()`` objects, keys sorted, 2-space indent,
UTF-8 (no ASCII escapes), trailing newline. Deterministic, so re-reading and re-writing is a no-op.
Fields with no CSL home travel the way CSL-JSON consumers read them: the arXiv category in
``keyword`` and a ``note`` line, other fields as ``key: value`` note lines (``cslextra``). LaTeX passed through from BibTeX
(``citeconv.texpass``) is written as the text it prints.

The text is byte for byte ``json.dumps(items, ensure_ascii=False, indent=2, sort_keys=True)``,
made by ``dumps`` below: with ``indent`` the standard library leaves its C encoder for a Python
generator per token, which was most of the time of a big conversion. Strings still go through
the C string encoder; each record is serialised as soon as it is made (less memory held).
A record is serialised from its fields (``_record``) without building ``Record.to_csl()``'s
dicts: names and dates, which repeat across a file, are serialised once each (``_name``,
``_date``, cached by value), except a name of a family and a given part only, which is quicker
to write than to look up (``_person``); the text is the same (``tests/test_csljson_writer.py``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterable, Iterator

from .. import texpass
from ..cslextra import exported
from ..model import Date, Name, Record

NAME = "csl-json"
_string = json.encoder.encode_basestring  # the C function json.dumps uses for ensure_ascii=False
_TEX_IN_JSON = _string(texpass.TEX_OPEN)[1:-1]  # how a passed-through span shows in the JSON


def write(records: Iterable[Record], preamble: str = "", **_: object) -> str:
    """``preamble``: the BibTeX input's ``@preamble`` text; LaTeX commands passed through from
    BibTeX are written as the text they print (``texpass.readable``), with its definitions."""
    return "".join(chunks(records, preamble))


def chunks(records: Iterable[Record], preamble: str = "") -> Iterator[str]:
    """``write``'s text in pieces, one record at a time (the CLI streams them to the output, so
    the whole text of a big file is never held in memory)."""
    defs = None
    opening = "[\n  "
    for record in records:
        text = _record(record)
        if _TEX_IN_JSON in text:  # rare: found in the JSON text, one search per record
            defs = texpass.definitions(preamble) if defs is None else defs
            text = _value(texpass.readable_csl(record.to_csl(), defs), "\n    ")
        yield opening + text
        opening = ",\n  "
    yield "[]\n" if opening == "[\n  " else "\n]\n"


#: line breaks and indents of an item's members, of a list in it, and of that list's members
_ITEM, _LIST, _MEMBER = "\n    ", "\n      ", "\n        "


def _record(record: Record) -> str:
    """``_value(record.to_csl(), _ITEM)``, made from the record's fields as they are."""
    item: dict[str, Any] = {"id": record.id, "type": record.type}
    item.update(record.fields)  # Name tuples and Dates are serialised below, as to_csl makes them
    exported(item, record.extra)  # (it reads and sets text variables only)
    parts = []
    for key in sorted(item):
        value = item[key]
        kind = type(value)
        if kind is str:
            text = _string(value)
        elif kind is tuple and value:
            text = "[" + _LIST + ("," + _LIST).join(
                [_person(n) if type(n) is Name else _value(n.to_csl(), _MEMBER) for n in value]) \
                + _ITEM + "]"
        elif kind is Date:
            text = _date(value)
        else:  # what to_csl makes of anything else
            text = _value(value.to_csl() if isinstance(value, Date) else
                          [n.to_csl() for n in value] if isinstance(value, tuple) else value, _LIST)
        parts.append(_member(key) + text)
    return "{" + "".join(parts)[1:] + "\n  }"  # [1:]: the first member's comma


@lru_cache(maxsize=1024)
def _member(key: str) -> str:
    """What goes before a member's value: the comma after the one before, its line, its key."""
    return "," + _ITEM + _string(key) + ": "


def _person(name: Name) -> str:
    """``_name(name)``; a name with a family and a given part only (most names) is written
    directly, which is faster than hashing it to look it up."""
    if name.non_dropping_particle or name.dropping_particle or name.suffix or name.literal \
            or not name.family or not name.given:
        return _name(name)
    return f'{{{_MEMBER}"family": {_string(name.family)},{_MEMBER}"given": ' \
        f'{_string(name.given)}{_LIST}}}'


@lru_cache(maxsize=65536)  # names repeat across a file (the same authors, the same editors)
def _name(name: Name) -> str:
    return _value(name.to_csl(), _MEMBER)


@lru_cache(maxsize=4096)  # dates repeat even more
def _date(date: Date) -> str:
    return _value(date.to_csl(), _LIST)


def dumps(value: object) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`` for JSON values."""
    return _value(value, "\n  ")


def _value(value: object, newline: str) -> str:
    """``value`` as JSON; ``newline`` is the line break and indent of its members."""
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = newline + "  "
        parts = []
        for key in sorted(value):
            item = value[key]
            parts.append(_string(key) + ": " + (_string(item) if type(item) is str
                                                else _value(item, inner)))
        return "{" + newline + ("," + newline).join(parts) + newline[:-2] + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = newline + "  "
        return "[" + newline + ("," + newline).join(_value(v, inner) for v in value) \
            + newline[:-2] + "]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return json.dumps(value)  # NaN/Infinity as json spells them
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

