"""The command line: parse arguments, call the api, print, pick the exit code. Nothing else.

Data goes to stdout (or ``-o``); diagnostics go to stderr as ``FILE:LINE: severity: message``.
"""
from __future__ import annotations

import dataclasses
import sys
from enum import IntEnum
from pathlib import Path
from typing import Iterable

import click

from . import __version__, keyformat

FORMATS = ("bibtex", "csl-json", "ris", "text", "html", "markdown", "latex", "rst")
LAYOUTS = ("auto", "bibtex", "csl-json", "ris", "arxiv", "last-first", "publications")


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
  citeconv convert zotero-export.ris -o refs.bib
  citeconv convert refs.bib --to html --style ieee
  citeconv convert pubs.txt --to latex --style nature -o refs.tex

\b
Citation keys (for entries that have none): --key-format, by default
{family}{year}{word}, e.g. vaswani2017attention. ASCII, lower-case unless
the token is capitalised ({Family}, {Words:2}); keys that clash get a, b, ...
ordered by date then title (not by input order). Tokens:
""" + keyformat.token_table() + """

\b
Keeping a bibliography: citeconv convert new.txt --update refs.bib
adds new works to refs.bib, merges ones already there (DOI, arXiv id,
ISBN, or title/author/year) and never changes existing keys.

