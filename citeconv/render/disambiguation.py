"""Citation disambiguation (CSL 1.0.2 §Disambiguation), run once per registered item set.

Contract
- Cites are ambiguous when their single-item renderings are identical. For each ambiguous group,
  in spec order: ``disambiguate-add-names`` shows more names (the expansion also applies to the
  bibliography, as in citeproc-js); ``disambiguate-add-givenname`` prints full given names;
  ``disambiguate="true"`` conditions are switched on for the items still ambiguous (and switched
  off again if that does not help); ``disambiguate-add-year-suffix`` gives a, b, c… in
  bibliography order (registration order when unsorted).
- A year suffix is stored as the ``year-suffix`` variable and, when the style never renders
  ``year-suffix`` itself, appended to the year of the ``issued`` date (see ``dates``).
- ``reset(bib)`` clears all marks; ``prepare_bibliography``/``prepare_citations`` compute them.
"""
from __future__ import annotations

import string
from typing import Any

__all__ = ["reset", "prepare_bibliography", "prepare_citations", "year_suffix"]

_MARKS = ("_citeconv_names_first", "_citeconv_givenname", "_citeconv_disambiguate")


def year_suffix(n: int) -> str:
    letters = string.ascii_lowercase
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = letters[r] + out
    return out


def reset(bib: Any) -> None:
    for ref in bib.source.values():
        for mark in _MARKS:
            ref.__dict__.pop(mark, None)
        ref.pop("year_suffix", None)
        for value in ref.values():
            if hasattr(value, "__dict__"):
                value.__dict__.pop("_citeconv_year_suffix", None)
    bib.__dict__["_citeconv_disambiguated"] = False


def _option(citation: Any, name: str) -> bool:
    return str(citation.get(name, "false")).lower() == "true"


def _render(style: Any, bib: Any, item: Any) -> str:
    from citeproc import Citation, CitationItem

    cite = CitationItem(item.key)
    citation = Citation([cite])
    citation.bibliography = bib
    try:
        return str(style.root.citation.render(citation, [], lambda i: None))
    except Exception:  # noqa: BLE001 - an item we cannot render is never ambiguous
        return "\x00" + item.key


def _groups(style: Any, bib: Any, items: list) -> list[list]:
    seen: dict[str, list] = {}
    for it in items:
        seen.setdefault(_render(style, bib, it), []).append(it)
    return [g for g in seen.values() if len(g) > 1]


def _explicit_year_suffix(style: Any) -> bool:
    cached = style.__dict__.get("_citeconv_explicit_ys")
    if cached is None:
        cached = bool(style.root.xpath('.//*[@variable="year-suffix"]'))
        style.__dict__["_citeconv_explicit_ys"] = cached
    return cached


def _max_names(ref: Any) -> int:
    return max((len(v) for v in ref.values() if isinstance(v, list)), default=0)


def _add_names(style: Any, bib: Any, group: list) -> list[list]:
    """Each cite shows the fewest names that tell it apart from every cite it can be told apart
    from (citeproc-js); cites no number of names separates keep the base count."""
    limit = max(_max_names(it.reference) for it in group)
    renders: dict[int, dict[str, str]] = {}
    for n in range(2, limit + 1):
        for it in group:
            it.reference.__dict__["_citeconv_names_first"] = n
        renders[n] = {it.key: _render(style, bib, it) for it in group}
    _flag(group, "_citeconv_names_first", None)
    for it in group:
        needed = 0
        for other in group:
            if other is it:
                continue
            for n in range(2, limit + 1):
                if renders[n][it.key] != renders[n][other.key]:
                    needed = max(needed, n)
                    break
        if needed:
            it.reference.__dict__["_citeconv_names_first"] = needed
    return _groups(style, bib, group)


def _flag(group: list, mark: str, value: Any) -> None:
    for it in group:
        if value is None:
            it.reference.__dict__.pop(mark, None)
        else:
            it.reference.__dict__[mark] = value



def _try_flag(style, bib, pending, flag):  # type: ignore[no-untyped-def]
    """Set ``flag`` on each ambiguous group; keep it only where it separates the group."""
    nxt = []
    for group in pending:
        _flag(group, flag, True)
        still = _groups(style, bib, group)
        if len(still) == 1 and len(still[0]) == len(group):
            _flag(group, flag, None)
        nxt += still
    return nxt

def _run(bib: Any) -> None:
    style = bib.style
    citation = style.root.citation
    if citation is None or bib.__dict__.get("_citeconv_disambiguated"):
        return
    bib.__dict__["_citeconv_disambiguated"] = True
    opts = {k: _option(citation, "disambiguate-" + k)
            for k in ("add-names", "add-givenname", "add-year-suffix")}
    has_condition = bool(style.root.xpath('.//*[@disambiguate="true"]'))
    if not (any(opts.values()) or has_condition):
        return
    items = list(bib.items)
    pending = _groups(style, bib, items)
    if opts["add-names"]:
        pending = [g for group in pending for g in _add_names(style, bib, group)]
    if opts["add-givenname"] and pending:
        pending = _try_flag(style, bib, pending, "_citeconv_givenname")
    if has_condition and pending:
        pending = _try_flag(style, bib, pending, "_citeconv_disambiguate")
    if opts["add-year-suffix"] and pending:
        explicit = _explicit_year_suffix(style)
        order = {it.key: i for i, it in enumerate(items)}
        for group in pending:
            for n, it in enumerate(sorted(group, key=lambda i: order[i.key])):
                suffix = year_suffix(n)
                it.reference["year_suffix"] = suffix
                issued = it.reference.get("issued")
                if not explicit and issued is not None and hasattr(issued, "__dict__"):
                    target = getattr(issued, "begin", issued) if "begin" in issued else issued
                    target.__dict__["_citeconv_year_suffix"] = suffix


def prepare_bibliography(bib: Any) -> None:
    _run(bib)


def prepare_citations(bib: Any, citations: list) -> None:
    _run(bib)


def install() -> None:
    pass
