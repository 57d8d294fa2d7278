"""Reader for arXiv-style listings (``--from arxiv``).

Contract
- Two shapes, mixed freely in one input:
  1. paper-listing pages: blocks of a header line (category code glued to the date, maybe a
     glued ``Code`` badge: ``CLNov 7, 2024Code``), a line with the title glued onto at most
     three comma-separated authors (`` et al.`` when there are more, then an optional
     `` · slug, slug`` affiliation list), then the abstract (optional; may run over lines).
  2. text copied from arXiv's own pages: listing/search entries (``arXiv:2401.01234 [pdf,
     other]``, ``Title:``, ``Authors:``, ``Comments:``, ``Subjects:``, ``Submitted …;
     originally announced …``) and abstract pages (``Title:``, ``Authors:``, ``Abstract:``,
     ``[Submitted on 2 Jan 2024 …]``, ``Cite as: arXiv:… [cs.CL]``).
- Each entry becomes ``Record(id="", type="article")`` with ``title``, ``author`` (``ETAL``
  last for "et al."), ``issued`` (first-version date; the id's year-month when no date is
  shown), ``publisher="arXiv"``, ``number``/``URL``/``DOI`` (when an arXiv id is known:
  shown, or stamped in the abstract), ``abstract`` (cleaned by ``_text.clean_abstract``) and
  ``extra["primaryclass"]`` (+ ``extra["affiliation"]``). ``source.line`` is the entry's line.
- The title/author split scores every glue point by how well the rest parses as a name list
  (``_glued``); a close second choice gives an ``arxiv.ambiguous-split`` warning.
  Organisations (``names.is_organisation`` plus AI-lab names) become literal names.
- Every line is accounted for: browser-copy noise is removed first (``_text.clean_input``);
  page furniture is dropped and counted (``metadata["furniture"]``); a listing abstract ends
  where ``_text.abstract_run`` says, and the lines after it are read with the Publications or
  Last-First reader when that reader reads them all cleanly (``arxiv.other-layout``), else
  they are one ERROR ``arxiv.unparsed-block`` keeping them — never abstract text.
- A category code several archives share (``CO``) takes the entry's own ``[math.CO]`` stamp,
  else the class its subject words point to, else the default; ``arxiv.ambiguous-category``
  warns unless the stamp decided.
- Diagnostic codes: ``arxiv.ambiguous-split``, ``arxiv.ambiguous-category``,
  ``arxiv.name-split`` (three-word and longer names), ``arxiv.unknown-category``,
  ``arxiv.other-layout``, ``arxiv.unparsed-text`` (warnings); ``arxiv.no-title``,
  ``arxiv.no-authors``, ``arxiv.page-entry``, ``arxiv.unparsed-block`` (ERROR: the text is
  skipped, its raw text kept; reading goes on).
- ``detect`` is cheap, never raises, and scores only these two shapes high.
"""
from __future__ import annotations

import dataclasses
import datetime
import re

from ..model import ETAL, Date, Diagnostic, Name, ReadResult, Record, Severity, Source
from . import arxiv_categories as cats
from ._glued import _author_list, _names, _pieces, _split_glued
from ._repeats import repeated_entries
from ._text import (
    ARXIV_ID,
    abstract_run,
    arxiv_fields,
    clean_abstract,
    clean_input,
    furniture_note,
    is_furniture,
)

NAME = "arxiv"

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_HEADER_RE = re.compile(
    rf"^(?P<code>[A-Za-z][A-Za-z.\-]{{0,24}}?)(?P<sp> ?)(?P<date>{_MON}\s\d{{1,2}},\s\d{{4}})"
    r"(?P<badge>[A-Za-z][A-Za-z ]{0,20})?$")
_DATE_MDY = re.compile(rf"({_MON})\s(\d{{1,2}}),?\s(\d{{4}})")
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s({_MON}),?\s(\d{{4}})")
_ID_LINE = re.compile(rf"^(?:\[\d+\]\s*)?arXiv:({ARXIV_ID})(v\d+)?\b(.*)$")
_LABEL = re.compile(
    r"^(Title|Authors?|Abstract|Comments?|Subjects?|Journal[- ]ref(?:erence)?|(?:Related )?DOI|"
    r"Cite as|Report number|"
    r"MSC classes|ACM classes)\s*:\s*(.*)$", re.IGNORECASE)
