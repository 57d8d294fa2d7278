"""Shared text clean-up for the listing readers (small steps, one job each).

Contract
- ``clean_abstract(text) -> (cleaned, arxiv_id | None)``: repairs what PDF extraction and web
  copy-paste leave in an abstract, and returns an inline arXiv identifier if one is stamped in it.
  Steps: truncation markers removed; a leading ``Abstract``/``A BSTRACT`` heading dropped
  (``Abstract`` only before punctuation or a sentence: ``Abstract reasoning is`` stays), with
  a PDF running header before it (``Published as a conference paper at ICLR 2021``); other
  spaced small-caps headings rejoined (``I NTRODUCTION`` -> ``INTRODUCTION``); kerning splits
  rejoined (``Y et`` -> ``Yet``, ``W e`` -> ``We``), and a sentence's cut-off first letter when
  the whole is a common opening word (``T he`` -> ``The``, ``I n`` -> ``In``); ligatures to letters, rejoining the word
  they split (``Ef ﬁcient`` -> ``Efficient``); TeX quotes ````…''`` -> ``“…”``; a few TeX
  escapes (``\\%``, ``$\\times$``) to Unicode; the arXiv side stamp (``arXiv:1910.06764v1
  [cs.LG] 15 Oct 2019``, with a page/footnote number right before it) removed and its id,
  without version, returned (an unversioned ``arXiv:…`` mention cites another paper and
  stays); whitespace collapsed.
  Never raises; ``clean_abstract("")`` is ``("", None)``.
- ``remove_truncation_markers(text)``: deletes a site's "see more" splice marker (``…
  (voir plus)``, ``... (read more)``, ``… mehr anzeigen`` and the same in other languages) and
  rejoins the halves exactly, so a word cut in two is whole again (``en… (voir plus)ergy``);
  the "see less" link an expanded abstract ends with (``(voir moins)``, ``(show less)``) goes.
- ``normalise_caps_name(text)``: an ALL-CAPS personal name to normal case (``DOHA HWANG`` ->
  ``Doha Hwang``), keeping ``McX``, ``O'X``, hyphen parts, roman-numeral suffixes and lower-case
  particles between the first and the last word (``JUAN DE LA CRUZ`` -> ``Juan de la Cruz``);
  ``Le``/``La``/``El`` stay capitalised unless a particle precedes them (``CHARLINE LE LAN`` ->
  ``Charline Le Lan``) and the last word is never a particle (``QUOC V. LE``). Text that is
  not all capitals is returned unchanged.
- ``arxiv_fields(arxiv_id)``: the fields an arXiv id gives a record: ``publisher`` arXiv,
  ``number`` (the bare id), ``URL`` (abs page) and ``DOI`` (``10.48550/arXiv.<id>``, the DOI
  arXiv registers for every paper).
- ``ARXIV_ID``: the modern/legacy arXiv identifier pattern (no ``arXiv:`` prefix).
- ``clean_input(text)``: what a browser copy adds, removed before a listing is read, with the
  line count an editor shows unchanged (so diagnostics point at the user's lines): a BOM, zero-width spaces and
  joiners, soft hyphens, the word joiner and bidirectional marks are deleted; no-break,
  narrow and other Unicode spaces, tabs and form feeds become spaces; CR LF, lone CR and the
  Unicode line/paragraph separators become LF.
- ``is_furniture(line)``: page furniture a listing page shows between entries and that carries
  no data (``Page 1 of 3``, ``Load more``, ``Show all``, ``Previous``/``Next``, ``Back to top``,
  ``Cite``/``PDF``/``Code`` badges alone on a line, ``Showing 1-20 of 85``, ``Sort by …``).
  Readers drop such lines and count them in ``ReadResult.metadata["furniture"]``
  (``furniture_note``).
- ``looks_like_correspondence(text)``: e-mail headers or addresses, greetings and sign-offs,
  meeting-note labels (``Attendees:``, ``Action items``), bullets or times of day on their own
  lines: text that merely contains names, which the listing detectors refuse.
- ``abstract_run(lines) -> (abstract lines, rest)``: where an entry's abstract ends. A web copy
  gives an abstract as one line; a further line continues it only when the abstract stopped
  mid-sentence, the line starts in lower case or is prose ending a sentence (12+ words, or
  3+ words half of them lower-case: ``We release the code.``). A short title-like first line followed by a line that is not prose is no
  abstract at all (a title and an author line that did not parse). The rest is text from elsewhere that the reader reports, never abstract text.
"""
from __future__ import annotations

