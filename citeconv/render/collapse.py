"""Citation layout: cite order, cite grouping and collapsing (CSL 1.0.2 §Citation-specific options).

Contract
- ``install()`` replaces ``Layout.render_citation``. Cites keep their input order unless the
  citation has a cs:sort (citeproc-py always re-sorted them in bibliography order).
- Cite grouping: with ``cite-group-delimiter`` or a year ``collapse``, cites whose first rendered
  names are identical are moved next to the first of them; the later ones print without the names
  and are joined with ``cite-group-delimiter`` (default ``", "``).
- ``collapse="year-suffix"``/``"year-suffix-ranged"``: within such a group, cites of the same year
  with year suffixes print the suffix only, joined by ``year-suffix-delimiter`` (default: the
  layout delimiter); ranged turns three or more consecutive letters into ``a–c``.
- ``collapse="citation-number"``: runs of three or more consecutive citation numbers print as
  ``first–last``.
- After a collapsed group the next delimiter is ``after-collapse-delimiter`` (default: the layout
  delimiter). Cite prefixes/suffixes are kept; unknown cites render as ``key?`` via the callback.
- A cite with ``suppress-author`` renders without its first cs:names; one with ``author-only``
  renders as its first cs:names output alone, and a citation of only such cites is not wrapped
  in the layout's affixes.
- A cite that prints nothing is left out of the citation and its key listed in
  ``citation[UNPRINTED]``.
- In note styles, a cite that opens with a term (``ibid.``) is capitalised when it has no
  prefix or its prefix ends a sentence (citeproc-js).
"""
from __future__ import annotations

import re
from typing import Any

from . import layout as layout_mod

__all__ = ["install", "suppress_names", "UNPRINTED"]

#: key of a citation (a dict) listing the keys of its cites that printed nothing
UNPRINTED = "_citeconv_unprinted"

_state = {"suppress": False, "done": False}


def suppress_names() -> bool:
    """True once for the first cs:names of a cite rendered without its names."""
    if _state["suppress"] and not _state["done"]:
        _state["done"] = True
        return True
    return False


def _render_one(layout: Any, item: Any, without_names: bool) -> tuple[Any, str | None]:
    text, names, term = _render_term(layout, item, without_names)
    if layout.get_root().get("class") == "note":
        text = _capitalize(item, text, term)
    return text, names


def _capitalize(item: Any, text: Any, term: Any) -> Any:
    """A term that opens a cite (no prefix, or one ending a sentence) is capitalised."""
    if text is None or not term or not str(term)[:1].islower() or not str(text).startswith(str(term)):
        return text
    prefix = item.get("prefix", "")
    if prefix and not re.search(r"\S\s+\S+[.!?][\u201d\u2019\"']?\s+$", prefix):
        return text  # a one-word prefix ("Nocapsafter. ") is not a sentence (citeproc-js)
    from citeproc.string import String

    s = str(text)
    return String(s[0].upper() + s[1:])


def _render_term(layout: Any, item: Any, without_names: bool) -> tuple[Any, str | None, Any]:
    layout.repressed = {}
    layout_mod._current.clear()
    layout_mod._current["layout"] = layout
    _state.update(suppress=without_names, done=False)
    try:
        text = layout.render_children(item)
    finally:
        _state.update(suppress=False, done=False)
        names = layout_mod._current.get("first_names")
        term = layout_mod._current.get("first_term")
        layout_mod._current.clear()
    return text, names, term


def _affix(item: Any, text: Any) -> Any:
    prefix, suffix = item.get("prefix", ""), item.get("suffix", "")
    return prefix + text + suffix if (prefix or suffix) else text


def _is_bad(cite: Any) -> bool:
    """``cite.is_bad()`` (its key is not among the bibliography's keys) with a set instead of a
    list scan (quadratic over a large bibliography's disambiguation). citeproc-py only appends
    to ``bib.keys`` (register) or replaces the list (sort), so the set is rebuilt when the list
    object or its length changes."""
    bib = cite.bibliography
    keys = bib.keys
    cached = bib.__dict__.get("_citeconv_keyset")
    if cached is None or cached[0] is not keys or cached[1] != len(keys):
        cached = (keys, len(keys), set(keys))
        bib.__dict__["_citeconv_keyset"] = cached
    return cite.key not in cached[2]


