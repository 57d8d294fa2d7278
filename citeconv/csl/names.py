"""cs:names / cs:name / cs:et-al / cs:substitute (CSL 1.0.2 §Names), as citeproc-js renders them.

Contract
- ``render_names(node, ctx) -> (text, status)``: each variable of ``node`` renders as its name
  list followed (or preceded, when cs:label comes before cs:name) by its label; lists are joined
  with the cs:names delimiter (or the inherited ``names-delimiter``). When every variable is
  empty, cs:substitute's children are tried in order; the first non-empty one is used and the
  variables it rendered are suppressed for the rest of the item (``ctx.scratch["suppressed"]``);
  a cs:text term or value in cs:substitute ends the search even when it is empty (citeproc-js).
  The cs:names element's affixes and formatting wrap names only: a substituted bare cs:names
  (no cs:name, cs:et-al or cs:label) is printed with them instead of its own, one with children
  with only its own (citeproc-js; also inside a cs:choose of cs:substitute); a substituted
  cs:text/cs:group/macro does not get them; ``text-case`` on cs:names is not a CSL attribute
  and is ignored (citeproc-js).
  Inside substitute (also inside a cs:choose there) a bare cs:names, one without cs:name,
  cs:et-al or cs:label children, inherits the parent's cs:name/cs:et-al/cs:label; one with any
  of them inherits none (citeproc-js).
- Name options are the inherited ones (style, section) overridden by cs:name's attributes.
  One person is formatted by ``nameparts.format_person``; literal names are printed as given,
  with the family name-part's formatting and text-case. cs:name's own affixes and formatting
  apply to each name (citeproc-js), and once more to the whole list when it ends in et al.
  (citeproc-js: ``(<b>(<b>A</b>), <i>et al.</i></b>)``). ``form="count"`` counts the names that would be shown.
- Et-al: with ``et-al-min``/``et-al-use-first`` (subsequent variants for subsequent cites), a
  list of at least ``min`` names shows ``use-first`` (0 shows nothing) then the cs:et-al term
  (``et-al`` or ``and others``, formatted by cs:et-al). Delimiter before et al.: contextual =
  the delimiter after two or more names, a space after one; always; never; after-inverted-name
  (citeproc-js: delimiter after one name, space after more). ``et-al-use-last`` shows the
  first names, an ellipsis and the last name (``A, B, … Z``; ``A … Z`` after one name), at most
  ``min - 2`` first names. A list whose item ends in the ``others`` marker (``item["_etal"]``,
  set by ``render.items.prepare``) always ends in et al.
- "and": ``text`` (locale term) or ``symbol`` (&); a term that does not start with a Latin-like
  letter is joined without spaces (Hebrew ו, CJK 等). delimiter-precedes-last contextual /
  always / never / after-inverted-name as citeproc-js does (a literal name last takes only the
  style-level setting). Two variables with the same names and a combined locale term
  (``editortranslator``) render once with that term as label.
- Disambiguation: ``ctx.state.et_al_names`` (names shown), ``ctx.state.names_added`` (added to
  use-first), ``ctx.state.hint(name_key, primary)`` ("initials" / "given") and
  ``ctx.state.givenname_level`` (1: initials, 2: full given name) expand the names.
- Sort keys (``ctx.scratch["sort_key"]``): every name family first, joined with the delimiter,
  without "and", et al. or labels.
"""
from __future__ import annotations

from typing import Any

from . import core as _core, evaluate as _ev, output
from .nameparts import (PersonOpts, decorate, format_person, initialize, parse_particles,
                        starts_romanesque)
from .disambiguate import DisambState
from .style import EtAl, Label, Name, NamePart, Node
from . import namesub as _ns

__all__ = ["render_names"]

_PARTS = ("family", "given", "non-dropping-particle", "dropping-particle", "suffix", "literal")


def _key(n: dict) -> Any:
    return _core.name_key(n)


def _keys(names: list, ctx: Any) -> tuple:
    """The keys of an item's name list, made once per run (``Context.memo``)."""
    slot = ("name-keys", id(names))
    hit = ctx.memo.get(slot)
    if hit is not None and hit[0] is names:
        return hit[1]
    keys = tuple(_key(n) for n in names)
    ctx.memo[slot] = (names, keys)
    return keys


def _int(v: Any) -> int | None:
    try:
        return int(str(v).strip())
    except (TypeError, ValueError):
        return None


def _options(ctx: Any, node: Node | None) -> dict:
    opts = dict(ctx.name_opts)
    if node is not None:
        opts.update(node.attrs)
    if ctx.name_opts.get("initialize") == "false":
        opts["initialize"] = "false"  # citeproc-js: initialize="true" never overrides it
    opts.setdefault("form", opts.get("name-form", "long"))
    opts.setdefault("delimiter", opts.get("name-delimiter", ", "))
    return opts


