"""The "Last, First" author-export reader: golden cases, diagnostics, detection, robustness.

Golden cases: ``tests/golden/last-first/<case>.txt`` -> ``<case>.csl.json`` (exactly
``[r.to_csl() for r in records]``); ``CITECONV_ACCEPT=1 pytest`` rewrites them for review.
Each case also asserts that ``api.detect`` ranks ``last-first`` first.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import GOLDEN, check_golden
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeconv import api
from citeconv.model import Name, Severity
from citeconv.readers import lastfirst

CASES = sorted((GOLDEN / "last-first").glob("*.txt"))


def _csl_json(text: str) -> str:
    result = lastfirst.read(text)
    return json.dumps([r.to_csl() for r in result.records], ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    check_golden(case.with_suffix(".csl.json"), _csl_json(text))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_detect_ranks_last_first_first(case: Path) -> None:
    scores = api.detect(case.read_text(encoding="utf-8"))
    assert scores[0][0] == "last-first", scores
    assert scores[0][1] >= api.MIN_SCORE and scores[0][1] - scores[1][1] >= api.MIN_LEAD


def _read(name: str):  # type: ignore[no-untyped-def]
    return lastfirst.read((GOLDEN / "last-first" / f"{name}.txt").read_text(encoding="utf-8"))


def test_profile_line_is_metadata_not_an_entry() -> None:
    result = _read("a profile line then papers with abstracts")
    assert result.metadata["profile"] == "Hinton, Geoffrey"
    assert [r.source.line for r in result.records] == [2, 5, 8]


def test_stray_pair_dropped_with_a_warning() -> None:
    result = _read("an organisation with a null given name and a stray pair")
    codes = [(d.code, d.line) for d in result.diagnostics]
    assert codes == [("last-first.stray-pair", 2)]
    assert result.records[0].fields["author"][0] == Name(literal="Gemini Team")
    assert result.records[1].fields["author"][0] == Name(literal="DeepSeek-AI")


def test_duplicate_person_kept_and_reported() -> None:
    result = _read("diacritics and a person listed twice")
    authors = result.records[1].fields["author"]
    assert authors[-1] == authors[-2] == Name(family="Bottou", given="Léon")
    assert [d.code for d in result.diagnostics] == ["last-first.duplicate-author"]


def test_particle_inside_given_part_is_reported() -> None:
    result = _read("particles the export left in the given part")
    assert result.records[1].fields["author"][0] == Name(
        family="d'Autume", given="Cyprien", non_dropping_particle="de Masson")
    assert [d.code for d in result.diagnostics] == ["last-first.particle-split"]


def test_arxiv_stamp_makes_an_arxiv_article() -> None:
    rec = _read("pdf artifacts and an arxiv stamp in the abstract").records[0]
    assert rec.type == "article"
    assert (rec.fields["number"], rec.fields["publisher"]) == ("1711.05101", "arXiv")
    assert rec.fields["URL"] == "https://arxiv.org/abs/1711.05101"
    assert "arXiv:" not in rec.fields["abstract"] and "BSTRACT" not in rec.fields["abstract"]


# ---------------------------------------------------------------- author lines in isolation
AUTHOR_LINES = [
    # (line, expected (family, given, particle, suffix, literal) per name)
    ("Smith, John, Doe, Jane", [("Smith", "John", "", "", ""), ("Doe", "Jane", "", "", "")]),
    ("Smith, J.; Doe, J. M.", [("Smith", "J.", "", "", ""), ("Doe", "J. M.", "", "", "")]),
    ("King, Martin Luther, Jr., Doe, Jane",
     [("King", "Martin Luther", "", "Jr.", ""), ("Doe", "Jane", "", "", "")]),
    ("OpenAI, null, Smith, John", [("", "", "", "", "OpenAI"), ("Smith", "John", "", "", "")]),
    ("von Neumann, John, Lovelace, Ada",
     [("Neumann", "John", "von", "", ""), ("Lovelace", "Ada", "", "", "")]),
    ("Pinto, Henrique Ponde de Oliveira, Oh, Junhyuk",
     [("Pinto", "Henrique Ponde", "de Oliveira", "", ""), ("Oh", "Junhyuk", "", "", "")]),
    ("Hou, Le, Lan, Charline Le",
     [("Hou", "Le", "", "", ""), ("Le Lan", "Charline", "", "", "")]),
    ("Roux, Nicolas Le, Casas, Diego de las",
     [("Le Roux", "Nicolas", "", "", ""), ("Casas", "Diego", "de las", "", "")]),
    ("Colmenarejo, Sergio Gómez, Castro, Pablo Samuel",
     [("Colmenarejo", "Sergio Gómez", "", "", ""), ("Castro", "Pablo Samuel", "", "", "")]),
    ("John Smith, Jane van Doe", [("Smith", "John", "", "", ""), ("Doe", "Jane", "van", "", "")]),
    ("Obando Ceron, Johan Samir, Le Lan, Charline",
     [("Obando Ceron", "Johan Samir", "", "", ""), ("Le Lan", "Charline", "", "", "")]),
    ("NG, Andrew, Ostrow, AJ", [("Ng", "Andrew", "", "", ""), ("Ostrow", "AJ", "", "", "")]),
    ("El-Kishky, Ahmed, O'Connell, Ian",
     [("El-Kishky", "Ahmed", "", "", ""), ("O'Connell", "Ian", "", "", "")]),
    ("Koseki, Shin (Alexandre), Moon, AJung",
     [("Koseki", "Shin (Alexandre)", "", "", ""), ("Moon", "AJung", "", "", "")]),
    ("Vaswani, Ashish, Shazeer, Noam, et al.",
     [("Vaswani", "Ashish", "", "", ""), ("Shazeer", "Noam", "", "", ""), ("", "", "", "", "others")]),
    ("Shazeer, Noam, Mirhoseini, Azalia, ...",
     [("Shazeer", "Noam", "", "", ""), ("Mirhoseini", "Azalia", "", "", ""), ("", "", "", "", "others")]),
    ("Dao, Tri; Fu, Daniel Y.; and others",
     [("Dao", "Tri", "", "", ""), ("Fu", "Daniel Y.", "", "", ""), ("", "", "", "", "others")]),
    ("Gu, Albert, Dao, Tri …",
     [("Gu", "Albert", "", "", ""), ("Dao", "Tri", "", "", ""), ("", "", "", "", "others")]),
]


@pytest.mark.parametrize("line,expected", AUTHOR_LINES, ids=[a[0] for a in AUTHOR_LINES])
def test_author_line(line: str, expected: list[tuple[str, ...]]) -> None:
    assert lastfirst.is_author_line(line)
    names, _ = lastfirst.parse_author_line(line)
    got = [(n.family, n.given, n.non_dropping_particle, n.suffix, n.literal) for n in names]
    assert got == expected


def test_person_with_null_given_is_a_literal_with_a_warning() -> None:
    names, diags = lastfirst.parse_author_line("Shu, null, Smith, John", 7)
    assert names[0] == Name(literal="Shu")
    assert [(d.code, d.line, d.severity) for d in diags] == [
        ("last-first.null-given", 7, Severity.WARNING)]


@pytest.mark.parametrize("line", [
    "Bigger, better, faster: human-level Atari",
    "We propose a method, which works, and is fast.",
    'author = {Smith, John and Doe, Jane},',
    '"family": "Smith", "given": "John",',
    "CLJun 9, 2022",
    "et al.",
    "Smith, et al.",
])
def test_not_an_author_line(line: str) -> None:
    assert not lastfirst.is_author_line(line)


def test_author_line_with_no_title_is_an_error_and_the_rest_converts() -> None:
    text = "Smith, John, Doe, Jane\nA Real Title\nRoe, Richard, Poe, Edgar\n"
    result = lastfirst.read(text)
    assert [r.fields["title"] for r in result.records] == ["A Real Title"]
    assert [(d.code, d.severity, d.line) for d in result.diagnostics] == [
        ("last-first.no-title", Severity.ERROR, 1)]


def test_wrapped_author_line_continues() -> None:
    text = "A Title\nSmith, John, Doe,\nJane, Roe, Richard\nSome abstract text here.\n"
    rec = lastfirst.read(text).records[0]
    assert [n.family for n in rec.fields["author"]] == ["Smith", "Doe", "Roe"]


# ---------------------------------------------------------------- robustness
@settings(max_examples=200, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list("ab AB,;:.\n'-é") + ["null", ", ", "Smith", "Jr."]),
                max_size=120).map("".join))
def test_never_raises_and_detect_is_a_probability(text: str) -> None:
    assert 0.0 <= lastfirst.detect(text) <= 1.0
    result = lastfirst.read(text)
    assert result.layout == "last-first"


def test_a_single_entry_after_a_profile_line_is_detected() -> None:
    text = ("Clark, Aidan\nEfficient Video Generation on Complex Datasets\n"
            "Clark, Aidan, Donahue, Jeff, Simonyan, Karen\n")
    scores = api.detect(text)
    assert scores[0][0] == "last-first" and scores[0][1] >= api.MIN_SCORE


def test_the_exports_family_part_is_kept_when_the_given_part_has_capitalised_words() -> None:
    # only particles move out of the given part (the rule); "Such, Felipe Petroski" and
    # "Candela, Joaquin Quiñonero" keep the family the export wrote
    line = "Candela, Joaquin Quiñonero, Such, Felipe Petroski"
    names, diags = lastfirst.parse_author_line(line, 4)
    assert names == (Name(family="Candela", given="Joaquin Quiñonero"),
                     Name(family="Such", given="Felipe Petroski"))
    assert diags == []


def test_null_family_is_a_one_word_name() -> None:
    names, _ = lastfirst.parse_author_line("null, Mausam, Smith, John")
    assert names[0] == Name(literal="Mausam")


def test_a_cut_author_list_keeps_its_entry_and_the_profile_line() -> None:
    text = ("Shazeer, Noam\nAttention Is All You Need\n"
            "Vaswani, Ashish, Shazeer, Noam, Parmar, Niki, et al.\n"
            "A translation model built on attention alone.\n"
            "Fast Transformer Decoding: One Write-Head is All You Need\nShazeer, Noam\n")
    result = lastfirst.read(text)
    assert result.metadata["profile"] == "Shazeer, Noam" and not result.diagnostics
    assert [[n.display() for n in r.fields["author"]] for r in result.records] == [
        ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "others"], ["Noam Shazeer"]]
