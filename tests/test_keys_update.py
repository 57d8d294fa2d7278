"""Issue 11 (keys that never change, --update) and issue 9 item 4 (usable keys from the API)."""
from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citeconv
from citeconv import api, keyformat
from citeconv.keys import assign_keys, content_order
from citeconv.model import Date, Name, Record
from strategies import records as record_strategy

VASWANI = Record(id="", type="paper-conference", fields={
    "author": (Name("Vaswani", "Ashish"), Name("Shazeer", "Noam"), Name("Parmar", "Niki")),
    "title": "Attention Is All You Need", "issued": Date(((2017, 6, 12),)),
    "container-title": "Advances in Neural Information Processing Systems",
    "container-title-short": "NIPS", "publisher": "arXiv", "number": "1706.03762"})
SETTINGS = settings(max_examples=60, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name, default, description, example", keyformat.TOKENS)
def test_each_token_gives_the_example_its_help_line_shows(name, default, description, example):
    assert keyformat.compile_format(f"{{{name}}}").render(VASWANI) == example


def test_capitalised_tokens_literals_and_bad_formats():
    fmt = keyformat.compile_format("{Family}:{year}-{Words:2}")
    assert fmt.render(VASWANI) == "Vaswani:2017-AttentionAll"
    assert keyformat.compile_format("{authors:1}{yy}").render(VASWANI) == "vaswanietal17"
    with pytest.raises(ValueError, match=r"unknown key-format token \{auth\}.*known: family"):
        keyformat.compile_format("{auth}{year}")
    with pytest.raises(ValueError, match="characters a citation key should not hold"):
        keyformat.compile_format("{family} {year}")
    with pytest.raises(ValueError, match="takes no number"):
        keyformat.compile_format("{year:2}")


def test_keys_are_ascii_folded():
    record = Record(id="", type="book", fields={"author": (Name("Łukasiewicz", "Jan"),),
                                                "title": "Über Straße", "issued": Date(((1951,),))})
    assert assign_keys([record])[0].id == "lukasiewicz1951uber"


def test_clashing_keys_are_decided_by_date_then_title_not_input_order():
    def rec(title, month):
        return Record(id="", type="article-journal", fields={
            "author": (Name("Smith", "A"),), "title": title, "issued": Date(((2020, month),))})
    a, b, c = rec("Graphs I", 5), rec("Graphs II", 2), rec("Graphs III", 2)
    for order in ([a, b, c], [c, b, a], [b, a, c]):
        keys = {r.get("title"): r.id for r in assign_keys(order)}
        assert keys == {"Graphs II": "smith2020graphs", "Graphs III": "smith2020graphsa",
                        "Graphs I": "smith2020graphsb"}


@SETTINGS
@given(st.lists(record_strategy(key=""), min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_keys_unique_deterministic_and_independent_of_input_order(records, rnd):
    first = assign_keys(records)
    shuffled = list(records)
    rnd.shuffle(shuffled)
    second = assign_keys(shuffled)
    assert len({r.id.lower() for r in first}) == len(first)
    assert assign_keys(records) == first
    assert sorted((content_order(r), r.id) for r in first) == \
        sorted((content_order(r), r.id) for r in second)


def test_zotero_uri_ids_get_generated_keys_kept_in_ids_and_reported():
    data = json.dumps([{"id": "http://zotero.org/users/1/items/ABCD", "type": "book",
                        "title": "The Art of Computer Programming",
                        "author": [{"family": "Knuth", "given": "Donald"}],
                        "issued": {"date-parts": [[1968]]}}])
    result = api.read(data, "csl-json", "lib.json", keys=True)
    assert [r.id for r in result.records] == ["knuth1968art"]
    assert result.records[0].extra["ids"] == "http://zotero.org/users/1/items/ABCD"
    assert [d.format() for d in result.diagnostics] == [
        "lib.json:1: warning: id 'http://zotero.org/users/1/items/ABCD' is not usable as a "
        "citation key; key 'knuth1968art' generated (the id kept in 'ids') [keys.unusable]"]
    bib = citeconv.write(result.records)
    assert citeconv.write(api.read(data, "csl-json").records) == bib  # write keys it the same way
    assert bib.startswith("@book{knuth1968art,\n") and \
        "  ids = {http://zotero.org/users/1/items/ABCD},\n" in bib


def test_read_then_write_of_a_listing_gives_usable_keys():
    text = ("CLJun 12, 2017\nAttention Is All You NeedAshish Vaswani, Noam Shazeer\nWe use "
            "attention only.\n")
    records = citeconv.read(text, "arxiv", keys=True).records
    assert [r.id for r in records] == ["vaswani2017attention"]
    unkeyed = citeconv.read(text, "arxiv").records
    assert [r.id for r in unkeyed] == [""]
    assert citeconv.write(unkeyed).startswith("@misc{vaswani2017attention,")


EXISTING = """% My bibliography: keep this comment
@string{nips = {Advances in Neural Information Processing Systems}}

@inproceedings{Vaswani17,
  author    = {Vaswani, Ashish and Shazeer, Noam},
  title     = {Attention is All you Need},
  booktitle = nips,
  year      = 2017,
  mylabel   = {read},
}

@article{knuth84, author={Knuth, Donald E.}, title={Literate Programming},
  journal={The Computer Journal}, year={1984}, doi={10.1093/comjnl/27.2.97}}
"""


def _new(*records):
    return [Record(id="", type=t, fields=f) for t, f in records]


def test_update_merges_same_work_appends_new_and_keeps_every_byte_of_the_file():
    new = _new(("article-journal", {"title": "Literate programming", "author": (
        Name("Knuth", "Donald"),), "issued": Date(((1984,),)), "DOI": "10.1093/COMJNL/27.2.97",
        "volume": "27", "page": "97-111"}),
        ("paper-conference", {"title": "Attention Is All You Need.", "author": (
            Name("Vaswani", "A."),), "issued": Date(((2017,),)), "URL": "https://arxiv.org/abs/1706.03762"}),
        ("article-journal", {"title": "Deep learning", "author": (Name("LeCun", "Yann"),),
                             "issued": Date(((2015,),)), "container-title": "Nature"}))
    result = api.update(EXISTING, new, filename="refs.bib")
    assert result.text == EXISTING.replace(
        "  mylabel   = {read},", "  mylabel   = {read},\n  url = {https://arxiv.org/abs/1706.03762},"
    ).replace("doi={10.1093/comjnl/27.2.97}", "doi={10.1093/comjnl/27.2.97},\n  volume = {27},"
              "\n  pages = {97--111}").rstrip("\n") + (
        "\n\n@article{lecun2015deep,\n  author = {LeCun, Yann},\n  title = {Deep learning},\n"
        "  journal = {Nature},\n  year = {2015},\n}\n")
    assert result.added == ("lecun2015deep",)
    assert result.merged == (("knuth84", ("volume", "pages")), ("Vaswani17", ("url",)))
    assert [d.code for d in result.diagnostics] == ["update.merged", "update.merged",
                                                     "update.added"]
    again = api.update(result.text, new, filename="refs.bib")
    assert again.text == result.text and not again.changed


def test_update_reports_conflicts_and_maybe_matches_without_merging_them():
    new = _new(("article-journal", {"title": "Literate Programming", "author": (
        Name("Knuth", "D."),), "issued": Date(((1984,),)), "DOI": "10.1093/comjnl/27.2.97",
        "container-title": "Comput. J."}),
        ("paper-conference", {"title": "Attention is all you need", "author": (
            Name("Vaswani", "Ashish"),), "issued": Date(((2018,),))}))
    result = api.update(EXISTING, new, filename="refs.bib")
    assert [d.format() for d in result.diagnostics] == [
        "refs.bib:12: warning: knuth84: container-title differs: kept 'The Computer Journal', "
        "new input has 'Comput. J.' [update.conflict]",
        "refs.bib: warning: new entry 'Attention is all you need' may be 'Vaswani17' "
        "(title-author-near-year, score 100); added as a new entry [update.maybe]",
        "refs.bib: warning: added vaswani2018attention (Attention is all you need) [update.added]"]
    assert result.added == ("vaswani2018attention",)


@SETTINGS
@given(st.lists(record_strategy(key=""), min_size=1, max_size=5),
       st.lists(record_strategy(key=""), min_size=1, max_size=5))
def test_update_with_the_same_input_twice_changes_nothing(old, new):
    existing = citeconv.write(old)
    once = api.update(existing, new)
    twice = api.update(once.text, new)
    assert twice.text == once.text
    assert twice.added == ()


def test_update_refuses_a_file_whose_braces_do_not_balance():
    from citeconv.update import UpdateError
    existing = "@misc{ok, title={Fine}, year=2020}\n@misc{bad, title={broken\n"
    new = _new(("book", {"title": "Other", "issued": Date(((2001,),))}))
    with pytest.raises(UpdateError, match=r"refs.bib:2: @misc block: braces do not balance "
                       r"\(1 in all\): fix the file first"):
        api.update(existing, new, filename="refs.bib")


def test_update_keeps_an_entry_the_reader_skips_and_says_so():
    existing = "@misc{ok, title={Fine}, year=2020}\n@misc{bad title={T}}\n"
    new = _new(("book", {"title": "Other", "issued": Date(((2001,),))}))
    result = api.update(existing, new, filename="refs.bib")
    assert result.text == existing + "\n@book{2001other,\n  title = {Other},\n  year = {2001},\n}\n"
    assert [d.format() for d in result.diagnostics][:1] == [
        "refs.bib:2: warning: entry skipped: syntax error (starts '@misc{bad title='); check "
        "that braces and quotes balance; kept as it is, but new entries are not matched against "
        "it [update.unreadable]"]
    assert [d.code for d in result.diagnostics] == ["update.unreadable", "update.added"]