def _person_opts(ctx: Any, opts: dict, node: Node | None) -> PersonOpts:
    parts = {p.get("name"): p for p in (node.children if node is not None else ())
             if type(p) is NamePart}
    lang = str(ctx.item.get("language") or "")
    loc = str(getattr(ctx.locale, "lang", "") or "")
    demote = opts.get("demote-non-dropping-particle", "display-and-sort")
    return PersonOpts(
        family=parts.get("family"), given=parts.get("given"),
        initialize_with=opts.get("initialize-with"),
        initialize=opts.get("initialize") != "false",
        hyphen=opts.get("initialize-with-hyphen") != "false",
        sort_separator=opts.get("sort-separator", ", "),
        demote=demote in ("display-and-sort", "always"),
        nbsp="\u00a0" if loc[:2].lower() in ("fr", "ru", "cs") else " ",
        language=lang,
        title_ok=(lang or loc or "en").lower().startswith("en"),
        dotted_i=(lang or loc)[:2].lower() in ("tr", "az"))


def _limits(opts: dict, ctx: Any, total: int) -> tuple[int, int]:
    """(names shown, mode): mode 0 all names, 1 et al., 2 ellipsis and the last name."""
    subsequent = ctx.section == "citation" and (ctx.cite or {}).get("position") not in (None, "first")
    emin = _int(opts.get("et-al-subsequent-min")) if subsequent else None
    first = _int(opts.get("et-al-subsequent-use-first")) if subsequent else None
    emin = emin if emin is not None else _int(opts.get("et-al-min"))
    first = first if first is not None else _int(opts.get("et-al-use-first"))
    forced = ctx.scratch.get("forced_etal")
    state = ctx.state
    if not emin or first is None or total < emin:
        if forced:
            return (min(first, total) if first else total), 1
        return total, 0
    added = int(getattr(state, "names_added", 0) or 0)
    shown = first + added
    wanted = getattr(state, "et_al_names", None)
    if wanted:
        shown = max(shown, int(wanted))
    use_last = opts.get("et-al-use-last") == "true"
    if use_last and shown > emin - 2:
        shown = emin - 2
    if emin < first or shown >= total:
        return total, 1 if forced else 0
    if use_last and shown >= 1 and not forced:
        return shown, 2
    return shown, 1


def _sort_name(n: dict, i: int, opts: dict, ctx: Any) -> str:
    if n.get("literal"):
        return str(n["literal"])
    level, o = _level(n, i, opts, ctx)
    fam = str(n.get("family") or "")
    ndp = str(n.get("non-dropping-particle") or "").replace("'", "").replace("\u2019", "")
    dp = str(n.get("dropping-particle") or "").replace("'", "").replace("\u2019", "")
    given = str(n.get("given") or "") if level else ""
    if level == 1 and fam and o.get("initialize-with") is not None:
        given = initialize(given, o["initialize-with"], o.get("initialize") == "false",
                           o.get("initialize-with-hyphen") != "false")
    suffix = str(n.get("suffix") or "") if level else ""
    dp = dp if level else ""
    if opts.get("demote-non-dropping-particle") == "never":
        parts = [ndp, fam, dp, given, suffix]
    else:
        parts = [fam, given, dp, ndp, suffix]
    return " ".join(p for p in parts if p)


def _level(n: dict, i: int, opts: dict, ctx: Any) -> tuple[int, dict]:
    """Given-name level of name ``i`` (0 family only, 1 initials, 2 full) and its options."""
    short = opts.get("form") == "short"
    default = 0 if short else (1 if opts.get("initialize-with") is not None else 2)
    state = ctx.state
    requested = int(getattr(state, "givenname_level", 0) or 0)
    hint = getattr(state, "hint", None)
    if type(state) is DisambState and not state.hints:
        hint = None  # no hints: every name's answer is None
    if hint is not None and (short or opts.get("initialize-with") is not None):
        requested = {"initials": 1, "given": 2}.get(hint(_key(n), i == 0) or "", 0)
    level = max(default, requested)
    if level == 1 and opts.get("initialize-with") is None:
        cit = ctx.style.citation
        rule = cit.options.get("givenname-disambiguation-rule", "") if cit is not None else ""
        if not rule.endswith("-with-initials"):
            return 2, opts  # citeproc-js: initials without initialize-with is the full name
        opts = dict(opts, **{"initialize-with": ". "})
    return level, opts


