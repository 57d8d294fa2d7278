"""cs:name rendering (CSL 1.0.2 §Name), replacing citeproc-py's ``Name.process``.

Contract
- Implements: ``and`` (text/symbol), ``delimiter``, ``delimiter-precedes-last`` and
  ``delimiter-precedes-et-al`` (contextual/after-inverted-name/always/never), ``et-al-min``/
  ``et-al-use-first``/``et-al-use-last``, ``form`` (long/short/count), ``initialize``,
  ``initialize-with``, ``initialize-with-hyphen``, ``name-as-sort-order``, ``sort-separator``,
  ``demote-non-dropping-particle``, cs:name-part formatting and cs:et-al.
- Particles that end in an apostrophe or hyphen attach to the family name without a space
  (``d’Aspremont``); a straight apostrophe in a particle becomes ’ as citeproc-js prints it.
- Names written in CJK scripts print family then given with no space, never initialised; a
  variable whose text is entirely in CJK scripts is not italicised by its own cs:text (as
  citeproc-js does; italics from an enclosing macro or group still apply).
- Literal names print as given. A suffix follows with a space (a comma with ``comma-suffix``).
- The et-al marker remembered by ``items.prepare`` (jgm/citeproc's convention) means the list is
  longer than given: at most ``et-al-use-first`` names print, always followed by the et-al term.
- The name options (``Name.get_option`` for each) are remembered per (element, context) when no
  sort options apply.
"""
from __future__ import annotations

import re
from typing import Any

__all__ = ["install", "format_name", "initialize", "is_cjk"]

