"""Records -> canonical BibTeX.

Contract (the canonical form; ``write(read(write(rs))) == write(rs)``)
- ``@type{key,`` with lower-case types, standard BibTeX types only; one field per line, two
  spaces of indent, ``name = {value}``, fields in ``mapping.FIELD_ORDER`` then extras sorted;
  a blank line between entries; ``month = jan`` macros; names ``von Last, Jr, First`` joined by
  `` and ``, organisations braced, "et al." as ``others``.
- Text is escaped by ``latex.encode`` (so it compiles under bibtex and biber whatever its source);
  title words plain BibTeX styles would wrongly lower-case are braced (the rule: ``casing``;
  ``protect=False`` adds none); ``ascii_only`` writes LaTeX accents.
- arXiv preprints (CSL ``article`` published by ``arXiv``) are ``@misc`` with ``eprint``,
  ``archiveprefix`` and ``primaryclass``, as arXiv's own export does.
- ``entry_fields(record)`` exposes the middle stage: ``(type, [(field, value)])``.
"""
from __future__ import annotations

import re
from types import MappingProxyType
from typing import Iterable, Mapping

from .. import latex, mapping
from ..model import Date, Record
from ..keys import safe_key
from ..names import format_bibtex_names

NAME = "bibtex"
_URL_UNSAFE = re.compile(r"[{}\\\s^]")  # ^^5c is a backslash to TeX


def _verbatim(value: str) -> str:
    """URLs and DOIs are written raw; characters that could break the file are %-encoded."""
    return _URL_UNSAFE.sub(lambda m: "%{:02X}".format(ord(m.group(0))), value)


def _verbatim_field(value: str) -> str:
    """Other verbatim fields (JabRef/Zotero ``file`` paths…) are byte for byte: spaces and
    JabRef's ``\\:``/``\\\\`` escapes are data there. What could break the file or run as
    LaTeX is %-encoded: braces that do not balance (they would end the value early or swallow
    the next entry), line breaks, a backslash that is not one of JabRef's escapes (``\\\\``,
    ``\\:``, ``\\;``), and ``^^`` (TeX's way of spelling any character)."""
    depth = 0
    for ch in value:
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            break
    if depth == 0 and "\n" not in value and not _UNSAFE_ESCAPE.search(value):
        return value
    braces = r"[{}\n]|" if depth != 0 or "\n" in value else ""
    return re.sub(braces + r"\\[\\:;](?![{}]|$)|\\|\^\^", _percent, value)


def _percent(match: re.Match[str]) -> str:
    text = match.group(0)
    if len(text) == 2 and text[0] == "\\":
        return text
    return "".join("%{:02X}".format(ord(c)) for c in text)


#: a backslash before a brace or at the end: bibtexparser would not see the brace (BibTeX would)
_UNSAFE_ESCAPE = re.compile(r"(?<!\\)(?:\\[\\:;])*\\(?![\\:;])|\\(?=[{}]|$)|\^\^")


def _pages(value: str, ascii_only: bool) -> str:
    """A page range: each run of hyphens and en dashes is written ``--``; an em dash inside a part
    stays ``---`` (doubling the hyphens of the encoded text made ``------`` of it)."""
    return "--".join(latex.encode(part, ascii_only) for part in re.split("[-–]+", value))


def _bib_type(record: Record) -> str:
    if _is_arxiv(record):
        return "misc"
    kept = record.extra.get(mapping.BIBTYPE, "")
    if kept in mapping.KEPT_TYPES and mapping.TYPE_TO_CSL[kept] == record.type:
        return kept
    if record.type == "thesis":
        genre = str(record.get("genre", "")).lower()
        return "mastersthesis" if genre.startswith(mapping.MASTERS_GENRES) else "phdthesis"
    if record.type == "chapter" and "editor" not in record.fields \
            and "container-title" not in record.fields:
        return "inbook"
    return mapping.CSL_TO_TYPE.get(record.type, "misc")


_LINE_START_AT = re.compile(r"\n[ \t\f\v\r]*@")


def _is_arxiv(record: Record) -> bool:
    return record.type == "article" and record.get("publisher") == mapping.ARXIV


_EDTF_SHAPE = re.compile(r"(?:-?\d{4}(?:-\d\d){0,2}[~?%]?|\.\.)?/(?:-?\d{4}(?:-\d\d){0,2}[~?%]?|\.\.)?")


def _date_fields(record: Record, out: dict[str, str]) -> None:
    issued = record.get("issued")
    if isinstance(issued, Date):
        if issued.parts and len(issued.parts) == 1 and not issued.circa and not issued.season \
                and not issued.literal and issued.parts[0][0] > 0:
            part = issued.parts[0]
            out["year"] = str(part[0])
            if len(part) > 1:
                out["month"] = mapping.MONTHS[part[1] - 1]
            if len(part) > 2:
                out["day"] = str(part[2])
        elif issued.parts:
            out["date"] = issued.to_edtf()
        elif _EDTF_SHAPE.fullmatch(issued.literal):  # an open range (2020/..): biblatex's date
            out["date"] = issued.literal
        else:
            out["year"] = latex.encode(issued.literal)
    for var, field in (("accessed", "urldate"), ("original-date", "origdate"),
                       ("event-date", "eventdate")):
        value = record.get(var)
        if isinstance(value, Date):
            out[field] = value.to_edtf() if value.parts else latex.encode(value.literal)


