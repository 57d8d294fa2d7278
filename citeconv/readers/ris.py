"""RIS (Zotero, EndNote, Mendeley, PubMed, Scopus, Web of Science "Export as RIS") -> records.

Contract
- A record runs from ``TY  - TYPE`` to ``ER  -``; a tag line is ``XX  - value`` (two capitals or
  a capital and a digit; one or two spaces before the hyphen are accepted, the value may be empty).
  A line that is not a tag line continues the previous value (wrapped abstracts and notes),
  joined with a space; a tag given twice is joined with ``; `` (keywords with ``, ``).
- Tags mean different things per type, as the RIS specification says: ``T2`` is the journal of
  a ``JOUR``, the book of a ``CHAP``, the proceedings of a ``CONF``/``CPAPER`` and the series of a
  ``BOOK``; ``A2`` is an editor and ``A3`` a series editor (a ``BOOK``'s the other way round, as the
  specification and Zotero have it), ``A4``/``TA`` a translator. ``PY``/``Y1``/
  ``DA`` are ``YYYY/MM/DD/other`` dates (``-`` separators accepted; also ``2021 Mar``, ``Oct 12,
  2019``, Web of Science's ``DA  - MAR 15`` beside ``PY``); a periodical's ``ET`` is its epub
  date; ``SP``+``EP`` are the pages (a whole book's lone ``SP`` its number of pages); ``SN`` is an
  ISBN or an ISSN by its shape (a report's number otherwise); ``ID`` becomes the citation key
  when it is usable.
  Names are ``Family, Given, Suffix``; a name with no comma is a literal (organisation) name.
- Nothing is dropped silently: a tag with no CSL home is kept in ``extra`` (written back as a
  BibTeX field) and reported once per tag; a second value where one is used is ``ris<tag>`` (not
  a BibTeX field name the record already has); a record with no ``ER``, a tag line or text
  outside a record, an unknown ``TY`` are Diagnostics with their line. Text that has no ``TY``
  line is not RIS.
We read RIS ourselves (rispy maps tags without their type and keeps no line numbers, which every
diagnostic here needs); the syntax is one regular expression.
"""
from __future__ import annotations

import dataclasses
import re

from ..model import Date, Diagnostic, Name, ReadResult, Record, Severity, Source
from ..names import is_particle
from ..risdata import EXTRA_TAGS, T2_IS_SERIES, TYPES

NAME = "ris"

_TAG = re.compile(r"^([A-Z][A-Z0-9]) {1,2}- ?(.*)$")
_TY = re.compile(r"^TY {1,2}- ?\S", re.MULTILINE)

_BOOKS = frozenset({"BOOK", "EBOOK"})
#: types whose ``M3`` (type of work) styles print as the genre: "PhD thesis", "Technical report"
_GENRE_PRINTED = frozenset({"thesis", "report", "manuscript", "document", "software", "dataset",
                            "motion_picture", "song", "graphic", "map", "webpage", "patent"})
_NAME_TAGS = {"AU": "author", "A1": "author", "A2": "editor", "ED": "editor",
              "A3": "collection-editor", "A4": "translator", "TA": "translator"}
