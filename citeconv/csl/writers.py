"""The writers: a finished marker string → text / html / markdown / latex / rst.

Contract
- ``parse(text)`` turns a marker string into a tree (``str`` leaves and ``(kind, children)``);
  unbalanced or crossed markers are dropped.
- ``resolve(tree)`` applies citeproc-js's decoration rules: an explicit ``normal`` value is
  kept only under an ancestor setting the same attribute to something else (``baseline`` and
  ``none`` are always written); rich-text ``flip-*`` kinds become the opposite of the nearest ancestor value
  (italic inside italic is normal, else italic); ``nodecor`` becomes ``normal`` for every font
  attribute set above it; ``nocase`` disappears. Result kinds: italic, oblique, bold, smallcaps,
  underline, sup, sub, normal-style, normal-weight, normal-variant, baseline, no-decoration and
  the display kinds.
- ``write(text, fmt)``: html is citeproc-js's markup (``&#38; &#60; &#62;`` escapes, ``<i>``,
  ``<span style="font-style:normal;">``, display ``<div class="csl-...">`` with citeproc-js's
  line breaks when a block or indent is present, else the margin divs on one line; Unicode
  superscript letters as ``<sup>``); text is the plain string with display
  parts separated by spaces, on one line. markdown, latex and rst go through
  ``citeconv.render.formats`` (its escaping and its markup); there a normal span is dropped,
  except in latex where it becomes a nested ``\\emph`` (which LaTeX sets upright).
- Every format: control characters removed, tabs/newlines in text formats become spaces, runs of
  spaces collapse, the result is stripped.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..render import mathmarks
from ..render.formats import _CLOSE as _FCLOSE, _OPEN as _FOPEN, get_formatter
from .marks import CLOSE, KIND_OF, RESET, SEAL, char_class, strip

__all__ = ["parse", "resolve", "write"]

Node = Any  # str | tuple[str, list[Node]]
_MARK_RE = re.compile("[" + char_class("".join(KIND_OF)) + "]")

_ATTR = {"italic": ("style", "italic"), "oblique": ("style", "oblique"),
         "bold": ("weight", "bold"), "smallcaps": ("variant", "small-caps"),
         "underline": ("decoration", "underline"), "sup": ("align", "sup"),
         "sub": ("align", "sub"), "normal-style": ("style", "normal"),
         "normal-weight": ("weight", "normal"), "normal-variant": ("variant", "normal"),
         "baseline": ("align", "baseline"), "no-decoration": ("decoration", "none")}
_FLIP = {"flip-italic": ("style", "italic"), "flip-bold": ("weight", "bold"),
         "flip-smallcaps": ("variant", "small-caps")}
_NORMAL = {"style": "normal-style", "weight": "normal-weight", "variant": "normal-variant",
           "align": "baseline", "decoration": "no-decoration"}
_KIND = {v: k for k, v in _ATTR.items()}


def parse(text: str) -> list[Node]:
    marks = [(m.start(), *KIND_OF[m.group()]) for m in _MARK_RE.finditer(text)]
    stack: list[int] = []
    paired: set[int] = set()
    for i, (_, kind, is_open) in enumerate(marks):
        if is_open:
            stack.append(i)
        elif stack and marks[stack[-1]][1] == kind:
            paired.update((stack.pop(), i))
        elif any(marks[j][1] == kind for j in stack):  # crossed: close the inner ones too
            while marks[stack[-1]][1] != kind:
                stack.pop()
            paired.update((stack.pop(), i))
    root: list[Node] = []
    cur, parents, last = root, [], 0
    opened: list[str] = []
    for i, (pos, kind, is_open) in enumerate(marks):
        if pos > last:
            cur.append(text[last:pos])
        last = pos + 1
        if i not in paired:
            continue
        if is_open:
            node: tuple[str, list[Node]] = (kind, [])
            cur.append(node)
            parents.append(cur)
            opened.append(kind)
            cur = node[1]
        else:
            while opened and opened[-1] != kind:  # pop crossed ones
                opened.pop()
                cur = parents.pop()
            if opened:
                opened.pop()
                cur = parents.pop()
    if last < len(text):
        cur.append(text[last:])
    return root


def resolve(nodes: list[Node], env: dict[str, str] | None = None) -> list[Node]:
    env = env or {}
    out: list[Node] = []
    for n in nodes:
        if isinstance(n, str):
            out.append(n)
            continue
        kind, children = n
        if kind in _ATTR:
            attr, value = _ATTR[kind]
            if value == "normal" and env.get(attr, value) == value:
                out.extend(resolve(children, env))  # an orphan normal: nothing to undo
                continue
            out.append((kind, resolve(children, {**env, attr: value})))
        elif kind in _FLIP:
            attr, value = _FLIP[kind]
            value = "normal" if env.get(attr, "normal") not in ("normal",) else value
            new = _KIND[(attr, value)]
            out.append((new, resolve(children, {**env, attr: value})))
        elif kind == "nodecor":
            sub = dict(env)
            inner = None
            wrap = []
            for attr in ("style", "weight", "variant"):
                if env.get(attr, "normal") != "normal":
                    sub[attr] = "normal"
                    wrap.append(_NORMAL[attr])
            inner = resolve(children, sub)
            for k in reversed(wrap):
                inner = [(k, inner)]
            out.extend(inner)
        elif kind in ("nocase", "quote", "quote-inner"):
            out.extend(resolve(children, env))
        else:  # display
            out.append((kind, resolve(children, env)))
    return out


# --- html ----------------------------------------------------------------------------------
_HTML = {"italic": ("<i>", "</i>"), "oblique": ("<em>", "</em>"), "bold": ("<b>", "</b>"),
         "smallcaps": ('<span style="font-variant:small-caps;">', "</span>"),
         "underline": ('<span style="text-decoration:underline;">', "</span>"),
         "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>"),
         "normal-style": ('<span style="font-style:normal;">', "</span>"),
         "normal-weight": ('<span style="font-weight:normal;">', "</span>"),
         "normal-variant": ('<span style="font-variant:normal;">', "</span>"),
         "baseline": ('<span style="baseline">', "</span>"),
         "no-decoration": ('<span style="text-decoration:none;">', "</span>"),
         "block": ('\n\n    <div class="csl-block">', "</div>\n"),
         "left-margin": ('\n    <div class="csl-left-margin">', "</div>"),
         "right-inline": ('<div class="csl-right-inline">', "</div>\n  "),
         "indent": ('<div class="csl-indent">', "</div>\n  ")}
_HTML_ESC = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})


_SUPER_EXTRA = {"ˀ": "ʔ", "ˁ": "ʕ", "ۥ": "و", "ۦ": "ي"}  # citeproc-js's table, beyond Unicode's


def _sup_html(s: str) -> str:
    if s.isascii():
        return s
    out = []
    for ch in s:
        dec = unicodedata.decomposition(ch) if ord(ch) > 127 else ""
        if dec.startswith("<super> "):
            out.append("<sup>" + "".join(chr(int(x, 16)) for x in dec.split()[1:]) + "</sup>")
        elif ch in _SUPER_EXTRA:
            out.append(f"<sup>{_SUPER_EXTRA[ch]}</sup>")
        else:
            out.append(ch)
    return "".join(out)


_COMPACT = {"left-margin": ('<div class="csl-left-margin">', "</div>"),
            "right-inline": ('<div class="csl-right-inline">', "</div>")}


def _html(nodes: list[Node], compact: bool = False) -> str:
    """citeproc-js's markup; ``compact``: margin divs without citeproc-js's line breaks."""
    out = []
    for n in nodes:
        if isinstance(n, str):
            out.append(_sup_html(n.translate(_HTML_ESC)))
        else:
            inner = _html(n[1], compact)
            if inner.strip() or (inner and n[0] in _DISPLAY_TEXT):
                o, c = (_COMPACT if compact else _HTML).get(n[0]) or _HTML[n[0]]
                out.append(o + inner + c)
            else:
                out.append(inner)
    return "".join(out)


# --- text and the formats writers ----------------------------------------------------------
_DISPLAY_TEXT = {"block": (" ", ""), "left-margin": ("", " "), "right-inline": ("", ""),
                 "indent": (" ", "")}  # citeproc-js text: "\n"+str, str+" ", str, "\n    "+str


def _markers(nodes: list[Node], fmt: str) -> str:
    """Back to ``render.formats`` markers (for its markdown/latex/rst writers) or plain text."""
    out = []
    for n in nodes:
        if isinstance(n, str):
            out.append(n)
            continue
        kind, children = n
        inner = _markers(children, fmt)
        if kind in _DISPLAY_TEXT:
            o, c = _DISPLAY_TEXT[kind]
            out.append(o + inner + c)
        elif fmt == "text":
            out.append(inner)
        elif kind in _FOPEN:
            out.append(_FOPEN[kind] + inner + _FCLOSE[kind])
        elif kind == "normal-style" and fmt == "latex":
            out.append(_FOPEN["italic"] + inner + _FCLOSE["italic"])
        else:
            out.append(inner)
    return "".join(out)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                      "\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\n\r\u2028\u2029]+")


def write(text: str, fmt: str) -> str:
    name = get_formatter(fmt).name  # validates fmt, resolves aliases
    if name in ("html", "text"):  # (the others finish in render.formats, which reveals it)
        text = mathmarks.reveal(text)[0]  # kept math as its TeX text
    text = text.replace("\t", " ").replace(SEAL, "").replace(RESET, "")
    tree = resolve(parse(_CONTROL.sub("", text)))
    if name == "html":
        blocks = any(CLOSE[k] in text for k in ("block", "indent"))
        html = re.sub(r"(?<=[^\n ]) {2,}", " ", _html(tree, not blocks).replace("\r", ""))
        return html if "<div" in html else html.strip(" \n")
    flat = _markers(tree, name)
    if name == "text":
        return _SPACES.sub(" ", strip(flat)).strip()
    return get_formatter(name).finish(flat)
