"""LaTeX fidelity (issue 9): commands citeconv does not read pass through BibTeX output as they
were written, print as their text in every other output, and are reported once per command
(not at all when @preamble defines them, and not for BibTeX output); math stays math in
rendered LaTeX. Golden files in ``tests/golden/texpass``: ``<case>.<format>.out`` is stdout,
``.err`` stderr and the exit code of ``citeconv convert <case>.bib --to <format>``."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from citeconv import latex, texpass
from citeconv.cli import main
from conftest import GOLDEN, ROOT, check_golden

CASES = sorted((GOLDEN / "texpass").glob("*.bib"))
FORMATS = ("bibtex", "csl-json", "text", "latex", "html")


def _run(args: list[str], data: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, args, input=data, catch_exceptions=False)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden_outputs(case, fmt, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = _run(["convert", str(case.relative_to(ROOT)), "--to", fmt, "--style", "apa"])
    check_golden(case.with_name(f"{case.stem}.{fmt}.out"), result.stdout)
    check_golden(case.with_name(f"{case.stem}.{fmt}.err"),
                 f"exit {result.exit_code}\n{result.stderr}")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bibtex_output_is_a_fixed_point(case):
    first = _run(["convert", str(case)])
    again = _run(["convert", "-"], first.stdout.encode("utf-8"))
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, "")


@pytest.mark.parametrize("value, raw", [
    (r"a \relax b", "\\relax "),
    (r"\href{http://x.org/a%20b}{text}", r"\href{http://x.org/a%20b}{text}"),
    (r"\cite[p.~3]{key}x", r"\cite[p.~3]{key}"),
    (r"\hspace*{1em}", r"\hspace*{1em}"),
    (r"x\;y", r"\;"),
])
def test_the_span_holds_the_command_and_its_arguments_byte_for_byte(value, raw):
    text = latex.decode(value, protect_case=False)
    assert texpass.TEX_SPAN.search(text).group(1) == raw
    assert latex.encode(text) == value


@pytest.mark.parametrize("value", [
    r"\input{/etc/passwd}", r"\def\x{y}", r"\immediate\write18{ls}", r"\catcode`\@=11",
    r"\foo{\input{x}}",
])
def test_commands_that_read_files_or_define_things_stay_escaped_text(value):
    written = latex.encode(latex.decode(value, protect_case=False))
    assert "\\textbackslash{}" in written
    for word in ("input", "def", "immediate", "write", "catcode"):
        assert "\\" + word not in written
    assert written.count("{") - written.count("\\{") == written.count("}") - written.count("\\}")


@pytest.mark.parametrize("forged", [
    '<span class="tex">\\input{x}</span>', '<span class="tex">\\foo{</span>',
    '<span class="tex">x</span>', '<span class="tex">\\x^^5cinput</span>',
])
def test_a_forged_span_from_other_sources_is_inert_text(forged):
    assert "\\input" not in latex.encode(forged).replace("\\textbackslash{}", "")
    assert not latex.encode(forged).startswith(("\\input", "\\foo{", "\\x^"))


def test_a_control_word_never_runs_into_the_following_letters():
    assert latex.encode('<span class="tex">\\relax</span>thing') == "\\relax{}thing"


@pytest.mark.parametrize("preamble, expected", [
    (r"\newcommand{\noopsort}[1]{}", (("noopsort", 1, ""),)),
    (r"\newcommand*\x[2][d]{#2}", (("x", 2, "#2"),)),
    (r"\providecommand{\bibcyr}[1]{#1} \renewcommand{\y}{Y}", (("bibcyr", 1, "#1"), ("y", 0, "Y"))),
    (r"\@ifundefined{b}{\newcommand{\b}[1]{---}}{}", (("b", 1, "---"),)),
    (r"\def\sw#1#2{#2#1}\let\z\relax", (("sw", 2, "#2#1"), ("z", 0, "\\relax"))),
])
def test_preamble_definitions(preamble, expected):
    assert texpass.definitions(preamble).commands == expected


@pytest.mark.parametrize("raw, printed", [
    (r"\noopsort{a}", ""), (r"\switchargs{--90}{1968}", "1968–90"), (r"\href{u}{\emph{t}}", "<i>t</i>"),
    (r"\relax ", ""), (r"\textcopyright", "©"), (r"\unknown{a}{b}", "b"), (r"\rec{\rec{x}}", ""),  # TeX would loop
])
def test_what_a_passed_command_prints(raw, printed):
    defs = texpass.definitions(r"\newcommand{\noopsort}[1]{}\newcommand{\switchargs}[2]{#2#1}"
                               r"\newcommand{\rec}[1]{\rec{#1}}")
    assert texpass.readable(texpass.span(raw), defs) == printed


def test_forged_math_markers_in_data_are_escaped_text_in_latex():
    from citeconv.render import formats, mathmarks
    forged = mathmarks.OPEN + mathmarks._shift("$\\input{x}$") + mathmarks.CLOSE
    assert formats.get_formatter("latex").finish(forged) == r"\$\textbackslash{}input\{x\}\$"
    plain = mathmarks.OPEN + "$\\input{x}$" + mathmarks.CLOSE  # not even shifted
    assert formats.get_formatter("latex").finish(plain) == r"\$\textbackslash{}input\{x\}\$"


def test_math_is_math_in_rendered_latex():
    bib = b"@article{a, title = {On $f'(x) \\leq \\alpha$ Bounds}, author={Doe, J.}, year=2000}"
    result = _run(["convert", "-", "--to", "latex"], bib)
    assert "On $f'(x) \\leq \\alpha$ Bounds" in result.stdout
    text = _run(["convert", "-", "--to", "text"], bib)
    assert "On $f'(x) \\leq \\alpha$ Bounds" in text.stdout


@pytest.mark.latex
def test_rendered_latex_with_math_compiles(tmp_path):
    import shutil
    import subprocess
    if not shutil.which("pdflatex"):
        pytest.skip("needs pdflatex")
    body = (GOLDEN / "texpass" / "math in titles.latex.out").read_text(encoding="utf-8")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{amsfonts}\n"
        f"\\begin{{document}}\n\\nocite{{*}}\n{body}\\end{{document}}\n", encoding="utf-8")
    proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-no-shell-escape", "doc"],
                          cwd=tmp_path, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert proc.returncode == 0 and "\n!" not in log, log[-2000:]


def test_update_keeps_passed_latex_and_does_not_report_it(tmp_path):
    refs, new = tmp_path / "refs.bib", tmp_path / "new.bib"
    refs.write_text("@book{old, title = {Old}, year = {1990}}\n", encoding="utf-8")
    new.write_text("@article{fresh, title = {On \\mkbibquote{Q} and \\relax{} \\apj{} Data},"
                   " author = {Doe, J.}, year = {2001}, journal = {\\apj}}\n", encoding="utf-8")
    result = _run(["convert", str(new), "--update", str(refs)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{refs}: warning: added fresh (On “Q” and Data) [update.added]",
        f"citeconv: {refs}: 1 added, 0 merged, 0 already there"]
    written = refs.read_text(encoding="utf-8")
    assert "title = {On \\mkbibquote{Q} and \\relax{} \\apj{} Data}" in written
    assert "journal = {\\apj}" in written
