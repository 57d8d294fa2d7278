"""Listings as people really paste them: nothing read is lost silently, browser-copy noise is
removed, and the CSL-JSON written is standard (pandoc reads the arXiv id, category and date).

Papers, names and dates below are real; every abstract is written for this test.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeconv import api
from citeconv.cli import main
from citeconv.model import ETAL, Name, Record, Severity
from citeconv.readers import arxiv, lastfirst, publications


def _errors(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.code for d in result.diagnostics if d.severity == Severity.ERROR]


def _codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.code for d in result.diagnostics]


# ------------------------------------------------------------------ the cases
def test_lower_case_initials_in_a_given_part_keep_the_entry() -> None:
    text = ("Precup, Doina\n"
            "Deep Reinforcement Learning that Matters\n"
            "Henderson, Peter, Islam, Riashat, Bachman, Philip, Pineau, Joelle, Precup, Doina\n"
            "We look at how seeds, hyperparameters and code bases change reported results.\n"
            "Distributional Reinforcement Learning with Quantile Regression\n"
            "Dabney, Will, Pinto, Henrique P. d.O., Bellemare, Marc G., Munos, Rémi\n"
            "Quantiles of the return are learned directly with a regression loss.\n")
    result = lastfirst.read(text)
    assert [r.get("title") for r in result.records] == [
        "Deep Reinforcement Learning that Matters",
        "Distributional Reinforcement Learning with Quantile Regression"]
    assert result.records[1].get("author")[1] == Name(family="Pinto", given="Henrique P. d.O.")
    assert "Quantile" not in result.records[0].get("abstract")
    assert not result.diagnostics


def test_a_name_with_no_given_part_is_a_guess_that_is_reported() -> None:
    text = ("Addressing the Rare Word Problem in Neural Machine Translation\n"
            "Luong, Minh-Thang, Le, Sutskever, Ilya\n"
            "Rare words are copied through alignments to the source sentence.\n"
            "Sequence to Sequence Learning with Neural Networks\n"
            "Sutskever, Ilya, Vinyals, Oriol, Le, Quoc V.\n"
            "Two recurrent networks map a sequence to a sequence.\n")
    result = lastfirst.read(text)
    assert len(result.records) == 2
    assert result.records[0].get("author") == (
        Name(family="Luong", given="Minh-Thang"), Name(family="Le"),
        Name(family="Sutskever", given="Ilya"))
    assert _codes(result) == ["last-first.odd-tokens"] and result.diagnostics[0].line == 2
    assert "Sequence" not in result.records[0].get("abstract")


def test_a_pasted_block_of_another_layout_after_an_arxiv_entry_is_not_abstract_text() -> None:
    text = ("CLJun 12, 2017\n"
            "Attention Is All You NeedAshish Vaswani, Noam Shazeer, Niki Parmar et al.\n"
            "A translation model built on attention alone, with no recurrence.\n"
            "Deep Residual Learning for Image Recognition\n"
            "Kaiming He\n"
            "Xiangyu Zhang\n"
            "Shortcut connections let very deep networks train.\n")
    result = arxiv.read(text)
    first, pasted = result.records
    assert first.get("abstract") == "A translation model built on attention alone, with no recurrence."
    assert pasted.get("title") == "Deep Residual Learning for Image Recognition"
    assert pasted.get("author") == (Name(family="He", given="Kaiming"),
                                    Name(family="Zhang", given="Xiangyu"))
    assert pasted.source.line == 4
    assert [(d.code, d.line, d.severity) for d in result.diagnostics] == [
        ("arxiv.other-layout", 4, Severity.WARNING)]


def test_a_publications_block_pasted_before_the_arxiv_entries_is_read_too() -> None:
    text = ("Publications\nConcrete Problems in AI Safety\nDario Amodei\nChris Olah\n"
            "Jacob Steinhardt\nFive research problems about accidents in machine learning "
            "systems, such as reward hacking.\n"
            "LGJun 5, 2017\nSelf-Normalizing Neural NetworksGünter Klambauer, Thomas "
            "Unterthiner, Andreas Mayr\nActivations are kept near zero mean and unit variance.\n")
    result = api.read(text)
    assert result.layout == "arxiv"
    assert [(r.get("title"), r.source.line) for r in result.records] == [
        ("Concrete Problems in AI Safety", 2), ("Self-Normalizing Neural Networks", 7)]
    assert [d.code for d in result.diagnostics] == ["arxiv.other-layout"]


def test_text_after_an_arxiv_abstract_that_no_reader_reads_is_an_error() -> None:
    text = ("CLJun 12, 2017\n"
            "Attention Is All You NeedAshish Vaswani, Noam Shazeer, Niki Parmar et al.\n"
            "A translation model built on attention alone, with no recurrence.\n"
            "Notes for Tuesday\n"
            "(read sections 3 and 4 before)\n")
    result = arxiv.read(text)
    (rec,) = result.records
    assert rec.get("abstract") == "A translation model built on attention alone, with no recurrence."
    (err,) = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    assert err.code == "arxiv.unparsed-block" and err.line == 4
    assert err.raw == "Notes for Tuesday\n(read sections 3 and 4 before)"


def test_a_block_without_an_author_line_after_an_entry_is_its_own_error() -> None:
    text = ("Attention Is All You Need\n"
            "Vaswani, Ashish, Shazeer, Noam\n"
            "A translation model built on attention alone.\n"
            "Deep Residual Learning for Image Recognition\n"
            "He Kaiming and Zhang Xiangyu and others (2016)\n"
            "Shortcut connections let very deep networks train.\n")
    result = lastfirst.read(text)
    (rec,) = result.records
    assert rec.get("abstract") == "A translation model built on attention alone."
    (err,) = result.diagnostics
    assert (err.code, err.line, err.severity) == ("last-first.unparsed-block", 4, Severity.ERROR)
    assert err.raw.count("\n") == 2


def test_an_entry_without_abstract_then_a_block_that_does_not_parse() -> None:
    text = ("Attention Is All You Need\n"
            "Vaswani, Ashish, Shazeer, Noam\n"
            "Deep Residual Learning for Image Recognition\n"
            "He Kaiming; Zhang Xiangyu; and others (2016)\n"
            "Shortcut connections let very deep networks train.\n"
            "Adam: A Method for Stochastic Optimization\n"
            "Kingma, Diederik P., Ba, Jimmy\n")
    result = lastfirst.read(text)
    assert [r.get("title") for r in result.records] == [
        "Attention Is All You Need", "Adam: A Method for Stochastic Optimization"]
    assert result.records[0].get("abstract") is None
    (err,) = result.diagnostics
    assert (err.code, err.line) == ("last-first.unparsed-block", 3)
    assert err.raw.splitlines()[0] == "Deep Residual Learning for Image Recognition"


@pytest.mark.parametrize("layout,text", [
    ("arxiv", "LGJun 19, 2020\nDenoising Diffusion Probabilistic ModelsJonathan Ho, Ajay Jain, "
              "Pieter Abbeel\nSamples come from undoing a gradual noising process.\n"
              "We release the code.\n"),
    ("last-first", "Denoising Diffusion Probabilistic Models\nHo, Jonathan, Jain, Ajay\n"
                   "Samples come from undoing a gradual noising process.\nWe release the code.\n"),
])
def test_an_abstract_copied_as_two_lines_stays_one_abstract(layout: str, text: str) -> None:
    result = READERS[layout].read(text)
    assert not result.diagnostics
    assert result.records[0].get("abstract") == ("Samples come from undoing a gradual noising "
                                                 "process. We release the code.")


def test_suffixes() -> None:
    pub = publications.read("Publications\nSearch-based Structured Prediction\nHal Daumé III\n"
                            "John Langford\nDaniel Marcu\n")
    (rec,) = pub.records
    assert rec.get("author")[0] == Name(family="Daumé", given="Hal", suffix="III")
    assert len(rec.get("author")) == 3
    lf = lastfirst.read("Frustratingly Easy Domain Adaptation\nDaumé III, Hal\n"
                        "Features are copied once per domain.\n")
    assert lf.records[0].get("author") == (Name(family="Daumé", given="Hal", suffix="III"),)


def test_capitalised_particles_start_the_family_name() -> None:
    (rec,) = arxiv.read("CVJun 1, 2013\nSupervised Descent Method and its Applications to Face "
                        "AlignmentXuehan Xiong, Fernando De la Torre\nA descent map is learned.\n"
                        ).records
    assert rec.get("author")[1] == Name(family="De la Torre", given="Fernando")


def test_three_word_names_are_warned_in_the_arxiv_layout() -> None:
    result = arxiv.read("CLOct 4, 2022\nSparse Continuous DistributionsAndré F. T. Martins, "
                        "Pedro Henrique Martins, Marcos Treviso\nA short abstract.\n")
    assert _codes(result) == ["arxiv.name-split"]
    assert result.records[0].get("author")[1] == Name(family="Martins", given="Pedro Henrique")


def test_glue_point_at_a_digit_and_a_zero_width_space() -> None:
    text = ("CLMar 7, 2024\nYi: Open Foundation Models by 01.AI01.AI, Alex Young, Bei Chen et al."
            "\nA family of bilingual models.\n"
            "CLMay 29, 2023\nDirect Preference Optimization: Your Language Model is Secretly a "
            "Reward Model\u200bRafael Rafailov, Archit Sharma, Eric Mitchell et al.\nNo reward "
            "model is fitted.\n")
    result = arxiv.read(text)
    first, second = result.records
    assert first.get("title") == "Yi: Open Foundation Models by 01.AI"
    assert first.get("author")[:2] == (Name(literal="01.AI"), Name(family="Young", given="Alex"))
    assert second.get("title") == ("Direct Preference Optimization: Your Language Model is "
                                   "Secretly a Reward Model")


def test_browser_copy_noise_is_removed() -> None:
    text = ("\ufeffLGMay 24, 2019\r\nEfficient\u00adNet: Rethinking Model Scaling for "
            "Convolutional Neural NetworksMingxing\u00a0Tan, Quoc V.\u00a0Le\r\n"
            "Depth, width and reso\u00adlution are scaled\u200b together.\r\n"
            "CLOct 11, 2018\r\nBERT: Pre-training of Deep Bidirectional Transformers for Language "
            "UnderstandingJacob Devlin, Ming-Wei Chang, Kenton Lee\u00a0et\u00a0al.\r\n"
            "A bidirectional encoder is pretrained on masked words and a sentence-pair task; "
            "the model then…more\r\n")
    result = arxiv.read(text)
    assert not result.diagnostics
    first, second = result.records
    assert first.get("title").startswith("EfficientNet: Rethinking")
    assert first.get("abstract") == "Depth, width and resolution are scaled together."
    assert first.get("author")[1] == Name(family="Le", given="Quoc V.")
    assert second.get("author")[-1] == ETAL
    assert second.get("abstract").endswith("the model then…")


def test_page_furniture_is_dropped_and_counted_not_reported() -> None:
    text = ("Publications\n\nAttention Is All You Need\nAshish Vaswani\nNoam Shazeer\n"
            "Load more\nDeep Residual Learning for Image Recognition\nKaiming He\n"
            "Xiangyu Zhang\nPage 1 of 3\n")
    result = publications.read(text)
    assert len(result.records) == 2 and not result.diagnostics
    assert result.metadata["furniture"] == "2 line(s) of page furniture dropped: 6, 10"
    runner = CliRunner().invoke(main, ["convert", "-", "--from", "publications"], input=text)
    assert runner.exit_code == 0 and "error" not in runner.stderr


def test_a_blank_line_after_the_profile_line() -> None:
    result = lastfirst.read("Castro, Pablo Samuel\n\nDopamine: A Research Framework for Deep "
                            "Reinforcement Learning\nCastro, Pablo Samuel, Moitra, Subhodeep\n"
                            "A small code base for trying ideas fast.\n")
    assert len(result.records) == 1 and not result.diagnostics
    assert result.metadata["profile"] == "Castro, Pablo Samuel"


def test_organisations_keep_their_case_on_publications_pages() -> None:
    result = publications.read(
        "Publications\nObservation of a new particle in the search for the Standard Model Higgs "
        "boson with the ATLAS detector at the LHC\nATLAS Collaboration\nGeorges Aad\n")
    assert result.records[0].get("author") == (Name(literal="ATLAS Collaboration"),
                                               Name(family="Aad", given="Georges"))


def test_ambiguous_category_codes_use_the_entry_or_warn() -> None:
    stamped = arxiv.read("COMar 3, 2021\nA Note on Ramsey NumbersJohn Smith, Jane Doe\n"
                         "We bound a Ramsey number. arXiv:2103.01234v1 [math.CO] 3 Mar 2021\n")
    assert stamped.records[0].extra["primaryclass"] == "math.CO" and not stamped.diagnostics
    bare = arxiv.read("COMar 3, 2021\nA Note on Ramsey NumbersJohn Smith, Jane Doe\n"
                      "We bound a Ramsey number.\n")
    assert _codes(bare) == ["arxiv.ambiguous-category"]
    assert "math.CO" in bare.diagnostics[0].message


@pytest.mark.parametrize("text", [
    "Hi Marc,\nthe two people to ask are:\nPablo Samuel Castro\nMarc G. Bellemare\nBest,\nJohan\n",
    "Reading group, meeting notes\nAttendees: three\nAlice Smith\nBob Jones\nWe read the "
    "Transformer paper and will discuss the results in detail next week after the break.\n",
    "From: Alice Smith <alice@example.org>\nSubject: papers\nSmith, Alice\nDoe, John\n",
])
def test_notes_and_e_mails_that_contain_names_are_refused(text: str) -> None:
    assert all(score < api.MIN_SCORE for _, score in api.detect(text))


# ------------------------------------------------------------------ standard CSL-JSON
SEARCH_PAGE = """arXiv:1706.03762 [pdf, other] cs.CL cs.LG
Attention Is All You Need
Authors: Ashish Vaswani, Noam Shazeer, Niki Parmar
Abstract: A translation model built only on attention.
Submitted 12 June, 2017; originally announced June 2017.
"""


def test_csl_json_is_standard_and_reads_back() -> None:
    out = CliRunner().invoke(main, ["convert", "-", "--to", "csl-json"], input=SEARCH_PAGE)
    assert out.exit_code == 0, out.stderr
    (item,) = json.loads(out.stdout)
    assert "citeconv-extra" not in item
    assert item["number"] == "arXiv:1706.03762"
    assert item["DOI"] == "10.48550/arXiv.1706.03762"
    assert item["URL"] == "https://arxiv.org/abs/1706.03762"
    assert item["keyword"] == "cs.CL" and item["note"] == "arXiv category: cs.CL"
    again = api.read(out.stdout, "csl-json").records[0]
    assert again.get("number") == "1706.03762" and again.extra == {"primaryclass": "cs.CL"}
    bib = api.write([again], "bibtex")
    assert "eprint = {1706.03762}" in bib and "primaryclass = {cs.CL}" in bib


def test_extra_fields_travel_as_note_lines() -> None:
    rec = Record(id="k", type="article-journal", fields={"title": "T", "note": "Own note"},
                 extra={"file": "a.pdf", "owner": "me"})
    assert rec.to_csl()["note"] == "Own note\nfile: a.pdf\nowner: me"
    assert Record.from_csl(rec.to_csl()) == rec


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_our_csl_json_and_keeps_id_category_and_date() -> None:
    out = CliRunner().invoke(main, ["convert", "-", "--to", "csl-json"], input=SEARCH_PAGE)
    bib = subprocess.run(["pandoc", "-f", "csljson", "-t", "biblatex"], input=out.stdout,
                         capture_output=True, text=True, check=True).stdout
    assert "number = {arXiv:1706.03762}" in bib
    assert "doi = {10.48550/arXiv.1706.03762}" in bib
    assert "arXiv category: cs.CL" in bib
    assert "date = {2017-06-12}" in bib


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_keeps_category_and_date_of_a_listing_entry() -> None:
    listing = ("LGJun 19, 2020\nDenoising Diffusion Probabilistic ModelsJonathan Ho, Ajay Jain, "
               "Pieter Abbeel\nSamples come from learning to undo a gradual noising process.\n")
    out = CliRunner().invoke(main, ["convert", "-", "--to", "csl-json"], input=listing)
    assert out.exit_code == 0, out.stderr
    bib = subprocess.run(["pandoc", "-f", "csljson", "-t", "biblatex"], input=out.stdout,
                         capture_output=True, text=True, check=True).stdout
    assert "note = {arXiv category: cs.LG}" in bib and "date = {2020-06-19}" in bib


# ------------------------------------------------------------------ property: nothing swallowed
TITLES = [
    "Attention Is All You Need", "Deep Residual Learning for Image Recognition",
    "Adam: A Method for Stochastic Optimization", "Layer Normalization",
    "Generative Adversarial Networks", "Distilling the Knowledge in a Neural Network",
    "Neural Machine Translation by Jointly Learning to Align and Translate",
    "Playing Atari with Deep Reinforcement Learning", "Denoising Diffusion Probabilistic Models",
    "Sequence to Sequence Learning with Neural Networks", "Language Models are Few-Shot Learners",
    "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift",
    "Mastering the Game of Go without Human Knowledge", "Proximal Policy Optimization Algorithms",
    "Auto-Encoding Variational Bayes", "Efficient Estimation of Word Representations in Vector "
    "Space", "U-Net: Convolutional Networks for Biomedical Image Segmentation",
    "Search-based Structured Prediction", "Visualizing Data using t-SNE",
]
PEOPLE = [
    ("Ashish", "Vaswani"), ("Noam", "Shazeer"), ("Kaiming", "He"), ("Diederik P.", "Kingma"),
    ("Jimmy", "Ba"), ("Ian", "Goodfellow"), ("Yoshua", "Bengio"), ("Geoffrey", "Hinton"),
    ("Dzmitry", "Bahdanau"), ("Volodymyr", "Mnih"), ("Ilya", "Sutskever"), ("Oriol", "Vinyals"),
    ("Jacob", "Devlin"), ("Ming-Wei", "Chang"), ("Jonathan", "Ho"), ("Pieter", "Abbeel"),
    ("David", "Silver"), ("Sergey", "Ioffe"), ("Tom B.", "Brown"), ("Olaf", "Ronneberger"),
    ("Tomas", "Mikolov"), ("John", "Schulman"), ("Max", "Welling"), ("Hal", "Daumé III"),
]
SENTENCES = [
    "We train a large model on a small budget.", "The method is simple and fast.",
    "Results improve on every benchmark we tried.", "Code and weights are released.",
    "A new objective makes training stable across seeds and tasks.",
]
NOISE = st.sampled_from(["", "\u200b", "\u00ad", "\u00a0"])
FURNITURE = st.sampled_from(["", "Load more", "Page 2 of 3", "Show more", "Next »"])


@st.composite
def listing(draw, layout: str):  # type: ignore[no-untyped-def]
    """(text, titles) for a listing in ``layout`` with browser-copy noise between blocks."""
    titles = draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=6, unique=True))
    lines = ["Publications"] if layout == "publications" else []
    for k, title in enumerate(titles):
        people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3, unique=True))
        noise = draw(NOISE)
        abstract = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
        # inside words: zero-width space, soft hyphen; between words: a no-break space
        inside = noise if noise != "\u00a0" else ""
        space = "\u00a0" if noise == "\u00a0" else " "
        abstract = abstract.replace("train", "tr" + inside + "ain").replace(" a ", space + "a ")
        if layout == "arxiv":
            names = ", ".join(f"{g}{space}{f}" for g, f in people)
            lines += [f"LG{draw(st.sampled_from(['Jan', 'Jun', 'Nov']))} {k + 1}, 2019",
                      title + inside + names, abstract]
        elif layout == "last-first":
            lines += [title, ("," + space).join(f"{f},{space}{g}" for g, f in people)]
            lines += [abstract] if draw(st.booleans()) else []
        else:
            lines += [title, *[f"{g}{space}{f}" for g, f in people]]
            lines += [abstract] if draw(st.booleans()) else []
        if furniture := draw(FURNITURE):
            lines.append(furniture)
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return draw(st.sampled_from(["", "\ufeff"])) + eol.join(lines) + eol, titles


PROPERTY = settings(max_examples=60, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
READERS = {"arxiv": arxiv, "last-first": lastfirst, "publications": publications}


@pytest.mark.parametrize("layout", READERS)
@PROPERTY
@given(data=st.data())
def test_every_block_is_one_entry_and_no_abstract_swallows_a_title(layout: str, data) -> None:  # type: ignore[no-untyped-def]
    text, titles = data.draw(listing(layout))
    result = READERS[layout].read(text)
    assert [r.get("title") for r in result.records] == titles
    for rec in result.records:
        abstract = rec.get("abstract", "")
        assert not any(t in abstract for t in titles), (rec.get("title"), abstract)
    assert _errors(result) == []