_SUBMITTED = re.compile(r"^\[?Submitted\b", re.IGNORECASE)
_NOISE = re.compile(r"^(?:\(or arXiv:.*|https?://doi\.org/\S+|\[(?:pdf|html|ps|other)\b.*\]|"
                    r"Submission history|From: .*|\[v\d+\] .*|Download PDF|View PDF.*)$")
_LEAD_IN = re.compile(r"^(?:\[Submitted on\b.*|[A-Z][\w ,\-]* > .+)$")  # before Title:
_CHROME = re.compile(  # page furniture before the first entry, skipped without a diagnostic
    r"^(?:Showing \d.*|Skip to main content|We gratefully acknowledge .*|Total of \d+ entries.*|"
    r"(?:New submissions|Cross-lists|Replacements|Cross submissions)\b.*|"
    r"[A-Z][\w ,\-]* > .+|arXiv:\S+ \(\w+\))$")


def _header(line: str) -> re.Match[str] | None:
    """``CLJun 9, 2022`` (a code glued to the date), or ``cs.CL Jun 9, 2022`` with a known code."""
    m = _HEADER_RE.match(line)
    return m if m and (not m.group("sp") or cats.resolve(m.group("code"))) else None


# --------------------------------------------------------------------------- detection
def detect(text: str) -> float:
    """0..1: how much ``text`` looks like either arXiv listing shape."""
    lines = [ln.strip() for ln in clean_input(text[:200_000]).split("\n")
             if ln.strip() and not is_furniture(ln)][:600]
    return round(max(_listing_score(lines), _page_score(lines)), 3) if lines else 0.0


def _listing_score(lines: list[str]) -> float:
    """Header lines each followed by a title+authors line (a glue point or a comma)."""
    heads = [i for i, ln in enumerate(lines) if _header(ln)]
    good = sum(1 for i in heads if i + 1 < len(lines) and not _header(lines[i + 1])
               and re.search(r"[^\s][A-Z]|, ", lines[i + 1]))
    if not good:
        return 0.0
    density = min(1.0, 3 * len(heads) / len(lines))
    return min(0.95, 0.5 + 0.25 * min(good, 2) + 0.2 * density)


def _page_score(lines: list[str]) -> float:
    """Distinct arXiv page furniture seen: id lines, field labels, submission dates."""
    kinds = set()
    for ln in lines:
        if _ID_LINE.match(ln):
            kinds.add("id")
        elif (m := _LABEL.match(ln)) is not None:
            kinds.add(_key(m.group(1)))
        elif _SUBMITTED.match(ln) or "originally announced" in ln:
            kinds.add("submitted")
    if kinds == {"id"}:
        return 0.25  # a bare list of identifiers: nothing to read titles or authors from
    if "id" in kinds or {"title", "author"} <= kinds:
        return min(0.95, 0.3 * len(kinds))
    return 0.0


# --------------------------------------------------------------------------- records
def _date(text: str) -> Date | None:
    """``Jun 9, 2022`` or ``9 June, 2022`` (the first one in ``text``) -> Date; else None."""
    if (m := _DATE_MDY.search(text)) is not None:
        mon, day, year = m.groups()
    elif (m := _DATE_DMY.search(text)) is not None:
        day, mon, year = m.groups()
    else:
        return None
    try:
        when = datetime.date(int(year), _MONTHS.get(mon[:3].lower(), 0), int(day))
    except ValueError:
        return None
    return Date(parts=((when.year, when.month, when.day),))


def _record(line: int, title: str, authors: tuple[Name, ...], issued: Date | None,
            arxiv_id: str | None, abstract: str, extra: dict[str, str]) -> Record:
    abstract, stamped = clean_abstract(abstract)
    arxiv_id = arxiv_id or stamped
    fields: dict[str, object] = {
        "title": " ".join(title.split()), "author": authors, "publisher": "arXiv",
        "abstract": abstract, "issued": issued, **(arxiv_fields(arxiv_id) if arxiv_id else {})}
    return Record(id="", type="article", fields=fields,  # type: ignore[arg-type]
                  extra={k: v for k, v in extra.items() if v}, source=Source(line=line))


