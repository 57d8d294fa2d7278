"""cs:names / cs:name / cs:et-al / cs:substitute (CSL 1.0.2 §Names).

Contract
- ``render_names(node, ctx) -> (text, status)``: each variable of ``node`` renders as its name
  list followed (or preceded, when cs:label comes first) by its label; lists are joined with the
  cs:names delimiter. When every variable is empty, cs:substitute's children are tried in order;
  the first non-empty one is used and the variables it rendered are suppressed for the rest of
  the item (``ctx.scratch["suppressed"]``). Inside substitute a bare cs:names inherits the
  parent's cs:name/cs:et-al/cs:label.
- Name options are the inherited ones (style, section) overridden by cs:name's attributes.
  ``form`` long/short/count; ``initialize-with`` (with ``initialize="false"`` only normalising),
  hyphenated given names keep the hyphen (``J.-P.``); ``name-as-sort-order`` first/all;
  ``delimiter-precedes-last``/``-et-al`` contextual/always/never/after-inverted-name;
  ``and`` text/symbol; et-al-min/use-first/use-last (subsequent variants for subsequent cites);
  name-part formatting and text-case; literal (institution) names printed as they are.
- ``ctx.state.names_added`` (int) raises et-al-use-first; ``ctx.state.givenname_level`` (0..2)
  expands short forms (1: initials, 2: full given name).
"""
from __future__ import annotations

import re
from typing import Any

from . import output
from .style import EtAl, Label, Name, NamePart, Names, Node, Substitute

__all__ = ["render_names", "format_name"]


def _initials(given: str, init: str, hyphen: bool = True) -> str:
    """Initials of ``given`` with ``init`` after each; hyphenated parts keep the hyphen."""
    words = []
    for word in re.split(r"[\s.]+", given.strip()):
        if not word:
            continue
        if word[0].islower() and "-" not in word:
            words.append(("lower", word))
            continue
        subs = [x for x in word.split("-") if x]
        words.append(("init", ("-" if hyphen else "").join(
            x[0].upper() + init.rstrip() for x in subs)))
    out = ""
    for i, (kind, w) in enumerate(words):
        if kind == "lower":
            out += w + " "
        else:
            out += w + (init[len(init.rstrip()):] if i < len(words) - 1 else "")
    return out.rstrip() if out.endswith(" ") else out


def _part(text: str, parts: dict[str, Node], which: str) -> str:
    p = parts.get(which)
    if not text or p is None:
        return text
    text = output.text_case(text, p.get("text-case"))
    return output.affix(output.wrap(text, p.attrs), p.get("prefix"), p.get("suffix"))


def _cjk(s: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in s)


def format_name(n: dict, opts: dict, parts: dict[str, Node], inverted: bool,
                givenname_level: int = 0) -> str:
    if n.get("literal"):
        return _part(str(n["literal"]), parts, "family")
    n = {k: (v.replace("'", "’") if isinstance(v, str) else v) for k, v in n.items()}
    family = str(n.get("family") or "")
    given = str(n.get("given") or "")
    ndp = str(n.get("non-dropping-particle") or "")
    dp = str(n.get("dropping-particle") or "")
    suffix = str(n.get("suffix") or "")
    form = opts.get("form", "long")
    if givenname_level >= 1 and form == "short":
        form = "long"
        if givenname_level == 1 and "initialize-with" not in opts:
            opts = dict(opts, **{"initialize-with": ". "})
    if givenname_level >= 2:
        opts = {k: v for k, v in opts.items() if k != "initialize-with"}
    if _cjk(family + given) and not n.get("static-ordering") is False:
        fam = _part(family, parts, "family")
        if form == "short":
            return fam
        return fam + _part(given, parts, "given")
    join_particle = lambda p, f: (p + f if p.endswith(("'", "’", "-")) else f"{p} {f}") if p else f
    if form == "short":
        return _part(join_particle(ndp, family), parts, "family")
    if "initialize-with" in opts and given:
        if opts.get("initialize") == "false":
            given = re.sub(r"\b(\w)\.\s*", lambda m: m.group(1) + opts["initialize-with"], given).strip()
        else:
            given = _initials(given, opts["initialize-with"],
                              opts.get("initialize-with-hyphen") != "false")
    given_out = _part(given, parts, "given")
    if inverted:
        demote = opts.get("demote-non-dropping-particle", "display-and-sort")
        sep = opts.get("sort-separator", ", ")
        if demote in ("display-and-sort",):
            fam = _part(family, parts, "family")
            tail = " ".join(x for x in (given_out, dp, ndp) if x)
        else:
            fam = _part(join_particle(ndp, family), parts, "family")
            tail = " ".join(x for x in (given_out, dp) if x)
        out = fam
        if tail:
            out += sep + tail
        if suffix:
            out += sep + suffix
        return out
    fam = _part(join_particle(ndp, family), parts, "family")
    first = " ".join(x for x in (given_out, dp) if x)
    out = join_particle(first, fam) if first and dp and dp.endswith(("'", "’")) else (
        f"{first} {fam}" if first else fam)
    if suffix:
        out += (", " if n.get("comma-suffix") else " ") + suffix
    return out


