"""Nothing dropped silently (issue 8): item data never makes the renderer raise; what cannot be
rendered is a ``RenderError`` naming the item, the style and the reason, the rest is rendered,
and the CLI exits 3 (``--strict``: 1, nothing written). Expected entries are citeproc-js 2.4.63's
renders of the same items and styles."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeconv.cli import main
from citeconv.render import RenderError, Rendered, render_bibliography, render_citations
from citeconv.csl.engine import isolate

#: family names upper case, given names capitalised: cs:name-part with text-case
TEXT_CASE_CSL = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>name-part text-case</title><id>tc</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><names variable="author"><name form="short">
    <name-part name="family" text-case="uppercase"/></name></names></layout></citation>
  <bibliography><layout><names variable="author"><name>
    <name-part name="family" text-case="uppercase"/><name-part name="given" text-case="capitalize-first"/>
  </name></names><text variable="title" prefix=". "/></layout></bibliography>
</style>
"""
ITEMS = [
    {"id": "qian1947", "type": "book", "title": "围城", "author": [{"family": "钱", "given": "钟书"}],
     "publisher": "晨光出版公司", "issued": {"date-parts": [[1947]]}},
    {"id": "cas1990", "type": "report", "title": "中国科学院年报", "author": [{"literal": "中国科学院"}],
     "issued": {"date-parts": [[1990]]}},
    {"id": "range2020", "type": "article-journal", "title": "A ranged issue",
     "author": [{"family": "Doe", "given": "Jane"}], "container-title": "Journal of Tests",
     "issued": {"date-parts": [[2020, 3], [2020, 4]]}},
    {"id": "conf2019", "type": "paper-conference", "title": "Held over days",
     "author": [{"family": "Roe", "given": "Rick"}], "container-title": "Proceedings of Tests",
     "issued": {"date-parts": [[2019, 6, 3], [2019, 6, 7]]}},
]


@pytest.mark.parametrize("style, expected", [
    ("apa", ["Doe, J. (2020). A ranged issue. Journal of Tests.",
             "Roe, R. (2019, June 3–7). Held over days. Proceedings of Tests.",
             "中国科学院. (1990). 中国科学院年报.",
             "钱钟书. (1947). 围城. 晨光出版公司."]),
    ("ieee", ["[1] 钱钟书, 围城. 晨光出版公司, 1947.",
              "[2] 中国科学院, “中国科学院年报,” 1990.",
              "[3] J. Doe, “A ranged issue,” Journal of Tests, Mar.–Apr. 2020.",
              "[4] R. Roe, “Held over days,” in Proceedings of Tests, Jun. 2019."]),
    ("chicago-author-date", ["Doe, Jane. 2020. “A Ranged Issue.” Journal of Tests, March–April.",
                             "Roe, Rick. 2019. “Held over Days.” Proceedings of Tests, June 3–7.",
                             "中国科学院. 1990. 中国科学院年报.",
                             "钱钟书. 1947. 围城. 晨光出版公司."]),
])
def test_cjk_names_and_date_ranges_render_as_citeproc_js_does(style, expected):
    out = render_bibliography(ITEMS, style)
    assert list(out.entries) == expected
    assert (out.errors, out.warnings) == ((), ())


def test_text_case_on_name_parts(tmp_path):
    path = tmp_path / "tc.csl"
    path.write_text(TEXT_CASE_CSL, encoding="utf-8")
    out = render_bibliography(ITEMS, str(path))
    assert out.entries == ("钱钟书. 围城", "中国科学院. 中国科学院年报", "Jane DOE. A ranged issue",
                           "Rick ROE. Held over days")
    assert out.errors == ()
    cites = render_citations(ITEMS, [["qian1947"], ["range2020"]], str(path))
    assert (cites.entries, cites.errors) == (("钱", "DOE"), ())


