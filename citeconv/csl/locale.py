"""CSL locales: citeproc-py's bundled locales-*.xml merged with the style's <locale> overrides.

Contract
- ``load_locale(lang, style_locales) -> Locale``; ``style_locales`` are the style's cs:locale
  elements. Precedence (CSL 1.0.2): style locale with the exact xml:lang, then the language-only
  one, then the unqualified one; then the locale file for ``lang`` (or its primary dialect), then
  en-US. The first source that defines a term (name, form, gender-form) wins. A straight
  apostrophe in a term (not a quote term) is stored as "’", as citeproc-js prints it.
- ``Locale.term(name, form="long", plural=False, gender=None)`` follows the CSL form fallback
  (verb-short → verb → long, symbol → short → long, short → long); returns None when undefined.
- ``Locale.ordinal(n, gender, long=False)`` implements CSL 1.0 ordinals (ordinal-00..99 with
  match last-digit/last-two-digits/whole-number, gender forms, fallback to ``ordinal``) the way
  citeproc-js does: which ordinal-NN apply (match, gender) comes from the last locale node
  defining "ordinal" (the file unless a style locale defines it); a style's ordinal-NN alone
  only changes the text of that term; only the noun's gender is matched (neuter without one).
- ``Locale.date_format(form)`` is the locale's cs:date (compiled node) for "text"/"numeric";
  ``Locale.options`` holds punctuation-in-quote and limit-day-ordinals-to-day-1.
- Locale files are parsed with the safe parser and cached by path; nothing else is global.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from ..render.safexml import parse_safely

__all__ = ["Locale", "load_locale", "locales_dir"]

NS = "{http://purl.org/net/xbiblio/csl}"
PRIMARY = {"de": "de-DE", "en": "en-US", "es": "es-ES", "fr": "fr-FR", "pt": "pt-PT",
           "zh": "zh-CN", "it": "it-IT", "nl": "nl-NL", "sv": "sv-SE", "ja": "ja-JP",
           "ru": "ru-RU", "pl": "pl-PL", "da": "da-DK", "nb": "nb-NO", "fi": "fi-FI",
           "cs": "cs-CZ", "tr": "tr-TR", "ko": "ko-KR", "el": "el-GR", "hu": "hu-HU",
           "ca": "ca-AD", "uk": "uk-UA", "ro": "ro-RO", "sk": "sk-SK", "sl": "sl-SI",
           "ar": "ar", "he": "he-IL", "fa": "fa-IR", "vi": "vi-VN", "th": "th-TH",
           "et": "et-EE", "lt": "lt-LT", "lv": "lv-LV", "hr": "hr-HR", "sr": "sr-RS",
           "bg": "bg-BG", "id": "id-ID", "is": "is-IS", "eu": "eu", "af": "af-ZA"}
_FALLBACK = {"verb-short": "verb", "verb": "long", "symbol": "short", "short": "long"}


def locales_dir() -> str:
    import citeproc  # only to locate its bundled locale files

    return os.path.join(os.path.dirname(citeproc.__file__), "data", "locales")


def _local(tag: Any) -> str:
    return tag[len(NS):] if isinstance(tag, str) and tag.startswith(NS) else str(tag)


@functools.lru_cache(maxsize=64)
def _file_root(path: str) -> Any:
    return parse_safely(path).getroot()


def _file_for(lang: str) -> Any:
    d = locales_dir()
    for cand in (lang, PRIMARY.get(lang.split("-")[0], ""), "en-US"):
        p = os.path.join(d, f"locales-{cand}.xml")
        if cand and os.path.isfile(p):
            return _file_root(p)
    return None


@dataclass(frozen=True)
class Locale:
    lang: str
    terms: Mapping[tuple[str, str, str], tuple[str, str, str | None]]  # (name, form, gform) -> (single, multiple, gender)
    dates: Mapping[str, Any]
    options: Mapping[str, str]
    # (match, number, gender-form, term name) of the ordinal-NN terms that apply, as citeproc-js
    # takes them from the last locale node (file, then style locales) defining "ordinal"
    ordinal_map: tuple[tuple[str, str, str, str], ...] | None = None

    def term(self, name: str, form: str = "long", plural: bool = False,
             gender: str | None = None) -> str | None:
        f: str | None = form
        while f:
            for g in ((gender, "") if gender else ("",)):
                t = self.terms.get((name, f, g or ""))
                if t is not None:
                    return t[1] if plural else t[0]
            f = _FALLBACK.get(f)
        return None

    def gender(self, name: str) -> str | None:
        t = self.terms.get((name, "long", ""))
        return t[2] if t else None

    def ordinal(self, n: int, gender: str | None = None, long: bool = False) -> str:
        if long and 1 <= n <= 10:
            word = self.term(f"long-ordinal-{n:02d}", gender=gender)
            if word is not None:
                return word
        if self.ordinal_map is not None:
            return f"{n}{self._ordinal_suffix(n, gender)}"
        suffix = None
        for key, default in ((f"ordinal-{n % 100:02d}", "last-two-digits"),
                             (f"ordinal-{n % 10:02d}", "last-digit")):
            if key == f"ordinal-{n % 100:02d}" and n % 100 < 10 and default == "last-two-digits":
                continue
            for g in ((gender, "") if gender else ("",)):
                t = self.terms.get((key, "long", g or ""))
                if t is None:
                    continue
                m = self.terms.get((key, "_match", g or ""), (default,))[0]
                num = int(key[-2:])
                ok = (m == "last-digit" and n % 10 == num) or (
                    m == "last-two-digits" and n % 100 == num) or (m == "whole-number" and n == num)
                if ok:
                    suffix = t[0]
                    break
            if suffix is not None:
                break
        if suffix is None:
            suffix = self.term("ordinal", gender=gender) or ""
        return f"{n}{suffix}"

    def _ordinal_suffix(self, n: int, gender: str | None) -> str:
        """citeproc-js: the noun's gender is tried (neuter without one), whole number, last
        two digits, last digit; no match is the "ordinal" term (then neuter is tried)."""
        digits = str(n)
        found = {(m, k, g): name for m, k, g, name in self.ordinal_map or ()}
        suffix = self.term("ordinal", gender=gender) or ""
        for g in ((gender, "neuter") if gender else ("neuter",)):
            for m, k in (("whole-number", digits), ("last-two-digits", digits[-2:]),
                         ("last-digit", digits[-1:])):
                name = found.get((m, k, g))
                if name:
                    suffix = self.term(name, gender=gender) or ""
                    break
            if suffix:
                break
        return suffix


def _collect(root: Any, terms: dict, dates: dict, options: dict) -> None:
    from .style import compile_node

    for el in root:
        tag = _local(el.tag)
        if tag == "terms":
            for t in el:
                if _local(t.tag) != "term":
                    continue
                name, form = t.get("name"), t.get("form", "long")
                key = (name, form, t.get("gender-form", ""))
                if key in terms:
                    continue
                single = t.find(f"{NS}single")
                multiple = t.find(f"{NS}multiple")
                if single is not None or multiple is not None:
                    s = (single.text or "") if single is not None else ""
                    m = (multiple.text or "") if multiple is not None else s
                else:
                    s = m = t.text or ""
                if ("'" in s or "'" in m) and not name.endswith("quote"):
                    # citeproc-js prints a term as rich text: a straight apostrophe is "’"
                    s, m = s.replace("'", "\u2019"), m.replace("'", "\u2019")
                terms[key] = (s, m, t.get("gender"))
                if t.get("match"):
                    terms.setdefault((name, "_match", t.get("gender-form", "")), (t.get("match"), "", None))
        elif tag == "date" and el.get("form") not in dates:
            dates[el.get("form")] = compile_node(el)
        elif tag == "style-options":
            for k, v in el.attrib.items():
                options.setdefault(k, v)


def _has_ordinal_overrides(root: Any) -> bool:
    """Whether a locale node defines the "ordinal" term: citeproc-js then drops every ordinal
    term read before it (ordinal-NN alone only override the terms of that name)."""
    return any(t.get("name") == "ordinal" for t in root.iter(f"{NS}term"))


def _ordinal_map(root: Any) -> tuple[tuple[str, str, str, str], ...] | None:
    """The ordinal-NN terms of a node defining "ordinal" as (match, number, gender-form, name);
    None for a node without it (CSL 1.0.2 default match: last-digit for 01-09)."""
    if root is None or not _has_ordinal_overrides(root):
        return None
    out = []
    for t in root.iter(f"{NS}term"):
        name = t.get("name") or ""
        if len(name) == 10 and name.startswith("ordinal-") and name[8:].isdigit():
            stub = name[8:]
            match = t.get("match") or ("last-digit" if stub[0] == "0" else "last-two-digits")
            out.append((match, stub[1:] if stub[0] == "0" else stub,
                        t.get("gender-form") or "neuter", name))
    return tuple(out)


@functools.lru_cache(maxsize=64)
def _load(lang: str, style_locales: tuple[Any, ...]) -> Locale:
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    primary = lang.split("-")[0]
    ordered = ([el for el in style_locales if el.get(xml_lang) == lang]
               + [el for el in style_locales if el.get(xml_lang) == primary and primary != lang]
               + [el for el in style_locales if not el.get(xml_lang)])
    terms: dict = {}
    dates: dict = {}
    options: dict = {}
    for el in ordered:
        if _has_ordinal_overrides(el):
            # a style locale defining "ordinal" replaces all ordinal terms of the file
            terms.setdefault(("__ordinals_replaced__", "long", ""), ("1", "1", None))
        _collect(el, terms, dates, options)
    replaced = ("__ordinals_replaced__", "long", "") in terms
    for n, root in enumerate((_file_for(lang), _file_for("en-US"))):
        if root is None:
            continue
        before = dict(terms)
        _collect(root, terms, dates, options)
        if n == 1 and any(k[0].startswith("ordinal") for k in before):
            # the en-US fallback must not add its ordinal suffixes to another language's
            replaced = True
        if replaced:
            for k in list(terms):
                if k not in before and k[0].startswith("ordinal"):
                    del terms[k]
    ordmap = _ordinal_map(_file_for(lang))
    for el in reversed(ordered):  # citeproc-js reads the style's locales after the file
        own = _ordinal_map(el)
        ordmap = own if own is not None else ordmap
    return Locale(lang, MappingProxyType(terms), MappingProxyType(dates), MappingProxyType(options),
                  ordmap)


def load_locale(lang: str, style_locales: tuple[Any, ...] = ()) -> Locale:
    return _load(lang, style_locales)
