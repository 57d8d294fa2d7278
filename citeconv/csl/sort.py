"""Sorting (CSL 1.0.2 §Sorting): collation, sort-key values, and the stable multi-key sort.

Contract
- Collation. citeproc-js compares sort keys with ``localeCompare`` under
  ``{sensitivity: "base", ignorePunctuation: true, numeric: true}`` (ICU, primary strength,
  punctuation and spaces "shifted", digit runs compared as numbers). PyICU has no wheel for this
  platform (``pip download --only-binary :all: pyicu`` finds none; the sdist needs a compiler and
  libicu-dev), so ``collation_key`` is our own approximation of that ICU comparison:
  markup (``<i>``, ``<span ...>``) removed; case folded; accents and other combining marks
  dropped after NFKD (``é`` = ``e``), a few letters ICU treats as a base letter with a secondary
  mark folded by table (``ł`` = ``l``, ``ø`` = ``o``, ``ß`` = ``ss``...); punctuation, spaces and
  control characters ignored; symbols sort before digits, digits before letters; a run of digits
  compares by its numeric value (``9`` < ``10``); other characters compare by code point
  (Latin < Greek < Cyrillic < ... < CJK, as in the ICU root order). Two strings with the same
  key are equal: the sort is stable, there is no tie-breaker on the raw text (as in citeproc-js).
- A key's spaces become a field separator ``|`` and one ends the key (citeproc-js's
  ``sort_sep``): a symbol, so "Dale Zippy" sorts before "Dalebout Arnie".
- ``SortKey`` is one cs:key value: ``text`` (None for an empty key) and ``descending``. An empty
  key sorts after every non-empty one whichever the direction (jgm/citeproc, citeproc-js;
  ``sort_StatusFieldAscending``/``Descending``). Keys compare left to right.
- ``date_sort_text`` / ``number_sort_text`` turn a date or number into text that the collation
  orders correctly (years before Christ first, then year, month, day; ranges by start then end).
- ``sort_ids(ids, keys_of)`` is a pure, stable sort of item ids over a callback returning each
  id's keys; nothing here renders anything.
- ``variable_sort_text(item, variable, ...)`` is the key of ``<key variable="...">`` read from a
  CSL-JSON item: dates as above; names as "family [particles] given suffix" per name (particles
  placed by ``demote-non-dropping-particle``), names joined with ", ", shortened by
  ``names-min`` / ``names-use-first`` / ``names-use-last``; ``citation-number`` from the
  numbers given; ``citation-label`` as ``citelabel.citation_label``; other variables as their
  text. Macro keys are rendered by the evaluator.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

__all__ = ["collation_key", "SortKey", "compare_keys", "sort_ids", "shift_directions", "date_sort_text",
           "number_sort_text", "strip_markup", "variable_sort_text", "name_sort_text",
           "DATE_VARIABLES", "NAME_VARIABLES"]

DATE_VARIABLES = frozenset({"accessed", "available-date", "event-date", "issued",
                            "original-date", "submitted"})
NAME_VARIABLES = frozenset({
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
    "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator", "organizer",
    "original-author", "performer", "producer", "recipient", "reviewed-author", "script-writer",
    "series-creator", "translator"})

_MARKUP = re.compile(r"</?(?:i|b|sup|sub|span|sc)\b[^>]*>", re.I)
# letters that ICU's root collation treats as a base letter plus a secondary difference, or
# as an expansion, and that NFKD does not decompose
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t",
                       "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ŀ": "l", "ĳ": "ij",
                       "ſ": "s", "ƒ": "f", "ɨ": "i", "ʉ": "u"})
_SYMBOL = "\x02"
SEP = "|"
_DIGITS = "\x03"


def strip_markup(text: str) -> str:
    """``text`` without the inline HTML-like markup CSL-JSON fields may carry."""
    return _MARKUP.sub("", text) if "<" in text else text


@functools.lru_cache(maxsize=65536)
def collation_key(text: str) -> str:
    """A string whose ordinary ``<`` ordering approximates ICU primary-strength collation."""
    text = unicodedata.normalize("NFKD", strip_markup(text).casefold()).translate(_FOLD)
    out: list[str] = []
    digits: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Nd":
            digits.append(str(unicodedata.digit(ch)))
            continue
        if digits:
            out.append(_number(digits))
            digits = []
        if cat[0] in "PZCM" or cat == "Lm":
            continue  # ignorable at primary strength: punctuation, spaces, marks, ʾ ʿ
        if cat[0] == "S":
            out.append(_SYMBOL + ch)
        else:
            out.append(ch)
    if digits:
        out.append(_number(digits))
    return "".join(out)


def _number(digits: list[str]) -> str:
    value = "".join(digits).lstrip("0") or "0"
    # the length first, so that a longer number sorts after a shorter one
    return _DIGITS + chr(0x30 + min(len(value), 0xCF)) + value


@dataclass(frozen=True, slots=True)
class SortKey:
    """One cs:key value of one item: ``text`` None (or empty) means the key is empty."""

    text: str | None
    descending: bool = False

    @property
    def collated(self) -> str | None:
        # citeproc-js turns every space of a key into a field separator ("|") and ends the
        # key with one: a symbol, not ignored like spaces, sorting before digits and letters
        # ("Dale|Zippy|" < "Dalebout|Arnie|")
        return None if not self.text else collation_key(self.text.replace(" ", SEP) + SEP)


def _compare_one(a: SortKey, b: SortKey) -> int:
    ka, kb = a.collated, b.collated
    if ka is None or kb is None:
        return (ka is None) - (kb is None)  # empty last, whatever the direction
    result = (ka > kb) - (ka < kb)
    return -result if a.descending else result


def compare_keys(a: Sequence[SortKey], b: Sequence[SortKey]) -> int:
    """-1, 0 or 1: ``a`` and ``b`` compared key by key (a shorter list sorts first)."""
    for x, y in zip(a, b):
        r = _compare_one(x, y)
        if r:
            return r
    return (len(a) > len(b)) - (len(a) < len(b))


def shift_directions(keys: Sequence[SortKey]) -> list[SortKey]:
    """The keys with the directions citeproc-js's makeCitationCluster really uses in a style
    with a grouped sort (in-text with collapse, or a cite-group-delimiter): it prepends a copy
    of the first direction for an author-string key that only processCitationCluster adds, so
    key ``i`` sorts in the direction declared for key ``i - 1`` (the first in its own)."""
    out = list(keys)
    for i in range(len(out) - 1, 0, -1):
        out[i] = SortKey(out[i].text, keys[i - 1].descending)
    return out


def sort_ids(ids: Iterable[str], keys_of: Callable[[str], Sequence[SortKey]]) -> list[str]:
    """``ids`` stably sorted by ``keys_of(id)``; each id's keys are asked for once."""
    ids = list(ids)
    if len(ids) < 2:
        return ids
    keys = {i: _Ordered(keys_of(i)) for i in ids}
    return sorted(ids, key=keys.__getitem__)


