"""Case protection users can predict (issue 9): which title words the BibTeX writer braces, the
round trip through the LaTeX codec, ``--no-protect``, and (``latex``) what plainnat prints."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from citeconv.casing import needs_protection, shouting, split_word
from citeconv.cli import main
from citeconv.latex import decode, encode


@pytest.mark.parametrize("title, expected", [
    ("Playing Atari with Deep RL", "Playing {Atari} with Deep {RL}"),
    ("Insights from Training Gopher", "Insights from Training {Gopher}"),
    ("Prompt Tuning:A Study", "Prompt Tuning:{A} Study"),
    ("BERT:Pre-training", "{BERT}:{Pre-training}"),
    ("Tuning: A Study", "Tuning: A Study"),  # a space after the colon: bibtex keeps the capital
    ("English and French Gaussians", "{English} and {French} {Gaussians}"),
    ("Non-Gaussian Noise", "Non-{Gaussian} Noise"),
    ("Markov's Inequality (Bayes')", "{Markov's} Inequality ({Bayes}')"),
    ("R&D at AT&T", r"{R\&D} at {AT\&T}"),
    ("GPT-4o, LoRA and T5.", "{GPT-4o}, {LoRA} and {T5}."),
    ("Few-Shot Learners", "Few-Shot Learners"),
    ("Sliding Windows on the Web", "Sliding Windows on the Web"),  # common words: not listed
    ("A SURVEY OF NEURAL NETWORKS FOR NLP", "A SURVEY OF NEURAL NETWORKS FOR NLP"),
    ("BERT", "{BERT}"),  # one word is not a shouting title
    ("The <i>BERT</i> Model on Atari", r"The \emph{BERT} Model on {Atari}"),
    ('Its <span class="nocase">Deep Learning</span> Part', "Its {Deep Learning} Part"),
])
def test_the_writer_braces_only_the_words_bibtex_would_lower_case(title, expected):
    assert encode(title, protect=True) == expected
    assert decode(expected) == title


def test_split_word_pieces_join_back_to_the_word():
    assert split_word("(Tuning:A),") == [("(Tuning:", False), ("A", True), ("),", False)]
    assert split_word("word") == [("word", False)]
    assert needs_protection("Atari") and needs_protection("Non-Gaussian")
    assert not needs_protection("Apple") and not needs_protection("Few-Shot")
    assert shouting("DEEP LEARNING") and not shouting("BERT") and not shouting("Deep BERT")


@pytest.mark.parametrize("raw, expected", [
    ("{DEEP} {LEARNING}", '<span class="nocase">DEEP</span> <span class="nocase">LEARNING</span>'),
    ("Prompt Tuning:{A} Study", "Prompt Tuning:A Study"),
    ("Tuning: {A} Study", 'Tuning: <span class="nocase">A</span> Study'),
    ("non-{Gaussian} noise", "non-Gaussian noise"),
])
def test_braces_the_writer_would_add_again_read_as_plain_text(raw, expected):
    assert decode(raw) == expected
    assert decode(encode(expected, protect=True)) == expected


TITLE_WORDS = st.sampled_from([
    "Atari", "Gaussian", "Non-Gaussian", "English", "Markov's", "BERT", "NumPy", "T5", "a", "A",
    "Study", "study", "of", "Tuning:A", "x:Pre-training", "R&D", "AT&T", "(NLP),", "DEEP", "Q:",
    "{x}", "$5", "50%", "über", "Über", "Ärzte:Ökonomie", "--", "–", "Few-Shot", "I/O", ":A"])


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(TITLE_WORDS, min_size=1, max_size=8).map(" ".join))
def test_protection_round_trips_and_is_a_fixed_point(title):
    for ascii_only in (False, True):
        written = encode(title, ascii_only, protect=True)
        assert decode(written) == title
        assert encode(decode(written), ascii_only, protect=True) == written


def _convert(tmp_path, data: bytes, *options: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "in.bib"
    path.write_bytes(data)
    return CliRunner().invoke(main, ["convert", str(path), *options], catch_exceptions=False)


INPUT = (b"@article{a, title = {Playing Atari with Deep RL, a Tuning:A Study in NumPy and "
         b"{Stanford} and {BERT}}, journal = {J}, year = 2013}\n")


def test_cli_protects_and_no_protect_adds_none_but_keeps_the_input_braces(tmp_path):
    result = _convert(tmp_path, INPUT)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == ("@article{a,\n  title = {Playing {Atari} with Deep {RL}, a "
                             "Tuning:{A} Study in {NumPy} and {Stanford} and {BERT}},\n"
                             "  journal = {J},\n  year = {2013},\n}\n")
    bare = _convert(tmp_path, INPUT, "--no-protect")
    assert (bare.exit_code, bare.stderr) == (0, "")
    assert bare.stdout == ("@article{a,\n  title = {Playing Atari with Deep RL, a Tuning:A "
                           "Study in NumPy and {Stanford} and {BERT}},\n  journal = {J},\n"
                           "  year = {2013},\n}\n")


DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{natbib}
\begin{document}
\nocite{*}
\bibliographystyle{plainnat}
\bibliography{refs}
\end{document}
"""


@pytest.mark.latex
@pytest.mark.skipif(not (shutil.which("pdflatex") and shutil.which("bibtex")),
                    reason="needs pdflatex and bibtex")
def test_plainnat_prints_the_protected_capitals(tmp_path):
    data = (b"@article{a, author = {Mnih, V.}, title = {Playing Atari with Deep RL: "
            b"Tuning:A Study of English Gaussian Processes in Gopher}, journal = {J}, "
            b"year = 2013}\n")
    result = _convert(tmp_path, data)
    (tmp_path / "refs.bib").write_text(result.stdout, encoding="utf-8")
    (tmp_path / "doc.tex").write_text(DOCUMENT, encoding="utf-8")
    for cmd in (["pdflatex", "-interaction=nonstopmode", "doc"], ["bibtex", "doc"]):
        subprocess.run(cmd, cwd=tmp_path, capture_output=True, timeout=120, check=False)
    bbl = " ".join((tmp_path / "doc.bbl").read_text(encoding="utf-8").split())
    assert ("Playing {Atari} with deep {RL}: Tuning:{A} study of {English} {Gaussian} "
            "processes in {Gopher}") in bbl
