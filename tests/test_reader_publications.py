"""The "Publications" page reader, and inputs with no references at all (prose).

Golden cases: ``tests/golden/publications/<case>.txt`` -> ``<case>.csl.json`` (exactly
``[r.to_csl() for r in records]``; ``CITECONV_ACCEPT=1 pytest`` rewrites them for review), each
also ranked first by ``api.detect``. ``tests/golden/prose/*.txt`` must make ``api.read`` raise
``NoReaderError`` naming every layout it tried.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import GOLDEN, check_golden
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeconv import api, readers
from citeconv.model import Name, Severity
from citeconv.readers import lastfirst, publications
from citeconv.readers._text import clean_abstract, normalise_caps_name, remove_truncation_markers

CASES = sorted((GOLDEN / "publications").glob("*.txt"))
PROSE = sorted((GOLDEN / "prose").glob("*.txt"))


def _csl_json(text: str) -> str:
    result = publications.read(text)
    return json.dumps([r.to_csl() for r in result.records], ensure_ascii=False, indent=2) + "\n"


def _read(name: str):  # type: ignore[no-untyped-def]
    path = GOLDEN / "publications" / f"{name}.txt"
    return publications.read(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden(case: Path) -> None:
    check_golden(case.with_suffix(".csl.json"), _csl_json(case.read_text(encoding="utf-8")))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_detect_ranks_publications_first(case: Path) -> None:
    scores = api.detect(case.read_text(encoding="utf-8"))
    assert scores[0][0] == "publications", scores
    assert scores[0][1] >= api.MIN_SCORE and scores[0][1] - scores[1][1] >= api.MIN_LEAD


@pytest.mark.parametrize("case", PROSE, ids=[c.stem for c in PROSE])
def test_prose_has_no_references(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    assert publications.detect(text) < 0.3 and lastfirst.detect(text) < 0.3
    with pytest.raises(api.NoReaderError) as err:
        api.read(text)
    message = str(err.value)
    assert message.startswith("no references found")
    for layout in readers.available():
        assert layout in message


OTHER_LAYOUTS = sorted((GOLDEN / "arxiv").glob("*.txt")) + sorted(GOLDEN.glob("*/*.bib"))[:12] \
    + sorted(GOLDEN.glob("*/*.csl.json"))[:12]


@pytest.mark.parametrize("case", OTHER_LAYOUTS,
                         ids=[f"{c.parent.name}/{c.name}" for c in OTHER_LAYOUTS])
def test_other_layouts_score_low(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    assert publications.detect(text) < 0.3 and lastfirst.detect(text) < 0.3


# ---------------------------------------------------------------- structure
def test_header_is_metadata() -> None:
    assert _read("a header then titles with one author per line").metadata == {
        "header": "Publications"}


def test_a_given_name_that_is_a_word_stays_a_name() -> None:
    recs = _read("a given name that is an english word").records
    assert recs[0].fields["author"][0] == Name(family="Chen", given="Can")
    assert recs[1].fields["author"][1] == Name(family="Dabney", given="Will")
    assert recs[2].fields["author"][0] == Name(family="Dabney", given="Will")


def test_titles_that_look_like_names() -> None:
    recs = _read("a title that looks like a name after entries without abstracts").records
    assert [r.fields["title"] for r in recs] == [
        "Deep Sets", "Masked Autoencoders Are Scalable Vision Learners",
        "Implicit Behavioral Cloning", "Neural Ordinary Differential Equations"]
    assert [len(r.fields["author"]) for r in recs] == [6, 6, 5, 2]
    assert all("abstract" not in r.fields for r in recs)


def test_name_split_guesses_are_reported() -> None:
    result = _read("multi-word family names and particles")
    assert result.records[0].fields["author"][0] == Name(family="Obando Ceron",
                                                         given="Johan Samir")
    notes = [(d.code, d.line) for d in result.diagnostics]
    assert ("publications.name-split", 3) in notes  # Johan Samir Obando Ceron
    assert ("publications.name-split", 5) in notes  # Pablo Samuel Castro


def test_entry_without_authors_is_an_error_and_the_rest_converts() -> None:
    text = ("Publications\nA Study of Things: Part One\nJane Doe\nJohn Roe\n"
            "Another Study: Part Two\nWe look at more things in this second paper, with care.\n"
            "A Third Study: Part Three\nAda Lovelace\n")
    result = publications.read(text)
    assert [r.fields["title"] for r in result.records] == [
        "A Study of Things: Part One", "A Third Study: Part Three"]
    assert [(d.code, d.severity, d.line) for d in result.diagnostics] == [
        ("publications.no-authors", Severity.ERROR, 5)]


def test_year_heading_dates_the_entries_below() -> None:
    text = "Publications\n2021\nA Study of Things: Part One\nJane Doe\n2019\n" \
           "Older Work on Stuff: a Review\nJohn Roe\nAda Lovelace\n"
    recs = publications.read(text).records
    assert [r.fields["issued"].year for r in recs] == [2021, 2019]


def test_a_year_line_starts_an_entry_even_when_the_title_reads_like_a_name() -> None:
    text = ("Publications\n2016\nDeep Residual Learning\nKaiming He\nJian Sun\n2015\n"
            "Deep Learning\nYann LeCun\nYoshua Bengio\n")
    recs = publications.read(text).records
    assert [(r.fields["title"], r.fields["issued"].year) for r in recs] == [
        ("Deep Residual Learning", 2016), ("Deep Learning", 2015)]


@pytest.mark.parametrize("line,title", [
    ("The Option-Critic Architecture", True), ("Towards Causal Representation Learning", True),
    ("Meta Pseudo Labels", True), ("Recurrent Independent Mechanisms", True),
    ("Memory Networks", True), ("Mistral 7B", True),
    ("Will Dabney", False), ("Can Chen", False), ("Rose Yu", False), ("Alex Lamb", False),
    ("Pierre-Luc Bacon", False), ("KyungHyun Cho", False), ("Grace W. Lindsay", False),
    ("Deep Ganguli", False), ("Max Welling", False), ("Nan Rosemary Ke", False),
    ("Nova DasSarma", False), ("David MacKay", False), ("Natan LaFontaine", False),
    ("GFlowNet Foundations", True),
])
def test_titleness(line: str, title: bool) -> None:
    assert (publications.titleness(line, set()) >= 0.5) is title


def test_a_short_prose_line_before_a_title_is_an_abstract() -> None:
    text = ("Publications\nDeep Image Prior\nDmitry Ulyanov\nAndrea Vedaldi\n"
            "A randomly initialised network is a good prior for images\n"
            "Neural Tangent Kernel: Convergence and Generalization\nArthur Jacot\n")
    result = publications.read(text)
    assert [r.fields["title"] for r in result.records] == [
        "Deep Image Prior", "Neural Tangent Kernel: Convergence and Generalization"]
    assert result.records[0].fields["abstract"].startswith("A randomly")


# ---------------------------------------------------------------- shared text clean-up
TRUNCATED = [
    ("an en… (voir plus)ergy function", "an energy function"),
    ("one of… (voir plus) deep", "one of deep"),
    ("(AI) … (voir plus)models", "(AI) models"),
    ("tra… (see more)nsfers", "transfers"),
    ("la… mehr anzeigenyer", "layer"),
    ("da... (ver más)ta", "data"),
    ("lear… (Read more)ning", "learning"),
    ("po… (leggi di più)licy", "policy"),
    ("mo… [mostra di più]del", "model"),
    ("gra… (ver mais)dient", "gradient"),
    ("net… (meer weergeven)work", "network"),
    ("we want more… more data", "we want more… more data"),
    ("the whole abstract, unfolded. (voir moins)", "the whole abstract, unfolded."),
    ("the whole abstract, unfolded.… (Show less)", "the whole abstract, unfolded."),
    ("a (see less) in the middle stays", "a (see less) in the middle stays"),
]


@pytest.mark.parametrize("text,expected", TRUNCATED)
def test_truncation_markers(text: str, expected: str) -> None:
    assert remove_truncation_markers(text) == expected


ABSTRACTS = [
    ("A BSTRACT We show.", "We show.", None),
    ("Abstract: We show.", "We show.", None),
    ("Y et we show. W e find (Y ang et al., 2019).", "Yet we show. We find (Yang et al., 2019).",
     None),
    ("so-called ``scaling laws,'' hold", "so-called “scaling laws,” hold", None),
    ("50\\% cheaper and 4$\\times$ more", "50% cheaper and 4× more", None),
    ("end. 1 arXiv:1910.06764v1 [cs.LG] 15 Oct 2019 Next", "end. Next", "1910.06764"),
    ("in 2019 arXiv:1910.06764v2 we", "in 2019 we", "1910.06764"),
    ("as in arXiv:2101.00001, we", "as in arXiv:2101.00001, we", None),
    ("T cells and A GAN  here", "T cells and A GAN here", None),
    ("where T is the horizon and P and Q are", "where T is the horizon and P and Q are", None),
    ("Ef ﬁcient and ﬂexible: a ﬁeld of signi ﬁcant di ﬀerences",
     "Efficient and flexible: a field of significant differences", None),
    ("T he model is small. I n this paper, O ur method wins.",
     "The model is small. In this paper, O ur method wins.", None),
    ("A n-gram model. A re-evaluation. A simple idea. I am here. T his works.",
     "A n-gram model. A re-evaluation. A simple idea. I am here. This works.", None),
    ("Abstract reasoning is hard for networks.", "Abstract reasoning is hard for networks.", None),
    ("Abstract Meaning Representation (AMR) is a graph.",
     "Abstract Meaning Representation (AMR) is a graph.", None),
    ("Abstract In this paper we go.", "In this paper we go.", None),
    ("Published as a conference paper at ICLR 2021 A BSTRACT We study things.",
     "We study things.", None),
    ("Preprint. Under review. Abstract We study things.", "We study things.", None),
    ("In 2019 we showed that Abstract Meaning Representation works.",
     "In 2019 we showed that Abstract Meaning Representation works.", None),
    ("", "", None),
]


@pytest.mark.parametrize("text,expected,arxiv_id", ABSTRACTS)
def test_clean_abstract(text: str, expected: str, arxiv_id: str | None) -> None:
    assert clean_abstract(text) == (expected, arxiv_id)


@pytest.mark.parametrize("text,expected", [
    ("DOHA HWANG", "Doha Hwang"), ("JUAN DE LA CRUZ", "Juan de la Cruz"),
    ("SEAN MCDONALD", "Sean McDonald"), ("CONAN O'BRIEN", "Conan O'Brien"),
    ("JEAN-PIERRE DUPONT", "Jean-Pierre Dupont"), ("JOHN SMITH III", "John Smith III"),
    ("EDWARD J. HU", "Edward J. Hu"), ("Doha Hwang", "Doha Hwang"),
    ("SAMUEL HORVÁTH", "Samuel Horváth"), ("QUOC V. LE", "Quoc V. Le"),
    ("CHARLINE LE LAN", "Charline Le Lan"), ("WILLIAM EL SAYED", "William El Sayed"),
    ("LAURENS VAN DER MAATEN", "Laurens van der Maaten"),
    ("AJ PIERGIOVANNI", "AJ Piergiovanni"), ("JD SMITH", "JD Smith"), ("ED CHI", "Ed Chi"),
    ("BO LI", "Bo Li"), ("ANDREW NG", "Andrew Ng"),
])
def test_normalise_caps_name(text: str, expected: str) -> None:
    assert normalise_caps_name(text) == expected


# ---------------------------------------------------------------- robustness
LINES = st.sampled_from([
    "Publications", "Deep Sets", "Jane Doe", "JOHN ROE", "Can Chen", "A Study: Part One",
    "We study things… (voir plus)ly well.", "2021", "", "Ada", "x" * 300, "é… (see more)",
])


@settings(max_examples=200, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES | st.text(max_size=40), max_size=25).map("\n".join))
def test_never_raises_and_detect_is_a_probability(text: str) -> None:
    assert 0.0 <= publications.detect(text) <= 1.0
    assert publications.read(text).layout == "publications"


def test_a_single_entry_under_a_publications_header_is_detected() -> None:
    text = "Publications\nScaling Laws Do Not Scale\nMichael Madaio\n"
    scores = api.detect(text)
    assert scores[0][0] == "publications" and scores[0][1] >= api.MIN_SCORE


def test_french_month_headings() -> None:
    text = "Publications\njuin 2023\nA Study of Things: Part One\nJane Doe\n"
    assert publications.read(text).records[0].fields["issued"].parts == ((2023, 6),)


def test_a_two_line_header_before_a_title_that_reads_like_a_name() -> None:
    text = ("Publications\nRecent papers from the lab\nMemory Networks\nJason Weston\n"
            "Sumit Chopra\nWe describe a class of learning models that reason with inference "
            "components combined with a long-term memory component.\n")
    result = publications.read(text)
    assert result.metadata["header"] == "Publications / Recent papers from the lab"
    assert [r.fields["title"] for r in result.records] == ["Memory Networks"]


def test_suffixes_stay_with_the_name() -> None:
    text = ("Publications\nA Study of Things: Part One\nMartin Luther King, Jr.\n"
            "Robert L. Logan IV\nJOHN SMITH III\n")
    names = publications.read(text).records[0].fields["author"]
    assert [(n.given, n.family, n.suffix) for n in names] == [
        ("Martin Luther", "King", "Jr."), ("Robert L.", "Logan", "IV"), ("John", "Smith", "III")]


def test_an_acronym_title_right_after_the_header_or_an_author_line() -> None:
    text = ("Publications\nWasserstein GAN\nMartin Arjovsky\nSoumith Chintala\nLéon Bottou\n"
            "Clockwork RNN\nJan Koutník\nKlaus Greff\n")
    recs = publications.read(text).records
    assert [(r.fields["title"], len(r.fields["author"])) for r in recs] == [
        ("Wasserstein GAN", 3), ("Clockwork RNN", 2)]


def test_a_page_that_writes_family_names_in_capitals() -> None:
    text = ("Publications\nA Study of Things: Part One\nYoshua BENGIO\nAaron COURVILLE\n"
            "Another Study of Stuff\nPascal VINCENT\nHugo LAROCHELLE\n")
    recs = publications.read(text).records
    assert [[(n.given, n.family) for n in r.fields["author"]] for r in recs] == [
        [("Yoshua", "Bengio"), ("Aaron", "Courville")],
        [("Pascal", "Vincent"), ("Hugo", "Larochelle")]]


def test_affiliation_marks_after_names_are_dropped() -> None:
    text = ("Publications\nA Simple Framework for Contrastive Learning of Visual Representations\n"
            "Ting Chen¹\nSimon Kornblith*\nMohammad Norouzi¹,³\nGeoffrey Hinton¹ ²\n"
            "Llama 2: Open Foundation and Fine-Tuned Chat Models\nHugo Touvron2\nLouis Martin†\n")
    recs = publications.read(text).records
    assert [[(n.given, n.family) for n in r.fields["author"]] for r in recs] == [
        [("Ting", "Chen"), ("Simon", "Kornblith"), ("Mohammad", "Norouzi"),
         ("Geoffrey", "Hinton")], [("Hugo", "Touvron"), ("Louis", "Martin")]]


@pytest.mark.parametrize("text,layout", [
    ("Deep Sets\nManzil Zaheer\nSatwik Kottur\nSiamak Ravanbakhsh\n", "publications"),
    ("Attention Is All You Need\nAshish Vaswani\nNoam Shazeer\n", "publications"),
    ("Wasserstein GAN\nMartin Arjovsky\nSoumith Chintala\nNeural Processes\nMarta Garnelo\n"
     "Jonathan Schwarz\n", "publications"),
    ("Members\nJane Doe\nJohn Roe\n", None),
    ("PhD Students\nJane Doe\nJohn Roe\nResearch Staff\nAna Silva\n", None),
    ("Our team\n\nPhD students\nAhmed Benali\nWei Zhang\n\nAlumni\nJonas Berg\n", None),
])
def test_a_single_short_entry_is_read_but_a_roster_is_not(text: str, layout: str | None) -> None:
    if layout is None:
        with pytest.raises(api.NoReaderError):
            api.read(text)
    else:
        assert api.read(text).layout == layout


def test_a_one_word_title_that_reads_like_a_name_is_reported() -> None:
    text = ("Publications\nOpen Language Learning for Information Extraction\nMichael Schmitz\n"
            "Robert Bart\nMausam\nStephen Soderland\nHypernetworks\nDavid Ha\nAndrew Dai\n")
    result = publications.read(text)
    assert [r.fields["title"] for r in result.records] == [
        "Open Language Learning for Information Extraction", "Mausam", "Hypernetworks"]
    assert [(d.code, d.line) for d in result.diagnostics] == [("publications.title-or-name", 5)]


def test_a_venue_line_after_the_authors() -> None:
    text = ("Publications\n"
            "Bigger, Better, Faster: Human-level Atari with human-level efficiency\n"
            "Max Schwarzer\nJohan Samir Obando Ceron\nNeurIPS 2023\n"
            "We introduce a value-based agent that reaches super-human performance on Atari 100K "
            "by scaling its networks… (voir plus)\n"
            "Findings of the 2016 Conference on Machine Translation\nOndřej Bojar\nRajen Chatterjee\n"
            "Highly accurate protein structure prediction with AlphaFold\nJohn Jumper\n"
            "Nature, 2021\n"
            "Small batch deep reinforcement learning\nJohan Samir Obando Ceron\n"
            "arXiv preprint arXiv:2310.03882\n")
    recs = [r.to_csl() for r in publications.read(text).records]
    assert [(r["title"][:22], r["type"], r.get("container-title"), r.get("issued")) for r in recs] == [
        ("Bigger, Better, Faster", "paper-conference", "NeurIPS", {"date-parts": [[2023]]}),
        ("Findings of the 2016 C", "document", None, None),
        ("Highly accurate protei", "article-journal", "Nature", {"date-parts": [[2021]]}),
        ("Small batch deep reinf", "document", "arXiv preprint arXiv:2310.03882", None)]
    assert [len(r["author"]) for r in recs] == [2, 2, 1, 1]


def test_a_journal_venue_line_gives_volume_issue_and_pages() -> None:
    text = ("Publications\nLong Short-Term Memory\nSepp Hochreiter\nJürgen Schmidhuber\n"
            "Neural Computation 9(8):1735-1780, 1997\n"
            "Highly accurate protein structure prediction with AlphaFold\nJohn Jumper\n"
            "Richard Evans\nNature 596, 583–589 (2021)\n")
    recs = [r.to_csl() for r in publications.read(text).records]
    assert [{k: r.get(k) for k in ("type", "container-title", "volume", "issue", "page", "issued")}
            for r in recs] == [
        {"type": "article-journal", "container-title": "Neural Computation", "volume": "9",
         "issue": "8", "page": "1735-1780", "issued": {"date-parts": [[1997]]}},
        {"type": "article-journal", "container-title": "Nature", "volume": "596", "issue": None,
         "page": "583-589", "issued": {"date-parts": [[2021]]}}]
