"""Tests for the arXiv-listing reader (``citeconv/readers/arxiv.py``).

Golden cases live in ``tests/golden/arxiv/``: ``<case>.txt`` is the input, ``<case>.csl.json``
the exact ``Record.to_csl()`` list the reader returns (ids are empty: keys are the api's job),
``<case>.diag`` the diagnostics as ``line severity code`` lines. Every case must also be
detected as ``arxiv`` by ``api.detect`` / ``api.read``.

``CITECONV_ACCEPT=1 pytest tests/test_reader_arxiv.py`` rewrites the expected files; review the
diff by hand before committing (the expected values were written by checking each one).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeconv import api
from citeconv.model import ETAL, Name, Record, Severity
from citeconv.readers import arxiv
from citeconv.readers import arxiv_categories as cats

GOLDEN = Path(__file__).parent / "golden" / "arxiv"
#: cases whose expected files hold the right answer but the code does not give it yet: they must
#: fail (strict xfail), and are never rewritten by CITECONV_ACCEPT
KNOWN_FAILURES: dict[str, str] = {}
CASES = [pytest.param(p.stem, marks=pytest.mark.xfail(reason=KNOWN_FAILURES[p.stem], strict=True))
         if p.stem in KNOWN_FAILURES else p.stem for p in sorted(GOLDEN.glob("*.txt"))]
ALL_CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))
SEEDS = Path("/work/shared/seeds")
ACCEPT = os.environ.get("CITECONV_ACCEPT") == "1"


def _check(path: Path, actual: str, case: str) -> None:
    if ACCEPT and case not in KNOWN_FAILURES:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"missing {path.name}; run CITECONV_ACCEPT=1 pytest and review it"
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path.name}"


def _text(case: str) -> str:
    return (GOLDEN / f"{case}.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------------- golden cases
@pytest.mark.parametrize("case", CASES)
def test_golden_records(case: str) -> None:
    result = arxiv.read(_text(case))
    csl = json.dumps([r.to_csl() for r in result.records], ensure_ascii=False, indent=2)
    _check(GOLDEN / f"{case}.csl.json", csl + "\n", case)
    diags = "".join(f"{d.line} {d.severity} {d.code}\n" for d in result.diagnostics)
    _check(GOLDEN / f"{case}.diag", diags, case)


@pytest.mark.parametrize("case", ALL_CASES)
def test_golden_detected_as_arxiv(case: str) -> None:
    text = _text(case)
    scores = api.detect(text)
    assert scores[0][0] == "arxiv", scores
    assert scores[0][1] >= api.MIN_SCORE
    assert len(scores) == 1 or scores[0][1] - scores[1][1] >= api.MIN_LEAD, scores
    assert api.read(text).layout == "arxiv"


@pytest.mark.parametrize("case", ALL_CASES)
def test_golden_source_lines_point_at_entries(case: str) -> None:
    lines = _text(case).splitlines()
    for rec in arxiv.read(_text(case)).records:
        assert rec.id == "" and rec.type == "article"
        assert lines[rec.source.line - 1].strip()
        assert Record.from_csl(rec.to_csl()) == rec


def test_broken_block_is_an_error_with_its_raw_text() -> None:
    result = arxiv.read(_text("a broken block in the middle"))
    assert len(result.records) == 2
    (err,) = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    assert err.line == 4 and err.raw.startswith("LGFeb 30, 2021\nnotes from the reading group")


# ------------------------------------------------------------------------- the seeds
def _seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip("shared seeds not available")
    return found[0].read_text(encoding="utf-8")


def test_seed_listing_reads_cleanly() -> None:
    text = _seed("000")
    assert arxiv.detect(text) >= 0.9
    result = arxiv.read(text)
    assert len(result.records) == text.count("\n") // 3 + 1
    # three-word names are split with the warning the README promises; nothing else is reported
    assert {d.code for d in result.diagnostics} <= {"arxiv.name-split"}
    for rec in result.records:
        assert rec.get("title") and rec.get("issued").day and rec.extra["primaryclass"]
        assert all(n.family or n.literal for n in rec.get("author"))


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_seed_other_layouts_score_low(prefix: str) -> None:
    assert arxiv.detect(_seed(prefix)) < 0.3


@pytest.mark.parametrize("text", [
    "@article{k, title={Attention Is All You Need}, author={Vaswani, Ashish},\n"
    " eprint={1706.03762}, archivePrefix={arXiv}, primaryClass={cs.CL}, year={2017}}\n",
    '[{"id": "a", "type": "article", "title": "Title: not a label", "issued": '
    '{"date-parts": [[2017, 6, 12]]}}]',
    "We met on Jun 9, 2022 to talk.\nTitle and authors were discussed at length.\n",
    "Vaswani, Ashish, Shazeer, Noam\nAttention Is All You Need\n",
    "",
])
def test_other_layouts_score_low(text: str) -> None:
    assert arxiv.detect(text) < 0.3


# ------------------------------------------------------------------------- splitting
SPLITS = [
    ("GPT-4o System CardOpenAI, Aaron Hurst, Adam Lerer et al.", "GPT-4o System Card",
     Name(literal="OpenAI")),
    ("Qwen2.5 Technical ReportQwen, An Yang, Baosong Yang et al.", "Qwen2.5 Technical Report",
     Name(literal="Qwen")),
    ("Kimi k1.5: Scaling Reinforcement Learning with LLMsKimi Team, Angang Du, Bofei Gao et al.",
     "Kimi k1.5: Scaling Reinforcement Learning with LLMs", Name(literal="Kimi Team")),
    ("Pay Attention to MLPsHanxiao Liu, Zihang Dai, David R. So et al.", "Pay Attention to MLPs",
     Name(family="Liu", given="Hanxiao")),
    ('"Why Should I Trust You?": Explaining the Predictions of Any ClassifierMarco Tulio Ribeiro, '
     "Sameer Singh, Carlos Guestrin",
     '"Why Should I Trust You?": Explaining the Predictions of Any Classifier',
     Name(family="Ribeiro", given="Marco Tulio")),
    ("WaveNet: A Generative Model for Raw AudioAaron van den Oord, Sander Dieleman, Heiga Zen "
     "et al.", "WaveNet: A Generative Model for Raw Audio",
     Name(family="Oord", given="Aaron", non_dropping_particle="van den")),
    ("Deep learningYann LeCun, Yoshua Bengio, Geoffrey Hinton", "Deep learning",
     Name(family="LeCun", given="Yann")),
    ("Reformer: The Efficient TransformerNikita Kitaev, Łukasz Kaiser, Anselm Levskaya",
     "Reformer: The Efficient Transformer", Name(family="Kitaev", given="Nikita")),
    ("s1: Simple test-time scalingNiklas Muennighoff, Zitong Yang, Weijia Shi et al.",
     "s1: Simple test-time scaling", Name(family="Muennighoff", given="Niklas")),
    ("SWE-bench: Can Language Models Resolve Real-World GitHub Issues?Carlos E. Jimenez, John "
     "Yang, Alexander Wettig et al.",
     "SWE-bench: Can Language Models Resolve Real-World GitHub Issues?",
     Name(family="Jimenez", given="Carlos E.")),
    ("The Claude 3 Model Family: Opus, Sonnet, HaikuAnthropic",
     "The Claude 3 Model Family: Opus, Sonnet, Haiku", Name(literal="Anthropic")),
    # made-up titles for shapes real listings have: an org after a capital, "AI" labs, "Jr."
    ("A Model Card for Our 12BMistral AI, Jane Doe et al.",
     "A Model Card for Our 12B",
     Name(literal="Mistral AI")),
    ("Notes on a Practical SizeGoogle DeepMind", "Notes on a Practical Size",
     Name(literal="Google DeepMind")),
    ("A Dataset of Diverse TextEleutherAI", "A Dataset of Diverse Text",
     Name(literal="EleutherAI")),
    ("A Study of Sparse ModelsHyoukJoong Lee, Jane Doe", "A Study of Sparse Models",
     Name(family="Lee", given="HyoukJoong")),
    ("Pruning a MobileNetMin Lee, Jane Doe", "Pruning a MobileNet",
     Name(family="Lee", given="Min")),
    ("On DreamsMartin Luther King, Jr., John Smith", "On Dreams",
     Name(family="King", given="Martin Luther", suffix="Jr.")),
    ("Efficient Memory Management for Large Language Model Serving with PagedAttentionWoosuk "
     "Kwon, Zhuohan Li, Siyuan Zhuang et al.",
     "Efficient Memory Management for Large Language Model Serving with PagedAttention",
     Name(family="Kwon", given="Woosuk")),
]


@pytest.mark.parametrize("line,title,first", SPLITS)
def test_glued_title_author_split(line: str, title: str, first: Name) -> None:
    result = arxiv.read(f"CLJun 9, 2022\n{line}\nAn abstract.\n")
    (rec,) = result.records
    assert rec.get("title") == title
    assert rec.get("author")[0] == first
    assert (rec.get("author")[-1] == ETAL) == line.endswith("et al.")
    # only a three-word name's split may be reported (README: the arXiv layout warns on them)
    assert {d.code for d in result.diagnostics} <= {"arxiv.name-split"}


def test_affiliations_after_et_al_may_look_like_names() -> None:
    (rec,) = arxiv.read("CLJun 9, 2022\nA TitleJohn Smith, Jane Doe, Max Roe et al. · Google "
                        "Research, Stanford University\n").records
    assert rec.extra["affiliation"] == "Google Research, Stanford University"
    assert [n.family for n in rec.get("author")] == ["Smith", "Doe", "Roe", ""]


def test_unresolvable_split_is_reported_not_hidden() -> None:
    result = arxiv.read("hep-exJul 31, 2012\nObservation of a new boson at a mass of 125 GeV "
                        "with the CMS experiment at the LHCCMS Collaboration\n")
    assert [d.code for d in result.diagnostics] == ["arxiv.ambiguous-split"]
    assert result.diagnostics[0].line == 2


@pytest.mark.parametrize("code,category", [
    ("CL", "cs.CL"), ("LG", "cs.LG"), ("ML", "stat.ML"), ("AI", "cs.AI"), ("CV", "cs.CV"),
    ("quant-ph", "quant-ph"), ("hep-th", "hep-th"), ("stat-mech", "cond-mat.stat-mech"),
    ("SY", "eess.SY"), ("AS", "eess.AS"), ("GA", "astro-ph.GA"), ("NC", "q-bio.NC"),
    ("cs.CL", "cs.CL"), ("math.CO", "math.CO"), ("XX", None),
])
def test_category_codes(code: str, category: str | None) -> None:
    assert cats.resolve(code) == category


# ------------------------------------------------------------------------- properties
BUDGET = settings(max_examples=150, derandomize=True, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow])
ALPHABET = "aZ09 .,:;?!()[]·_-–'\"`\n\tÉéłΣ钱" + "CLJunNov 2022Code etal.arXiv:Title"
FRAGMENTS = st.sampled_from([
    "CLJun 9, 2022", "quant-phFeb 30, 2021Code", "Title:", "Authors:", "Abstract:", " et al.",
    " · ", "arXiv:2401.01234v2 [cs.CL]", "[Submitted on 2 Jan 2024]", "▽ More", "△ Less",
    "Subjects: Computation and Language (cs.CL)", "Smith, ", "OpenAI", "\n", "Ab", "Cd Ef",
])


@BUDGET
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_random_text_never_raises(text: str) -> None:
    assert 0.0 <= arxiv.detect(text) <= 1.0
    assert arxiv.read(text).layout == "arxiv"


@BUDGET
@given(st.lists(FRAGMENTS | st.text(alphabet=ALPHABET, max_size=20), max_size=40).map("".join))
def test_listing_shaped_text_never_raises(text: str) -> None:
    assert 0.0 <= arxiv.detect(text) <= 1.0
    result = arxiv.read(text)
    assert not any(d.code == "arxiv.internal-error" for d in result.diagnostics)