def render_citation(self: Any, citation: Any, callback: Any) -> Any:
    from citeproc.source import VariableError

    parent = self.getparent()
    good, bad = [], []
    for c in citation.cites:
        (bad if _is_bad(c) else good).append(c)
    if parent.sort is not None:
        good = parent.sort.sort(good, self)
    collapse = parent.get("collapse")
    grouping = collapse in ("year", "year-suffix", "year-suffix-ranged") or \
        parent.get("cite-group-delimiter") is not None
    rows = []
    for item in good:
        try:
            full, names = _render_one(self, item, bool(item.get("suppress-author")))
            short = (_render_one(self, item, True)[0]
                     if grouping and names and len(good) > 1 else None)
        except VariableError:
            full = None
        if item.get("author-only"):
            from citeproc.string import String

            full, short = (String(names) if names else None), None
        if full is None:  # no printed form: the caller reports it (``unprinted``)
            item.citation.setdefault(UNPRINTED, []).append(item.key)
            continue
        rows.append({"item": item, "full": full, "short": short, "names": names})
        parent.cites.append(item)
    delim = self.get("delimiter", "")
    if grouping:
        pieces = _grouped(parent, rows, collapse, delim)
    elif collapse == "citation-number":
        pieces = _numbers(rows)
    else:
        pieces = [(_affix(r["item"], r["full"]), False) for r in rows]
    for item in bad:
        pieces.append((callback(item) or "{}?".format(item.key), False))
    if not pieces:
        return None
    bare = not bad and all(r["item"].get("author-only") for r in rows)
    after = parent.get("after-collapse-delimiter", delim) if collapse else delim
    out = pieces[0][0]
    for (prev, collapsed), (text, _) in zip(pieces, pieces[1:]):
        if str(text)[:1] in ",;.":
            out = out + text  # a cite prefix starting with punctuation replaces the delimiter
        else:
            out = out + (after if collapsed else delim) + text
    return self.format(out if bare else self.wrap(out))


def _year(item: Any) -> Any:
    issued = item.reference.get("issued")
    if issued is None:
        return None
    begin = issued.get("begin", issued) if hasattr(issued, "get") else issued
    return getattr(begin, "get", lambda k, d=None: d)("year")


def _grouped(parent: Any, rows: list, collapse: str | None, delim: str) -> list:
    groups: list[list] = []
    index: dict[str, list] = {}
    for r in rows:
        key = r["names"]
        if key and key in index:
            index[key].append(r)
        else:
            g = [r]
            groups.append(g)
            if key:
                index[key] = g
    collapsing = collapse in ("year", "year-suffix", "year-suffix-ranged")
    cgd = parent.get("cite-group-delimiter", ", " if collapse == "year" else delim)
    ysd = parent.get("year-suffix-delimiter", cgd)
    after = parent.get("after-collapse-delimiter", delim)
    pieces = []
    for g in groups:
        runs: list[tuple[Any, list[str], Any]] = []  # (text, later suffixes, first item)
        for n, r in enumerate(g):
            item = r["item"]
            ys = item.reference.get("year_suffix")
            if (n and collapse in ("year-suffix", "year-suffix-ranged") and ys and runs
                    and runs[-1][2].reference.get("year_suffix")
                    and _year(item) == _year(runs[-1][2]) and not item.get("prefix")
                    and not item.get("suffix") and "locator" not in item
                    and "locator" not in runs[-1][2]):
                runs[-1][1].append(str(ys))
                continue
            text = r["full"] if n == 0 or not collapsing or r["short"] is None else r["short"]
            runs.append((_affix(item, text), [], item))
        out = None
        for text, extra, item in runs:
            if extra:
                text = text + _suffixes(extra, ysd, collapse == "year-suffix-ranged",
                                        str(item.reference.get("year_suffix")))
            if out is None:
                out = text
            else:
                out = out + (after if "locator" in item and collapsing else cgd) + text
        pieces.append((out, collapsing))
    return pieces


def _suffixes(extra: list[str], ysd: str, ranged: bool, first: str) -> str:
    """The text after the first suffix: ``,b,c`` or, with ``ranged``, ``–c`` for runs of 3+."""
    seq = [first] + extra
    out: list[str] = []
    i = 0
    while i < len(seq):
        j = i
        while (ranged and j + 1 < len(seq) and len(seq[j]) == len(seq[j + 1]) == 1
               and ord(seq[j + 1]) - ord(seq[j]) == 1):
            j += 1
        if j - i >= 2:
            out.append(seq[i] + "\u2013" + seq[j])
        else:
            out.extend(seq[i:j + 1])
        i = j + 1
    head = out[0]
    rest = ysd.join(out[1:])
    if head != first:  # the first suffix opens a range: "a–c"
        return head[len(first):] + (ysd + rest if rest else "")
    return ysd + rest if rest else ""


def _numbers(rows: list) -> list:
    pieces = []
    i = 0
    while i < len(rows):
        j = i
        while (j + 1 < len(rows) and rows[j + 1]["item"].number == rows[j]["item"].number + 1
               and not rows[j + 1]["item"].get("prefix") and not rows[j]["item"].get("suffix")):
            j += 1
        if j - i >= 2:
            pieces.append((rows[i]["full"] + "\u2013" + rows[j]["full"], True))
        else:
            pieces += [(_affix(r["item"], r["full"]), False) for r in rows[i:j + 1]]
        i = j + 1
    return pieces


def install() -> None:
    from citeproc import model

    model.Layout.render_citation = render_citation
