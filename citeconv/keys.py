"""Citation keys: generated from a template, unique, and independent of input order.

Contract
- Default template ``{family}{year}{word}`` (``keyformat``): first author's family name, year,
  first significant title word, ASCII-folded, lower-case (``vaswani2017attention``); ``anon``
  when the template gives nothing.
- Keys a record already has (BibTeX keys, CSL-JSON ids) are kept; characters that would end a
  key or an entry in BibTeX become ``_`` (``safe_key``). Ids that are not usable as keys at all
  (a URI such as Zotero's ``http://zotero.org/users/1/items/ABCD``) are replaced by a generated
  key and kept in the ``ids`` field (biblatex's key aliases). Repeated ids get ``a``, ``b``… in
  input order (the first keeps its key, as bibtex would use it).
- Generated keys never take a key that is kept or ``reserved`` (``--update``: the keys already
  in the file). Records whose generated keys clash are ordered by content (date, then title, then
  the whole record), not by input order: the first gets the bare key, the others ``a``, ``b``…
  So the same records in any order get the same keys.
- Uniqueness is case-insensitive, because citeproc-py lower-cases ids.
"""
from __future__ import annotations

import json
import re
from typing import Iterable

from .keyformat import DEFAULT_FORMAT, KeyFormat, ascii_fold, compile_format
from .model import Date, Diagnostic, Record

__all__ = ["assign_keys", "assign_keys_reported", "base_key", "safe_key", "usable_key",
           "content_order", "ascii_fold", "DEFAULT_FORMAT"]


def base_key(record: Record, key_format: KeyFormat | str = DEFAULT_FORMAT) -> str:
    fmt = compile_format(key_format) if isinstance(key_format, str) else key_format
    return fmt.render(record) or "anon"


#: characters that end or split a citation key in BibTeX, bibtexparser and biber, or that TeX
#: would act on when the key reaches the .bbl (``\bibitem{key}``): ``%`` ``#`` ``~`` ``\\`` ``^^``
_KEY_UNSAFE = re.compile(r"[\s,{}()\"#%=\\~^]")
_URI = re.compile(r"^[a-z][a-z0-9+.\-]*://|^urn:", re.IGNORECASE)


def safe_key(key: str) -> str:
    """The id as a BibTeX key; characters that would end the key or the entry become ``_``."""
    return _KEY_UNSAFE.sub("_", key) or "_"


def usable_key(key: str) -> bool:
    """False for ids nobody would type in ``\\cite``: empty, or a URI."""
    return bool(key.strip()) and not _URI.match(key.strip())


def content_order(record: Record) -> tuple[object, ...]:
    """A total order on record content: date, title, then everything else."""
    issued = record.get("issued")
    parts = issued.parts[0] if isinstance(issued, Date) and issued.parts else ()
    date = tuple(parts) + (0,) * (3 - len(parts)) if parts else (10**6, 0, 0)
    data = record.to_csl()
    data.pop("id", None)
    return date, ascii_fold(str(record.get("title", ""))), json.dumps(data, sort_keys=True)


def assign_keys(records: Iterable[Record], key_format: KeyFormat | str = DEFAULT_FORMAT,
                reserved: Iterable[str] = ()) -> list[Record]:
    """Give each record without a usable id a key; make all ids unique case-insensitively."""
    return assign_keys_reported(records, key_format, reserved)[0]


def assign_keys_reported(records: Iterable[Record], key_format: KeyFormat | str = DEFAULT_FORMAT,
                         reserved: Iterable[str] = ()) -> tuple[list[Record], list[Diagnostic]]:
    """``assign_keys`` plus a warning for every id that had to change (duplicate, unsafe, URI)."""
    fmt = compile_format(key_format) if isinstance(key_format, str) else key_format
    records = list(records)
    taken = {k.lower() for k in reserved}
    out: list[Record | None] = [None] * len(records)
    next_suffix: dict[str, int] = {}  # stem -> suffixes below this are all taken (linear time)
    generate: dict[str, list[int]] = {}
    for i, record in enumerate(records):  # kept ids first, in input order
        if not usable_key(record.id):
            generate.setdefault(base_key(record, fmt).lower(), []).append(i)
            continue
        key = _free(safe_key(record.id.strip()), taken, next_suffix)
        out[i] = record if key == record.id else record.replace(id=key)
    for stem in sorted(generate):  # generated keys: clashes ordered by content
        group = sorted(generate[stem], key=lambda i: content_order(records[i]))
        for i in group:
            key = _free(base_key(records[i], fmt), taken, next_suffix)
            record = records[i]
            if record.id.strip():  # a URI: kept as an alias
                record = record.replace(extra={**record.extra, "ids": record.id.strip()})
            out[i] = record.replace(id=key)
    keyed = [r for r in out if r is not None]
    return keyed, _report(records, keyed)


def _free(key: str, taken: set[str], next_suffix: dict[str, int]) -> str:
    if key.lower() in taken:
        stem = key
        n = next_suffix.get(stem.lower(), 0)
        while key.lower() in taken:
            key = stem + _suffix(n)
            n += 1
        next_suffix[stem.lower()] = n
    taken.add(key.lower())
    return key


def _suffix(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, …"""
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(97 + rem) + letters
    return letters


def _report(records: list[Record], keyed: list[Record]) -> list[Diagnostic]:
    problems = []
    for old, new in zip(records, keyed):
        if not old.id or old.id == new.id:
            continue
        if not usable_key(old.id):
            code, message = "keys.unusable", (f"id {old.id!r} is not usable as a citation key; "
                                              f"key {new.id!r} generated (the id kept in 'ids')")
        elif safe_key(old.id) != old.id:
            code, message = "keys.unsafe", (f"key {old.id!r} has characters a BibTeX key cannot "
                                            f"hold; renamed {new.id!r}")
        else:
            code, message = "keys.duplicate", f"duplicate key {old.id!r} renamed {new.id!r}"
        problems.append(Diagnostic(code, message, line=old.source.line, file=old.source.file))
    return problems