def entry_fields(record: Record, ascii_only: bool = False,
                 protect: bool = True) -> tuple[str, list[tuple[str, str]]]:
    """The middle stage: BibTeX type and ordered ``(field, value body)`` pairs for a record.
    ``protect=False``: no braces added to titles (``casing``); nocase spans still written."""
    bib_type = _bib_type(record)
    values: dict[str, str] = {}
    used: set[str] = set()
    for _, field, var, kind in sorted(row for var in record.fields
                                      for row in _ROWS_OF.get(var, ())):  # FIELD_ORDER's order
        if var in used:
            continue
        if field == "journal" and record.type not in mapping.CONTAINER_AS_JOURNAL:
            continue
        if field == "booktitle" and record.type in mapping.CONTAINER_AS_JOURNAL:
            continue
        if field in ("publisher", "number"):
            if _is_arxiv(record):
                used.add(var)
                continue
            if field == "publisher":
                field = mapping.PUBLISHER_FIELD.get(bib_type, "publisher")
        value = record.fields[var]
        used.add(var)
        if kind == "names" and isinstance(value, tuple):
            values[field] = format_bibtex_names(value, ascii_only)
        elif kind == "verbatim":
            values[field] = _verbatim(str(value))
        elif kind == "pages":
            values[field] = _pages(str(value), ascii_only)
        else:
            values[field] = latex.encode(str(value), ascii_only,
                                         protect=protect and kind == "title")
    number_var = "issue" if record.type in mapping.ISSUE_TYPES else "number"
    if number_var in record.fields and not _is_arxiv(record):
        values["number"] = latex.encode(str(record.fields[number_var]), ascii_only)
    handled = used | {number_var, "issued", "accessed", "original-date", "event-date"}
    if _is_arxiv(record):
        handled |= {"number", "publisher"}
    for var in sorted(set(record.fields) - handled):  # no BibTeX home: kept as csl-<variable>
        value = record.fields[var]
        if isinstance(value, tuple):
            values["csl-" + var] = format_bibtex_names(value, ascii_only)
        elif isinstance(value, Date):
            values["csl-" + var] = value.to_edtf() if value.parts else latex.encode(value.literal)
        else:
            values["csl-" + var] = latex.encode(str(value), ascii_only)
    _date_fields(record, values)
    if bib_type == "phdthesis" and record.get("genre") == "PhD thesis" or \
            bib_type == "mastersthesis" and record.get("genre") == "Master's thesis":
        values.pop("type", None)
    if _is_arxiv(record):
        if record.get("number"):
            values["eprint"] = _verbatim(str(record.get("number")))
        values["archiveprefix"] = "arXiv"
    if record.type not in mapping.TYPE_ROUND_TRIP and not _is_arxiv(record) \
            and record.type != "thesis" and not (record.type == "chapter"):
        values["csltype"] = record.type
    for name, value in record.extra.items():
        if name in values or name == mapping.BIBTYPE and bib_type == value:
            continue
        values[name] = _verbatim_field(value) if name in mapping.VERBATIM else \
            latex.encode(value, ascii_only)
    ordered = sorted(values.items(), key=_field_rank)
    return bib_type, ordered


#: CSL variable -> its ``(place, field, variable, kind)`` rows in ``mapping.FIELD_ORDER``: a
#: record visits the rows of its own variables only (read-only, made once)
_ROWS_OF: Mapping[str, tuple[tuple[int, str, str, str], ...]] = MappingProxyType({
    var: tuple((i, f, v, k) for i, (f, v, k) in enumerate(mapping.FIELD_ORDER) if v == var)
    for _, var, _ in mapping.FIELD_ORDER if var})
#: BibTeX field -> its place in ``mapping.FIELD_ORDER`` (read-only, made once)
_ORDER: Mapping[str, int] = MappingProxyType(
    {f: i for i, (f, _, _) in enumerate(mapping.FIELD_ORDER)})


def _field_rank(item: tuple[str, str]) -> tuple[int, str]:
    """Sort key of a ``(field, value)`` pair: FIELD_ORDER's place, then others by name."""
    return _ORDER.get(item[0], len(_ORDER)), item[0]


def format_entry(record: Record, ascii_only: bool = False, protect: bool = True) -> str:
    bib_type, fields = entry_fields(record, ascii_only, protect)
    lines = [f"@{bib_type}{{{safe_key(record.id)},"]
    for name, value in fields:
        if "\n" in value:  # an @ starting a line inside a value would start a block for parsers
            value = _LINE_START_AT.sub(" @", value)
        if name == "month" and value in mapping.MONTHS:
            lines.append(f"  {name} = {value},")
        else:
            lines.append(f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write(records: Iterable[Record], ascii_only: bool = False, preamble: str = "",
          comments: str = "", protect: bool = True, strings: str = "", **_: object) -> str:
    """``preamble``, ``strings`` and ``comments``: ``@preamble{…}`` / ``@string{…}`` /
    ``@comment{…}`` blocks as the BibTeX reader keeps them (``ReadResult.metadata``), written
    before and after the entries. ``protect=False`` (``--no-protect``) adds no case-protecting
    braces to titles."""
    chunks = [preamble.strip() + "\n"] if preamble.strip() else []
    if strings.strip():
        chunks.append(strings.strip() + "\n")
    chunks.extend(format_entry(r, ascii_only, protect) for r in records)
    if comments.strip():
        chunks.append(comments.strip() + "\n")
    return "\n".join(chunks)


__all__ = ["NAME", "write", "format_entry", "entry_fields"]
