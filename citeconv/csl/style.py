"""Compile a CSL 1.0.2 style into frozen node objects, once per (path, mtime, locale).

Contract
- ``load(style, locale=None) -> Style``: ``style`` is a name or path resolved by
  ``citeconv.render.styles.resolve_style`` (a dependent style resolves to its parent, and the
  dependent's default-locale is used when no ``locale`` is given). ``load_xml(text, locale)``
  compiles a style given as XML text (not cached). XML is read with the safe parser
  (``safexml.parse_safely``: DOCTYPE/ENTITY refused); style problems raise ``ValueError``.
- Every CSL element becomes a frozen ``Node`` subclass (``Text``, ``Number``, ``Label``, ``Date``,
  ``DatePart``, ``Names``, ``Name``, ``NamePart``, ``EtAl``, ``Substitute``, ``Group``, ``Choose``,
  ``If``, ``Layout``, ``Sort``, ``Key``...) holding its attributes (read-only mapping) and
  children (tuple). Macros are kept by name in ``Style.macros`` and looked up at evaluation.
- Inheritable name options (``and``, ``et-al-*``, ``initialize-with``, ``name-as-sort-order``...)
  from cs:style, cs:citation and cs:bibliography are collected into ``Style.name_options`` per
  section and merged under each cs:name at evaluation time (the element's own attributes win).
- ``Style.locale`` is the merged ``locale.Locale`` for the requested language. ``Style.extra``:
  ``root`` (the XML root), ``date_macros`` (the macros holding a cs:date of their own, which a
  sort key renders as their dates only, as citeproc-js does) and ``year_suffix_var``.
"""
from __future__ import annotations

import functools
import io
import os
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from ..render.safexml import parse_safely
from ..render.styles import resolve_style
from .locale import Locale, load_locale
from .marks import NEWLINE

__all__ = ["Node", "Style", "load", "load_xml", "NAME_INHERIT"]

NS = "{http://purl.org/net/xbiblio/csl}"
NAME_INHERIT = ("and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min",
                "et-al-use-first", "et-al-use-last", "et-al-subsequent-min",
                "et-al-subsequent-use-first", "initialize", "initialize-with",
                "name-as-sort-order", "sort-separator", "name-form", "name-delimiter",
                "names-delimiter", "demote-non-dropping-particle", "initialize-with-hyphen")
_EMPTY: Mapping[str, str] = MappingProxyType({})
_BREAKABLE = frozenset({"delimiter", "prefix", "suffix", "value"})


