"""The evaluator seen through ``citations.Core``: renders one item and answers about the piece.

Contract
- ``EvalCore(style, items_by_id)`` implements the ``citations.Core`` protocol over
  ``evaluate.render_item``. A piece is a frozen ``Piece``: the rendered marker text and what the
  citation level asks about it, recorded during the render in ``Context.scratch``: the names
  of every rendered names element (as ``disambiguate.NameKey``), the first names element's
  text, the years of rendered dates, the citation number, whether a locator or the ibid term
  was rendered; ``no_names`` is the same cite rendered with its first names element left out
  (suppress-author), ``author`` the first names element alone (author-only).
- E2's ``DisambState`` drives the render: ``et_al_names`` (names shown), ``hint(name,
  primary)`` (initials / given), ``year_suffix`` (1 = "a"), ``condition`` (disambiguate="true").
- ``layout(parts, section, cluster)`` joins pieces and ``collapse.Join`` delimiters with the
  seams of ``output``, adds the cluster's prefix/suffix and the layout's affixes/formatting.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, Mapping

from . import output
from .citeopts import citation_options
from .collapse import Join
from .disambiguate import NameKey, year_suffix_text
from .evaluate import Context, render_group, render_layout, sort_dates_only
from .sort import DATE_VARIABLES, SortKey, variable_sort_text
from .style import Style

__all__ = ["EvalCore", "Piece"]


@dataclass(frozen=True)
class Piece:
    item_id: str
    text: str
    no_names: str = ""
    author: str = ""
    suffix: str = ""
    names: tuple[NameKey, ...] = ()
    primary: tuple[NameKey, ...] = ()
    first_keys: tuple[NameKey, ...] | None = None
    first_text: str = ""
    first_inner: str = ""
    years: tuple[int | None, ...] = ()
    number: int | None = None
    locator: bool = False
    ibid: bool = False


def name_key(n: Mapping[str, Any]) -> NameKey:
    get = n.get
    if get("literal"):  # the same key as a family-only name written the same
        return NameKey(str(n["literal"]), None, ("", "", ""))
    rest = (str(get("non-dropping-particle") or ""), str(get("dropping-particle") or ""),
            str(get("suffix") or ""))
    return NameKey(str(get("family") or "") or None, str(get("given") or "") or None, rest)


class _LazyKeys(Sequence):
    """Sort keys rendered on first access (``sort.compare_keys`` walks them in order)."""

    __slots__ = ("_nodes", "_make", "_done")

    def __init__(self, nodes: tuple[Any, ...], make: Any) -> None:
        self._nodes, self._make, self._done = nodes, make, [None] * len(nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        k = self._done[i]
        if k is None:
            k = self._done[i] = self._make(self._nodes[i])
        return k

    def __iter__(self) -> Any:
        return (self[i] for i in range(len(self._nodes)))


_STOP = re.compile(r"[:.;!?][\"'\u201d\u2019\u00bb\u202f\u00a0 ]*$")


def _sentence(prefix: str | None) -> bool:
    """A cite prefix after which citeproc-js capitalises a term ("This has been said. ")."""
    if not prefix:
        return False
    bare = re.sub(r"<[^>]+>", "", prefix)
    return bool(_STOP.search(bare)) and " " in prefix.strip()


class EvalCore:
    def __init__(self, style: Style, items: Mapping[str, Mapping[str, Any]]) -> None:
        self.style = style
        self.items = items
        opts = citation_options(style.extra["root"])
        self.note_style = opts.note_style
        self.near_note_distance = opts.near_note_distance
        self.disamb_options = opts.disamb
        self.collapse_options = opts.collapse
        self.substitute = opts.substitute
        self.has_bibliography = style.bibliography is not None
        self.in_text = style.extra["root"].get("class") == "in-text"
        self.has_citation_sort = bool(style.citation is not None and style.citation.sort)
        self.bib_sort_first_descending_number = opts.bib_first_descending
        self.memo: dict = {}  # shared by this run's renders (see evaluate.Context)
        self._name_opts = {s: MappingProxyType(style.name_options(s))  # read-only, shared
                           for s in ("bibliography", "citation")}

    # -- rendering -------------------------------------------------------------------------
    def sort_keys(self, item_id: str, section: str, numbers: dict[str, int],
                  state: Any = None) -> Sequence[SortKey]:
        """The item's keys. Bibliography keys are rendered only when a comparison reaches
        them (most items are told apart by their first key); citation keys (few cites) at once,
        with ``state``'s given-name hints and citeproc-js's year-suffix key after a date key."""
        sec = self.style.bibliography if section == "bibliography" else self.style.citation
        nodes = tuple(sec.sort) if sec else ()
        if section == "citation":
            keys = []
            for key in nodes:
                keys.append(self._sort_key(item_id, section, numbers, key, state))
                if key.get("variable") in DATE_VARIABLES:
                    keys.append(SortKey(None))  # the year-suffix key (always equal here)
            return keys
        return _LazyKeys(nodes, functools.partial(self._sort_key, item_id, section, numbers))

    def _sort_key(self, item_id: str, section: str, numbers: dict[str, int], key: Any,
                  state: Any = None) -> SortKey:
        item = self.items[item_id]
        desc = key.get("sort") == "descending"
        if key.get("variable"):
            demote = self.style.options.get("demote-non-dropping-particle", "display-and-sort")
            return SortKey(variable_sort_text(item, key.get("variable"), numbers, demote), desc)
        macro = self.style.macros.get(key.get("macro"))
        text = None
        if macro is not None:
            opts = self.style.name_options(section)
            for k in ("names-min", "names-use-first", "names-use-last"):
                if key.get(k):
                    opts["et-al-" + k[6:]] = key.get(k)
            ctx = Context(self.style, self.style.locale, item, section, None, state,
                          numbers.get(item_id), opts, {"sort_key": True}, self.memo)
            if key.get("macro") in self.style.extra.get("date_macros", ()):
                text = output.plain(sort_dates_only(macro.children, ctx)[0]) or None
            else:
                # the macro is a group, suppressed as in a rendering (citeproc-js: a macro
                # printing only a term, e.g. a substituted "anonymous", gives an empty key)
                text = output.plain(render_group(macro, ctx)[0]) or None
        return SortKey(text, desc)

    def _render(self, item_id: str, section: str, cite: dict | None, state: Any, number: int | None,
                mode: str = "", cap: bool = False, sub: tuple[str, int, str] | None = None
                ) -> tuple[str, dict]:
        sec = self.style.bibliography if section == "bibliography" else self.style.citation
        if sec is None:
            return "", {}
        scratch: dict = {"names_log": [], "years": [], "mode": mode, "cap_term": cap,
                         "author_sub": sub}
        ctx = Context(self.style, self.style.locale, self.items[item_id], section, cite, state,
                      number, self._name_opts["bibliography" if section == "bibliography" else "citation"],
                      scratch, self.memo)
        return render_layout(sec, ctx), scratch

    def render(self, item_id: str, section: str, cite: Any, position: Any, state: Any,
               numbers: dict[str, int], light: bool = False, first: bool = True) -> Piece:
        c: dict[str, Any] = {"id": item_id}
        # citeproc-js capitalises a term that is the first thing rendered in a bibliography
        # entry, or in a citation of a style that is not in-text (the first cite, or one whose
        # prefix is a sentence: ends in a stop and has a space)
        cap = section == "bibliography" or not self.in_text and (
            first and not (cite is not None and cite.prefix) or _sentence(getattr(cite, "prefix", "")))
        if cite is not None:
            if cite.locator:
                c["locator"] = cite.locator
                c["label"] = cite.label or "page"
        if position is not None:
            names = position.names
            c["position"] = ("ibid-with-locator" if "ibid-with-locator" in names else
                             "ibid" if "ibid" in names else
                             "subsequent" if "subsequent" in names else "first")
            c["near-note"] = "near-note" in names
            if position.first_note is not None:
                c["first-reference-note-number"] = position.first_note
        number = numbers.get(item_id)
        text, sc = self._render(item_id, section, c, state, number, cap=cap)
        log = sc.get("names_log", [])
        all_names = tuple(k for _, keys, *_ in log for k in keys)
        primary = tuple(keys[0] for _, keys, *_ in log if keys)
        first = log[0] if log else None
        no_names = author = ""
        if section == "citation" and not light:  # light: text and names only (disambiguation)
            no_names = self._render(item_id, section, c, state, number, "no_names", cap)[0]
            author = first[2] if first else ""
        ys = getattr(state, "year_suffix", None)
        return Piece(item_id, text, no_names, author,
                     year_suffix_text(ys) if ys and sc.get("ys_done") else "",
                     all_names, primary, first[4] if first else None, first[2] if first else "",
                     first[3] if first else "",
                     tuple(sc.get("years", ())), number if sc.get("number_shown") else None,
                     bool(sc.get("locator_shown")), bool(sc.get("ibid_shown")))

    # -- questions -------------------------------------------------------------------------
    def text(self, piece: Piece) -> str:
        return output.plain(piece.text)

    def names(self, piece: Piece) -> tuple[tuple[NameKey, ...], tuple[NameKey, ...]]:
        return piece.names, piece.primary

    def first_names(self, piece: Piece) -> tuple[Any, Any, str]:
        sig = piece.first_text or None
        return sig, piece.first_keys, piece.first_text

    def years(self, piece: Piece) -> tuple[int | None, ...]:
        return piece.years

    def has_date(self, piece: Piece) -> bool:
        return bool(piece.years)

    def citation_number(self, piece: Piece) -> int | None:
        return piece.number

    def has_locator(self, piece: Piece) -> bool:
        return piece.locator

    def is_ibid(self, piece: Piece) -> bool:
        return piece.ibid

    # -- edits -----------------------------------------------------------------------------
    def without_names(self, piece: Piece) -> Piece:
        return replace(piece, text=piece.no_names)

    def suffix_only(self, piece: Piece) -> Piece:
        return replace(piece, text=piece.suffix)

    def with_affixes(self, piece: Piece, cite: Any) -> Piece:
        prefix, suffix = cite.prefix, cite.suffix
        # citeproc-js: a space after a prefix that does not end in one or in an opening
        # bracket ("see" -> "see "), before a suffix that starts with a letter or digit
        if prefix and not prefix[-1].isspace() and prefix[-1] not in "([{‘“«¿¡/-":
            prefix += " "
        if suffix and suffix[0].isalnum():
            suffix = " " + suffix
        return replace(piece, text=output.affix(piece.text, output.cite_prefix(prefix, self.style.locale),
                                                  output.rich(suffix, self.style.locale)))

    def author_only(self, piece: Piece) -> Piece:
        return replace(piece, text=piece.author)

    def suppress_author(self, piece: Piece) -> Piece:
        return replace(piece, text=piece.no_names)

    def layout(self, parts: list[Any], section: str, cluster: Any) -> str:
        out = ""
        pending = ""
        for p in parts:  # a delimiter only between two pieces that render something
            if isinstance(p, Join):
                pending = p.text
            elif p is not None and p.text:
                out = output.join([out, pending, p.text]) if out else p.text
                pending = ""
        sec = self.style.citation if section == "citation" else self.style.bibliography
        if not out:
            return ""
        if cluster is not None and cluster.items and all(
                getattr(it, "author_only", False) for it in cluster.items):
            return out  # citeproc-js: an author-only citation has no layout affixes
        if cluster is not None and (cluster.prefix or cluster.suffix):
            out = output.affix(out, cluster.prefix, cluster.suffix)
        if sec is not None:
            lay = sec.layout
            out = output.wrap(output.affix(out, lay.get("prefix"), lay.get("suffix")), lay.attrs)
        return out

    def apply_substitute(self, piece: Piece, kind: str, count: int, text: str, state: Any,
                         numbers: dict[str, int]) -> Piece:
        """The bibliography entry rendered again with its first names element substituted
        (``namesub._author_sub``): ``all`` the whole list but its label, ``each`` the first
        ``count`` names shown (CSL 1.0.2 subsequent-author-substitute-rule, as citeproc-js)."""
        c = {"id": piece.item_id}
        new, _ = self._render(piece.item_id, "bibliography", c, state, numbers.get(piece.item_id),
                              cap=True, sub=(kind, count, text))
        return replace(piece, text=new)
