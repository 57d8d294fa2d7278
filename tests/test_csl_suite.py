"""The CSL test suite through citeconv.render (citeconv.csl): the known-failures list must be exact.

Runs ``bench/csl_suite.py`` over ``../shared/csl-test-suite/processor-tests/humans`` (next to the
repository); skipped when the suite is not there. A fixture that starts failing, or one listed in
``bench/csl_suite_known_failures.txt`` that now passes, fails this test.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT.parent / "shared" / "csl-test-suite" / "processor-tests" / "humans"
RUNNER = ROOT / "bench" / "csl_suite.py"
KNOWN = ROOT / "bench" / "csl_suite_known_failures.txt"


def _runner():
    spec = importlib.util.spec_from_file_location("csl_suite", RUNNER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SUITE.is_dir(), reason="CSL test suite not found next to the repository")
def test_known_failures_are_exact(capsys: pytest.CaptureFixture[str]) -> None:
    code = _runner().main([str(SUITE), "--known-failures", str(KNOWN)])
    out = capsys.readouterr().out
    assert code == 0, out[-3000:]
    passed, total = out.split("TOTAL ")[1].split()[0].split("/")
    assert int(passed) / int(total) >= 0.85


def test_fixture_parser(tmp_path: Path) -> None:
    fixture = tmp_path / "demo_Case.txt"
    fixture.write_text(
        ">>===== MODE =====>>\ncitation\n<<===== MODE =====<<\n"
        ">>===== RESULT =====>>\nDoe\n<<===== RESULT =====<<\n"
        ">>===== CSL =====>>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" "
        "version=\"1.0\"><citation><layout><names variable=\"author\"><name form=\"short\"/></names>"
        "</layout></citation></style>\n<<===== CSL =====<<\n"
        ">>===== INPUT =====>>\n[{\"id\": \"a\", \"type\": \"book\", \"author\": "
        "[{\"family\": \"Doe\", \"given\": \"John\"}]}]\n<<===== INPUT =====<<\n", encoding="utf-8")
    runner = _runner()
    data = runner.parse_fixture(str(fixture))
    assert data["mode"] == "citation" and data["input"][0]["id"] == "a"
    assert runner.check(str(fixture), verbose=False) == (True, None)