@pytest.mark.parametrize("issued, expected", [
    ({"date-parts": [["2020", "xx"]]}, "Doe, J. (2020). T."),
    ({"date-parts": [[2020, 13]]}, "Doe, J. (2020). T."),              # month 13 is spring
    ({"raw": "2020-03/2020-04"}, "Doe, J. (2020). T."),
    ("2019", "Doe, J. (2019). T."),                                    # a string, read like raw
    ([2019], "Doe, J. (n.d.). T."),                                    # not a date: a warning
    ({"date-parts": [[2019], []]}, "Doe, J. (2019–). T."),             # open range
])
def test_odd_dates_are_repaired_or_reported(issued, expected):
    item = {"id": "a", "type": "article", "title": "T", "author": [{"family": "Doe", "given": "J"}],
            "issued": issued}
    out = render_bibliography([item], "apa")
    assert out.entries == (expected,)
    assert out.errors == ()
    assert out.warnings == {
        str([2019]): ("item 'a': issued ignored: not a date ([2019])",),
        str({"date-parts": [["2020", "xx"]]}): ("item 'a': issued: date part 'xx' ignored",),
    }.get(str(issued), ())


def test_odd_names_and_values_are_repaired():
    item = {"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]},
            "author": [{}, {"family": ""}, {"family": 42, "given": True}, "Royal Society"],
            "editor": "not a list", "volume": ["1"], "custom": {"kept": "out"}, "language": 7}
    out = render_bibliography([item], "apa")
    # names with no part dropped; a number is text; a string is one literal name; the list in
    # a CSL variable is reported, the object in a non-CSL key ("custom") ignored
    assert out.entries == ("42 & Royal Society. (2001). T (not a list, Ed.).",)
    assert out.warnings == ("item 'a': volume ignored: not text or a number (['1'])",)
    assert out.errors == ()


def test_an_item_with_no_printed_form_is_left_out_with_a_warning_and_the_rest_renders():
    # citeproc-js leaves such an entry out of the bibliography; we do too, and say so
    items = [{"id": "empty", "type": "book"}, ITEMS[2]]
    out = render_bibliography(items, "modern-language-association")
    assert out.entries == ("Doe, Jane. “A Ranged Issue.” Journal of Tests, Mar.–Apr. 2020.",)
    assert out.ids == ("range2020",)
    reason = "the style prints nothing for it (no printed form; left out, as citeproc-js does)"
    assert out.errors == (RenderError("empty", "modern-language-association", reason,
                                      empty=True),)
    assert str(out.errors[0]) == ("item 'empty' not rendered in style "
                                  f"'modern-language-association': {reason}")


def test_a_failure_over_the_whole_bibliography_is_found_per_item():
    def render(items):
        if any(i["id"] == "bad" for i in items):
            raise ValueError("boom")
        return Rendered(tuple(i["id"].upper() for i in items), tuple(i["id"] for i in items), ())

    out = isolate(render, [{"id": "a"}, {"id": "bad"}, {"id": "c"}], "s")
    assert out.entries == ("A", "C") and out.ids == ("a", "c")
    assert out.errors == (RenderError("bad", "s", "the renderer failed on it (ValueError: boom)"),)


# --- the renderer never raises on item data (fuzzed) ---------------------------------------------
EXAMPLES = int(os.environ.get("CITECONV_FUZZ_EXAMPLES", "0"))
STYLES = ["apa", "ieee", "chicago-author-date", "modern-language-association",
          "chicago-notes-bibliography"]
_text = st.text(alphabet="abcXYZ éü钱钟书 .,-'\"<>&:;0129()[]", max_size=10)
_value = st.one_of(_text, st.integers(-10, 10**6), st.none(), st.booleans(), st.just(["a"]),
                   st.just({"x": 1}))
_name = st.dictionaries(st.sampled_from(["family", "given", "literal", "non-dropping-particle",
                                         "dropping-particle", "suffix", "comma-suffix",
                                         "parse-names"]), _value, max_size=4)
_part = st.one_of(st.integers(-3000, 3000), st.sampled_from(["2020", "xx", "", "13", "0"]),
                  st.none(), st.floats(allow_nan=False, allow_infinity=False, width=16))
