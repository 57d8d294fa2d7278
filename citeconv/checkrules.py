"""The rules of ``citeconv check``: stable ids, default severity, one function per entry rule.

Contract
- ``RULES`` maps each rule id (API: never renamed) to ``(severity, description)``.
- ``entry_findings(block, macros)`` yields ``Finding``s for one entry of ``bibfile.scan``;
  file-level rules (duplicates, crossref, ``--aux``) live in ``check``.
- A ``Finding`` may carry a ``fix``: ``(start, end, replacement)`` in the file text. Only fixes
  that need no judgement get one: ``12-15`` pages, a DOI written as a URL, a month written out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from . import identifiers
from .bibfile import Block, RawField
from .mapping import MONTH_NAMES, MONTHS
from .readers.bibtex import resolve_value

ERROR, WARNING = "error", "warning"
RULES: dict[str, tuple[str, str]] = {
    "syntax": (ERROR, "a block that BibTeX cannot read (unbalanced braces, no key, no '=')"),
    "duplicate-key": (ERROR, "two entries with the same key (case-insensitively)"),
    "duplicate-work": (WARNING, "two entries for the same work (DOI, arXiv id, ISBN, or "
                       "title/author/year)"),
    "missing-field": (WARNING, "a field the entry type requires in BibTeX is missing"),
    "bad-doi": (WARNING, "doi is not a bare DOI (10.prefix/suffix)"),
    "bad-isbn": (WARNING, "isbn has a wrong length or check digit"),
    "bad-issn": (WARNING, "issn has a wrong length or check digit"),
    "bad-arxiv": (WARNING, "eprint with archiveprefix arXiv is not an arXiv identifier"),
    "bad-url": (WARNING, "url is not an absolute http(s)/ftp URL"),
    "bad-date": (ERROR, "a date field that is not an ISO 8601/EDTF date, or a day the month "
                 "does not have"),
    "odd-year": (WARNING, "a year that is not a number (biber cannot sort or label it; "
                 "{\\noopsort{…}} prefixes are fine)"),
    "bad-month": (ERROR, "month that is not a month"),
    "month-name": (WARNING, "month written out instead of the macro (jan, feb, ...) that "
                   "styles translate"),
    "bad-pages": (WARNING, "pages written as a range with a single hyphen or dash"),
    "unprotected-acronym": (WARNING, "a title word with inner capitals that BibTeX styles "
                            "would lower-case (brace it: {BERT})"),
    "undefined-string": (ERROR, "a bare word that no @string defines"),
    "undefined-crossref": (ERROR, "crossref to a key that is not in the files"),
    "key-chars": (WARNING, "a key with characters LaTeX tools dislike (use letters, digits, "
                  "_ - : . +)"),
    "cited-missing": (ERROR, "a key cited in the .aux file that no entry has"),
    "never-cited": (WARNING, "an entry that the .aux file never cites"),
}
#: BibTeX's required fields (btxdoc), alternatives separated by '|'; biblatex names accepted
REQUIRED = {
    "article": ("author", "title", "journal|journaltitle", "year|date"),
    "book": ("author|editor", "title", "publisher", "year|date"),
    "inbook": ("author|editor", "title", "chapter|pages", "publisher", "year|date"),
    "incollection": ("author", "title", "booktitle", "publisher", "year|date"),
    "inproceedings": ("author", "title", "booktitle", "year|date"),
    "conference": ("author", "title", "booktitle", "year|date"),
    "mastersthesis": ("author", "title", "school|institution", "year|date"),
    "phdthesis": ("author", "title", "school|institution", "year|date"),
    "techreport": ("author", "title", "institution", "year|date"),
    "manual": ("title",), "booklet": ("title",), "unpublished": ("author", "title", "note"),
    "proceedings": ("title", "year|date"), "online": ("title", "url|doi|eprint"),
}
_KEY_OK = re.compile(r"[A-Za-z0-9_\-:.+/]+")
_ACRONYM = re.compile(r"(?<![\w\\])([A-Za-z]*[A-Z][a-z0-9]*[A-Z][\w-]*)")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, slots=True)
class Finding:
    file: str
    line: int
    rule: str
    message: str
    severity: str = ""
    fix: tuple[int, int, str] | None = None
    fix_note: str = ""

    def format(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message} [{self.rule}]"


def _f(rule: str, line: int, message: str, fix: tuple[int, int, str] | None = None,
       fix_note: str = "") -> Finding:
    return Finding("", line, rule, message, RULES[rule][0], fix, fix_note)


def _inner(value: str) -> str:
    v = value.strip()
    return v[1:-1] if len(v) > 1 and v[0] + v[-1] in ("{}", '""') else v


def entry_findings(block: Block, macros: dict[str, str]) -> Iterator[Finding]:
    where = f"@{block.kind}{{{block.key}}}"
    if not _KEY_OK.fullmatch(block.key):
        yield _f("key-chars", block.line, f"key {block.key!r} has characters LaTeX tools "
                 "dislike")
    present = {f.name.lower() for f in block.fields}
    for need in REQUIRED.get(block.kind, ()):
        if not present & set(need.split("|")):
            yield _f("missing-field", block.line, f"{where} has no {need.replace('|', ' or ')}")
    for field in block.fields:
        text, problems = resolve_value(field.value, macros)
        for problem in problems:
            yield _f("undefined-string", field.line, f"{field.name}: {problem}")
        yield from _field_findings(block, field, field.name.lower(), text.strip())


def _field_findings(block: Block, field: RawField, name: str, text: str) -> Iterator[Finding]:
    line = field.line
    if name == "doi" and text and not identifiers.valid_doi(text):
        bare = identifiers.normal_doi(text)
        fix = (field.start, field.end, "{" + _doi_case(text, bare) + "}") if bare else None
        yield _f("bad-doi", line, f"doi {text!r} is not a bare DOI", fix,
                 f"doi {text!r} -> {_doi_case(text, bare)!r}")
    elif name == "isbn" and text and not all(
            identifiers.normal_isbn(p) for p in re.split(r"[,;]\s*|\s+and\s+", text) if p):
        yield _f("bad-isbn", line, f"isbn {text!r} has a wrong length or check digit")
    elif name == "issn" and text and not all(
            identifiers.valid_issn(p) for p in re.split(r"[,;]\s*|\s+and\s+", text) if p):
        yield _f("bad-issn", line, f"issn {text!r} has a wrong length or check digit")
    elif name == "eprint" and text and _is_arxiv(block) and not identifiers.clean_arxiv(text):
        yield _f("bad-arxiv", line, f"eprint {text!r} is not an arXiv identifier")
    elif name == "url" and text and not identifiers.URL.match(text.replace("\\_", "_")):
        yield _f("bad-url", line, f"url {text!r} is not an absolute http(s)/ftp URL")
    elif name == "year" and text and not re.fullmatch(
            r"-?\d{1,4}", re.sub(r"^\{?\\noopsort\{[^{}]*\}\}?|[{}]", "", text).strip()):
        yield _f("odd-year", line, f"year {text!r} is not a number")
    elif name == "date" and text:
        yield from _date(text, line)
    elif name == "month" and text:
        yield from _month(field, text)
    elif name == "pages" and text:
        m = re.fullmatch(r"(\w+)\s*(?:-|–|—|\\textendash\{?\}?)\s*(\w+)", text)
        if m and not re.search(r"--", text):
            fixed = f"{m.group(1)}--{m.group(2)}"
            yield _f("bad-pages", line, f"pages {text!r}: a range is written with -- in BibTeX",
                     (field.start, field.end, "{" + fixed + "}"), f"pages {text!r} -> {fixed!r}")
    elif name == "title" and text:
        yield from _acronyms(field, text)


def _doi_case(text: str, bare: str) -> str:
    """The DOI as written (its case kept), without the resolver prefix."""
    start = text.lower().find(bare)
    return text[start:start + len(bare)] if start >= 0 else bare


def _is_arxiv(block: Block) -> bool:
    prefix = block.field("archiveprefix") or block.field("eprinttype")
    return prefix is not None and _inner(prefix.value).strip().lower() == "arxiv"


def _date(text: str, line: int) -> Iterator[Finding]:
    for piece in text.rstrip("~?%").split("/"):
        if piece in ("", ".."):
            continue
        m = re.fullmatch(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?", piece)
        if not m:
            yield _f("bad-date", line, f"date {text!r} is not an ISO 8601/EDTF date")
            return
        month, day = int(m.group(2) or 1), int(m.group(3) or 1)
        if not 1 <= month <= 12 and not 21 <= month <= 24 or \
                month <= 12 and not 1 <= day <= _DAYS[month - 1]:
            yield _f("bad-date", line, f"date {text!r}: no such day")
            return


def _month(field: RawField, text: str) -> Iterator[Finding]:
    raw = field.value.strip().lower()
    if raw in MONTHS:
        return
    key = text.strip().lower().rstrip(".")
    number = MONTH_NAMES.get(key) or (int(key) if key.isdigit() and 1 <= int(key) <= 12 else 0)
    if not number and any(w in MONTH_NAMES for w in re.findall(r"[a-z]+", key)):
        yield _f("month-name", field.line, f"month {text!r} holds more than a month: biber "
                 "wants 1-12 or jan..dec here (a day goes in 'day')")
        return
    if not number:
        yield _f("bad-month", field.line, f"month {text!r} is not a month")
    elif key != str(number):  # a month name: the macro is what every style expects
        macro = MONTHS[number - 1]
        yield _f("month-name", field.line, f"month {text!r}: write the macro {macro}",
                 (field.start, field.end, macro), f"month {text!r} -> {macro}")


def _acronyms(field: RawField, text: str) -> Iterator[Finding]:
    depth, plain = 0, []
    for ch in text:  # only text at brace depth 0 is at risk of lower-casing
        depth += (ch == "{") - (ch == "}")
        plain.append(ch if depth == 0 and ch not in "{}" else " ")
    words = sorted({m.group(1) for m in _ACRONYM.finditer("".join(plain))})
    if words:
        yield _f("unprotected-acronym", field.line, f"title: {', '.join(words)} would be "
                 "lower-cased by BibTeX styles; brace them ({" + words[0] + "})")
