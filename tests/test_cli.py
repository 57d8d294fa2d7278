"""The CLI as a user runs it: stdout, stderr and exit code checked apart."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from citeconv.cli import Exit, main
from conftest import GOLDEN, ROOT

EXAMPLE = ROOT / "examples" / "messy.bib"
GOOD = "@article{a, title={A Title}, author={Doe, Jane}, year=2020, journal={J}}\n"
MIXED = GOOD + "@article{b, title={broken\n@book{c, title={C}, year=2019, publisher={P}}\n"


def run(*args, input=None):  # noqa: A002
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_convert_file_to_canonical_bibtex_on_stdout():
    result = run("convert", str(EXAMPLE))
    assert result.exit_code == Exit.OK
    assert result.stdout == (GOLDEN / "examples" / "messy.canonical.bib").read_text()
    assert result.stderr == ""


def test_convert_to_csl_json():
    result = run("convert", str(EXAMPLE), "--to", "csl-json")
    assert result.exit_code == 0
    assert result.stdout == (GOLDEN / "examples" / "messy.csl.json").read_text()


def test_stdin_dash_and_no_argument_read_standard_input():
    for args in (["convert", "-"], ["convert"]):
        result = run(*args, input=GOOD)
        assert result.exit_code == 0
        assert result.stdout.startswith("@article{a,\n  author = {Doe, Jane},")


def test_partial_failure_exits_3_with_file_line_diagnostics(tmp_path):
    src = tmp_path / "mixed.bib"
    src.write_text(MIXED)
    result = run("convert", str(src))
    assert result.exit_code == Exit.PARTIAL == 3
    assert "@article{a," in result.stdout and "@book{c," in result.stdout
    assert "@article{b" not in result.stdout
    assert result.stderr.startswith(f"{src}:2: error: entry skipped:")


def test_strict_turns_skipped_entries_into_failure_and_writes_nothing(tmp_path):
    src, out = tmp_path / "mixed.bib", tmp_path / "out.bib"
    src.write_text(MIXED)
    result = run("convert", str(src), "--strict", "-o", str(out))
    assert result.exit_code == Exit.FAILED
    assert result.stdout == ""
    assert not out.exists()
    assert "--strict" in result.stderr


def test_prose_exits_1_saying_no_references_and_layouts_tried(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("I think GANs for text never really worked. Maybe one day they will.\n" * 3)
    result = run("convert", str(src))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no references found" in result.stderr and "layouts tried" in result.stderr
    assert "bibtex" in result.stderr


@pytest.mark.parametrize("content, message", [
    (b"", "the input is empty"), (b"   \n\n", "the input is empty"),
    (b"@article{a, title={caf\xe9}}", "not UTF-8: byte 0xe9 at offset 22"),
])
def test_unreadable_or_empty_input_exits_1(tmp_path, content, message):
    src = tmp_path / "in.bib"
    src.write_bytes(content)
    result = run("convert", str(src))
    assert (result.exit_code, result.stdout) == (1, "")
    assert message in result.stderr


def test_encoding_option_reads_latin1(tmp_path):
    src = tmp_path / "in.bib"
    src.write_bytes(b"@misc{a, title={caf\xe9}, year=2001}")
    result = run("convert", str(src), "--encoding", "latin-1")
    assert result.exit_code == 0 and "title = {café}" in result.stdout


def test_utf16_with_bom_is_read(tmp_path):
    src = tmp_path / "in.bib"
    src.write_bytes(GOOD.encode("utf-16"))
    assert run("convert", str(src)).stdout == run("convert", "-", input=GOOD).stdout


def test_missing_file_exits_1(tmp_path):
    result = run("convert", str(tmp_path / "nope.bib"))
    assert result.exit_code == 1 and "cannot read" in result.stderr


def test_output_file_is_written_and_never_over_an_input(tmp_path):
    src, out = tmp_path / "in.bib", tmp_path / "out.bib"
    src.write_text(GOOD)
    assert run("convert", str(src), "-o", str(out)).exit_code == 0
    assert out.read_text().startswith("@article{a,")
    result = run("convert", str(src), "-o", str(src))
    assert result.exit_code == 1 and "refusing to overwrite the input" in result.stderr
    assert src.read_text() == GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.bib", "out.bib"]  # no temp left


def test_usage_errors_exit_2():
    assert run("convert", "--to", "docx").exit_code == Exit.USAGE == 2
    assert run("frobnicate").exit_code == 2


def test_multiple_inputs_share_one_key_space(tmp_path):
    a, b = tmp_path / "a.bib", tmp_path / "b.bib"
    a.write_text(GOOD)
    b.write_text(GOOD.replace("A Title", "Other"))
    result = run("convert", str(a), str(b), "--to", "csl-json")
    assert [i["id"] for i in json.loads(result.stdout)] == ["a", "aa"]
    assert f"{b}:1: warning: duplicate key 'a' renamed 'aa' [keys.duplicate]" in result.stderr
    assert result.exit_code == 0


def test_ascii_flag_writes_only_ascii():
    result = run("convert", str(EXAMPLE), "--ascii")
    assert result.exit_code == 0 and result.stdout.isascii()
    assert "Kaiser, {\\L}ukasz" in result.stdout


def test_detect_prints_scores_best_first():
    result = run("detect", str(EXAMPLE))
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.split("\t")[0] == "bibtex"
    assert "would read" in result.stderr and "as bibtex" in result.stderr


def test_version_and_help():
    assert run("--version").stdout.startswith("citeconv, version ")
    for command in ("convert", "detect", "styles", "cite"):
        help_text = run(command, "--help").stdout
        assert "Example" in help_text, command
    assert "vaswani2017attention" in run("convert", "--help").stdout


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text()
    for command in main.commands:
        assert f"citeconv {command}" in readme, command


def test_a_key_bibtex_cannot_hold_is_renamed_and_reported():
    data = json.dumps([{"id": "evil}, @misc{x,", "type": "book", "title": "T"}])
    result = run("convert", "--from", "csl-json", "-", input=data)
    assert result.exit_code == 0
    assert result.stdout == "@book{evil___@misc_x_,\n  title = {T},\n}\n"
    assert result.stderr == ("<stdin>:1: warning: key 'evil}, @misc{x,' has characters a BibTeX "
                             "key cannot hold; renamed 'evil___@misc_x_' [keys.unsafe]\n")


LISTING = ROOT / "examples" / "arxiv-listing.txt"


@pytest.mark.parametrize("style, expected", [
    ("apa", "(Vaswani et al., 2017)\n(Devlin et al., 2018; Zoph et al., 2022)\n"),
    ("ieee", "[1]\n[2], [3]\n"),
])
def test_cite_prints_one_cluster_per_group(style, expected):
    result = run("cite", "vaswani2017attention;devlin2018bert,zoph2022stmoe", str(LISTING),
                 "--style", style)
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected, "")


def test_cite_unknown_key_exits_1_and_lists_the_keys():
    result = run("cite", "nope", str(LISTING))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("citeconv: error: unknown citation key(s): nope; keys in the input: "
                             "devlin2018bert, openai2024gpt4o, vaswani2017attention, "
                             "zoph2022stmoe\n")


def test_render_to_text_and_unknown_style():
    result = run("convert", str(LISTING), "--to", "text", "--style", "apa")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "Devlin, J., Chang, M.-W., Lee, K., et al. (2018). BERT: Pre-training of Deep "
        "Bidirectional Transformers for Language Understanding. arXiv.")
    bad = run("convert", str(LISTING), "--to", "text", "--style", "apaa")
    assert (bad.exit_code, bad.stdout) == (1, "")
    assert "unknown CSL style 'apaa'" in bad.stderr and "apa" in bad.stderr


def test_styles_search():
    result = run("styles", "ieee")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "ieee\tIEEE Reference Guide version 11.29.2023"
    none = run("styles", "no-such-style-anywhere")
    assert (none.exit_code, none.stdout) == (1, "")


def test_unknown_locale_exits_1_with_suggestions():
    result = run("convert", str(LISTING), "--to", "text", "--locale", "en-UK")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "citeconv: error: unknown locale 'en-UK'; did you mean: en-US, en-GB?\n"
    german = run("convert", str(LISTING), "--to", "text", "--style", "ieee", "--locale", "de")
    assert german.exit_code == 0 and "u.\u00a0a." in german.stdout  # de-DE et-al term: a no-break space


@pytest.mark.parametrize("first_line, codec", [
    (b"% Encoding: windows-1252", "cp1252"),              # JabRef
    (b"% -*- coding: latin-9-unix -*-", "iso8859-15"),    # Emacs
])
def test_a_declared_encoding_is_honoured_and_noted(tmp_path, first_line, codec):
    src = tmp_path / "in.bib"
    src.write_bytes(first_line + b"\n\n@misc{a, title={Caf\xe9 \xe0 25\xb0}, year=2001}\n")
    result = run("convert", str(src))
    assert result.exit_code == 0
    assert "title = {Café à 25°}" in result.stdout
    assert result.stderr == (f"{src}:1: warning: not UTF-8 (byte 0xe9 at offset "
                             f"{len(first_line) + 21}); read as {codec}, the encoding the file "
                             "declares [input.declared-encoding]\n")


def test_a_declaration_never_overrides_valid_utf8(tmp_path):
    src = tmp_path / "in.bib"
    src.write_bytes("% Encoding: windows-1252\n@misc{a, title={Café}, year=2001}\n".encode())
    result = run("convert", str(src))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "title = {Café}" in result.stdout


def test_a_file_whose_only_entry_type_is_unknown_is_still_bibtex(tmp_path):
    src = tmp_path / "sw.bib"
    src.write_text("@softwareversion{hal42,\n  author = {Doe, Jane},\n  title = {Tool},\n"
                   "  year = {2020},\n}\n")
    result = run("convert", str(src))
    assert result.exit_code == 0
    assert result.stdout == ("@misc{hal42,\n  author = {Doe, Jane},\n  title = {Tool},\n"
                             "  year = {2020},\n}\n")
    assert result.stderr == (f"{src}:1: warning: unknown entry type @softwareversion read as "
                             "document [bibtex.unknown-type]\n")


def test_readme_python_quick_start_runs_and_prints_what_it_says(tmp_path):
    """The README's Python block, run from the repository root as it says: every ``# (...)``
    comment after a print is the output it promises."""
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Python quick start", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    result = subprocess.run([sys.executable, "-c", block], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    promised = [line.split("# ", 1)[1] for line in block.splitlines()
                if line.startswith("print(") and "# (" in line]
    assert promised and all(p in result.stdout for p in promised), result.stdout[-500:]


def test_unknown_style_with_no_near_name_says_how_to_search():
    bad = run("convert", str(EXAMPLE), "--to", "text", "--style", "zzqx-nonsense")
    assert bad.exit_code == 1 and bad.stdout == ""
    assert bad.stderr == ("citeconv: error: unknown CSL style 'zzqx-nonsense'; find one with: "
                          "citeconv styles zzqx\n")
