r"""Output formats: citeproc-py formatters, entry finishing, and bibliography wrappers.

Contract
- ``get_formatter(fmt) -> Formatter`` for ``text``, ``html``, ``markdown``, ``latex``, ``rst``
  (aliases ``plain``, ``md``, ``tex``; anything else raises ``ValueError``). It follows citeproc-py's
  formatter protocol (``Italic``, ``Oblique``, ``Bold``, ``Light``, ``Underline``, ``Superscript``,
  ``Subscript``, ``SmallCaps``, ``preformat``) and adds ``finish(raw) -> str``.
- citeproc-py 0.11.1 calls ``preformat`` only on locale terms, ``value=`` attributes and the ``&``
  symbol; variable data (titles, names, URLs) reaches the output untouched, so escaping cannot live
  in ``preformat``. Instead the wrappers put *markers* (private-use code points U+10FF00..U+10FF0D:
  case-less, not punctuation, not space) around their text, and ``finish`` runs once on the final
  raw string: it escapes every non-marker character for the target format and turns balanced
  marker pairs into markup. Markup is never escaped twice; data never becomes markup. Unbalanced or
  crossed markers (e.g. forged in the data) are dropped.
- CSL rich text left in the raw string (``<i> <em> <b> <strong> <sup> <sub>``, the small-caps
  span; citeproc-py itself only parses ``<span class="nocase">``) becomes markup when the tags are
  balanced, as in citeproc-js, and a balanced nocase span left in it is taken out (its text
  stays); any other ``<...>`` is escaped text.
- The engine calls ``formatter.finish`` exactly once on every string citeproc-py produced (entry,
  second-field-align margin and rest, citation), after its own raw-text fixes and before adding
  markup of its own (``csl-left-margin`` divs). ``finish`` output contains no marker.
- Every format: newlines, tabs and line separators become spaces; other control characters and
  bidi controls are removed; runs of ASCII spaces collapse; the result is stripped.
- html (citeproc-js conventions): ``& < >`` -> ``&#38; &#60; &#62;``; ``<i> <em> <b> <sup> <sub>``,
  ``<span style="font-variant:small-caps;">``, ``<span style="text-decoration:underline;">``;
  light is plain. No links are generated (citeproc-js makes none either), so data never reaches an
  attribute and a ``javascript:`` URL stays inert text.
- markdown (CommonMark, GFM, pandoc): ``*italic*``, ``**bold**``, ``<sup>``/``<sub>``; small caps
  and underline are plain. ``finish`` escapes ``\ ` * _ [ ] < > & | ~ ^ $ @`` everywhere;
  ``wrap_bibliography`` also escapes, where an entry starts a line, ``# + - =`` and list
  enumerators (``2017. x`` -> ``2017\. x``, ``A. x`` -> ``A\. x``).
- Math that ``mathmarks.hide`` marked in the data is plain text (``$\alpha$``) in every format but
  latex, where it is written as the math it is (``mathmarks.reveal``).
- latex: ``\emph \textbf \textsc \textsuperscript \textsubscript \underline``; ``& % $ # _ { }`` ->
  ``\& \% \$ \# \_ \{ \}``; ``\ ~ ^ < > |`` -> ``\textbackslash{}`` etc.; ``"`` -> ``{\char34}``
  (never babel-active). Unicode passes through. Needs: UTF-8 input (LaTeX >= 2018 default, else
  ``\usepackage[utf8]{inputenc}``) and ``\usepackage[T1]{fontenc}`` for Latin-extended letters
  (plain ASCII output also compiles with OT1). Scripts pdflatex has no glyphs for (Greek, CJK) need
  ``newunicodechar``/``babel`` or LuaLaTeX/XeLaTeX. Unicode format characters (Cf: zero-width,
  bidi) are dropped except the soft hyphen; thin/en/em spaces become ``\,`` or a space.
- rst: roles ``:emphasis:`` (italic, oblique), ``:strong:``, ``:superscript:``, ``:subscript:`` as
  citeproc-py's rst formatter writes them. rst cannot nest inline markup, so only the outermost
  role is kept. ``\ * ` _ |`` are escaped and ``\ `` (an escaped space, renders as nothing) is
  added where docutils needs a boundary around a role; ``wrap_bibliography`` escapes a leading
  punctuation character, a leading enumerator and a trailing ``::``.
- ``wrap_bibliography(entries, ids, fmt)`` takes finished entries: text: one per line; html:
  citeproc-js's ``csl-bib-body`` div; markdown and rst: a ``- `` bullet list (the style's own
  labels such as ``[1]`` stay in the text: we do not know the style here, and a numbered list would
  renumber); latex: ``thebibliography`` (see ``_latex_bib``). Empty input gives ``""`` except
  html (an empty ``csl-bib-body`` div); an empty ``thebibliography`` would not compile.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Callable, Mapping, Sequence

from . import mathmarks

__all__ = ["FORMATS", "Formatter", "get_formatter", "wrap_bibliography", "MARKERS", "CLOSERS",
           "strip_markers", "latex_key"]

FORMATS = ("text", "html", "markdown", "latex", "rst")

# --- markers -------------------------------------------------------------------------------
_KINDS = ("italic", "oblique", "bold", "underline", "sup", "sub", "smallcaps")
_OPEN = MappingProxyType({k: chr(0x10FF00 + 2 * i) for i, k in enumerate(_KINDS)})
_CLOSE = MappingProxyType({k: chr(0x10FF01 + 2 * i) for i, k in enumerate(_KINDS)})
_MARK = MappingProxyType({**{c: (k, True) for k, c in _OPEN.items()},
                          **{c: (k, False) for k, c in _CLOSE.items()}})
MARKERS = "".join(_MARK)
CLOSERS = "".join(_CLOSE.values())
_MARK_RE = re.compile("[" + MARKERS + "]")


def strip_markers(text: str) -> str:
    """Remove marker code points (use on input data; ``finish`` balances them anyway)."""
    return _MARK_RE.sub("", text)


def _wrapper(kind: str) -> type[str]:
    opener, closer = _OPEN[kind], _CLOSE[kind]

    def __new__(cls: type[str], text: Any = "") -> str:
        return str.__new__(cls, opener + str(text) + closer)

    return type(kind.title(), (str,), {"__new__": __new__, "__slots__": ()})


_W = MappingProxyType({k: _wrapper(k) for k in _KINDS})

# CSL-JSON rich text (citeproc-js interprets these tags in item strings); matched
# case-insensitively because text-case may have upper-cased them, innermost pair first.
_RICH = tuple((re.compile(f"<{t}>((?:(?!<{t}>).)*?)</{t.split()[0]}>", re.I | re.S), k) for t, k in (
    ("i", "italic"), ("em", "oblique"), ("b", "bold"), ("strong", "bold"), ("sup", "sup"),
    ("sub", "sub"), ('span style="font-variant: ?small-caps;?"', "smallcaps")))


def _rich(text: str) -> str:
    """Turn balanced CSL rich-text tags left in the raw text into markers (else: literal text)."""
    if "<" not in text:
        return text
    for pattern, kind in _RICH:
        replacement = _OPEN[kind] + r"\1" + _CLOSE[kind]
        n = 1
        while n:
            text, n = pattern.subn(replacement, text)
    n = 1
    while n and "nocase" in text:  # citeproc-py takes nocase spans out itself; our engine not
        text, n = _NOCASE_PAIR.subn(r"\1", text)
    return text


_NOCASE_PAIR = re.compile(r'<span class="nocase">((?:(?!<span class="nocase">).)*?)</span>', re.S)


# --- cleaning and parsing ------------------------------------------------------------------
_SPACE_CHARS = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_SPACES = re.compile("[" + re.escape(_SPACE_CHARS) + "]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f\x80-\x84\x86-\x9f" + _BIDI + "]")
_RUNS = re.compile(" {2,}")


def _clean(text: str) -> str:
    text = mathmarks.reveal(text)[0]  # math as text (LaTeX takes it out first)
    text = _CONTROLS.sub("", _SPACES.sub(" ", text))
    return _rich(_RUNS.sub(" ", text).strip(" "))


Node = Any  # str | tuple[str, list[Node]]


def _parse(text: str) -> list[Node]:
    """Split raw text into a tree of text runs and (kind, children); unbalanced markers dropped."""
    marks = [(m.start(), *_MARK[m.group()]) for m in _MARK_RE.finditer(text)]
    stack: list[int] = []
    paired: set[int] = set()
    for i, (_, kind, is_open) in enumerate(marks):
        if is_open:
            stack.append(i)
        elif stack and marks[stack[-1]][1] == kind:
            paired.update((stack.pop(), i))
    root: list[Node] = []
    cur, parents, last = root, [], 0
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
            cur = node[1]
        else:
            cur = parents.pop()
    if last < len(text):
        cur.append(text[last:])
    return root


def _plain(nodes: list[Node]) -> str:
    return "".join(n if isinstance(n, str) else _plain(n[1]) for n in nodes)


def _split_ws(s: str) -> tuple[str, str, str]:
    core = s.strip()
    if not core:
        return s, "", ""
    return s[: len(s) - len(s.lstrip())], core, s[len(s.rstrip()):]


def _render(nodes: list[Node], escape: Callable[[str], str],
            tags: Mapping[str, tuple[str, str]], move_ws: bool = False) -> str:
    out = []
    for n in nodes:
        if isinstance(n, str):
            out.append(escape(n))
            continue
        kind, children = n
        inner = _render(children, escape, tags, move_ws)
        if kind not in tags or not inner.strip():
            out.append(inner)
            continue
        lead, core, trail = _split_ws(inner) if move_ws else ("", inner, "")
        out.append(lead + tags[kind][0] + core + tags[kind][1] + trail)
    return "".join(out)


# --- text and html -------------------------------------------------------------------------
def _finish_text(raw: str) -> str:
    return _plain(_parse(_clean(raw))).strip(" ")


_HTML_ESC = str.maketrans({"&": "&#38;", "<": "&#60;", ">": "&#62;"})
_HTML_TAGS = MappingProxyType({
    "italic": ("<i>", "</i>"), "oblique": ("<em>", "</em>"), "bold": ("<b>", "</b>"),
    "underline": ('<span style="text-decoration:underline;">', "</span>"),
    "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>"),
    "smallcaps": ('<span style="font-variant:small-caps;">', "</span>"),
})


def _finish_html(raw: str) -> str:
    return _render(_parse(_clean(raw)), lambda s: s.translate(_HTML_ESC), _HTML_TAGS).strip(" ")


# --- markdown ------------------------------------------------------------------------------
_MD_ESC = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~^$@"})
_MD_TAGS = MappingProxyType({
    "italic": ("*", "*"), "oblique": ("*", "*"), "bold": ("**", "**"),
    "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>"),
})
# list enumerators (CommonMark digits, pandoc letters/roman numerals) at the start of a line
_ENUM_START = re.compile(r"^(\(?)([0-9]{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)([.)])(?= |$)")


def _finish_markdown(raw: str) -> str:
    text = _render(_parse(_clean(raw)), lambda s: s.translate(_MD_ESC), _MD_TAGS, move_ws=True)
    return text.strip(" ")


def _markdown_line(entry: str) -> str:
    """Block-level escapes, needed only where an entry starts a line (``wrap_bibliography``)."""
    if entry[:1] in ("#", "+", "-", "="):
        return "\\" + entry
    return _ENUM_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), entry)


# --- latex ---------------------------------------------------------------------------------
_TEX_ESC = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}", '"': r"{\char34}",
    "\u2009": r"\,", "\u202f": r"\,", "\u200a": r"\,", "\u2002": " ", "\u2003": " ",
    "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ",
})
_TEX_TAGS = MappingProxyType({
    "italic": (r"\emph{", "}"), "oblique": (r"\emph{", "}"), "bold": (r"\textbf{", "}"),
    "underline": (r"\underline{", "}"), "sup": (r"\textsuperscript{", "}"),
    "sub": (r"\textsubscript{", "}"), "smallcaps": (r"\textsc{", "}"),
})


# Unicode format characters (Cf: zero-width, bidi, tags) except the soft hyphen, as of Unicode 15;
# tests/test_formats.py checks this class against the running Python's unicodedata.
_TEX_CF = re.compile("[\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
                     "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd"
                     "\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                     "\U000e0001\U000e0020-\U000e007f]")


def _tex_escape(s: str) -> str:
    if not s.isascii():
        s = _TEX_CF.sub("", s)
    return s.translate(_TEX_ESC)


def _finish_latex(raw: str) -> str:
    raw, math = mathmarks.reveal(raw, keep=True)  # math stays math (``mathmarks``)
    return mathmarks.put_back(_render(_parse(_clean(raw)), _tex_escape, _TEX_TAGS).strip(" "),
                              math)


# --- rst -----------------------------------------------------------------------------------
_RST_ESC = str.maketrans({c: "\\" + c for c in "\\`*_|"})
_RST_ROLES = MappingProxyType({"italic": "emphasis", "oblique": "emphasis", "bold": "strong",
                               "sup": "superscript", "sub": "subscript"})
_RST_BEFORE_OK = set("-:/'\"<([{")
_RST_AFTER_OK = set("-.,:;!?\\/'\")]}>")


def _rst_boundary(ch: str, ok: set[str], cats: tuple[str, ...]) -> bool:
    return (ch == "" or ch.isspace() or ch in ok
            or (not ch.isascii() and unicodedata.category(ch) in cats))


def _finish_rst(raw: str) -> str:
    pieces: list[tuple[bool, str]] = []  # (is_role, text)

    def walk(nodes: list[Node]) -> None:
        for n in nodes:
            if isinstance(n, str):
                pieces.append((False, n.translate(_RST_ESC)))
            elif n[0] in _RST_ROLES and _plain(n[1]).strip():
                lead, core, trail = _split_ws(_plain(n[1]).translate(_RST_ESC))
                pieces.extend([(False, lead), (True, f":{_RST_ROLES[n[0]]}:`{core}`"),
                               (False, trail)])
            else:
                walk(n[1])

    walk(_parse(_clean(raw)))
    out, prev_role = "", False
    for is_role, s in pieces:
        if not s:
            continue
        if is_role and not _rst_boundary(out[-1:], _RST_BEFORE_OK, ("Ps", "Pi", "Pf", "Pd", "Po")):
            out += "\\ "
        elif prev_role and not _rst_boundary(s[0], _RST_AFTER_OK, ("Pe", "Pi", "Pf", "Pd", "Po")):
            out += "\\ "
        out, prev_role = out + s, is_role
    return out.strip(" ")


_RST_ROLE_START = re.compile(r":(?:emphasis|strong|superscript|subscript):`")


def _rst_line(entry: str) -> str:
    """Block-level escapes where an entry starts a line: leading punctuation (bullets, comments
    ``..``, enumerators ``A.``/``2017.``, section adornments) and a closing ``::`` (literal block).
    """
    if entry[:1].isascii() and entry[:1] and not entry[0].isalnum() and entry[0] != "\\" \
            and not _RST_ROLE_START.match(entry):
        entry = "\\" + entry
    entry = _ENUM_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), entry)
    return entry[:-2] + ":\\:" if entry.endswith("::") else entry


# --- the formatter object -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Formatter:
    """A citeproc-py formatter (pass it as ``CitationStylesBibliography(..., formatter)``)."""

    name: str
    Italic: type
    Oblique: type
    Bold: type
    Light: type
    Underline: type
    Superscript: type
    Subscript: type
    SmallCaps: type
    _finish: Callable[[str], str]

    def preformat(self, text: Any) -> str:
        """Terms, values and ``&`` from the style: kept raw (``finish`` escapes everything)."""
        return strip_markers(str(text))

    def finish(self, raw: Any) -> str:
        """Escape and mark up one rendered string; call exactly once per citeproc-py string."""
        return self._finish(str(raw))


def _make(name: str, finish: Callable[[str], str], plain: bool = False) -> Formatter:
    w = {k: (str if plain else _W[k]) for k in _KINDS}
    return Formatter(name, w["italic"], w["oblique"], w["bold"], str, w["underline"], w["sup"],
                     w["sub"], w["smallcaps"], finish)


_FORMATTERS = MappingProxyType({
    "text": _make("text", _finish_text, plain=True),
    "html": _make("html", _finish_html),
    "markdown": _make("markdown", _finish_markdown),
    "latex": _make("latex", _finish_latex),
    "rst": _make("rst", _finish_rst),
})
_ALIASES = MappingProxyType({"plain": "text", "md": "markdown", "tex": "latex"})


def get_formatter(fmt: str) -> Formatter:
    name = _ALIASES.get(fmt, fmt)
    try:
        return _FORMATTERS[name]
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}") from None


# --- bibliography wrappers ------------------------------------------------------------------
_NUM_LABEL = re.compile(r"^(?:\[(\d+)\]|\((\d+)\)|(\d+)\.(?= ))\s*")
_KEY_BAD = re.compile(r"[^A-Za-z0-9_:.+/@-]")


def latex_key(key: str) -> str:
    """A citation key safe inside ``\\bibitem{}``/``\\cite{}``: other characters become ``-``."""
    return _KEY_BAD.sub("-", key) or "-"


def _latex_bib(entries: Sequence[str], ids: Sequence[str]) -> str:
    """``thebibliography`` with one ``\\bibitem{KEY}`` per entry.

    Numeric styles (every entry starts with ``[n]``, ``(n)`` or ``n.``): the label is taken out of
    the text and LaTeX prints it (``\\bibitem[n]{KEY}`` unless the labels are 1..N in order), so
    ``\\cite{KEY}`` gives ``[n]``; the widest label is the longest one. Other styles (author-date):
    LaTeX's margin labels are switched off inside the environment and the argument is empty.
    """
    labels = [_NUM_LABEL.match(e) for e in entries]
    numeric = bool(entries) and all(labels)
    lines = []
    if numeric:
        nums = [next(g for g in m.groups() if g) for m in labels if m]
        auto = nums == [str(i) for i in range(1, len(nums) + 1)]
        lines.append("\\begin{thebibliography}{%s}" % max(nums, key=lambda n: (len(n), n)))
        for e, m, n, key in zip(entries, labels, nums, ids):
            opt = "" if auto else f"[{n}]"
            lines.append(f"\\bibitem{opt}{{{latex_key(key)}}} {e[m.end():] if m else e}")
    else:
        lines += ["\\begin{thebibliography}{}", "\\makeatletter\\def\\@biblabel#1{}\\makeatother"]
        lines += [f"\\bibitem{{{latex_key(key)}}} {e}" for e, key in zip(entries, ids)]
    lines.append("\\end{thebibliography}")
    return "\n".join(lines) + "\n"


def wrap_bibliography(entries: Sequence[str], ids: Sequence[str], fmt: str) -> str:
    """The whole bibliography as a document fragment; ``entries`` are ``finish``-ed strings."""
    if len(entries) != len(ids):
        raise ValueError(f"{len(entries)} entries but {len(ids)} ids")
    name = get_formatter(fmt).name
    if name == "html":
        body = "".join(f'  <div class="csl-entry">{e}</div>\n' for e in entries)
        return f'<div class="csl-bib-body">\n{body}</div>\n'
    if name == "latex":
        return _latex_bib(entries, ids) if entries else ""  # an empty list is a LaTeX error
    if name == "markdown":
        return "".join(f"- {_markdown_line(e)}\n" for e in entries)
    if name == "rst":
        return "".join(f"- {_rst_line(e)}\n" for e in entries)
    return "".join(f"{e}\n" for e in entries)
