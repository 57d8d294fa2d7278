"""BibTeX/biblatex -> records. bibtexparser 2.x splits the file; everything else is ours.

Contract
- Every entry becomes a ``Record`` whose ``id`` is the entry key; ``@string`` macros (and the
  month macros ``jan``…``dec``) are expanded, ``#`` concatenation is honoured, ``crossref``
  fields are inherited (biblatex rules: the parent's ``title`` is the child's ``booktitle``).
- Fields are mapped by ``citeconv.mapping``; a field with no CSL home is kept in ``extra``
  (decoded, except verbatim fields such as ``file``); a second field for an already-filled
  variable (``journal`` and ``journaltitle``) is kept in ``extra`` too. Nothing is dropped silently.
- A block that does not parse, an undefined macro, an unknown LaTeX command, a duplicate key: each
  is a ``Diagnostic`` with its 1-based line; the rest of the file converts.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from typing import NamedTuple

from bibtexparser.model import (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry,
                                ExplicitComment, ParsingFailedBlock, Preamble, String)
from bibtexparser.splitter import Splitter

from .. import mapping, texpass
from . import _bibrepair, _bibsplit
from ._bibentry import _COMMA, _warn, convert_entry, resolve_value
from ._bibsplit import RawComment, RawEntry, RawString
from ..model import Diagnostic, ReadResult, Severity, Source

NAME = "bibtex"
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False  # its failures reach users as Diagnostics
_ENTRY_RE = re.compile(r"^\s*@\s*([a-zA-Z]+)\s*[{(]", re.MULTILINE)


#: an entry of any type, ``@anytype{key,`` then a ``field =``: BibTeX whatever the type's name
_UNKNOWN_ENTRY_RE = re.compile(r"^\s*@\s*[a-zA-Z]+\s*[{(]\s*[^\s,{}()=\"#%']+\s*,\s*\n?\s*"
                               r"[a-zA-Z][\w.:+-]*\s*=", re.MULTILINE)


def detect(text: str) -> float:
    types = [m.group(1).lower() for m in _ENTRY_RE.finditer(text[:200_000])]
    known = sum(t in mapping.TYPE_TO_CSL or t in ("string", "preamble", "comment") for t in types)
    if not known:  # only types we do not know (@softwareversion): still BibTeX if entry-shaped
        return 0.9 if types and _UNKNOWN_ENTRY_RE.search(text[:200_000]) else 0.0
    return 0.95 if known >= 1 and "=" in text else 0.5


# ------------------------------------------------------------------ reading
def read(text: str, rebrace: bool = True, filename: str = "") -> ReadResult:
    """``rebrace=False`` keeps every brace group of a title as a nocase span, also those the
    writer would add back (for output written with ``protect=False``: ``--no-protect``).
    ``filename``: records' ``Source`` says it (and this layout), as ``api.read`` would set it."""
    if _bibrepair.QUOTE_IN_BRACES.search(text):  # "M{"u}ller": braces, as BibTeX reads it
        text = _bibrepair.requote(text)
    commented: list[tuple[int, str]] = []
    if "%" in text:  # %@article{old, ...: commented out, as biber reads it
        text, commented = _bibrepair.uncomment_entries(text)
    blocks = _bibsplit.blocks(text)  # the same blocks, faster, for files it can vouch for
    if blocks is None:
        try:
            blocks = _light(Splitter(text).split().blocks)
        except Exception as err:  # bibtexparser's "please report this bug" states  # noqa: BLE001
            return ReadResult(diagnostics=(Diagnostic(
                "bibtex.syntax", f"the file could not be split into entries ({err}); nothing "
                "read", line=1, severity=Severity.ERROR),), layout=NAME)
    blocks, mended = _mend(text, blocks)
    macros: dict[str, str] = {}
    raw_entries: list[tuple[_Head, dict[str, tuple[str, int]]]] = []
    diagnostics: list[Diagnostic] = mended + [
        _warn("bibtex.commented-entry", f"commented-out entry not read (biber does not read "
              f"it): {head.strip()[:60]!r}", line) for line, head in commented]
    preambles: list[str] = []
    comments: list[str] = []
    strings: list[str] = []  # as written, for a file of macros only (an abbreviations file)
    for block in blocks:
        if type(block) is RawEntry:
            raw_entries.append((_Head(block.entry_type, block.key, block.start_line),
                                _raw_fields(block, diagnostics)))
        elif isinstance(block, RawString):  # defined twice: the last definition wins, as in
            value, problems = resolve_value(block.value, macros)  # bibtex and biber
            macros[block.key.lower()] = value
            strings.append(f"@string{{{block.key} = {block.value.strip()}}}")
            diagnostics += [_warn("bibtex.macro", p, block.start_line + 1) for p in problems]
        elif isinstance(block, RawComment):  # JabRef's groups and settings live here
            comments.append(f"@comment{{{block.comment}}}")
        elif isinstance(block, Preamble):
            preambles.append(f"@preamble{{{block.value}}}")
        elif isinstance(block, ParsingFailedBlock):
            diagnostics.append(_failed(block, (block.start_line or 0) + 1))
    del blocks  # memory: the raw blocks are not needed any more
    _inherit_crossrefs(raw_entries, diagnostics)
    xdata = [e for e in raw_entries if e[0].entry_type.lower() == "xdata"]
    if xdata:
        raw_entries = [e for e in raw_entries if e[0].entry_type.lower() != "xdata"]
        diagnostics += [_warn("bibtex.xdata", f"@xdata {e.key!r} merged into the entries that "
                              "use it (biblatex never prints it)", e.start_line + 1)
                        for e, _ in xdata]
    records = []
    for i, (entry, fields) in enumerate(raw_entries):
        raw_entries[i] = None  # type: ignore[call-overload]  # freed as we go (big files)
        source = Source(filename, (entry.start_line or 0) + 1, NAME) if filename else \
            Source(line=(entry.start_line or 0) + 1)
        record, problems = convert_entry(entry.entry_type.lower(), entry.key, fields, macros,
                                         rebrace, source)
        records.append(record)
        if problems:  # a problem with no line of its own is the entry's
            diagnostics += [p if p.line else dataclasses.replace(p, line=entry.start_line + 1)
                            for p in problems]
    diagnostics = texpass.report_once(diagnostics, texpass.definitions(
        "\n".join(preambles)).names())
    metadata = {k: v for k, v in (("preamble", "\n".join(preambles)),
                                  ("comments", "\n".join(comments)),
                                  ("strings", "" if records else "\n".join(strings))) if v}
    return ReadResult(records=tuple(records), diagnostics=tuple(diagnostics), layout=NAME,
                      metadata=metadata)


