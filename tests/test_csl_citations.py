"""citeconv.csl.citations: the citation-level pipeline over a fake core (author-date cites)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from citeconv.csl.citations import process
from citeconv.csl.collapse import CollapseOptions, Join
from citeconv.csl.disambiguate import DisambState, NameKey, Options, year_suffix_text
from citeconv.csl.positions import CiteItem, Cluster, Position
from citeconv.csl.sort import SortKey

ITEMS = {
    "smith00a": ("Smith", "Ann", 2000, "Zebra"),
    "smith00b": ("Smith", "Ann", 2000, "Apple"),
    "smith99": ("Smith", "Ann", 1999, "Mango"),
    "jones": ("Jones", "Bob", 1990, "Kiwi"),
}


@dataclass(frozen=True)
class Piece:
    names: str | None
    year: str | None
    suffix: str = ""
    affix: tuple[str, str] = ("", "")
    ibid: bool = False

    def text(self) -> str:
        body = " ".join(x for x in (self.names, (self.year or "") + self.suffix) if x)
        return self.affix[0] + body + self.affix[1]


class FakeCore:
    note_style = False
    near_note_distance = 5
    has_bibliography = True
    has_citation_sort = True
    bib_sort_first_descending_number = False

    def __init__(self, collapse: str | None = None, substitute: tuple[str, str] | None = None):
        self.disamb_options = Options(add_year_suffix=True, condition=False)
        self.collapse_options = CollapseOptions(collapse, delimiter="; ", year_suffix_delimiter=", ")
        self.substitute = substitute

    def sort_keys(self, item_id: str, section: str, numbers: dict[str, int],
                  state: Any = None) -> list[SortKey]:
        fam, _g, year, title = ITEMS[item_id]
        return [SortKey(fam), SortKey(str(year)), SortKey(title)]

    def render(self, item_id: str, section: str, cite: CiteItem | None, position: Position | None,
               state: DisambState, numbers: dict[str, int], light: bool = False,
               first: bool = True) -> Piece:
        fam, _g, year, title = ITEMS[item_id]
        ys = year_suffix_text(state.year_suffix) if state.year_suffix else ""
        ibid = position is not None and position.test("ibid")
        if ibid:
            return Piece("ibid", None, ibid=True)
        if section == "bibliography":
            return Piece(fam, f"{year}{ys}. {title}")
        return Piece(fam, str(year), ys)

    def text(self, piece: Piece) -> str:
        return piece.text()

    def names(self, piece: Piece) -> tuple[tuple[NameKey, ...], tuple[NameKey, ...]]:
        keys = (NameKey(piece.names, None),) if piece.names else ()
        return keys, keys[:1]

    def first_names(self, piece: Piece) -> tuple[Any, Any, str]:
        return piece.names, ((piece.names,) if piece.names else None), piece.names or ""

    def years(self, piece: Piece) -> tuple[int | None, ...]:
        return (int(piece.year),) if piece.year and piece.year.isdigit() else ()

    def has_date(self, piece: Piece) -> bool:
        return piece.year is not None

    def citation_number(self, piece: Piece) -> int | None:
        return None

    def has_locator(self, piece: Piece) -> bool:
        return False

    def is_ibid(self, piece: Piece) -> bool:
        return piece.ibid

    def without_names(self, piece: Piece) -> Piece:
        return replace(piece, names=None)

    def suffix_only(self, piece: Piece) -> Piece:
        return replace(piece, names=None, year=None)

    def with_affixes(self, piece: Piece, cite: CiteItem) -> Piece:
        return replace(piece, affix=(cite.prefix or "", cite.suffix or ""))

    def author_only(self, piece: Piece) -> Piece:
        return replace(piece, year=None, suffix="")

    def suppress_author(self, piece: Piece) -> Piece:
        return replace(piece, names=None)

    def layout(self, parts: list, section: str, cluster: Cluster) -> str:
        return "(" + "".join(p.text if isinstance(p, Join) else p.text() for p in parts) + ")"

    def apply_substitute(self, piece: Piece, kind: str, count: int, text: str, state: Any,
                         numbers: dict) -> Piece:
        return replace(piece, names=text)


def test_sorting_year_suffix_and_bibliography_order() -> None:
    out = process(FakeCore(), list(ITEMS), [["smith00a", "jones"], ["smith00b"], ["smith99"]])
    assert out.citations == ("(Jones 1990; Smith 2000b)", "(Smith 2000a)", "(Smith 1999)")
    assert [i for i, _ in out.bibliography] == ["jones", "smith99", "smith00b", "smith00a"]
    assert out.warnings == ()


def test_collapse_and_ibid_and_affixes() -> None:
    core = FakeCore(collapse="year-suffix")
    out = process(core, list(ITEMS), [
        ["smith00a", "smith99", "smith00b"], ["jones"], ["jones"],
        [{"id": "smith99", "prefix": "see "}, "jones"]])
    # a cite with a prefix is sorted like the others (citeproc-js), so Jones comes first and,
    # following the previous citation's Jones, is "ibid"
    assert out.citations == ("(Smith 1999, 2000a, b)", "(Jones 1990)", "(ibid)",
                             "(ibid; see Smith 1999)")


def test_unknown_ids_and_substitute() -> None:
    core = FakeCore(substitute=("———", "complete-all"))
    out = process(core, list(ITEMS), [["nobody", "jones"]], bib_ids=list(ITEMS))
    assert out.citations == ("(Jones 1990)",)
    assert out.warnings == ("citation refers to unknown item 'nobody'",)
    assert [p.text() for _, p in out.bibliography] == [
        "Jones 1990. Kiwi", "Smith 1999. Mango", "——— 2000a. Apple", "——— 2000b. Zebra"]
