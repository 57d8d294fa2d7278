"""The command line: parse arguments, call the api, print, pick the exit code. Nothing else.

Data goes to stdout (or ``-o``); diagnostics go to stderr as ``FILE:LINE: severity: message``.
"""
from __future__ import annotations

import sys
from enum import IntEnum
from pathlib import Path

import click

from . import __version__

FORMATS = ("bibtex", "csl-json", "text", "html", "markdown", "latex", "rst")
LAYOUTS = ("auto", "bibtex", "csl-json", "arxiv", "last-first", "publications")


class Exit(IntEnum):
    """Exit codes, in one place."""

    OK = 0
    FAILED = 1      # nothing could be converted: unreadable/empty input, no references found
    USAGE = 2       # click's own usage errors
    PARTIAL = 3     # output written, but some entries were skipped (see stderr)


CONVERT_EPILOG = """\b
Examples:
  citeconv convert refs.bib > canonical.bib
  citeconv convert pubs.txt -o refs.bib && latexmk paper.tex
  pbpaste | citeconv convert --from arxiv -
  citeconv convert refs.bib --to csl-json
  citeconv convert refs.bib --to html --style ieee
  citeconv convert pubs.txt --to latex --style nature -o refs.tex

\b
Citation keys (for entries that have none): {family}{year}{word}, e.g.
vaswani2017attention: first author's family name, year, first title word
that is not a stop word; ASCII, lower-case; repeats get a, b, ...

\b
Exit codes: 0 ok; 1 nothing converted; 2 usage; 3 written, some entries skipped."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="citeconv")
def main() -> None:
    """Turn publication lists into canonical BibTeX, and BibTeX into any CSL style.

    \b
    citeconv convert pubs.txt > refs.bib     listing -> canonical BibTeX
    citeconv convert refs.bib --to text      render in APA (any CSL style)
    citeconv detect pubs.txt                 which layout does this look like?
    citeconv styles chicago                  find a style
    citeconv cite vaswani2017attention refs.bib
    """


def _read_inputs(inputs: tuple[str, ...], layout: str, encoding: str | None):  # type: ignore[no-untyped-def]
    """Read every input; returns (records, diagnostics, metadata) or exits 1 with a message."""
    from . import api, keys
    from .textio import InputEncodingError, decode_input

    records, diagnostics = [], []
    kept: dict[str, list[str]] = {"preamble": [], "comments": []}  # BibTeX blocks written back
    for name in inputs or ("-",):
        label = "<stdin>" if name == "-" else name
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            text = decode_input(data, encoding)
            del data  # big files: the bytes are not needed once decoded
        except OSError as err:
            _fail(f"cannot read {label}: {err.strerror or err}")
        except (InputEncodingError, LookupError) as err:
            _fail(f"{label}: {err}")
        if not text or text.isspace():  # (strip() would copy a big file to find out)
            _fail(f"{label}: the input is empty; nothing to convert")
        try:
            result = api.read(text, None if layout == "auto" else layout, label)
        except api.NoReaderError as err:
            _fail(f"{label}: {err}. Nothing to convert: give a .bib, CSL-JSON or a publication "
                  "listing, or name the layout with --from")
        records += result.records
        diagnostics += result.diagnostics
        for kind, blocks in kept.items():
            if result.metadata.get(kind):
                blocks.append(result.metadata[kind])
    with_keys, renamed = keys.assign_keys_reported(records)
    return with_keys, diagnostics + renamed, {k: "\n".join(v) for k, v in kept.items()}


def _fail(message: str) -> None:
    click.echo(f"citeconv: error: {message}", err=True)
    sys.exit(Exit.FAILED)


def _report(diagnostics) -> bool:  # type: ignore[no-untyped-def]
    """Print diagnostics to stderr; True if any entry was skipped."""
    skipped = False
    for d in diagnostics:
        click.echo(d.format(), err=True)
        skipped |= d.severity == "error"
    return skipped


@main.command(epilog=CONVERT_EPILOG)
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-f", "--from", "layout", type=click.Choice(LAYOUTS), default="auto",
              show_default=True, help="Input layout; auto detects it.")
@click.option("-t", "--to", "fmt", type=click.Choice(FORMATS), default="bibtex",
              show_default=True, help="Output format; text/html/markdown/latex/rst render "
              "through a CSL style.")
@click.option("-o", "--output", default="-", metavar="FILE",
              help="Write here (atomically) instead of stdout.")
@click.option("-s", "--style", default="apa", show_default=True,
              help="CSL style name or .csl path (rendered formats).")
@click.option("--locale", default=None, help="Locale for rendering, e.g. en-GB, de-DE.")
@click.option("--ascii", "ascii_only", is_flag=True,
              help="BibTeX: write LaTeX accent commands instead of UTF-8.")
@click.option("--strict", is_flag=True, help="Fail (exit 1, nothing written) if any entry "
              "would be skipped.")
@click.option("--encoding", default=None, help="Input encoding if not UTF-8/UTF-16 with BOM.")
def convert(inputs: tuple[str, ...], layout: str, fmt: str, output: str, style: str,
            locale: str | None, ascii_only: bool, strict: bool, encoding: str | None) -> None:
    """Convert INPUT files (or - / nothing for stdin) to FORMAT."""
    from .progress import shown  # a progress line on a terminal, for runs over a second
    import gc
    gc.disable()  # reading builds millions of objects and no cycles: no collections needed
    try:
        with shown(f"reading {', '.join(inputs) or 'standard input'}"):
            records, diagnostics, kept = _read_inputs(inputs, layout, encoding)
        gc.freeze()  # the records live until exit: later collections need not scan them again
    finally:
        gc.enable()
    skipped = _report(diagnostics)
    if not records:
        _fail("no entry could be converted" + (" (see the errors above)" if skipped else ""))
    if strict and skipped:
        _fail("some entries could not be converted and --strict is set; nothing written")
    with shown(f"writing {len(records)} entries as {fmt}"):
        text = _render(records, fmt, style, locale, ascii_only, kept)
        _emit(text, output, inputs)
    sys.exit(Exit.PARTIAL if skipped else Exit.OK)


def _render(records, fmt, style, locale, ascii_only, kept) -> str:  # type: ignore[no-untyped-def]
    from . import api
    from .writers import STYLED
    if fmt not in STYLED:
        return api.write(records, fmt, ascii_only=ascii_only, **kept)
    from .writers.styled import render
    try:
        text, warnings = render(records, fmt, style, locale)
    except LookupError as err:  # StyleNotFound and unknown locales
        _fail(str(err))
    except ValueError as err:  # a broken or hostile style file
        _fail(f"cannot use style {style!r}: {err}")
    for warning in warnings:
        click.echo(f"citeconv: warning: {warning}", err=True)
    return text


def _emit(text: str, output: str, inputs: tuple[str, ...]) -> None:
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from .textio import OutputError, write_atomic
    try:
        write_atomic(output, text, inputs)
    except OutputError as err:
        _fail(str(err))
    except OSError as err:
        _fail(f"cannot write {output}: {err.strerror or err}")


@main.command()
@click.argument("input", default="-")
@click.option("--encoding", default=None, help="Input encoding if not UTF-8/UTF-16 with BOM.")
def detect(input: str, encoding: str | None) -> None:  # noqa: A002
    """Print each layout's detection score for INPUT (best first).

    \b
    Example:
      citeconv detect pubs.txt
    """
    from . import api
    from .textio import InputEncodingError, decode_input
    try:
        data = sys.stdin.buffer.read() if input == "-" else Path(input).read_bytes()
        text = decode_input(data, encoding)
    except (OSError, InputEncodingError, LookupError) as err:
        _fail(f"{input}: {err}")
    scores = api.detect(text)
    for name, score in scores:
        click.echo(f"{name}\t{score:.2f}")
    try:
        chosen = api.choose_layout(text)
        click.echo(f"citeconv: would read {input} as {chosen}", err=True)
    except api.NoReaderError as err:
        click.echo(f"citeconv: {err}", err=True)
        sys.exit(Exit.FAILED)


@main.command()
@click.argument("query", default="")
def styles(query: str) -> None:
    """List CSL styles whose name or title matches QUERY.

    \b
    Examples:
      citeconv styles            all styles
      citeconv styles chicago    styles mentioning chicago
    """
    from .render import list_styles
    found = list_styles(query)
    for name, title in found:
        click.echo(f"{name}\t{title}")
    if not found:
        _fail(f"no style matches {query!r}")


@main.command()
@click.argument("keys")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-f", "--from", "layout", type=click.Choice(LAYOUTS), default="auto")
@click.option("-t", "--to", "fmt", type=click.Choice(("text", "html", "markdown", "latex", "rst")),
              default="text", show_default=True)
@click.option("-s", "--style", default="apa", show_default=True)
@click.option("--locale", default=None)
@click.option("--encoding", default=None)
def cite(keys: str, inputs: tuple[str, ...], layout: str, fmt: str, style: str,
         locale: str | None, encoding: str | None) -> None:
    """Print in-text citations: KEYS is KEY[,KEY...][;KEY...], one cluster per ';'.

    \b
    Examples:
      citeconv cite vaswani2017attention refs.bib            (Vaswani et al., 2017)
      citeconv cite 'a2020x,b2021y;c2019z' refs.bib --style ieee
    """
    records, diagnostics, _ = _read_inputs(inputs, layout, encoding)
    _report(diagnostics)
    known = {r.id.lower(): r.id for r in records}
    clusters = [[k.strip() for k in group.split(",") if k.strip()] for group in keys.split(";")]
    missing = [k for c in clusters for k in c if k.lower() not in known]
    if missing:
        _fail(f"unknown citation key(s): {', '.join(missing)}; keys in the input: "
              f"{', '.join(sorted(known.values())[:10])}")
    import os

    if os.environ.get("CITECONV_ENGINE") == "ours":  # measuring switch for citeconv.csl
        from .csl.engine import render_citations
    else:
        from .render import render_citations
    from .writers.styled import check_locale
    try:
        check_locale(locale)
        result = render_citations([r.to_csl() for r in records],
                                  [[known[k.lower()] for k in c] for c in clusters],
                                  style=style, fmt=fmt, locale=locale)
    except LookupError as err:
        _fail(str(err))
    for line in result.entries:
        click.echo(line)
