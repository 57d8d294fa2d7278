"""``convert NEW… --update refs.bib``: add new works to a .bib file without disturbing it.

Contract
- ``update(existing, new_records, key_format)`` -> ``UpdateResult(text, diagnostics, added,
  merged)``. The existing text is edited, never rewritten: every byte of it that is not part of
  an edit stays (comments, ``@string``, ``@preamble``, field order, unknown fields, spacing).
- A new record that is the same work as an existing entry (``match.compare``: DOI, arXiv id,
  ISBN, or title/first author/year) is merged into it: fields the entry lacks are inserted after
  its last field; values that differ are reported (``update.conflict``) and the file's value
  stays. Keys and the order of existing entries never change.
- New records that match each other are merged first; ``maybe`` matches (same title, years
  apart…) are added as new entries and reported (``update.maybe``), never merged silently.
- The remaining records get keys that collide with none in the file (``keys``), and are
  appended at the end in canonical form, in input order.
- Running the same update twice changes nothing the second time.
- A file with a block whose braces do not balance is not touched: ``UpdateError`` (new entries
  appended after it would be read as part of it). Entries the reader skips for other reasons
  stay as they are and are reported (``update.unreadable``).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import bibfile, match, texpass
from .keys import DEFAULT_FORMAT, assign_keys_reported
from .mapping import MONTHS
from .model import Diagnostic, Record, Severity
from .readers import bibtex as bibtex_reader
from .writers import bibtex as bibtex_writer


class UpdateError(ValueError):
    """The existing file cannot be updated safely (a block whose braces do not balance)."""


@dataclass(frozen=True, slots=True)
class UpdateResult:
    text: str
    diagnostics: tuple[Diagnostic, ...]
    added: tuple[str, ...]            # keys of appended entries
    merged: tuple[tuple[str, tuple[str, ...]], ...]  # (existing key, BibTeX fields inserted)

    @property
    def changed(self) -> bool:
        return bool(self.added or any(fields for _, fields in self.merged))


def _note(code: str, message: str, filename: str, line: int = 0) -> Diagnostic:
    return Diagnostic(code, message, line=line, file=filename, severity=Severity.WARNING)


def dedupe(records: list[Record]) -> tuple[list[Record], list[Diagnostic]]:
    """Merge records that are duplicates of each other (first in input order kept)."""
    groups, judged = match.duplicate_groups(records)
    notes = [_note("update.maybe", f"{records[i].id or records[i].get('title')!r} and "
                   f"{records[j].id or records[j].get('title')!r} may be the same work "
                   f"({v.rule}, score {v.score:.0f}); both kept", records[j].source.file,
                   records[j].source.line) for i, j, v in judged if v.kind == match.MAYBE]
    out = []
    for group in sorted(groups):
        record = records[group[0]]
        for other in group[1:]:
            record, _, conflicts = match.merge_records(record, records[other])
            notes += [_note("update.conflict", f"two inputs give the same work with different "
                            f"{field}: kept {mine!r}, not {theirs!r}", records[other].source.file,
                            records[other].source.line) for field, mine, theirs in conflicts]
        out.append(record)
    return out, notes


def update(existing: str, new_records: list[Record], key_format: str = DEFAULT_FORMAT,
           filename: str = "refs.bib") -> UpdateResult:
    broken = [b for b in bibfile.scan(existing) if "braces do not balance" in b.problem]
    if broken:  # entries appended after an unclosed brace would be swallowed by it
        raise UpdateError("; ".join(f"{filename}:{b.line}: {b.problem}" for b in broken[:5]) +
                          f" ({len(broken)} in all): fix the file first (citeconv check "
                          f"{filename}), nothing was written")
    read = bibtex_reader.read(existing)
    old = read.records
    unreadable = [_note("update.unreadable", f"{d.message}; kept as it is, but new entries are "
                        "not matched against it", filename, d.line)
                  for d in read.diagnostics if d.severity == Severity.ERROR]
    blocks = {b.line: b for b in bibfile.scan(existing) if b.kind != "broken"}  # by entry line
    new, notes = dedupe(list(new_records))
    notes = unreadable + notes
    edits: list[tuple[int, int, str]] = []
    merged: list[tuple[str, tuple[str, ...]]] = []
    fresh: list[Record] = []
    index = match.candidate_index(old)
    for record in new:
        found, maybe = None, None
        for i in index.candidates(record):
            verdict = match.compare(old[i], record)
            if verdict.kind == match.DUPLICATE:
                found = (i, verdict)
                break
            if verdict.kind == match.MAYBE and maybe is None:
                maybe = (i, verdict)
        if found is None:
            if maybe is not None:
                notes.append(_note("update.maybe", f"new entry {record.get('title', '')!r} may "
                                   f"be {old[maybe[0]].id!r} ({maybe[1].rule}, score "
                                   f"{maybe[1].score:.0f}); added as a new entry", filename))
            fresh.append(record)
            continue
        target = old[found[0]]
        inserted, conflicts = _merge_into(existing, blocks.get(target.source.line), target,
                                          record, edits)
        merged.append((target.id, tuple(inserted)))
        where = target.source.line
        if inserted:
            notes.append(_note("update.merged", f"{target.id}: same work as a new entry "
                               f"({found[1].rule}); added {', '.join(inserted)}", filename, where))
        for field, mine, theirs in conflicts:
            notes.append(_note("update.conflict", f"{target.id}: {field} differs: kept "
                               f"{mine!r}, new input has {theirs!r}", filename, where))
    keyed, renamed = assign_keys_reported(fresh, key_format, reserved=[r.id for r in old])
    text = bibfile.splice(existing, edits)
    if keyed:
        text = text.rstrip("\n") + ("\n\n" if text.strip() else "") + "\n".join(
            bibtex_writer.format_entry(r) for r in keyed)
    for record in keyed:
        title = texpass.readable(str(record.get("title", "")))  # no LaTeX markup in a message
        notes.append(_note("update.added", f"added {record.id} ({title})",
                           filename))
    return UpdateResult(text, tuple(notes) + tuple(renamed), tuple(r.id for r in keyed),
                        tuple(merged))


def _merge_into(text: str, block: bibfile.Block | None, target: Record, record: Record,
                edits: list[tuple[int, int, str]]) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Insert the BibTeX fields ``record`` adds to ``target``'s entry; returns them and the
    conflicts."""
    combined, _, conflicts = match.merge_records(target, record, fill_only=True)
    if block is None or not block.fields or combined is target:
        return [], conflicts
    present = {f.name.lower() for f in block.fields}
    present |= {name for name, _ in bibtex_writer.entry_fields(target)[1]}
    if "date" in present:
        present |= {"year", "month", "day"}
    new_fields = [(n, v) for n, v in bibtex_writer.entry_fields(combined)[1] if n not in present]
    if not new_fields:
        return [], conflicts
    last = block.fields[-1]
    lines = "".join(f",\n  {n} = {v}" if n == "month" and v in MONTHS else f",\n  {n} = {{{v}}}"
                    for n, v in new_fields)
    edits.append((last.end, last.end, lines))
    return [n for n, _ in new_fields], conflicts
