"""Citations as users write them (issue 8): pandoc's syntax read by ``parse_clusters``, cite
items with locators, prefixes, suffixes and author flags through ``render_citations`` and
``citeconv cite``. Expected clusters are citeproc-js 2.4.63's ``makeCitationCluster`` output for
the same items (first citations)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from citeconv.cli import main
from citeconv.render import CiteSyntaxError, RenderError, parse_clusters, render_citations
from conftest import ROOT

LISTING = ROOT / "examples" / "arxiv-listing.txt"


@pytest.mark.parametrize("text, clusters", [
    ("[see @smith2020, p. 33; @doe2019]",
     [[{"id": "smith2020", "prefix": "see ", "label": "page", "locator": "33"}, {"id": "doe2019"}]]),
    ("see @smith2020, p. 33; @doe2019",  # no brackets: one cluster
     [[{"id": "smith2020", "prefix": "see ", "label": "page", "locator": "33"}, {"id": "doe2019"}]]),
    ("[@a, chap. 2] [@b, sec. 3.2]; [@c, § 4]",
     [[{"id": "a", "label": "chapter", "locator": "2"}], [{"id": "b", "label": "section",
                                                           "locator": "3.2"}],
      [{"id": "c", "label": "section", "locator": "4"}]]),
    ("[-@doe, pp. 33-35, 40 and elsewhere]",
     [[{"id": "doe", "suppress-author": True, "label": "page", "locator": "33-35, 40",
        "suffix": " and elsewhere"}]]),
    ("[@doe, 33]", [[{"id": "doe", "label": "page", "locator": "33"}]]),
    ("[@doe, and more]", [[{"id": "doe", "suffix": ", and more"}]]),
    ("[@doe, civil law]", [[{"id": "doe", "suffix": ", civil law"}]]),  # not a roman numeral
    ("[@doe p. iv]", [[{"id": "doe", "label": "page", "locator": "iv"}]]),
    ("[@doe, Fig. 3b; @x, vol. II, p. 3]",
     [[{"id": "doe", "label": "figure", "locator": "3b"},
       {"id": "x", "label": "volume", "locator": "II", "suffix": ", p. 3"}]]),
    ("[@doe, s.v. Apple, more]",
     [[{"id": "doe", "label": "sub-verbo", "locator": "Apple", "suffix": ", more"}]]),
    ("[@{odd key}, {pp. iv, vi-xi, (xv)-(xvii)} with suffix]",
     [[{"id": "odd key", "label": "page", "locator": "iv, vi-xi, (xv)-(xvii)",
        "suffix": " with suffix"}]]),
    ("[@doe.]", [[{"id": "doe", "suffix": "."}]]),  # a key does not end with punctuation
    ("[mail me@example.org about @doe]",                # an @ inside a word is not a key
     [[{"id": "doe", "prefix": "mail me@example.org about "}]]),
    ("a,b;c", [[{"id": "a"}, {"id": "b"}], [{"id": "c"}]]),  # the original syntax, unchanged
])
def test_parse_clusters(text, clusters):
    assert parse_clusters(text) == clusters


@pytest.mark.parametrize("text, message", [
    ("[@doe", "unclosed '['"),
    ("[@doe] and [@x]", "text outside [...]"),
    ("[see; @doe]", "no @key in 'see'"),
    ("[doe2019]", "no @key in '[doe2019]'"),
])
def test_parse_errors_name_the_text(text, message):
    with pytest.raises(CiteSyntaxError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse_clusters(text)


def _items():
    from citeconv import api
    from citeconv.keys import assign_keys_reported
    records, _ = assign_keys_reported(api.read(LISTING.read_text(encoding="utf-8")).records)
    return [r.to_csl() for r in records]


CLUSTERS = [
    [{"id": "vaswani2017attention", "prefix": "see ", "locator": "33", "label": "page"},
     {"id": "devlin2018bert"}],
    [{"id": "vaswani2017attention", "locator": "2", "label": "chapter"}],
    [{"id": "zoph2022stmoe", "locator": "33-35", "label": "page", "suffix": " and elsewhere",
      "suppress-author": True}],
    [{"id": "devlin2018bert"}, {"id": "zoph2022stmoe", "suppress-author": True}],
    [{"id": "zoph2022stmoe", "author-only": True}],
    [{"id": "devlin2018bert", "locator": "3", "label": "section"},
     {"id": "zoph2022stmoe", "locator": "iv", "label": "figure", "prefix": "cf. "}],
]


def test_render_citations_apa_like_citeproc_js():
    out = render_citations(_items(), CLUSTERS, "apa")
    assert out.entries == (
        "(Devlin et al., 2018; see Vaswani et al., 2017, p. 33)",
        "(Vaswani et al., 2017, Chapter 2)",
        "(2022, pp. 33–35 and elsewhere)",
        "(Devlin et al., 2018; 2022)",
        "Zoph et al.",
        "(Devlin et al., 2018, Section 3; cf. Zoph et al., 2022, Figure iv)")
    assert (out.errors, out.warnings) == ((), ())
    assert out.ids[0] == "vaswani2017attention,devlin2018bert"


def test_render_citations_ieee_like_citeproc_js():
    out = render_citations(_items(), CLUSTERS, "ieee")
    assert out.entries == ("see [1, p. 33], [3]", "[1, Ch. 2]", "[2, pp. 33–35] and elsewhere",
                           "[2], [3]", "", "cf. [2, Fig. iv], [3, Sec. 3]")
    # IEEE cites have no names: author-only prints nothing (citeproc-js: [NO_PRINTED_FORM])
    assert out.errors == (RenderError("zoph2022stmoe", "ieee", "it renders nothing in this style "
                                      "(no printed form)", "citation"),)


def test_render_citations_note_style_like_citeproc_js():
    out = render_citations(_items(), [CLUSTERS[0], CLUSTERS[2]], "chicago-notes-bibliography")
    assert out.entries == (
        "see Ashish Vaswani et al., “Attention Is All You Need,” preprint, arXiv, June 12, 2017, "
        "33; Jacob Devlin et al., “BERT: Pre-Training of Deep Bidirectional Transformers for "
        "Language Understanding,” preprint, arXiv, October 11, 2018.",
        "“ST-MoE: Designing Stable and Transferable Sparse Expert Models,” preprint, arXiv, "
        "February 17, 2022, 33–35 and elsewhere.")
    alone = render_citations(_items(), [CLUSTERS[1]], "chicago-notes-bibliography")
    assert alone.entries == ("Ashish Vaswani et al., “Attention Is All You Need,” preprint, "
                             "arXiv, June 12, 2017, chap. 2.",)


def test_ids_and_dicts_mix_and_odd_labels_warn():
    out = render_citations(_items(), [["devlin2018bert", {"id": "zoph2022stmoe", "locator": 7,
                                                          "label": "bogus"}]], "apa")
    # citeproc-js 2.4.63 prints the locator of an unknown label without a label
    assert out.entries == ("(Devlin et al., 2018; Zoph et al., 2022, 7)",)
    assert out.warnings == ("item 'zoph2022stmoe': unknown locator label 'bogus'; the locator is "
                            "printed without a label (as citeproc-js does)",)


# --- the CLI ---------------------------------------------------------------------------------------
def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("style, expected", [
    ("apa", "(Devlin et al., 2018; see Vaswani et al., 2017, p. 33)\n"
            "(Vaswani et al., 2017, Chapter 2)\n(2022, pp. 33–35 and elsewhere)\n"),
    ("ieee", "see [1, p. 33], [3]\n[1, Ch. 2]\n[2, pp. 33–35] and elsewhere\n"),
])
def test_cite_takes_clusters_as_users_write_them(style, expected):
    result = run("cite", "[see @vaswani2017attention, p. 33; @devlin2018bert]",
                 "[@vaswani2017attention, chap. 2]", "[-@zoph2022stmoe, pp. 33-35 and elsewhere]",
                 str(LISTING), "--style", style)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


def test_cite_keys_are_matched_case_insensitively_and_unknown_ones_exit_1():
    ok = run("cite", "[@Devlin2018BERT, p. 2]", str(LISTING))
    assert (ok.exit_code, ok.stdout, ok.stderr) == (0, "(Devlin et al., 2018, p. 2)\n", "")
    bad = run("cite", "[@devlin2018bert; @nope]", str(LISTING))
    assert (bad.exit_code, bad.stdout) == (1, "")
    assert bad.stderr.startswith("citeconv: error: unknown citation key(s): nope; keys in the input")


def test_cite_syntax_error_is_a_usage_error():
    result = run("cite", "[@devlin2018bert", str(LISTING))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Error: unclosed '[' in '[@devlin2018bert'" in result.stderr


def test_cite_help_documents_the_syntax():
    text = run("cite", "--help").stdout
    for needle in ("[see @smith2020, p. 33; @doe2019]", "-@key", "chap.", "'a2020x,b2021y;c2019z'",
                   "Exit codes"):
        assert needle in text, needle


def test_cite_from_csl_json_like_cite_compare(tmp_path):
    refs = tmp_path / "refs.json"
    refs.write_text(json.dumps(_items()), encoding="utf-8")
    result = run("cite", "vaswani2017attention;devlin2018bert,zoph2022stmoe", str(refs),
                 "--from", "csl-json", "--style", "apa", "--to", "html")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == ("(Vaswani et al., 2017)\n(Devlin et al., 2018; Zoph et al., 2022)\n")


@pytest.mark.parametrize("style, expected", [
    ("apa", "(Devlin et al., 2018, Sub verbo Apple)"),
    ("chicago-notes-bibliography", "Jacob Devlin et al., “BERT: Pre-Training of Deep Bidirectional "
     "Transformers for Language Understanding,” preprint, arXiv, October 11, 2018, under Apple."),
])
def test_sub_verbo_prints_its_term_and_matches_its_condition(style, expected):
    for label in ("sub-verbo", "sub verbo"):
        out = render_citations(_items(), [[{"id": "devlin2018bert", "locator": "Apple",
                                            "label": label}]], style)
        assert out.entries == (expected,)
