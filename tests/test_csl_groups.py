"""citeconv.csl group suppression as citeproc-js does it: macros are groups, an empty date is a
tried variable for every enclosing group, a suppressed group hands its "variable tried" flag to
its parent (an empty group clears it), labels and literal values count as printed terms, a
label prints its term even when its variable is empty. Expected strings are what citeproc-js
2.4.63 renders for the same style and items."""
from __future__ import annotations

from citeconv.csl import engine

_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
  default-locale="en-US">
  <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="accessed"><date variable="accessed" form="numeric"/></macro>
  <macro name="access-note"><text term="accessed"/><text macro="accessed" prefix=" "/></macro>
  <macro name="link">
    <text value="at: "/><text variable="URL"/><text macro="access-note" prefix=" "/>
  </macro>
  <macro name="nothing"><choose><if variable="note"><text variable="note"/></if></choose></macro>
  <citation><layout><text value="x"/></layout></citation>
  <bibliography><layout>
    <text variable="title"/>
    <text macro="link" prefix="L[" suffix="]"/>
    <group prefix="A[" suffix="]">
      <text term="in"/><text variable="publisher" prefix=" "/><text macro="nothing"/>
    </group>
    <group prefix="B[" suffix="]">
      <text macro="nothing"/><text term="in"/><text variable="publisher" prefix=" "/>
    </group>
    {extra}
    <group prefix="D[" suffix="]"><text variable="volume"/><group><text value="vol."/></group></group>
    <group prefix="E[" suffix="]">
      <text term="edition"/><group><text variable="volume"/><date variable="issued" form="numeric"/></group>
    </group>
  </layout></bibliography></style>"""

_ITEMS = [
    {"id": "a", "type": "book", "title": "T1", "URL": "http://x.org"},
    {"id": "b", "type": "book", "title": "T2"},
    {"id": "c", "type": "book", "title": "T3", "URL": "http://y.org", "publisher": "P",
     "accessed": {"date-parts": [[2020, 5, 1]]}, "page": "3-4"},
]


def _bib(extra: str = "") -> tuple[str, ...]:
    return engine.render_bibliography(_ITEMS, style=_STYLE.replace("{extra}", extra)).entries


def test_macro_groups_and_flag_hand_over() -> None:
    # L: the access note (a term and an empty date in a nested macro) vanishes with its date,
    # and the link macro with it when there is no URL; A: an empty group after the empty
    # publisher clears "variable tried", so the term alone prints; B: in the other order the
    # publisher's flag stands; D: a group printing only a literal is content for its parent
    assert _bib() == (
        "T1L[at: http://x.org]A[in]D[vol.]",
        "T2A[in]D[vol.]",
        "T3L[at: http://y.org accessed 05/01/2020]A[in P]B[in P]D[vol.]",
    )


def test_label_prints_its_term_without_a_value() -> None:
    extra = ('<group prefix="C[" suffix="]"><label variable="page" form="short"/></group>'
             '<label variable="page" form="short" prefix="Z[" suffix="]"/>'
             '<group prefix="Y[" suffix="]"><label variable="volume" plural="always"/>'
             '<text variable="title"/></group>'
             '<group prefix="X[" suffix="]"><label variable="edition"/>'
             '<text variable="edition"/></group>')
    assert _bib(extra) == (
        "T1L[at: http://x.org]A[in]C[p.]Z[p.]Y[volumesT1]D[vol.]",
        "T2A[in]C[p.]Z[p.]Y[volumesT2]D[vol.]",
        "T3L[at: http://y.org accessed 05/01/2020]A[in P]B[in P]C[pp.]Z[pp.]Y[volumesT3]D[vol.]",
    )


def _style(layout: str, sort: str = "", macros: str = "") -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
  default-locale="en-US">
  <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  {macros}
  <citation><layout><text value="x"/></layout></citation>
  <bibliography>{sort}<layout>{layout}</layout></bibliography></style>"""


_ANON = ('<names variable="author"><name/><substitute><names variable="editor"/>'
         '<text term="anonymous"/></substitute></names>')


def test_substituted_text_without_the_names_affixes_and_terms_are_no_content() -> None:
    layout = ('<names variable="author" prefix="(" suffix=")|" font-style="italic"><name/>'
              '<substitute><names variable="editor"/><text variable="title"/></substitute>'
              '</names><group delimiter="/"><text term="in"/>' + _ANON + '</group>'
              '<text variable="publisher"/>')
    items = [{"id": "a", "type": "book", "title": "Beta", "publisher": "P"},
             {"id": "b", "type": "book", "title": "Gam", "publisher": "Q",
              "editor": [{"family": "Ed", "given": "A"}]},
             {"id": "c", "type": "book", "title": "Del", "publisher": "R",
              "author": [{"family": "Au", "given": "A"}]}]
    r = engine.render_bibliography(items, style=_style(layout), fmt="html")
    assert r.entries == ("BetaP", "(<i>A Ed</i>)|Q", "(<i>A Au</i>)|in/A AuR")


def test_sort_macro_printing_only_a_term_is_an_empty_key() -> None:
    macros = f'<macro name="author">{_ANON}</macro>'
    sort = '<sort><key macro="author"/></sort>'
    items = [{"id": "a", "type": "book", "title": "Beta"},
             {"id": "b", "type": "book", "title": "Alpha", "author": [{"family": "Zulu"}]},
             {"id": "c", "type": "book", "title": "Gamma", "author": [{"family": "Baker"}]}]
    layout = '<text macro="author" suffix=". "/>' + _ANON + '<text variable="title" prefix=" "/>'
    assert engine.render_bibliography(items, style=_style(layout, sort, macros)).entries == (
        "Baker. Baker Gamma", "Zulu. Zulu Alpha", "Anonymous Beta")