def _error(code: str, message: str, line: int, raw: list[str]) -> Diagnostic:
    return Diagnostic(code=code, message=message, line=line, severity=Severity.ERROR,
                      raw="\n".join(raw))


# --------------------------------------------------------------------------- shape 1
Block = tuple[Record | None, list[Diagnostic], list[Record]]  # entry, problems, pasted others


def _listing_block(nums: list[int], lines: list[str]) -> Block:
    """``lines``: header, title+authors, abstract lines (stripped, no blanks); ``nums``: their
    line numbers. Lines after a finished abstract go to ``_foreign``."""
    start = nums[0]
    m = _header(lines[0])
    assert m is not None
    diags: list[Diagnostic] = []
    abstract, rest = abstract_run(lines[2:])
    others: list[Record] = []
    if rest:
        others, found = _foreign(nums[len(nums) - len(rest):], rest)
        diags.extend(found)
        nums, lines = nums[:len(nums) - len(rest)], lines[:len(lines) - len(rest)]
    category = _category(m.group("code"), " ".join(lines[1:2] + abstract), start, diags)
    if len(lines) < 2:
        return None, diags + [_error("arxiv.no-title", "entry has no title line", start,
                                     lines)], others
    body, affiliation = lines[1], ""
    parts = re.split(r"\s+·\s+", body)
    if len(parts) > 1 and (re.search(r"et al\.?$", parts[-2])
                           or not re.search(r"[A-Z][a-z]+ [A-Z][a-z]+,", parts[-1])):
        body, affiliation = " · ".join(parts[:-1]), parts[-1].strip()
    body, etal = re.subn(r",?\s*et al\.?$", "", body.strip())
    p, ambiguous = _split_glued(body, bool(etal))
    if not p:
        return None, diags + [_error("arxiv.no-authors", "cannot tell the title from the "
                                     "authors", start, lines)], others
    if ambiguous:
        diags.append(Diagnostic("arxiv.ambiguous-split", f"title/author split is a guess: "
                                f"{body[:p]!r} | {body[p:]!r}", line=nums[1]))
    names = _names(_pieces(body[p:]), nums[1], diags) + ((ETAL,) if etal else ())
    extra = {"primaryclass": category or m.group("code"), "affiliation": affiliation}
    rec = _record(start, body[:p].strip(), names, _date(m.group("date")), None,
                  " ".join(abstract), extra)
    return rec, diags, others


def _foreign(nums: list[int], lines: list[str]) -> tuple[list[Record], list[Diagnostic]]:
    """Lines after an entry's abstract (or more than a heading before the first entry) that
    are not part of an arXiv entry. Entries pasted from a
    "Publications" page or a "Last, First" export are read with that reader when it reads
    them all without an error (WARNING ``arxiv.other-layout`` says so); anything else is one
    ERROR ``arxiv.unparsed-block`` that keeps the lines."""
    from . import lastfirst, publications  # only for mixed pastes
    chunk = "\n".join(lines)
    for other in (publications, lastfirst):
        if other.detect(chunk) < 0.5:
            continue
        got = other.read(chunk)
        if not got.records or any(d.severity == Severity.ERROR for d in got.diagnostics):
            continue
        where = lambda k: nums[k - 1] if 0 < k <= len(nums) else nums[0]  # noqa: E731
        records = [r.replace(source=Source(line=where(r.source.line))) for r in got.records]
        found = [dataclasses.replace(d, line=where(d.line)) for d in got.diagnostics]
        note = Diagnostic("arxiv.other-layout", f"{len(lines)} line(s) here are in the "
                          f"{other.NAME} layout: read {len(records)} entries with that reader",
                          line=nums[0])
        return records, [note, *found]
    return [], [_error("arxiv.unparsed-block", f"{len(lines)} line(s) here are not an arXiv "
                       "listing entry; not read", nums[0], lines)]


