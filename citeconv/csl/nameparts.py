"""One personal name, formatted the way citeproc-js formats it (CSL 1.0.2 §Name-part order).

Contract
- ``initialize(given, terminator, normalize_only=False, hyphen=True) -> str``: the given name
  with ``initialize-with`` applied. Words are split at spaces, hyphens and rich-text tags (the
  tags stay where they were: ``<b>John</b> Q.`` → ``<b>J.</b> Q.``). A capitalised word becomes
  its initial (``Thomas`` → ``T``); an abbreviation with a period keeps its letters (``Ph.`` →
  ``Ph``); a word whose second letter is also a capital keeps it lower-cased (``TSerendorj`` →
  ``Ts``); lower-case words are kept (``de``); a hyphen joins initials (``J.-P.``) unless
  ``hyphen`` is False, and a hyphen before a lower-case part drops that part (``Guo-ping`` →
  ``G``). ``normalize_only`` (``initialize="false"``) only re-punctuates what already are
  initials (``M.E`` → ``M. E.``) and leaves full words alone. Names not starting in a Latin,
  Greek, Cyrillic, Hebrew, Arabic or Thai letter are returned unchanged.
- ``parse_particles(name)``: a family name starting with lower-case particles ending in a
  hyphen, apostrophe or space (``al-One``) is split into non-dropping particle and family, for a
  name with a given name, no particle and no ``parse-names: false`` (citeproc-js).
- ``romanesque(name, language) -> int``: 0 when the family name has no letter of those scripts
  (CJK), 1 when only the given name starts with one (or the item language is ja/zh), else 2.
- ``format_person(name, o, level, inverted) -> str`` renders a CSL-JSON person ``name`` with
  ``o`` (a ``PersonOpts``): ``level`` 0 = the family name only (short form), 1 = initials (when
  ``initialize-with`` is set), 2 = full given name. Family name-part formatting/text-case applies
  to the family name and the non-dropping particle, given name-part formatting to the given name
  and the dropping particle, each separately; name-part affixes wrap the groups citeproc-js puts
  together: display order ``[given] [dp ndp family suffix]``; inverted with particle demotion
  ``[family], [given dp ndp], suffix``; inverted without ``[ndp family], [given dp], suffix``.
  Non-Latin names (romanesque 0) are written family+given without a space; static order
  (romanesque 1, ``static-ordering``, Vietnamese/Hungarian items) family, space, given. A particle
  ending in an apostrophe or hyphen is joined to the family name without a space; locales fr,
  ru and cs join particle and family with a no-break space (as citeproc-js does).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Mapping

from . import output

__all__ = ["initialize", "romanesque", "format_person", "PersonOpts", "starts_romanesque",
           "decorate", "parse_particles"]

_ROM = ("a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
        "\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e")
_HAS_ROM = re.compile(f"[-0-9{_ROM}]")
_STARTS_ROM = re.compile(f"^[&{_ROM}]")
_INITIAL = re.compile(
    "^([A-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u042f\u0590-\u05d4\u05d6-\u05ff\u0600-\u06ff\u0370"
    "\u0372\u0376\u0386\u0388-\u03ab\u03e2\u03e4\u03e6\u03e8\u03ea\u03ec\u03ee\u03f4\u03f7"
    "\u03fd-\u03ff])([a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u052f\u0600-\u06ff\u0370-\u03ff"
    "\u1f00-\u1fff]*|)(\\.)*")
_TAG = r"</?(?:span\s+class=\"no(?:case|decor)\"|i|sc|b|sub|sup|span)>"
_SPLIT = re.compile(f"((?:[-\\s]*{_TAG}[-\\s]*)+|[-\\s]+)")
_LEAD_TAGS = re.compile(r"^(?:<[^>]+>)*")
_TRAIL_WS = re.compile("[\t\n\x0b\x0c\r \ufeff\u00a0]+$")
_APOS = ("'", "\u02bc", "\u2019", "-")


def starts_romanesque(text: str) -> bool:
    return bool(_STARTS_ROM.match(text or ""))


def _tags_only(sep: str) -> str:
    tags = re.findall(r"-*<[^>]+>-*", sep)
    return "".join(tags) if tags else sep


def _merge_tags(sep: str, new: str) -> str:
    """``new`` (a terminator) carrying the rich-text tags of separator ``sep``."""
    tags = re.findall(r"-*<[^>]+>-*", sep)
    if not tags:
        return new
    tagstr = "".join(tags)
    m = re.match(r"^(.*\S)?(\s+)$", new)
    if m:
        return (m.group(1) or "") + tagstr + m.group(2)
    return new + tagstr


def _notag(s: str) -> str:
    return _LEAD_TAGS.sub("", s)


def _tidy(s: str) -> str:
    s = _TRAIL_WS.sub("", s)
    s = re.sub(r"\s*-\s*", "-", s)
    return re.sub(r"[\t\n\x0b\x0c\r ]+", " ", s)


@functools.lru_cache(maxsize=16384)  # a pure function of its (immutable) arguments
def initialize(given: str, terminator: str, normalize_only: bool = False,
               hyphen: bool = True) -> str:
    if not given:
        return ""
    terminator = terminator or ""
    fmt = "%s" in terminator
    if given in ("Lord", "Lady") or (not _STARTS_ROM.match(_notag(given)) and not fmt):
        return given
    if not hyphen:
        given = given.replace("-", " ")
    given = re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", given))
    given = re.sub(r"-([a-z])", "\u2013\\1", given)  # a lower-case part is not a new word
    given = re.sub(r"\.(?=[^ ])", ". ", given)
    pieces = _SPLIT.split(given)  # words at even indexes, separators at odd ones
    if "<" not in given:
        tail = re.search(r"[^.]+$", pieces[0])
        if tail and len(tail.group(0)) == 1 and tail.group(0) != tail.group(0).lower():
            pieces[0] += "."
    out = (_normalize if normalize_only else _initialize)(pieces, terminator)
    return re.sub("\u2013([a-z])", r"-\1", out)


def _normalize(p: list[str], term: str) -> str:
    abbrev = []
    for i, s in enumerate(p):
        bare = _notag(s)
        if len(bare) > 1 and bare.endswith("."):
            p[i] = re.sub(r"^(.*)\.(.*)$", r"\1\2", s)
            abbrev.append(True)
        else:
            abbrev.append(len(s) == 1 and s.upper() == s)
    n = len(p)
    for i in range(0, n, 2):
        if not abbrev[i]:
            continue
        if i < n - 2:
            p[i + 1] = _tags_only(p[i + 1])
            if not abbrev[i + 2]:
                p[i + 1] = _tags_only(p[i + 1]) + " "
            if len(p[i + 2]) > 1:
                p[i + 1] = term.rstrip("\ufeff") + p[i + 1]
            else:
                p[i + 1] = _merge_tags(p[i + 1], term)
        if i == n - 1:
            p[i] += term
    return _tidy("".join(p))


def _initialize(p: list[str], term: str) -> str:
    fmt = "%s" in term
    n = len(p)
    for i in range(0, n, 2):
        word = p[i]
        if not word:
            continue
        m = _INITIAL.match(word)
        head, rest, dot = (m.group(1), m.group(2), m.group(3)) if m else ("", "", None)
        if not m and not _STARTS_ROM.match(word) and len(word) > 1 and fmt:
            m, head, rest, dot = True, word[0], word[1:], None
        if m and rest and dot:
            head, rest = head + rest, ""
        if m and head[:1] == head[:1].upper():
            extra = ""
            if rest:
                caps = ""
                for ch in rest:
                    if ch != ch.upper():
                        break
                    caps += ch
                if len(caps) < len(rest):
                    extra = caps.lower()
            p[i] = head + extra
            if fmt:
                p[i] = term.replace("%s", p[i])
            elif i < n - 1:
                if "-" in p[i + 1]:
                    p[i + 1] = _merge_tags(p[i + 1].replace("-", "", 1), term) + "-"
                else:
                    p[i + 1] = _merge_tags(p[i + 1], term)
            else:
                p.append(term)
        elif _HAS_ROM.search(word) and not dot:
            p[i] = " " + word
    return _tidy("".join(p))


def romanesque(name: Mapping[str, Any], language: str = "") -> int:
    family = str(name.get("family") or "").replace('"', "")
    given = str(name.get("given") or "")
    if not _HAS_ROM.search(family):
        return 1 if given and _STARTS_ROM.match(given) else 0
    if language[:2].lower() in ("ja", "zh"):
        return 1
    return 2


@dataclass(frozen=True)
class PersonOpts:
    """What formatting one person needs, resolved once per names list."""

    family: Any = None            # cs:name-part name="family" node (or None)
    given: Any = None             # cs:name-part name="given" node (or None)
    initialize_with: str | None = None
    initialize: bool = True       # initialize="false" → normalise only
    hyphen: bool = True           # initialize-with-hyphen
    sort_separator: str = ", "
    demote: bool = True           # demote-non-dropping-particle display-and-sort / always
    nbsp: str = " "               # the particle-family space (no-break in fr/ru/cs)
    language: str = ""            # the item's language
    title_ok: bool = True         # text-case="title" applies (English item)
    dotted_i: bool = False        # Turkish/Azeri upper case: i → İ (toLocaleUpperCase)


def decorate(text: str, part: Any, title_ok: bool = True, dotted_i: bool = False) -> str:
    """Name-part formatting without its affixes (strip-periods, text-case, font)."""
    if not text or part is None:
        return text
    a = part.attrs
    if a.get("strip-periods") == "true":
        text = text.replace(".", "")
    case = a.get("text-case")
    if case == "uppercase" and dotted_i:
        text = text.replace("i", "\u0130")
    if case and (case != "title" or title_ok):
        text = output.text_case(text, case)
    return output.wrap_name(text, a)


def _affixed(text: str, part: Any) -> str:
    if not text or part is None:
        return text
    return (part.get("prefix") or "") + text + (part.get("suffix") or "")


def _join(parts: list[str], sep: str) -> str:
    out = ""
    for p in parts:
        if not p:
            continue
        if out and not (sep == " " and out[-1] in " \u00a0"):
            out += sep
        out += p
    return out


def _quoted(family: str) -> str:
    """A family name in double quotes is kept as it is, without the quotes (citeproc-js)."""
    for o, c in (('"', '"'), ("\u201c", "\u201d")):
        if len(family) > 1 and family.startswith(o) and family.endswith(c):
            return family[1:-1]
    return family


def format_person(name: Mapping[str, Any], o: PersonOpts, level: int, inverted: bool) -> str:
    fam_node, giv_node = o.family, o.given
    name = {k: (v.replace("'", "\u2019") if isinstance(v, str) else v) for k, v in name.items()}
    family = _quoted(str(name.get("family") or ""))
    given = str(name.get("given") or "")
    ndp_s = str(name.get("non-dropping-particle") or "")
    dp_s = str(name.get("dropping-particle") or "")
    suffix_s = str(name.get("suffix") or "")
    if level == 1 and family and o.initialize_with is not None:
        given = initialize(given, o.initialize_with, not o.initialize, o.hyphen)
    if suffix_s and o.initialize_with is not None:
        suffix_s = initialize(suffix_s, o.initialize_with, True, o.hyphen)
    family, given, ndp_r, dp_r, suffix_r = (output.rich(x) if x else x for x in (
        family, given, ndp_s, dp_s, suffix_s))  # rich text (<b>, <i>...) → markers
    fam = decorate(family, fam_node, o.title_ok, o.dotted_i)
    ndp = decorate(ndp_r, fam_node, o.title_ok, o.dotted_i)
    if level == 0:
        giv = dp = suffix = ""
    else:
        giv = decorate(given, giv_node, o.title_ok, o.dotted_i)
        dp = decorate(dp_r, giv_node, o.title_ok, o.dotted_i)
        suffix = suffix_r
    rom = romanesque(name, o.language)
    if rom == 0:
        return _join([ndp, fam, giv], "")
    if rom == 1 or name.get("static-ordering") or o.language[:2].lower() in ("vi", "hu"):
        return _join([_join([ndp, fam], o.nbsp), giv], " ")
    joined_ndp = bool(ndp_s) and ndp_s[-1] in ("\u2019", "'", "-", " ")
    if inverted:
        sep = ", " if given in ("Lord", "Lady") else o.sort_separator
        if o.demote:
            second = _affixed(_join([_join([giv, dp], " "), ndp], " "), giv_node)
            merged = _join([_affixed(fam, fam_node), second], sep)
        else:
            first = _join([ndp, fam], "" if joined_ndp else o.nbsp)
            merged = _join([_affixed(first, fam_node),
                            _affixed(_join([giv, dp], " "), giv_node)], sep)
        return _join([merged, suffix], sep)
    if dp_s and family and not ndp_s and dp_s[-1] in _APOS and dp_s[:-1] != "de":
        fam, dp = dp + fam, ""
    if joined_ndp:
        second = _join([dp, ndp + fam], o.nbsp)
    else:
        second = _join([dp, ndp, fam], o.nbsp)
    second = _join([second, suffix], ", " if name.get("comma-suffix") else " ")
    space = " "
    if o.initialize_with and re.search("[\u00a0\ufeff]", o.initialize_with) and level == 1:
        space = o.nbsp
    return _join([_affixed(giv, giv_node), _affixed(second, fam_node)], space)


_FAMILY_PARTICLE = re.compile("^([^ ]+(?:-|\u02bb|\u2019| |') *)(.+)$")


def parse_particles(n: Mapping[str, Any]) -> Mapping[str, Any]:
    """citeproc-js particle parsing of the family name (``al-One`` → ``al-`` + ``One``) for a
    name with a given name and no particle; ``render.items.prepare`` already split the particles
    that end in a space or an apostrophe."""
    family = n.get("family")
    if (not isinstance(family, str) or not n.get("given") or n.get("non-dropping-particle")
            or n.get("literal") or n.get("parse-names") in (False, "false")
            or family.startswith(('"', "\u201c"))):
        return n
    rest, particle = family, ""
    m = _FAMILY_PARTICLE.match(rest)
    while m:
        head = re.sub("^[-'\u02bb\u2019\\s]*", "", m.group(1))[:1]
        if not head or head.upper() == head:
            break
        particle, rest = particle + m.group(1), m.group(2)
        m = _FAMILY_PARTICLE.match(rest)
    if not particle:
        return n
    ndp = particle.strip()
    if particle.endswith(" ") and ndp.endswith(("'", "\u2019")):
        ndp += " "
    return dict(n, family=rest, **{"non-dropping-particle": ndp})