class _Head(NamedTuple):
    """What the reader keeps of a bibtexparser Entry besides its fields."""

    entry_type: str
    key: str
    start_line: int


def _light(library_blocks: list) -> list:  # type: ignore[type-arg]
    """bibtexparser's blocks (the slow path) as ``_bibsplit``'s light ones; a preamble and a
    block that failed to parse stay as they are. A duplicate key changes nothing here."""
    out: list = []  # type: ignore[type-arg]
    for block in library_blocks:
        line = block.start_line or 0
        if isinstance(block, (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock)):
            block = block.ignore_error_block  # the line stays the wrapper's, as it was
        if isinstance(block, String):
            out.append(RawString(block.key, block.value, line))
        elif isinstance(block, Entry):
            out.append(RawEntry(block.entry_type, block.key, block.start_line or 0,
                                [(f.key, f.value, f.start_line) for f in block.fields]))
        elif isinstance(block, ExplicitComment):
            out.append(RawComment(block.comment, line))
        elif isinstance(block, (Preamble, ParsingFailedBlock)):
            out.append(block)
    return out


def _raw_fields(entry: RawEntry, diagnostics: list[Diagnostic]) -> dict[str, tuple[str, int]]:
    """Field name (lower case) -> (raw value, line). As in BibTeX, the first of two fields with
    the same name (in any case) wins; the other is reported, not silently dropped."""
    fields: dict[str, tuple[str, int]] = {}
    for key, value, start_line in entry.fields:
        name = key.lower()
        line = (start_line or entry.start_line or 0) + 1
        if "%" in name:  # bibtexparser glues comment lines inside an entry onto the field name
            name = _uncommented_name(entry.key, key, value, line, diagnostics)
            if not name:
                continue
        if name in fields:
            diagnostics.append(_warn("bibtex.duplicate-field", f"{entry.key}: second {key!r} "
                                     f"field ignored (the first one, line {fields[name][1]}, "
                                     "is kept)", line))
            continue
        fields[name] = (value, line)
    return fields


