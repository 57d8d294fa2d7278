"""Exact-output golden tests for citeconv.render against citeproc-js.

``tests/golden/render/items.csl.json`` holds 16 corpus items; ``<style>.<fmt>.json`` holds, for
the entries where we match, citeproc-js 2.4.63's output for those items (taken from
``csl-bench/reference``: same style files, same locales). Entries are compared with whitespace
runs collapsed, as compare.py does.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeconv.render import render_bibliography, render_citations

HERE = Path(__file__).parent / "golden" / "render"
ITEMS = json.loads((HERE / "items.csl.json").read_text(encoding="utf-8"))
CASES = sorted(p.name[: -len(".json")] for p in HERE.glob("*.*.json")
               if p.name != "items.csl.json" and not p.name.endswith(".citations.json"))
CITATIONS = sorted(p.name[: -len(".citations.json")] for p in HERE.glob("*.citations.json"))


def _norm(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("case", CASES)
def test_matches_citeproc_js(case: str) -> None:
    golden = json.loads((HERE / f"{case}.json").read_text(encoding="utf-8"))
    expected = golden["expected"]
    assert len(expected) >= 8
    out = render_bibliography(ITEMS, golden["style"], golden["format"])
    got = dict(zip(out.ids, out.entries))
    assert not out.warnings
    for item_id, entry in expected.items():
        assert _norm(got[item_id]) == _norm(entry), item_id


@pytest.mark.parametrize("style", CITATIONS)
def test_single_item_citations_match_citeproc_js(style: str) -> None:
    golden = json.loads((HERE / f"{style}.citations.json").read_text(encoding="utf-8"))
    ids = [it["id"] for it in ITEMS]
    out = render_citations(ITEMS, [[i] for i in ids], style, "text")
    got = dict(zip(ids, out.entries))
    assert len(golden["expected"]) >= 8
    for item_id, cite in golden["expected"].items():
        assert _norm(got[item_id]) == _norm(cite), item_id


def test_text_entries_are_single_lines() -> None:
    out = render_bibliography(ITEMS, "apa", "text")
    assert len(out.entries) == len(ITEMS) == len(out.ids)
    assert all("\n" not in e and e == e.strip() for e in out.entries)


def test_year_suffixes_and_particles_in_apa() -> None:
    out = render_bibliography(ITEMS, "apa", "text")
    got = dict(zip(out.ids, out.entries))
    assert "(2016a)" in got["he2016deep"] and "(2016b)" in got["he2016identity"]
    assert got["daspremont2007direct"].startswith("d’Aspremont, A.")
    assert got["qian1947weicheng"].startswith("钱钟书. (1947).")