import re

ARXIV_ID = r"(?:\d{4}\.\d{4,5}|[a-z][a-z.\-]*/\d{7})"

_MORE_WORDS = (
    r"voir plus|lire la suite|en savoir plus|afficher plus|see more|read more|show more|view more|"
    r"more|mehr anzeigen|weiterlesen|mehr lesen|ver más|leer más|mostrar más|ver mais|leia mais|"
    r"mostrar mais|leggi di più|mostra di più|leggi tutto|meer weergeven|lees meer|toon meer|"
    r"visa mer|läs mer|vis mere|læs mere|vis mer|les mer|pokaż więcej|czytaj więcej|näytä lisää|"
    r"zobrazit více|показать больше|читать далее|daha fazla göster|もっと見る|続きを読む|"
    r"查看更多|显示更多|阅读更多|더 보기|더보기"
)
_ELLIPSIS = r"(?:…|\.\.\.)"
# "…" + marker in parentheses/brackets, or "…" + a bare marker phrase that is not plain "more"
_TRUNCATION = re.compile(
    rf"{_ELLIPSIS}\s*(?:[(\[]\s*(?:{_MORE_WORDS})\s*[)\]]|(?!more)(?:{_MORE_WORDS}))",
    re.IGNORECASE)

# an expanded abstract ends in the "see less" link that folds it again: "… (voir moins)"
_LESS = re.compile(
    rf"\s*{_ELLIPSIS}?\s*[(\[]\s*(?:voir moins|afficher moins|see less|show less|read less|"
    r"view less|weniger anzeigen|ver menos|mostrar menos|mostra meno|minder weergeven|"
    r"visa mindre|vis mindre|pokaż mniej|näytä vähemmän|свернуть|показать меньше|收起|접기)"
    r"\s*[)\]]\s*$", re.IGNORECASE)

_HEADINGS = (
    "ABSTRACT|INTRODUCTION|BACKGROUND|SUMMARY|KEYWORDS|METHODS?|RESULTS|CONCLUSIONS?|DISCUSSION|"
    "RELATED|WORK|PRELIMINARIES|EXPERIMENTS|APPENDIX|ACKNOWLEDGE?MENTS|REFERENCES|OVERVIEW|"
    "MOTIVATION|CONTRIBUTIONS|SETUP|METHODOLOGY|APPROACH|EVALUATION|LIMITATIONS"
)
# the heading: in capitals always; "Abstract" only before punctuation or a sentence ("Abstract
# We study", not "Abstract Meaning Representation is", "Abstract reasoning is")
_LEAD_HEADING = re.compile(
    r"^\s*(?:(?:A\s?BSTRACT|ABSTRACT)\b\s*[:.\-—–]?|Abstract\s*[:.\-—–]|"
    r"Abstract(?=\s+[A-Z][\w'’]*\s+[a-z]))\s*")
# a PDF running header pasted before the heading ("Published as a conference paper at ICLR
# 2021 A BSTRACT …", "Preprint. Under review. Abstract We …")
_RUNNING_HEAD = re.compile(
    r"^(?:\S+\s+){1,16}?(?=(?:A\s?BSTRACT|ABSTRACT)\b\s*[:.\-—–]?\s*[A-Z]|"
    r"Abstract\s*[:.\-—–]|Abstract\s+[A-Z][\w'’]*\s+[a-z])")
