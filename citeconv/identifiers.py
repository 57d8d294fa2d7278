"""Persistent identifiers: normalise and validate DOI, arXiv id, ISBN, ISSN, URL.

Contract
- ``normal_doi(text)``: ``10.prefix/suffix`` lower-cased, with any ``doi:`` / resolver URL
  prefix removed; ``""`` if the text holds no DOI.
- ``arxiv_id(record)``: the arXiv id of a record (preprint ``number``, ``eprint`` with
  ``archiveprefix = arXiv``, an arxiv.org URL), version suffix dropped; ``""`` if none.
- ``normal_isbn(text)``: digits (and a final X) of a valid ISBN-10/13, converted to ISBN-13;
  ``""`` if the check digit is wrong. ``valid_issn(text)`` checks ISSN's check digit.
- ``identifiers(record)``: ``{"doi": …, "arxiv": …, "isbn": …}`` for the ones present; two
  records that share one of them are the same work (used by update, merge and check).
"""
from __future__ import annotations

import re

from .model import Record

_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^\s*(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
ARXIV_NEW = re.compile(r"^\d{4}\.\d{4,5}$")
ARXIV_OLD = re.compile(r"^[a-z][a-z.\-]+/\d{7}$", re.IGNORECASE)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/([^\s?#]+?)(?:v\d+)?(?:\.pdf)?(?:[?#]|$)",
                        re.IGNORECASE)
URL = re.compile(r"^(?:https?|ftp)://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def normal_doi(text: str) -> str:
    text = _DOI_PREFIX.sub("", text.strip())
    m = _DOI.match(text)
    return m.group(0).rstrip(".,;").lower() if m else ""


def valid_doi(text: str) -> bool:
    """True for a bare DOI (``10.1000/xyz``), as the ``doi`` field should hold it."""
    return bool(_DOI.fullmatch(text.strip()))


def clean_arxiv(text: str) -> str:
    text = re.sub(r"^arxiv:\s*", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"v\d+$", "", text)
    return text if ARXIV_NEW.match(text) or ARXIV_OLD.match(text) else ""


def arxiv_id(record: Record) -> str:
    if record.get("publisher") == "arXiv" and record.get("number"):
        found = clean_arxiv(str(record.get("number")))
        if found:
            return found
    prefix = (record.extra.get("archiveprefix") or record.extra.get("eprinttype") or "").lower()
    if prefix == "arxiv" and record.extra.get("eprint"):
        found = clean_arxiv(record.extra["eprint"])
        if found:
            return found
    m = _ARXIV_URL.search(str(record.get("URL", "")))
    return clean_arxiv(m.group(1)) if m else ""


def normal_isbn(text: str) -> str:
    digits = re.sub(r"[\s-]", "", text.strip()).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        if total % 11:
            return ""
        digits = "978" + digits[:9]
        return digits + str((10 - sum((3 if i % 2 else 1) * int(c)
                                      for i, c in enumerate(digits)) % 10) % 10)
    if re.fullmatch(r"97[89]\d{10}", digits):
        total = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits))
        return digits if total % 10 == 0 else ""
    return ""


def valid_issn(text: str) -> bool:
    digits = re.sub(r"[\s-]", "", text.strip()).upper()
    if not re.fullmatch(r"\d{7}[\dX]", digits):
        return False
    total = sum((8 - i) * int(c) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def identifiers(record: Record) -> dict[str, str]:
    found = {"doi": normal_doi(str(record.get("DOI", ""))), "arxiv": arxiv_id(record),
             "isbn": normal_isbn(str(record.get("ISBN", "")).split(",")[0].split(";")[0])}
    return {k: v for k, v in found.items() if v}