\b
Exit codes: 0 ok; 1 nothing converted; 2 usage; 3 written, some entries skipped."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="citeconv")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Turn publication lists into canonical BibTeX, and BibTeX into any CSL style.

    \b
    citeconv convert pubs.txt > refs.bib     listing -> canonical BibTeX
    citeconv convert refs.bib --to text      render in APA (any CSL style)
    citeconv detect pubs.txt                 which layout does this look like?
    citeconv styles chicago                  find a style
    citeconv cite vaswani2017attention refs.bib

    \b
    Settings: [tool.citeconv] in pyproject.toml or citeconv.toml, looked for
    in the current directory and its parents; the command line wins.
    """
    _apply_config(ctx)


def _apply_config(ctx: click.Context) -> None:
    from .config import ConfigError, find_config, load_config
    path = find_config(Path.cwd())
    if path is None:
        return
    try:
        ctx.default_map = load_config(path).default_map()
    except (ConfigError, OSError) as err:
        raise click.ClickException(str(err)) from None


def _read_inputs(inputs: tuple[str, ...], layout: str, encoding: str | None,  # type: ignore[no-untyped-def]
                 key_format: str | None = keyformat.DEFAULT_FORMAT, protect: bool = True):
    """Read every input; returns (records, diagnostics, metadata) or exits 1 with a message.
    ``key_format`` None: records keep the ids they were read with (``--update`` keys them)."""
    from . import api, keys
    from .textio import InputEncodingError, read_text

    records, diagnostics = [], []
    kept: dict[str, list[str]] = {"preamble": [], "comments": [],  # BibTeX blocks written back
                                  "strings": []}  # (@string: from files with no entries)
    for name in inputs or ("-",):
        label = "<stdin>" if name == "-" else name
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            text, note = read_text(data, encoding)
            if note is not None:
                diagnostics.append(dataclasses.replace(note, file=label))
            del data  # big files: the bytes are not needed once decoded
        except OSError as err:
            _fail(f"cannot read {label}: {err.strerror or err}")
        except (InputEncodingError, LookupError) as err:
            _fail(f"{label}: {err}")
        if not text or text.isspace():  # (strip() would copy a big file to find out)
            _fail(f"{label}: the input is empty; nothing to convert")
        try:
            result = api.read(text, None if layout == "auto" else layout, label,
                              protect=protect)
        except api.NoReaderError as err:
            _fail(f"{label}: {err}. Nothing to convert: give a .bib, CSL-JSON, RIS or a "
                  "publication listing, or name the layout with --from")
        records += result.records
        diagnostics += result.diagnostics
        for kind, blocks in kept.items():
            if result.metadata.get(kind):
                blocks.append(result.metadata[kind])
    if key_format is None:
        return records, diagnostics, {k: "\n".join(v) for k, v in kept.items()}
    with_keys, renamed = keys.assign_keys_reported(records, key_format)
    return with_keys, diagnostics + renamed, {k: "\n".join(v) for k, v in kept.items()}


def _fail(message: str) -> None:
    click.echo(f"citeconv: error: {message}", err=True)
    sys.exit(Exit.FAILED)


def _report(diagnostics, fmt: str = "") -> bool:  # type: ignore[no-untyped-def]
    """Print diagnostics to stderr; True if any entry was skipped. For BibTeX output, LaTeX
    passed through (written as it was read) is not reported."""
    from .texpass import PASSED_CODE
    skipped = False
    for d in diagnostics:
        if fmt == "bibtex" and d.code == PASSED_CODE:
            continue
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
@click.option("--no-protect", "no_protect", is_flag=True,
              help="BibTeX: add no braces protecting title capitals (the input's braces stay).")
@click.option("--strict", is_flag=True, help="Fail (exit 1, nothing written) if any entry "
              "would be skipped (or, rendering, has no printed form in the style).")
@click.option("--encoding", default=None, help="Input encoding if not UTF-8/UTF-16 with BOM.")
@click.option("--key-format", default=keyformat.DEFAULT_FORMAT, show_default=True,
              help="Template for generated citation keys (tokens below).")
@click.option("--update", "update_file", default=None, metavar="REFS.bib",
              help="Add the inputs to this .bib file (in place unless -o): existing entries "
              "keep their keys and place, the same work is merged, not duplicated.")
@click.option("--aux", "aux_file", default=None, metavar="PAPER.aux",
              help="Write only the entries PAPER.aux cites (as bibexport does).")
def convert(inputs: tuple[str, ...], layout: str, fmt: str, output: str, style: str,
            locale: str | None, ascii_only: bool, no_protect: bool, strict: bool,
            encoding: str | None, key_format: str, update_file: str | None,
            aux_file: str | None) -> None:
    """Convert INPUT files (or - / nothing for stdin) to FORMAT."""
    _check_key_format(key_format)
    if update_file is not None:
        from .cli_workflows import convert_update
        convert_update(inputs, layout, encoding, key_format, update_file, output, fmt, strict)
    from .progress import shown  # a progress line on a terminal, for runs over a second
    import gc
    gc.disable()  # reading builds millions of objects and no cycles: no collections needed
    try:
        with shown(f"reading {', '.join(inputs) or 'standard input'}"):
            records, diagnostics, kept = _read_inputs(inputs, layout, encoding, key_format,
                                                      not no_protect)
        gc.freeze()  # the records live until exit: later collections need not scan them again
    finally:
        gc.enable()
    if aux_file:
        from .cli_workflows import only_cited
        records, missing = only_cited(records, aux_file)
        diagnostics = list(diagnostics) + missing
    skipped = _report(diagnostics, fmt)
    if not records and (skipped or not any(kept.values())):
        _fail("no entry could be converted" + (" (see the errors above)" if skipped else ""))
    if records:  # the macros are expanded into the entries that use them
        kept = {k: v for k, v in kept.items() if k != "strings"}
    else:  # a .bib of @comment/@preamble/@string blocks only (JabRef's settings, a file of
        # journal abbreviations): kept as is
        where = ", ".join("<stdin>" if i == "-" else i for i in inputs or ("-",))
        blocks = "@comment or @preamble" if not kept.get("strings") else \
            "@string, @comment or @preamble"
        click.echo(f"{where}: warning: no entries, only {blocks} blocks (written back as "
                   "they are)", err=True)
    if strict and skipped:
        _fail("some entries could not be converted and --strict is set; nothing written")
    with shown(f"writing {len(records)} entries as {fmt}"):
        if no_protect and fmt == "bibtex":
            kept = {**kept, "protect": False}
        text, unrendered, omitted = _render(records, fmt, style, locale, ascii_only, kept)
        if (unrendered or omitted) and strict:
            _fail("some entries could not be rendered and --strict is set; nothing written")
        _emit(text, output, inputs)
    sys.exit(Exit.PARTIAL if skipped or unrendered else Exit.OK)


def _check_key_format(key_format: str) -> None:
    try:
        keyformat.compile_format(key_format)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--key-format") from None


def _render(records, fmt, style, locale, ascii_only, kept):  # type: ignore[no-untyped-def]
    """(text, some record failed to render, some record has no printed form in the style).

    Rendering problems are reported on stderr; a record the style prints nothing for is left
    out of a bibliography with a warning (citeproc-js and pandoc leave it out silently)."""
    from . import api
    from .writers import STYLED
    if fmt == "csl-json":  # streamed to the output: a big file's text is never held whole
        from .writers import csljson
        return csljson.chunks(records, kept.get("preamble", "")), False, False
    if fmt not in STYLED:
        return api.write(records, fmt, ascii_only=ascii_only, **kept), False, False
    from .writers.styled import render
    try:
        text, warnings, errors = render(records, fmt, style, locale, kept.get("preamble", ""))
    except LookupError as err:  # StyleNotFound and unknown locales
        _fail(str(err))
    except ValueError as err:  # a broken or hostile style file
        _fail(f"cannot use style {style!r}: {err}")
    _report_rendering(warnings, errors, records)
    left_out = {e.id for e in errors}
    if errors and ("*" in left_out or len(left_out) >= len(records)):  # "*": the whole style
        _fail(f"no entry could be rendered in style {style!r} (see the errors above)")
    return text, any(not e.empty for e in errors), any(e.empty for e in errors)


def _report_rendering(warnings, errors, records) -> None:  # type: ignore[no-untyped-def]
    """Rendering warnings, then errors (an item left out) at the record's file and line."""
    from .writers.styled import diagnostics
    for warning in warnings:
        click.echo(f"citeconv: warning: {warning}", err=True)
    for d in diagnostics((), errors, records):
        click.echo(d.format() if d.file else f"citeconv: error: {d.message}", err=True)


