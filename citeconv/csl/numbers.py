"""cs:number, cs:label and number variables in cs:text (CSL 1.0.2 §Number, §Label, §Page Ranges).

Contract
- ``split(value, variable, locale) -> tuple[NumPart, ...]``: a number variable's text cut at the
  joiners citeproc-js knows: ``&``, ", and"/"and" (and the locale's "and" term outside English),
  ``; ``, ``, `` and hyphens or en dashes (a ``\\-`` is a literal hyphen, never a joiner). Each
  part keeps a letter prefix ("particle": ``S`` of ``S213``, ``8n`` of ``8n11564``) apart from
  its number, and an embedded label before it ("fig. " of "fig. 333": a short lower-case word
  with a period), which starts a new group of parts. A label at the very start is one only
  when citeproc-js takes it as one (``label_term``): a locator abbreviation ("no.", "vol.",
  "fig."...) whose term the locale has, in ``number`` or ``page``, or naming the variable
  itself ("vol. 3" in ``volume``); it is then not printed (``page`` keeps all but "p."/"pp.")
  and cs:label prints its term; any other "abc. 5" is part of the value.
- ``is_plural(parts)``: the first group has more than one part and its first value is a number
  in citeproc-js's sense ("1-2", "i-ix", "S213–S235", "213, and 235", "367-368, fig. 333",
  "12-b"; not "13:1-13:3", "I-IX"); "3\\-B" and "Michaelson-Morely" are one thing.
  ``number-of-pages`` and ``number-of-volumes`` are plural when the number is above 1.
- ``is_numeric(value, variable, locale)``: cs:if is-numeric for the number variables, the same
  first-group test ("2nd", "iv", "no. 5" in ``number``; not "1.2", "1,000", "IV").
- ``render_text(value, variable, ctx, form)`` prints the parts back: ``&`` becomes the locale's
  symbol "and" term; a hyphen is a range (``_is_range``: two plain numbers or roman numerals,
  a falling pair, or a numeric group's "12a"-"12c"; "13:1-13:3" and "12-b" keep the hyphen),
  written with the locale's ``page-range-delimiter`` (default "–") for page, locator, volume,
  issue, edition and number (``collection-number``: ``year-range-delimiter``); outside pages a
  range of two prefixed numbers is rebuilt without the prefixes ("A1-A5": "1–5"). Page ranges
  (``page``, ``page-first``, a page locator) follow the style's
  ``page-range-format`` (expanded, minimal, minimal-two, chicago = chicago-15, chicago-16); a
  range shortened by the format drops the end's repeated particle ("8n11564–68"). ``form``
  (cs:number: ordinal, long-ordinal, roman) formats each all-digit part; ordinals take the gender
  of the variable's term.
- ``render_number(node, ctx)`` / ``render_label(node, ctx)`` / ``render_number_var(node, ctx,
  variable, value)`` are the evaluator's entry points (statuses as in ``evaluate``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

__all__ = ["NumPart", "split", "is_plural", "label_term", "SUBDIV", "is_numeric", "NUMERIC_VARS",
           "render_text", "render_number", "render_label",
           "render_number_var", "TEXT_NUMBER_VARS", "page_range"]

TEXT_NUMBER_VARS = frozenset({"locator", "locator-extra", "page", "page-first", "chapter-number",
                              "collection-number", "edition", "issue", "number",
                              "number-of-pages", "number-of-volumes", "volume"})
# the locator abbreviations citeproc-js reads as labels inside a number, with their terms
SUBDIV = dict(pair.split("=") for pair in (
    "vrs.=verse sv.=sub-verbo subpara.=subparagraph op.=opus subch.=subchapter add.=addendum "
    "amend.=amendment annot.=annotation app.=appendix art.=article bibliog.=bibliography "
    "bk.=book ch.=chapter cl.=clause col.=column cmt.=comment dec.=decision dept.=department "
    "ex.=example fig.=figure fld.=field fol.=folio n.=note hypo.=hypothetical "
    "illus.=illustration intro.=introduction l.=line no.=issue p.=page pp.=page para.=paragraph "
    "pt.=part pmbl.=preamble princ.=principle pub.=publication r.=rule rn.=randnummer "
    "sched.=schedule sec.=section subdiv.=subdivision subsec.=subsection supp.=supplement "
    "tbl.=table tit.=title vol.=volume").split())
_RANGE_VARS = frozenset({"page", "page-first", "locator", "locator-extra", "issue", "volume",
                         "edition", "number", "number-of-pages", "number-of-volumes",
                         "chapter-number"})
_ESC = "\x00"
_PARTICLE = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$")
_ROMAN = re.compile(r"^[ivxlcmIVXLCM]+$")
# citeproc-js: a value is a number when it reads like these (only lower-case i, v, x as roman)
_NUMERIC = re.compile(r"^(?:[0-9]+|[ixv]+)(?:[-,:a-zA-Z]*|-[-0-9]+)$")
_PLAIN = re.compile(r"^(?:[0-9]+|[ivxlcmIVXLCM]+)$")
_LEAD = re.compile(r"[0-9]+")
_RANGE_START = re.compile(r"^[0-9]+[a-z]*$")
_RANGE_END = re.compile(r"^[-,a-zA-Z]?0*[0-9]+[a-z]*$")
# an embedded label: a short lower-case word with a period (citeproc-js: up to four letters)
_LABEL = re.compile(r"^((?:[a-z]{1,4}|subpara|subch|amend|bibliog|annot|illus|princ|intro|sched"
                    r"|subdiv|subsec)\.\s*)(?=[0-9ivxlcmIVXLCM])")


@dataclass(frozen=True, slots=True)
class NumPart:
    particle: str
    value: str
    joiner: str = ""   # the text that followed this part ("" for the last)
    label: str = ""    # an embedded label written before it ("fig. "), printed as is
    group: int = 0     # parts under the same (embedded or default) label share a group
    shown: bool = True  # False: a leading label citeproc-js drops ("no. " of "no. 88")

    @property
    def numeric(self) -> bool:
        return bool(self.value[:1].isdigit() or _ROMAN.match(self.value))


def _joiners(locale: Any) -> re.Pattern[str]:
    words = ["and"]
    lang = str(getattr(locale, "lang", "en") or "en")
    local = locale.term("and") if not lang.startswith("en") else None
    if local and local.strip() and local.strip() != "and":
        words.append(re.escape(local.strip()))
    ands = "|".join(words)
    return re.compile(rf"(\s*&\s*|,\s+(?:{ands})\s+|\s+(?:{ands})\s+|;\s+|,\s+|\s*[-\u2013]+\s*)")


def _lead_label(chunk: str, variable: str, locale: Any) -> str:
    """The label a value starts with when citeproc-js takes it as one ("no. 88" in ``number``,
    "vol. 3" in ``volume``): a locator abbreviation whose term the locale has, in ``number`` or
    ``page``, or naming the variable itself; "" otherwise (then it is part of the value)."""
    m = _LABEL.match(chunk)
    if not m or variable.startswith("locator"):
        return ""
    term = SUBDIV.get(m.group(1).strip())
    if not term or locale.term(term) is None:
        return ""
    return m.group(1) if variable in ("number", "page") or term == variable else ""


def split(value: Any, variable: str, locale: Any) -> tuple[NumPart, ...]:
    text = str(value).strip().replace("\\-", _ESC)
    pieces = _joiners(locale).split(text)
    out = []
    group = 0
    for i in range(0, len(pieces), 2):
        chunk = pieces[i].replace(_ESC, "-").strip()
        joiner = pieces[i + 1] if i + 1 < len(pieces) else ""
        label = ""
        shown = True
        lm = _LABEL.match(chunk)
        if lm and i == 0 and not variable.startswith("locator"):
            # a leading label citeproc-js knows is dropped (page keeps all but "p."/"pp.");
            # any other leading "abc. " is part of the value
            lead = _lead_label(chunk, variable, locale)
            lm = lm if lead else None
            shown = variable == "page" and lead.strip() not in ("p.", "pp.")
        if lm:
            label, chunk = lm.group(1), chunk[lm.end(1):]
            group += 1
        m = _PARTICLE.match(chunk)
        if m:
            out.append(NumPart(m.group(1) or "", m.group(2), joiner, label, group, shown))
        else:
            out.append(NumPart("", chunk, joiner, label, group, shown))
    return tuple(out)


def label_term(value: Any, variable: str, locale: Any) -> str | None:
    """The term cs:label prints for ``variable`` when its value starts with its own label
    ("vol. 3" in ``number`` is labelled "vol."; "no." is the ``number`` term there)."""
    lead = _lead_label(str(value).strip(), variable, locale)
    if not lead:
        return None
    term = SUBDIV[lead.strip()]
    if variable == "number" and term == "issue" and locale.term("number") is not None:
        return "number"
    return term


def _group_numeric(parts: tuple[NumPart, ...], group: int) -> bool:
    """citeproc-js judges a label's group by its first value only ("13:1" is not a number)."""
    first = next((p for p in parts if p.group == group), None)
    return bool(first and _NUMERIC.match(first.value))


