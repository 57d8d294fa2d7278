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
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, NamedTuple

from bibtexparser.model import (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry,
                                ExplicitComment, ParsingFailedBlock, Preamble, String)
from bibtexparser.splitter import Splitter

from .. import latex, mapping, texpass
from . import _bibrepair, _bibsplit
from ._bibsplit import RawComment, RawEntry, RawString
from ..model import (DATE_VARIABLES, NAME_VARIABLES, Date, Diagnostic, ReadResult, Record,
                     Severity, Source, parse_edtf)
from ..names import parse_bibtex_names

NAME = "bibtex"
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False  # its failures reach users as Diagnostics
_ENTRY_RE = re.compile(r"^\s*@\s*([a-zA-Z]+)\s*[{(]", re.MULTILINE)
_PIECE_RE = re.compile(r'\s*(?:(\{)|(")|([^\s#{}"]+))')


#: an entry of any type, ``@anytype{key,`` then a ``field =``: BibTeX whatever the type's name
_UNKNOWN_ENTRY_RE = re.compile(r"^\s*@\s*[a-zA-Z]+\s*[{(]\s*[^\s,{}()=\"#%']+\s*,\s*\n?\s*"
                               r"[a-zA-Z][\w.:+-]*\s*=", re.MULTILINE)


def detect(text: str) -> float:
    types = [m.group(1).lower() for m in _ENTRY_RE.finditer(text[:200_000])]
    known = sum(t in mapping.TYPE_TO_CSL or t in ("string", "preamble", "comment") for t in types)
    if not known:  # only types we do not know (@softwareversion): still BibTeX if entry-shaped
        return 0.9 if types and _UNKNOWN_ENTRY_RE.search(text[:200_000]) else 0.0
    return 0.95 if known >= 1 and "=" in text else 0.5


# ------------------------------------------------------------------ value syntax
_DELIMITERS = {"}": re.compile(r"[{}]"), '"': re.compile(r'[{}"]')}


#: text whose braces are groups side by side, none nested: ``_balanced_end`` of ``{`` + it +
#: ``}`` is its last character, and of ``"`` + it + ``"`` too when it holds no quote
_FLAT_BRACES = re.compile(r"[^{}]*+(?:\{[^{}]*+\}[^{}]*+)*+")


def _balanced_end(text: str, start: int, close: str) -> int:
    """Index of the delimiter closing the value opened just before ``start``, or -1."""
    depth = 0
    for m in _DELIMITERS[close].finditer(text, start):  # jumps from brace to brace
        ch = m.group()
        if ch == "{":  # BibTeX counts braces whatever precedes them
            depth += 1
        elif ch == "}":
            if depth == 0 and close == "}":
                return m.start()
            depth -= 1
        elif depth == 0:  # the closing quote
            return m.start()
    return -1


def resolve_value(raw: str, macros: dict[str, str]) -> tuple[str, list[str]]:
    """A raw field value (``{…}``, ``"…"``, ``123``, ``macro``, ``a # b``) -> its LaTeX text."""
    out: list[str] = []
    problems: list[str] = []
    pos = 0
    raw = raw.strip()
    first, last = raw[:1], raw[-1:]
    if (first == "{" and last == "}" or first == '"' and last == '"') and len(raw) > 1:
        inner = raw[1:-1]  # the common cases: one braced or quoted value, no concatenation
        if "{" not in inner and "}" not in inner and (first == "{" or '"' not in inner):
            return inner, problems
        if (first == "{" or '"' not in inner) and _FLAT_BRACES.fullmatch(inner) or \
                _balanced_end(raw, 1, last) == len(raw) - 1:  # (the same answer, faster)
            return inner, problems
    elif raw.isdigit():
        return raw, problems
    while pos < len(raw):
        m = _PIECE_RE.match(raw, pos)
        if not m:
            break
        if m.group(1) or m.group(2):
            close = "}" if m.group(1) else '"'
            end = _balanced_end(raw, m.end(), close)
            if end < 0:
                problems.append("unterminated value")
                out.append(raw[m.end():])
                break
            out.append(raw[m.end():end])
            pos = end + 1
        else:
            word = m.group(3)
            pos = m.end()
            if word.isdigit():
                out.append(word)
            elif word.lower() in macros:
                out.append(macros[word.lower()])
            elif word.lower() in mapping.MONTH_NAMES:
                out.append(word.lower())
            else:
                problems.append(f"undefined @string macro '{word}' kept as text")
                out.append(word)
        rest = raw[pos:].lstrip()
        if rest.startswith("#"):
            pos = len(raw) - len(rest) + 1
        elif rest:
            problems.append(f"unexpected text after value: {rest[:20]!r}")
            break
    return "".join(out), problems


