"""Nothing lost without a word (issue 9): empty fields and a subtitle with no title are
reported with file and line; the rest of the entry converts. An empty field with no CSL home
(``foo``) is written back as it was, so it is not reported."""
from __future__ import annotations

from click.testing import CliRunner

from citeconv.cli import main

DATA = """@article{e,
  title = {T},
  note = {},
  editor = "",
  publisher = { },
  howpublished = {},
  foo = {},
  year = 2000,
}

@book{subonly,
  author = {Poe, Edgar},
  subtitle = {Only a Subtitle},
  year = {1845},
}
"""


def test_empty_fields_and_a_lone_subtitle_are_reported_with_their_lines(tmp_path):
    path = tmp_path / "in.bib"
    path.write_text(DATA, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(path)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == ("@article{e,\n  title = {T},\n  year = {2000},\n  foo = {},\n}\n\n"
                             "@book{subonly,\n  author = {Poe, Edgar},\n  year = {1845},\n"
                             "  subtitle = {Only a Subtitle},\n}\n")
    assert result.stderr == "".join(
        f"{path}:{line}: warning: {message}\n" for line, message in [
            (3, "e: empty field 'note' left out [bibtex.empty-field]"),
            (4, "e: empty field 'editor' left out [bibtex.empty-field]"),
            (5, "e: empty field 'publisher' left out [bibtex.empty-field]"),
            (6, "e: empty field 'howpublished' left out [bibtex.empty-field]"),
            (13, "subonly: subtitle without a title; kept as the subtitle field (CSL has no "
                 "home for it) [bibtex.subtitle]")])
    again = CliRunner().invoke(main, ["convert", "-"], input=result.stdout,
                               catch_exceptions=False)
    assert (again.exit_code, again.stdout) == (0, result.stdout)
    assert again.stderr == ("<stdin>:10: warning: subonly: subtitle without a title; kept as "
                            "the subtitle field (CSL has no home for it) [bibtex.subtitle]\n")


def test_a_subtitle_with_a_title_is_joined_without_a_report(tmp_path):
    path = tmp_path / "in.bib"
    path.write_text("@book{b, title = {Main}, subtitle = {Sub}, year = 2001}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(path)], catch_exceptions=False)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "  title = {Main: Sub},\n" in result.stdout
