"""Reader for "Last, First" author exports (a profile's publication list, one block per paper).

Layout
    Clark, Aidan                                   <- optional profile owner (metadata)
    <title>
    Family, Given, Family, Given, …                <- ONE author line (or ``F, G; F, G``)
    <abstract, optional, any number of lines>
    <title>
    …

Contract
- Blocks are found structurally: an *author line* is recognisable (comma-separated name
  tokens, alternating family/given, or ``;``-separated ``Family, Given`` pieces); the line
  before it is the title; the lines after it up to the next title are the abstract, which may
  be missing. An author line ending in ``,``/``;`` continues on the next line.
- The first line is the profile owner when it is one ``Family, Given`` pair and the next line is
  not an author line; it goes to ``ReadResult.metadata["profile"]``, not to the records.
- Author tokens: ``X, null`` is a name with no given part: a literal name (an organisation such
  as ``OpenAI``; a WARNING ``last-first.null-given`` when it does not look like one); so is
  ``null, X`` (the export put a one-word name in the given slot). A pair
  whose family has no letter (``:, null``) is dropped with WARNING ``last-first.stray-pair``.
  Particles the export left in the given part become the non-dropping particle
  (``Driessche, George van den``); so does a particle inside it with what follows, the part
  of the family name the export cut off (``d'Autume, Cyprien de Masson`` -> given ``Cyprien``,
  particle ``de Masson``, family ``d'Autume``: displays as the person writes it; WARNING
  ``last-first.particle-split`` because ``Masson`` is not a particle). A capitalised prefix left
  there joins the family (``Roux, Nicolas Le`` -> family ``Le Roux``). Any other capitalised
  given word stays given: the export's family part is its own (``Such, Felipe Petroski``
  -> family ``Such``, given ``Felipe Petroski``). A person listed twice
  is kept, WARNING ``last-first.duplicate-author``. A lone trailing token is a family-only
  name, WARNING ``last-first.odd-tokens``.
- An author line whose every token is a multi-word name (``John Smith, Jane Doe``) is read in
  display order, WARNING ``last-first.display-order``.
- Every line is accounted for: noise removed (``_text.clean_input``), page furniture dropped
  and counted (``metadata["furniture"]``), and text after an entry's abstract that is not a
  block (``_text.abstract_run``) is one ERROR ``last-first.unparsed-block`` keeping it. An
  odd number of name parts (a one-word name: ``Luong, Minh-Thang, Le, Sutskever, Ilya``) is
  read with the lone name placed where the given slots look most like given names, WARNING
  ``last-first.odd-tokens``; lower-case initials (``Henrique P. d.O.``) are given names.
- The profile line met again further down (after an entry's author line or abstract, a title
  and an author line next: the list pasted twice) is a heading, WARNING
  ``last-first.profile-again``, never an entry.
- Records: ``type="document"``, ``title``, ``author``, ``abstract`` (cleaned by
  ``_text.clean_abstract``); an arXiv stamp in the abstract makes an arXiv ``article``.
  A block with an author line but no title is an ERROR ``last-first.no-title`` (skipped).
- ``detect`` is high only when most non-blank lines are explained by title/author/abstract
  blocks; ``read`` never raises on str.
- Recognising and reading author lines lives in ``_lfnames`` (``is_author_line`` and
  ``parse_author_line`` are re-exported here); this module finds the blocks.
"""
from __future__ import annotations

from ..model import Diagnostic, ReadResult, Record, Severity, Source
from ._lfnames import (
    _name_token,
    _stray,
    _tokens,
    is_author_line,
    parse_author_line,
    strip_etal,
)
from ._repeats import repeated_entries
from ._text import (
    abstract_run,
    arxiv_fields,
    clean_abstract,
    clean_input,
    furniture_note,
    is_furniture,
    looks_like_correspondence,
)

__all__ = ["NAME", "detect", "is_author_line", "parse_author_line", "read"]

NAME = "last-first"
_MAX_WRAP = 30  # continuation lines of one wrapped author line


# ------------------------------------------------------------------ blocks
def _profile_line(lines: list[str]) -> bool:
    first = lines[0].strip() if lines else ""
    if len(_tokens(first)) != 2 or not is_author_line(first):
        return False
    return len(lines) > 2 and not is_author_line(lines[1]) and is_author_line(lines[2])


def _tokens_ok(line: str) -> bool:
    """Cheap gate: every comma/semicolon token of the line is a name part or a stray."""
    tokens = [t for t in _tokens(strip_etal(line)[0].replace(";", ",")) if t]
    return bool(tokens) and all(_name_token(t) or _stray(t) for t in tokens)


def _author_run(lines: list[str], i: int) -> int | None:
    """Index of the last line of the author line starting at ``i`` (a line ending in ``,`` or
    ``;`` continues on the next), or None when line ``i`` does not start one."""
    parts, j = [lines[i].strip()], i
    if not _tokens_ok(parts[0]):
        return None
    while (parts[-1].endswith((",", ";")) and j + 1 < len(lines) and lines[j + 1].strip()
           and j - i < _MAX_WRAP):
        parts.append(lines[j + 1].strip())
        j += 1
    if j > i and is_author_line(" ".join(parts)):
        return j
    return i if is_author_line(lines[i]) else None


def _blocks(lines: list[str], start: int) -> list[tuple[int, int, int, int]]:
    """(title index, author first index, author last index, abstract end) per block."""
    marks = []
    i = start
    while i < len(lines):
        j = _author_run(lines, i)
        if j is not None and j == i and i + 1 < len(lines) and _author_run(lines, i + 1):
            j = None  # an author-like line right before an author line is its title
        if j is not None:
            title = i - 1
            while title >= start and not lines[title].strip():
                title -= 1
            marks.append([title, i, j])
            i = j + 1
        else:
            i += 1
    out = []
    for k, (title, first, last) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(lines)
        if k + 1 < len(marks) and marks[k + 1][0] <= last:  # back-to-back author lines
            end = last + 1
        out.append((title, first, last, end))
    return out