# ------------------------------------------------------------------ reading
def read(text: str, rebrace: bool = True, filename: str = "") -> ReadResult:
    """``rebrace=False`` keeps every brace group of a title as a nocase span, also those the
    writer would add back (for output written with ``protect=False``: ``--no-protect``).
    ``filename``: records' ``Source`` says it (and this layout), as ``api.read`` would set it."""
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
    diagnostics: list[Diagnostic] = mended
    preambles: list[str] = []
    comments: list[str] = []
    for block in blocks:
        if type(block) is RawEntry:
            raw_entries.append((_Head(block.entry_type, block.key, block.start_line),
                                _raw_fields(block, diagnostics)))
        elif isinstance(block, RawString):  # defined twice: the last definition wins, as in
            value, problems = resolve_value(block.value, macros)  # bibtex and biber
            macros[block.key.lower()] = value
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
                                  ("comments", "\n".join(comments))) if v}
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


def _warn(code: str, message: str, line: int) -> Diagnostic:
    return Diagnostic(code, message, line=line)


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


def convert_entry(entry_type: str, key: str, raw: dict[str, tuple[str, int]],
                  macros: dict[str, str], rebrace: bool = True,
                  source: Source | None = None) -> tuple[Record, list[Diagnostic]]:
    """One entry's raw fields -> a Record (with ``source``, if given) and what went wrong."""
    problems: list[Diagnostic] = []
    values: dict[str, tuple[str, int]] = {}
    for name, (value, line) in raw.items():
        text, issues = resolve_value(value, macros)
        if issues:
            problems += [_warn("bibtex.value", f"{name}: {p}", line) for p in issues]
        values[name] = (text, line)
    csl_type = _csl_type(entry_type, values)
    if entry_type not in mapping.TYPE_TO_CSL:
        problems.append(_warn("bibtex.unknown-type", f"unknown entry type @{entry_type} read as "
                              f"{csl_type}", 0))  # 0: the entry's own line (set by read)
    fields: dict[str, object] = {}
    extra: dict[str, str] = {}
    taken_by: dict[str, str] = {}  # CSL variable -> the BibTeX field it was read from

    def decode(name: str, value: str, line: int, protect: bool = True) -> str:
        text, warnings = latex.decode_with_warnings(value, protect, rebrace)
        if warnings:
            problems.extend(_latex_problems(name, warnings, line))
        return text

    if "crossref" in values:  # a parent in another file (see _inherit_crossrefs)
        extra["crossref"] = values["crossref"][0].strip()
    if entry_type in mapping.KEPT_TYPES and csl_type == mapping.TYPE_TO_CSL[entry_type]:
        extra[mapping.BIBTYPE] = entry_type
    if "entrysubtype" in values and not csl_type.startswith(("article-magazine",
                                                                "article-newspaper")):
        extra["entrysubtype"] = decode("entrysubtype", values["entrysubtype"][0],
                                       values["entrysubtype"][1], False)
    _read_dates(values, fields, extra, problems)
    csl_type = _read_eprint(csl_type, entry_type, values, fields, extra)
    for name, (value, line) in values.items():
        if name in mapping.SPECIAL and name not in ("subtitle", "titleaddon"):
            continue
        if name == "number":
            target, kind = ("issue" if csl_type in mapping.ISSUE_TYPES else "number"), "plain"
        elif name == "subtitle":
            target, kind = "title", "subtitle"
        elif name.startswith("csl-"):
            target, kind = _csl_field(name[4:])
        else:
            target, kind = mapping.FIELD_TO_CSL.get(name, ("", ""))
        if kind == "subtitle" or target and not value.strip():
            continue  # an empty field takes no variable: reported by _report_empty
        if target and target in taken_by and name == _written_as(target, csl_type) \
                and taken_by[target] != name:
            # the writer puts this variable under this field's name: it must win, or the
            # other field (kept in extra) and this one would collide on output
            other = taken_by[target]
            other_value, other_line = values[other]
            extra[other] = other_value if other in mapping.VERBATIM else \
                decode(other, other_value, other_line)
            del fields[target]
        if not target or target in fields:
            extra[name] = value if name in mapping.VERBATIM else decode(name, value, line)
            continue
        taken_by[target] = name
        if kind == "date":
            fields[target] = parse_edtf(value) or Date(literal=decode(name, value, line, False))
        elif kind == "names":
            if "\\" in value:  # names decode silently: report what the codec could not read
                decode(name, value, line, False)
            names = parse_bibtex_names(value)
            if names:
                fields[target] = names
        elif kind == "verbatim":
            fields[target] = value.strip()
        elif kind == "pages":
            fields[target] = decode(name, value, line, False).replace("–", "-")
        else:
            fields[target] = decode(name, value, line, kind != "plain")
    if "subtitle" in values and "title" in fields:
        sub, line = values["subtitle"]
        fields["title"] = f"{fields['title']}: {decode('subtitle', sub, line)}"
    elif "subtitle" in values and values["subtitle"][0].strip():
        sub, line = values["subtitle"]  # nothing to join it to: kept as a field of its own
        extra["subtitle"] = decode("subtitle", sub, line)
        problems.append(_warn("bibtex.subtitle", f"{key}: subtitle without a title; kept as "
                              "the subtitle field (CSL has no home for it)", line))
    _report_empty(key, values, extra, problems)
    if csl_type == "thesis" and "genre" not in fields:
        fields["genre"] = "Master's thesis" if entry_type == "mastersthesis" else "PhD thesis" \
            if entry_type == "phdthesis" else ""
    return Record(key, csl_type, fields, extra, source or Source()), problems