@dataclass(frozen=True, slots=True)
class Node:
    attrs: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    children: tuple["Node", ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    def child(self, kind: type["Node"]) -> "Node | None":
        for c in self.children:
            if type(c) is kind:
                return c
        return None


class Text(Node): __slots__ = ()
class Number(Node): __slots__ = ()
class Label(Node): __slots__ = ()
class Date(Node): __slots__ = ()
class DatePart(Node): __slots__ = ()
class Names(Node): __slots__ = ()
class Name(Node): __slots__ = ()
class NamePart(Node): __slots__ = ()
class EtAl(Node): __slots__ = ()
class Substitute(Node): __slots__ = ()
class Group(Node): __slots__ = ()
class Choose(Node): __slots__ = ()


@dataclass(frozen=True, slots=True)
class If(Node):
    """cs:if / cs:else-if / cs:else, with its conditions split once at compile time:
    ``conds`` = ((attribute, (value, ...)), ...) in CSL order, ``match`` all/any/none."""

    conds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    match: str = "all"
    is_else: bool = False


class Layout(Node): __slots__ = ()
class Sort(Node): __slots__ = ()
class Key(Node): __slots__ = ()
class Other(Node): __slots__ = ()


KINDS: Mapping[str, type[Node]] = MappingProxyType({
    "text": Text, "number": Number, "label": Label, "date": Date, "date-part": DatePart,
    "names": Names, "name": Name, "name-part": NamePart, "et-al": EtAl, "substitute": Substitute,
    "group": Group, "choose": Choose, "if": If, "else-if": If, "else": If, "layout": Layout,
    "sort": Sort, "key": Key})


@dataclass(frozen=True)
class Section:
    """cs:citation or cs:bibliography: its layout, sort keys and inheritable options."""

    layout: Layout
    sort: tuple[Key, ...]
    options: Mapping[str, str]


@dataclass(frozen=True)
class Style:
    macros: Mapping[str, Node]
    citation: Section | None
    bibliography: Section | None
    options: Mapping[str, str]        # attributes of cs:style (global options)
    locale: Locale
    style_class: str = "in-text"
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    def name_options(self, section: str) -> dict[str, str]:
        out = {k: v for k, v in self.options.items() if k in NAME_INHERIT}
        sec = self.bibliography if section == "bibliography" else self.citation
        if sec is not None:
            out.update((k, v) for k, v in sec.options.items() if k in NAME_INHERIT)
        return out


def _local(tag: Any) -> str:
    return tag[len(NS):] if isinstance(tag, str) and tag.startswith(NS) else str(tag)


def compile_node(el: Any) -> Node:
    kind = KINDS.get(_local(el.tag), Other)
    attrs = {k: (v.replace("\n", NEWLINE) if k in _BREAKABLE else v)
             for k, v in el.attrib.items()}  # the style's own line breaks survive the writers
    name = _local(el.tag)
    if name == "else":
        attrs["_else"] = "true"
    if name == "text" and el.text is None and "value" in attrs:
        pass
    children = tuple(compile_node(c) for c in el if isinstance(c.tag, str))
    if kind is If:
        conds = tuple((a, tuple(attrs[a].split())) for a in _CONDITIONS if a in attrs)
        return If(MappingProxyType(attrs), children, conds, attrs.get("match", "all"),
                  name == "else")
    return kind(MappingProxyType(attrs), children)


_CONDITIONS = ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position",
               "disambiguate")


def _section(el: Any) -> Section | None:
    if el is None:
        return None
    layout, keys = None, ()
    for c in el:
        tag = _local(c.tag)
        if tag == "layout":
            layout = compile_node(c)
        elif tag == "sort":
            keys = tuple(compile_node(k) for k in c if _local(k.tag) == "key")
    if layout is None:
        layout = Layout()
    return Section(layout, keys, MappingProxyType(dict(el.attrib)))  # type: ignore[arg-type]


def _compile(tree: Any, locale: str | None) -> Style:
    root = tree.getroot()
    macros, cit, bib, locales = {}, None, None, []
    date_macros = set()  # macros with a cs:date of their own (citeproc-js flagDateMacros)
    for c in root:
        tag = _local(c.tag)
        if tag == "macro":
            macros[c.get("name")] = Group(MappingProxyType({}), tuple(
                compile_node(x) for x in c if isinstance(x.tag, str)))
            if any(isinstance(x.tag, str) and _local(x.tag) == "date" for x in c.iter()):
                date_macros.add(c.get("name"))
        elif tag == "citation":
            cit = c
        elif tag == "bibliography":
            bib = c
        elif tag == "locale":
            locales.append(c)
    lang = locale or root.get("default-locale") or "en-US"
    loc = load_locale(lang, tuple(locales))
    return Style(MappingProxyType(macros), _section(cit), _section(bib),
                 MappingProxyType(dict(root.attrib)), loc, root.get("class", "in-text"),
                 MappingProxyType({"root": root, "date_macros": frozenset(date_macros),
                                   "year_suffix_var": any(
                     el.get("variable") in ("year-suffix", "citation-label")  # a cs:text only,
                     and _local(el.tag) == "text" for el in root.iter())}))  # not a sort key


@functools.lru_cache(maxsize=32)
def _load_cached(path: str, mtime: float, locale: str | None) -> Style:
    return _compile(parse_safely(path), locale)


def load(style: str, locale: str | None = None) -> Style:
    path = resolve_style(style)
    return _load_cached(str(path), os.path.getmtime(path), locale or path.default_locale)


def load_xml(xml: str | bytes, locale: str | None = None) -> Style:
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    return _compile(parse_safely(io.BytesIO(data)), locale)
