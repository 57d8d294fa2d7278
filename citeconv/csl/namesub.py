"""cs:substitute and the names log of cs:names (split out of ``names``; contract there).

- ``_substitute(node, ctx, inherit)``: cs:substitute's children tried in order for an empty
  cs:names ``node`` (``inherit``: its cs:name, cs:et-al, cs:label).
- ``_author_sub(ctx)``: the subsequent-author-substitute asked for this item.
- ``_logged(ctx, text, used, inner)``: records the item's first rendered names element.
"""
from __future__ import annotations

from typing import Any

from . import evaluate as _ev
from .style import Choose, EtAl, Label, Name, Names, Node, Substitute, Text

__all__ = ["_author_sub", "_logged", "_substitute"]


def _author_sub(ctx: Any) -> tuple[str, int, str] | None:
    """The subsequent-author-substitute asked for this item (``ctx.scratch["author_sub"]``:
    kind, count, text; see ``subsequent``), when this is the item's first names element: for
    ``each`` the first ``count`` names shown are replaced (``scratch["sub_each"]``)."""
    sub = ctx.scratch.get("author_sub")
    if sub is None or ctx.scratch.get("names_log") or ctx.scratch.get("sort_key"):
        return None
    if sub[0] == "each":
        ctx.scratch["sub_each"] = [sub[1], sub[2]]
    return sub


def _logged(ctx: Any, text: str, used: list, inner: str | None = None) -> str:
    """Record the first rendered names element for the citation level (core.Piece): the
    variables used, the keys of all names and of the names shown, the text and inner text."""
    log = ctx.scratch.get("names_log")
    keys = tuple(k for ks in ctx.scratch.pop("last_keys", []) for k in ks)
    shown = tuple(ctx.scratch.pop("last_shown", ()))
    if log is None:
        return text
    first = not log and not ctx.scratch.get("sort_key")
    if first and not used:  # a substitute that is not a name (a title): replaced whole
        sub = ctx.scratch.get("author_sub")
        if sub is not None:
            text = sub[2]
    log.append((tuple(used), keys, text, inner if inner is not None else text, shown))
    if first and ctx.scratch.get("mode") == "no_names":
        ctx.scratch["names_suppressed"] = True  # stops cs:substitute from trying further
        return ""
    return text


def _substitute(node: Node, ctx: Any, inherit: tuple[Any, Any, Any]) -> tuple[str, int]:
    _finish, render = _ev._finish, _ev.render
    sub = node.child(Substitute)
    if sub is None:
        return "", 1
    for c in sub.children:
        before = set(ctx.scratch.get("suppressed", set()))
        ctx.scratch["substituting"] = True
        ctx.scratch["sub_used"] = set()
        try:
            if type(c) is Names:
                bare = c.child(Name) is None and c.child(EtAl) is None and c.child(Label) is None
                text, status = _names.render_names(c, ctx, inherit, record=True,
                                                   own_format=not bare)
            else:
                if type(c) is Choose:
                    ctx.scratch["names_inherit"] = inherit
                    ctx.scratch["names_outer"] = node
                text, status = render(c, ctx)
        finally:
            ctx.scratch["substituting"] = False
            ctx.scratch.pop("names_inherit", None)
            ctx.scratch.pop("names_outer", None)
        if not text and ctx.scratch.get("names_suppressed") and type(c) is Names:
            return "", 2
        if text:
            if type(c) is Names:  # citeproc-js: a bare one takes the cs:names' formatting
                return (_finish(node, text, ctx) if bare else text), 2
            # every variable the substitute rendered is suppressed; citeproc-js prints a
            # substituted cs:text/cs:choose without the cs:names' affixes and formatting, and
            # one that printed no variable (a term, a value) is no content for the groups
            # around: cs:names tried a variable and got none
            ctx.scratch.setdefault("suppressed", set()).update(ctx.scratch.get("sub_used", ()))
            return _logged(ctx, text, []), 2 if status == 2 else 1
        ctx.scratch["suppressed"] = before
        if type(c) is Text and ("term" in c.attrs or "value" in c.attrs):
            return "", 0  # citeproc-js: a term ends the substitution, even an empty one
    return "", 1


from . import names as _names  # noqa: E402 - names imports this module at its top
