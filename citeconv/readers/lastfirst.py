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
- Records: ``type="document"``, ``title``, ``author``, ``abstract`` (cleaned by
  ``_text.clean_abstract``); an arXiv stamp in the abstract makes an arXiv ``article``.
  A block with an author line but no title is an ERROR ``last-first.no-title`` (skipped).
- ``detect`` is high only when most non-blank lines are explained by title/author/abstract
  blocks; ``read`` never raises on str.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Diagnostic, Name, ReadResult, Record, Severity, Source
from .. import namedata as nd
from ..names import (
    PARTICLES,
    SUFFIXES,
    is_initial,
    is_organisation,
    parse_name,
    parse_sorted_name,
)
from ._text import (
    abstract_run,
    arxiv_fields,
    clean_abstract,
    clean_input,
    furniture_note,
    is_furniture,
    looks_like_correspondence,
    normalise_caps_name,
)

NAME = "last-first"

_WORD = re.compile(r"^(?:[^\W\d_]|[.'’\-])+$")
_NICKNAME = re.compile(r"^\([^\W\d_][^\W\d_'’.\-]*\)$")  # Koseki, Shin (Alexandre)
_APOS_PARTICLE = re.compile(r"^(?:d|l|dell|degli|van)['’]", re.IGNORECASE)
_LOWER_INITIALS = re.compile(r"^(?=[^\W\d_A-Z])(?:[^\W\d_]\.){1,3}$")  # Pinto, Henrique P. d.O.
_NULL = "null"
_MAX_WRAP = 30  # continuation lines of one wrapped author line


# ------------------------------------------------------------------ recognising lines
@lru_cache(maxsize=65536)
def _name_token(token: str) -> bool:
    """Could this comma-separated token be a family or a given part?"""
    if token == _NULL:
        return True
    words = token.split()
    if not 1 <= len(words) <= 5 or len(token) > 60:
        return False
    if not all(_WORD.match(w) or (k and _NICKNAME.match(w)) for k, w in enumerate(words)):
        return False
    heads = [w for w in words if w.lower() not in PARTICLES and not _APOS_PARTICLE.match(w)
             and not _NICKNAME.match(w) and not _LOWER_INITIALS.match(w)]
    return all(w[:1].isupper() for w in heads) and (bool(heads) or len(words) == 1)


def _stray(token: str) -> bool:
    return bool(token) and not any(c.isalpha() for c in token)


_AND = re.compile(r"^(?:and|&)\s+")


def _tokens(line: str) -> list[str]:
    return [_AND.sub("", t.strip()) for t in line.split(",")]


def _pair_pieces(line: str) -> list[str] | None:
    """``F, G; F, G`` -> pieces, when the line has that shape."""
    if ";" not in line:
        return None
    pieces = [p.strip() for p in line.strip().rstrip(";").split(";")]
    if all(p.count(",") == 1 for p in pieces):
        return pieces
    return None


def is_author_line(line: str) -> bool:
    """Structural test: alternating family/given tokens (or ``F, G; F, G`` pieces)."""
    line = line.strip().rstrip(",;")
    if "," not in line or len(line) < 3:
        return False
    pieces = _pair_pieces(line)
    tokens = _tokens(";".join(pieces).replace(";", ",") if pieces else line)
    strays = sum(map(_stray, tokens))
    names = [t for t in tokens if not _stray(t)]
    bad = sum(not _name_token(t) for t in names)
    if len(names) < 2 or bad > len(tokens) // 40 or strays > max(2, len(tokens) // 10):
        return False
    nulls = sum(t == _NULL for t in tokens)
    pairs = len(tokens) - sum(t.lower() in SUFFIXES for t in tokens)
    return nulls * 2 <= len(tokens) and (pairs % 2 == 0 or len(tokens) >= 5)


def _profile_line(lines: list[str]) -> bool:
    first = lines[0].strip() if lines else ""
    if len(_tokens(first)) != 2 or not is_author_line(first):
        return False
    return len(lines) > 2 and not is_author_line(lines[1]) and is_author_line(lines[2])


# ------------------------------------------------------------------ blocks
def _tokens_ok(line: str) -> bool:
    """Cheap gate: every comma/semicolon token of the line is a name part or a stray."""
    tokens = [t for t in _tokens(line.replace(";", ",")) if t]
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


# ------------------------------------------------------------------ authors
def _given_like(token: str) -> float:
    words = token.split()
    if any(is_initial(w) or _LOWER_INITIALS.match(w) for w in words):
        return 1.0
    if any(w.lower() in nd.COMMON_GIVEN_NAMES or re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", w)
           for w in words):
        return 1.0
    return 0.0


def _surname_like(token: str) -> float:
    low = token.lower()
    return 1.0 if low in nd.EAST_ASIAN_SURNAMES or low in nd.DOUBLE_SURNAME_HEADS else 0.0


def _lone_at(tokens: list[str]) -> int | None:
    """In an odd list of ``Family, Given`` tokens with no suffix, the index of the one-word name
    (a family with no given part), chosen so that given slots hold given-looking tokens;
    None when the list is even."""
    if len(tokens) % 2 == 0 or any(t.lower() in SUFFIXES or t == _NULL or _stray(t)
                                   for t in tokens):
        return None
    best, at = -99.0, len(tokens) - 1
    for lone in range(0, len(tokens), 2):
        score = 0.5 * _surname_like(tokens[lone]) - 1.0 * _given_like(tokens[lone])
        rest = tokens[:lone] + tokens[lone + 1:]
        for fam, giv in zip(rest[::2], rest[1::2]):
            score += _given_like(giv) - _given_like(fam) + 0.5 * _surname_like(fam)
        if score > best:
            best, at = score, lone
    return at


