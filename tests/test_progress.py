"""citeconv.progress: a progress line on a terminal for long runs; nothing anywhere else."""
from __future__ import annotations

import io
import re
import threading

from click.testing import CliRunner

from citeconv import progress
from citeconv.cli import main


class Terminal(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.drawn = threading.Event()

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if "citeconv:" in text:
            self.drawn.set()
        return super().write(text)


def test_not_a_terminal_gets_nothing() -> None:
    stream = io.StringIO()
    with progress.shown("reading x.bib", stream=stream, delay=0, interval=0.01):
        pass
    assert stream.getvalue() == ""


def test_short_run_on_a_terminal_gets_nothing() -> None:
    stream = Terminal()
    with progress.shown("reading x.bib", stream=stream):  # default: only after one second
        pass
    assert stream.getvalue() == ""


def test_long_run_on_a_terminal_draws_then_erases_the_line() -> None:
    stream = Terminal()
    with progress.shown("reading x.bib", stream=stream, delay=0, interval=0.01):
        assert stream.drawn.wait(30)
    text = stream.getvalue()
    assert re.match(r"\rciteconv: reading x\.bib \| \d+ s", text), text
    last = text.rsplit("\r", 2)
    assert last[-1] == "" and last[-2].strip() == ""  # erased: blanks, then back to column 0


def test_line_is_erased_on_exit_and_errors_pass_through() -> None:
    stream = Terminal()
    try:
        with progress.shown("writing", stream=stream, delay=0, interval=0.01):
            stream.drawn.wait(30)
            raise SystemExit(1)
    except SystemExit as err:
        assert err.code == 1
    assert stream.getvalue().endswith("\r")


def test_cli_output_has_no_progress_when_stderr_is_not_a_terminal() -> None:
    result = CliRunner().invoke(main, ["convert", "-"], input="@misc{a, title={T}}",
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == "@misc{a,\n  title = {T},\n}\n"


def test_size_label() -> None:
    assert [progress.size_label(n) for n in (12, 4096, 35_900_000)] == ["12 B", "4 kB", "34.2 MB"]
