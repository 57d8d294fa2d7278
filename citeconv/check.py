"""``citeconv check``: lint .bib files for CI. Findings are data; ``checkreport`` prints them.

Contract
- ``check_texts({file: text}, aux_keys=None, select=(), ignore=())`` -> ``list[Finding]``
  sorted by file, line, rule. Rules and severities: ``checkrules.RULES``. Duplicate keys and
  duplicate works are looked for across all the files; ``crossref`` may point into any file.
- ``aux_keys`` (from ``read_aux``): keys cited in a LaTeX ``.aux`` (``\\citation{a,b}`` and
  biblatex's ``\\abx@aux@cite{0}{a}``); ``*`` (``\\nocite{*}``) cites everything.
- ``apply_fixes(text, findings)`` applies the judgement-free fixes of one file's findings and
  returns the new text and the findings it fixed.
"""
from __future__ import annotations

import re
from typing import Iterable

from . import bibfile, match
from .checkrules import RULES, Finding, entry_findings
from .readers import bibtex as bibtex_reader

_MONTH_MACROS = {m: m for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                "oct", "nov", "dec")}


def unknown_rules(names: Iterable[str]) -> list[str]:
    return [n for n in names if n not in RULES]


def read_aux(text: str, filename: str = "paper.aux") -> dict[str, tuple[str, int]]:
    """Cited key -> (aux file, line of its first citation)."""
    keys: dict[str, tuple[str, int]] = {}
    for m in re.finditer(r"\\citation\{([^}]*)\}|\\abx@aux@cite\{[^}]*\}\{([^}]*)\}", text):
        line = text.count("\n", 0, m.start()) + 1
        for key in (m.group(1) or m.group(2) or "").split(","):
            if key.strip():
                keys.setdefault(key.strip(), (filename, line))
    return keys


def check_texts(texts: dict[str, str], aux_keys: dict[str, tuple[str, int]] | None = None,
                select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Finding]:
    findings: list[Finding] = []
    all_blocks: dict[str, list[bibfile.Block]] = {}
    for name, text in texts.items():
        blocks = bibfile.scan(text)
        all_blocks[name] = blocks
        macros = dict(_MONTH_MACROS)
        for block in blocks:
            if block.kind == "string":
                for field in block.fields:
                    macros[field.name.lower()] = bibtex_reader.resolve_value(field.value,
                                                                             macros)[0]
            elif block.kind == "broken":
                findings.append(_at(name, Finding("", block.line, "syntax", block.problem,
                                                  RULES["syntax"][0])))
            elif block.kind not in ("comment", "preamble"):
                findings += [_at(name, f) for f in entry_findings(block, macros)]
    findings += _across_files(all_blocks, texts, aux_keys)
    chosen = set(select) or set(RULES)
    chosen -= set(ignore)
    return sorted((f for f in findings if f.rule in chosen),
                  key=lambda f: (f.file, f.line, f.rule, f.message))


def _at(name: str, finding: Finding) -> Finding:
    return Finding(name, finding.line, finding.rule, finding.message, finding.severity,
                   finding.fix, finding.fix_note)


def _entries(all_blocks: dict[str, list[bibfile.Block]]) -> list[tuple[str, bibfile.Block]]:
    return [(name, b) for name, blocks in all_blocks.items() for b in blocks
            if b.kind not in ("string", "comment", "preamble", "broken")]


def _across_files(all_blocks: dict[str, list[bibfile.Block]], texts: dict[str, str],
                  aux_keys: dict[str, tuple[str, int]] | None) -> list[Finding]:
    out: list[Finding] = []
    entries = _entries(all_blocks)
    seen: dict[str, tuple[str, int]] = {}
    for name, block in entries:
        first = seen.setdefault(block.key.lower(), (name, block.line))
        if first != (name, block.line):
            out.append(Finding(name, block.line, "duplicate-key", f"key {block.key!r} is "
                               f"already used at {first[0]}:{first[1]}", RULES["duplicate-key"][0]))
    for name, block in entries:
        crossref = block.field("crossref")
        if crossref is not None:
            target = bibtex_reader.resolve_value(crossref.value, {})[0].strip()
            if target.lower() not in seen:
                out.append(Finding(name, crossref.line, "undefined-crossref", f"crossref "
                                   f"{target!r} is not a key in the files",
                                   RULES["undefined-crossref"][0]))
    out += _duplicate_works(texts)
    if aux_keys is not None:
        out += _aux(entries, seen, aux_keys)
    return out


def _duplicate_works(texts: dict[str, str]) -> list[Finding]:
    records = []
    for name, text in texts.items():
        records += [(name, r) for r in bibtex_reader.read(text).records]
    just = [r for _, r in records]
    out = []
    for i, j, verdict in match.duplicate_groups(just)[1]:
        (fa, a), (fb, b) = records[i], records[j]
        if a.id.lower() == b.id.lower():
            continue  # reported as duplicate-key
        kind = "is the same work as" if verdict.kind == match.DUPLICATE else "may be the same " \
            "work as"
        out.append(Finding(fb, b.source.line, "duplicate-work", f"{b.id!r} {kind} {a.id!r} at "
                           f"{fa}:{a.source.line} ({verdict.rule})", RULES["duplicate-work"][0]))
    return out


def _aux(entries: list[tuple[str, bibfile.Block]], seen: dict[str, tuple[str, int]],
         aux_keys: dict[str, tuple[str, int]]) -> list[Finding]:
    out = []
    for key, (aux, line) in sorted(aux_keys.items()):
        if key != "*" and key.lower() not in seen:
            out.append(Finding(aux, line, "cited-missing", f"{key!r} is cited but no entry has "
                               "this key", RULES["cited-missing"][0]))
    if "*" not in aux_keys:
        cited = {k.lower() for k in aux_keys}
        for name, block in entries:
            if block.key.lower() not in cited:
                out.append(Finding(name, block.line, "never-cited", f"{block.key!r} is never "
                                   "cited", RULES["never-cited"][0]))
    return out


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, list[Finding]]:
    fixed = [f for f in findings if f.fix is not None]
    return bibfile.splice(text, [f.fix for f in fixed if f.fix]), fixed