def _pairs(tokens: list[str], line: int, diags: list[Diagnostic]) -> list[tuple[str, str, str]]:
    """Tokens -> (family, given, suffix) triples, dropping stray pairs."""
    out: list[tuple[str, str, str]] = []
    lone = _lone_at(tokens)
    if lone is not None:
        diags.append(Diagnostic("last-first.odd-tokens", f"an odd number of name parts: read "
                                f"{tokens[lone]!r} as a name with no given part (a guess)",
                                line, raw=", ".join(tokens)))
        before = _pairs(tokens[:lone], line, diags) if lone else []
        return before + [(tokens[lone], "", "")] + _pairs(tokens[lone + 1:], line, diags)
    i = 0
    while i < len(tokens):
        family = tokens[i]
        if _stray(family) or not family:
            skip = 2 if i + 1 < len(tokens) and tokens[i + 1] == _NULL else 1
            diags.append(Diagnostic("last-first.stray-pair", f"dropped a stray author token "
                                    f"{', '.join(tokens[i:i + skip])!r}", line, raw=family))
            i += skip
            continue
        if i + 1 >= len(tokens):
            diags.append(Diagnostic("last-first.odd-tokens", f"{family!r} has no given part",
                                    line, raw=family))
            out.append((family, "", ""))
            break
        given, suffix, i = tokens[i + 1], "", i + 2
        if given.lower() in SUFFIXES and i < len(tokens):
            suffix, given, i = given, tokens[i], i + 1
        elif i < len(tokens) and tokens[i].lower() in SUFFIXES:
            suffix, i = tokens[i], i + 1
        out.append((family, given, suffix))
    return out


def _name(family: str, given: str, suffix: str, line: int, diags: list[Diagnostic]) -> Name:
    if family == _NULL and given not in (_NULL, ""):  # "null, Mausam": a one-word name
        family, given = given, _NULL
    if not given and _name_token(family) and not is_organisation(family):
        return Name(family=family)  # a one-word name (the export gave no given part)
    if given == _NULL or not given:
        if given == _NULL and not is_organisation(family):
            diags.append(Diagnostic("last-first.null-given", f"{family!r} has no given name; "
                                    "kept as a literal name", line, raw=family))
        return Name(literal=family)
    family, given = _uncap(family, 2), _uncap(given, 3)
    name, note = parse_sorted_name(family, given)
    if note:
        diags.append(Diagnostic("last-first.particle-split", f"{family}, {given}: {note}", line,
                                raw=f"{family}, {given}"))
    if suffix:
        name = Name(family=name.family, given=name.given, suffix=suffix,
                    non_dropping_particle=name.non_dropping_particle)
    return name


def _uncap(part: str, shortest: int) -> str:
    """``NG`` -> ``Ng``, ``DOHA`` -> ``Doha``: an ALL-CAPS word of ``shortest`` letters or more
    (shorter ones in a given part are initials, ``AJ``)."""
    words = [normalise_caps_name(w) if len(w) >= shortest and w.isalpha() and w.isupper()
             and w not in ("II", "III", "IV") else w for w in part.split()]
    return " ".join(words)


def _display_order(tokens: list[str]) -> bool:
    """``John Smith, Jane Doe``: every token is a multi-word name and none is initials only,
    which a list of ``Family, Given`` pairs (mostly one-word families) never is."""
    return len(tokens) >= 2 and all(
        len(t.split()) >= 2 and not all(is_initial(w) for w in t.split()[1:])
        and not any(is_initial(w) for w in t.split()[-1:]) for t in tokens)


def parse_author_line(text: str, line: int = 0) -> tuple[tuple[Name, ...], list[Diagnostic]]:
    """One author line (possibly several joined) -> names, diagnostics."""
    diags: list[Diagnostic] = []
    text = text.strip().rstrip(",;")
    pieces = _pair_pieces(text)
    tokens = _tokens(text)
    if pieces:
        triples = [(f.strip(), g.strip(), "") for f, g in (p.split(",") for p in pieces)]
        names = tuple(_name(f, g, s, line, diags) for f, g, s in triples)
    elif _display_order(tokens):
        names = tuple(parse_name(_uncap(t, 2)) for t in tokens)
        diags.append(Diagnostic("last-first.display-order", "the author line lists "
                                "'First Last' names, not 'Last, First' pairs", line, raw=text))
    else:
        triples = _pairs(tokens, line, diags)
        names = tuple(_name(f, g, s, line, diags) for f, g, s in triples)
    seen: set[Name] = set()
    for n in names:
        if n in seen:
            diags.append(Diagnostic("last-first.duplicate-author", f"{n.display()} is listed "
                                    "more than once (kept)", line, raw=n.display()))
        seen.add(n)
    return names, diags


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
    elif before:  # text before the first title explains nothing
        diags.append(Diagnostic("last-first.unread", "lines before the first entry were not read",
                                start + 1, severity=Severity.ERROR,
                                raw="\n".join(before)[:500]))
    for block in blocks:
        rec = _record(lines, block, diags)
        if rec is not None:
            records.append(rec)
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