def _category(code: str, text: str, line: int, diags: list[Diagnostic]) -> str | None:
    """The header's code as a category. A code several archives share (``CO``: stat, math,
    astro-ph) takes the full category the entry itself shows (an ``arXiv:… [math.CO]`` stamp
    in its abstract); without one, the one whose subject words the title and abstract use
    (``arxiv_categories.cued``), else the listing default, with an
    ``arxiv.ambiguous-category`` warning either way."""
    category = cats.resolve(code)
    if category is None:
        diags.append(Diagnostic("arxiv.unknown-category", f"unknown arXiv category code "
                                f"{code!r}", line=line))
        return None
    options = cats.candidates(code)
    if len(options) < 2:
        return category
    shown = [c for c in re.findall(r"\[([\w.\-]+)\]", text) if c in options]
    if shown:
        return shown[0]
    if cats.ambiguous(code):
        cued = cats.cued(options, text)
        how = "from the words of its title and abstract" if cued else "by default"
        diags.append(Diagnostic("arxiv.ambiguous-category", f"category code {code!r} is "
                                f"{' or '.join(options)}; read as {cued or category} {how}",
                                line=line))
        return cued or category
    return category


# --------------------------------------------------------------------------- shape 2
def _key(label: str) -> str:
    return label.lower().replace("-", " ").split()[0].rstrip("s")


def _page_fields(lines: list[str]) -> dict[str, str]:
    """Labelled fields of one page entry. Authors and Abstract run on to the next label; an
    unlabelled line after the id line is the title (search results), after a one-line field
    the abstract (``/list/…/new`` pages)."""
    fields: dict[str, str] = {}
    key = ""
    for ln in lines:
        if (m := _ID_LINE.match(ln)) is not None and "id" not in fields:
            fields["id"], fields["idline"], key = m.group(1), m.group(3), ""
        elif (m := _LABEL.match(ln)) is not None:
            key = _key(m.group(1))
            fields[key] = (fields.get(key, "") + " " + m.group(2)).strip()
            if fields[key] and key not in ("author", "abstract", "title"):
                key = "" if "abstract" in fields else "abstract"
        elif _SUBMITTED.match(ln) or "originally announced" in ln:
            fields.setdefault("submitted", ln)
            key = "submitted"
        elif _NOISE.match(ln) or _LEAD_IN.match(ln):
            continue
        elif key:
            fields[key] = (fields.get(key, "") + " " + ln).strip()
        elif all(cats.is_category(t) for t in ln.split()):
            fields["idline"] = fields.get("idline", "") + " " + ln
        elif "title0" not in fields and "author" not in fields:
            fields["title0"] = ln  # search results: the title line has no label
    fields.setdefault("title", fields.get("title0", ""))
    return fields


def _page_abstract(text: str) -> str:
    """Search results show a short abstract, ``▽ More``, the full one, ``△ Less``."""
    if "▽" in text:
        text = re.sub(r"^\s*More\b", "", text.split("▽", 1)[1])
    return text.split("△", 1)[0]


def _primary(fields: dict[str, str], arxiv_id: str) -> str:
    for key, pattern in (("subject", r"\(([\w.\-]+)\)"), ("cite", r"\[([\w.\-]+)\]"),
                         ("idline", r"cross-list from ([\w.\-]+)"), ("idline", r"([\w.\-]+)")):
        for cand in re.findall(pattern, fields.get(key, "")):
            if cats.is_category(cand):
                return str(cand)
    return arxiv_id.split("/")[0] if "/" in arxiv_id else ""


def _page_date(fields: dict[str, str], arxiv_id: str) -> Date | None:
    text = fields.get("submitted", "")
    m = re.search(r"v1 submitted ([^;]+)", text)
    found = _date(m.group(1) if m else text)
    yymm = re.match(r"(?:[a-z\-.]+/)?(\d\d)(\d\d)", arxiv_id) if not found else None
    if yymm is None:
        return found
    year, month = int(yymm.group(1)), int(yymm.group(2))
    year += 1900 if year >= 91 else 2000
    return Date(parts=((year, month),)) if 1 <= month <= 12 else None


