"""Where the title ends and the authors begin in a glued listing line, and author pieces to
names (the arXiv listing reader's name half).

Contract
- ``_split_glued(line, etal) -> (index, ambiguous)``: every glue point (a capital, or a digit
  starting a known organisation, right after a non-space; word boundaries only when no glue
  point gives a plausible name list) is scored by how well the rest parses as at most three
  names or an organisation (``_split_score``); index 0 means no plausible split; a close
  second choice makes the split ambiguous.
- ``_pieces(text)`` splits an author list on commas/``and``/``&`` (``King, Jr.`` stays one);
  ``_names(pieces, line, diags)`` makes names (organisations literal; a guessed split of a
  person's name is an ``arxiv.name-split`` warning); ``_author_list(text, …)`` reads an arXiv
  page ``Authors:`` value (parenthesised affiliations returned, ``et al.`` -> ``ETAL``).
- Pure functions, no state.
"""
from __future__ import annotations

import re

from ..model import ETAL, Diagnostic, Name
from ..names import PARTICLES, SUFFIXES, is_organisation, parse_name_noted

_MORE_ORGS = frozenset({
    "google deepmind", "deepmind", "google brain", "hugging face", "bytedance", "bytedance seed",
    "cohere", "apple", "amazon", "alibaba", "tencent", "baidu", "salesforce", "laion", "stepfun",
    "minimax", "moonshot ai", "zhipu ai", "01.ai", "meta fair", "fair", "allenai"})
_AI_ORG = re.compile(r"^(?:[\w.\-]*[a-z0-9.]AI|(?:[A-Z][\w\-]*\s)+AI)$")
_ORG_GLUE = frozenset({"of", "for", "and", "the", "de", "on", "in", "&"})
_CAMEL_OK = re.compile(r"^(?:Mc|Mac|Fitz|O'|O’|D'|D’|De|Di|Da|Du|Le|La|Van|Von|St)\w")
_AUTHORS_MAX = 400  # longest author part tried: three names, or an organisation
_SYLLABLE = re.compile(r"^[A-Z][a-z]?[hwy]?[aeiouy]{1,3}(?:ng|n|k|l|m|p)?$")
_WORD = re.compile(r"^[^\W\d_]+(?:[\-'’][^\W\d_]+)*\.?$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.-?)+$")

def _token_score(tok: str, i: int, n: int) -> float:
    if _INITIALS.match(tok):
        return 0.0
    low = tok.lower()
    if low in PARTICLES and tok[:1].islower():
        return -1.5 if i in (0, n - 1) else 0.0
    if low in SUFFIXES and i == n - 1 and i > 1:
        return 0.0
    if not _WORD.match(tok) or not tok[:1].isupper():
        return -4.0
    if tok.isupper() and len(tok.rstrip(".")) > 1:
        return -1.0 if len(tok) == 2 else -1.5
    camel = [j for j in range(1, len(tok)) if tok[j].isupper() and tok[j - 1].isalpha()]
    if len(camel) == 1 and all(_SYLLABLE.match(w) for w in (tok[:camel[0]], tok[camel[0]:])):
        return 0.0  # a romanised two-syllable given name: HyoukJoong, KiYoon, XiaoMing
    return sum(-3.0 for j in camel if tok[j - 1].isupper() or not _CAMEL_OK.match(tok[:j + 1]))


def _person_score(piece: str) -> float:
    toks = piece.split()
    n = len(toks)
    base = {1: -1.5, 2: 2.0, 3: 1.7, 4: 1.2, 5: 0.3}.get(n, -3.0)
    return base + sum(_token_score(t, i, n) for i, t in enumerate(toks))


def _is_org(piece: str) -> bool:
    """``names.is_organisation``, plus AI-lab names it does not know yet (``Google DeepMind``,
    ``Mistral AI``, ``EleutherAI``, ``xAI``)."""
    return is_organisation(piece) or piece.lower() in _MORE_ORGS or bool(_AI_ORG.search(piece))


def _org_score(piece: str) -> float | None:
    toks = piece.split()
    if not _is_org(piece) or len(toks) > 6 or re.search(r"[:?!()\[\]\"]", piece):
        return None
    if any(not t[:1].isupper() and t.lower() not in _ORG_GLUE and not _AI_ORG.match(t)
           for t in toks):
        return None
    known = piece.lower() in _MORE_ORGS
    if not known and any(re.search(r"[a-z][A-Z]", t) for t in toks[1:] if not _AI_ORG.match(t)):
        return None  # only the first word may be glued-looking (BigScience, DeepSeek-AI)
    cut = re.match(r"[A-Z]{2,}[a-z]", toks[0]) is not None  # "BMistral": "…12B" + "Mistral"
    cut = cut or re.match(r"[A-Z]+\d", toks[0]) is not None  # "AI01.AI": "…01.AI" + "01.AI"
    return 2.5 + 0.05 * len(toks[0]) - (2.0 if cut else 0.0) + (0.5 if known else 0.0)


