"""CLI commands for keeping a bibliography: ``check``, ``merge``, and ``convert``'s ``--update``
and ``--aux``. Thin like ``cli``: parse, call the library, print, pick the exit code.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import keyformat
from .cli import LAYOUTS, Exit, _check_key_format, _emit, _fail, _read_inputs, _report, main


def only_cited(records, aux_file):  # type: ignore[no-untyped-def]
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


def convert_update(inputs, layout, encoding, key_format, update_file, output, fmt,  # type: ignore[no-untyped-def]
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
    skipped = _report(diagnostics, "bibtex")
    if strict and skipped:
        _fail("some entries could not be converted and --strict is set; nothing written")
    from .update import UpdateError
    try:
        result = api.update(existing, records, key_format, update_file)
    except UpdateError as err:
        _fail(str(err))
    _report(result.diagnostics)
    target = update_file if output == "-" else output
    if result.text != existing or target != update_file:
        _emit(result.text, target, inputs)
    merged = sum(1 for _, fields in result.merged if fields)
    click.echo(f"citeconv: {target}: {len(result.added)} added, {merged} merged, "
               f"{len(result.merged) - merged} already there", err=True)
    sys.exit(Exit.PARTIAL if skipped else Exit.OK)

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
@click.option("--encoding", default=None, help="Input encoding if not UTF-8/UTF-16 with BOM.")
def check(files: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
          strict: bool, fix: bool, aux_file: str | None, encoding: str | None) -> None:
    """Lint .bib FILEs: FILE:LINE: severity: message [rule]."""
    from . import check as checker
    from .checkreport import render
    from .textio import InputEncodingError, decode_input, write_atomic
    chosen, skipped = _rule_list(select, "--select"), _rule_list(ignore, "--ignore")
    if fix and encoding and encoding.lower().replace("-", "") not in ("utf8", "utf8sig"):
        raise click.BadParameter("--fix writes UTF-8; convert the file to UTF-8 first",
                                 param_hint="--encoding")
    texts = {}
    for name in files:
        try:
            texts[name] = decode_input(Path(name).read_bytes(), encoding)
        except (OSError, InputEncodingError, LookupError) as err:
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
    skipped = _report((d for _, r in results for d in r.diagnostics), "bibtex")
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
