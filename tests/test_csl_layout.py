"""citeconv.csl layout affixes around display elements: citeproc-js writes the layout prefix
inside a display element that opens the entry and the suffix inside one that closes it (text
and html). Expected strings are what citeproc-js 2.4.63 renders for the same style and item."""
from __future__ import annotations

import pytest

from citeconv.csl import engine

_ITEM = {"id": "a", "type": "book", "title": "Beta", "publisher": "P"}


def _style(layout: str) -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
  default-locale="en-US">
  <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text value="x"/></layout></citation>
  <bibliography><layout prefix="&lt;" suffix="." font-style="italic">{layout}</layout>
  </bibliography></style>"""


@pytest.mark.parametrize(("layout", "html", "text"), [
    ('<text variable="title" display="block"/><text variable="publisher" display="left-margin"/>',
     '<i><div class="csl-block">&#60;Beta</div><div class="csl-left-margin">P.</div></i>',
     "<BetaP."),
    ('<text variable="title" display="block"/><text variable="publisher"/>',
     '<i><div class="csl-block">&#60;Beta</div>P.</i>', "<BetaP."),
    ('<text variable="title"/><text variable="publisher"/>', "<i>&#60;BetaP.</i>", "<BetaP."),
])
def test_layout_affixes_inside_opening_and_closing_display(layout: str, html: str,
                                                           text: str) -> None:
    h = engine.render_bibliography([_ITEM], style=_style(layout), fmt="html").entries[0]
    assert h.replace("\n", "").replace("  ", "").replace("    ", "") == html
    t = engine.render_bibliography([_ITEM], style=_style(layout)).entries[0]
    assert " ".join(t.split()) == text


def test_a_term_starting_the_second_field_is_capitalised() -> None:
    # citeproc-js 2.4.63 with second-field-align: the second field starts the entry's text
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography second-field-align="flush"><layout>
    <text variable="citation-number" prefix="[" suffix="]"/>
    <text term="in"/><text variable="title" prefix=" "/>
  </layout></bibliography></style>"""
    item = {"id": "a", "type": "chapter", "title": "Title"}
    html = engine.render_bibliography([item], style=style, fmt="html").entries
    assert html == ('<div class="csl-left-margin">[1]</div>'
                    '<div class="csl-right-inline">In Title</div>',)
    assert engine.render_bibliography([item], style=style).entries == ("[1] In Title",)
