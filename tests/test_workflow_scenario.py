"""Issue 11 "done when", as a user does it: a listing -> refs.bib; a paper cites three keys; two
papers are added to the listing, one of them already there under another spelling; ``--update``
keeps the three keys, adds one entry, and the paper still compiles (``latex`` part)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from citeconv.cli import main

LISTING = """\
CLJun 12, 2017
Attention Is All You NeedAshish Vaswani, Noam Shazeer, Niki Parmar et al. · google-research
We replace recurrence with attention.
LGFeb 17, 2022
ST-MoE: Designing Stable and Transferable Sparse Expert ModelsBarret Zoph, Irwan Bello
A study of sparse expert models.
CLOct 11, 2018
BERT: Pre-training of Deep Bidirectional Transformers for Language UnderstandingJacob Devlin, Ming-Wei Chang, Kenton Lee et al.
A pre-trained language representation model.
"""
ADDED = """\
CLOct 11, 2018
Bert: pre-training of deep bidirectional transformers for language understanding.Jacob Devlin, Ming-Wei Chang
The same paper, spelt another way.
LGDec 22, 2014
Adam: A Method for Stochastic OptimizationDiederik P. Kingma, Jimmy Ba
A first-order method for stochastic objectives.
"""
TEX = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[numbers]{natbib}
\begin{document}
\cite{vaswani2017attention,zoph2022stmoe} and \cite{devlin2018bert}.
\bibliographystyle{plainnat}
\bibliography{refs}
\end{document}
"""


def cli(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _scenario(tmp_path):
    listing, refs = tmp_path / "pubs.txt", tmp_path / "refs.bib"
    listing.write_text(LISTING)
    first = cli("convert", str(listing), "-o", str(refs))
    assert first.exit_code == 0, first.stderr
    before = refs.read_text()
    keys = re.findall(r"^@\w+\{([^,]+),", before, re.M)
    assert keys == ["vaswani2017attention", "zoph2022stmoe", "devlin2018bert"]
    (tmp_path / "paper.tex").write_text(TEX)
    listing.write_text(LISTING + ADDED)
    update = cli("convert", str(listing), "--update", str(refs))
    assert update.exit_code == 0
    after = refs.read_text()
    assert after.startswith(before.rstrip("\n"))  # nothing in the old file moved or changed
    assert re.findall(r"^@\w+\{([^,]+),", after, re.M) == keys + ["kingma2014adam"]
    assert update.stderr.replace(str(tmp_path) + "/", "").splitlines() == [
        "pubs.txt:10: warning: two inputs give the same work with different abstract: kept 'A "
        "pre-trained language representation model.', not 'The same paper, spelt another way.' "
        "[update.conflict]",
        "refs.bib: warning: added kingma2014adam (Adam: A Method for Stochastic Optimization) "
        "[update.added]",
        "citeconv: refs.bib: 1 added, 0 merged, 3 already there"]
    again = cli("convert", str(listing), "--update", str(refs))
    assert refs.read_text() == after and again.stderr.endswith(
        "0 added, 0 merged, 4 already there\n")
    return tmp_path


def test_update_keeps_cited_keys_and_adds_one_entry(tmp_path):
    _scenario(tmp_path)


@pytest.mark.latex
@pytest.mark.skipif(not (shutil.which("pdflatex") and shutil.which("bibtex")),
                    reason="needs pdflatex and bibtex")
def test_the_paper_still_compiles_after_update(tmp_path):
    _scenario(tmp_path)
    for cmd in (["pdflatex", "-interaction=nonstopmode", "paper"], ["bibtex", "paper"],
                ["pdflatex", "-interaction=nonstopmode", "paper"],
                ["pdflatex", "-interaction=nonstopmode", "paper"]):
        proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              errors="replace")
        assert proc.returncode == 0, proc.stdout[-2000:]
    log = (tmp_path / "paper.log").read_text(errors="replace")
    assert "undefined" not in log.lower(), log[-2000:]
    bbl = (tmp_path / "paper.bbl").read_text()
    assert re.findall(r"\\bibitem\[[^\]]*\]\{([^}]+)\}", bbl.replace("\n", "")) == [
        "devlin2018bert", "vaswani2017attention", "zoph2022stmoe"]