#: a BOOK's secondary author is its series editor and its tertiary author its editor (the RIS
#: specification's table for BOOK, and Zotero's RIS translator both ways)
_BOOK_NAME_TAGS = {**_NAME_TAGS, "A2": "collection-editor", "A3": "editor"}
_TEXT_TAGS = {
    "ST": "title-short", "T3": "collection-title", "VL": "volume", "ET": "edition",
    "CY": "publisher-place", "PP": "publisher-place", "PB": "publisher", "LA": "language",
    "CN": "call-number", "NV": "number-of-volumes",
    "SE": "section", "OP": "original-title", "AB": "abstract", "N2": "abstract", "N1": "note",
    "KW": "keyword", "RN": "annote",
}
#: how a tag given more than once is joined (a line break would not survive BibTeX)
_REPEATED_JOIN = {"KW": ", ", "AB": " ", "N2": " ", "UR": " "}
_KEY = re.compile(r"[^\s,{}()=\"#%'\\~]+")
_DATE = re.compile(r"^(-?\d{1,4})?(?:[/-](\d{0,2}))?(?:[/-](\d{0,2}))?(?:/(.*))?$")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
_ISBN = re.compile(r"^(?:97[89]-?)?(?:\d-?){9}[\dXx]$")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def detect(text: str) -> float:
    """0.98 when a ``TY  -`` line opens the text (after blank lines), 0.9 when one is found
    further down and an ``ER  -`` follows; else 0."""
    head = text.lstrip("\ufeff \t\r\n")[:12]
    if _TY.match(head):
        return 0.98
    sample = text[:200_000]
    m = _TY.search(sample)
    return 0.9 if m and re.search(r"^ER {1,2}-", sample[m.end():], re.MULTILINE) else 0.0


def read(text: str) -> ReadResult:
    records: list[Record] = []
    diagnostics: list[Diagnostic] = []
    current: list[tuple[str, str, int]] | None = None
    start = 0
    stray = 0
    loose = False  # inside a run of text lines between records (reported once per run)
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        line = line.rstrip()
        m = _TAG.match(line)
        if m is None:
            if not line.strip():
                loose = False
                continue
            if current:
                tag, value, at = current[-1]
                current[-1] = (tag, f"{value} {line.strip()}" if value else line.strip(), at)
            elif records and not loose:  # after a record: not an export's header
                diagnostics.append(Diagnostic(
                    "ris.stray", f"text {line.strip()[:40]!r} between records (after an 'ER  -', "
                    "no 'TY  -' before it); skipped", line=number, raw=line))  # tags would be
                loose = True  # errors; plain text is more often an export's trailer: a warning
            elif not stray:
                stray = number
            continue
        loose = False
        tag, value = m.group(1), (m.group(2) or "").strip()
        if tag == "TY":
            if current is not None:
                diagnostics.append(Diagnostic("ris.no-end", f"record starting at line {start} "
                                              "has no 'ER  -' line; read up to the next 'TY'",
                                              line=start))
                records.append(_record(current, start, diagnostics))
            current, start = [(tag, value, number)], number
        elif tag == "ER":
            if current is None:
                diagnostics.append(Diagnostic("ris.stray", "'ER  -' without a record", line=number))
                continue
            records.append(_record(current, start, diagnostics))
            current = None
        elif current is None:
            diagnostics.append(Diagnostic(
                "ris.stray", f"tag line {line[:40]!r} outside a record (no 'TY  -' before it); "
                "skipped", line=number, severity=Severity.ERROR, raw=line))
        else:
            current.append((tag, value, number))
    if current is not None:
        diagnostics.append(Diagnostic("ris.no-end", f"record starting at line {start} has no "
                                      "'ER  -' line; read to the end of the input", line=start))
        records.append(_record(current, start, diagnostics))
    if stray and not records:
        diagnostics.append(Diagnostic("ris.stray", "text before the first record ignored",
                                      line=stray))
    return ReadResult(records=tuple(records), diagnostics=tuple(_once(diagnostics)), layout=NAME)


