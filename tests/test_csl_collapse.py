"""citeconv.csl.collapse: grouping and collapsing of one citation's cites (strings as renderings)."""
from __future__ import annotations

from citeconv.csl.collapse import CollapseCite, CollapseOptions, Join, collapse_cites


def _text(out: list) -> str:
    return "".join(p.text if isinstance(p, Join) else p for p in out)


def _num(n: int, prefix: bool = False) -> CollapseCite[str]:
    shown = ("see " if prefix else "") + "[%d]" % n
    return CollapseCite(shown, shown, shown, number=None if prefix else n, prefix=prefix)


def _ad(author: str, year: int, suffix: int | None = None, **kw) -> CollapseCite[str]:
    ys = "abcdefgh"[suffix - 1] if suffix else ""
    return CollapseCite(f"{author} {year}{ys}", f"{year}{ys}", ys, names=author, years=(year,),
                        year_suffix=suffix, **kw)


def test_citation_number_ranges() -> None:
    opts = CollapseOptions("citation-number", delimiter=", ")
    cites = [_num(1), _num(2), _num(3), _num(5), _num(6), _num(8), _num(9), _num(10)]
    assert _text(collapse_cites(cites, opts)) == "[1]–[3], [5], [6], [8]–[10]"
    opts = CollapseOptions("citation-number", delimiter=",", after_collapse_delimiter="; ")
    assert _text(collapse_cites([_num(1), _num(2), _num(3), _num(7)], opts)) == "[1]–[3]; [7]"
    # a cite with a prefix breaks the run
    assert _text(collapse_cites([_num(1), _num(2, prefix=True), _num(3), _num(4)],
                                CollapseOptions("citation-number", ", "))) == \
        "[1], see [2], [3], [4]"


def test_year_collapse_groups_same_authors() -> None:
    opts = CollapseOptions("year", delimiter="; ", regroup=True)
    cites = [_ad("Smith", 1900), _ad("Jones", 1950), _ad("Smith", 2000)]
    assert _text(collapse_cites(cites, opts)) == "Smith 1900, 2000; Jones 1950"
    # without regrouping (makeCitationCluster, unsorted citations) only neighbours collapse
    assert _text(collapse_cites(cites, CollapseOptions("year", delimiter="; "))) == \
        "Smith 1900; Jones 1950; Smith 2000"
    # with an after-collapse delimiter the cites of a group take the layout delimiter
    opts = CollapseOptions("year", delimiter="; ", cite_group_delimiter=" & ",
                           after_collapse_delimiter=" | ", regroup=True)
    assert _text(collapse_cites(cites, opts)) == "Smith 1900; 2000 | Jones 1950"
    opts = CollapseOptions("year", delimiter="; ", cite_group_delimiter=" & ", regroup=True)
    assert _text(collapse_cites(cites, opts)) == "Smith 1900 & 2000; Jones 1950"
    # a note style has no implicit ", " between collapsed cites
    opts = CollapseOptions("year", delimiter="; ", regroup=True, in_text=False)
    assert _text(collapse_cites(cites, opts)) == "Smith 1900; 2000; Jones 1950"


def test_year_suffix_collapse_delimiters() -> None:
    cites = [_ad("Shannon", 1948, 1), _ad("Shannon", 1948, 2), _ad("Shannon", 1949, 3),
             _ad("Shannon", 1949, 4), _ad("Doe", 1990)]
    # suffixes with the cite-group delimiter when there is one, years of a group with it too
    opts = CollapseOptions("year-suffix", delimiter="; ", cite_group_delimiter=", ")
    assert _text(collapse_cites(cites, opts)) == "Shannon 1948a, b, 1949c, d; Doe 1990"
    # else suffixes with the layout delimiter and years with ", " (in-text)
    opts = CollapseOptions("year-suffix", delimiter=" ; ")
    assert _text(collapse_cites(cites, opts)) == "Shannon 1948a ; b, 1949c ; d ; Doe 1990"
    opts = CollapseOptions("year-suffix", delimiter="; ", year_suffix_delimiter=",",
                           after_collapse_delimiter=" | ")
    assert _text(collapse_cites(cites, opts)) == "Shannon 1948a,b; 1949c,d | Doe 1990"


