"""Hypothesis strategies for hub records, in the canonical forms the readers produce.

Deliberate limits (documented in README "Known limitations"): BibTeX has one "von" part, so
names carry lower-case non-dropping particles only; a thesis always has a genre.
"""
from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

from citeconv.model import ETAL, Date, Name, Record

PUNCTUATION = " .,;:!?'\"()[]{}&%$#_~^\\-/@*+=|<`"
LETTERS = "abcxyzABCXYZ0123456789éüßøŁłçñÅ钱钟书–—\u00a0"


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split(" ")).strip(" ")


def _squash_spaces(text: str) -> str:
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


plain_text = st.text(alphabet=PUNCTUATION + LETTERS, min_size=1, max_size=40).map(
    lambda s: _squash_spaces(unicodedata.normalize("NFC", s))).filter(bool)


@st.composite
def rich_text(draw):  # type: ignore[no-untyped-def]
    parts = draw(st.lists(plain_text, min_size=1, max_size=3))
    if len(parts) > 1 and draw(st.booleans()):
        parts[1] = f"<i>{parts[1]}</i>"
    return " ".join(parts)


name_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüøłñ", min_size=1, max_size=8)
cap_word = name_word.map(lambda w: w[0].upper() + w[1:])
person = st.builds(
    Name,
    family=st.lists(cap_word, min_size=1, max_size=2).map(" ".join)
    | st.builds(lambda a, b: f"{a}-{b}", cap_word, cap_word),
    given=st.sampled_from(["", "J.", "Anne-Marie"]) | st.lists(cap_word, min_size=1, max_size=2).map(" ".join),
    non_dropping_particle=st.sampled_from(["", "", "van", "van der", "de la", "von"]),
    suffix=st.sampled_from(["", "", "Jr", "III"]),
)
organisation = st.builds(Name, literal=st.lists(cap_word, min_size=1, max_size=3).map(" ".join))
names = st.tuples(st.lists(person | organisation, min_size=1, max_size=4),
                  st.booleans()).map(lambda t: tuple(t[0]) + ((ETAL,) if t[1] else ()))

dates = st.one_of(
    st.builds(lambda y: Date(parts=((y,),)), st.integers(1000, 2999)),
    st.builds(lambda y, m: Date(parts=((y, m),)), st.integers(1000, 2999), st.integers(1, 12)),
    st.builds(lambda y, m, d: Date(parts=((y, m, d),)), st.integers(1000, 2999),
              st.integers(1, 12), st.integers(1, 28)),
    st.builds(lambda a, b: Date(parts=((a,), (a + b,))), st.integers(1000, 2900),
              st.integers(1, 50)),
    st.sampled_from([Date(literal="in press"), Date(literal="forthcoming")]),
)
TYPES = ["article-journal", "book", "chapter", "paper-conference", "report", "manuscript",
         "document", "webpage", "dataset", "software", "article-magazine", "pamphlet", "thesis"]
TEXT_VARS = ["container-title", "publisher", "publisher-place", "note", "volume", "edition",
             "abstract", "collection-title", "medium", "status", "version"]
url = st.text(alphabet="abcxyz0123456789-_./?=%#&~", min_size=1, max_size=20).map(
    lambda s: "https://example.org/" + s)


@st.composite
def records(draw, key: str = "k"):  # type: ignore[no-untyped-def]
    rtype = draw(st.sampled_from(TYPES))
    fields: dict = {"title": draw(rich_text())}
    if draw(st.booleans()):
        fields["author"] = draw(names)
    if draw(st.booleans()):
        fields["editor"] = draw(names)
    if draw(st.booleans()):
        fields["issued"] = draw(dates)
    for var in draw(st.lists(st.sampled_from(TEXT_VARS), max_size=4, unique=True)):
        fields[var] = draw(plain_text)
    if draw(st.booleans()):
        fields["page"] = draw(st.sampled_from(["1-10", "e123", "5998-6008", "12"]))
    if draw(st.booleans()):
        fields["URL"] = draw(url)
    if rtype == "thesis":
        fields["genre"] = draw(st.sampled_from(["PhD thesis", "Master's thesis", "Habilitation"]))
    extra = draw(st.dictionaries(st.sampled_from(["keywords2", "mynote", "owner", "timestamp"]),
                                 plain_text, max_size=2))
    return Record(id=key, type=rtype, fields=fields, extra=extra)


arxiv_records = st.builds(
    lambda title, authors, date, number, cls: Record(
        id="k", type="article", fields={"title": title, "author": authors, "issued": date,
                                        "publisher": "arXiv", "number": number,
                                        "URL": f"https://arxiv.org/abs/{number}"},
        extra={"primaryclass": cls}),
    rich_text(), names, dates, st.from_regex(r"\A2[0-4]0[1-9]\.[0-9]{5}\Z"),
    st.sampled_from(["cs.CL", "cs.LG", "stat.ML", "quant-ph"]))
