"""Is this the same work? Pairwise verdicts with the rule that decided, and record merging.

Contract
- ``compare(a, b)`` -> ``Verdict(kind, rule, score)``; ``kind`` is ``duplicate``, ``maybe`` or
  ``distinct``. Rules, first that applies wins:
  ``same-doi`` / ``same-arxiv`` / ``same-isbn`` (books only: chapters share their book's ISBN)
  -> duplicate; ``different-doi`` / ``different-arxiv`` -> distinct; then the title score
  (rapidfuzz ``ratio`` of folded titles, 0-100) with the first author's family name and year:
  ``title-author-year`` (score >= 95, same first author, same year) -> duplicate, unless both
  name a container and the two differ (``title-author-year-other-venue`` -> maybe);
  ``title-numbers-differ`` (>= 95 but the numbers in the titles differ: volumes) -> maybe;
  ``title-words-differ`` (>= 95 but a word differs, not just its spelling) -> maybe;
  ``title-author-near-year`` (>= 95, same author, years 1 apart or one missing) -> maybe;
  ``similar-title`` (>= 85, same author) -> maybe; else ``different-work`` -> distinct.
- ``candidate_pairs(records)`` blocks records (identifiers, first title words, author+year) so
  that only plausible pairs are scored: near-linear on real files.
- ``merge_records(kept, other, fill_only)`` -> ``(record, added, conflicts)``: fields missing in
  ``kept`` come from ``other``; with ``fill_only=False`` a value that contains the other (longer
  title, more names, more date parts) replaces it. Differing values that are neither are
  conflicts: ``kept`` wins and the conflict is returned. A different type (a preprint and its
  proceedings version) is always a conflict: the kept record's type stays.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import combinations
from typing import Iterable

from rapidfuzz import fuzz

from .identifiers import identifiers, normal_isbn
from .keyformat import STOP_WORDS, ascii_fold
from .model import Date, Name, Record

DUPLICATE, MAYBE, DISTINCT = "duplicate", "maybe", "distinct"
_MARKUP = re.compile(r"<[^>]+>")
_BOOKISH = frozenset({"book", "report", "thesis", "manuscript"})


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str
    rule: str
    score: float = 0.0


def norm_title(record: Record) -> str:
    return norm_title_of(record.get("title", ""))


def norm_title_of(value: object) -> str:
    title = _MARKUP.sub("", str(value))
    return " ".join(w for w in (ascii_fold(w) for w in title.split()) if w)


def first_family(record: Record) -> str:
    for name in record.get("author") or record.get("editor") or ():
        if isinstance(name, Name) and not name.is_etal:
            return ascii_fold(name.family or name.literal)
    return ""


def _year(record: Record) -> int | None:
    issued = record.get("issued")
    return issued.year if isinstance(issued, Date) else None


def compare(a: Record, b: Record) -> Verdict:
    ids_a, ids_b = identifiers(a), identifiers(b)
    for kind in ("doi", "arxiv"):
        if kind in ids_a and kind in ids_b:
            if ids_a[kind] == ids_b[kind]:
                return Verdict(DUPLICATE, f"same-{kind}", 100.0)
            return Verdict(DISTINCT, f"different-{kind}", 0.0)
    if "isbn" in ids_a and ids_a.get("isbn") == ids_b.get("isbn") and a.type in _BOOKISH \
            and b.type in _BOOKISH:
        return Verdict(DUPLICATE, "same-isbn", 100.0)
    ta, tb = norm_title(a), norm_title(b)
    if not ta or not tb:
        if _content(a) == _content(b):
            return Verdict(DUPLICATE, "same-record", 100.0)
        return Verdict(DISTINCT, "no-title", 0.0)
    score = fuzz.ratio(ta, tb)
    fa, fb = first_family(a), first_family(b)
    same_author = fa == fb or not fa or not fb
    ya, yb = _year(a), _year(b)
    if score >= 95 and same_author and re.findall(r"\d+", ta) != re.findall(r"\d+", tb):
        return Verdict(MAYBE, "title-numbers-differ", score)  # Volume 2 / Volume 3, Part I / II
    if score >= 95 and same_author and not _spelling_only(ta, tb):
        return Verdict(MAYBE, "title-words-differ", score)  # "Student Papers" / "Short Papers"
    if score >= 95 and same_author:
        if ya == yb and ya is not None or ya is None and yb is None:
            ca, cb = (norm_title_of(r.get("container-title", "")) for r in (a, b))
            if ca and cb and ca not in cb and cb not in ca and fuzz.ratio(ca, cb) < 80:
                # one title at two venues (a workshop and a conference)
                return Verdict(MAYBE, "title-author-year-other-venue", score)
            return Verdict(DUPLICATE, "title-author-year", score)
        if ya is None or yb is None or abs(ya - yb) <= 1:
            return Verdict(MAYBE, "title-author-near-year", score)
    if score >= 85 and same_author:
        return Verdict(MAYBE, "similar-title", score)
    return Verdict(DISTINCT, "different-work", score)


def _content(record: Record) -> str:
    data = record.to_csl()
    data.pop("id", None)
    data.get("citeconv-extra", {}).pop("ids", None)
    return json.dumps(data, sort_keys=True)


def _spelling_only(ta: str, tb: str) -> bool:
    """True if every word one title has and the other lacks is a spelling variant of one of the
    other's words (``colouring``/``coloring``), not a different word."""
    wa, wb = set(ta.split()), set(tb.split())
    return all(any(fuzz.ratio(w, v) >= 80 for v in other) for w, other in
               [(w, wb) for w in wa - wb] + [(w, wa) for w in wb - wa])


