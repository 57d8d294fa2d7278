"""RIS tables shared by ``readers.ris`` and ``writers.ris``: RIS reference types and the CSL
types they are read as, types whose ``T2`` is a series, and the tags kept as named BibTeX fields.
"""
from __future__ import annotations

#: RIS type -> CSL type (RIS 2011 reference types, plus Zotero's and Mendeley's extras)
TYPES = {
    "JOUR": "article-journal", "JFULL": "article-journal", "EJOUR": "article-journal",
    "ABST": "article-journal", "INPR": "article-journal", "MGZN": "article-magazine",
    "NEWS": "article-newspaper", "BOOK": "book", "EBOOK": "book", "EDBOOK": "book",
    "CTLG": "book", "CLSWK": "book", "ANCIENT": "book", "SER": "book", "CHAP": "chapter",
    "ECHAP": "chapter", "CONF": "paper-conference", "CPAPER": "paper-conference",
    "THES": "thesis", "RPRT": "report", "GOVDOC": "report", "UNPB": "manuscript",
    "MANSCPT": "manuscript", "ELEC": "webpage", "WEB": "webpage", "MULTI": "webpage",
    "BLOG": "post-weblog", "COMP": "software", "DATA": "dataset", "DBASE": "dataset",
    "AGGR": "dataset", "PAT": "patent", "STAT": "legislation", "LEGAL": "legislation",
    "CASE": "legal_case", "BILL": "bill", "HEAR": "hearing", "MAP": "map",
    "PCOMM": "personal_communication", "ICOMM": "personal_communication",
    "SOUND": "song", "MUSIC": "song", "VIDEO": "motion_picture", "MPCT": "motion_picture",
    "ADVS": "motion_picture", "ART": "graphic", "FIGURE": "figure", "CHART": "figure",
    "SLIDE": "speech", "ENCYC": "entry-encyclopedia", "DICT": "entry-dictionary",
    "STAND": "standard", "PAMP": "pamphlet", "PRESS": "article-newspaper",
    "GEN": "document", "EQUA": "document", "GRANT": "document",
}
#: types whose ``T2`` is a series, not a container
T2_IS_SERIES = frozenset({"book", "report", "thesis", "software", "dataset", "map"})
#: tags kept in ``extra`` under a readable BibTeX field name (no CSL variable holds them)
EXTRA_TAGS = {"AD": "authoraddress", "AN": "accessionnumber", "C1": "custom1", "C2": "custom2",
               "C3": "custom3", "C4": "custom4", "C5": "custom5", "C6": "custom6",
               "C7": "custom7", "C8": "custom8", "L1": "file", "L2": "file", "L4": "file",
               "LB": "label", "M2": "miscellaneous", "RN": "annote", "RP": "reprint",
               "TT": "translatedtitle", "Y2": "urldate", "CA": "caption", "DB": "database",
               "DP": "databaseprovider", "M3": "worktype"}
