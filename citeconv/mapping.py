"""ONE table between BibTeX/biblatex and CSL, used by the BibTeX reader and writer alike.

Modelled on pandoc's BibTeX reader (types, ``date``/``journaltitle``, ``eprint``…). Reading
accepts every standard BibTeX and biblatex type and alias; writing uses only the 14 standard
BibTeX types (so natbib/plainnat and biblatex both accept the file). A CSL type that no standard
BibTeX type implies is kept in a ``csltype`` field, which bibtex and biber ignore, so that
``read(write(record)) == record``.
"""
from __future__ import annotations

# ----------------------------------------------------------------------------- types
#: BibTeX/biblatex entry type -> CSL type (reading)
TYPE_TO_CSL = {
    "article": "article-journal", "book": "book", "mvbook": "book", "booklet": "pamphlet",
    "inbook": "chapter", "bookinbook": "chapter", "suppbook": "chapter",
    "incollection": "chapter", "suppcollection": "chapter", "collection": "book",
    "mvcollection": "book", "inproceedings": "paper-conference", "conference": "paper-conference",
    "proceedings": "book", "mvproceedings": "book", "manual": "report",
    "mastersthesis": "thesis", "phdthesis": "thesis", "thesis": "thesis",
    "techreport": "report", "report": "report", "unpublished": "manuscript", "misc": "document",
    "online": "webpage", "electronic": "webpage", "www": "webpage", "patent": "patent",
    "periodical": "periodical", "suppperiodical": "article-journal", "dataset": "dataset",
    "software": "software", "reference": "book", "mvreference": "book",
    "inreference": "entry-encyclopedia", "artwork": "graphic", "audio": "song", "image": "graphic",
    "movie": "motion_picture", "video": "motion_picture", "music": "song",
    "performance": "performance", "standard": "standard", "legislation": "legislation",
    "legal": "legal_case", "letter": "personal_communication", "review": "review",
    "set": "document", "xdata": "document", "unknown": "document",
}
#: CSL type -> standard BibTeX type (writing); anything missing is written as @misc
CSL_TO_TYPE = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "book": "book", "pamphlet": "booklet", "chapter": "incollection",
    "paper-conference": "inproceedings", "thesis": "phdthesis", "report": "techreport",
    "manuscript": "unpublished", "document": "misc",
}
#: standard BibTeX types that no CSL type implies: remembered in ``extra[BIBTYPE]`` so that
#: ``@proceedings`` is written back as ``@proceedings``, not ``@book``
KEPT_TYPES = frozenset({"proceedings", "manual"})
BIBTYPE = "bibtex-type"
#: CSL types that read back from these BibTeX types without help (so need no csltype)
TYPE_ROUND_TRIP = {csl for bib, csl in TYPE_TO_CSL.items() if CSL_TO_TYPE.get(csl) == bib}
MASTERS_GENRES = ("master's thesis", "masters thesis", "master thesis", "msc thesis", "ma thesis")

