"""LaTeX is the real client: the canonical BibTeX of every example compiles under
natbib + plainnat + bibtex and biblatex + biber, in UTF-8 and with --ascii.

Allowed: bibtex's "empty FIELD in KEY" warnings (a field the input really lacks). Anything else
in the logs (errors, undefined citations, biber WARN/ERROR lines, unset Unicode) fails.
"""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from citeconv import api
from citeconv.keys import assign_keys
from conftest import ROOT

pytestmark = pytest.mark.latex
TOOLS = ("pdflatex", "bibtex", "biber")
if not all(shutil.which(t) for t in TOOLS):
    pytest.skip("needs pdflatex, bibtex and biber (.ci/run installs them)", allow_module_level=True)

EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".bib", ".txt", ".json", ".ris"))
PREAMBLE = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{textcomp}
\usepackage{url}
"""
NATBIB = PREAMBLE + r"""\usepackage[numbers]{natbib}
\begin{document}
\cite{%s}
\bibliographystyle{plainnat}
\bibliography{refs}
\end{document}
"""
BIBLATEX = PREAMBLE + r"""\usepackage[backend=biber]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\cite{%s}
\printbibliography
\end{document}
"""
ALLOWED_BIBTEX = re.compile(r"^Warning--empty \w+ in \S+$")


def _run(cmd, cwd):
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120,
                          errors="replace")
    return proc.returncode, proc.stdout + proc.stderr


def _canonical(example, ascii_only):
    result = api.read(example.read_text(encoding="utf-8"), None, example.name)
    records = assign_keys(result.records)
    return api.write(records, "bibtex", ascii_only=ascii_only), [r.id for r in records]


def _check_latex_log(tmp_path):
    log = (tmp_path / "doc.log").read_text(errors="replace")
    problems = [line for line in log.splitlines()
                if line.startswith("!") or "undefined" in line.lower()
                or "not set up for use with LaTeX" in line]
    assert problems == []


def _bibtex_problems(out):
    warnings = [line for line in out.splitlines() if line.startswith(("Warning", "I was", "I'm"))]
    return [w for w in warnings if not ALLOWED_BIBTEX.match(w)]


def _biber_problems(out):
    return [line for line in out.splitlines() if re.match(r"^(WARN|ERROR)", line)]


ENGINES = {  # document, bibliography command, its problems, exit codes that are fine
    "natbib-bibtex": (NATBIB, ["bibtex", "doc"], _bibtex_problems, (0, 1)),
    "biblatex-biber": (BIBLATEX, ["biber", "--quiet", "doc"], _biber_problems, (0,)),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("ascii_only", [False, True], ids=["utf8", "ascii"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_canonical_bibtex_compiles(tmp_path, example, ascii_only, engine):
    document, bib_command, problems, ok_codes = ENGINES[engine]
    bib, keys = _canonical(example, ascii_only)
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    (tmp_path / "doc.tex").write_text(document % ",".join(keys), encoding="utf-8")
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc"]
    assert _run(latex, tmp_path)[0] == 0
    code, out = _run(bib_command, tmp_path)
    assert problems(out) == [], out
    assert code in ok_codes, out  # bibtex exits 1 when it printed (allowed) warnings
    for _ in range(2):
        code, out = _run(latex, tmp_path)
        assert code == 0, out[-2000:]
    _check_latex_log(tmp_path)