_date = st.one_of(
    st.fixed_dictionaries({"date-parts": st.lists(st.lists(_part, max_size=4), max_size=3)},
                          optional={"season": _value, "circa": _value}),
    st.fixed_dictionaries({"raw": st.sampled_from(["2020-03/2020-04", "2020-03-04/05", "2020/2019",
                                                   "spring 2020", "2020-13-40", "", "-44"])}),
    st.fixed_dictionaries({"literal": _value}), _text, st.none(), st.just([]))
_item = st.fixed_dictionaries(
    {"type": st.sampled_from(["article-journal", "book", "chapter", "paper-conference", "thesis",
                              "report", "webpage", "legal_case", "patent", "broadcast",
                              "dataset", "weird"])},
    optional={"author": st.one_of(st.lists(_name, max_size=3), _text),
              "editor": st.lists(_name, max_size=2), "issued": _date, "accessed": _date,
              "event-date": _date, "title": _value, "container-title": _value, "page": _value,
              "volume": _value, "language": _value, "number": _value, "publisher": _value})
_cite = st.fixed_dictionaries({}, optional={
    "locator": st.one_of(_text, st.integers(0, 99)), "prefix": _text, "suffix": _text,
    "label": st.sampled_from(["page", "chapter", "sub-verbo", "verse", "bogus", ""]),
    "suppress-author": st.booleans(), "author-only": st.booleans()})


@pytest.fixture(scope="module")
def text_case_style(tmp_path_factory):
    path = tmp_path_factory.mktemp("styles") / "tc.csl"
    path.write_text(TEXT_CASE_CSL, encoding="utf-8")
    return str(path)


@settings(max_examples=EXAMPLES or 100, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_item, min_size=1, max_size=3), st.lists(_cite, min_size=3, max_size=3))
def test_any_csl_json_renders_or_is_an_error_with_a_reason(text_case_style, items, cites):
    for n, item in enumerate(items):
        item["id"] = f"i{n}"
    ids = {i["id"] for i in items}
    for style in STYLES + [text_case_style]:
        out = render_bibliography(items, style)
        assert set(out.ids) | {e.id for e in out.errors} == ids
        assert all(e.empty and "no printed form" in e.reason for e in out.errors), out.errors
        assert not any("None" in e for e in out.entries)
        clusters = [[i["id"]] for i in items] + [[dict(c, id=i["id"]) for c, i in zip(cites, items)]]
        cited = render_citations(items, clusters, style)
        assert len(cited.entries) == len(clusters)
        assert all("no printed form" in e.reason for e in cited.errors), cited.errors


# --- the CLI: stdout, stderr and exit code -------------------------------------------------------
MIXED = json.dumps([{"id": "empty", "type": "book"},
                    {"id": "doe2020", "type": "book", "title": "A Book",
                     "author": [{"family": "Doe", "given": "Jane"}],
                     "issued": {"date-parts": [[2020]]}}])
NOTHING = ("the style prints nothing for it (no printed form; left out, as citeproc-js does)")
MLA_WARNING = ("<stdin>:1: warning: item 'empty' not rendered in style "
               f"'modern-language-association': {NOTHING} [render.no-printed-form]\n")


def run(*args, input=None):  # noqa: A002
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_bib_with_a_date_range_and_a_cjk_name_renders(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{range2020, title={A ranged issue}, author={Doe, Jane},\n"
                   "  date={2020-03/2020-04}, journal={Journal of Tests}}\n"
                   "@book{qian1947, title={围城}, author={钱, 钟书}, year=1947, publisher={P}}\n",
                   encoding="utf-8")
    style = tmp_path / "tc.csl"
    style.write_text(TEXT_CASE_CSL, encoding="utf-8")
    for name, expected in [
        ("ieee", "[1] J. Doe, “A ranged issue,” Journal of Tests, Mar.–Apr. 2020.\n"
                 "[2] 钱钟书, 围城. P, 1947.\n"),
        (str(style), "Jane DOE. A ranged issue\n钱钟书. 围城\n"),
    ]:
        result = run("convert", str(bib), "--to", "text", "--style", name, "--strict")
        assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


def test_convert_warns_of_an_entry_the_style_prints_nothing_for_and_exits_0():
    # citeproc-js and pandoc leave such an entry out of a bibliography without a word
    result = run("convert", "--from", "csl-json", "--to", "text", "--style",
                 "modern-language-association", "-", input=MIXED)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "Doe, Jane. A Book. 2020.\n", MLA_WARNING)