class _Ordered:
    """One id's keys in ``sort_ids``: ``<`` is ``compare_keys(...) < 0`` with each key's
    collation computed once; keys are reached in the same order as there (a lazy sequence
    renders only the keys a comparison needs)."""

    __slots__ = ("keys", "done")

    def __init__(self, keys: Sequence[SortKey]) -> None:
        self.keys = keys
        self.done: list[tuple[str | None, bool]] = []

    def _key(self, i: int) -> tuple[str | None, bool]:
        done = self.done
        while len(done) <= i:
            k = self.keys[len(done)]
            done.append((k.collated, k.descending))
        return done[i]

    def __lt__(self, other: _Ordered) -> bool:
        a, b = self.keys, other.keys
        for i in range(min(len(a), len(b))):
            ka, desc = self._key(i)
            kb = other._key(i)[0]
            if ka is None or kb is None:
                r = (ka is None) - (kb is None)  # empty last, whatever the direction
            else:
                r = (ka > kb) - (ka < kb)
                if desc:
                    r = -r
            if r:
                return r < 0
        return len(a) < len(b)


def _date_number(parts: Sequence[int]) -> str:
    year = parts[0] if parts else 0
    month = parts[1] if len(parts) > 1 else 0
    day = parts[2] if len(parts) > 2 else 0
    if not 0 <= month <= 20:
        month = 0
    if month > 12:  # seasons (13-16 in CSL-JSON, 21-24 in citeproc-js) sort after the year
        month = 0
    if not 0 <= day <= 31:
        day = 0
    # shifted so that years before Christ (negative) sort first; digits compare numerically
    return "%010d%02d%02d" % (year + 1_000_000_000, month, day)