# ------------------------------------------------------------------ records
def _record(lines: list[str], block: tuple[int, int, int, int],
            diags: list[Diagnostic]) -> Record | None:
    title_i, first, last, end = block
    author_text = " ".join(lines[k].strip() for k in range(first, last + 1))
    if title_i < 0 or not lines[title_i].strip():
        diags.append(Diagnostic("last-first.no-title", "an author line with no title before it",
                                first + 1, severity=Severity.ERROR, raw=author_text))
        return None
    authors, notes = parse_author_line(author_text, first + 1)
    diags.extend(notes)
    numbered = [(k, lines[k].strip()) for k in range(last + 1, end) if lines[k].strip()]
    kept, rest = abstract_run([t for _, t in numbered])
    if rest:
        where = numbered[len(kept)][0] + 1
        diags.append(Diagnostic("last-first.unparsed-block", f"{len(rest)} line(s) after the "
                                "entry above are not a title / author line / abstract block; "
                                "not read", where, severity=Severity.ERROR, raw="\n".join(rest)))
    abstract, arxiv_id = clean_abstract(" ".join(kept))
    fields: dict[str, object] = {"title": " ".join(lines[title_i].split()), "author": authors,
                                 "abstract": abstract}
    rtype = "document"
    if arxiv_id:
        rtype = "article"
        fields.update(arxiv_fields(arxiv_id))
    return Record(id="", type=rtype, fields=fields,  # type: ignore[arg-type]
                  source=Source(line=title_i + 1))


def _repeated_profile(lines: list[str], start: int, profile: str) -> list[Diagnostic]:
    """Blank the profile line where it comes again (the list pasted twice, or page after
    page): the same one-pair line, after an entry's author line or abstract (never right after
    a title: then it is that paper's only author), with a title and its author line next."""
    out = []
    filled = [k for k in range(start, len(lines)) if lines[k].strip()]
    for n, k in enumerate(filled[1:-2], 1):
        if lines[k].strip() != profile:
            continue
        prev, nxt, after = (lines[filled[n + d]].strip() for d in (-1, 1, 2))
        words = prev.split()
        abstract = len(words) >= 15 or (len(words) >= 6 and prev.endswith("."))
        if (is_author_line(prev) or abstract) and not is_author_line(nxt) \
                and is_author_line(after):
            lines[k] = ""
            out.append(Diagnostic("last-first.profile-again", f"the profile line {profile!r} "
                                  "again (the list pasted twice?): read as a heading, not an "
                                  "entry", k + 1, raw=profile))
    return out


def read(text: str) -> ReadResult:
    lines = clean_input(text).split("\n")
    furniture = [k + 1 for k, ln in enumerate(lines) if ln.strip() and is_furniture(ln)]
    for k in furniture:
        lines[k - 1] = ""
    metadata: dict[str, str] = furniture_note(furniture)
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if _profile_line([ln for ln in lines[start:] if ln.strip()]):
        metadata["profile"] = lines[start].strip()
        start += 1
    diags: list[Diagnostic] = []
    records = []
    blocks = _blocks(lines, start)
    first_title = max(start, blocks[0][0]) if blocks else start
    before = [ln.strip() for ln in lines[start:first_title] if ln.strip()]
    if len(before) == 1 and len(before[0].split()) <= 8 and "profile" not in metadata:
        metadata["profile"] = before[0]  # a profile heading in another shape ("Aidan Clark")
        start = first_title
    elif before:  # text before the first title explains nothing
        diags.append(Diagnostic("last-first.unread", "lines before the first entry were not read",
                                start + 1, severity=Severity.ERROR,
                                raw="\n".join(before)[:500]))
    again = _repeated_profile(lines, start, metadata["profile"]) if "profile" in metadata else []
    if again:  # the profile line met again: blanked, so the blocks are found afresh
        diags += again
        blocks = _blocks(lines, start)
    for block in blocks:
        rec = _record(lines, block, diags)
        if rec is not None:
            records.append(rec)
    diags += repeated_entries(records, NAME)
    diags.sort(key=lambda d: d.line)
    return ReadResult(records=tuple(records), diagnostics=tuple(diags), layout=NAME,
                      metadata=metadata)


def detect(text: str) -> float:
    """How much of the text is title / author line / abstract blocks, 0.0-1.0."""
    try:
        if looks_like_correspondence(text[:50_000]):
            return 0.0  # an e-mail that lists people as "Family, Given"
        lines = [ln for ln in clean_input(text[:200_000]).split("\n")
                 if ln.strip() and not is_furniture(ln)][:400]
        if not lines:
            return 0.0
        profile = int(_profile_line(lines))  # "Clark, Aidan" heading: not an author line
        authors = [i for i, ln in enumerate(lines) if i >= profile and is_author_line(ln)]
        titled = [i for i in authors if i > 0 and not is_author_line(lines[i - 1])
                  and len(lines[i - 1]) < 400 and len(lines[i - 1].split()) <= 40]
        if not titled:
            return 0.0
        unread = titled[0] - 1 - profile
        coverage = (len(lines) - unread) / len(lines)
        density = min(1.0, 2.5 * 2 * len(titled) / len(lines))  # 2-3 line blocks -> 1.0
        share = len(titled) / len(authors)
        strength = min(1.0, 0.55 + 0.15 * len(titled))
        return round(max(0.0, min(1.0, strength * share * coverage * density)), 3)
    except Exception:  # noqa: BLE001 - a detector never raises
        return 0.0
