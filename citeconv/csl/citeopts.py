"""The citation-level options of a style, read once from its XML root.

Contract
- ``citation_options(root)`` takes the parsed ``<style>`` element (lxml or ElementTree, any
  namespace) and returns a frozen ``CiteOptions``: note class, ``near-note-distance`` (default
  5), the disambiguation options (``disambiguate-add-names`` / ``-add-givenname`` /
  ``givenname-disambiguation-rule`` (default "by-cite") / ``-add-year-suffix``, and whether any
  ``disambiguate="true"`` test exists), the collapse options (``collapse``, the citation
  layout's delimiter, ``cite-group-delimiter``, ``year-suffix-delimiter``,
  ``after-collapse-delimiter``), ``subsequent-author-substitute`` (text, rule; default rule
  "complete-all"), whether there is a bibliography, and whether its first sort key is a
  descending citation-number or macro key.
- Unknown or invalid attribute values fall back to the CSL defaults; nothing raises.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .collapse import CollapseOptions
from .disambiguate import Options
from .subsequent import RULES

__all__ = ["CiteOptions", "citation_options"]

GIVENNAME_RULES = ("all-names", "all-names-with-initials", "primary-name",
                   "primary-name-with-initials", "by-cite")
COLLAPSE = ("citation-number", "year", "year-suffix", "year-suffix-ranged")


@dataclass(frozen=True)
class CiteOptions:
    note_style: bool = False
    near_note_distance: int = 5
    disamb: Options = field(default_factory=Options)
    collapse: CollapseOptions = field(default_factory=CollapseOptions)
    substitute: tuple[str, str] | None = None
    has_bibliography: bool = False
    bib_first_descending: bool = False


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el: Any, name: str) -> Any:
    if el is None:
        return None
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _true(el: Any, name: str) -> bool:
    return el is not None and el.get(name) == "true"


def citation_options(root: Any) -> CiteOptions:
    citation = _child(root, "citation")
    bibliography = _child(root, "bibliography")
    layout = _child(citation, "layout")
    cite = citation if citation is not None else {}
    try:
        distance = int(cite.get("near-note-distance", "5"))
    except ValueError:
        distance = 5
    rule = cite.get("givenname-disambiguation-rule", "by-cite")
    tests = sum(1 for el in root.iter()
                if el.get("disambiguate") == "true" and _local(el.tag) in ("if", "else-if"))
    condition = tests > 0
    disamb = Options(add_names=_true(citation, "disambiguate-add-names"),
                     add_givenname=_true(citation, "disambiguate-add-givenname"),
                     rule=rule if rule in GIVENNAME_RULES else "by-cite",
                     add_year_suffix=_true(citation, "disambiguate-add-year-suffix"),
                     condition=condition, condition_tests=tests)
    collapse = cite.get("collapse")
    opts = CollapseOptions(collapse if collapse in COLLAPSE else None,
                           delimiter=layout.get("delimiter", "") if layout is not None else "",
                           cite_group_delimiter=cite.get("cite-group-delimiter"),
                           year_suffix_delimiter=cite.get("year-suffix-delimiter"),
                           after_collapse_delimiter=cite.get("after-collapse-delimiter"),
                           in_text=root.get("class") == "in-text")
    substitute = None
    if bibliography is not None and bibliography.get("subsequent-author-substitute") is not None:
        sub_rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
        substitute = (bibliography.get("subsequent-author-substitute"),
                      sub_rule if sub_rule in RULES else "complete-all")
    first_desc = False
    sort = _child(bibliography, "sort")
    if sort is not None:
        keys = [k for k in sort if _local(k.tag) == "key"]
        if keys and keys[0].get("sort") == "descending":
            first_desc = keys[0].get("macro") is not None or \
                keys[0].get("variable") == "citation-number"
    return CiteOptions(note_style=root.get("class") == "note", near_note_distance=distance,
                       disamb=disamb, collapse=opts, substitute=substitute,
                       has_bibliography=bibliography is not None, bib_first_descending=first_desc)
