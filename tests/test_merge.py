"""``citeconv merge``: duplicates by identifiers then fuzzy title/author/year, maybe pairs kept
apart, conflicts reported, a complete key map, \\cite rewriting; merge is idempotent."""
from __future__ import annotations

import json

import pytest

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeconv.merge import merge, rewrite_tex
from citeconv.model import ReadResult, Source
from citeconv.cli import main
from strategies import records as record_strategy

MINE = """@article{vaswani17, author={Vaswani, Ashish and Shazeer, Noam}, title={Attention Is All
  You Need}, journal={NeurIPS}, year=2017}
@book{knuth84, author={Knuth, Donald E.}, title={The {\\TeX}book}, publisher={Addison-Wesley},
  year=1984, isbn={0-201-13447-0}}
@misc{smith2020, author={Smith, Ann}, title={Graph Colouring Revisited}, year=2020}
"""
THEIRS = """@inproceedings{Vaswani2017, author={Ashish Vaswani and Noam Shazeer and Niki Parmar},
  title={Attention is all you need}, booktitle={Advances in NeurIPS}, year={2017},
  doi={10.5555/3295222.3295349}, pages={5998--6008}}
@book{texbook, author={Knuth, D. E.}, title={The TeXbook (Computers and Typesetting A)},
  publisher={Addison-Wesley}, year=1986, isbn={9780201134476}}
@misc{smith2020, author={Smith, Ann}, title={Graph Colouring Revisited Again}, year=2021}
@article{lecun2015, author={LeCun, Yann}, title={Deep learning}, journal={Nature}, year=2015}
"""