def is_plural(parts: tuple[NumPart, ...]) -> bool:
    """The first label's parts are several, the first of them a number ("367-368, fig. 333",
    "12-b"; not "13:1-13:3" or "I-IX")."""
    first = [p for p in parts if p.group == (parts[0].group if parts else 0)]
    return len(first) > 1 and _group_numeric(parts, first[0].group)


NUMERIC_VARS = frozenset({"call-number", "chapter-number", "collection-number", "division",
                          "edition", "page", "issue", "locator", "locator-extra", "number",
                          "number-of-pages", "number-of-volumes", "part-number",
                          "printing-number", "section", "supplement-number", "version",
                          "volume", "supplement", "citation-number"})


def is_numeric(value: Any, variable: str, locale: Any) -> bool:
    """cs:if is-numeric for a number variable, as citeproc-js decides it: the value's first
    group starts with a number ("2nd", "iv", "12-b", "no. 5" in ``number``, "A1"; not "1.2",
    "1,000", "12:5", "IV", "3rd edition"); "1/2" and "12|13" (``number``) count too."""
    if isinstance(value, int):
        return True
    text = str(value).strip()
    if not text:
        return False
    parts = split(text, variable, locale)
    if len(parts) == 1:
        if re.match(r"^[0-9]+(?:/[0-9]+)+$", parts[0].value):
            return True
        if variable == "number" and "|" in parts[0].value:
            return True
    return bool(parts) and _group_numeric(parts, parts[0].group)