def _report_empty(key: str, values: dict[str, tuple[str, int]], extra: dict[str, str],
                  problems: list[Diagnostic]) -> None:
    """An empty field (``note = {}``, ``editor = ""``) has nothing to convert: it is left out,
    and said so with its line (a field with no CSL home is kept in ``extra`` as it is)."""
    for name, (value, line) in values.items():
        if not value.strip() and name not in extra:
            problems.append(_warn("bibtex.empty-field", f"{key}: empty field {name!r} left "
                                  "out", line))


def _written_as(var: str, csl_type: str) -> str:
    """The BibTeX field the writer uses for ``var`` (aliases read the same variable)."""
    if var == "publisher":
        bib_type = {"thesis": "phdthesis"}.get(csl_type) or mapping.CSL_TO_TYPE.get(csl_type,
                                                                                  "misc")
        return mapping.PUBLISHER_FIELD.get(bib_type, "publisher")
    if var == "container-title":
        return "journal" if csl_type in mapping.CONTAINER_AS_JOURNAL else "booktitle"
    return _FIRST_FIELD.get(var, "")


# the first BibTeX field of FIELD_ORDER for each CSL variable (read-only table)
_FIRST_FIELD: Mapping[str, str] = MappingProxyType(
    {var: field for field, var, _kind in reversed(mapping.FIELD_ORDER) if var})


def _csl_field(var: str) -> tuple[str, str]:
    """A ``csl-<variable>`` field written for a CSL variable with no BibTeX home."""
    if var in NAME_VARIABLES:
        return var, "names"
    if var in DATE_VARIABLES:
        return var, "date"
    return var, "text"


def _csl_type(entry_type: str, values: dict[str, tuple[str, int]]) -> str:
    if "csltype" in values:
        return values["csltype"][0].strip()
    if entry_type == "article" and "entrysubtype" in values:
        sub = values["entrysubtype"][0].strip().lower()
        if sub in ("magazine", "newspaper"):
            return f"article-{sub}"
    return mapping.TYPE_TO_CSL.get(entry_type, "document")


def _read_dates(values, fields, extra, problems) -> None:  # type: ignore[no-untyped-def]
    for bib, csl in (("urldate", "accessed"), ("origdate", "original-date"),
                     ("eventdate", "event-date"), ("date", "issued")):
        if bib in values:
            text = values[bib][0].strip()
            date = parse_edtf(text)
            fields[csl] = date or Date(literal=_decoded(bib, values, problems))
    if "year" not in values:
        issued = fields.get("issued")
        month_text = values.get("month", ("", 0))[0].strip().lower().rstrip(".")
        month, day_in_month = _month_and_day(month_text) if month_text else (0, "")
        if (month and issued is not None and len(issued.parts) == 1
                and len(issued.parts[0]) == 1 and not issued.circa and not issued.season):
            # date = {1998}, month = {May}: what biblatex prints (and what the output's
            # year + month mean), so a second pass reads the same date
            day_text = values.get("day", ("", 0))[0].strip() or day_in_month
            day = [int(day_text)] if day_text.isdigit() and 1 <= int(day_text) <= 31 else []
            fields["issued"] = _date((issued.parts[0][0], month, *day))
            values = {k: v for k, v in values.items()
                      if k != "month" and not (k == "day" and day)}  # what is left: extra
        for name in ("month", "day"):
            if name in values:
                extra[name] = _decoded(name, values, problems)
        return
    if "issued" in fields:  # both date and year: date wins; a disagreeing year is reported
        year = _decoded("year", values, problems)
        if year != str(fields["issued"].year):
            problems.append(_warn("bibtex.year-conflict", f"year {year!r} disagrees with date "
                                  f"{values['date'][0]!r}; the date is kept", values["year"][1]))
        return
    year_text = _decoded("year", values, problems)
    parts: list[int] = []
    if _YEAR.fullmatch(year_text):
        parts.append(int(year_text))
        month_text = values.get("month", ("", 0))[0].strip().lower().rstrip(".")
        month, day_in_month = _month_and_day(month_text)
        if month:
            parts.append(month)
            day_text = values.get("day", ("", 0))[0].strip() or day_in_month
            if day_text.isdigit() and 1 <= int(day_text) <= 31:
                parts.append(int(day_text))
            elif day_text:
                extra["day"] = (_decoded("day", values, problems) if "day" in values
                                else latex.decode(day_text, False))
        elif month_text:
            extra["month"] = _decoded("month", values, problems)
            problems.append(_warn("bibtex.month", f"month {month_text!r} not understood; kept "
                                  "as is", values["month"][1]))
        fields["issued"] = _date(tuple(parts))
    else:
        fields["issued"] = Date(literal=year_text)
        for name in ("month", "day"):
            if name in values:
                extra[name] = _decoded(name, values, problems)


