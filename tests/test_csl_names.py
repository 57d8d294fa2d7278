"""citeconv.csl names: initials, particles, name-part affixes, et al., "and" joins, labels and
substitution, with exact strings (what citeproc-js renders for the same style and items)."""
from __future__ import annotations

import pytest

from citeconv.csl import engine
from citeconv.csl.nameparts import initialize


def _style(name: str, extra: str = "", names_attrs: str = "", inner: str = "",
           locale: str = "en-US") -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
  default-locale="{locale}" {extra}>
  <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text value="x"/></layout></citation>
  <bibliography><layout>
    <names variable="author editor translator" {names_attrs}>{name}{inner}</names>
  </layout></bibliography></style>"""


def _bib(xml: str, *items: dict) -> tuple[str, ...]:
    items = tuple(dict(it, id=it.get("id", f"i{n}"), type=it.get("type", "book"))
                  for n, it in enumerate(items))
    return engine.render_bibliography(list(items), style=xml).entries


@pytest.mark.parametrize(("given", "term", "normalize", "expected"), [
    ("John Maynard", ". ", False, "J. M."),
    ("Jean-Paul", ". ", False, "J.-P."),
    ("Jean-Paul", "", False, "J-P"),
    ("Guo-ping", "", False, "G"),
    ("TSerendorjiin", ".", False, "Ts."),
    ("Ph.M.E.", " ", False, "Ph M E"),
    ("John Bertrand de Cusance", ".", False, "J.B. de C."),
    ("Me.", ".", False, "Me."),
    ("M.E", ". ", True, "M. E."),
    ("John M.E.", "", True, "John ME"),
    ("Tim", ". ", True, "Tim"),
    ("<b>John</b> Quiggly", ". ", False, "<b>J.</b> Q."),
    ("太郎", ". ", False, "太郎"),
])
def test_initialize(given: str, term: str, normalize: bool, expected: str) -> None:
    assert initialize(given, term, normalize) == expected


def test_initialize_without_hyphen() -> None:
    assert initialize("Jean-Paul", ". ", hyphen=False) == "J. P."


def test_particles_and_name_part_affixes() -> None:
    jean = {"author": [{"family": "La Fontaine", "given": "Jean", "dropping-particle": "de",
                        "suffix": "III"}]}
    parts = '<name-part name="given" prefix="[" suffix="]"/><name-part name="family" prefix="(" suffix=")"/>'
    plain = _style(f"<name>{parts}</name>")
    assert _bib(plain, jean) == ("[Jean] (de La Fontaine III)",)
    inverted = _style(f'<name name-as-sort-order="all">{parts}</name>')
    assert _bib(inverted, jean) == ("(La Fontaine), [Jean de], III",)
    vdp = {"author": [{"family": "Fontaine", "given": "Jean", "non-dropping-particle": "La"}]}
    demoted = _style(f'<name name-as-sort-order="all">{parts}</name>')
    kept = _style(f'<name name-as-sort-order="all">{parts}</name>',
                  extra='demote-non-dropping-particle="never"')
    assert _bib(demoted, vdp) == ("(Fontaine), [Jean La]",)
    assert _bib(kept, vdp) == ("(La Fontaine), [Jean]",)


def test_apostrophe_particles_and_quoted_family() -> None:
    xml = _style("<name/>")
    assert _bib(xml, {"author": [{"family": "Aubignac", "given": "François",
                                  "dropping-particle": "d'"}]}) == ("François d’Aubignac",)
    assert _bib(xml, {"author": [{"family": "One", "given": "Alan",
                                  "non-dropping-particle": "al-"}]}) == ("Alan al-One",)
    assert _bib(xml, {"author": [{"family": '"Van Dyke"', "given": "Dick"}]}) == ("Dick Van Dyke",)
    inverted = _style('<name name-as-sort-order="all"/>')
    assert _bib(inverted, {"author": [{"family": "al-One", "given": "Alan"}]}) == ("One, Alan al-",)
    assert _bib(inverted, {"author": [{"family": "Smith-Jones", "given": "Al"}]}) == (
        "Smith-Jones, Al",)


def test_name_part_formatting_is_per_part() -> None:
    xml = _style('<name name-as-sort-order="all" demote-non-dropping-particle="never">'
                 '<name-part name="family" text-case="uppercase"/></name>')
    got = _bib(xml, {"author": [{"family": "Beethoven", "given": "Ludwig",
                                 "non-dropping-particle": "van"}]})
    assert got == ("VAN BEETHOVEN, Ludwig",)


def test_cjk_and_mixed_names() -> None:
    xml = _style('<name and="text"/>')
    got = _bib(xml, {"author": [{"family": "田中", "given": "太郎"},
                                {"family": "Doe", "given": "John"}]})
    assert got == ("田中太郎 and John Doe",)


def test_et_al_delimiters_and_zero_use_first() -> None:
    people = {"author": [{"family": f, "given": g} for f, g in
                         (("Doe", "John"), ("Roe", "Jane"), ("Poe", "Ed"), ("Moe", "Al"))]}
    one = _style('<name et-al-min="3" et-al-use-first="1"/>')
    two = _style('<name et-al-min="3" et-al-use-first="2"/>')
    always = _style('<name et-al-min="3" et-al-use-first="1" delimiter-precedes-et-al="always"/>')
    zero = _style('<name et-al-min="2" et-al-use-first="0"/>')
    assert _bib(one, people) == ("John Doe et al.",)
    assert _bib(two, people) == ("John Doe, Jane Roe, et al.",)
    assert _bib(always, people) == ("John Doe, et al.",)
    assert _bib(zero, people) == ()  # nothing printed: reported, not an empty entry


def test_et_al_use_last() -> None:
    people = {"author": [{"family": f"N{i}", "given": "A"} for i in range(8)]}
    xml = _style('<name et-al-min="6" et-al-use-first="3" et-al-use-last="true"/>')
    assert _bib(xml, people) == ("A N0, A N1, A N2, … A N7",)
    capped = _style('<name et-al-min="3" et-al-use-first="3" et-al-use-last="true"/>')
    assert _bib(capped, people) == ("A N0 … A N7",)


def test_and_joins() -> None:
    two = {"author": [{"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Jane"}]}
    three = {"author": two["author"] + [{"family": "Poe", "given": "Ed"}]}
    inv = _style('<name and="text" name-as-sort-order="first" '
                 'delimiter-precedes-last="after-inverted-name"/>')
    assert _bib(inv, two) == ("Doe, John, and Jane Roe",)
    assert _bib(inv, three) == ("Doe, John, Jane Roe and Ed Poe",)
    never = _style('<name and="symbol" delimiter-precedes-last="never"/>')
    assert _bib(never, three) == ("John Doe, Jane Roe & Ed Poe",)
    inst = {"author": two["author"] + [{"literal": "Research Group"}]}
    ctx = _style('<name and="text" delimiter-precedes-last="never"/>')
    assert _bib(ctx, inst) == ("John Doe, Jane Roe, and Research Group",)


def test_non_latin_and_term_has_no_spaces() -> None:
    xml = _style('<name and="text"/>').replace(
        "<citation>", '<locale><terms><term name="and">と</term></terms></locale><citation>')
    got = _bib(xml, {"author": [{"family": "Doe", "given": "John"},
                                {"family": "Roe", "given": "Jane"}]})
    assert got == ("John DoeとJane Roe",)


def test_name_affixes_per_name_and_institutions() -> None:
    xml = _style('<name initialize-with="." name-as-sort-order="all" delimiter="; " suffix=". "/>')
    got = _bib(xml, {"author": [{"family": "Doe", "given": "John"},
                                {"family": "Roe", "given": "Jane"}]})
    assert got == ("Doe, J. ; Roe, J.",)
    assert _bib(xml, {"author": [{"literal": "OpenAI"}]}) == ("OpenAI",)


def test_editor_translator_common_label() -> None:
    ed = [{"family": "Doe", "given": "John"}]
    xml = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text value="x"/></layout></citation>
  <bibliography><layout><names variable="editor translator" delimiter="; ">
    <name/><label form="short" prefix=" (" suffix=")"/></names></layout></bibliography></style>"""
    assert _bib(xml, {"editor": ed, "translator": ed}) == ("John Doe (ed. & trans.)",)
    other = [{"family": "Roe", "given": "Jane"}]
    assert _bib(xml, {"editor": ed, "translator": other}) == (
        "John Doe (ed.); Jane Roe (trans.)",)


