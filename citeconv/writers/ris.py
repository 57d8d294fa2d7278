"""Records -> RIS, for reference managers that import RIS (EndNote, Zotero, Mendeley, RefWorks).

Contract
- One record per ``TY  - TYPE`` ... ``ER  - `` block, tags in a fixed order, blank line between
  records, CRLF-free UTF-8. The inverse of ``readers.ris`` for what it reads: reading the output
  gives the same CSL fields (``tests/test_writer_ris.py``).
- RIS is plain text: CSL rich text loses its markup (``<i>``, nocase spans); LaTeX passed through
  from BibTeX is written as the text it prints. Names are ``Family, Given, Suffix`` (particles
  before the family); literal names as they are.
- ``extra`` fields that ``readers.ris`` keeps (``custom1`` -> ``C1``, ``risxy`` -> ``XY``...) go
  back to their tags, ``dateother`` to ``PY``'s other part (``2017///Fall meeting``); any other
  extra field is an ``N1`` note line ``field: value``, never dropped.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from .. import texpass
from ..model import ETAL, Date, Record
from ..risdata import EXTRA_TAGS, T2_IS_SERIES, TYPES

NAME = "ris"

#: CSL type -> the RIS type written (the first RIS type that reads as it, with exporters' choices)
_RIS_TYPE = {**{csl: ris for ris, csl in reversed(TYPES.items())},  # the first that reads as it
             "article-journal": "JOUR", "paper-conference": "CPAPER", "chapter": "CHAP",
             "webpage": "ELEC", "motion_picture": "VIDEO", "song": "SOUND",
             "personal_communication": "PCOMM", "manuscript": "UNPB", "legislation": "STAT",
             "dataset": "DATA", "article-newspaper": "NEWS", "figure": "FIGURE"}  # exporters' own
_NAMES = (("author", "AU"), ("editor", "A2"), ("collection-editor", "A3"), ("translator", "A4"))
_BOOK_NAMES = (("author", "AU"), ("collection-editor", "A2"), ("editor", "A3"), ("translator", "A4"))
_TEXT = (("title-short", "ST"), ("collection-title", "T3"), ("container-title-short", "J2"),
         ("edition", "ET"), ("volume", "VL"), ("issue", "IS"), ("number", "IS"),
         ("publisher-place", "CY"), ("publisher", "PB"), ("ISBN", "SN"), ("ISSN", "SN"),
         ("DOI", "DO"), ("URL", "UR"), ("language", "LA"), ("call-number", "CN"),
         ("genre", "M3"), ("number-of-volumes", "NV"), ("section", "SE"),
         ("original-title", "OP"), ("abstract", "AB"), ("note", "N1"), ("annote", "RN"))
_TAG_OF_EXTRA = {name: tag for tag, name in EXTRA_TAGS.items() if tag not in ("L2", "L4")}
_RANGE = re.compile(r"([^-–,\s]+)\s*[-–]+\s*([^-–,\s]+)")
_MARKUP = re.compile(r"</?(?:i|b|sup|sub|span)(?:\s[^<>]*)?>")


def write(records: Iterable[Record], preamble: str = "", **_: object) -> str:
    """``preamble``: the BibTeX input's ``@preamble`` (definitions of passed-through LaTeX)."""
    defs = texpass.definitions(preamble)
    return "\n".join(_record(r, defs) for r in records)