_YEAR = re.compile(r"-?\d{1,4}")
_COMMA = re.compile(r"\s*,\s*")
_MONTH_DAY = re.compile(r"^(?:(?P<d1>[\d\-–]+)\s*(?P<m1>[a-z]+)|(?P<m2>[a-z]+)\.?\s*(?P<d2>[\d\-–]+))$")


@lru_cache(maxsize=4096)
def _date(parts: tuple[int, ...]) -> Date:
    """One Date per (year, month, day): dates repeat across a big file, and a Date is frozen."""
    return Date(parts=(parts,))


def _month_and_day(text: str) -> tuple[int, str]:
    """``aug``, ``August``, ``8`` -> (8, ""); ``05 aug``, ``aug 5`` (ACL Anthology) -> (8, "5");
    ``10--11 jan`` -> (1, "10--11"). (0, "") when it is no month."""
    if text.isdigit():
        return (int(text), "") if 1 <= int(text) <= 12 else (0, "")
    if text in mapping.MONTH_NAMES:
        return mapping.MONTH_NAMES[text], ""
    m = _MONTH_DAY.match(text.replace(",", ""))
    if not m:
        return 0, ""
    month = mapping.MONTH_NAMES.get((m["m1"] or m["m2"]).rstrip("."), 0)
    day = (m["d1"] or m["d2"]).lstrip("0")
    return (month, day) if month and day else (0, "")


def _decoded(name: str, values: dict[str, tuple[str, int]], problems: list[Diagnostic]) -> str:
    """A date-part field as text (never case-protected); LaTeX problems reported with the line."""
    value, line = values[name]
    text, warnings = latex.decode_with_warnings(value.strip(), False)
    if warnings:
        problems.extend(_latex_problems(name, warnings, line))
    return text


def _latex_problems(name: str, warnings: tuple[str, ...], line: int) -> list[Diagnostic]:
    """Decoding warnings of field ``name``; a passed-through command is a ``PASSED_CODE``
    diagnostic that ``texpass.report_once`` merges with the command's other uses."""
    return [_warn("bibtex.latex", f"{name}: {w}", line) if texpass.passed_name(w) is None else
            Diagnostic(texpass.PASSED_CODE, name, line, raw=texpass.passed_name(w) or "")
            for w in warnings]


def _read_eprint(csl_type, entry_type, values, fields, extra) -> str:  # type: ignore[no-untyped-def]
    prefix = (values.get("archiveprefix") or values.get("eprinttype") or ("", 0))[0]
    is_arxiv = prefix.strip().lower() == "arxiv" and entry_type in (
        "misc", "online", "unpublished", "report", "techreport", "article", "electronic")
    if is_arxiv and entry_type == "article" and ("journal" in values or "journaltitle" in values):
        is_arxiv = False
    for name in ("eprint", "archiveprefix", "eprinttype", "primaryclass", "eprintclass"):
        if name in values:
            extra[name] = values[name][0].strip()
    if not is_arxiv:
        return csl_type
    for name in ("archiveprefix", "eprinttype"):
        extra.pop(name, None)
    eprint = extra.pop("eprint", "")
    if eprint:
        fields["number"] = re.sub(r"^arxiv:", "", eprint, flags=re.IGNORECASE)
    if "eprintclass" in extra and "primaryclass" not in extra:
        extra["primaryclass"] = extra.pop("eprintclass")
    fields["publisher"] = mapping.ARXIV
    return "article"


__all__ = ["NAME", "detect", "read", "convert_entry", "resolve_value"]