def _piece_score(piece: str) -> float:
    org = _org_score(piece) if piece else None
    return -10.0 if not piece else org if org is not None else _person_score(piece)


def _pieces(names: str) -> list[str]:
    pieces: list[str] = []
    for p in re.split(r",\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", names):
        if pieces and p.strip().lower() in SUFFIXES:  # "King, Jr." is one name: "King Jr."
            pieces[-1] += " " + p.strip()
        else:
            pieces.append(p.strip())
    return pieces


def _title_score(title: str, names: str) -> float:
    """How plausibly ``title`` ends where ``names`` begins (only the tail is looked at)."""
    tail = title[-60:]
    last = tail[-1:]
    if not tail.strip() or last in ",;&-–" or tail.rstrip().endswith(" and"):
        return -8.0
    score = 0.5 if last.islower() else 0.3 if not last.isalpha() else 0.0
    if re.search(r"[a-z][A-Z]$", tail):
        score -= 1.5  # "…ModelsD" + "J Strouse" is likelier "…Models" + "DJ Strouse"
    if re.search(r"[a-z][A-Z][a-z]*$", tail):
        score -= 1.0  # "…ReportDeep" + "Seek-AI": a word cut at its inner capital
    if last.isupper() and re.match(r"\S*[a-z][A-Z]", names):
        score -= 1.0  # "…LL" + "MsKimi Team": an acronym cut before its plural s
    return score


def _split_score(title: str, names: str, etal: bool) -> float:
    pieces = _pieces(names)
    score = sum(_piece_score(p) for p in pieces) + _title_score(title, names)
    score -= 5.0 * max(0, len(pieces) - 3)
    return score - (1.0 if etal and len(pieces) < 3 else 0.0)


def _starts_name(line: str, p: int) -> bool:
    """Can the authors start at ``p``? A capital, or a digit that starts an organisation glued
    on after a letter (``…by 01.AI`` + ``01.AI, Alex Young``)."""
    return line[p].isupper() or (line[p].isdigit() and line[p - 1].isalpha() and any(
        line[p:].lower().startswith(org) for org in _MORE_ORGS if org[:1].isdigit()))


def _split_glued(line: str, etal: bool) -> tuple[int, bool]:
    """Where the authors start in a glued ``TitleAuthor, Author`` line: (index, ambiguous).

    Index 0 means no plausible split. Glue points (a capital right after a non-space) are tried
    first; word boundaries only when no glue point gives a plausible name list."""
    for glued in (True, False):
        scored = sorted(((  # best first; on a tie the longer author part
            -_split_score(line[:p], line[p:], etal), p)
            for p in range(max(1, len(line) - _AUTHORS_MAX), len(line))
            if _starts_name(line, p) and (not line[p - 1].isspace()) == glued))
        if scored and scored[0][0] < 0:
            close = len(scored) > 1 and scored[1][0] - scored[0][0] < 0.75
            return scored[0][1], close or not glued
    return 0, False


def _names(pieces: list[str], line: int = 0,
           diags: list[Diagnostic] | None = None) -> tuple[Name, ...]:
    """Pieces -> names; a guessed split of a person's name (three words and more, see
    ``names``) is an ``arxiv.name-split`` warning when ``diags`` is given."""
    out = []
    for p in pieces:
        if not p:
            continue
        if _org_score(p) is not None:
            out.append(Name(literal=p))
            continue
        name, note = parse_name_noted(p)
        if note and diags is not None:
            diags.append(Diagnostic("arxiv.name-split", f"{p}: {note}", line=line, raw=p))
        out.append(name)
    return tuple(out)


def _author_list(text: str, line: int = 0, diags: list[Diagnostic] | None = None
                 ) -> tuple[tuple[Name, ...], str]:
    """A page ``Authors:`` value -> names (+ETAL); parenthesised affiliations are returned."""
    text = re.sub(r"\(\s*\d+\s+additional authors? not shown\s*\)", "", text)
    affs = re.findall(r"\(([^()]*)\)", text)
    text = re.sub(r"\([^()]*\)", "", text)
    text, n = re.subn(r",?\s*(?:et al\.?|and others)\s*$", "", text.strip())
    text = re.sub(r"\s+and\s+", ", ", text)
    names = _names([p for p in _pieces(text) if p], line, diags)
    return names + ((ETAL,) if n else ()), ", ".join(a.strip() for a in affs if a.strip())
