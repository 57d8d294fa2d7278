"""citeconv.render: style resolution, hostile styles, data edge cases, citations, formats."""
from __future__ import annotations

import pathlib

import pytest

from citeconv.render import (Rendered, RenderError, StyleNotFound, StyleSyntaxError, UnsafeStyleError,
                             list_styles, render_bibliography, render_citations, resolve_style)

VASWANI = {
    "id": "Vaswani2017", "type": "paper-conference", "title": "Attention Is All You Need",
    "author": [{"family": "Vaswani", "given": "Ashish"}, {"family": "Shazeer", "given": "Noam"},
               {"family": "Parmar", "given": "Niki"}],
    "container-title": "Advances in Neural Information Processing Systems",
    "issued": {"date-parts": [[2017]]}, "page": "5998-6008",
}
MINIMAL_CSL = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><names variable="author"><name/></names><text variable="title" prefix=". "/></layout></bibliography>
</style>
"""


# --- resolve_style / list_styles ---------------------------------------------------------------
def test_resolve_by_name() -> None:
    p = resolve_style("apa")
    assert isinstance(p, pathlib.Path) and p.name == "apa.csl" and p.is_file()
    assert resolve_style("apa.csl") == p


def test_dependent_style_resolves_to_parent_and_keeps_locale() -> None:
    p = resolve_style("abi-technik")  # dependent on chicago-notes-classic, default-locale de-DE
    assert p.name == "chicago-notes-classic.csl"
    assert p.default_locale == "de-DE"


def test_path_to_csl_file(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "mine.csl"
    f.write_text(MINIMAL_CSL, encoding="utf-8")
    assert resolve_style(str(f)) == f
    out = render_bibliography([VASWANI], str(f), "text")
    assert out.entries == ("Ashish Vaswani, Noam Shazeer, Niki Parmar. Attention Is All You Need",)


def test_unknown_style_suggests_close_names() -> None:
    with pytest.raises(StyleNotFound) as e:
        resolve_style("apa7")
    assert "apa" in e.value.suggestions
    assert isinstance(e.value, LookupError) and "apa7" in str(e.value)
    with pytest.raises(StyleNotFound):
        resolve_style("/no/such/dir/style.csl")


def test_list_styles() -> None:
    found = list_styles("chicago")
    assert ("chicago-author-date", "Chicago Manual of Style 18th edition (author-date)") in found
    assert found == sorted(found)
    assert all("chicago" in n.lower() or "chicago" in t.lower() for n, t in found)
    assert len(list_styles()) > 2000
    assert list_styles("Association for Computing Machinery")


# --- hostile styles ----------------------------------------------------------------------------
XXE = """<?xml version="1.0"?>
<!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>&x;</title></info>
<citation><layout><text value="&x;"/></layout></citation>
<bibliography><layout><text value="&x;"/></layout></bibliography></style>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
<citation><layout><text value="&lol3;"/></layout></citation>
<bibliography><layout><text value="&lol3;"/></layout></bibliography></style>
"""


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_hostile_style_is_refused(tmp_path: pathlib.Path, xml: str) -> None:
    f = tmp_path / "evil.csl"
    f.write_text(xml, encoding="utf-8")
    with pytest.raises(UnsafeStyleError, match="DOCTYPE|ENTITY") as e:
        render_bibliography([VASWANI], str(f), "text")
    assert isinstance(e.value, ValueError)
    assert "root:" not in str(e.value)  # nothing from /etc/passwd leaked


def test_malformed_style_is_a_value_error(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "broken.csl"
    f.write_text("<style xmlns='http://purl.org/net/xbiblio/csl'><citation>", encoding="utf-8")
    with pytest.raises(StyleSyntaxError, match="not well-formed"):
        render_bibliography([VASWANI], str(f), "text")


# --- data edge cases ---------------------------------------------------------------------------
def test_empty_name_lists_and_empty_names_do_not_crash_sorting() -> None:
    items = [dict(VASWANI, id="a", editor=[]),
             dict(VASWANI, id="b", author=[{"family": "", "given": ""}], editor=[{}]),
             dict(VASWANI, id="c", author=[])]
    for style in ("apa", "chicago-author-date", "ieee", "modern-language-association"):
        out = render_bibliography(items, style, "text")
        assert sorted(out.ids) == ["a", "b", "c"], style


def test_et_al_marker_is_rendered_as_et_al() -> None:
    item = dict(VASWANI, author=VASWANI["author"][:2] + [{"literal": "others"}])
    apa = render_bibliography([item], "apa", "text").entries[0]
    assert "others" not in apa.lower().replace("et al", "")
    assert apa.startswith("Vaswani, A., Shazeer, N., et al. (2017)") or "et al." in apa
    ieee = render_bibliography([item], "ieee", "text").entries[0]
    assert "A. Vaswani" in ieee and "et al." in ieee and "others" not in ieee
    cite = render_citations([item], [[item["id"]]], "apa").entries[0]
    assert cite == "(Vaswani et al., 2017)"


def test_ids_keep_their_case_and_a_duplicate_is_an_error() -> None:
    out = render_bibliography([VASWANI, dict(VASWANI, id="vaswani2017")], "apa", "text")
    assert out.ids == ("Vaswani2017",)
    assert out.errors == (RenderError("vaswani2017", "apa",
                                      "duplicate id (ids are case-insensitive)"),)
    assert str(out.errors[0]) == ("item 'vaswani2017' not rendered in style 'apa': duplicate id "
                                  "(ids are case-insensitive)")
    assert isinstance(out, Rendered) and out.warnings == ()


# --- citations and formats ---------------------------------------------------------------------
def test_citations() -> None:
    other = {"id": "he", "type": "book", "title": "T", "author": [{"family": "He", "given": "K"}],
             "issued": {"date-parts": [[2016]]}}
    apa = render_citations([VASWANI, other], [["Vaswani2017"], ["he", "Vaswani2017"]], "apa")
    assert apa.entries == ("(Vaswani et al., 2017)", "(He, 2016; Vaswani et al., 2017)")
    ieee = render_citations([VASWANI, other], [["Vaswani2017"], ["he"]], "ieee")
    assert ieee.entries == ("[1]", "[2]")


@pytest.mark.parametrize("fmt", ["text", "html", "markdown", "latex", "rst"])
def test_every_format_renders(fmt: str) -> None:
    out = render_bibliography([VASWANI], "apa", fmt)
    assert len(out.entries) == 1 and "Vaswani" in out.entries[0]


def test_html_second_field_align_divs() -> None:
    entry = render_bibliography([VASWANI], "ieee", "html").entries[0]
    assert entry.startswith('<div class="csl-left-margin">[1]</div><div class="csl-right-inline">')
    assert render_bibliography([VASWANI], "ieee", "text").entries[0].startswith("[1] A. Vaswani")


def test_unknown_format() -> None:
    with pytest.raises(ValueError):
        render_bibliography([VASWANI], "apa", "docx")


ODD_ITEMS = [
    {"id": "a", "type": "book"},
    {"id": "b", "type": "article-journal", "title": "A \"quoted\" title, l'apostrophe", "volume": 12,
     "issue": "3-4", "page": "e1001"},
    {"id": "c", "type": "chapter", "author": [{"given": "Only"}], "editor": [{"literal": "others"}],
     "issued": {"raw": "2001-05"}},
    {"id": "d", "type": "report", "issued": {"literal": "forthcoming"}, "number": "1999-66",
     "author": [{"family": "X", "given": "Y"}, {"literal": "others"}]},
    {"id": "e", "type": "weird-type", "title": "<i>Italic</i> & <script>",
     "issued": {"date-parts": [["2000", "13", "40"]]}},
    {"id": "f", "type": "thesis", "author": [{"family": "李", "given": "小龙"}],
     "issued": {"date-parts": [[-44, 3, 15]]}},
    {"id": "g", "type": "webpage", "URL": "http://x.org/it's", "issued": {"date-parts": [[2019], [2021]]}},
    {"id": "i", "type": "book", "author": None, "title": None, "issued": {}},
    {"type": "book", "title": "no id"},
]


@pytest.mark.parametrize("style", ["apa", "ieee", "modern-language-association",
                                   "chicago-notes-bibliography"])
def test_odd_items_never_raise_and_are_accounted_for(style: str) -> None:
    for fmt in ("text", "html", "latex"):
        out = render_bibliography(ODD_ITEMS, style, fmt)
        assert len(out.entries) == len(out.ids)
        # odd data is repaired, not dropped; only the items with no data at all may have no
        # printed form (MLA), and then they are errors
        missing = {e.id for e in out.errors}
        assert sorted(set(out.ids) | missing) == ["a", "b", "c", "d", "e", "f", "g", "i", "item-9"]
        assert missing <= {"a", "i"}, style
        assert all("no printed form" in e.reason for e in out.errors)
    cites = render_citations(ODD_ITEMS, [["a", "b"], ["zzz"]], style)
    assert len(cites.entries) == 2 and cites.entries[1] == ""
    unprinted = (RenderError("a", style, "it renders nothing in this style (no printed form)",
                             "citation"),) if style == "modern-language-association" else ()
    assert cites.errors == (RenderError("zzz", style, "no item has this id"),) + unprinted
    url = render_bibliography(ODD_ITEMS, "apa", "text").entries
    assert any("http://x.org/it's" in e for e in url)  # URLs keep straight apostrophes
