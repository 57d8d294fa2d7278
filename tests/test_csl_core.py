"""citeconv.csl core evaluator: exact entries in apa and ieee (expected texts as citeproc-js 2.4
renders them), failing items as warnings, locale terms and ordinals, output seams."""
from __future__ import annotations

from citeconv.csl import engine, output, style

SHANNON = {"id": "shannon1948", "type": "article-journal",
           "title": "A Mathematical Theory of Communication",
           "author": [{"family": "Shannon", "given": "Claude E."}],
           "container-title": "Bell System Technical Journal", "volume": "27", "issue": "3",
           "page": "379-423", "issued": {"date-parts": [[1948, 7]]},
           "DOI": "10.1002/j.1538-7305.1948.tb01338.x"}
HINTON = {"id": "hinton2006", "type": "article-journal",
          "title": "A Fast Learning Algorithm for Deep Belief Nets",
          "author": [{"family": "Hinton", "given": "Geoffrey E."},
                     {"family": "Osindero", "given": "Simon"}, {"family": "Teh", "given": "Yee-Whye"}],
          "container-title": "Neural Computation", "volume": "18", "issue": "7",
          "page": "1527-1554", "issued": {"date-parts": [[2006, 7]]}}
BOOK = {"id": "knuth1984", "type": "book", "title": "The TeXbook",
        "author": [{"family": "Knuth", "given": "Donald E."}], "publisher": "Addison-Wesley",
        "issued": {"date-parts": [[1984]]}}


def test_apa_entries_exact() -> None:
    r = engine.render_bibliography([SHANNON, HINTON, BOOK], style="apa")
    assert r.entries == (
        "Hinton, G. E., Osindero, S., & Teh, Y.-W. (2006). A Fast Learning Algorithm for Deep "
        "Belief Nets. Neural Computation, 18(7), 1527–1554.",
        "Knuth, D. E. (1984). The TeXbook. Addison-Wesley.",
        "Shannon, C. E. (1948). A Mathematical Theory of Communication. Bell System Technical "
        "Journal, 27(3), 379–423. https://doi.org/10.1002/j.1538-7305.1948.tb01338.x",
    )
    assert r.ids == ("hinton2006", "knuth1984", "shannon1948")
    assert r.warnings == ()


def test_ieee_entries_exact_and_html() -> None:
    r = engine.render_bibliography([SHANNON, HINTON], style="ieee")
    assert r.entries == (
        "[1] C. E. Shannon, “A Mathematical Theory of Communication,” Bell System Technical "
        "Journal, vol. 27, no. 3, pp. 379–423, Jul. 1948, doi: 10.1002/j.1538-7305.1948.tb01338.x.",
        "[2] G. E. Hinton, S. Osindero, and Y.-W. Teh, “A Fast Learning Algorithm for Deep Belief "
        "Nets,” Neural Computation, vol. 18, no. 7, pp. 1527–1554, Jul. 2006.",
    )
    h = engine.render_bibliography([BOOK], style="ieee", fmt="html")
    assert h.entries == ('<div class="csl-left-margin">[1]</div><div class="csl-right-inline">'
                         "D. E. Knuth, <i>The TeXbook</i>. Addison-Wesley, 1984.</div>",)


def test_year_suffix_for_same_author_year() -> None:
    a = dict(BOOK, id="k1")
    b = dict(BOOK, id="k2", title="The METAFONTbook")
    r = engine.render_bibliography([a, b], style="apa")
    assert r.entries == ("Knuth, D. E. (1984a). The METAFONTbook. Addison-Wesley.",
                         "Knuth, D. E. (1984b). The TeXbook. Addison-Wesley.")


def test_unusable_values_are_warnings_naming_the_item() -> None:
    bad = dict(BOOK, id="odd", author="Knuth", issued={"date-parts": [["x"]]})
    r = engine.render_bibliography([bad], style="apa")
    assert r.ids == ("odd",)
    # the shared item preparation repairs a name given as a string and names what it drops
    assert r.warnings == ("item 'odd': issued ignored: not a date ({'date-parts': [['x']]})",)
    assert r.entries == ("Knuth. (n.d.). The TeXbook. Addison-Wesley.",)


def test_locale_terms_ordinals_and_style_override() -> None:
    loc = style.load("apa").locale
    assert [loc.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "111th"]
    assert loc.term("editor", "short", plural=True) == "eds."
    assert loc.term("editor", "verb-short") == "ed. by"
    de = style.load("apa", "de-DE").locale
    assert de.term("and") == "und"


def test_seams_merge_punctuation() -> None:
    assert output.join(["Title?", "."]) == "Title?"
    assert output.join(["Ed.", ". Next"]) == "Ed. Next"
    assert output.affix("x", " (", ")") == " (x)"
    assert output.join(["a", "", "b"], ", ") == "a, b"