_CJK = re.compile("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def is_cjk(*parts: Any) -> bool:
    return any(p and _CJK.search(str(p)) for p in parts)


def initialize(given: str, mark: str, hyphen: bool, full: bool) -> str:
    """Initialise ``given`` with ``mark`` (citeproc-js rules).

    A piece written as an abbreviation (followed by a period: ``Ph.``, ``Me.``) or a single letter
    keeps its letters and takes ``mark``; any other word becomes its first letter plus ``mark``,
    or stays whole when ``full`` (``initialize="false"``). Lower-case words (particles) stay.
    """
    words = []
    for word in given.split():
        parts = []
        for part in word.split("-"):
            r = ""
            for piece in re.findall(r"[^.]+\.?", part):
                core = piece.rstrip(".").strip()
                if not core:
                    continue
                if not core[0].isupper():
                    r += (" " if r else "") + piece + " "
                elif piece.endswith(".") or len(core) == 1:
                    r += core + mark
                elif full:
                    r += (" " if r and not r.endswith(" ") else "") + core + " "
                else:
                    r += core[0] + mark
            if r:
                parts.append(r)
        if not parts:
            continue
        if len(parts) > 1:
            joiner = "-" if hyphen else ""
            words.append(joiner.join(p.strip() for p in parts[:-1]) + joiner + parts[-1]
                         if not hyphen else "-".join(p.strip() for p in parts[:-1]) + "-" + parts[-1])
        else:
            words.append(parts[0])
    text = ""
    for w in words:
        if text and not text.endswith(" ") and not _is_initials(w, mark):
            text += " "
        text += w
    return re.sub(r"\s+", " ", text).strip()


def _is_initials(chunk: str, mark: str) -> bool:
    return bool(mark) and chunk.endswith(mark) or (not mark and chunk.isupper() and len(chunk) <= 3)


def _attach(particle: str, family: str) -> str:
    if not particle:
        return family
    particle = particle.replace("'", "\u2019")
    if particle.endswith(("\u2019", "-")):
        return particle + family
    return particle + " " + family


def _apos(text: str) -> str:
    return text.replace("'", "\u2019")


class _Parts:
    __slots__ = ("given", "family", "dp", "ndp", "suffix", "literal", "comma_suffix")

    def __init__(self, name: Any) -> None:
        self.literal = name.get("literal")
        self.given = name.get("given") or ""
        self.family = name.get("family") or ""
        self.dp = _apos(name.get("dropping-particle") or "")
        self.ndp = _apos(name.get("non-dropping-particle") or "")
        self.suffix = name.get("suffix") or ""
        self.comma_suffix = bool(name.get("comma-suffix"))


def format_name(el: Any, name: Any, opts: dict, inverted: bool) -> Any:
    """Render one name as a string (markup from cs:name-part included)."""
    p = _Parts(name)
    if p.literal:
        return el.preformat(str(p.literal))
    if not p.family and p.given:
        p.family, p.given = p.given, ""
    if is_cjk(p.family, p.given) and not re.search("[A-Za-z]", p.family + p.given):
        if opts["form"] == "short":
            return _part(el, "family", el.preformat(p.family))
        return _part(el, "family", el.preformat(p.family)) + _part(el, "given", el.preformat(p.given))
    given = p.given
    if given and opts["initialize-with"] is not None:
        given = initialize(given, opts["initialize-with"], opts["initialize-with-hyphen"],
                           full=opts["initialize"] is False)
    given = str(given).strip()
    demote = opts["demote"]
    if opts["form"] == "short":
        return _part(el, "family", el.preformat(_attach(p.ndp, p.family)))
    if inverted:
        if demote == "display-and-sort":
            fam = p.family
            giv = " ".join(x for x in (given, p.dp, p.ndp) if x)
        else:
            fam = _attach(p.ndp, p.family)
            giv = " ".join(x for x in (given, p.dp) if x)
        pieces = [_part(el, "family", el.preformat(fam))]
        if giv:
            pieces.append(_part(el, "given", el.preformat(giv)))
        if p.suffix:
            pieces.append(el.preformat(p.suffix))
        sep = opts["sort-separator"]
        out = pieces[0]
        for piece in pieces[1:]:
            out = out + el.preformat(sep) + piece
        return out
    fam = _attach(p.dp, _attach(p.ndp, p.family)) if p.dp else _attach(p.ndp, p.family)
    out = _part(el, "family", el.preformat(fam))
    if given:
        out = _part(el, "given", el.preformat(given)) + " " + out
    if p.suffix:
        out = out + el.preformat((", " if p.comma_suffix else " ") + p.suffix)
    return out


def _part(el: Any, which: str, text: Any) -> Any:
    for part in el.findall("cs:name-part", el.nsmap):
        if part.get("name") == which:
            return part.wrap(part.format(part.case(text)))
    return text


_OPTIONS: dict[tuple[Any, Any], dict] = {}


def _options(el: Any, context: Any, sort_options: Any, item: Any = None) -> dict:
    """The name options for ``el`` rendered in ``context``; without sort options they depend only
    on the style's elements (never edited after loading), so they are remembered per
    (element, context) and a copy is returned."""
    if sort_options is not None:
        return _compute_options(el, context, sort_options)
    key = (el, context)
    cached = _OPTIONS.get(key)
    if cached is None:
        cached = _OPTIONS[key] = _compute_options(el, context, None)
    return dict(cached)


def _compute_options(el: Any, context: Any, sort_options: Any) -> dict:
    g = lambda n: el.get_option(n, context, sort_options)  # noqa: E731
    init = el.get("initialize")
    if init is None:
        init = _inherited(el, context, "initialize")
    return {
        "and": g("and"), "delimiter": g("delimiter"),
        "dp-et-al": g("delimiter-precedes-et-al"), "dp-last": g("delimiter-precedes-last"),
        "et-al-min": g("et-al-min"), "et-al-use-first": g("et-al-use-first"),
        "et-al-use-last": g("et-al-use-last"), "initialize-with": g("initialize-with"),
        "initialize-with-hyphen": g("initialize-with-hyphen"),
        "initialize": False if str(init).lower() == "false" else True,
        "name-as-sort-order": g("name-as-sort-order"), "sort-separator": g("sort-separator"),
        "form": g("form"),
        "demote": _demote(el, sort_options),
    }


def _demote(el: Any, sort_options: Any) -> str:
    value = (el.get_root().get("demote-non-dropping-particle") or "display-and-sort").lower()
    if sort_options is not None and value == "sort-only":
        return "display-and-sort"
    return value


def _inherited(el: Any, context: Any, name: str) -> Any:
    expr = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
    parent = (context if context is not None else el).xpath_search(expr)
    for node in (parent[0] if parent else None, el.get_root()):
        if node is not None and node.get(name) is not None:
            return node.get(name)
    return None


def _delim_before(rule: str, count: int, last_inverted: bool, threshold: int) -> bool:
    if rule == "always":
        return True
    if rule == "never":
        return False
    if rule == "after-inverted-name":
        return last_inverted
    return count >= threshold


def process(self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None,
            **kwargs: Any) -> Any:
    opts = _options(self, context, sort_options)
    if item.reference.__dict__.get("_citeconv_givenname") and sort_options is None:
        opts["initialize-with"] = None if opts["initialize"] is False else opts["initialize-with"]
        if opts["form"] == "short":
            opts["form"] = "long"
            opts["initialize-with"] = None
    names = list(item.reference.get(variable, []))
    forced = variable.replace("_", "-") in getattr(item.reference, "_citeconv_etal", ())
    nmin, first = opts["et-al-min"], opts["et-al-use-first"]
    extra = item.reference.__dict__.get("_citeconv_names_first")
    if extra and sort_options is None:
        first = max(first, extra)
    truncate = bool(nmin) and len(names) >= nmin and first < len(names)
    shown = names[:first] if truncate else names
    if forced:  # the list is longer than given: truncate to et-al-use-first, always et al.
        truncate = True
        shown = names[:first] if first else names
    if opts["form"] == "count":
        return len(shown)
    use_last = truncate and opts["et-al-use-last"] and not forced and first <= nmin - 2
    order = opts["name-as-sort-order"]
    rendered, inverted = [], []
    for i, name in enumerate(shown):
        inv = (order == "all" or (order == "first" and i == 0)) and not name.get("literal")
        rendered.append(format_name(self, name, opts, inv))
        inverted.append(inv)
    if not rendered:
        return None
    delim = opts["delimiter"]
    if use_last:
        last = format_name(self, names[-1], opts, order == "all")
        return _join(self, rendered, delim) + delim + self.unicode_character("horizontal ellipsis") + " " + last
    if truncate:
        et_al = self.et_al()
        if et_al:
            sep = delim if _delim_before(opts["dp-et-al"], len(rendered), inverted[-1], 2) else " "
            return _join(self, rendered, delim) + sep + et_al
        return _join(self, rendered, delim)
    if opts["and"] is not None and len(rendered) > 1:
        term = self.get_single_term(name="and") if opts["and"] == "text" else self.preformat("&")
        sep = delim if _delim_before(opts["dp-last"], len(rendered), inverted[-2], 3) else " "
        if shown[-1].get("literal") and not shown[-2].get("literal"):
            sep = delim  # persons, then an institution: citeproc-js always delimits

        return _join(self, rendered[:-1], delim) + sep + term + " " + rendered[-1]
    return _join(self, rendered, delim)


def _join(el: Any, parts: list, delim: str) -> Any:
    out = parts[0]
    for p in parts[1:]:
        out = out + el.preformat(delim) + p
    return out


def _cjk_only(text: Any) -> bool:
    s = re.sub(r"[\s\W\d]+", "", str(text))
    return bool(s) and all(_CJK.match(c) for c in s)


def install() -> None:
    from citeproc import model

    model.Name.process = process
    font_style = model.Formatted.font_style

    def no_cjk_italics(self: Any, text: Any) -> Any:
        if (self.get("font-style") in ("italic", "oblique") and self.get("variable")
                and _cjk_only(text)):
            return text  # citeproc-js leaves a CJK-only variable upright
        return font_style(self, text)

    model.Formatted.font_style = no_cjk_italics
    markup = model.Name.markup

    def name_markup(self: Any, text: Any) -> Any:
        if isinstance(text, int):
            return text  # form="count": Names.process sums the counts
        return markup(self, text)

    model.Name.markup = name_markup