def _record(record: Record, defs: texpass.Definitions) -> str:
    given = _csl_fields(record)
    item = texpass.readable_csl(given, defs)
    for var, value in item.items():  # "\\aap" alone prints nothing: the journal is then its LaTeX
        if isinstance(value, str) and not _plain(value).strip() and isinstance(given[var], str):
            item[var] = given[var]
    lines = [("TY", record.extra.get("ristype") or _RIS_TYPE.get(record.type, "GEN"))]
    if record.id:
        lines.append(("ID", record.id))
    if item.get("title"):
        lines.append(("TI", _plain(item["title"])))
    for var, tag in _BOOK_NAMES if lines[0][1] in ("BOOK", "EBOOK") else _NAMES:
        lines += [(tag, _name(n)) for n in item.get(var, ())]
    container = item.get("container-title")
    if record.type in T2_IS_SERIES:  # T2 is read as the series here; JF as the container
        if item.get("collection-title"):
            lines.append(("T2", _plain(item.pop("collection-title"))))
        if container:
            lines.append(("JF", _plain(container)))
    elif container:
        lines.append(("T2", _plain(container)))
    issued = item.get("issued")
    if isinstance(issued, dict):
        lines += _date_lines(issued, "PY", "DA", record.extra.get("dateother", ""))
    accessed = item.get("accessed")
    if isinstance(accessed, dict) and accessed.get("date-parts"):
        lines.append(("Y2", _ymd(accessed["date-parts"][0])))
    elif isinstance(accessed, dict) and (accessed.get("literal") or accessed.get("raw")):
        lines.append(("Y2", str(accessed.get("literal") or accessed.get("raw"))))
    epub = item.get("available-date")
    if record.type.startswith("article") and isinstance(epub, dict) and epub.get("date-parts") \
            and not item.get("edition"):  # a periodical's ET is its epub date
        lines.append(("ET", _ymd(item.pop("available-date")["date-parts"][0])))
    page = str(item.get("page", ""))
    if not page and record.type in ("book", "thesis") and str(item.get("number-of-pages", "")):
        page = str(item.pop("number-of-pages"))  # read back as the number of pages
    if page:
        m = _RANGE.fullmatch(page)
        lines += [("SP", m.group(1)), ("EP", m.group(2))] if m else [("SP", page)]
    for var, tag in _TEXT:
        if item.get(var) not in (None, ""):
            lines.append((tag, _plain(str(item[var]))))
    lines += [("KW", k.strip()) for k in str(item.get("keyword", "")).split(",") if k.strip()]
    for var in sorted(set(item) - _WRITTEN):  # PMID, event-title, original-date, container-author...
        if item[var] not in (None, "", []):
            lines.append(("N1", f"{var}: {_note_value(item[var])}"))
    for name, value in record.extra.items():
        if name == "ristype" or name == "dateother" and isinstance(issued, dict) \
                and issued.get("date-parts"):  # in PY's "other" part, where it was read
            continue
        tag = _TAG_OF_EXTRA.get(name) or (name[3:].upper() if re.fullmatch(r"ris[a-z][a-z0-9]", name)
                                          else None)
        lines.append((tag, value) if tag else ("N1", f"{name}: {value}"))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(str(value).split())}".rstrip(" ") + " " * (tag == "ER")
                   + "\n" for tag, value in lines)


def _csl_fields(record: Record) -> dict[str, Any]:
    """The record's CSL variables as CSL-JSON values, without ``extra`` (written as tags or
    notes below) and without the et-al marker (RIS has none)."""
    out: dict[str, Any] = {}
    for key, value in record.fields.items():
        if isinstance(value, Date):
            out[key] = value.to_csl()
        elif isinstance(value, tuple):
            out[key] = [n.to_csl() for n in value if n != ETAL]
        else:
            out[key] = value
    return out


#: the CSL variables written above as their own tags; every other one is an ``N1`` note
_WRITTEN = frozenset({"title", "container-title", "collection-title", "issued", "accessed", "page",
                      "keyword"} | {var for var, _ in _NAMES} | {var for var, _ in _TEXT})


def _note_value(value: Any) -> str:
    """A CSL-JSON value as note text: names ``Family, Given`` joined by ``; ``, a date as
    ``2020-03-01`` (or its literal)."""
    if isinstance(value, list):
        return "; ".join(_name(n) if isinstance(n, dict) else str(n) for n in value)
    if isinstance(value, dict):
        parts = value.get("date-parts") or []
        return "/".join("-".join([str(part[0])] + [str(p).zfill(2) for p in part[1:]])
                        for part in parts if part) \
            or str(value.get("literal") or value.get("raw") or "")
    return _plain(str(value))


def _plain(text: str) -> str:
    return _MARKUP.sub("", text)


def _name(name: dict[str, Any]) -> str:
    """``Family, Given, Suffix``; a family name alone keeps its comma (``Plato,``): a name with no
    comma is read back as a literal (organisation) name, as Zotero reads it."""
    if "literal" in name:
        return _plain(name["literal"])
    family = " ".join(p for p in (name.get("dropping-particle"), name.get("non-dropping-particle"),
                                  name.get("family")) if p)
    given, suffix = name.get("given", ""), name.get("suffix", "")
    return _plain(f"{family}, {given}".rstrip(" ") + (f", {suffix}" if suffix else ""))


def _date_lines(date: dict[str, Any], year_tag: str, full_tag: str,
                other_part: str = "") -> list[tuple[str, str]]:
    parts = date.get("date-parts")
    if not parts or not parts[0]:
        return [(year_tag, str(date.get("literal") or date.get("raw") or ""))] \
            if date.get("literal") or date.get("raw") else []
    first = parts[0]
    other = {1: "Spring", 2: "Summer", 3: "Fall", 4: "Winter"}.get(int(date.get("season") or 0), "")
    if len(parts) > 1 and parts[1]:  # a range: RIS has none; its end goes in the "other" part
        other = "to " + "-".join([str(parts[1][0])] + [f"{p:02d}" for p in parts[1][1:]])
    other = f"{other} {other_part}".strip()
    if date.get("circa"):
        other = f"{other} circa".strip()
    lines = [(year_tag, f"{first[0]}///{other}" if other else f"{first[0]}")]
    if len(first) > 1:
        lines.append((full_tag, _ymd(first)))
    return lines


def _ymd(parts: list[int]) -> str:
    return "/".join([str(parts[0])] + [f"{p:02d}" for p in parts[1:]] + [""] * (3 - len(parts))) \
        + "/"