def _emit(text: str | Iterable[str], output: str, inputs: tuple[str, ...]) -> None:
    """``text``: the whole output, or its pieces in order (streamed CSL-JSON)."""
    if output == "-":
        for piece in (text,) if isinstance(text, str) else text:
            sys.stdout.write(piece)
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


CITE_EPILOG = """\b
Examples, in pandoc's citation syntax (one cluster per [...] group or argument):
  citeconv cite '[see @smith2020, p. 33; @doe2019]' refs.bib
                                    (Doe, 2019; see Smith, 2020, p. 33)
  citeconv cite '[@vaswani2017attention, chap. 2]' '[-@doe2019]' refs.bib
                                    (Vaswani et al., 2017, Chapter 2) and (2019)
  citeconv cite '[@doe2019, pp. 33-35 and elsewhere]' refs.bib --style ieee
  citeconv cite 'a2020x,b2021y;c2019z' refs.bib     (no @: KEY[,KEY...][;KEY...])

\b
In a citation: a prefix before the @key, -@key to leave out the author, then
an optional locator: a label (p. pp. chap. sec. § para. fig. vol. no. l. n.
col. bk. pt. v. s.v. ..., short or long, e.g. "page", "chapter") and numbers or
roman numerals (33-35, 40; xiv); a number with no label is a page. The rest is
a suffix. {pp. iv, vi-xi} takes a locator verbatim; @{odd key} any key.

\b
Exit codes: 0 ok; 1 unknown key, or --strict and a citation failed;
2 usage; 3 printed, but some citation could not be rendered (see stderr)."""


@main.command(epilog=CITE_EPILOG)
@click.argument("args", nargs=-1, required=True, metavar="CITATIONS... [INPUT]...")
@click.option("-f", "--from", "layout", type=click.Choice(LAYOUTS), default="auto")
@click.option("-t", "--to", "fmt", type=click.Choice(("text", "html", "markdown", "latex", "rst")),
              default="text", show_default=True)
@click.option("-s", "--style", default="apa", show_default=True)
@click.option("--locale", default=None)
@click.option("--strict", is_flag=True, help="Fail (exit 1, nothing printed) if any citation "
              "could not be rendered.")
@click.option("--encoding", default=None)
def cite(args: tuple[str, ...], layout: str, fmt: str, style: str, locale: str | None,
         strict: bool, encoding: str | None) -> None:
    """Print in-text citations, one line per cluster, for the entries in INPUT.

    CITATIONS are the first argument and each following one that holds an @
    (and is not a file).
    """
    from .render import CiteSyntaxError, parse_clusters
    n = 1
    while n < len(args) and "@" in args[n] and not Path(args[n]).exists():
        n += 1
    try:
        clusters = [c for spec in args[:n] for c in parse_clusters(spec)]
    except CiteSyntaxError as err:
        raise click.UsageError(str(err)) from None
    records, diagnostics, _ = _read_inputs(args[n:], layout, encoding)
    _report(diagnostics)
    known = {r.id.lower(): r.id for r in records}
    missing = [it["id"] for c in clusters for it in c if it["id"].lower() not in known]
    if missing:
        _fail(f"unknown citation key(s): {', '.join(missing)}; keys in the input: "
              f"{', '.join(sorted(known.values())[:10])}")
    from .render import render_citations
    from .writers.styled import check_locale
    try:
        check_locale(locale)
        result = render_citations([r.to_csl() for r in records],
                                  [[dict(it, id=known[it["id"].lower()]) for it in c]
                                   for c in clusters], style=style, fmt=fmt, locale=locale)
    except LookupError as err:
        _fail(str(err))
    except ValueError as err:  # a broken or hostile style file
        _fail(f"cannot use style {style!r}: {err}")
    _report_rendering(result.warnings, result.errors, records)
    if result.errors and strict:
        _fail("some citations could not be rendered and --strict is set; nothing printed")
    for line in result.entries:
        click.echo(line)
    sys.exit(Exit.PARTIAL if result.errors else Exit.OK)


from . import cli_workflows  # noqa: E402,F401  (registers check and merge)