def _collapsible(value: str) -> bool:
    return bool(value[:1].isdigit() or _ROMAN.match(value))


def _is_range(p: NumPart, nxt: NumPart, numeric: bool, fmt: str | None) -> bool:
    """Whether the hyphen between ``p`` and ``nxt`` is a range citeproc-js rewrites with the
    range delimiter: two plain numbers (or roman numerals); otherwise a numeric group whose two
    ends look like "12a" and "12c" ("13:1-13:3" and "1.2-1.5" keep their hyphen)."""
    if not _collapsible(p.value):
        return numeric
    if not _collapsible(nxt.value) or p.particle != nxt.particle:
        return False
    if _PLAIN.match(p.value) and _PLAIN.match(nxt.value):
        return True
    if not fmt and p.value[:1].isdigit() and nxt.value[:1].isdigit():
        a, b = _LEAD.match(p.value), _LEAD.match(nxt.value)
        if a and b and int(a.group()) > int(b.group()):
            return True  # citeproc-js: a falling pair is a range whatever its group
    return numeric and bool(_RANGE_START.match(p.value) and _RANGE_END.match(nxt.value))


def _minimal(first: str, last: str, keep: int) -> str:
    if len(first) != len(last):
        return last
    i = 0
    while i < len(first) and first[i] == last[i]:
        i += 1
    return last[min(i, max(len(last) - keep, 0)):]


def page_range(first: str, last: str, fmt: str | None) -> str:
    """The end of the page range ``first``-``last`` written per ``page-range-format``."""
    if not (first.isdigit() and last.isdigit()):
        return last
    if len(last) < len(first):  # 321-28: the end is first expanded
        last = first[:len(first) - len(last)] + last
    if fmt == "minimal":
        return _minimal(first, last, 1)
    if fmt == "minimal-two":
        return _minimal(first, last, 2)
    if fmt in ("chicago", "chicago-15", "chicago-16"):
        n = int(first)
        if n < 100 or n % 100 == 0:
            return last
        if n % 100 < 10:
            return _minimal(first, last, 1)
        if fmt != "chicago-16" and len(first) == 4 and len(last) == 4:
            short = _minimal(first, last, 2)
            return last if len(short) >= 3 else short
        return _minimal(first, last, 2)
    return last


def _ampersand(locale: Any) -> str:
    sym, word = locale.term("and", "symbol"), locale.term("and")
    return sym if sym and sym != word else "&"


def _formatted(p: NumPart, form: str | None, ctx: Any, gender: str | None) -> str:
    if form in ("ordinal", "long-ordinal", "roman") and p.value.isdigit():
        n = int(p.value)
        if form == "roman":
            return p.label + p.particle + roman(n)
        return p.label + p.particle + ctx.locale.ordinal(n, gender, long=form == "long-ordinal")
    return p.label + p.particle + p.value


