"""One BibTeX entry -> a Record: value syntax (macros, ``#``, braces), field mapping, dates,
names, eprints. ``readers.bibtex`` splits the file, inherits crossrefs and calls ``convert_entry``.

Contract
- ``resolve_value(raw, macros)``: a raw field value (braces, quotes, macros joined by ``#``) ->
  its text and the names of undefined macros.
- ``convert_entry(entry_type, key, raw, macros, rebrace, source)``: the fields as read (value,
  line) -> a ``Record`` and the problems found, each a ``Diagnostic`` with its line; a field with
  no CSL home is kept in ``extra``: nothing is dropped silently.
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from .. import latex, mapping, texpass
from ..model import DATE_VARIABLES, NAME_VARIABLES, Date, Diagnostic, Record, Source, parse_edtf
from ..names import parse_bibtex_names

_PIECE_RE = re.compile(r'\s*(?:(\{)|(")|([^\s#{}"]+))')


def _warn(code: str, message: str, line: int) -> Diagnostic:
    return Diagnostic(code, message, line=line)


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
    raw = raw.strip()
    first, last = raw[:1], raw[-1:]
    if (first == "{" and last == "}" or first == '"' and last == '"') and len(raw) > 1:
        inner = raw[1:-1]  # the common cases: one braced or quoted value, no concatenation
        if "{" not in inner and "}" not in inner and (first == "{" or '"' not in inner):
            return inner, []
        if (first == "{" or '"' not in inner) and _FLAT_BRACES.fullmatch(inner) or \
                _balanced_end(raw, 1, last) == len(raw) - 1:  # (the same answer, faster)
            return inner, []
    elif raw.isdigit():
        return raw, []
    elif raw.isalpha():  # one macro (``nov``): what the loop below makes of it, directly
        word = raw.lower()
        if word in macros:
            return macros[word], []
        if word in mapping.MONTH_NAMES:
            return word, []
        return raw, [f"undefined @string macro '{raw}' kept as text"]
    out: list[str] = []
    problems: list[str] = []
    pos = 0
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
        route = _route(name, csl_type)
        if route is None:
            continue
        target, kind = route
        if kind == "subtitle" or target and (not value or value.isspace()):
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


@lru_cache(maxsize=1024)
def _route(name: str, csl_type: str) -> tuple[str, str] | None:
    """(CSL variable, kind) that field ``name`` of an entry of ``csl_type`` is read into;
    ("", "") for a field with no CSL home (kept in extra), None for one read elsewhere
    (dates, eprints...). One table look-up per field of a big file."""
    if name in mapping.SPECIAL and name not in ("subtitle", "titleaddon"):
        return None
    if name == "number":
        return ("issue" if csl_type in mapping.ISSUE_TYPES else "number"), "plain"
    if name == "subtitle":
        return "title", "subtitle"
    if name.startswith("csl-"):
        return _csl_field(name[4:])
    return mapping.FIELD_TO_CSL.get(name, ("", ""))


def _report_empty(key: str, values: dict[str, tuple[str, int]], extra: dict[str, str],
                  problems: list[Diagnostic]) -> None:
    """An empty field (``note = {}``, ``editor = ""``) has nothing to convert: it is left out,
    and said so with its line (a field with no CSL home is kept in ``extra`` as it is)."""
    for name, (value, line) in values.items():
        if (not value or value.isspace()) and name not in extra:
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
        month_text = _month_text(values)
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
        month_text = _month_text(values)
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


def _month_text(values: dict[str, tuple[str, int]]) -> str:
    """The month field as ``_month_and_day`` reads it: lower case, no final dot, a tie as a
    space (``sep~20``), and no braces when it holds no command (``{{OCT 1}}`` is ``OCT 1``)."""
    text = values.get("month", ("", 0))[0].strip()
    if "{" in text and "\\" not in text:
        text = text.replace("{", "").replace("}", "").strip()
    return text.replace("~", " ").lower().rstrip(".")


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
        if name in values:  # eprint is verbatim; the others are text (written encoded)
            value = values[name][0].strip()
            extra[name] = value if name == "eprint" else latex.decode(value, False)
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
