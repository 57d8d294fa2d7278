"""Names as biber reads them: biber is the oracle (issue 9).

``biber --tool`` rewrites a .bib with every name decoded to UTF-8 in ``prefix family, given``
form; citeconv's reading of the same input must give the same names. Needs biber (.ci/run
installs it).
"""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from citeconv.names import format_bibtex_names, parse_bibtex_names
from citeconv.readers import bibtex
from conftest import ROOT

pytestmark = pytest.mark.latex
if not shutil.which("biber"):
    pytest.skip("needs biber (.ci/run installs it)", allow_module_level=True)

NAMES = ROOT / "tests" / "data" / "names" / "latex-names.bib"


def _biber_authors(tmp_path) -> dict[str, str]:
    src = tmp_path / NAMES.name
    src.write_bytes(NAMES.read_bytes())
    subprocess.run(["biber", "--tool", "--output-format=bibtex", "--output-file=out.bib",
                    src.name], cwd=tmp_path, capture_output=True, timeout=120, check=True)
    out = (tmp_path / "out.bib").read_text(encoding="utf-8")
    entries = re.findall(r"@\w+\{(\w+),(.*?)\n\}", out, re.S)
    return {key: re.search(r"AUTHOR\s*=\s*\{(.*)\},?\n", body).group(1) for key, body in entries}


def test_names_read_as_biber_reads_them(tmp_path):
    expected = _biber_authors(tmp_path)
    records = {r.id: r for r in bibtex.read(NAMES.read_text(encoding="utf-8")).records}
    assert set(expected) == set(records)
    for key, biber_value in expected.items():
        # biber's output is plain UTF-8 BibTeX names: read with the same rules, they must agree
        assert records[key].fields["author"] == parse_bibtex_names(biber_value), key


def test_the_names_written_back_read_the_same():
    for record in bibtex.read(NAMES.read_text(encoding="utf-8")).records:
        names = record.fields["author"]
        assert parse_bibtex_names(format_bibtex_names(names)) == names