def _one(n: dict, i: int, opts: dict, po: PersonOpts, node: Node | None, ctx: Any,
         inverted: bool) -> str:
    if n.get("literal"):  # citeproc-js: institutions take neither cs:name affixes nor fonts
        text = decorate(output.rich(str(n["literal"])), po.family, po.title_ok, po.dotted_i)
        return output.wrap_name(text, node.attrs) if node is not None else text
    level, o = _level(n, i, opts, ctx)
    if o is not opts:
        po = PersonOpts(**{**po.__dict__, "initialize_with": o["initialize-with"]})
    text = format_person(n, po, level, inverted)
    if node is not None and text:
        text = output.affix(output.wrap_name(text, node.attrs), node.get("prefix"), node.get("suffix"))
    return text


def _inst_delim(opts: dict, node: Node | None) -> str:
    """The delimiter before an institution: cs:name's own (not inherited) one, else ", "."""
    return node.get("delimiter", ", ") if node is not None else ", "


def _and_prefix(opts: dict, node: Node | None, ctx: Any, n: int, literal_last: bool, prev_inverted: bool,
                term: str) -> str:
    delim = _inst_delim(opts, node) if literal_last else opts["delimiter"]
    rom = starts_romanesque(term)
    single, multiple = (" ", delim) if rom else ("", "")
    dpl = opts.get("delimiter-precedes-last", "contextual")
    if literal_last:  # citeproc-js: an institution's "and" sees inherited always/never only
        dpl = ctx.name_opts.get("delimiter-precedes-last", "contextual")
    if dpl == "always":
        single = delim
    elif dpl == "never":
        multiple = " " if multiple else multiple
    elif dpl == "after-inverted-name" and not literal_last:
        single = delim if single else single
        multiple = " " if multiple else multiple
    prefix = single if n == 2 else multiple
    if opts.get("delimiter-precedes-last") == "after-inverted-name" and prev_inverted:
        prefix = opts["delimiter"]
    return prefix


def _name_list(names: list, node: Node | None, etal: Node | None, ctx: Any) -> tuple[str, int]:
    opts = _options(ctx, node)
    sort_key = bool(ctx.scratch.get("sort_key"))
    total = len(names)
    shown_n, mode = _limits(opts, ctx, total)
    if opts.get("form") == "count":
        return str(shown_n), shown_n
    shown = [parse_particles(n) if isinstance(n, dict) else n
             for n in list(names[:shown_n]) + ([names[-1]] if mode == 2 else [])]
    if ctx.scratch.get("names_log") is not None:  # read by _logged only then
        ctx.scratch.setdefault("last_keys", []).append(_keys(names, ctx))
    delim = opts["delimiter"]
    if sort_key:
        keys = [_sort_name(n, i, opts, ctx) for i, n in enumerate(shown)]
        return output.join([k for k in keys if k], delim), 2
    ctx.scratch.setdefault("last_shown", []).extend(_key(n) for n in shown)
    po = _person_opts(ctx, opts, node)
    nas = opts.get("name-as-sort-order")
    each = ctx.scratch.get("sub_each")  # [names left to replace, text]: see _author_sub
    blobs: list[tuple[str, bool, bool]] = []  # (text, inverted, literal)
    for i, n in enumerate(shown):
        inv = not n.get("literal") and (nas == "all" or (nas == "first" and i == 0))
        if each and each[0] > 0:  # the name's own formatting stays, its name-parts' go
            each[0] -= 1
            text = each[1] if node is None else output.affix(
                output.wrap_name(each[1], node.attrs), node.get("prefix"), node.get("suffix"))
        else:
            text = _one(n, i, opts, po, node, ctx, inv)
        if text:
            blobs.append((text, inv, bool(n.get("literal"))))
    if not blobs:
        return "", 1
    texts = [b[0] for b in blobs]
    if mode == 1:
        term_name = (etal.get("term") if etal is not None else None) or "et-al"
        term = ctx.locale.term(term_name) or ""
        head = output.join(texts, delim)
        if not term:
            return head, 2
        if etal is not None:
            term = output.affix(output.wrap(term, etal.attrs), etal.get("prefix"), etal.get("suffix"))
        dpe = opts.get("delimiter-precedes-et-al", "contextual")
        single, multiple = " ", delim
        if dpe == "always":
            single = delim
        elif dpe == "never":
            multiple = " "
        elif dpe == "after-inverted-name":
            single, multiple = delim, " "
        sep = single if len(texts) == 1 else multiple
        if not starts_romanesque(output.plain(term)) and sep == " ":
            sep = ""
        joined = output.join([head, term], sep)
        if node is not None:  # citeproc-js: the list with et al. takes cs:name's decorations too
            joined = output.affix(output.wrap(joined, node.attrs), node.get("prefix"),
                                  node.get("suffix"))
        return joined, 2
    if len(texts) == 1:
        return texts[0], 2
    if mode == 2:
        prefix = " " if len(texts) == 2 else delim
        if opts.get("delimiter-precedes-last") == "after-inverted-name" and blobs[-2][1]:
            prefix = delim
        return output.join(texts[:-1], delim) + prefix + "… " + texts[-1], 2
    and_opt = opts.get("and")
    if and_opt not in ("text", "symbol"):
        last = _inst_delim(opts, node) if blobs[-1][2] else delim
        return output.join([output.join(texts[:-1], delim), texts[-1]], last), 2
    term = (ctx.locale.term("and") or "and") if and_opt == "text" else "&"
    prefix = _and_prefix(opts, node, ctx, len(texts), blobs[-1][2], blobs[-2][1], term)
    suffix = " " if starts_romanesque(term) else ""
    head = output.join(texts[:-1], delim)
    return output.join([head, prefix + term + suffix, texts[-1]]), 2