def _once(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``ris.unmapped`` once per tag (the first line it is on); everything else as it is."""
    seen: set[str] = set()
    out = []
    for d in diagnostics:
        if d.code == "ris.unmapped":
            if d.message in seen:
                continue
            seen.add(d.message)
        out.append(d)
    return out


def _record(lines: list[tuple[str, str, int]], start: int,
            diagnostics: list[Diagnostic]) -> Record:
    ris_type = lines[0][1].upper()
    csl_type = TYPES.get(ris_type)
    extra: dict[str, str] = {}
    if csl_type is None:
        csl_type = "document"
        extra["ristype"] = ris_type
        diagnostics.append(Diagnostic("ris.type", f"unknown RIS type {ris_type!r} read as a "
                                      "document (kept as ristype)", line=start))
    values: dict[str, list[str]] = {}
    for tag, value, _ in lines[1:]:
        if value:
            values.setdefault(tag, []).append(value)
    fields: dict[str, object] = {}
    names: dict[str, list[Name]] = {}
    for tag, var in (_BOOK_NAME_TAGS if ris_type in _BOOKS else _NAME_TAGS).items():
        for value in values.pop(tag, ()):
            if value.strip(" ,"):  # "AU  - ," is no name
                names.setdefault(var, []).append(_name(value))
    fields.update({var: tuple(ns) for var, ns in names.items()})
    _titles(values, csl_type, fields, extra)
    _dates(values, fields, extra)
    if csl_type.startswith("article") and "ET" in values:  # the spec's "Epub Date" (EndNote)
        epub, other = _date(values["ET"][0])
        if epub.parts and not other:
            fields["available-date"] = epub
            _first(values, "ET", extra)
    _numbers(values, csl_type, fields, extra)
    for doi in [v for v in values.get("M3", ()) if _DOI.match(_DOI_PREFIX.sub("", v))]:
        values["M3"].remove(doi)  # Mendeley's "M3  - doi: 10.1016/..." (Zotero reads it so too)
        doi = _DOI_PREFIX.sub("", doi)
        if fields.setdefault("DOI", doi) != doi:
            extra["risdo"] = f"{extra['risdo']}; {doi}" if "risdo" in extra else doi
    if not values.get("M3", True):
        del values["M3"]
    if csl_type in _GENRE_PRINTED and "M3" in values:  # elsewhere M3 is an export's own label
        fields["genre"] = _first(values, "M3", extra)   # ("Article", "Conference Paper")
    for tag, var in _TEXT_TAGS.items():
        if tag in values:
            text = _REPEATED_JOIN.get(tag, "; ").join(values.pop(tag))
            if var in fields:  # AB and N2, CY and PP, T2-as-series and T3: the tag's own name
                extra["ris" + tag.lower()] = text
            else:
                fields[var] = text
    if "UR" in values:
        urls = values.pop("UR")
        fields["URL"] = urls[0]
        if urls[1:]:
            extra["risur"] = " ".join(urls[1:])  # "url" is the BibTeX field: lost there
    key = _first(values, "ID", extra)
    for tag in sorted(values):
        name = EXTRA_TAGS.get(tag)
        text = _REPEATED_JOIN.get(tag, "; ").join(values[tag])
        if name is None:
            name = "ris" + tag.lower()
            where = next(n for t, _, n in lines if t == tag)
            diagnostics.append(Diagnostic("ris.unmapped", f"tag {tag} has no CSL variable; kept "
                                          f"as field {name!r}", line=where))
        extra[name] = f"{extra[name]}; {text}" if name in extra else text
    if key and not _KEY.fullmatch(key):
        extra["risid"] = key
        diagnostics.append(Diagnostic("ris.id", f"ID {key!r} cannot be a citation key; a key is "
                                      "generated and the ID kept as field 'risid'", line=start))
        key = ""
    return Record(id=key, type=csl_type, fields=fields, extra=extra,
                  source=Source(line=start, layout=NAME))


def _name(value: str) -> Name:
    """``Family, Given, Suffix``: lower-case particles before the family (``van der Berg``) or
    left at the end of the given part (``George van den``) are the non-dropping particle; nothing
    else is guessed. A name with no comma is one literal name, as Zotero reads it (``World Bank``)."""
    family, comma, rest = value.partition(",")
    if not comma:
        return Name(literal=value.strip())
    given, _, suffix = (part.strip() for part in rest.partition(","))
    words = family.split()
    lead = 0
    while lead < len(words) - 1 and is_particle(words[lead]):
        lead += 1
    names = given.split()
    tail = len(names)
    while tail > 1 and is_particle(names[tail - 1]):
        tail -= 1
    given, trailing = " ".join(names[:tail]), " ".join(names[tail:])
    particle = " ".join(p for p in (trailing, " ".join(words[:lead])) if p)
    return Name(family=" ".join(words[lead:]), given=given, non_dropping_particle=particle,
                suffix=suffix)


def _titles(values: dict[str, list[str]], csl_type: str, fields: dict[str, object],
            extra: dict[str, str]) -> None:
    titles = values.pop("TI", []) + values.pop("T1", [])
    books = values.pop("BT", [])  # old RIS: a BOOK's title, a CHAP's book
    if csl_type != "chapter":
        titles, books = titles + books, []
    titles = list(dict.fromkeys(titles))
    if titles:
        fields["title"] = titles[0]
        if titles[1:]:
            extra["alttitle"] = "; ".join(titles[1:])
    containers = values.pop("T2", []) + books
    journals = values.pop("JF", []) + values.pop("JO", [])
    shorts = values.pop("J2", []) + values.pop("JA", []) + values.pop("J1", [])
    if csl_type in T2_IS_SERIES and containers:
        fields["collection-title"] = containers.pop(0)
    containers += journals
    if containers:
        fields["container-title"] = containers[0]
    seen = {fields.get("container-title"), fields.get("collection-title")}
    rest = [c for c in containers[1:] + shorts if c not in seen]
    if rest and "container-title" in fields:
        fields["container-title-short"] = rest.pop(0)
    if rest:
        extra["altcontainer"] = "; ".join(rest)


def _dates(values: dict[str, list[str]], fields: dict[str, object], extra: dict[str, str]) -> None:
    values["PY"] = _fullest(values.pop("PY", []) + values.pop("Y1", []))
    year, full = _first(values, "PY", extra), _first(values, "DA", extra)
    issued, other = _date(year) if year else (None, "")
    if full and issued is not None and issued.parts and re.match(r"[A-Za-z]", full) \
            and not re.search(r"\d{4}", full):
        full = f"{issued.parts[0][0]} {full}"  # Web of Science: "DA  - MAR 15" beside "PY  - 2020"
    if full:
        when, when_other = _date(full)
        if issued is None or (when.parts and issued.parts and
                              when.parts[0][0] == issued.parts[0][0]):
            if issued is not None and issued.circa:  # "PY  - 2020///circa", "DA  - 2020/03//"
                when = dataclasses.replace(when, circa=True)
            issued, other = when, when_other or other
        else:
            extra["risda"] = full
    if issued is not None:
        fields["issued"] = issued
    if other:
        extra["dateother"] = other
    if "Y2" in values:
        accessed, other = _date(values["Y2"][0])
        if accessed.parts and not other:
            fields["accessed"] = accessed
            _first(values, "Y2", extra)


def _fullest(given: list[str]) -> list[str]:
    """``PY  - 2017/12/04/`` beside ``Y1  - 2017``: a date that says less than another one (its
    parts begin the other's, no season, no other part) is not a second date."""
    dates = [_date(v) for v in given]

    def says_less(a: tuple[Date, str], b: tuple[Date, str]) -> bool:
        (less, other), more = a, b[0]
        n = len(less.parts[0]) if less.parts else 0
        return bool(n and more.parts and not other and not less.season
                    and len(more.parts[0]) > n and more.parts[0][:n] == less.parts[0])
    return [v for v, d in zip(given, dates) if not any(says_less(d, e) for e in dates)]


_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
#: PubMed / Web of Science: ``2021 Mar``, ``2021 Mar 15``, ``2021 Mar-Apr``, ``2021 Spring``
_WORD_DATE = re.compile(r"^(\d{4})\s+([A-Za-z]+)\.?(?:\s+(\d{1,2})(?!\d))?(.*)$")
#: EndNote / Mendeley: ``October 2019``, ``Oct 12, 2019``, ``12 Oct 2019`` -> ``2019 Oct 12``
_YEAR_LAST = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$")


def _date(text: str) -> tuple[Date, str]:
    """``2017``, ``2017/05/12/``, ``2017-05-12 10:31:02``, ``2017///Spring`` -> a Date and the
    "other" part that is not a season (``2017///Fall meeting`` -> ``Fall meeting``); a value in
    no such shape is a literal date."""
    value = re.sub(r"[ T]\d\d?:\d\d(?::\d\d)?\S*$", "", text.strip())
    last = _YEAR_LAST.match(value)
    if last and not (last.group(1) and last.group(3)):
        value = f"{last.group(4)} {last.group(2)} {last.group(1) or last.group(3) or ''}".strip()
    word = _WORD_DATE.match(value)
    name = word.group(2).lower() if word else ""
    month = next((i for i, m in enumerate(_MONTHS, 1) if len(name) >= 3 and m.startswith(name)), 0)
    if month or name in _SEASONS:
        year, day, rest = int(word.group(1)), word.group(3), word.group(4).strip()
        if not month:
            return Date(parts=((year,),), season=_SEASONS[name]), f"{day or ''}{rest}".strip()
        if day and 1 <= int(day) <= 31:
            return Date(parts=((year, month, int(day)),)), rest
        return Date(parts=((year, month),)), f"{day or ''}{rest}".strip()
    m = _DATE.match(value)
    if not m or not m.group(1):
        return Date(literal=text.strip()), ""
    parts = [int(m.group(1))]
    for group in (m.group(2), m.group(3)):
        if not group or not int(group):  # "2019/00/00": not known
            break
        if int(group) > (12 if len(parts) == 1 else 31):  # "2019/13/45/": kept as it was given
            return Date(literal=text.strip()), ""
        parts.append(int(group))
    other = (m.group(4) or "").strip()
    if re.fullmatch(r"\d\d?:\d\d(?::\d\d)?\S*", other):  # Zotero's access time: not a date part
        other = ""
    circa = other == "circa" or other.endswith(" circa")  # as ``writers.ris`` writes it
    other = other[:-len("circa")].strip() if circa else other
    season = _SEASONS.get(other.lower(), 0) if len(parts) == 1 else 0
    return Date(parts=(tuple(parts),), season=season, circa=circa), "" if season else other


def _numbers(values: dict[str, list[str]], csl_type: str, fields: dict[str, object],
             extra: dict[str, str]) -> None:
    first, last = _first(values, "SP", extra), _first(values, "EP", extra)
    if csl_type in ("book", "thesis") and first.isdigit() and not last:  # the spec's and
        fields["number-of-pages"] = first  # Zotero's "Number of Pages" of a whole book
    elif first or last:
        fields["page"] = f"{first}-{last}" if first and last and first != last else first or last
    number = [(tag, v) for tag in ("IS", "M1") for v in values.pop(tag, [])]
    if number:
        periodical = csl_type.startswith("article") or csl_type == "paper-conference"
        fields["issue" if periodical else "number"] = number[0][1]
        for tag, value in number[1:]:  # "ris<tag>": "number" is a BibTeX field, lost there
            name = "ris" + tag.lower()
            extra[name] = f"{extra[name]}; {value}" if name in extra else value
    for serial in (s for v in values.pop("SN", []) for s in re.split(r"[;,]\s*|\s+", v) if s):
        # a report's SN is its number ("TR-2019-17"); PubMed's "(Electronic)" is no ISBN: kept
        var = "ISSN" if _ISSN.match(serial) else "ISBN" if _ISBN.match(serial) else \
            "number" if csl_type in ("report", "patent") and "number" not in fields else "rissn"
        target = extra if var == "rissn" else fields
        target[var] = f"{target[var]} {serial}" if var in target else serial
    if "DO" in values:
        fields["DOI"] = _DOI_PREFIX.sub("", _first(values, "DO", extra))


def _first(values: dict[str, list[str]], tag: str, extra: dict[str, str]) -> str:
    """The first value of a tag that has one meaning (``""`` if absent); a second, different
    value is kept in ``extra`` as ``ris<tag>``."""
    given = list(dict.fromkeys(values.pop(tag, [])))
    if given[1:]:
        extra["ris" + tag.lower()] = "; ".join(given[1:])
    return given[0] if given else ""
