"""Reader for institutional "Publications" pages (a lab's list, copied from the web page).

Layout
    Publications                  <- header (one or a few lines; kept as metadata["header"])
    <title>
    First Last                    <- one author per line, display order, maybe ALL CAPS
    First Middle Last
    <abstract, optional; the site may splice "… (voir plus)" into it>
    <title>
    …

Contract
- Every non-blank line is classed by its shape alone: *abstract* (prose: many words, mostly
  lower-case, sentence punctuation, or a truncation marker), *name-shaped* (2-6 capitalised
  words, initials or lower-case particles, no digits or sentence punctuation), or *title*.
  No word lists from any particular page are used (general lists live in ``namedata``).
- Structure decides the rest: a title is followed by at least one name, so the line right after
  a title is a name even when it reads like words (``Can Chen``); after an abstract or a year
  line comes a title even when it reads like a name (``Discrete Key-Value Bottleneck``); a
  prose line between authors and a title is a short abstract (a title would have authors
  after it). After a name, a name-shaped line is a new title only when it looks like one
  (``titleness``: a capitalised function word such as ``The``/``Towards``, a single word,
  CamelCase or acronym, a last word that is an everyday title noun such as ``Networks``,
  English word endings, or most of its words used as ordinary words elsewhere on the page)
  AND a name follows it, and never when the same line is an author right after a certain title
  elsewhere on the page; a close call, or a one-word title that reads like nothing but a
  name (``Mausam``), is a WARNING ``publications.title-or-name``. A word in
  capitals in a mixed-case line is an acronym for that test (``Wasserstein GAN``) unless the
  page writes family names so (a third or more of its name lines end like ``Yoshua BENGIO``).
- Header lines before the first entry are chosen by trying 0-3 of them and keeping the most
  coherent parse. A pure date line (``2023``, ``June 2023``, ``juin 2023``) before titles is a
  heading that dates the entries below it; inside an entry it sets that entry's ``issued``.
- Names: ALL CAPS -> normal case; split by ``names.parse_name_noted`` (documented rule: last
  word is the family, particles and capitalised prefixes such as ``Le`` join it, four or more
  words keep two family words); a guessed split is a WARNING ``publications.name-split``.
- Abstracts go through ``_text.clean_abstract`` (truncation markers removed and halves
  rejoined, TeX quotes, PDF artifacts); an arXiv stamp makes an arXiv ``article``.
- An entry whose title has no author line after it is an ERROR ``publications.no-authors``.
- A venue line right after the authors (``NeurIPS 2023``, ``Proceedings of … 2019``; not when
  a name follows it: then it is a title) gives ``container-title``, the type (conference
  paper, journal article) and, without a date line, ``issued``.
- The working records (``_Line``, ``_Entry``) and date handling live in ``_pubparts``.
- Noise removed first (``_text.clean_input``); page furniture dropped and counted
  (``metadata["furniture"]``); a name line ending in a suffix (``Hal Daumé III``) and an
  organisation (``ATLAS Collaboration``, its case kept) are authors, not titles; ``detect``
  refuses e-mails and meeting notes (``_text.looks_like_correspondence``) and rosters (most
  "titles" one or two words: ``PhD students``); only a short heading line (``Publications``,
  not a README sentence mentioning publication lists) raises its score; that heading met again
  further down (the page pasted twice) is furniture.
"""
from __future__ import annotations

import re

from ..model import Date, Diagnostic, Name, ReadResult, Record, Severity, Source
from ..namedata import ROLE_WORDS
from ..names import PARTICLES, is_initial, parse_name_noted
from ._pubparts import (
    _DATE_LINE,
    _date,
    _Entry,
    _Line,
    _month,
    _place_dates,
    _venue,
    _venue_line,
)
from ._repeats import repeated_entries
from ._text import (
    _TRUNCATION,
    arxiv_fields,
    clean_abstract,
    clean_input,
    furniture_note,
    is_furniture,
    looks_like_correspondence,
    normalise_caps_name,
)
from ._titleness import _org_line, bare_word, titleness

NAME = "publications"