def date_sort_text(date_parts: Sequence[Sequence[int]] | None) -> str | None:
    """Sortable text for CSL-JSON ``date-parts`` (start, optional end); None when no year."""
    if not date_parts or not date_parts[0]:
        return None
    out = [_date_number(date_parts[0])]
    if len(date_parts) > 1 and date_parts[1]:
        out.append(_date_number(date_parts[1]))
    return " ".join(out)


def number_sort_text(value: object) -> str | None:
    """Sortable text for a number variable (an int, or text such as ``12`` or ``iv``)."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


_YEAR = re.compile(r"(-?\d{1,4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?")


def _date_parts(value: object) -> list[list[int]] | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    out: list[list[int]] = []
    if isinstance(parts, list):
        for p in parts[:2]:
            if not isinstance(p, list):
                break
            try:
                out.append([int(x) for x in p[:3] if str(x).strip() != ""])
            except (TypeError, ValueError):
                break
    if not out and isinstance(value.get("raw"), str):
        for m in list(_YEAR.finditer(value["raw"]))[:2]:
            out.append([int(g) for g in m.groups() if g])
    return [p for p in out if p] or None


def name_sort_text(name: object, demote: str = "display-and-sort") -> str:
    """One CSL-JSON name as its sort text (family first)."""
    if not isinstance(name, dict):
        return str(name or "")
    if name.get("literal"):
        return str(name["literal"])
    family = str(name.get("family") or "")
    ndp = str(name.get("non-dropping-particle") or "")
    dp = str(name.get("dropping-particle") or "")
    given = str(name.get("given") or "")
    suffix = str(name.get("suffix") or "")
    if demote == "never":
        parts = [ndp, family, dp, given, suffix]
    else:
        parts = [family, dp, ndp, given, suffix]
    return " ".join(p for p in parts if p)


def variable_sort_text(item: dict, variable: str, numbers: dict[str, int] | None = None,
                       demote: str = "display-and-sort", names_min: int | None = None,
                       names_use_first: int | None = None, names_use_last: bool = False
                       ) -> str | None:
    """The sort text of ``<key variable="...">`` for a CSL-JSON ``item`` (None when empty)."""
    if variable == "citation-number":
        n = (numbers or {}).get(str(item.get("id")))
        return None if n is None else str(n)
    if variable == "citation-label":  # the item's own or the generated trigraph
        from .citelabel import citation_label

        return citation_label(item) or None
    value = item.get(variable)
    if value is None or value == "" or value == []:
        return None
    if variable in DATE_VARIABLES:
        return date_sort_text(_date_parts(value))
    if variable in NAME_VARIABLES and isinstance(value, list):
        names = list(value)
        if names_min is not None and names_use_first is not None and len(names) >= names_min:
            shown = names[:names_use_first]
            if names_use_last and len(names) > names_use_first:
                shown.append(names[-1])
            names = shown
        text = ", ".join(name_sort_text(n, demote) for n in names)
        return text or None
    if isinstance(value, (dict, list)):
        return None
    return number_sort_text(value)
