"""BibTeX in -> canonical BibTeX and CSL-JSON out, against golden files; malformed input."""
from __future__ import annotations

import json

import pytest

from citeconv import api
from citeconv.keys import assign_keys
from citeconv.latex import decode, encode
from citeconv.model import ETAL, Date, Name
from citeconv.names import format_bibtex_name, parse_bibtex_name
from conftest import GOLDEN, ROOT, check_golden

CASES = sorted((GOLDEN / "bibtex").glob("*.bib"))
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".bib", ".txt", ".ris"))
EXAMPLE_LAYOUTS = {"messy.bib": "bibtex", "arxiv-listing.txt": "arxiv",
                   "author-export.txt": "last-first", "publications.txt": "publications",
                   "zotero-export.ris": "ris"}


def _expected(case, suffix):
    folder = GOLDEN / "examples" if case.parent.name == "examples" else case.parent / "expected"
    folder.mkdir(exist_ok=True)
    return folder / (case.stem + suffix)


def _convert(path, fmt="bibtex", **options):
    result = api.read(path.read_text(encoding="utf-8"), None, path.name)
    return api.write(assign_keys(result.records), fmt, **options), result


@pytest.mark.parametrize("case", CASES + EXAMPLES, ids=lambda p: p.name)
def test_golden_canonical_bibtex_and_csl_json(case):
    bib, result = _convert(case)
    assert result.layout == EXAMPLE_LAYOUTS.get(case.name, "bibtex")
    check_golden(_expected(case, ".canonical.bib"), bib)
    check_golden(_expected(case, ".csl.json"), api.write(assign_keys(result.records), "csl-json"))
    ascii_bib, _ = _convert(case, ascii_only=True)
    check_golden(_expected(case, ".ascii.bib"), ascii_bib)


@pytest.mark.parametrize("case", CASES + EXAMPLES, ids=lambda p: p.name)
def test_canonical_output_is_idempotent_and_lossless(case):
    bib, first = _convert(case)
    again = api.read(bib, "bibtex")
    assert api.write(again.records, "bibtex") == bib
    assert list(again.records) == assign_keys(first.records)
    ascii_bib = api.write(again.records, "bibtex", ascii_only=True)
    assert ascii_bib.isascii()
    assert list(api.read(ascii_bib, "bibtex").records) == list(again.records)
    csl = api.write(again.records, "csl-json")
    assert list(api.read(csl, "csl-json").records) == list(again.records)


MALFORMED = """@article{first, title={Good one}, author={Doe, Jane}, year=2020, journal={J}}
@article{broken, title = {unbalanced braces, year = 2000}
@book{second, title={Also good}, author={Roe, R.}, year=2019, publisher={P}}
@misc{macro, title={Uses a macro}, howpublished=undefinedmacro, year=2018}
@misc{third title={No comma after key}}
@article{fourth, title={Last good}, year=2001}
"""


def test_malformed_bib_keeps_every_good_entry_and_reports_lines():
    result = api.read(MALFORMED, "bibtex", "bad.bib")
    assert [r.id for r in result.records] == ["first", "second", "macro", "fourth"]
    assert [r.source.line for r in result.records] == [1, 3, 4, 6]
    errors = [(d.line, d.code) for d in result.diagnostics if d.severity == "error"]
    assert errors == [(2, "bibtex.syntax"), (5, "bibtex.syntax")]
    warnings = [d.format() for d in result.diagnostics if d.severity == "warning"]
    assert warnings == ["bad.bib:4: warning: howpublished: undefined @string macro "
                        "'undefinedmacro' kept as text [bibtex.value]"]


@pytest.mark.parametrize("raw, expected", [
    ("Jan van der Berg", Name(family="Berg", given="Jan", non_dropping_particle="van der")),
    ("van der Berg, Jr, Jan", Name(family="Berg", given="Jan", non_dropping_particle="van der",
                                   suffix="Jr")),
    ("{OpenAI}", Name(literal="OpenAI")),
    ("{Gemini Team}", Name(literal="Gemini Team")),
    ("others", ETAL),
    (r"{\L}ukasz Kaiser", Name(family="Kaiser", given="Łukasz")),
    (r"Qui{\~n}onero-Candela, Joaquin", Name(family="Quiñonero-Candela", given="Joaquin")),
    ("Ludwig {van Beethoven}", Name(family="van Beethoven", given="Ludwig")),
    ("Nash, Jr., John", Name(family="Nash", given="John", suffix="Jr.")),
])
def test_bibtex_names_follow_bibtex_rules_and_round_trip(raw, expected):
    name = parse_bibtex_name(raw)
    assert name == expected
    assert parse_bibtex_name(format_bibtex_name(name)) == name