def _key(n: dict) -> Any:
    from .core import name_key
    return name_key(n)


def _name_list(names: list, node: Node | None, etal: Node | None, ctx: Any) -> tuple[str, int]:
    opts = dict(ctx.name_opts)
    if node is not None:
        opts.update(node.attrs)
    opts.setdefault("form", opts.get("name-form", "long"))
    opts.setdefault("delimiter", opts.get("name-delimiter", ", "))
    parts = {p.get("name"): p for p in (node.children if node is not None else ()) if type(p) is NamePart}
    subsequent = ctx.section == "citation" and (ctx.cite or {}).get("position") not in (None, "first")
    emin = int(opts.get("et-al-subsequent-min" if subsequent and "et-al-subsequent-min" in opts else "et-al-min", 0) or 0)
    efirst = int(opts.get("et-al-subsequent-use-first" if subsequent and "et-al-subsequent-use-first" in opts
                          else "et-al-use-first", 0) or 0)
    state = ctx.state
    total = len(names)
    shown = names
    truncated = False
    if emin and efirst and total >= emin:
        efirst += int(getattr(state, "names_added", 0) or 0)
        added = getattr(state, "et_al_names", None)
        if added:
            efirst = max(efirst, int(added))
        if efirst < total:
            shown, truncated = names[:efirst], True
    if opts.get("form") == "count":
        return str(len(shown)), len(shown)
    nas = "all" if ctx.scratch.get("sort_key") else opts.get("name-as-sort-order")
    if ctx.scratch.get("sort_key") and opts.get("demote-non-dropping-particle") == "sort-only":
        opts["demote-non-dropping-particle"] = "display-and-sort"
    level = int(getattr(state, "givenname_level", 0) or 0)
    hint = getattr(state, "hint", None)
    rendered = []
    for i, n in enumerate(shown):
        lv = level
        if hint is not None and opts.get("form") == "short" or hint is not None and "initialize-with" in opts:
            from .core import name_key
            h = hint(name_key(n), i == 0)
            # without initialize-with a name is expanded straight to its full given name
            lv = {"initials": 1 if "initialize-with" in opts else 2, "given": 2}.get(h or "", 0)
        rendered.append(format_name(n, opts, parts, nas == "all" or (nas == "first" and i == 0), lv))
    ctx.scratch.setdefault("last_keys", []).append(tuple(_key(n) for n in names))
    rendered = [r for r in rendered if r]
    delim = opts.get("delimiter", ", ")
    and_term = None
    if opts.get("and") == "text":
        and_term = ctx.locale.term("and") or "and"
    elif opts.get("and") == "symbol":
        and_term = "&"

    def precedes(rule: str, default: str) -> bool:
        r = opts.get(rule, default)
        return r == "always" or (r == "contextual" and len(rendered) > 2) or (
            r == "after-inverted-name" and bool(nas))

    if truncated:
        use_last = opts.get("et-al-use-last") == "true" and efirst < total - 1
        if use_last:
            last = format_name(names[-1], opts, parts, nas == "all", level)
            return output.join(rendered, delim) + delim + "… " + last, 2
        term = ctx.locale.term((etal.get("term") if etal is not None else None) or "et-al") or "et al."
        if etal is not None:
            term = output.wrap(term, etal.attrs)
        sep = delim if precedes("delimiter-precedes-et-al", "contextual") or (
            len(rendered) > 1 and opts.get("delimiter-precedes-et-al", "contextual") == "contextual") else " "
        if opts.get("delimiter-precedes-et-al") == "after-inverted-name":
            sep = delim if nas else " "
        return output.join(rendered, delim) + sep + term, 2
    if len(rendered) > 1 and and_term and not ctx.scratch.get("sort_key"):  # no "and" in keys
        sep = delim if precedes("delimiter-precedes-last", "contextual") else " "
        if opts.get("delimiter-precedes-last") == "after-inverted-name":
            sep = delim if (nas == "all" or (nas == "first" and len(rendered) == 2)) else " "
        head = output.join(rendered[:-1], delim)
        return head + sep + and_term + " " + rendered[-1], 2
    return output.join(rendered, delim), 2