def test_delimiter_after_a_suffix_or_before_a_prefix_with_punctuation() -> None:
    a = CollapseCite("Book A", "", "", suffix_text=".", suffix=True)
    b = CollapseCite("Book B", "", "")
    c = CollapseCite(", cited in Book C", "", "", prefix_text=", cited in", prefix=True)
    opts = CollapseOptions(None, delimiter="; ")
    assert _text(collapse_cites([a, b], opts)) == "Book A Book B"
    assert _text(collapse_cites([b, c], opts)) == "Book B, cited in Book C"


def test_year_collapse_does_not_move_past_a_suffix_or_prefix() -> None:
    opts = CollapseOptions("year", delimiter="; ")
    cites = [_ad("Smith", 1900), _ad("Jones", 1950, prefix=True), _ad("Smith", 2000)]
    opts = CollapseOptions("year", delimiter="; ", regroup=True)
    assert _text(collapse_cites(cites, opts)) == "Smith 1900; Jones 1950; Smith 2000"
    cites = [CollapseCite("Smith 1900 (n.)", "1900 (n.)", "", names="Smith", years=(1900,),
                          suffix=True), _ad("Smith", 2000)]
    assert _text(collapse_cites(cites, opts)) == "Smith 1900 (n.); Smith 2000"


def test_year_suffix_collapse_and_ranges() -> None:
    cites = [_ad("Smith", 2000, n) for n in (1, 2, 3, 4, 5)] + [_ad("Smith", 2001)]
    ranged = CollapseOptions("year-suffix-ranged", delimiter=", ", year_suffix_delimiter=",")
    assert _text(collapse_cites(cites, ranged)) == "Smith 2000a–e, 2001"
    gap = [cites[0], cites[2], cites[3], cites[4], cites[5]]
    assert _text(collapse_cites(gap, ranged)) == "Smith 2000a,c–e, 2001"
    plain = CollapseOptions("year-suffix", delimiter="; ")
    assert _text(collapse_cites(cites[:3] + [_ad("Doe", 1999)], plain)) == \
        "Smith 2000a; b; c; Doe 1999"


def test_cite_group_delimiter_without_collapse() -> None:
    opts = CollapseOptions(None, delimiter="; ", cite_group_delimiter=", ", regroup=True)
    cites = [_ad("Smith", 1900), _ad("Jones", 1950), _ad("Smith", 2000)]
    assert _text(collapse_cites(cites, opts)) == "Smith 1900, Smith 2000; Jones 1950"
    assert _text(collapse_cites(cites, CollapseOptions(None, delimiter="; "))) == \
        "Smith 1900; Jones 1950; Smith 2000"


def test_citation_options_from_style_xml() -> None:
    from lxml import etree

    from citeconv.csl.citeopts import citation_options

    root = etree.fromstring(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">'
        '<macro name="m"><choose><if disambiguate="true"><text value="x"/></if></choose></macro>'
        '<citation collapse="year-suffix" after-collapse-delimiter="; " near-note-distance="2" '
        'disambiguate-add-names="true" givenname-disambiguation-rule="bogus">'
        '<layout delimiter=", "><text macro="m"/></layout></citation>'
        '<bibliography subsequent-author-substitute="---"><sort>'
        '<key variable="citation-number" sort="descending"/></sort><layout/></bibliography>'
        '</style>')
    o = citation_options(root)
    assert o.note_style and o.near_note_distance == 2 and o.has_bibliography
    assert o.disamb.add_names and not o.disamb.add_givenname and o.disamb.rule == "by-cite"
    assert o.disamb.condition and not o.disamb.add_year_suffix
    assert o.collapse == CollapseOptions("year-suffix", ", ", None, None, "; ", in_text=False)
    assert o.substitute == ("---", "complete-all") and o.bib_first_descending
    bare = citation_options(etree.fromstring('<style class="in-text"><citation><layout/>'
                                             '</citation></style>'))
    assert not bare.note_style and bare.substitute is None and not bare.has_bibliography
    assert bare.collapse == CollapseOptions(None, "") and not bare.disamb.condition