_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|[.'’\-])*$")
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"  # superscript affiliation marks: "Ting Chen¹", "Geoffrey Hinton¹ ²"
_MARKS = re.compile(rf"[\s*†‡§¶,;]+$|(?<=[^\W\d_])\d+(?:,\d+)*$|"
                    rf"(?<=[^\W\d_])[\s,*†‡{_SUP}]*[{_SUP}][\s,*†‡{_SUP}]*$")
_SUFFIX_COMMA = re.compile(r",\s*(Jr\.?|Sr\.?|II|III|IV)$", re.IGNORECASE)
_NICKNAME = re.compile(r"^\([^\W\d_][^\W\d_'’.\-]*\)$")
_HEADER = re.compile(r"\b(?:publications?|papers|articles|bibliograph(?:y|ie)|"
                     r"preprints|research|travaux|publicaciones|veröffentlichungen)\b",
                     re.IGNORECASE)
def _heading(text: str) -> bool:
    """A page heading naming a list of papers (``Publications``, ``Selected papers 2019-2023``),
    not a sentence that mentions publications (a README's ``Convert publication lists …``)."""
    words = text.split()
    return (bool(_HEADER.search(text)) and len(words) <= 8
            and not re.search(r"[.,;!?](?:\s|$)", text))


def _roster_heading(entry: _Entry) -> bool:
    """``Alumni``, ``PhD students``, ``Postdoctoral Fellows``: a one-word "title", two words in
    sentence case, or a short one ending in a group of people (``namedata.ROLE_WORDS``)."""
    words = entry.title.text.split()
    return len(words) == 1 or (len(words) == 2 and entry.title.kind == "title") or (
        len(words) <= 3 and words[-1].lower() in ROLE_WORDS)


# ------------------------------------------------------------------ line shapes
def _clean_name_line(text: str) -> str:
    """Affiliation marks dropped; ALL CAPS to normal case, for the whole name or for single
    words (``Yoshua BENGIO``; a short all-caps word before the last is initials, ``AJ``); a
    suffix after a comma joins the name (``Martin Luther King, Jr.``)."""
    text = _SUFFIX_COMMA.sub(r" \1", _MARKS.sub("", text.strip()))
    if _org_line(text):
        return text  # "ATLAS Collaboration" keeps the case its members write
    text = normalise_caps_name(text)
    words = text.split()
    return " ".join(
        normalise_caps_name(w) if w.isalpha() and w.isupper() and len(w) > 1
        and (k == len(words) - 1 or len(w) > 2) and w not in ("II", "III", "IV") else w
        for k, w in enumerate(words))


def _caps_family(text: str) -> bool:
    """``Yoshua BENGIO``: a mixed-case line whose last word is in capitals."""
    words = text.split()
    return (len(words) > 1 and not text.isupper() and words[-1].isalpha()
            and words[-1].isupper() and len(words[-1]) > 1)


def _title_view(text: str, caps_families: bool) -> str:
    """The line as ``titleness`` judges it. A capitalised word in a mixed-case line is a
    family name only on a page that writes family names so (most name lines end in one);
    elsewhere it is an acronym (``Wasserstein GAN``, ``Clockwork RNN``) and kept."""
    if caps_families:
        return _clean_name_line(text)
    text = _SUFFIX_COMMA.sub(r" \1", _MARKS.sub("", text.strip()))
    return text if _org_line(text) else normalise_caps_name(text)


def name_shaped(text: str) -> bool:
    words = _clean_name_line(text).split()
    if not 1 <= len(words) <= 6 or len(text) > 60:
        return False
    for k, w in enumerate(words):
        if 0 < k < len(words) - 1 and _NICKNAME.match(w):  # Shin (Alexandre) Koseki
            continue
        if not _NAME_WORD.match(w):
            return False
        if w[:1].islower() and not (0 < k < len(words) - 1 and w.lower() in PARTICLES):
            return False
    return True


def abstract_shaped(text: str) -> bool:
    if _TRUNCATION.search(text):
        return True
    words = text.split()
    lower = sum(w[:1].islower() for w in words) / max(1, len(words))
    if len(words) >= 25 and lower > 0.4:
        return True
    return len(words) >= 12 and lower > 0.6 and text.rstrip().endswith((".", "…"))


def _kind(text: str) -> str:
    date = _DATE_LINE.match(text.strip())
    if date and _month(date["m"]) is not None:
        return "date"
    if abstract_shaped(text):
        return "abstract"
    return "name" if name_shaped(text) else "title"


def _sentence(text: str) -> bool:
    """Ends like a sentence and reads like one (a title rarely ends with a full stop)."""
    words = text.split()
    return (text.rstrip().endswith(".") and len(words) >= 3 and not is_initial(words[-1])
            and sum(w[:1].islower() for w in words) >= len(words) / 3)


def _prose(text: str) -> bool:
    """Four or more words, a third of them lower-case: not title case."""
    words = text.split()
    return len(words) >= 4 and sum(w[:1].islower() for w in words) >= len(words) / 3


def _vocabulary(lines: list[_Line]) -> set[str]:
    words: set[str] = set()
    for ln in lines:
        if ln.kind == "abstract":
            words.update(w for w in re.findall(r"[^\W\d_]+", ln.text) if w.islower())
        elif ln.kind == "title":
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+", ln.text))
    return words


# ------------------------------------------------------------------ structure
def _entries(lines: list[_Line]) -> tuple[list[_Entry], list[_Line]]:
    """Group classed lines into entries; return entries and lines that fit nowhere. A line
    right after a date line (a year heading) starts an entry."""
    entries: list[_Entry] = []
    stray: list[_Line] = []
    after_date = {b.index for a, b in zip(lines, lines[1:]) if a.kind == "date"}
    body = [ln for ln in lines if ln.kind != "date"]  # dates are placed by _place_dates
    for k, ln in enumerate(body):
        cur = entries[-1] if entries else None
        nxt = body[k + 1] if k + 1 < len(body) else None
        if ln.index in after_date and ln.kind != "abstract":
            entries.append(_Entry(ln))
        elif cur is None:
            if ln.kind in ("title", "name"):
                entries.append(_Entry(ln))
            else:
                stray.append(ln)
        elif (ln.kind == "title" and cur.names and not cur.abstract and cur.venue is None
              and _venue_line(ln.text) and (nxt is None or nxt.kind != "name")):
            cur.venue = ln  # "NeurIPS 2023" after the authors (a title would have authors next)
        elif ln.kind == "abstract" or (ln.kind == "title" and not cur.abstract
                                       and _sentence(ln.text)):
            if cur.names or not cur.abstract:
                cur.abstract.append(ln)
            else:
                stray.append(ln)
        elif ln.kind == "name" and not cur.abstract and (
                not cur.names or ln.titleness < 0.5 or nxt is None or nxt.kind != "name"):
            cur.names.append(ln)
        elif ln.kind == "title" and cur.names and _prose(ln.text) and (
                nxt is None or nxt.kind in ("title", "abstract")):
            cur.abstract.append(ln)  # a short abstract: a title would have authors after it
        else:
            entries.append(_Entry(ln))
    return entries, stray


def _penalty(entries: list[_Entry], stray: list[_Line], skipped: int) -> float:
    cost = 0.4 * skipped + 2.0 * len(stray)
    for e in entries:
        cost += 2.0 if not e.names else 0.0
        cost += (1 - e.title.titleness) if e.title.kind == "name" else 0.0
        cost += sum(2 * n.titleness for n in e.names)
    return cost


def _parse(text: str) -> tuple[list[_Entry], list[_Line], list[_Line], list[_Line]]:
    """(entries, header lines, stray lines, furniture lines) of the most coherent reading."""
    raw = clean_input(text).split("\n")
    furniture = [_Line(i, t.strip(), "furniture") for i, t in enumerate(raw)
                 if t.strip() and is_furniture(t)]
    lines = [_Line(i, t.strip(), _kind(t)) for i, t in enumerate(raw)
             if t.strip() and not is_furniture(t)]
    # the page's heading met again further down (the page pasted twice, page after page) is
    # furniture, not a title
    heads = {ln.text for ln in lines[:3] if _heading(ln.text)}
    again = [ln for ln in lines[3:] if ln.text in heads]
    if again:
        furniture = sorted(furniture + again, key=lambda ln: ln.index)
        lines = [ln for ln in lines if ln not in again]
    vocab = _vocabulary(lines)
    # a line seen right after a certain title is a person; the same line elsewhere is too (not
    # in the first lines, where the "title" may be a header: "Recent papers from the lab")
    people = {ln.text for k, (prev, ln) in enumerate(zip(lines, lines[1:]))
              if prev.kind == "title" and ln.kind == "name" and k >= 3}
    named = [ln.text for ln in lines if ln.kind == "name" and not ln.text.isupper()]
    caps_families = sum(map(_caps_family, named)) * 3 >= max(1, len(named))
    for ln in lines:
        if ln.kind == "name" and ln.text not in people:
            ln.titleness = titleness(_title_view(ln.text, caps_families), vocab)
    best: tuple[float, list[_Entry], list[_Line], list[_Line]] | None = None
    for skip in range(0, min(3, len(lines)) + 1):
        entries, stray = _entries(lines[skip:])
        cost = _penalty(entries, stray, skip)
        if best is None or cost < best[0]:
            best = (cost, entries, lines[:skip], stray)
    assert best is not None
    _place_dates(lines, best[1])
    return best[1], best[2], best[3], furniture


# ------------------------------------------------------------------ records
def _names(entry: _Entry, diags: list[Diagnostic]) -> tuple[Name, ...]:
    out = []
    for ln in entry.names:
        name, note = parse_name_noted(_clean_name_line(ln.text))
        if note:
            diags.append(Diagnostic("publications.name-split", f"{ln.text}: {note}",
                                    ln.index + 1, raw=ln.text))
        if 0.4 <= ln.titleness < 0.5:
            diags.append(Diagnostic("publications.title-or-name", f"read {ln.text!r} as an "
                                    "author, though it could be a title", ln.index + 1,
                                    raw=ln.text))
        out.append(name)
    return tuple(out)


def _record(entry: _Entry, diags: list[Diagnostic]) -> Record | None:
    line = entry.title.index + 1
    if not entry.names:
        raw = "\n".join(x.text for x in [entry.title, *entry.abstract])
        diags.append(Diagnostic("publications.no-authors", "an entry with no author lines",
                                line, severity=Severity.ERROR, raw=raw))
        return None
    if entry.title.kind == "name" and (entry.title.titleness < 0.5
                                       or bare_word(entry.title.text)):
        diags.append(Diagnostic("publications.title-or-name", f"read {entry.title.text!r} as a "
                                "title, though it could be a name", line, raw=entry.title.text))
    abstract, arxiv_id = clean_abstract(" ".join(x.text for x in entry.abstract))
    fields: dict[str, object] = {"title": " ".join(entry.title.text.split()),
                                 "author": _names(entry, diags), "abstract": abstract}
    date = _date(entry.date)
    rtype = "document"
    if entry.venue is not None:
        venue, year, rtype, more = _venue(entry.venue)
        fields["container-title"] = venue
        fields.update(more)
        date = date or (Date(parts=((year,),)) if year else None)
    if date:
        fields["issued"] = date
    if arxiv_id:
        rtype = "article"
        fields.update(arxiv_fields(arxiv_id))
    return Record(id="", type=rtype, fields=fields,  # type: ignore[arg-type]
                  source=Source(line=line))


def read(text: str) -> ReadResult:
    entries, header, stray, furniture = _parse(text)
    diags: list[Diagnostic] = []
    for ln in stray:
        diags.append(Diagnostic("publications.unread", "a line that fits no entry was skipped",
                                ln.index + 1, severity=Severity.ERROR, raw=ln.text[:500]))
    records = [r for e in entries if (r := _record(e, diags)) is not None]
    metadata = {"header": " / ".join(ln.text for ln in header)} if header else {}
    metadata.update(furniture_note([ln.index + 1 for ln in furniture]))
    diags += repeated_entries(records, NAME)
    diags.sort(key=lambda d: d.line)
    return ReadResult(records=tuple(records), diagnostics=tuple(diags), layout=NAME,
                      metadata=metadata)


_FIELD_LINE = re.compile(r'^\s*(?:@\w+\s*[{(]|[\w-]+\s*=\s*[{"\d\w]|"[\w-]+"\s*:)', re.M)


def detect(text: str) -> float:
    """Share of lines explained by title / one-name-per-line / abstract entries, 0.0-1.0."""
    try:
        head = text[:100_000]
        if len(_FIELD_LINE.findall(head)) * 10 > head.count("\n") + 1:
            return 0.0  # "key = value" / "@type{" lines: a data format, not a page of titles
        if looks_like_correspondence(head):
            return 0.0  # notes and e-mails that merely contain names on their own lines
        entries, header, stray, _ = _parse(head)
        good = [e for e in entries
                if any(len(n.text.split()) > 1 and n.titleness < 0.5 for n in e.names)]
        if not good:
            return 0.0
        total = sum(1 for ln in text[:100_000].splitlines() if ln.strip())
        nameless = sum(1 + len(e.abstract) for e in entries if not e.names)
        coverage = (total - len(stray) - nameless - 0.5 * len(header)) / max(1, total)
        named_titles = sum(e.title.kind == "name" for e in good) / len(good)
        avg_names = sum(len(e.names) for e in good) / len(good)
        if avg_names > 25:
            return 0.0
        strength = min(1.0, 0.6 + 0.1 * len(good)) * (1.0 - 0.25 * named_titles)
        # paper titles run to several words; a page whose "titles" are mostly one word or two
        # in sentence case over lists of people is a roster ("PhD students", "Alumni"), unless
        # it says otherwise ("Deep Sets", "Wasserstein GAN": capitalised, may be papers)
        short = sum(map(_roster_heading, good)) / len(good)
        strength *= 1.0 - 0.7 * short if short > 0.5 else 1.0
        if any(_heading(h.text) for h in header):  # "Publications", "Selected papers"
            strength, coverage = max(strength, 0.9), coverage + 0.5 * len(header) / total
        names = [n for e in good for n in e.names]
        strength *= 1.0 - sum(n.text.endswith(",") for n in names) / len(names)  # "A, B," lists
        return round(max(0.0, min(1.0, strength * coverage ** 2)), 3)
    except Exception:  # noqa: BLE001 - a detector never raises
        return 0.0
