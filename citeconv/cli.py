"""The command line: parse arguments, call the api, print, pick the exit code. Nothing else.

Data goes to stdout (or ``-o``); diagnostics go to stderr as ``FILE:LINE: severity: message``.
"""
from __future__ import annotations

import sys
from enum import IntEnum
from pathlib import Path

import click

from . import __version__, keyformat

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
                 key_format: str | None = keyformat.DEFAULT_FORMAT):
    """Read every input; returns (records, diagnostics, metadata) or exits 1 with a message.
    ``key_format`` None: records keep the ids they were read with (``--update`` keys them)."""
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
    if key_format is None:
        return records, diagnostics, {k: "\n".join(v) for k, v in kept.items()}
    with_keys, renamed = keys.assign_keys_reported(records, key_format)
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
@click.option("--key-format", default=keyformat.DEFAULT_FORMAT, show_default=True,
              help="Template for generated citation keys (tokens below).")
@click.option("--update", "update_file", default=None, metavar="REFS.bib",
              help="Add the inputs to this .bib file (in place unless -o): existing entries "
              "keep their keys and place, the same work is merged, not duplicated.")
@click.option("--aux", "aux_file", default=None, metavar="PAPER.aux",
              help="Write only the entries PAPER.aux cites (as bibexport does).")
def convert(inputs: tuple[str, ...], layout: str, fmt: str, output: str, style: str,
            locale: str | None, ascii_only: bool, strict: bool, encoding: str | None,
            key_format: str, update_file: str | None, aux_file: str | None) -> None:
    """Convert INPUT files (or - / nothing for stdin) to FORMAT."""
    _check_key_format(key_format)
    if update_file is not None:
        _convert_update(inputs, layout, encoding, key_format, update_file, output, fmt, strict)
    from .progress import shown  # a progress line on a terminal, for runs over a second
    import gc
    gc.disable()  # reading builds millions of objects and no cycles: no collections needed
    try:
        with shown(f"reading {', '.join(inputs) or 'standard input'}"):
            records, diagnostics, kept = _read_inputs(inputs, layout, encoding, key_format)
        gc.freeze()  # the records live until exit: later collections need not scan them again
    finally:
        gc.enable()
    if aux_file:
        records, missing = _only_cited(records, aux_file)
        diagnostics = list(diagnostics) + missing
    skipped = _report(diagnostics)
    if not records:
        _fail("no entry could be converted" + (" (see the errors above)" if skipped else ""))
    if strict and skipped:
        _fail("some entries could not be converted and --strict is set; nothing written")
    with shown(f"writing {len(records)} entries as {fmt}"):
        text = _render(records, fmt, style, locale, ascii_only, kept)
        _emit(text, output, inputs)
    sys.exit(Exit.PARTIAL if skipped else Exit.OK)


def _only_cited(records, aux_file):  # type: ignore[no-untyped-def]
    """The records ``aux_file`` cites (all for ``\\nocite{*}``), in file order, and a warning
    for each cited key that no record has."""
    from .check import read_aux
    from .model import Diagnostic
    try:
        cited = read_aux(Path(aux_file).read_text(encoding="utf-8", errors="replace"), aux_file)
    except OSError as err:
        _fail(f"cannot read {aux_file}: {err.strerror or err}")
    if "*" in cited:
        return records, []
    wanted = {k.lower() for k in cited}
    have = {r.id.lower() for r in records}
    missing = [Diagnostic("aux.missing", f"{key!r} is cited but no input has it", line, aux)
               for key, (aux, line) in sorted(cited.items()) if key.lower() not in have]
    return [r for r in records if r.id.lower() in wanted], missing


def _check_key_format(key_format: str) -> None:
    try:
        keyformat.compile_format(key_format)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--key-format") from None


def _convert_update(inputs, layout, encoding, key_format, update_file, output, fmt,  # type: ignore[no-untyped-def]
                    strict) -> None:
    """``convert --update``: merge the inputs into REFS.bib, report what changed, exit."""
    from . import api
    from .textio import InputEncodingError, decode_input
    if fmt != "bibtex":
        raise click.BadParameter("--update writes BibTeX; leave out --to", param_hint="--to")
    if update_file in inputs:
        _fail(f"{update_file} is both an input and the --update file; give only the new inputs")
    try:
        existing = decode_input(Path(update_file).read_bytes()) if Path(update_file).exists() \
            else ""
    except (OSError, InputEncodingError) as err:
        _fail(f"cannot read {update_file}: {err}")
    records, diagnostics, _ = _read_inputs(inputs, layout, encoding, None)
    skipped = _report(diagnostics)
    if strict and skipped:
        _fail("some entries could not be converted and --strict is set; nothing written")
    result = api.update(existing, records, key_format, update_file)
    _report(result.diagnostics)
    target = update_file if output == "-" else output
    if result.text != existing or target != update_file:
        _emit(result.text, target, inputs)
    merged = sum(1 for _, fields in result.merged if fields)
    click.echo(f"citeconv: {target}: {len(result.added)} added, {merged} merged, "
               f"{len(result.merged) - merged} already there", err=True)
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


def _rule_list(values: tuple[str, ...], option: str) -> list[str]:
    from .check import unknown_rules
    names = [n.strip() for v in values for n in v.split(",") if n.strip()]
    bad = unknown_rules(names)
    if bad:
        from .checkrules import RULES
        raise click.BadParameter(f"unknown rule {', '.join(bad)}; rules: {', '.join(RULES)}",
                                 param_hint=option)
    return names


