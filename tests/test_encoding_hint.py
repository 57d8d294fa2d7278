"""A file that is not UTF-8 and declares no encoding exits 1, and the message names the
``--encoding`` to type when the bytes read cleanly in a common legacy encoding (issue 9)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from citeconv.cli import main
from citeconv.textio import legacy_fits
from conftest import ROOT

GBK = ROOT.parent / "shared" / "realbib" / "bibtexparser-gbk.bib"


@pytest.mark.parametrize("data, hint", [
    (b"@article{a, title={caf\xe9}}",
     "byte 0xe9 at offset 22; it reads cleanly as latin-1: add --encoding latin-1 (or cp1252)"),
    (b"@article{a, title={\x93Quoted\x94 caf\xe9}}",
     "byte 0x93 at offset 19; it reads cleanly as cp1252: add --encoding cp1252"),
    ("@article{a, title={你好世界}}".encode("gbk"),
     "byte 0xc4 at offset 19; it reads cleanly as gbk: add --encoding gbk (or big5)"),
    ("@article{a, title={Straße Müller Ångström}}".encode("latin-1"),
     "byte 0xdf at offset 23; it reads cleanly as latin-1: add --encoding latin-1 (or cp1252, gbk)"),
    (b"@article{a, title={\x81\x30\x81\x30}}",
     "byte 0x81 at offset 19; give the encoding with --encoding (for example --encoding latin-1)"),
])
def test_the_error_says_what_to_type(data, hint):
    result = CliRunner().invoke(main, ["convert", "-"], input=data, catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"citeconv: error: <stdin>: not UTF-8: {hint}\n"


def test_a_two_byte_code_that_swallows_a_brace_is_no_fit():
    assert "gbk" not in legacy_fits(b"@misc{a, title={caf\xe9}}")  # 0xe9 0x7d is one GBK char


@pytest.mark.skipif(not GBK.exists(), reason="../shared/realbib is not next to the repository")
def test_the_real_gbk_file_is_named_gbk_and_converts_with_it():
    runner = CliRunner()
    result = runner.invoke(main, ["convert", str(GBK)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.endswith("it reads cleanly as gbk: add --encoding gbk\n")
    again = runner.invoke(main, ["convert", str(GBK), "--encoding", "gbk"], catch_exceptions=False)
    assert again.exit_code == 0
