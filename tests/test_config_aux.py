"""Configuration ([tool.citeconv] / citeconv.toml; the command line wins; unknown settings are
errors with file and line), ``convert --aux``, and CLI errors of --key-format and --update."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from citeconv.cli import main

BIB = ("@article{b, author={Zed, Ann}, title={Beta Study}, journal={J}, year=2020}\n"
       "@article{a, author={Doe, Jane}, title={Alpha Study}, journal={J}, year=2019}\n")
LISTING = "CLJun 12, 2017\nAttention Is All You NeedAshish Vaswani, Noam Shazeer\nWe attend.\n"


@pytest.fixture
def here(tmp_path):
    old = os.getcwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(old)


def cli(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_pyproject_settings_apply_and_the_command_line_wins(here):
    (here / "pyproject.toml").write_text('[project]\nname = "paper"\n\n[tool.citeconv]\n'
                                         'key-format = "{Family}{yy}"\n')
    (here / "pubs.txt").write_text(LISTING)
    assert cli("convert", "pubs.txt").stdout.startswith("@misc{Vaswani17,\n")
    assert cli("convert", "pubs.txt", "--key-format", "{family}").stdout.startswith(
        "@misc{vaswani,\n")


def test_citeconv_toml_check_rules(here):
    (here / "citeconv.toml").write_text('[check]\nselect = ["bad-pages"]\nstrict = true\n')
    (here / "refs.bib").write_text("@misc{x, title={T}, pages={1-2}, month={13}}\n")
    result = cli("check", "refs.bib")
    assert result.stdout == ("refs.bib:1: warning: pages '1-2': a range is written with -- in "
                             "BibTeX [bad-pages]\n")
    assert result.exit_code == 1  # strict from the file
    assert cli("check", "refs.bib", "--select", "bad-month").stdout == (
        "refs.bib:1: error: month '13' is not a month [bad-month]\n")


@pytest.mark.parametrize("content, message", [
    ('key-format = "{family}"\nstyel = "apa"\n', "citeconv.toml:2: unknown setting 'styel'; "
     "known: key-format, style, locale, check"),
    ('[check]\nselect = "bad-doi"\n', "citeconv.toml:2: check.select must be a list of strings"),
    ('style = \n', "citeconv.toml: not valid TOML"),
])
def test_bad_settings_name_file_and_line(here, content, message):
    (here / "citeconv.toml").write_text(content)
    result = CliRunner().invoke(main, ["convert", "-"], input=BIB)
    assert result.exit_code == 1
    assert message in result.stderr.replace(str(here) + "/", "")


def test_convert_aux_writes_only_cited_entries_and_reports_missing(here):
    (here / "refs.bib").write_text(BIB)
    (here / "paper.aux").write_text("\\relax\n\\citation{a}\n\\abx@aux@cite{0}{zz}\n")
    result = cli("convert", "refs.bib", "--aux", "paper.aux")
    assert [line for line in result.stdout.splitlines() if line.startswith("@")] == [
        "@article{a,"]
    assert result.stderr == "paper.aux:3: warning: 'zz' is cited but no input has it " \
        "[aux.missing]\n"
    (here / "all.aux").write_text("\\citation{*}\n")
    assert cli("convert", "refs.bib", "--aux", "all.aux").stdout.count("@article") == 2


def test_key_format_and_update_usage_errors(here):
    (here / "pubs.txt").write_text(LISTING)
    bad = CliRunner().invoke(main, ["convert", "pubs.txt", "--key-format", "{nope}"])
    assert bad.exit_code == 2 and "unknown key-format token {nope}" in bad.stderr
    html = CliRunner().invoke(main, ["convert", "pubs.txt", "--update", "r.bib", "--to", "html"])
    assert html.exit_code == 2 and "--update writes BibTeX" in html.stderr
    fresh = cli("convert", "pubs.txt", "--update", "new.bib")  # a file that does not exist yet
    assert fresh.exit_code == 0
    assert (here / "new.bib").read_text().startswith("@misc{vaswani2017attention,\n")


def test_update_refuses_a_broken_file_and_leaves_it_alone(here):
    (here / "pubs.txt").write_text(LISTING)
    broken = "@misc{a, title={Fine}}\n@misc{b, title={never closed\n"
    (here / "refs.bib").write_text(broken)
    result = CliRunner().invoke(main, ["convert", "pubs.txt", "--update", "refs.bib"])
    assert result.exit_code == 1
    assert result.stderr == ("citeconv: error: refs.bib:2: @misc block: braces do not balance "
                             "(1 in all): fix the file first (citeconv check refs.bib), nothing "
                             "was written\n")
    assert (here / "refs.bib").read_text() == broken