def _check_epilog() -> str:
    from .checkrules import RULES
    rows = "\n".join(f"  {rule:<20} {sev:<8} {text}" for rule, (sev, text) in RULES.items())
    return ("\b\nExamples:\n  citeconv check refs.bib\n  citeconv check refs.bib --aux "
            "paper.aux --format github\n  citeconv check *.bib --ignore unprotected-acronym "
            "--fix\n\n\b\nRules (id, severity, what):\n" + rows + "\n\n\b\nExit codes: 0 no "
            "errors (warnings too with --strict); 1 errors found; 2 usage.")


@main.command(epilog=_check_epilog())
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--format", "fmt", type=click.Choice(("text", "json", "sarif", "github")),
              default="text", show_default=True, help="How findings are printed (stdout).")
@click.option("--select", multiple=True, metavar="RULE[,RULE]", help="Only these rules.")
@click.option("--ignore", multiple=True, metavar="RULE[,RULE]", help="Not these rules.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--fix", is_flag=True, help="Rewrite what needs no judgement (pages ranges, DOI "
              "URLs, month names) in place, and print each change on stderr.")
@click.option("--aux", "aux_file", default=None, metavar="PAPER.aux",
              help="Also report cited keys missing from the files and entries never cited.")
def check(files: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
          strict: bool, fix: bool, aux_file: str | None) -> None:
    """Lint .bib FILEs: FILE:LINE: severity: message [rule]."""
    from . import check as checker
    from .checkreport import render
    from .textio import InputEncodingError, decode_input, write_atomic
    chosen, skipped = _rule_list(select, "--select"), _rule_list(ignore, "--ignore")
    texts = {}
    for name in files:
        try:
            texts[name] = decode_input(Path(name).read_bytes())
        except (OSError, InputEncodingError) as err:
            _fail(f"cannot read {name}: {getattr(err, 'strerror', None) or err}")
    aux = None
    if aux_file:
        try:
            aux = checker.read_aux(Path(aux_file).read_text(encoding="utf-8", errors="replace"),
                                   aux_file)
        except OSError as err:
            _fail(f"cannot read {aux_file}: {err.strerror or err}")
    findings = checker.check_texts(texts, aux, chosen, skipped)
    if fix:
        for name, text in texts.items():
            new_text, fixed = checker.apply_fixes(text, [f for f in findings if f.file == name])
            if fixed:
                write_atomic(name, new_text)
                texts[name] = new_text
                for f in fixed:
                    click.echo(f"{name}:{f.line}: fixed: {f.fix_note} [{f.rule}]", err=True)
        findings = checker.check_texts(texts, aux, chosen, skipped)
    sys.stdout.write(render(findings, fmt))
    failing = {"error", "warning"} if strict else {"error"}
    sys.exit(Exit.FAILED if any(f.severity in failing for f in findings) else Exit.OK)


MERGE_EPILOG = """\b
Examples:
  citeconv merge mine.bib theirs.bib -o refs.bib --keymap map.json
  citeconv merge refs.bib pubs.txt -o refs.bib.new --rewrite-tex paper.tex

\b
Duplicates are found by DOI, arXiv id and ISBN first, then by title,
first author and year (fuzzy). Each pair found is reported on stderr as
merged (duplicate) or kept apart (maybe) with the rule that decided.
map.json maps every old key to its new key, e.g. for sed over .tex files."""


@main.command(epilog=MERGE_EPILOG)
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@click.option("-f", "--from", "layout", type=click.Choice(LAYOUTS), default="auto",
              show_default=True, help="Input layout; auto detects it per file.")
@click.option("-o", "--output", default="-", metavar="FILE", help="Write here (atomically).")
@click.option("--keymap", default=None, metavar="MAP.json", help="Write {old key: new key}.")
@click.option("--rewrite-tex", multiple=True, metavar="FILE.tex",
              help="Rewrite \\cite keys in these files with the key map (in place).")
@click.option("--key-format", default=keyformat.DEFAULT_FORMAT, show_default=True,
              help="Template for keys of works that have none (see convert --help).")
@click.option("--encoding", default=None, help="Input encoding if not UTF-8/UTF-16 with BOM.")
def merge(inputs: tuple[str, ...], layout: str, output: str, keymap: str | None,
          rewrite_tex: tuple[str, ...], key_format: str, encoding: str | None) -> None:
    """Merge FILEs (any layouts) into one bibliography without duplicate works."""
    import json
    from . import api
    from .merge import merge as merge_files, rewrite_tex as rewrite
    from .textio import InputEncodingError, decode_input, write_atomic
    _check_key_format(key_format)
    results = []
    for name in inputs:
        try:
            text = decode_input(Path(name).read_bytes(), encoding)
            results.append((name, api.read(text, None if layout == "auto" else layout, name,
                                           keys=False)))
        except (OSError, InputEncodingError) as err:
            _fail(f"cannot read {name}: {getattr(err, 'strerror', None) or err}")
        except api.NoReaderError as err:
            _fail(f"{name}: {err}")
    skipped = _report(d for _, r in results for d in r.diagnostics)
    result = merge_files(results, key_format)
    _report(result.diagnostics)
    _emit(api.write(result.records, "bibtex", **result.metadata), output, inputs)
    if keymap:
        _emit(json.dumps(result.keymap, indent=2, sort_keys=True) + "\n", keymap, inputs)
    for tex in rewrite_tex:
        try:
            text = Path(tex).read_text(encoding="utf-8")
        except OSError as err:
            _fail(f"cannot read {tex}: {err.strerror or err}")
        new_text, changed = rewrite(text, result.keymap)
        if changed:
            write_atomic(tex, new_text)
        click.echo(f"citeconv: {tex}: {changed} citation key(s) rewritten", err=True)
    works = sum(len(r.records) for _, r in results)
    click.echo(f"citeconv: {works} entries in, {len(result.records)} works out", err=True)
    sys.exit(Exit.PARTIAL if skipped else Exit.OK)