def test_inherited_initialize_false_wins() -> None:
    xml = _style('<name initialize="true" initialize-with=". "/>').replace(
        "<bibliography>", '<bibliography initialize="false">')
    assert _bib(xml, {"author": [{"family": "Doe", "given": "John P"}]}) == ("John P. Doe",)


def test_turkish_upper_case_dotted_i() -> None:
    xml = _style('<name><name-part name="family" text-case="uppercase"/></name>', locale="tr-TR")
    assert _bib(xml, {"author": [{"family": "Hinton", "given": "G."}]}) == ("G. HİNTON",)
    assert _bib(xml, {"author": [{"family": "Hinton", "given": "G."}], "language": "en"}) == (
        "G. HINTON",)


def test_substitute_term_ends_search() -> None:
    xml = _style("", inner='<substitute><text term="no-such-term"/><text variable="title"/>'
                 '</substitute>').replace('variable="author editor translator"',
                                          'variable="author"')
    assert _bib(xml, {"title": "Only a Title"}) == ()
    xml2 = xml.replace('<text term="no-such-term"/>', "")
    assert _bib(xml2, {"title": "Only a Title"}) == ("Only a Title",)


def test_substitute_choose_inherits_name_options() -> None:
    xml = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text value="x"/></layout></citation>
  <bibliography initialize-with=". "><layout><names variable="author">
    <name and="text" initialize="false" name-as-sort-order="first"/>
    <label form="short" prefix=", "/>
    <substitute><choose><if type="book">
      <names variable="translator"/><names variable="editor"/>
    </if></choose></substitute></names></layout></bibliography></style>"""
    eds = [{"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Jane"}]
    assert _bib(xml, {"editor": eds}) == ("Doe, John and Jane Roe, eds.",)


SUBSTITUTE = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
              "<info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>"
              '<macro name="title"><text variable="title" font-style="italic"/></macro>'
              '<citation><layout><text variable="title"/></layout></citation>'
              '<bibliography><layout><names variable="author" font-weight="bold" prefix="[" '
              'suffix="]" text-case="uppercase"><name/><substitute>{}</substitute></names>'
              "</layout></bibliography></style>")


@pytest.mark.parametrize("substitute", [
    '<names variable="editor"/><text macro="title"/>',
    '<choose><if variable="editor"><names variable="editor"/></if>'
    '<else><text macro="title"/></else></choose>',
])
def test_names_formatting_wraps_names_only_and_ignores_text_case(substitute: str) -> None:
    # citeproc-js 2.4.63: a substituted cs:names (even inside cs:choose) takes the cs:names
    # affixes and formatting, substituted text does not; text-case is no cs:names attribute
    items = [{"id": "a", "type": "book", "title": "Alpha", "author": [{"family": "Doe", "given": "J"}]},
             {"id": "b", "type": "book", "title": "Beta", "editor": [{"family": "Roe", "given": "K"}]},
             {"id": "c", "type": "book", "title": "Gamma"}]
    out = engine.render_bibliography(items, style=SUBSTITUTE.format(substitute), fmt="html")
    assert out.entries == ("[<b>J Doe</b>]", "[<b>K Roe</b>]", "<i>Gamma</i>")


def test_a_list_ending_in_et_al_takes_the_name_decorations_once_more() -> None:
    # citeproc-js 2.4.63 wraps each name and, when et al. is printed, the whole list again
    xml = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
           "<info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>"
           '<citation><layout><text variable="title"/></layout></citation><bibliography><layout>'
           '<names variable="author"><name font-weight="bold" prefix="(" suffix=")" et-al-min="3" '
           'et-al-use-first="2" and="text"/><et-al font-style="italic" font-weight="normal"/>'
           '</names><names variable="editor" prefix=" E:"><name font-variant="small-caps" '
           'and="text"/></names></layout></bibliography></style>')
    people = [{"family": f, "given": g} for f, g in (("Doe", "J"), ("Roe", "K"), ("Poe", "L"))]
    items = [{"id": "a", "type": "book", "author": people,
              "editor": [{"family": "Ed", "given": "A"}, {"family": "Ed2", "given": "B"}]},
             {"id": "b", "type": "book", "author": people[:1], "editor": [{"literal": "Org"}]}]
    out = engine.render_bibliography(items, style=xml, fmt="html")
    assert out.entries == (
        '(<b>(<b>J Doe</b>), (<b>K Roe</b>), <span style="font-weight:normal;"><i>et al.</i>'
        '</span></b>) E:<span style="font-variant:small-caps;">A Ed</span> and '
        '<span style="font-variant:small-caps;">B Ed2</span>',
        '(<b>J Doe</b>) E:<span style="font-variant:small-caps;">Org</span>')


def test_a_substituted_names_takes_the_outer_formatting_only_when_bare() -> None:
    # citeproc-js 2.4.63: a bare cs:names in cs:substitute is printed with the outer cs:names'
    # affixes and formatting instead of its own; one with a cs:name child keeps only its own
    def html(sub: str) -> str:
        xml = ('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
               '<info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated>'
               '</info><citation><layout><text value="x"/></layout></citation><bibliography>'
               '<layout><names variable="translator" font-style="italic" prefix="[" suffix="]">'
               f'<name/><substitute>{sub}</substitute></names></layout></bibliography></style>')
        item = {"id": "a", "type": "book", "author": [{"family": "A", "given": "B"}]}
        return engine.render_bibliography([item], style=xml, fmt="html").entries[0]

    bare = '<names variable="author" font-weight="bold" prefix="(" suffix=")"/>'
    full = '<names variable="author" font-weight="bold" prefix="("><name/></names>'
    assert html(bare) == "[<i>B A</i>]"
    assert html(full) == "(<b>B A</b>"
    assert html(f'<choose><if type="book">{bare}</if></choose>') == "[<i>B A</i>]"
    assert html(f'<choose><if type="book">{full}</if></choose>') == "(<b>B A</b>"