_HEAD_CUE = re.compile(r"\b(?:(?:19|20)\d\d|conference|workshop|preprint|review|proceedings|"
                       r"journal|published|submitted|draft|accepted|camera)\b", re.IGNORECASE)
_SPACED_HEADING = re.compile(r"\b([A-Z]) ([A-Z]{2,})\b")
_HEADING_WORDS = frozenset(_HEADINGS.replace("?", "").split("|")) | {
    "METHOD", "CONCLUSION", "ACKNOWLEDGMENTS"}
# PDF kerning splits: a capital that kerns with the next letter, cut off from its word
_KERNING = re.compile(r"\b([YVWTFP]) ([aeiouy][a-z]*)\b")
_ARXIV_STAMP = re.compile(
    rf"(?:(?<=[.!?]) \d{{1,2}}(?= arXiv:))?\s?\barXiv:\s?({ARXIV_ID})(v\d+)(?:\s*\[[\w.\-]+\])?"
    r"(?:\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4})?")
_ARXIV_INLINE = re.compile(rf"\barXiv:\s?({ARXIV_ID})(?:v\d+)?\b")
_TEX = (
    (re.compile(r"\\([%&$#_])"), r"\1"),
    (re.compile(r"\$\\times\$"), "×"),
    (re.compile(r"\$\\sim\$"), "~"),
    (re.compile(r"\$\\approx\$"), "≈"),
    (re.compile(r"\$\\pm\$"), "±"),
    (re.compile(r"\$\\(?:geq|ge)\$"), "≥"),
    (re.compile(r"\$\\(?:leq|le)\$"), "≤"),
    (re.compile(r"\$([<>])\$"), r"\1"),
)


# "…more" glued to the cut (a site's "show more" link copied with the text)
_GLUED_MORE = re.compile(r"(?:…|\.\.\.)(?:more|More|MORE)(?=$|[^\s\w]|[a-z])")


def remove_truncation_markers(text: str) -> str:
    """Delete "see more" splice markers and rejoin the two halves exactly; a glued ``…more``
    at the very end leaves the ``…`` that says the text was cut."""
    text = text.rstrip()
    if _GLUED_MORE.search(text[-8:]) and re.search(r"(?:…|\.\.\.)more$", text, re.I):
        text = re.sub(r"(?:…|\.\.\.)more$", "…", text, flags=re.I)
    text = _LESS.sub("", text)
    marked = _GLUED_MORE.sub("\x00", _TRUNCATION.sub("\x00", text))
    return marked.replace(" \x00 ", " ").replace("\x00", "")


_SENTENCE_END = re.compile(r"[.!?…)\]\"”’]$")


def _title_like(line: str) -> bool:
    return not _SENTENCE_END.search(line) and len(line.split()) <= 25


def _prose(line: str) -> bool:
    """Running text: starts in lower case, or eight words or more, a third of them lower-case."""
    words = line.split()
    return line[:1].islower() or (
        len(words) >= 8 and sum(w[:1].islower() for w in words) >= len(words) / 3)


def abstract_run(lines: list[str]) -> tuple[list[str], list[str]]:
    """(abstract lines, lines after them that are not abstract). A web copy gives the abstract
    as one line; a further line continues it only when the abstract stopped mid-sentence, the
    line starts in lower case, or it is a paragraph of prose (12+ words ending a sentence). A
    short line after a finished abstract starts text from elsewhere (another entry pasted in
    another layout), which must not vanish into this abstract."""
    if not lines:
        return [], []
    if len(lines) > 1 and _title_like(lines[0]) and not _prose(lines[1]):
        return [], lines  # no abstract: a title and its authors that did not parse
    for k in range(1, len(lines)):
        prev, ln = lines[k - 1], lines[k]
        if not _SENTENCE_END.search(prev) or ln[:1].islower():
            continue
        words = ln.split()
        lower = sum(w[:1].islower() for w in words)
        if _SENTENCE_END.search(ln) and (len(words) >= 12 or (len(words) >= 3
                                                               and 2 * lower >= len(words))):
            continue  # another paragraph, or a sentence the copy put on its own line
        return lines[:k], lines[k:]
    return lines, []