def render_text(value: Any, variable: str, ctx: Any, form: str | None = None) -> str:
    loc = ctx.locale
    label = (ctx.cite or {}).get("label") or "page" if variable.startswith("locator") else None
    is_page = variable in ("page", "page-first") or label == "page"
    if variable == "page":
        value = str(value).replace("\u2013", "-")
    parts = split(value, variable, loc)
    if variable == "page-first" and parts:
        return parts[0].particle + parts[0].value
    gender = loc.gender(label or variable) if form else None
    fmt = ctx.style.options.get("page-range-format") if is_page else None
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        text = _formatted(p, form, ctx, gender)
        if not p.shown:
            text = text[len(p.label):]
        j = p.joiner
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        i += 1
        if j.strip() == "&":
            amp = _ampersand(loc)
            j = amp if (p.value[-1:].isalpha() and nxt and nxt.particle[:1].isalpha()) \
                else f" {amp} "
        elif nxt is not None and j.strip() in ("-", "\u2013", "--"):
            j = "-"
            if not nxt.label and _is_range(p, nxt, _group_numeric(parts, p.group), fmt):
                if variable == "collection-number":
                    j = loc.term("year-range-delimiter") or "\u2013"
                elif variable in _RANGE_VARS:
                    j = loc.term("page-range-delimiter") or "\u2013"
                if (not is_page and p.particle and p.particle == nxt.particle
                        and _collapsible(p.value) and _RANGE_START.match(p.value)
                        and _RANGE_END.match(nxt.value)):
                    # citeproc-js rebuilds a non-page range from its bare numbers ("A1-A5": "1–5")
                    text = p.label + text[len(p.label + p.particle):]
                    parts = parts[:i] + (replace(nxt, particle=""),) + parts[i + 1:]
                if is_page and fmt and p.value.isdigit() and nxt.value.isdigit():
                    # the end is written by the format; a shortened end drops its particle
                    end = page_range(p.value, nxt.value, fmt)
                    out.append(text + j + (nxt.particle if fmt == "expanded" else "") + end
                               + nxt.joiner)
                    i += 1
                    continue
        out.append(text + j)
    return "".join(out)


def roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for v, r in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out, n = out + r, n - v
    return out


def render_number_var(node: Any, ctx: Any, variable: str, value: Any) -> str:
    """The text of a number variable printed by cs:text (no formatting or affixes)."""
    return render_text(value, variable, ctx)


def render_number(node: Any, ctx: Any) -> tuple[str, int]:
    _finish, variable = _ev._finish, _ev.variable

    var = node.get("variable")
    v = variable(ctx, var) if var else None
    if v is None or v == "":
        return "", 1
    form = node.get("form", "numeric")
    text = render_text(v, var, ctx, None if form == "numeric" else form)
    return _finish(node, text, ctx), 2


def _plural(var: str, value: Any, ctx: Any) -> bool:
    if var in ("number-of-pages", "number-of-volumes"):
        m = re.match(r"\s*(\d+)\s*$", str(value))
        if m:
            return int(m.group(1)) > 1
    return is_plural(split(value, var, ctx.locale))


def render_label(node: Any, ctx: Any) -> tuple[str, int]:
    _finish, variable = _ev._finish, _ev.variable

    var = node.get("variable")
    if not var:
        return "", 0
    v = variable(ctx, var)
    term = var
    if var == "locator":
        term = (ctx.cite or {}).get("label") or "page"
        if term == "sub verbo":
            term = "sub-verbo"
    elif v not in (None, ""):
        term = label_term(v, var, ctx.locale) or term
    p = node.get("plural", "contextual")
    # citeproc-js prints the term even when the variable is empty (singular, unless "always");
    # its group then decides: the empty cs:text next to it suppresses the group
    plural = p == "always" or (p == "contextual" and v not in (None, "") and _plural(var, v, ctx))
    text = ctx.locale.term(term, node.get("form", "long"), plural)
    if text is None and var == "number-of-pages":
        text = ctx.locale.term("page", node.get("form", "long"), plural)
    if text:  # citeproc-js: a printed label counts as a printed term for its group
        ctx.scratch["terms"] = ctx.scratch.get("terms", 0) + 1
    return _finish(node, text or "", ctx), 0


from . import evaluate as _ev  # noqa: E402 - evaluate imports this module at its top
