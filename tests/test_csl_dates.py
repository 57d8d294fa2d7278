"""citeconv.csl dates (CSL 1.0.2 §Date) through the engine with small styles of our own."""
from __future__ import annotations

from citeconv.csl import engine

_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
 default-locale="{lang}">
  <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  {locale}
  {macros}
  <citation><layout>{layout}</layout></citation>
</style>"""


def cite(layout: str, item: dict, lang: str = "en-US", locale: str = "",
         fmt: str = "text", macros: str = "") -> str:
    """One citation of ``item`` rendered with a style whose citation layout is ``layout``."""
    xml = _STYLE.format(lang=lang, locale=locale, layout=layout, macros=macros)
    item = {"id": "a", "type": "book", **item}
    out = engine.render_citations([item], [["a"]], style=xml, fmt=fmt)
    assert not out.warnings, out.warnings
    return out.entries[0]


def test_a_line_break_in_a_group_delimiter_survives_the_writers() -> None:
    layout = ('<group delimiter="&#x0A;"><date variable="issued" form="numeric"/>'
              '<text value="x"/></group>')
    item = {"issued": {"date-parts": [[1998, 4, 10]]}}
    assert cite(layout, item) == "04/10/1998\nx"
    assert cite(layout, item, fmt="html") == "04/10/1998\nx"
