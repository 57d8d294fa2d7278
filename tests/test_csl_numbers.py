"""citeconv.csl numbers and labels (CSL 1.0.2 §Number, §Label) with small styles of our own."""
from __future__ import annotations

from test_csl_dates import cite


def test_a_macro_whose_variables_are_all_empty_prints_nothing() -> None:
    # citeproc-js treats a called macro like cs:group: the term before a missing volume goes
    layout = ('<group delimiter=", "><text variable="title"/><text macro="vol"/></group>')
    macro = ('<macro name="vol"><text term="volume" form="short" suffix=" "/>'
             '<number variable="volume"/></macro>')
    item = {"title": "Syntax"}
    assert cite(layout, item, macros=macro) == "Syntax"
    assert cite(layout, dict(item, volume="3"), macros=macro) == "Syntax, vol. 3"


def _cite_with(layout: str, item: dict, cite_item: dict, style_attrs: str = "",
               lang: str = "en-US", locale: str = "") -> str:
    from citeconv.csl import engine

    xml = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" '
           f'default-locale="{lang}" {style_attrs}><info><id>t</id><title>t</title>'
           '<updated>2024-01-01T00:00:00+00:00</updated></info>'
           f'{locale}<citation><layout>{layout}</layout></citation></style>')
    item = {"id": "a", "type": "book", **item}
    out = engine.render_citations([item], [[{"id": "a", **cite_item}]], style=xml, fmt="text")
    assert out.warnings == ()
    return out.entries[0]


LOCATOR = '<group delimiter=" "><label variable="locator"/><text variable="locator"/></group>'
PAGES = '<group delimiter=" "><label variable="page"/><text variable="page"/></group>'


def test_label_plurality_follows_the_numbers_in_the_value() -> None:
    def loc(value: str, **kw: str) -> str:
        return _cite_with(LOCATOR, {}, {"locator": value}, **kw)

    assert loc("12") == "page 12"
    assert loc("12-14") == "pages 12–14"
    assert loc("S213-S235") == "pages S213–S235"
    assert loc("213, and 235") == "pages 213, and 235"
    assert loc("213, et 235", lang="fr-FR") == "pages 213, et 235"
    assert loc("367-368, fig. 333") == "pages 367–368, fig. 333"
    assert loc("6,285") == "page 6,285"
    locale = ('<locale><terms><term name="and" form="symbol">AMP</term></terms></locale>')
    assert loc("213 & 235", locale=locale) == "pages 213 AMP 235"

    def page(value: str) -> str:
        return _cite_with(PAGES, {"page": value}, {})

    assert page("i-ix") == "pages i–ix"
    assert page("3\\-B") == "page 3-B"
    assert page("Michaelson-Morely") == "page Michaelson-Morely"


def test_number_of_pages_is_plural_above_one() -> None:
    layout = ('<group delimiter=" "><text variable="number-of-pages"/>'
              '<label variable="number-of-pages"/></group>')
    assert cite(layout, {"number-of-pages": "1"}) == "1 page"
    assert cite(layout, {"number-of-pages": "250"}) == "250 pages"


def test_page_range_formats_and_particles() -> None:
    def page(value: str, fmt: str) -> str:
        return _cite_with('<text variable="page"/>', {"page": value}, {},
                          style_attrs=f'page-range-format="{fmt}"')

    assert page("321-328", "expanded") == "321–328"
    assert page("321-28", "expanded") == "321–328"
    assert page("1496-1504", "chicago") == "1496–1504"
    assert page("1496-1504", "minimal") == "1496–504"
    assert page("11564-11568", "minimal") == "11564–8"
    assert page("11564-11568", "minimal-two") == "11564–68"
    # a repeated letter prefix is dropped when the end is shortened, kept when expanded
    assert page("8n11564-8n1568", "chicago") == "8n11564–68"
    assert page("S213-S235", "expanded") == "S213–S235"
    # different prefixes: not a range
    assert page("n11564-1568", "chicago") == "n11564-1568"


def test_number_forms() -> None:
    def num(value: str, form: str, lang: str = "en-US") -> str:
        return cite(f'<number variable="edition" form="{form}"/>', {"edition": value}, lang=lang)

    assert num("3", "ordinal") == "3rd"
    assert num("2", "long-ordinal") == "second"
    assert num("14", "roman") == "xiv"
    assert num("2-4", "ordinal") == "2nd–4th"
    assert num("first", "ordinal") == "first"
    assert num("1", "ordinal", lang="fr-FR") == "1ʳᵉ"   # édition is feminine


def test_a_term_printed_in_a_nested_macro_keeps_the_enclosing_macro() -> None:
    # citeproc-js: a group (or called macro) that prints a term counts as content for the
    # groups around it, so empty publisher variables do not hide "n.d."
    macros = ('<macro name="year"><choose><if variable="issued"><date variable="issued">'
              '<date-part name="year"/></date></if><else><text term="no date" form="short"/>'
              '</else></choose></macro>'
              '<macro name="pub"><text variable="publisher" suffix="; "/>'
              '<text macro="year"/></macro>')
    layout = '<text variable="title" suffix=". "/><text macro="pub"/>'
    assert cite(layout, {"title": "Digits"}, macros=macros) == "Digits. n.d."
    assert cite(layout, {"title": "Digits", "publisher": "Self"}, macros=macros) == \
        "Digits. Self; n.d."
    # a macro with only empty variables still disappears with its affixes
    macros2 = '<macro name="pl"><text variable="publisher-place"/></macro>'
    assert cite('<text variable="title"/><text macro="pl" prefix=" (" suffix=")"/>',
                {"title": "Digits"}, macros=macros2) == "Digits"