def block_keys(record: Record) -> set[str]:
    keys = {f"{k}:{v}" for k, v in identifiers(record).items()}
    words = [w for w in norm_title(record).split() if w not in STOP_WORDS]
    if words:
        keys.add("t:" + " ".join(words[:2]))
    else:
        keys.add("r:" + _content(record))
    family, year = first_family(record), _year(record)
    if family and words:
        keys.add(f"a:{family}:{words[0][:4]}")
    if family and year is not None:
        keys.add(f"y:{family}:{year}")
    return keys


def candidate_pairs(records: list[Record]) -> list[tuple[int, int]]:
    """Index pairs (i < j) that share a block, each once, in order."""
    blocks: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        for key in block_keys(record):
            blocks.setdefault(key, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) <= 200:  # a huge block (an author's every paper in one year) is scored
            pairs.update(combinations(members, 2))  # only through the other blocks
    return sorted(pairs)


def _contains(long: object, short: object) -> bool:
    if isinstance(long, str) and isinstance(short, str):
        return len(long) > len(short) and ascii_fold(short) in ascii_fold(long)
    if isinstance(long, tuple) and isinstance(short, tuple):
        core = [n for n in short if isinstance(n, Name) and not n.is_etal]
        return len(long) > len(core) and all(
            isinstance(x, Name) and ascii_fold(x.family or x.literal) == ascii_fold(
                y.family or y.literal) for x, y in zip(long, core))
    if isinstance(long, Date) and isinstance(short, Date):
        return bool(long.parts and short.parts) and len(long.parts[0]) > len(short.parts[0]) \
            and long.parts[0][:len(short.parts[0])] == short.parts[0]
    return False


def _same(x: object, y: object) -> bool:
    """Equal up to case, accents and punctuation; name lists: same families, given names
    that agree as far as both go (``Donald E.`` and ``Donald``, ``D.`` and ``Donald``)."""
    if isinstance(x, str) and isinstance(y, str):
        return ascii_fold(_MARKUP.sub("", x)) == ascii_fold(_MARKUP.sub("", y))
    if isinstance(x, tuple) and isinstance(y, tuple) and len(x) == len(y):
        return all(isinstance(a, Name) and isinstance(b, Name) and _same_name(a, b)
                   for a, b in zip(x, y))
    return x == y


def _same_name(a: Name, b: Name) -> bool:
    if ascii_fold(a.family or a.literal) != ascii_fold(b.family or b.literal):
        return False
    ga, gb = (re.findall(r"[a-z]+", ascii_fold_spaced(n.given)) for n in (a, b))
    return all(p.startswith(q) or q.startswith(p) for p, q in zip(ga, gb))


def ascii_fold_spaced(text: str) -> str:
    return " ".join(ascii_fold(w) for w in re.split(r"[\s.\-]+", text))


def merge_records(kept: Record, other: Record, fill_only: bool = False
                  ) -> tuple[Record, list[str], list[tuple[str, str, str]]]:
    fields, extra = dict(kept.fields), dict(kept.extra)
    added: list[str] = []
    conflicts: list[tuple[str, str, str]] = []
    if kept.type != other.type:  # a preprint and its proceedings version: the user decides
        conflicts.append(("type", kept.type, other.type))
    for name, value in other.fields.items():
        mine = fields.get(name)
        if mine is None:
            fields[name] = value
            added.append(name)
        elif _same(mine, value) or _contains(mine, value) or name == "ISBN" and \
                normal_isbn(str(mine)) == normal_isbn(str(value)) != "":
            continue
        elif _contains(value, mine) and not fill_only:
            fields[name] = value
            added.append(name)
        else:
            conflicts.append((name, _show(mine), _show(value)))
    for name, text in other.extra.items():
        if name not in extra:
            extra[name] = text
            added.append(name)
        elif not _same(extra[name], text) and name != "ids":
            conflicts.append((name, extra[name], text))
    if not added:
        return kept, added, conflicts
    return kept.replace(fields=fields, extra=extra), added, conflicts


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(n.display() for n in value if isinstance(n, Name))
    if isinstance(value, Date):
        return value.to_edtf()
    return str(value)


def duplicate_groups(records: list[Record]) -> tuple[list[list[int]], list[tuple[int, int, Verdict]]]:
    """Groups of indices judged duplicates (union of duplicate pairs), and every non-distinct
    pair with its verdict (``maybe`` pairs included, never grouped)."""
    parent = list(range(len(records)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    judged = []
    for i, j in candidate_pairs(records):
        verdict = compare(records[i], records[j])
        if verdict.kind != DISTINCT:
            judged.append((i, j, verdict))
        if verdict.kind == DUPLICATE:
            parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values()], judged


@dataclass(frozen=True, slots=True)
class CandidateIndex:
    """Block keys of a fixed list of records, to find the ones a new record may match."""

    blocks: dict[str, tuple[int, ...]]

    def candidates(self, record: Record) -> list[int]:
        found: set[int] = set()
        for key in block_keys(record):
            found.update(self.blocks.get(key, ()))
        return sorted(found)


def candidate_index(records: Iterable[Record]) -> CandidateIndex:
    blocks: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        for key in block_keys(record):
            blocks.setdefault(key, []).append(i)
    return CandidateIndex({k: tuple(v) for k, v in blocks.items()})