# ------------------------------------------------------------------ browser-copy noise
# (+ the bidirectional marks and isolates a right-to-left page leaves around names)
_DELETE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e\u200e\u200f"
                                 "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u3000\u2002\u2003\u2004"
                                 "\u2005\u2006\u2008\t\x0b\x0c"), " ")
# line and paragraph separators (a page's JavaScript or a word processor): line breaks
_BREAKS = {0x2028: "\n", 0x2029: "\n", 0x85: "\n"}


#: any character of the three tables: ``str.translate`` looks every other non-ASCII character
#: up and fails (an exception each), so a text with none of them is not translated at all
_ODD = re.compile("[" + "".join(map(chr, [*_DELETE, *_SPACES, *_BREAKS])) + "]")


def clean_input(text: str) -> str:
    """BOM, zero-width characters, soft hyphens and bidi marks deleted, odd spaces and tabs to
    spaces, every kind of line break to LF (one break stays one line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD.search(text) is None:
        return text
    return text.translate(_BREAKS).translate(_DELETE).translate(_SPACES)


_FURNITURE = re.compile(
    r"^(?:page \d+(?: of \d+)?|load(?:ing)? more(?: results| papers| publications)?|"
    r"(?:show|see|view) (?:all|more|less)(?: \w+)?(?: \(\d+\))?|more|less|"
    r"(?:«\s*|‹\s*|<\s*)?(?:previous|prev|next|first|last)(?:\s*[»›>])?(?: page)?|"
    r"back to top|scroll to top|(?:\d+\s+){1,9}\d+(?:\s+next)?|"
    r"(?:pdf|code|cite|bibtex|html|doi|video|slides|poster|project page|website|abstract|"
    r"save|share|copy|export|download|open access|highlight|oral|spotlight|new)"
    r"(?:\s*[|·•]\s*(?:pdf|code|cite|bibtex|html|doi|video|slides|poster|project page|"
    r"website|abstract|save|share|copy|export|download))*|"
    r"showing (?:results )?\d+\s*(?:-|–|to)\s*\d+ of \d+.*|\d+ (?:results|publications|papers)|"
    r"sort(?:ed)? by\b.{0,40}|filter(?: by)?\b.{0,40}|cited by \d+|"
    r"©.{0,80}|copyright\b.{0,80}|all rights reserved\.?|privacy(?: policy)?|terms(?: of use)?)$",
    re.IGNORECASE)


def is_furniture(line: str) -> bool:
    """A line of page furniture (navigation, paging, badges): no bibliographic data."""
    return bool(_FURNITURE.match(line.strip()))


_STRONG = re.compile(  # one of these is enough
    r"^(?:(?:from|to|cc|bcc|subject|sent|fwd?)\s*:.*|.*\b[\w.+\-]+@[\w\-]+\.[a-z]{2,}\b.*|"
    r"(?:hi|hello|hey|dear)\s+[\w .'’\-]{1,40}[,!:]|(?:hi|hello|hey)\s*[,!]?|"
    r"(?:attendees|participants|agenda|action items?|minutes|next steps|todo)\s*:.*|"
    r".*\b(?:meeting notes|meeting minutes|minutes of the)\b.*)$", re.IGNORECASE)
_WEAK = re.compile(  # two of these
    r"^(?:(?:thanks|thank you|cheers|best|regards|best regards|kind regards|sincerely|see you)"
    r"\s*[,!.]?|(?:present|decisions?|notes|date|re)\s*:.*|[-*•]\s.*|"
    r"\d{1,2}[:h]\d{2}\s*(?:am|pm)?\b.*|.*\b(?:meeting|call|sync|stand-?up)\b.*)$",
    re.IGNORECASE)


def looks_like_correspondence(text: str) -> bool:
    """E-mail or meeting-note furniture: one strong line or two weak ones (see the contract)."""
    weak = 0
    for line in text[:50_000].split("\n")[:400]:
        line = line.strip()
        if not line:
            continue
        if _STRONG.match(line):
            return True
        weak += bool(_WEAK.match(line))
        if weak >= 2:
            return True
    return False


def furniture_note(lines: list[int]) -> dict[str, str]:
    """``{"furniture": "3 line(s) of page furniture dropped: 4, 17, 30"}`` or ``{}``."""
    if not lines:
        return {}
    shown = ", ".join(map(str, lines[:20])) + (", …" if len(lines) > 20 else "")
    return {"furniture": f"{len(lines)} line(s) of page furniture dropped: {shown}"}


def _rejoin_headings(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        word = m.group(1) + m.group(2)
        return word if word in _HEADING_WORDS else m.group(0)
    return _SPACED_HEADING.sub(fix, text)


# common words that can follow a one-letter variable ("where T is", "P and Q"): never glued
_WORDS_AFTER_VARIABLE = frozenset(
    "a an and are as at is it its in into if of on or our over only once one other otherwise "
    "up upon us use used using until under each either even every ever else all any also after "
    "about above across again against along among around away yet you your".split())


# a sentence's first letter cut off its word (a drop cap, or a kerned pair at a line start:
# "T he", "I n this paper", "O ur"): rejoined only when the whole is a common opening word
_DROP_CAP = re.compile(r"(?:^|(?<=[.!?] ))([A-Z]) ([a-z]+)\b(?![\-'’])")
_SENTENCE_OPENERS = frozenset(
    "The This These Those There Their They That Then Thus Therefore To Through Today Together "
    "In It Its If Instead Inspired Importantly Here However How Hence Our On One Only Over "
    "Overall Other Often An And As At Although Also Among Another Additionally Again After "
    "Unlike Under Unfortunately Using Moreover Many Most More Motivated Much Such Since Some So "
    "Specifically Surprisingly Second Several First Finally For From Furthermore Further "
    "Following Experiments Existing Each Even Extensive Empirically Despite Due During "
    "Deep Building By But Both Because Based Beyond Given Generally Recent Recently Results "
    "Large Last Learning Lastly Nevertheless Neural Next No Not Notably Nonetheless Prior "
    "Previous Previously Please Code Current Currently Consequently Compared While When Where "
    "Whereas Which What With Within Without Why Yet".split())


def _rejoin_kerning(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        if m.group(2) in _WORDS_AFTER_VARIABLE:
            return m.group(0)
        return m.group(1) + m.group(2)

    def drop_cap(m: re.Match[str]) -> str:
        word = m.group(1) + m.group(2)
        return word if word in _SENTENCE_OPENERS else m.group(0)
    return _DROP_CAP.sub(drop_cap, _KERNING.sub(fix, text))


_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile(r"(?:\b([^\W\d_]+) )?([ﬀ-ﬆ])")
# words that stand before a word starting with a ligature ("the ﬁrst"), never glued to it
_BEFORE_LIGATURE = frozenset(
    "a an and the of in on to for with by as at or is are be we our its this that from into "
    "more most less very no not new both each all any two three few their these those such "
    "has have was were can may also then than but".split())


def _ligatures(text: str) -> str:
    """PDF ligatures to letters, rejoining the word a ligature split (``ef ﬁcient``, but
    ``the ﬁrst`` stays two words)."""
    def fix(m: re.Match[str]) -> str:
        head, lig = m.group(1), _LIGATURES[m.group(2)]
        if head is None:
            return lig
        return f"{head} {lig}" if head.lower() in _BEFORE_LIGATURE else head + lig
    return _LIGATURE.sub(fix, text)


def _tex_quotes(text: str) -> str:
    text = re.sub(r"``(.*?)''", "“\\1”", text, flags=re.DOTALL)
    return re.sub(r"(?<![\w`])`([^`']{1,80})'(?!\w)", "‘\\1’", text)


def _tex_escapes(text: str) -> str:
    for pattern, repl in _TEX:
        text = pattern.sub(repl, text)
    return text


def arxiv_fields(arxiv_id: str) -> dict[str, str]:
    """publisher, number, URL and DOI for a known arXiv id (see the contract)."""
    return {"publisher": "arXiv", "number": arxiv_id, "URL": f"https://arxiv.org/abs/{arxiv_id}",
            "DOI": f"10.48550/arXiv.{arxiv_id}"}


def find_arxiv_id(text: str) -> str | None:
    """The first ``arXiv:<id>`` in the text, without its version suffix."""
    m = _ARXIV_INLINE.search(text)
    return m.group(1) if m else None


def clean_abstract(text: str) -> tuple[str, str | None]:
    """Clean an abstract; return it with the inline arXiv id stamped in it (or None)."""
    if not text:
        return "", None
    text = " ".join(text.split())
    stamp = _ARXIV_STAMP.search(text)
    arxiv_id = stamp.group(1) if stamp else None
    text = remove_truncation_markers(text)
    text = _ARXIV_STAMP.sub("", text)
    head = _RUNNING_HEAD.match(text)
    if head and _HEAD_CUE.search(head.group(0)):
        text = text[head.end():]
    text = _LEAD_HEADING.sub("", text, count=1)
    text = _rejoin_headings(text)
    text = _rejoin_kerning(text)
    text = _ligatures(text)
    text = _tex_quotes(text)
    text = _tex_escapes(text)
    return " ".join(text.split()), arxiv_id


# ------------------------------------------------------------------ names in capitals
_NAME_PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "les", "des", "ter", "ten", "zu", "zur", "y", "bin", "ibn", "al", "el", "dei", "degli",
})
_CAPITAL_PARTICLES = frozenset({"le", "la", "el"})
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X)\.?$")


def _cap_piece(piece: str) -> str:
    """One hyphen/apostrophe-free piece: ``MCDONALD`` -> ``McDonald``."""
    if not piece:
        return piece
    low = piece.lower()
    if low.startswith("mc") and len(piece) > 3:
        return "Mc" + low[2].upper() + low[3:]
    return low[0].upper() + low[1:]


def _cap_word(word: str, first: bool, last: bool = False) -> str:
    if _ROMAN.match(word) and not first:
        return word
    if not first and word.lower() in _NAME_PARTICLES:
        return word.lower()
    if re.fullmatch(r"[A-Z]\.?", word) or (
            not last and re.fullmatch(r"[A-Z]J|[B-DF-HJ-NP-TV-XZ]{2}", word)):
        return word  # an initial; two initials ("AJ", "JD"): no 2-letter name ends so
    # each letter run capitalised: O'BRIEN -> O'Brien, JEAN-PIERRE -> Jean-Pierre
    return re.sub(r"[^\W\d_]+", lambda m: _cap_piece(m.group(0)), word)


def normalise_caps_name(text: str) -> str:
    """ALL CAPS name -> normal case; anything with a lower-case letter is returned unchanged."""
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters) or len(letters) < 2:
        return text
    words = text.split()
    out: list[str] = []
    for i, word in enumerate(words):
        # the last word is the family name, never a particle ("QUOC V. LE"); French and
        # Vietnamese "Le"/"La" and Arabic "El" are capitalised unless a particle precedes them
        # ("CHARLINE LE LAN" -> "Le Lan", "JUAN DE LA CRUZ" -> "de la Cruz")
        head = i == 0 or (i == len(words) - 1 and not _ROMAN.match(word)) or (
            word.lower() in _CAPITAL_PARTICLES and not (out and out[-1].islower()))
        out.append(_cap_word(word, head, i == len(words) - 1))
    return " ".join(out)
