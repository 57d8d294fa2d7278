"""Evaluation of compiled CSL nodes for one item: Context and the rendering-element dispatch.

Contract
- ``Context`` (frozen) carries everything an evaluation reads: the compiled ``style``, its
  ``locale``, the CSL-JSON ``item``, the ``section`` ("citation" | "bibliography"), the ``cite``
  (citeproc-js CitationItem dict or None: locator, label, position...), the disambiguation
  ``state`` (any object with optional attributes ``names_added``/``givenname_level``/
  ``year_suffix``/``disambiguate``), the citation ``number`` and a per-render ``scratch`` dict
  (variables suppressed by cs:substitute; created by ``render_item``, never shared), and a
  ``memo`` dict that the renders of one run may share (``core.EvalCore``): values derived from
  the item data, keyed by ``(kind, id(obj))`` and holding ``obj`` (so the id stays its own).
- ``render(node, ctx) -> (text, status)``: ``text`` is an output piece (``output`` module),
  ``status`` 0 = no variable called, 1 = variables called but all empty, 2 = a variable
  rendered; cs:group is suppressed when status is 1 (CSL 1.0.2 §Group). An absent date
  gives ``EMPTY_DATE`` (0.5): it suppresses its own group, but that suppressed group does not
  count as an empty variable for the groups around it (what citeproc-js does; ieee "[Online]").
- ``render_item(style, item, section, ...) -> str`` renders the section's layout (no affixes
  of the layout: callers add them) and runs ``output.finish_entry``. Errors propagate; the
  front door (``engine``) turns them into warnings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from . import conditions as _cond
from . import output
from .disambiguate import year_suffix_text
from .numbers import TEXT_NUMBER_VARS, render_label, render_number, render_number_var
from .style import (Choose, Date, Group, If, Label, Layout, Names, Node, Number, Style,
                    Text)

__all__ = ["Context", "render", "render_group", "render_item", "variable"]

NUMBER_VARS = frozenset({"chapter-number", "citation-number", "collection-number", "edition",
                         "first-reference-note-number", "issue", "locator", "number",
                         "number-of-pages", "number-of-volumes", "page", "page-first", "part-number",
                         "printing-number", "section", "supplement-number", "version", "volume"})
EMPTY_DATE = 0.5  # status of an absent date (a tried variable, like 1)
RESET = -1  # a suppressed group in which no variable was tried (see ``_parts``)
_ALIASES = {"container-title-short": ("container-title-short", "journalAbbreviation"),
            "title-short": ("title-short", "shortTitle")}
_SPECIAL = frozenset({"locator", "citation-number", "year-suffix", "citation-label",
                      "first-reference-note-number", "page-first"})  # not read from the item


@dataclass(frozen=True)
class Context:
    style: Style
    locale: Any
    item: Mapping[str, Any]
    section: str = "bibliography"
    cite: Mapping[str, Any] | None = None
    state: Any = None
    number: int | None = None
    name_opts: Mapping[str, str] = field(default_factory=dict)
    scratch: dict = field(default_factory=dict)
    memo: dict = field(default_factory=dict)


def variable(ctx: Context, name: str, form: str | None = None, test: bool = False) -> Any:
    """The raw value of variable ``name`` (``form="short"`` tries the -short variant first).

    Variables suppressed by cs:substitute read as absent unless ``test`` (conditions still
    see them, as in citeproc-js)."""
    if name not in _SPECIAL:  # the common case: an item variable (aliases, -short forms)
        if not test and name in ctx.scratch.get("suppressed", ()):
            return None
        names = (_ALIASES.get(name + "-short", (name + "-short",)) + (name,) if form == "short"
                 else _ALIASES.get(name, (name,)))
        item = ctx.item
        for n in names:
            v = item.get(n)
            if v is not None and v != "" and v != []:
                if not test and ctx.scratch.get("substituting"):
                    ctx.scratch.setdefault("sub_used", set()).add(name)
                return v
        return None
    if not test and name in ctx.scratch.get("suppressed", ()):
        return None
    if name == "locator":
        loc = (ctx.cite or {}).get("locator")
        if loc and not test:
            ctx.scratch["locator_shown"] = True
        return loc
    if name == "citation-number":
        if ctx.number is not None:
            ctx.scratch["number_shown"] = True
        return ctx.number
    if name == "year-suffix":
        ys = getattr(ctx.state, "year_suffix", None)
        if isinstance(ys, int) and ys > 0:
            if not test:
                ctx.scratch["ys_done"] = True  # shown: collapsing may reduce a cite to it
            return year_suffix_text(ys)
        return None
    if name == "citation-label":  # the item's own or a generated trigraph, plus year suffix
        from .citelabel import citation_label

        ys = getattr(ctx.state, "year_suffix", None)
        label = citation_label(ctx.item)
        return label + year_suffix_text(ys) if isinstance(ys, int) and ys > 0 and not test else label
    if name == "first-reference-note-number":
        return (ctx.cite or {}).get("first-reference-note-number")
    if name == "page-first":
        page = ctx.item.get("page")
        if page:
            import re
            return re.split(r"[-–,&\s]", str(page))[0]
    names = (name,)
    if form == "short":
        names = _ALIASES.get(name + "-short", (name + "-short",)) + (name,)
    else:
        names = _ALIASES.get(name, (name,))
    for n in names:
        v = ctx.item.get(n)
        if v not in (None, "", []):
            if not test and ctx.scratch.get("substituting"):
                ctx.scratch.setdefault("sub_used", set()).add(name)
            return v
    return None


_NO_RICH = frozenset({"URL", "DOI", "PMID", "PMCID", "ISBN", "ISSN", "call-number"})
# citeproc-js reads these through its multilingual lookup, which turns a missing value into ""
# and prints it: the output is no longer empty, so a term after them is not capitalised
_EMPTY_PRINTS = frozenset({"volume", "issue", "number", "edition"})
_FONT = ("font-style", "font-weight", "font-variant")
_FRENCH = re.compile(" ([:;?!\u00bb])")
_WS = re.compile(r"\s*[\n\r\t]\s*| {2,}")
_CJK = re.compile("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


_FINISHING = frozenset(("font-style", "font-weight", "font-variant", "vertical-align",
                        "text-decoration", "strip-periods", "text-case", "quotes", "prefix",
                        "suffix"))


def _finish(node: Node, text: str, ctx: Context, quotes_ok: bool = True, cjk: bool = False) -> str:
    if not text:
        return ""
    a = node.attrs
    if _FINISHING.isdisjoint(a):  # nothing to apply (most nodes): the text as it is
        return text
    if cjk and a.get("font-style") == "italic":
        # citeproc-js: a variable written in CJK scripts only is not italicised by its own cs:text
        a = {k: v for k, v in a.items() if k != "font-style"}
    if type(node) in (Date, Names) and "normal" in (
            a.get("font-style"), a.get("font-weight"), a.get("font-variant")):
        # citeproc-js does not see the ancestors' decorations from a date or names element, so
        # its font-*="normal" is always an orphan and not written (wide set: acta-scientiae)
        a = {k: v for k, v in a.items() if not (v == "normal" and k in _FONT)}
    if a.get("strip-periods") == "true":
        text = text.replace(".", "")
    case = a.get("text-case") if "macro" not in a and type(node) is not Names else None
    lang = str(ctx.item.get("language") or ctx.locale.lang or "en")
    if case == "title" and not lang.lower().startswith("en") and not (
            type(node) is Label or "term" in a):  # terms come from the (English) locale
        case = None  # title case only for English items (no language: the style's locale)
    if case:
        text = output.text_case(text, case, lang)
    text = output.wrap(text, a)
    if quotes_ok and a.get("quotes") == "true":
        text = output.quote(text, ctx.locale)
    return output.affix(text, a.get("prefix"), a.get("suffix"))


def _text(node: Node, ctx: Context) -> tuple[str, int]:
    a = node.attrs
    status = 0
    if "variable" in a:
        var = a["variable"]
        v = variable(ctx, var, a.get("form"))
        if v is None:
            if var == "year-suffix":  # citeproc-js: an empty year-suffix counts as rendered
                ctx.scratch["ys_empty"] = ctx.scratch.get("ys_empty", 0) + 1
                return "", 2
            if var in _EMPTY_PRINTS:  # citeproc-js prints these as "": no term after is "first"
                ctx.scratch["predecessor"] = True
            return "", 1
        status = 2
        if var in TEXT_NUMBER_VARS:
            text = render_number_var(node, ctx, var, v)
        else:
            text = str(v)
            if "  " in text or "\n" in text or "\r" in text or "\t" in text:
                text = _WS.sub(" ", text)
            if var not in _NO_RICH:  # identifiers and links are written as they are
                text = output.rich(text, ctx.locale)
        if var == "citation-number":
            text = output.wrap(text, {})
    elif "macro" in a:
        macro = ctx.style.macros.get(a["macro"])
        if macro is None:
            return "", 0
        if ctx.scratch.get("sort_key") and a["macro"] in ctx.style.extra.get("date_macros", ()):
            return sort_dates_only(macro.children, ctx)
        text, status = _group(macro, ctx)  # a called macro is suppressed like a group
    elif "term" in a:
        if a["term"] == "ibid":
            ctx.scratch["ibid_shown"] = True
        text = ctx.locale.term(a["term"], a.get("form", "long"), a.get("plural") == "true") or ""
        if text and ("'" in text or '"' in text):  # citeproc-js reads a term as rich text
            text = output.rich(text, ctx.locale)
        if text:
            ctx.scratch["terms"] = ctx.scratch.get("terms", 0) + 1
        if text and not a.get("text-case") and not ctx.scratch.get("predecessor") and not (
                ctx.section == "citation" and ctx.style.options.get("class") == "in-text"):
            text = output.cap_if_first(text)  # citeproc-js: a term rendered first is capitalised
    else:
        text = output.rich(a.get("value", ""), ctx.locale)
        if text:  # citeproc-js: a literal value counts as a printed term for its group
            ctx.scratch["terms"] = ctx.scratch.get("terms", 0) + 1
    if " " in text or "«" in text:  # citeproc-js: thin no-break space before : ; ? ! », after «
        if _FRENCH.search(text):
            text = _FRENCH.sub("\u202f\\1", text)
        if "« " in text:
            text = text.replace("« ", "«\u202f")
    cjk = ("variable" in a and status == 2 and not text.isascii() and bool(_CJK.search(text))
           and not re.search("[A-Za-z]", text))
    return _finish(node, text, ctx, cjk=cjk), status


def _group(node: Node, ctx: Context) -> tuple[str, int]:
    terms = ctx.scratch.get("terms", 0)
    ys_empty = ctx.scratch.get("ys_empty", 0)
    predecessor = ctx.scratch.get("predecessor")
    parts: list[str] = []
    status = _parts(node.children, ctx, parts)  # render_children, inlined
    text = output.join(parts, node.attrs.get("delimiter", ""))
    if not text and status == 2 and (ctx.scratch.get("names_suppressed")
                                     or ctx.scratch.get("ys_empty", 0) > ys_empty):
        return "", 2  # names left out for collapsing/suppress-author, or an empty year-suffix
    termed = ctx.scratch.get("terms", 0) > terms
    if not text or not (status == 2 or (termed and status != 1)):
        # suppressed (citeproc-js: no variable rendered, and a variable tried or no term
        # printed); the enclosing group's "variable tried" flag becomes this group's
        ctx.scratch["predecessor"] = predecessor  # citeproc-js rolls its state back too
        return "", 1 if status == 1 else RESET
    return _finish(node, text, ctx), 2  # a rendered group is content for the groups around it


render_group = _group  # a cs:group, or a macro's children as the group citeproc-js makes of it


def _parts(children: tuple[Node, ...], ctx: Context, parts: list[str],
           nodes: list[Node] | None = None) -> int:
    """Render ``children`` into ``parts``; a cs:choose contributes its branch's children.
    ``nodes``, when given, receives the node of each part. The status follows citeproc-js's
    group flags in document order: 2 once a variable rendered, else 1 when the last word on
    "a variable was tried" is yes, ``RESET`` when a suppressed group without tried variables
    cleared it, else 0."""
    status = 0
    scratch = ctx.scratch
    for c in children:
        kind = type(c)
        if kind is Choose:
            for branch in c.children:
                if type(branch) is If and _cond.test(branch, ctx):
                    status = _seq(status, _parts(branch.children, ctx, parts, nodes))
                    break
            continue
        # what ``render`` does, inlined (the hottest loop)
        t, s = (_text(c, ctx) if kind is Text else _group(c, ctx) if kind is Group
                else _dispatch(c, ctx))
        if t:
            scratch["rendered"] = True
        if nodes is not None:
            nodes.append(c)
        parts.append(t)
        status = _seq(status, s)
    return status


def _seq(status: float, s: float) -> float:
    """The group status after ``status`` then a child with status ``s``."""
    if status == 2 or s == 2:
        return 2
    if s == 1 or s == EMPTY_DATE:
        return 1
    if s == RESET:
        return RESET
    return status


def render_children(children: tuple[Node, ...], ctx: Context, delimiter: str) -> tuple[str, int]:
    parts: list[str] = []
    status = _parts(children, ctx, parts)
    return output.join(parts, delimiter), status


def _choose(node: Node, ctx: Context) -> tuple[str, int]:
    for branch in node.children:
        if type(branch) is If and _cond.test(branch, ctx):
            return render_children(branch.children, ctx, "")
    return "", 0


def sort_dates_only(children: tuple[Node, ...], ctx: Context) -> tuple[str, int]:
    """A macro with a cs:date of its own in a sort key: citeproc-js writes only the dates it
    renders (as date keys, through cs:choose, cs:group and called macros), nothing else."""
    from .dates import render_date

    out = []
    for c in children:
        kind = type(c)
        if kind is Date:
            out.append(render_date(c, ctx)[0])
        elif kind is Choose:
            for branch in c.children:
                if type(branch) is If and _cond.test(branch, ctx):
                    out.append(sort_dates_only(branch.children, ctx)[0])
                    break
        elif kind is Group:
            out.append(sort_dates_only(c.children, ctx)[0])
        elif kind is Text and "macro" in c.attrs:
            macro = ctx.style.macros.get(c.attrs["macro"])
            if macro is not None:
                out.append(sort_dates_only(macro.children, ctx)[0])
    text = "".join(out)
    return text, 2 if text else 1


def render(node: Node, ctx: Context) -> tuple[str, int]:
    out = _dispatch(node, ctx)
    if out[0]:
        ctx.scratch["rendered"] = True  # something is rendered before what comes next
    return out


def _dispatch(node: Node, ctx: Context) -> tuple[str, int]:
    kind = type(node)
    if kind is Text:
        return _text(node, ctx)
    if kind is Group:
        return _group(node, ctx)
    if kind is Choose:
        return _choose(node, ctx)
    if kind is Names:
        return _names.render_names(node, ctx)
    if kind is Date:
        return _dates.render_date(node, ctx)
    if kind is Number:
        return render_number(node, ctx)
    if kind is Label:
        return render_label(node, ctx)
    return "", 0


def render_item(style: Style, item: Mapping[str, Any], section: str = "bibliography",
                cite: Mapping[str, Any] | None = None, state: Any = None,
                number: int | None = None) -> str:
    sec = style.bibliography if section == "bibliography" else style.citation
    if sec is None:
        return ""
    ctx = Context(style, style.locale, item, section, cite, state, number,
                  style.name_options(section), {})
    return render_layout(sec, ctx)


def render_layout(sec: Any, ctx: Context) -> str:
    """The children of ``sec``'s cs:layout for ``ctx`` (without the layout's affixes)."""
    section = ctx.section
    layout: Layout = sec.layout  # type: ignore[assignment]
    if section == "bibliography" and sec.options.get("second-field-align"):
        parts: list[str] = []
        _parts(layout.children, ctx, parts)  # display attributes are ignored here
        parts = [p for p in parts if p]
        if len(parts) > 1:  # citeproc-js: the first field in the margin, the rest inline
            return (output.display(parts[0], {"display": "left-margin"})
                    # a term starting the second field is capitalised as first (citeproc-js)
                    + output.display(_marks.RESET + output.join(parts[1:]),
                                     {"display": "right-inline"}))
        # only the first field: citeproc-js still puts it in the margin (the layout's suffix,
        # which would go with the second field, is then dropped: ``layout_affix``)
        return output.display(output.join(parts), {"display": "left-margin"})
    parts, nodes = [], []
    _parts(layout.children, ctx, parts, nodes)
    # display applies to the layout's own children only, outside their affixes (citeproc-js)
    return output.join([output.display(p, n.attrs) for p, n in zip(parts, nodes)])


# they import this module; bound as modules so that any import order works
from . import dates as _dates, marks as _marks, names as _names  # noqa: E402
