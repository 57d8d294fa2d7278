"""Citations as users write them: pandoc's citation syntax → clusters of citation items.

Contract
- ``parse_clusters(text) -> list[list[dict]]``. Two syntaxes:
  * with an ``@`` (pandoc's): each top-level ``[...]`` group is one cluster (text outside the
    brackets, other than spaces, ``,`` and ``;``, is an error); without brackets the whole
    text is one cluster. Inside a cluster, citations are separated by ``;``; each is
    ``[prefix] [-]@key [[,] locator] [suffix]``:
    ``[see @smith2020, p. 33; -@doe2019, chap. 2 and elsewhere]``. A key is ``@`` followed by
    letters, digits and ``_``, with ``:.#$%&-+?<>~/`` allowed inside (not at the end), or
    ``@{any key}``; an ``@`` right after a letter or digit (``me@example.org``) is not a key.
    ``-@key`` suppresses the author. ``[`` with no ``@`` is an error.
  * without ``@`` (the original ``cite`` syntax, kept exactly): ``k1,k2;k3`` — one cluster per
    ``;``, keys separated by ``,``; every item is its id only.
- Items are dicts in citeproc-js CitationItem shape: ``id`` and, when given, ``locator``,
  ``label`` (a CSL locator type: ``page``, ``chapter``, ``section``…), ``prefix``, ``suffix``,
  ``suppress-author``. Locators follow pandoc: after the key (a comma before it is optional) a
  label from ``LOCATOR_LABELS`` (the en-US long, short and symbol forms of the CSL locator terms,
  singular and plural: ``p.``, ``pp.``, ``chap.``, ``sec.``, ``§``, ``fig.``, ``vol.``…), then a
  value: numbers or roman numerals, joined by ``-``, ``–``, ``,`` or ``&`` (``33-35, 40``; after
  ``s.v.`` the words up to a comma). A value with no label is a page; ``{...}`` holds a locator
  verbatim (``{pp. iv, vi-xi}``). What follows the locator is the suffix. A prefix gets one
  trailing space, a suffix that starts with a letter one leading space.
- ``CiteSyntaxError`` (a ``ValueError``) names the text it could not read.
"""
from __future__ import annotations

import re

__all__ = ["parse_clusters", "CiteSyntaxError", "LOCATOR_LABELS", "LOCATOR_TYPES"]


class CiteSyntaxError(ValueError):
    """A citation could not be read; the message quotes it."""


#: CSL 1.0.2 locator types and the spellings (en-US terms: long, short, symbol) users write.
_SPELLINGS = {
    "act": ("act", "acts"),
    "appendix": ("appendix", "appendices", "app.", "apps."),
    "article-locator": ("article", "articles", "art.", "arts."),
    "book": ("book", "books", "bk.", "bks."),
    "canon": ("canon", "canons", "c.", "cc."),
    "chapter": ("chapter", "chapters", "chap.", "chaps."),
    "column": ("column", "columns", "col.", "cols."),
    "elocation": ("location", "locations", "loc.", "locs."),
    "equation": ("equation", "equations", "eq.", "eqs."),
    "figure": ("figure", "figures", "fig.", "figs."),
    "folio": ("folio", "folios", "fol.", "fols."),
    "issue": ("issue", "issues"),
    "line": ("line", "lines", "l.", "ll."),
    "note": ("note", "notes", "n.", "nn."),
    "opus": ("opus", "opera", "op.", "opp."),
    "page": ("page", "pages", "p.", "pp."),
    "paragraph": ("paragraph", "paragraphs", "para.", "paras.", "¶", "¶¶"),
    "part": ("part", "parts", "pt.", "pts."),
    "rule": ("rule", "rules", "r.", "rr."),
    "scene": ("scene", "scenes", "sc.", "scs."),
    "section": ("section", "sections", "sec.", "secs.", "§", "§§"),
    "sub-verbo": ("sub verbo", "sub verbis", "s.v.", "s.vv."),
    "table": ("table", "tables", "tbl.", "tbls."),
    "timestamp": ("timestamp", "timestamps"),
    "title-locator": ("title", "titles", "tit.", "tits."),
    "verse": ("verse", "verses", "v.", "vv."),
    "volume": ("volume", "volumes", "vol.", "vols."),
}
#: spelling (lower case) → CSL locator type
LOCATOR_LABELS = {s: kind for kind, spellings in _SPELLINGS.items() for s in spellings}
#: the locator types a ``label`` may name
LOCATOR_TYPES = frozenset(_SPELLINGS)