def render_names(node: Node, ctx: Any, inherit: tuple[Any, Any, Any] | None = None,
                 record: bool = False) -> tuple[str, int]:
    from .evaluate import _finish, variable

    name = node.child(Name)
    etal = node.child(EtAl)
    label = node.child(Label)
    if inherit is not None:
        name, etal, label = name or inherit[0], etal or inherit[1], label or inherit[2]
    label_first = False
    for c in node.children:
        if type(c) is Label:
            break
        if type(c) is Name:
            label_first = False
            break
    else:
        label_first = False
    if label is not None:
        idx = {type(c): i for i, c in enumerate(node.children)}
        label_first = idx.get(Label, 99) < idx.get(Name, -1)
    out, count = [], 0
    variables = node.get("variable", "").split()
    used = []
    for var in variables:
        names = variable(ctx, var)
        if not isinstance(names, list) or not names:
            continue
        used.append(var)
        text, n = _name_list(names, name, etal, ctx)
        count += n if isinstance(n, int) else 0
        if label is not None and name is not None and name.get("form") == "count":
            pass
        elif label is not None and text and not ctx.scratch.get("sort_key"):  # none in keys
            term = ctx.locale.term(var, label.get("form", "long"), len(names) > 1 and label.get("plural") != "never"
                                   or label.get("plural") == "always") or ""
            lt = _finish(label, term, ctx)
            text = output.join([lt, text]) if label_first else output.join([text, lt])
        out.append(text)
    if name is not None and name.get("form") == "count":
        if not used:
            return _substitute(node, ctx, (name, etal, label))
        return (_finish(node, str(count), ctx), 2) if count else ("", 1)
    if not out:
        return _substitute(node, ctx, (name, etal, label))
    if record or ctx.scratch.get("substituting"):
        ctx.scratch.setdefault("suppressed", set()).update(used)
    inner = output.join(out, node.get("delimiter", ctx.name_opts.get("names-delimiter", "")))
    return _logged(ctx, _finish(node, inner, ctx), used, inner), 2


def _logged(ctx: Any, text: str, used: list, inner: str | None = None) -> str:
    """Record the first rendered names element for the citation level (core.Piece)."""
    log = ctx.scratch.get("names_log")
    keys = tuple(k for ks in ctx.scratch.pop("last_keys", []) for k in ks)
    if log is None:
        return text
    first = not log and not ctx.scratch.get("sort_key")
    log.append((tuple(used), keys, text, inner if inner is not None else text))
    if first and ctx.scratch.get("mode") == "no_names":
        ctx.scratch["names_suppressed"] = True  # stops cs:substitute from trying further
        return ""
    return text


def _substitute(node: Node, ctx: Any, inherit: tuple[Any, Any, Any]) -> tuple[str, int]:
    from .evaluate import _finish, render

    sub = node.child(Substitute)
    if sub is None:
        return "", 1
    for c in sub.children:
        before = set(ctx.scratch.get("suppressed", set()))
        ctx.scratch["substituting"] = True
        ctx.scratch["sub_used"] = set()
        try:
            if type(c) is Names:
                text, status = render_names(c, ctx, inherit, record=True)
            else:
                text, status = render(c, ctx)
        finally:
            ctx.scratch["substituting"] = False
        if not text and ctx.scratch.get("names_suppressed") and type(c) is Names:
            return "", 2
        if text:
            if type(c) is not Names:  # every variable the substitute rendered is suppressed
                ctx.scratch.setdefault("suppressed", set()).update(ctx.scratch.get("sub_used", ()))
            if type(c) is Names:
                return _finish(node, text, ctx), 2
            return _logged(ctx, _finish(node, text, ctx), []), 2
        ctx.scratch["suppressed"] = before
    return "", 1
