"""Citation keys.

Default scheme ``{family}{year}{word}``: the first author's (else editor's) family name, the
year, the first significant word of the title; ASCII-folded, lower-case, letters and digits only
(``vaswani2017attention``). Organisations use the first word of their name; a missing part is left
out (``anon`` stands in when nothing is left). Keys are unique case-insensitively (citeproc-py
lower-cases ids): a repeat gets ``a``, ``b``, … (``vaswani2017attentiona``). Keys a record already
has (from BibTeX or CSL-JSON) are kept, and only de-duplicated; characters that would end a key
or an entry in BibTeX (``safe_key``) become ``_``.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from .model import Date, Diagnostic, Name, Record

TOKENS = {
    "family": "first author's family name (editor's if no author), particles dropped",
    "year": "year of issue",
    "word": "first title word that is not a stop word",
}
STOP_WORDS = frozenset("""a an the on of in for to and with from by at as is are be do does
via towards toward into over under about what why how when can your our its it this that
we you i le la les el los un une der die das ein eine""".split())


def ascii_fold(text: str) -> str:
    text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l") \
        .replace("Ł", "L").replace("æ", "ae").replace("œ", "oe").replace("đ", "d")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _family(record: Record) -> str:
    names = record.get("author") or record.get("editor") or ()
    for name in names:
        if isinstance(name, Name) and not name.is_etal:
            source = name.family or (name.literal.split()[0] if name.literal.split() else "")
            return ascii_fold(source)
    return ""


def _word(record: Record) -> str:
    title = re.sub(r"<[^>]+>", "", str(record.get("title", "")))
    for word in re.split(r"[\s–—:/]+", title):
        folded = ascii_fold(word)
        if folded and word.lower().strip(".,;:!?()'\"") not in STOP_WORDS:
            return folded
    return ""


def base_key(record: Record) -> str:
    issued = record.get("issued")
    year = str(issued.year) if isinstance(issued, Date) and issued.year is not None else ""
    return (_family(record) + year + _word(record)) or "anon"


#: characters that end or split a citation key in BibTeX, bibtexparser and biber, or that TeX
#: would act on when the key reaches the .bbl (``\bibitem{key}``): ``%`` ``#`` ``~`` ``\\`` ``^^``
_KEY_UNSAFE = re.compile(r"[\s,{}()\"#%=\\~^]")


def safe_key(key: str) -> str:
    """The id as a BibTeX key; characters that would end the key or the entry become ``_``."""
    return _KEY_UNSAFE.sub("_", key) or "_"


def assign_keys(records: Iterable[Record]) -> list[Record]:
    """Give each record without an id a key; make all ids unique case-insensitively."""
    records = list(records)
    taken: set[str] = set()
    next_suffix: dict[str, int] = {}  # stem -> suffixes below this are all taken (linear time)
    out = []
    for record in records:
        key = safe_key(record.id.strip()) if record.id.strip() else base_key(record)
        if key.lower() in taken:
            stem = key
            n = next_suffix.get(stem.lower(), 0)
            while key.lower() in taken:
                key = stem + _suffix(n)
                n += 1
            next_suffix[stem.lower()] = n
        taken.add(key.lower())
        out.append(record if key == record.id else record.replace(id=key))
    return out


def _suffix(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, …"""
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(97 + rem) + letters
    return letters


def assign_keys_reported(records: Iterable[Record]) -> tuple[list[Record], list[Diagnostic]]:
    """``assign_keys`` plus a warning for every key that had to change (duplicate, unsafe)."""
    records = list(records)
    keyed = assign_keys(records)
    problems = []
    for old, new in zip(records, keyed):
        if not old.id or old.id == new.id:
            continue
        if safe_key(old.id) != old.id:
            code, message = "keys.unsafe", (f"key {old.id!r} has characters a BibTeX key cannot "
                                            f"hold; renamed {new.id!r}")
        else:
            code, message = "keys.duplicate", f"duplicate key {old.id!r} renamed {new.id!r}"
        problems.append(Diagnostic(code, message, line=old.source.line, file=old.source.file))
    return keyed, problems