_KEY = re.compile(r"(?<![\w@])(-?)@(?:\{([^{}]+)\}|(\w(?:\w|[:.#$%&\-+?<>~/](?=\w))*))")
_LABEL = re.compile("|".join(re.escape(s) for s in sorted(LOCATOR_LABELS, key=len, reverse=True)),
                    re.IGNORECASE)
# a roman numeral of at least one letter (the look-behind rules out the empty match)
_ROMAN = r"(?=[ivxlcdm])m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})(?<=[ivxlcdm])\b"
_TOKEN = rf"(?:\w*\d[\w.:()]*|\(?(?i:{_ROMAN})\)?)"
_VALUE = re.compile(rf"{_TOKEN}(?:\s*[-\u2013\u2014&,]\s*{_TOKEN})*")
_WORDS = re.compile(r"[^,;]*[^,;\s]")  # s.v. takes a headword, not a number


def parse_clusters(text: str) -> list[list[dict]]:
    if "@" not in text:
        if "[" in text:
            raise CiteSyntaxError(f"no @key in {text!r}: write [@key, p. 33] or key1,key2;key3")
        return [[{"id": k.strip()} for k in group.split(",") if k.strip()]
                for group in text.split(";")]
    if "[" not in text:
        return [_cluster(text)]
    clusters, depth, start, outside = [], 0, 0, []
    for i, ch in enumerate(text):
        if ch == "[":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
            if depth == 0:
                clusters.append(_cluster(text[start:i]))
        elif depth == 0:
            outside.append(ch)
    if depth:
        raise CiteSyntaxError(f"unclosed '[' in {text!r}")
    if "".join(outside).strip(" \t\n,;"):
        raise CiteSyntaxError(f"text outside [...] in {text!r}: {''.join(outside).strip()!r} "
                              "(one cluster per [...] group)")
    return clusters


def _split(text: str) -> list[str]:
    """``text`` split at ``;`` outside braces."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "{"
        depth -= ch == "}" and depth > 0
        if ch == ";" and not depth:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _cluster(text: str) -> list[dict]:
    items = [_item(piece) for piece in _split(text) if piece.strip()]
    if not items:
        raise CiteSyntaxError(f"no citation in [{text}]")
    return items


def _item(piece: str) -> dict:
    m = _KEY.search(piece)
    if m is None:
        raise CiteSyntaxError(f"no @key in {piece.strip()!r}")
    item: dict = {"id": m.group(2) or m.group(3)}
    prefix = piece[:m.start()].strip()
    if prefix:
        item["prefix"] = prefix + " "
    if m.group(1):
        item["suppress-author"] = True
    rest = piece[m.end():]
    found = _locator(rest)
    if found:
        item["label"], item["locator"], rest = found
    suffix = rest.rstrip()
    if suffix.strip():
        suffix = suffix.lstrip()
        item["suffix"] = suffix if suffix[0] in ",.;:)]" else " " + suffix
    return item


def _locator(rest: str) -> tuple[str, str, str] | None:
    """(label, value, what follows) when ``rest`` opens with a locator."""
    s = rest.lstrip()
    comma = s.startswith(",")
    s = s[1:].lstrip() if comma else s
    if s.startswith("{"):
        end = s.find("}")
        if end > 0:
            inner = s[1:end].strip()
            label = _LABEL.match(inner)
            if label and (label.end() == len(inner) or not inner[label.end()].isalpha()):
                return (LOCATOR_LABELS[label.group(0).lower()], inner[label.end():].strip(),
                        s[end + 1:])
            return "page", inner, s[end + 1:]
    label = _LABEL.match(s)
    if label and (label.end() == len(s) or not s[label.end()].isalpha()):
        after = s[label.end():].lstrip()
        kind = LOCATOR_LABELS[label.group(0).lower()]
        value = (_WORDS if kind == "sub-verbo" else _VALUE).match(after)
        if value:
            return (LOCATOR_LABELS[label.group(0).lower()], value.group(0),
                    after[value.end():])
        return None
    value = _VALUE.match(s)
    if value and comma:  # a bare number only after a comma: "@key, 33"
        return "page", value.group(0), s[value.end():]
    return None