def test_a_range_is_one_only_between_numbers_citeproc_js_reads_as_such() -> None:
    # citeproc-js (2.4.63) output for each value: "13:1" is not a number, so its hyphen stays
    # and the label is singular; a falling pair is a range whatever its parts
    def page(value: str) -> str:
        return _cite_with('<group delimiter=" "><label variable="page" form="short"/>'
                          '<text variable="page"/></group>', {"page": value}, {})

    assert page("13:1-13:3") == "p. 13:1-13:3"
    assert page("1.2-1.5") == "p. 1.2-1.5"
    assert page("3-4:5") == "pp. 3-4:5"
    assert page("14:1-13:3") == "p. 14:1–13:3"
    assert page("12-b") == "pp. 12-b"
    assert page("12a-12c") == "pp. 12a–12c"
    assert page("I-IX") == "p. I–IX"
    assert page("S12-S13b") == "pp. S12–S13b"
    # outside pages a range is rebuilt from its bare numbers
    vol = '<group delimiter=" "><label variable="volume" form="short"/><text variable="volume"/></group>'
    assert _cite_with(vol, {"volume": "A1-A5"}, {}) == "vols. 1–5"
    assert _cite_with(vol, {"volume": "12-b"}, {}) == "vols. 12-b"


def test_a_number_that_starts_with_its_own_label_drops_it() -> None:
    layout = ('<group delimiter=" | "><text variable="number"/><text variable="volume"/>'
              '<text variable="issue"/><text variable="page"/>'
              '<choose><if is-numeric="number"><text value="NUM"/></if></choose>'
              '<label variable="number" form="short"/></group>')

    def show(**item: str) -> str:
        return _cite_with(layout, item, {})

    assert show(number="no. 88") == "88 | NUM | no."
    assert show(number="vol. 3", volume="vol. 4", issue="no. 5") == "3 | 4 | 5 | NUM | vol."
    # a label of another variable stays in volume and issue; page keeps all but p./pp.
    assert show(number="fig. 3", volume="no. 4", issue="vol. 5", page="p. 7") == \
        "3 | no. 4 | vol. 5 | 7 | NUM | fig."
    assert show(number="no. 3-4", page="pp. 7-9") == "3–4 | 7–9 | NUM | nos."
    assert show(number="xyz. 5", page="fig. 7") == "xyz. 5 | fig. 7 | no."


def test_is_numeric_follows_citeproc_js() -> None:
    layout = ('<choose><if is-numeric="edition"><text value="yes"/></if>'
              '<else><text value="no"/></else></choose>')

    def numeric(value: str) -> str:
        return _cite_with(layout, {"edition": value}, {})

    for value in ("2nd", "iv", "A1", "10a-c", "12 and 13", "12-", "1/2", "e12345", "8n11564"):
        assert numeric(value) == "yes", value
    for value in ("IV", "1.2", "1,000", "12:5", "1st ed.", "3rd edition", "Vol 3", "II"):
        assert numeric(value) == "no", value
    assert _cite_with('<choose><if is-numeric="number"><text value="yes"/></if></choose>',
                      {"number": "12|13"}, {}) == "yes"


def test_terms_are_printed_as_rich_text() -> None:
    # citeproc-js 2.4.63: a straight apostrophe in any term is "’"; quotes in a cs:text term
    # become the locale's quotes
    locale = ('<locale><terms><term name="retrieved">it\'s "x"</term>'
              '<term name="page" form="short">p\'x</term><term name="month-04">Av\'r</term>'
              '<term name="and">e\'t</term></terms></locale>')
    layout = ('<group delimiter=" | "><text term="retrieved"/><label variable="page" form="short"/>'
              '<date variable="issued" form="text" date-parts="year-month"/>'
              '<names variable="author"><name and="text"/></names></group>')
    item = {"page": "4", "issued": {"date-parts": [[2000, 4]]},
            "author": [{"family": "A"}, {"family": "B"}]}
    assert _cite_with(layout, item, {}, locale=locale) == "It’s “x” | p’x | Av’r 2000 | A e’t B"


def test_style_ordinals_follow_citeproc_js() -> None:
    # citeproc-js 2.4.63: ordinal-NN in a style locale only change that term's text; the
    # locale file's matching (and its other ordinals) stay unless the style defines "ordinal"
    layout = ('<group delimiter=" | "><number variable="edition" form="ordinal"/>'
              '<number variable="chapter-number" form="ordinal"/></group>')

    def both(n: str, locale: str, lang: str = "en-US") -> str:
        return _cite_with(layout, {"edition": n, "chapter-number": n}, {}, lang=lang,
                          locale=locale)

    own = '<locale xml:lang="en"><terms><term name="ordinal-01">X</term></terms></locale>'
    assert [both(n, own) for n in ("1", "5", "11", "21")] == [
        "1X | 1X", "5th | 5th", "11th | 11th", "21X | 21X"]
    full = ('<locale xml:lang="en"><terms><term name="ordinal">Z</term>'
            '<term name="ordinal-01">X</term></terms></locale>')
    assert [both(n, full) for n in ("1", "5", "11", "112")] == [
        "1X | 1X", "5Z | 5Z", "11X | 11X", "112Z | 112Z"]
    # French: édition is feminine; the file's gendered ordinal-01 still decides
    fr = ('<locale xml:lang="fr"><terms><term name="ordinal-01">ère</term>'
          '<term name="ordinal-02">e</term></terms></locale>')
    assert [both(n, fr, "fr-FR") for n in ("1", "2", "11")] == [
        "1ʳᵉ | 1ᵉ", "2ᵉ | 2ᵉ", "11ᵉ | 11ᵉ"]