def _uncommented_name(key: str, name: str, value: str, line: int,
                      diagnostics: list[Diagnostic]) -> str:
    """The field name left once ``%`` comment lines are taken off ("" for a commented-out
    field). biber ignores such lines, so they are dropped, and each one is reported."""
    kept = []
    for offset, text in enumerate(name.split("\n")):
        text = text.strip()
        if text.startswith("%"):
            shown = f"{text} = {value}" if offset == name.count("\n") else text
            diagnostics.append(_warn("bibtex.comment", f"{key}: comment inside the entry not kept: "
                                     f"{shown[:60]!r}", line - name.count("\n") + offset))
        elif text:
            kept.append(text)
    return " ".join(kept).lower()


def _mend(text: str, blocks: list) -> tuple[list, list[Diagnostic]]:  # type: ignore[type-arg]
    """When some entry failed to parse: the blocks of the text ``_bibrepair`` mended, if fewer
    entries fail there, with a warning per mended entry; else ``blocks`` as they were."""
    failed = sum(isinstance(b, ParsingFailedBlock) for b in blocks)
    if not failed:
        return blocks, []
    fixed, done = _bibrepair.repair(text)
    if not done:
        return blocks, []
    try:
        again = _light(Splitter(fixed).split().blocks)
    except Exception:  # noqa: BLE001 - bibtexparser's internal states: keep the first reading
        return blocks, []
    still = {(b.start_line or 0) + 1 for b in again if isinstance(b, ParsingFailedBlock)}
    if len(still) >= failed:
        return blocks, []
    return again, [_warn("bibtex.repaired", f"entry read although {' and '.join(fixes)}", line)
                   for line, fixes in done if line not in still]  # the others: syntax errors


def _failed(block: ParsingFailedBlock, line: int) -> Diagnostic:
    reason = " ".join(str(block.error or "").split()) or "syntax error"
    reason = re.sub(r"^Parsing of `@\w+` block \(line \d+\) ", "", reason)
    first = (block.raw or "").strip().split("\n", 1)[0][:60]
    return Diagnostic("bibtex.syntax", f"entry skipped: {reason} (starts {first!r}); check "
                      "that braces and quotes balance", line=line, severity=Severity.ERROR,
                      raw=block.raw or "")


def _inherit_crossrefs(entries: list[tuple[_Head, dict[str, tuple[str, int]]]],
                       diagnostics: list[Diagnostic]) -> None:
    """crossref and biblatex xdata: children take the fields they lack from their parents.
    A crossref whose parent is not in the file is kept (written back) and reported; @xdata
    entries are data only (biblatex never prints them): they are removed once inherited."""
    by_key = {e.key.lower(): f for e, f in entries}
    xrefs = [fields.pop("xdata", ("", 0))[0] for _, fields in entries]  # xdata may chain: taken
    for (entry, fields), xref in zip(entries, xrefs):                     # off all entries first
        for key in _COMMA.split(xref.strip("{}\" ")) if xref else ():
            data = by_key.get(key.lower()) if key else None
            if data is not None and data is not fields:
                for name, value in data.items():
                    fields.setdefault(name, value)
            elif key:
                diagnostics.append(_warn("bibtex.xdata", f"{entry.key}: xdata entry {key!r} is "
                                         "not in the file; nothing inherited", entry.start_line + 1))
        raw_parent = fields.pop("crossref", ("", 0))
        parent_key = raw_parent[0].strip("{}\" ").lower()
        parent = by_key.get(parent_key) if parent_key else None  # "": no crossref (a keyless
        if parent_key and parent is None:                      # entry is no one's parent)
            parent_name = raw_parent[0].strip("{}\" ")
            fields["crossref"] = raw_parent  # kept: the parent may be in another .bib file
            diagnostics.append(_warn("bibtex.crossref", f"{entry.key}: crossref parent "
                                     f"{parent_name!r} is not in this file; the field is kept "
                                     "and nothing is inherited", raw_parent[1]))
        if not parent or parent is fields:
            continue
        for name, value in parent.items():
            target = name
            if name == "title" and entry.entry_type.lower() in ("inproceedings", "incollection",
                                                                "inbook", "bookinbook"):
                target = "booktitle"
            elif name in ("key", "ids", "crossref"):
                continue
            fields.setdefault(target, value)


__all__ = ["NAME", "detect", "read", "convert_entry", "resolve_value"]