@pytest.mark.parametrize("raw, expected", [
    (r"M{\"u}ller", "Müller"), (r"\'{E}cole", "École"), (r"Caf\'e", "Café"),
    (r"\emph{Attention} is All", "<i>Attention</i> is All"),
    ("{BERT}: Pre-training", "BERT: Pre-training"),
    ("The {Atari} Games", "The Atari Games"),  # a reviewed proper noun: the writer braces it
    ("The {Stanford} Games", 'The <span class="nocase">Stanford</span> Games'),
    (r"A \& B -- C --- D", "A & B – C — D"), (r"\v{S}ediv\'y", "Šedivý"),
    (r"10\% of \$5", "10% of $5"), ("x$^{2}$", "x<sup>2</sup>"),
    (r"\textsc{Small}", '<span style="font-variant:small-caps;">Small</span>'),
])
def test_latex_decodes_to_csl_rich_text(raw, expected):
    assert decode(raw) == expected


@pytest.mark.parametrize("text, expected", [
    ("R&D at 50% for $5 #1 a_b ~ ^ \\ {x}",
     r"{R\&D} at 50\% for \$5 \#1 a\_b \textasciitilde{} \textasciicircum{} \textbackslash{} \textbraceleft{}x\textbraceright{}"),
    ("GPT-4o and LoRA beat BERT: Few-Shot", "{GPT-4o} and {LoRA} beat {BERT}: Few-Shot"),
    ("<i>It</i> rains", r"\emph{It} rains"),
    ("a -- b", "a -{}- b"),
])
def test_latex_encode_escapes_specials_and_protects_capitals(text, expected):
    assert encode(text, protect=True) == expected
    assert decode(expected) == text


def test_ascii_encoding_uses_accent_commands():
    assert encode("Müller Łukasz ß", ascii_only=True) == r'M{\"{u}}ller {\L}ukasz {\ss}'


def test_keys_default_scheme_and_case_insensitive_uniqueness():
    from citeconv.model import Record
    base = dict(type="article-journal", fields={
        "author": (Name(family="Vaswani", given="Ashish"),), "issued": Date(((2017,),)),
        "title": "Attention Is All You Need"})
    records = assign_keys([Record(id="", **base), Record(id="", **base),
                           Record(id="VASWANI2017attention", **base)])
    # a key the input gives is kept; generated keys step around it (issue 11: keys never
    # change under a user's feet)
    assert [r.id for r in records] == ["vaswani2017attentiona", "vaswani2017attentionb",
                                       "VASWANI2017attention"]
    org = Record(id="", type="report", fields={"author": (Name(literal="OpenAI"),),
                                               "title": "The GPT-4 Report"})
    assert assign_keys([org])[0].id == "openaigpt4"


def test_csl_json_reader_reports_bad_items_with_lines():
    text = json.dumps([{"id": "a", "type": "book", "title": "A"}, 42,
                       {"id": "b", "type": "book", "author": "not a list"}], indent=1)
    result = api.read(text, "csl-json", "x.json")
    assert [r.id for r in result.records] == ["a", "b"]
    assert [(d.line, d.severity, d.code) for d in result.diagnostics] == [
        (7, "error", "csl-json.item"), (8, "warning", "csl-json.field")]


@pytest.mark.parametrize("month, issued, day_extra", [
    ("aug", (2020, 8), None), ('"August"', (2020, 8), None), ("8", (2020, 8), None),
    ('"05 aug"', (2020, 8, 5), None), ('"aug 5,"', (2020, 8, 5), None),
    ('"10--11 jan"', (2020, 1), "10–11"),
])
def test_month_forms_found_in_real_files(month, issued, day_extra):
    result = api.read(f"@misc{{a, title={{T}}, year=2020, month={month}}}", "bibtex")
    record = result.records[0]
    assert record.get("issued") == Date(parts=(issued,))
    assert record.extra.get("day") == day_extra
    assert result.diagnostics == ()


def test_convert_is_read_keys_write_and_reports_renamed_keys():
    import citeconv
    out, diagnostics = citeconv.convert("@misc{x, title={A}}\n@misc{X, title={B}}")
    assert out == "@misc{x,\n  title = {A},\n}\n\n@misc{Xa,\n  title = {B},\n}\n"
    assert [d.format() for d in diagnostics] == [
        "<input>:2: warning: duplicate key 'X' renamed 'Xa' [keys.duplicate]"]


@pytest.mark.parametrize("raw, expected", [
    ("North {A}merican", "North American"),  # a reviewed proper noun: the writer braces it
    ("North {C}arolina", 'North <span class="nocase">Carolina</span>'),
    ("{A}{B}c", '<span class="nocase">A</span><span class="nocase">Bc</span>'),
    (r"\noopsort{a}Volumes", r'<span class="tex">\noopsort{a}</span>Volumes'),  # passed through
])
def test_a_brace_group_inside_a_word_protects_the_word(raw, expected):
    assert decode(raw) == expected
    assert decode(encode(expected, protect=True)) == expected