def test_merge_cli_dedupes_maps_keys_and_rewrites_tex(tmp_path):
    (tmp_path / "mine.bib").write_text(MINE)
    (tmp_path / "theirs.bib").write_text(THEIRS)
    tex = tmp_path / "paper.tex"
    tex.write_text("% \\cite{Vaswani2017} in a comment is a cite too\n"
                   "See \\citep[p.~3]{Vaswani2017, texbook} and \\textcite{lecun2015}.\n"
                   "\\cite{smith2020}\n")
    out, keymap = tmp_path / "refs.bib", tmp_path / "map.json"
    result = CliRunner().invoke(main, [
        "merge", str(tmp_path / "mine.bib"), str(tmp_path / "theirs.bib"), "-o", str(out),
        "--keymap", str(keymap), "--rewrite-tex", str(tex)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert json.loads(keymap.read_text()) == {
        "Vaswani2017": "vaswani17", "knuth84": "knuth84", "lecun2015": "lecun2015",
        "smith2020": "smith2020", "texbook": "knuth84", "vaswani17": "vaswani17"}
    stderr = result.stderr.replace(str(tmp_path) + "/", "")
    assert stderr.splitlines() == [
        "theirs.bib:1: warning: 'Vaswani2017' and 'vaswani17' at mine.bib:1: merged "
        "(title-author-year, score 100) [merge.duplicate]",
        "theirs.bib:4: warning: 'texbook' and 'knuth84' at mine.bib:3: merged (same-isbn, "
        "score 100) [merge.duplicate]",
        "theirs.bib:6: warning: 'smith2020' and 'smith2020' at mine.bib:5: maybe the same work, "
        "both kept (similar-title, score 89) [merge.maybe]",
        "theirs.bib:1: warning: 'vaswani17': type differs: kept 'article-journal', not "
        "'paper-conference' from theirs.bib:1 [merge.conflict]",
        "theirs.bib:4: warning: 'knuth84': issued differs: kept '1984', not '1986' from "
        "theirs.bib:4 [merge.conflict]",
        "theirs.bib:6: warning: duplicate key 'smith2020' renamed 'smith2020a' [keys.duplicate]",
        "theirs.bib:6: warning: key 'smith2020' names different works in different files; the "
        "key map sends it to 'smith2020' (this one is 'smith2020a'; see the per-file map) "
        "[merge.ambiguous-key]",
        "citeconv: paper.tex: 3 citation key(s) rewritten",
        "citeconv: 7 entries in, 5 works out"]
    bib = out.read_text()
    assert [line for line in bib.splitlines() if line.startswith("@")] == [
        "@article{vaswani17,", "@book{knuth84,", "@misc{smith2020,", "@misc{smith2020a,",
        "@article{lecun2015,"]
    # the more complete value wins: more authors, the longer venue and title
    assert "author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki}," in bib
    assert "journal = {Advances in {NeurIPS}}," in bib and "isbn = {0-201-13447-0}" in bib
    assert "doi = {10.5555/3295222.3295349}," in bib and "pages = {5998--6008}," in bib
    assert tex.read_text() == ("% \\cite{vaswani17} in a comment is a cite too\n"
                               "See \\citep[p.~3]{vaswani17, knuth84} and \\textcite{lecun2015}.\n"
                               "\\cite{smith2020}\n")


def test_rewrite_tex_touches_only_cite_commands():
    text = ("\\label{a} \\cite{a,b} \\nocite{*} \\parencite*[see][]{b} \\ref{b} "
            "\\cites(all)[p.~{2}]{a}[a]{b} \\citeauthor{ab}")
    assert rewrite_tex(text, {"a": "x", "b": "y"}) == (
        "\\label{a} \\cite{x,y} \\nocite{*} \\parencite*[see][]{y} \\ref{b} "
        "\\cites(all)[p.~{2}]{x}[a]{y} \\citeauthor{ab}", 5)


@settings(max_examples=40, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(record_strategy(key=""), min_size=1, max_size=6),
       st.lists(record_strategy(key=""), max_size=4))
def test_merge_is_idempotent(first, second):
    tag = lambda rs, name: tuple(r.replace(source=Source(name, i + 1)) for i, r in enumerate(rs))
    once = merge([("a", ReadResult(tag(first, "a"))), ("b", ReadResult(tag(first[:2] + second,
                                                                           "b")))])
    again = merge([("m", ReadResult(tag(once.records, "m")))])
    assert again.records == once.records
    assert set(again.keymap.items()) == {(r.id, r.id) for r in once.records}


def _rec(title, family="Smith", year=2020, **fields):
    from citeconv.model import Date, Name, Record
    return Record(id="", type=fields.pop("type", "paper-conference"), fields={
        "title": title, "author": (Name(family, "A"),), "issued": Date(((year,),)), **fields})


@pytest.mark.parametrize("a, b, verdict", [
    (_rec("X", DOI="10.1000/A"), _rec("Y", DOI="https://doi.org/10.1000/a"), ("duplicate", "same-doi")),
    (_rec("Same", DOI="10.1000/a"), _rec("Same", DOI="10.1000/b"), ("distinct", "different-doi")),
    (_rec("T", type="book", ISBN="0-201-13447-0"), _rec("U", type="book", ISBN="9780201134476"),
     ("duplicate", "same-isbn")),
    (_rec("T", type="chapter", ISBN="9780201134476"), _rec("U", type="chapter",
                                                            ISBN="9780201134476"),
     ("distinct", "different-work")),  # chapters of one book share its ISBN
    (_rec("Graph Colouring"), _rec("Graph coloring."), ("duplicate", "title-author-year")),
    (_rec("Graph Colouring"), _rec("Graph Colouring", year=2021),
     ("maybe", "title-author-near-year")),
    (_rec("Proceedings of the Conference (Volume 2: Shared Task Papers)"),
     _rec("Proceedings of the Conference (Volume 3: Shared Task Papers)"),
     ("maybe", "title-numbers-differ")),
    (_rec("Proceedings of the 13th International Conference on Computational Semantics - Student Papers"),
     _rec("Proceedings of the 13th International Conference on Computational Semantics - Short Papers"),
     ("maybe", "title-words-differ")),
    (_rec("Adversarial Attack on Sentiment Models", **{"container-title": "BlackboxNLP"}),
     _rec("Adversarial Attack on Sentiment Models", **{"container-title": "Widening NLP"}),
     ("maybe", "title-author-year-other-venue")),
    (_rec("Graph Colouring"), _rec("Graph Colouring", family="Jones"),
     ("distinct", "different-work")),
])
def test_compare_rules(a, b, verdict):
    from citeconv.match import compare
    found = compare(a, b)
    assert (found.kind, found.rule) == verdict
    assert (compare(b, a).kind, compare(b, a).rule) == verdict  # symmetric


REALBIB = __import__("conftest").ROOT.parent / "shared" / "realbib"


@pytest.mark.skipif(not (REALBIB / "biber-examples.bib").exists(), reason="needs ../shared")
def test_merge_two_overlapping_real_files_loses_nothing_and_maps_every_key():
    """biblatex's examples and biber's test file share most entries: merged, no work is left
    twice, every old key maps to a key of the output, and every field of every input entry is
    in its merged entry (values that differ are reported conflicts)."""
    from citeconv import api
    from citeconv.match import DUPLICATE, duplicate_groups
    results = [(p.name, api.read(p.read_text(encoding="utf-8"), "bibtex", p.name))
               for p in (REALBIB / "biblatex-examples.bib", REALBIB / "biber-examples.bib")]
    merged = merge(results)
    out = {r.id: r for r in merged.records}
    assert len(out) == len(merged.records)
    assert [v for *_, v in duplicate_groups(list(merged.records))[1] if v.kind == DUPLICATE] == []
    for name, result in results:
        seen = set()
        for record in result.records:
            if record.id in seen:  # a key repeated in one file: the map follows the first
                continue
            seen.add(record.id)
            new = out[merged.keymap_by_file[name][record.id]]
            for field in list(record.fields) + list(record.extra):
                assert field in new.fields or field in new.extra, (record.id, field)
    assert set(merged.keymap) == {r.id for _, res in results for r in res.records}
    assert set(merged.keymap.values()) <= set(out)
    assert len(merged.records) < sum(len(res.records) for _, res in results)
