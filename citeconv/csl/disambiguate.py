"""Disambiguation (CSL 1.0.2 §Disambiguation) as a pure algorithm over a render callback.

Contract
- The caller renders cites; this module decides. ``disambiguate(render, options, rank)`` calls
  ``render(states)`` with the current ``DisambState`` per item id and gets back one ``CiteView``
  per cite that takes part (every cite of every citation, stripped of affixes and locators, plus
  one plain "ghost" cite per item, as jgm/citeproc does; cites showing the "ibid" term and
  suppress-author cites are left out by the caller). It returns the final state per item id.
- Two cites are ambiguous when their rendered text is equal and non-empty and they belong to
  different items. Steps, each only on what is still ambiguous:
  0. ``givenname-disambiguation-rule`` all-names / all-names-with-initials / primary-name /
     primary-name-with-initials (with ``disambiguate-add-givenname``): a global pass, before
     anything else, over every name rendered anywhere (or every first name): names sharing a
     family name get a hint, "initials" when initials tell them apart, else "given" (the
     "-with-initials" rules never expand to full given names);
  1. ``disambiguate-add-names``: per ambiguous set, the smallest number of names (counting from
     the first) that tells an item apart is stored as its ``et_al_names``; names are compared
     as the givenname rule will show them (family only without add-givenname);
  2. ``givenname-disambiguation-rule="by-cite"``: names at the same position with the same
     family in different items get an "initials" or "given" hint for that item only;
  3. ``disambiguate-add-year-suffix``: items still ambiguous get year suffixes 1, 2, ... (a, b)
     in the order of ``rank`` (their bibliography position), per set of mutually ambiguous items;
  4. the ``disambiguate="true"`` tests are switched on for items still ambiguous (when
     ``Options.condition``: the style tests it), after the year suffixes as citeproc-js orders
     its modes (a style with both shows "2016a", not the condition's extra text): one test more
     at a time (``DisambState.condition`` = how many of the tests met pass, in order), up to
     ``Options.condition_tests`` (the style's count); they stay on even where they did not help
     (citeproc-js: MLA shows the title of two same-titled works by one author).
- ``NameKey`` is a name as compared here (family, given, and the rest of its parts);
  ``DisambState.hint(name, primary)`` is what the names renderer asks.
- ``year_suffix_text(n)``: 1 → "a", 26 → "z", 27 → "aa".
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

__all__ = ["NameKey", "DisambState", "CiteView", "Options", "disambiguate", "year_suffix_text",
           "initials_of"]

INITIALS, GIVEN, INITIALS_IF_PRIMARY, GIVEN_IF_PRIMARY = ("initials", "given",
                                                          "initials-if-primary",
                                                          "given-if-primary")


@dataclass(frozen=True, slots=True)
class NameKey:
    family: str | None
    given: str | None
    rest: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DisambState:
    et_al_names: int | None = None
    hints: tuple[tuple[NameKey, str], ...] = ()
    year_suffix: int | None = None
    condition: int = 0      # how many disambiguate="true" tests pass (citeproc-js, in order)

    def hint(self, name: NameKey, primary: bool) -> str | None:
        """"initials", "given" or None: how far to expand ``name`` (first in its list if primary)."""
        for key, h in self.hints:
            if key == name:
                if h in (INITIALS, GIVEN):
                    return h
                if primary:
                    return INITIALS if h == INITIALS_IF_PRIMARY else GIVEN
                return None
        return None

    def with_hint(self, name: NameKey, hint: str) -> DisambState:
        rest = tuple((k, h) for k, h in self.hints if k != name)
        return replace(self, hints=rest + ((name, hint),))


@dataclass(frozen=True, slots=True)
class CiteView:
    item_id: str
    text: str
    names: tuple[NameKey, ...] = ()
    primary: tuple[NameKey, ...] = ()   # the first name of each rendered name list


@dataclass(frozen=True, slots=True)
class Options:
    add_names: bool = False
    add_givenname: bool = False
    rule: str = "by-cite"
    add_year_suffix: bool = False
    condition: bool = True   # the style tests disambiguate="true" somewhere in cs:citation
    condition_tests: int = 1  # how many such tests the style has (the levels to try)


_SPLIT = re.compile(r"[\s.\-‐]+")


def initials_of(given: str | None) -> str:
    """The initials of a given name, as compared by the givenname rules ("J.-P." = "JP")."""
    if not given:
        return ""
    return "".join(p[0] for p in _SPLIT.split(given) if p)


def year_suffix_text(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


_MAX_CONDITIONS = 20  # disambiguate="true" tests turned on one by one, at most
_ALL_CONDITIONS = 1 << 30
Render = Callable[[Mapping[str, DisambState]], Sequence[CiteView]]


def ambiguities(views: Sequence[CiteView]) -> list[list[CiteView]]:
    """Sets (two or more items) of cites with the same non-empty text, one view per item."""
    by_text: dict[str, dict[str, CiteView]] = {}
    for v in views:
        if v.text:
            by_text.setdefault(v.text, {}).setdefault(v.item_id, v)
    return [list(d.values()) for d in by_text.values() if len(d) > 1]


def disambiguate(render: Render, options: Options, rank: Mapping[str, int],
                 item_ids: Sequence[str]) -> dict[str, DisambState]:
    states: dict[str, DisambState] = {i: DisambState() for i in item_ids}
    views = render(states)
    if options.add_givenname and options.rule != "by-cite":
        names_hints = _global_hints(views, options.rule)
        if names_hints:  # each item carries only the hints for names its cites render
            hint_of = dict(names_hints)
            mine: dict[str, dict[NameKey, None]] = {}
            for v in views:
                mine.setdefault(v.item_id, {}).update(dict.fromkeys(v.names))
            for i in states:
                own = tuple((k, hint_of[k]) for k in mine.get(i, ()) if k in hint_of)
                if own:
                    states[i] = replace(states[i], hints=own)
            views = render(states)
    amb = ambiguities(views)
    if amb and options.add_names:
        for group in amb:
            if options.add_givenname and options.rule == "by-cite":
                _add_given_names(group, states)
            _add_names(group, states, options)
        amb = ambiguities(render(states))
    if amb and options.add_givenname and options.rule == "by-cite":
        for group in amb:
            _add_given_names(group, states)
        amb = ambiguities(render(states))
    if amb and options.add_year_suffix:  # citeproc-js: year suffixes before the condition
        _add_year_suffixes(amb, states, rank)
        amb = ambiguities(render(states)) if options.condition else []
    level = 0
    top = min(max(options.condition_tests, 1), _MAX_CONDITIONS)
    while amb and options.condition and level < top:
        # citeproc-js turns the disambiguate="true" tests on one at a time, in the order they
        # are met, for the cites still ambiguous (a test that changes nothing, such as an
        # empty <if disambiguate="true" match="none"/>, still takes its turn)
        level += 1
        for group in amb:
            for v in group:
                states[v.item_id] = replace(states[v.item_id], condition=level)
        amb = ambiguities(render(states))
    for group in amb if options.condition else ():  # still alike: every test met passes
        for v in group:
            states[v.item_id] = replace(states[v.item_id], condition=_ALL_CONDITIONS)
    return states


def _global_hints(views: Sequence[CiteView], rule: str) -> tuple[tuple[NameKey, str], ...]:
    primary_only = rule.startswith("primary-name")
    relevant: dict[NameKey, None] = {}
    for v in views:
        for n in (v.primary if primary_only else v.names):
            relevant.setdefault(n)
    by_family: dict[tuple[str | None, str], list[NameKey]] = {}
    for n in relevant:
        if n.family is not None:
            by_family.setdefault(_shown_family(n), []).append(n)
    hints: list[tuple[NameKey, str]] = []
    for group in by_family.values():
        if len(group) < 2:
            continue
        same_initials: dict[str, int] = {}  # names with a given name, per initials
        for n in group:
            if n.given:
                same_initials[initials_of(n.given)] = same_initials.get(initials_of(n.given), 0) + 1
        for n in group:  # another name (n itself counted once) with the same initials
            clash = bool(n.given) and same_initials.get(initials_of(n.given), 0) > 1
            if clash:
                if rule in ("all-names-with-initials", "primary-name-with-initials"):
                    continue
                hints.append((n, GIVEN_IF_PRIMARY if rule == "primary-name" else GIVEN))
            else:
                hints.append((n, INITIALS_IF_PRIMARY if primary_only else INITIALS))
    return tuple(hints)


def _shown_family(n: NameKey) -> tuple[str | None, str]:
    """The family as a short form shows it: with its non-dropping particle ("dos Santos" and
    "Santos" already differ, so their given names are never expanded for each other)."""
    return n.family, (n.rest[0] if n.rest else "")


def _shown(names: Sequence[NameKey], options: Options) -> tuple[tuple[str | None, ...], ...]:
    """The names as the givenname rule will let them differ."""
    if not options.add_givenname:
        return tuple((n.family, *n.rest) for n in names)
    rule = options.rule
    out = []
    for i, n in enumerate(names):
        if rule in ("all-names", "by-cite") or (rule == "primary-name" and i == 0):
            out.append((n.family, n.given, *n.rest))
        elif rule == "all-names-with-initials" or (rule == "primary-name-with-initials"
                                                   and i == 0):
            out.append((n.family, initials_of(n.given), *n.rest))
        else:
            out.append((n.family, *n.rest))
    return tuple(out)


def _add_names(group: list[CiteView], states: dict[str, DisambState], options: Options) -> None:
    """Names are added while they split the set further; an item keeps the count at which
    its last split happened (a pair still alike keeps the names that told it from the rest,
    then year suffixes tell the pair apart: citeproc-js)."""
    remaining = list(group)
    classes = 1
    most = max((len(v.names) for v in group), default=0)
    for n in range(1, most + 1):
        if len(remaining) < 2:
            break
        # the names shown, and whether "et al." follows them
        shown = {v.item_id: (_shown(v.names[:n], options), len(v.names) > n) for v in remaining}
        if len(set(shown.values())) <= classes:
            continue
        for v in remaining:
            states[v.item_id] = replace(states[v.item_id], et_al_names=n)
        size = Counter(shown.values())
        remaining = [v for v in remaining if size[shown[v.item_id]] > 1]
        classes = len({shown[v.item_id] for v in remaining})


def _add_given_names(group: list[CiteView], states: dict[str, DisambState]) -> None:
    remaining = list(group)
    width = max((len(v.names) for v in group), default=0)
    for i in range(width):
        if not remaining:
            return
        column = [(v.item_id, v.names[i]) for v in group if i < len(v.names)]
        names = [n for _, n in column]
        hinted = set()
        for item_id, name in column:
            same_family = [o for o in names
                           if o != name and _shown_family(o) == _shown_family(name)]
            if not same_family:
                continue
            clash = any(initials_of(name.given) == initials_of(o.given) for o in same_family)
            states[item_id] = states[item_id].with_hint(name, GIVEN if clash else INITIALS)
            hinted.add(item_id)
        remaining = [v for v in remaining if v.item_id not in hinted]


def _add_year_suffixes(amb: list[list[CiteView]], states: dict[str, DisambState],
                       rank: Mapping[str, int]) -> None:
    big = len(rank) + 1
    done: set[tuple[str, ...]] = set()
    groups_of: dict[str, list[list[CiteView]]] = {}  # the sets each item is in, in amb order
    for g in amb:
        for i in dict.fromkeys(x.item_id for x in g):
            groups_of.setdefault(i, []).append(g)
    for group in amb:
        for v in group:
            companions = sorted({o.item_id for g in groups_of[v.item_id] for o in g},
                                key=lambda i: rank.get(i, big))
            key = tuple(companions)
            if key in done:
                continue
            done.add(key)
            for n, item_id in enumerate(companions, start=1):
                states[item_id] = replace(states[item_id], year_suffix=n)