# ---------------------------------------------------------------------------- fields
# kinds: text (LaTeX decoded), title (decoded, case-protected), names, verbatim (raw),
#        pages (-- <-> -), plain (decoded, never case-protected)
#: BibTeX field -> (CSL variable, kind). Aliases read the same variable.
FIELD_TO_CSL: dict[str, tuple[str, str]] = {
    "title": ("title", "title"), "shorttitle": ("title-short", "title"),
    "booktitle": ("container-title", "title"), "journal": ("container-title", "title"),
    "journaltitle": ("container-title", "title"), "series": ("collection-title", "title"),
    "eventtitle": ("event-title", "title"), "origtitle": ("original-title", "title"),
    "author": ("author", "names"), "editor": ("editor", "names"),
    "translator": ("translator", "names"), "bookauthor": ("container-author", "names"),
    "volume": ("volume", "plain"), "pages": ("page", "pages"), "chapter": ("chapter-number", "plain"),
    "edition": ("edition", "plain"), "publisher": ("publisher", "text"),
    "institution": ("publisher", "text"), "school": ("publisher", "text"),
    "organization": ("publisher", "text"), "howpublished": ("publisher", "text"),
    "address": ("publisher-place", "text"), "location": ("publisher-place", "text"),
    "venue": ("event-place", "text"), "type": ("genre", "text"), "note": ("note", "text"),
    "abstract": ("abstract", "text"), "keywords": ("keyword", "text"),
    "annote": ("annote", "text"), "annotation": ("annote", "text"),
    "language": ("language", "plain"), "langid": ("language", "plain"),
    "isbn": ("ISBN", "plain"), "issn": ("ISSN", "plain"), "doi": ("DOI", "verbatim"),
    "url": ("URL", "verbatim"), "pmid": ("PMID", "plain"), "pmcid": ("PMCID", "plain"),
    "version": ("version", "plain"), "pagetotal": ("number-of-pages", "plain"),
    "volumes": ("number-of-volumes", "plain"),
}
#: ``number`` is CSL ``issue`` for articles and ``number`` otherwise (pandoc does the same)
ISSUE_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper", "periodical"})
CONTAINER_AS_JOURNAL = ISSUE_TYPES
#: biblatex fields whose content is not LaTeX (kept byte for byte)
VERBATIM = frozenset({"url", "doi", "eprint", "file", "pdf", "verba", "verbb", "verbc", "urlraw"})
#: fields consumed by dedicated logic in the reader (dates, eprints, type hints)
SPECIAL = frozenset({"year", "month", "day", "date", "urldate", "eprint", "eprinttype",
                     "archiveprefix", "primaryclass", "eprintclass", "crossref", "csltype",
                     "subtitle", "titleaddon", "entrysubtype", "origdate", "eventdate"})

#: writing: CSL variable -> BibTeX field, in canonical order; (field, variable, kind)
FIELD_ORDER: tuple[tuple[str, str, str], ...] = (
    ("author", "author", "names"), ("editor", "editor", "names"),
    ("translator", "translator", "names"), ("bookauthor", "container-author", "names"),
    ("title", "title", "title"), ("shorttitle", "title-short", "title"),
    ("journal", "container-title", "title"), ("booktitle", "container-title", "title"),
    ("series", "collection-title", "title"), ("eventtitle", "event-title", "title"),
    ("origtitle", "original-title", "title"),
    ("volume", "volume", "plain"), ("number", "number", "plain"), ("pages", "page", "pages"),
    ("chapter", "chapter-number", "plain"), ("edition", "edition", "plain"),
    ("publisher", "publisher", "text"), ("address", "publisher-place", "text"),
    ("venue", "event-place", "text"), ("year", "", ""), ("month", "", ""), ("day", "", ""),
    ("type", "genre", "text"), ("note", "note", "text"), ("eprint", "", ""),
    ("archiveprefix", "", ""), ("primaryclass", "", ""), ("doi", "DOI", "verbatim"),
    ("isbn", "ISBN", "plain"), ("issn", "ISSN", "plain"), ("pmid", "PMID", "plain"),
    ("pmcid", "PMCID", "plain"), ("url", "URL", "verbatim"), ("urldate", "", ""),
    ("version", "version", "plain"), ("pagetotal", "number-of-pages", "plain"),
    ("volumes", "number-of-volumes", "plain"), ("language", "language", "plain"),
    ("keywords", "keyword", "text"), ("annote", "annote", "text"),
    ("abstract", "abstract", "text"), ("csltype", "", ""),
)
#: the publisher variable is written under the field the entry type expects
PUBLISHER_FIELD = {"manual": "organization", "techreport": "institution", "phdthesis": "school", "mastersthesis": "school",
                   "misc": "howpublished", "booklet": "howpublished", "unpublished": "howpublished"}

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
MONTH_NAMES.update({m: i + 1 for i, m in enumerate(MONTHS)})
MONTH_NAMES["sept"] = 9

ARXIV = "arXiv"
