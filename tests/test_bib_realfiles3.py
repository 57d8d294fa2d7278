"""Shapes from a third set of real .bib files (issue 9): bibtex-tidy's collected test files,
Better BibTeX import reports, Mendeley/Zotero/JabRef libraries, Web of Science exports.

Each test is one cause: names with lower-case words and no comma split as bibtex and biber
split them (``format.name$`` and ``biber --tool`` agree on every expectation below); a quoted
value with a ``"`` inside braces; Better BibTeX's ``\\vphantom{\\}}``; a braced month with a
day; an arXiv category written with a dash; a file of @string macros only."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner

from citeconv.cli import main
from citeconv.names import parse_bibtex_names
from citeconv.readers._bibrepair import requote


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]  # noqa: A002
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def _parts(value: str) -> list[tuple[str, str, str]]:
    return [(n.given, n.non_dropping_particle, n.family) for n in parse_bibtex_names(value)]


def test_first_von_last_splits_as_bibtex_does() -> None:
    # bibtex's {ff}/{vv}/{ll} for each name, measured with a four-line .bst
    assert _parts("de Gaulle") == [("", "de", "Gaulle")]
    assert _parts("jean fontaine") == [("", "jean", "fontaine")]
    assert _parts("the Arts National Endowment for") == [
        ("", "the", "Arts National Endowment for")]
    assert _parts("Ab the Cd ef Gh ij") == [("Ab", "the Cd ef", "Gh ij")]
    assert _parts("aa {Bb} cc") == [("", "aa", "Bb cc")]
    assert _parts(r"{\'e}mile de la {\'E}cole") == [("", "émile de la", "École")]
    assert _parts("Ludwig van der Beethoven") == [("Ludwig", "van der", "Beethoven")]
    assert _parts("Per Brinch Hansen") == [("Per Brinch", "", "Hansen")]


def test_a_mendeley_corporate_author_is_a_fixed_point() -> None:
    bib = "@misc{a, author = {the Arts National Endowment for}, title = {T}, year = 2000}\n"
    first = run("convert", "-", input=bib)
    assert first.stdout == ("@misc{a,\n  author = {the {Arts National Endowment for}, {}},\n"
                            "  title = {T},\n  year = {2000},\n}\n")
    assert run("convert", "-", input=first.stdout).stdout == first.stdout


def test_a_quote_inside_braces_does_not_end_a_quoted_value() -> None:
    bib = ('@article{key01,\n  author = "Schmidt, Anna and M{"u}ller, Hans",\n'
           '  title = "A {"}quoted{"} word",\n  year = 1999\n}\n')
    result = run("convert", "-", "--to", "csl-json", input=bib)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    item = json.loads(result.stdout)[0]
    assert item["author"] == [{"family": "Schmidt", "given": "Anna"},
                              {"family": 'M"uller', "given": "Hans"}]
    assert re.sub(r"<[^>]+>", "", item["title"]) == 'A "quoted" word'
    assert item["issued"] == {"date-parts": [[1999]]}


def test_requote_changes_only_the_two_quotes() -> None:
    bib = '@misc{a, title = "x {"} y", note = "plain", b = "{\\"o}"}\n'
    assert requote(bib) == '@misc{a, title = {x {"} y}, note = "plain", b = "{\\"o}"}\n'
    escaped = '@misc{a, t = "\\{{"}\\}"}\n'  # bibtexparser would not count \{: left alone
    assert requote(escaped) == escaped


def test_better_bibtex_vphantom_brace_balancing_prints_nothing_and_stays_balanced() -> None:
    bib = ('@misc{a,\n  title = {T},\n  year = 2020,\n'
           '  note = {the \\{\\vphantom{\\}} {"} quoted},\n}\n')
    first = run("convert", "-", input=bib)
    assert first.exit_code == 0 and first.stderr == ""
    assert "  note = {the \\textbraceleft{} {\"} quoted},\n" in first.stdout
    assert run("convert", "-", input=first.stdout).stdout == first.stdout


def test_a_braced_month_with_a_day_is_read_on_the_first_pass() -> None:
    bib = "@article{a, title = {T}, year = {2018}, month = {{OCT 1}}}\n"
    first = run("convert", "-", input=bib)
    assert first.stdout == ("@article{a,\n  title = {T},\n  year = {2018},\n  month = oct,\n"
                            "  day = {1},\n}\n")
    csl = json.loads(run("convert", "-", "--to", "csl-json", input=bib).stdout)
    assert csl[0]["issued"] == {"date-parts": [[2018, 10, 1]]}


def test_an_arxiv_category_field_is_text_both_ways() -> None:
    bib = "@misc{a, title = {T}, year = 2020, primaryclass = {1089\u2013778X}}\n"
    first = run("convert", "-", input=bib)
    assert "  primaryclass = {1089--778X},\n" in first.stdout
    assert run("convert", "-", input=first.stdout).stdout == first.stdout


def test_a_file_of_string_macros_only_is_written_back_with_a_warning() -> None:
    bib = ('@string{jan = {January}}\n\n@STRING{ieeetc = "IEEE Trans. Comput."}\n'
           '@string{both = jan # " and " # ieeetc}\n')
    result = run("convert", "-", input=bib)
    assert result.exit_code == 0
    assert result.stdout == ('@string{jan = {January}}\n@string{ieeetc = "IEEE Trans. Comput."}\n'
                             '@string{both = jan # " and " # ieeetc}\n')
    assert result.stderr == ("<stdin>: warning: no entries, only @string, @comment or @preamble "
                             "blocks (written back as they are)\n")
    assert run("convert", "-", input=result.stdout).stdout == result.stdout
    # with entries, macros are expanded into them and not written again
    used = run("convert", "-", input=bib + "@misc{k, title = {T}, journal = ieeetc, year = 1}\n")
    assert "@string" not in used.stdout and "{IEEE} Trans. Comput." in used.stdout


def test_a_font_switch_ends_with_its_group() -> None:
    from citeconv import latex
    assert latex.decode_with_warnings(r"Instrumental {\em With\/} and the Control", False) == (
        "Instrumental <i>With</i> and the Control", ())
    assert latex.decode_with_warnings(r"Dialectica {\bf 23} (1969)", True) == (
        'Dialectica <span class="nocase"><b>23</b></span> (1969)', ())
    assert latex.decode_with_warnings(r"{\em a {b} c} d", False) == ("<i>a b c</i> d", ())


def test_a_month_with_a_tie_before_the_day() -> None:
    bib = "@misc{a, title = {T}, year = 2020, month = {sep~20}}\n"
    result = run("convert", "-", "--to", "csl-json", input=bib)
    assert result.stderr == ""
    assert json.loads(result.stdout)[0]["issued"] == {"date-parts": [[2020, 9, 20]]}


def test_an_entry_commented_out_with_percent_signs_is_not_read_and_is_said() -> None:
    bib = ("@misc{kept, title = {Kept}, year = 2016}\n\n"
           "%@article{xgb,\n%  author = {XGBoost},\n%  title = {Wrapper},\n  %year = 2011,\n%}\n\n"
           "@misc{after, title = {After}, year = 2017}\n")
    result = run("convert", "-", input=bib)
    assert result.exit_code == 0
    assert result.stdout == ("@misc{kept,\n  title = {Kept},\n  year = {2016},\n}\n\n"
                             "@misc{after,\n  title = {After},\n  year = {2017},\n}\n")
    assert result.stderr == ("<stdin>:3: warning: commented-out entry not read (biber does not "
                             "read it): '%@article{xgb,' [bibtex.commented-entry]\n")


def test_math_with_any_harmless_command_stays_math() -> None:
    from citeconv import latex
    title = r"collisions at $\sqrt{s}=13\,\text {Te\hspace{-.08em}V} $"
    text = latex.decode(title)
    assert text == ('collisions at <span class="nocase">$\\sqrt{s}=13\\,\\text '
                    '{Te\\hspace{-.08em}V} $</span>')
    assert latex.encode(text) == r"collisions at {$\sqrt{s}=13\,\text {Te\hspace{-.08em}V} $}"
    assert latex.encode(latex.decode(r"$\def\x{1}$")) == (
        r"\$\textbackslash{}def\textbackslash{}x\textbraceleft{}1\textbraceright{}\$")


def test_ensuremath_is_math() -> None:
    from citeconv import latex
    text = latex.decode(r"pp collisions at \ensuremath{\sqrt{}}$_{s}$ = 13 TeV")
    assert text == 'pp collisions at <span class="nocase">$\\sqrt{}$</span><sub>s</sub> = 13 TeV'
    assert latex.encode(text) == r"pp collisions at {$\sqrt{}$}\textsubscript{s} = 13 TeV"


def test_verb_prints_its_text() -> None:
    from citeconv import latex
    assert latex.decode_with_warnings(r"see \verb|a_b{c}| now", False) == ("see a_b{c} now", ())
    assert latex.decode_with_warnings(r"\verb+http://www.ep.liu.se/ea/cis/1997/019/", False) == (
        "http://www.ep.liu.se/ea/cis/1997/019/",
        ("\\verb+ not closed: read to the end of the value",))