def _same_names(a: Any, b: Any) -> bool:
    if not isinstance(a, list) or not isinstance(b, list) or len(a) != len(b):
        return False
    return all(isinstance(x, dict) and isinstance(y, dict)
               and all((x.get(p) or None) == (y.get(p) or None) for p in _PARTS)
               for x, y in zip(a, b))


def _label_text(label: Node, term_name: str, names: list, ctx: Any) -> str:
    p = label.get("plural", "contextual")
    plural = p == "always" or (p != "never" and len(names) > 1)
    term = ctx.locale.term(term_name, label.get("form", "long"), plural) or ""
    return _ev._finish(label, term, ctx)


def render_names(node: Node, ctx: Any, inherit: tuple[Any, Any, Any] | None = None,
                 record: bool = False, own_format: bool = True) -> tuple[str, int]:
    _finish, variable = _ev._finish, _ev.variable
    name, etal, label = node.child(Name), node.child(EtAl), node.child(Label)
    if inherit is None:  # a cs:names in a cs:choose of cs:substitute inherits as well
        inherit = ctx.scratch.get("names_inherit")
    if inherit is not None and name is None and etal is None and label is None:
        name, etal, label = inherit  # citeproc-js: only a bare cs:names inherits them
    label_first = False  # (read only when there is a label)
    if label is not None:
        kinds = [type(c) for c in node.children]
        label_first = (Label in kinds and Name in kinds and kinds.index(Label) < kinds.index(Name))
    variables = node.get("variable", "").split()
    lists = [(var, variable(ctx, var)) for var in variables]
    lists = [(var, v) for var, v in lists if isinstance(v, list) and v]
    common = None
    if label is not None and len(lists) >= 2 and len(lists) == len(variables):
        joined = "".join(sorted(variables))
        if ctx.locale.term(joined, label.get("form", "long")) and all(
                _same_names(lists[0][1], v) for _, v in lists[1:]):
            common = joined
            lists = lists[:1]
    out, count, used = [], 0, []
    sort_key = bool(ctx.scratch.get("sort_key"))
    sub = _ns._author_sub(ctx) if lists else None
    last_label = ""
    for var, names in lists:
        used.append(var)
        ctx.scratch["forced_etal"] = var in (ctx.item.get("_etal") or ())
        try:
            text, n = _name_list(names, name, etal, ctx)
        finally:
            ctx.scratch.pop("forced_etal", None)
        count += n
        if label is not None and text and not sort_key and (name is None or name.get("form") != "count"):
            lt = last_label = _label_text(label, common or var, names, ctx)
            text = output.join([lt, text]) if label_first else output.join([text, lt])
        out.append(text)
    ctx.scratch.pop("sub_each", None)
    if common:
        used = [v for v in variables]
    if name is not None and name.get("form") == "count":
        if not used:
            return _ns._substitute(node, ctx, (name, etal, label))
        return (_finish(node, str(count), ctx), 2) if count else ("", 1)
    if not used:
        return _ns._substitute(node, ctx, (name, etal, label))
    if record or ctx.scratch.get("substituting"):
        ctx.scratch.setdefault("suppressed", set()).update(used)
    inner = output.join(out, node.get("delimiter", ctx.name_opts.get("names-delimiter", "")))
    if not inner:
        return "", 1
    if sub is not None and sub[0] == "all":  # citeproc-js keeps the (last) label
        inner = output.join([sub[2], last_label])
    outer = ctx.scratch.get("names_outer")
    if outer is not None and outer is not node:  # a cs:names in a cs:choose of cs:substitute
        bare = node.child(Name) is None and node.child(EtAl) is None and node.child(Label) is None
        text = _finish(outer, inner, ctx) if bare else _finish(node, inner, ctx)
    else:
        text = _finish(node, inner, ctx) if own_format else inner
    return _ns._logged(ctx, text, used, inner), 2
