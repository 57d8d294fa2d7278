"""``citeconv merge``: one canonical bibliography from several sources, with a map of old keys.

Contract
- ``merge(results, key_format)`` takes ``(file name, ReadResult)`` pairs (any layout, read with
  ``keys=False``) and returns a ``MergeResult``: the merged records (first-seen order), the key
  map, and diagnostics.
- Duplicates: ``match.duplicate_groups`` (identifiers first, then blocking + fuzzy score). Each
  non-distinct pair is reported with its verdict and deciding rule: ``merge.duplicate`` pairs are
  merged, ``merge.maybe`` pairs are kept apart (never merged silently).
- A merged record starts from the first source's record; a missing field is filled from the
  others, a value that contains the other (longer title, more names, fuller date) replaces it,
  anything else is a ``merge.conflict`` and the first source's value stays.
- Keys: the first source's key of each work is kept when usable, otherwise generated
  (``keys``); clashes between different works get suffixes. ``keymap`` maps every old key to
  its new key; an old key used for two different works in two files maps to the first file's
  work and is reported (``merge.ambiguous-key``); ``keymap_by_file`` is exact.
- ``rewrite_tex(text, keymap)`` rewrites the keys inside ``\\cite``-family commands
  (natbib, biblatex, ``\\nocite``), nothing else, and returns the new text and the count.
- Merging a merged file again changes nothing (idempotent).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import match
from .keys import DEFAULT_FORMAT, assign_keys_reported, usable_key
from .model import Diagnostic, ReadResult, Record, Severity


@dataclass(frozen=True, slots=True)
class MergeResult:
    records: tuple[Record, ...]
    keymap: dict[str, str]
    keymap_by_file: dict[str, dict[str, str]]
    diagnostics: tuple[Diagnostic, ...]
    metadata: dict[str, str] = field(default_factory=dict)


def _where(record: Record) -> str:
    return f"{record.source.file}:{record.source.line}" if record.source.line else \
        record.source.file or "<input>"


def _name(record: Record) -> str:
    return repr(record.id) if record.id else repr(str(record.get("title", ""))[:60])


def merge(results: list[tuple[str, ReadResult]], key_format: str = DEFAULT_FORMAT) -> MergeResult:
    records = [r for _, result in results for r in result.records]
    notes: list[Diagnostic] = []
    groups, judged = match.duplicate_groups(records)
    for i, j, verdict in judged:
        code = "merge.duplicate" if verdict.kind == match.DUPLICATE else "merge.maybe"
        what = "merged" if verdict.kind == match.DUPLICATE else "maybe the same work, both kept"
        notes.append(Diagnostic(code, f"{_name(records[j])} and {_name(records[i])} at "
                                f"{_where(records[i])}: {what} ({verdict.rule}, score "
                                f"{verdict.score:.0f})", records[j].source.line,
                                records[j].source.file))
    groups = sorted(groups)
    merged: list[Record] = []
    for group in groups:
        record = records[group[0]]
        for other in group[1:]:
            record, _, conflicts = match.merge_records(record, records[other])
            for name, mine, theirs in conflicts:
                notes.append(Diagnostic("merge.conflict", f"{_name(records[group[0]])}: {name} "
                                        f"differs: kept {mine!r}, not {theirs!r} from "
                                        f"{_where(records[other])}", records[other].source.line,
                                        records[other].source.file))
        if not usable_key(record.id):  # a listing first: a BibTeX key of the same work wins
            record = record.replace(id=next((records[i].id for i in group
                                             if usable_key(records[i].id)), record.id))
        merged.append(record)
    keyed, renamed = assign_keys_reported(merged, key_format)
    notes += renamed
    by_file: dict[str, dict[str, str]] = {}
    keymap: dict[str, str] = {}
    for group, record in zip(groups, keyed):
        for i in group:
            old = records[i]
            if not old.id:
                continue
            by_file.setdefault(old.source.file, {}).setdefault(old.id, record.id)  # bibtex: 1st
            if keymap.setdefault(old.id, record.id) != record.id:
                notes.append(Diagnostic("merge.ambiguous-key", f"key {old.id!r} names different "
                                        f"works in different files; the key map sends it to "
                                        f"{keymap[old.id]!r} (this one is {record.id!r}; see "
                                        "the per-file map)", old.source.line, old.source.file,
                                        Severity.WARNING))
    metadata = {kind: "\n".join(r.metadata[kind] for _, r in results if r.metadata.get(kind))
                for kind in ("preamble", "comments")}
    return MergeResult(tuple(keyed), keymap, by_file, tuple(notes), metadata)


_CITE = re.compile(r"\\(?:[A-Za-z]*cite[A-Za-z]*|nocite)\*?((?:\s*(?:\([^()]*\)|\[[^\]]*\]|"
                   r"\{[^{}]*\}))+)")
_GROUP = re.compile(r"\{([^{}]*)\}")


def rewrite_tex(text: str, keymap: dict[str, str]) -> tuple[str, int]:
    """Keys in every ``{…}`` argument of a cite command (``\\cites{a}[p.~2]{b}`` too); the
    ``[…]``/``(…)`` notes are left alone."""
    changed = 0

    def group(m: re.Match[str]) -> str:
        nonlocal changed
        new = []
        for part in m.group(1).split(","):
            key = part.strip()
            target = keymap.get(key, key)
            if target != key:
                changed += 1
                part = part.replace(key, target)
            new.append(part)
        return "{" + ",".join(new) + "}"

    def command(m: re.Match[str]) -> str:
        args = m.group(1)
        out, pos = [], 0
        for piece in re.finditer(r"\([^()]*\)|\[[^\]]*\]|\{[^{}]*\}", args):
            out.append(args[pos:piece.start()])
            out.append(_GROUP.sub(group, piece.group()) if piece.group().startswith("{")
                       else piece.group())
            pos = piece.end()
        out.append(args[pos:])
        return m.group(0)[:m.start(1) - m.start()] + "".join(out)
    return _CITE.sub(command, text), changed