def test_convert_strict_writes_nothing_and_exits_1(tmp_path):
    out = tmp_path / "out.txt"
    result = run("convert", "--from", "csl-json", "--to", "html", "--style",
                 "modern-language-association", "--strict", "-o", str(out), "-", input=MIXED)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == MLA_WARNING + ("citeconv: error: some entries could not be rendered and "
                                         "--strict is set; nothing written\n")
    assert not out.exists()


def test_cite_reports_a_citation_with_no_printed_form_and_exits_3(tmp_path):
    style = tmp_path / "tc.csl"
    style.write_text(TEXT_CASE_CSL, encoding="utf-8")
    refs = tmp_path / "refs.json"
    refs.write_text(MIXED, encoding="utf-8")
    error = (f"{refs}:1: error: citation 'empty' not rendered in style '{style}': it renders "
             "nothing in this style (no printed form) [render.not-rendered]\n")
    result = run("cite", "[@empty]", "[@doe2020, p. 4]", str(refs), "--style", str(style))
    assert (result.exit_code, result.stdout, result.stderr) == (3, "\nDOE\n", error)
    strict = run("cite", "[@empty]", "[@doe2020]", str(refs), "--style", str(style), "--strict")
    assert (strict.exit_code, strict.stdout) == (1, "")
    assert strict.stderr == error + ("citeconv: error: some citations could not be rendered and "
                                     "--strict is set; nothing printed\n")


def test_the_python_api_reports_unrendered_records_too():
    import warnings

    import citeconv
    text, diagnostics = citeconv.convert(MIXED, "text", "csl-json",
                                         style="modern-language-association")
    assert text == "Doe, Jane. A Book. 2020.\n"
    assert [d.format() for d in diagnostics] == [
        "<input>:1: warning: item 'empty' not rendered in style 'modern-language-association': "
        f"{NOTHING} [render.no-printed-form]"]
    records = citeconv.read(MIXED, "csl-json").records
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert citeconv.write(records, "text", style="modern-language-association") == text
    assert [str(w.message) for w in caught] == [
        f"item 'empty' not rendered in style 'modern-language-association': {NOTHING}"]


def test_a_style_with_no_bibliography_renders_nothing_and_exits_1(tmp_path):
    style = tmp_path / "nobib.csl"
    style.write_text(TEXT_CASE_CSL.replace(TEXT_CASE_CSL[TEXT_CASE_CSL.index("  <bibliography>"):
                                                         TEXT_CASE_CSL.index("</style>")], ""),
                     encoding="utf-8")
    result = run("convert", "--from", "csl-json", "--to", "text", "--style", str(style), "-",
                 input=MIXED)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"citeconv: error: nothing rendered in style '{style}': the style has no bibliography "
        f"(use `cite`)\nciteconv: error: no entry could be rendered in style '{style}' (see the "
        "errors above)\n")


def test_a_cite_with_no_printed_form_inside_a_cluster_is_reported(tmp_path):
    style = tmp_path / "tc.csl"
    style.write_text(TEXT_CASE_CSL, encoding="utf-8")
    items = json.loads(MIXED)
    out = render_citations(items, [["empty", "doe2020"], ["doe2020"]], str(style))
    assert out.entries == ("DOE", "DOE")
    assert out.errors == (RenderError("empty", str(style), "it renders nothing in this style "
                                      "(no printed form)", "citation"),)