def _page_block(nums: list[int], lines: list[str]) -> Block:
    start = nums[0]
    fields = _page_fields(lines)
    cite = re.search(rf"arXiv:({ARXIV_ID})", fields.get("cite", ""))
    arxiv_id = fields.get("id") or (cite.group(1) if cite else "")
    if not fields.get("title") or not fields.get("author"):
        return None, [_error("arxiv.page-entry", "arXiv page entry without Title: and "
                             "Authors:", start, lines)], []
    diags: list[Diagnostic] = []
    authors, affiliation = _author_list(fields["author"], start, diags)
    extra = {"primaryclass": _primary(fields, arxiv_id), "affiliation": affiliation}
    rec = _record(start, fields["title"], authors, _page_date(fields, arxiv_id), arxiv_id,
                  _page_abstract(fields.get("abstract", "")), extra)
    return rec, diags, []


# --------------------------------------------------------------------------- reading
def _take_lead(lines: list[tuple[int, str]], keep: int) -> list[tuple[int, str]]:
    """Pop the abstract-page lines that come before ``Title:`` off the end of ``lines``."""
    lead: list[tuple[int, str]] = []
    while len(lines) > keep and _LEAD_IN.match(lines[-1][1]):
        lead.insert(0, lines.pop())
    return lead


Entry = tuple[str, list[tuple[int, str]]]  # kind, (line number, stripped text) pairs


def _segment(text: str) -> tuple[list[Entry], list[tuple[int, str]], list[int]]:
    """Non-blank lines -> entries, stray (line, text) pairs before the first entry, and the
    numbers of the page-furniture lines dropped."""
    entries: list[Entry] = []
    stray: list[tuple[int, str]] = []
    furniture: list[int] = []
    titled = False  # does the current page entry have its Title: yet?
    for no, raw in enumerate(text.split("\n"), 1):
        ln = raw.strip()
        if not ln:
            continue
        if is_furniture(ln) and not _header(ln):
            furniture.append(no)
            continue
        cur = entries[-1] if entries else None
        label = _LABEL.match(ln)
        is_title = label is not None and _key(label.group(1)) == "title"
        if _header(ln):
            entries.append(("listing", [(no, ln)]))
        elif _ID_LINE.match(ln) or (is_title and (cur is None or cur[0] != "page" or titled)):
            lead = _take_lead(cur[1] if cur else stray, 1 if cur else 0) if is_title else []
            entries.append(("page", lead + [(no, ln)]))
            titled = is_title
        elif cur is not None:
            cur[1].append((no, ln))
            titled = titled or is_title
        else:
            stray.append((no, ln))
    return entries, [(no, s) for no, s in stray if not _CHROME.match(s)], furniture


def _read(text: str) -> ReadResult:
    entries, stray, furniture = _segment(clean_input(text))
    records: list[Record] = []
    diags: list[Diagnostic] = []
    if stray and (len(stray) > 3 or any(len(t) > 100 for _, t in stray)):
        others, found = _foreign([n for n, _ in stray], [t for _, t in stray])
        records.extend(others)
        diags.extend(found)
    elif stray:  # a page heading or two: reported, not an error
        diags.append(Diagnostic("arxiv.unparsed-text", f"{len(stray)} line(s) before the "
                                "first entry were not read", line=stray[0][0],
                                raw="\n".join(s for _, s in stray)))
    for kind, numbered in entries:
        reader = _listing_block if kind == "listing" else _page_block
        rec, found, others = reader([n for n, _ in numbered], [s for _, s in numbered])
        diags.extend(found)
        if rec is not None:
            records.append(rec)
        records.extend(others)
    diags.extend(repeated_entries(records, NAME))
    return ReadResult(records=tuple(records), diagnostics=tuple(diags), layout=NAME,
                      metadata=furniture_note(furniture))


def read(text: str) -> ReadResult:
    """Read every entry; a bad entry becomes an ERROR diagnostic. Never raises on ``str``."""
    try:
        return _read(text)
    except Exception as exc:  # noqa: BLE001 - a reader must not take the run down
        bug = _error("arxiv.internal-error", f"reader failed: {exc!r}", 0, [text[:2000]])
        return ReadResult(diagnostics=(bug,), layout=NAME)
