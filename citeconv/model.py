"""The hub: immutable, CSL-shaped records that every reader produces and every writer consumes.

Contract
- ``Record.fields`` maps CSL variable names to a ``str`` (CSL rich text: plain text where only
  ``<i> <b> <sup> <sub> <span class="nocase"> <span style="font-variant:small-caps;">`` are
  markup), a ``tuple[Name, ...]`` (name variables) or a ``Date`` (date variables).
- ``Record.extra`` keeps source fields that have no CSL home (BibTeX ``file``, ``owner``…);
  writers that can carry them write them back (CSL-JSON: ``note`` lines, see ``cslextra``).
- ``to_csl()`` / ``from_csl()`` are exact inverses for every record the readers produce.
- ``Source`` (file, line) says where a record came from; it never takes part in equality.
- An "et al." marker in a name list is ``ETAL`` (CSL-JSON ``{"literal": "others"}``, BibTeX
  ``and others``), the convention pandoc and jgm/citeproc use.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Union

NAME_VARIABLES = frozenset({
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
    "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator",
    "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
    "script-writer", "series-creator", "translator",
})
DATE_VARIABLES = frozenset({
    "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
})
#: Name parts in CSL order, as attribute names of ``Name`` and keys of CSL-JSON.
NAME_PARTS = ("family", "given", "non_dropping_particle", "dropping_particle", "suffix", "literal")


@dataclass(frozen=True, slots=True)
class Name:
    """One CSL name. A person has ``family`` (and usually ``given``); an organisation ``literal``."""

    family: str = ""
    given: str = ""
    non_dropping_particle: str = ""
    dropping_particle: str = ""
    suffix: str = ""
    literal: str = ""

    @property
    def is_etal(self) -> bool:
        return self.literal == "others" and not self.family

    def to_csl(self) -> dict[str, str]:
        if not (self.non_dropping_particle or self.dropping_particle or self.suffix
                or self.literal):  # most names: family and given only
            return {k: v for k, v in (("family", self.family), ("given", self.given)) if v}
        out = {}
        for part in NAME_PARTS:
            value = getattr(self, part)
            if value:
                out[part.replace("_", "-")] = value
        return out

    @classmethod
    def from_csl(cls, data: Mapping[str, Any] | str) -> "Name":
        if isinstance(data, str):
            return cls(literal=data)
        kwargs = {}
        for part in NAME_PARTS:
            value = data.get(part.replace("_", "-"))
            if value is not None and value != "":
                kwargs[part] = str(value)
        return cls(**kwargs)

    def display(self) -> str:
        """The name as a person writes it: ``Jan van der Berg Jr``."""
        if self.literal:
            return self.literal
        parts = [self.given, self.dropping_particle, self.non_dropping_particle, self.family]
        text = " ".join(p for p in parts if p)
        return f"{text}, {self.suffix}" if self.suffix else text


ETAL = Name(literal="others")


@dataclass(frozen=True, slots=True)
class Date:
    """A CSL date: one or two ``(year[, month[, day]])`` tuples (a range), or a literal."""

    parts: tuple[tuple[int, ...], ...] = ()
    literal: str = ""
    circa: bool = False
    season: int = 0

    @property
    def year(self) -> int | None:
        return self.parts[0][0] if self.parts and self.parts[0] else None

    @property
    def month(self) -> int | None:
        return self.parts[0][1] if self.parts and len(self.parts[0]) > 1 else None

    @property
    def day(self) -> int | None:
        return self.parts[0][2] if self.parts and len(self.parts[0]) > 2 else None

    def to_csl(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.parts:
            out["date-parts"] = [list(p) for p in self.parts]
        if self.literal:
            out["literal"] = self.literal
        if self.circa:
            out["circa"] = True
        if self.season:
            out["season"] = self.season
        return out

    @classmethod
    def from_csl(cls, data: Mapping[str, Any] | str) -> "Date":
        if isinstance(data, str):
            return parse_edtf(data) or cls(literal=data)
        parts: list[tuple[int, ...]] = []
        for p in data.get("date-parts") or ():
            try:
                nums = tuple(int(x) for x in p if x not in (None, ""))
            except (TypeError, ValueError):
                continue
            if nums:
                parts.append(nums[:3])
        if not parts and data.get("raw"):
            return parse_edtf(str(data["raw"])) or cls(literal=str(data["raw"]))
        season = data.get("season") or 0
        try:
            season = int(season)
        except (TypeError, ValueError):
            season = 0
        return cls(parts=tuple(parts[:2]), literal=str(data.get("literal") or ""),
                   circa=bool(data.get("circa")), season=season)

    def to_edtf(self) -> str:
        """ISO/EDTF form (``2017-06``, ``2017/2018``) as biblatex's ``date`` field takes it."""
        if not self.parts:
            return self.literal
        text = "/".join("-".join((f"-{-n:04d}" if n < 0 else f"{n:04d}") if i == 0
                                 else f"{n:02d}" for i, n in enumerate(p)) for p in self.parts)
        if self.season and len(self.parts) == 1 and len(self.parts[0]) == 1:
            text += f"-{20 + self.season}"  # EDTF seasons 21-24, as biblatex reads them
        return text + ("~" if self.circa else "")


def parse_edtf(text: str) -> Date | None:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` and ``A/B`` ranges of those, with a negative
    year (``-0197``: 198 BC as biblatex counts, year -197 in CSL) and an uncertain or
    approximate mark (``?``, ``~``, ``%``: CSL circa), or an EDTF season (``1996-23``: autumn,
    CSL season 3); else None (open ranges stay literal)."""
    text = text.strip()
    circa = text.endswith(("~", "?", "%"))
    if circa:
        text = text[:-1]
    season = re.fullmatch(r"(-?\d{4})-(2[1-4])", text)
    if season:
        year = int(season.group(1))
        return Date(parts=((year,),), circa=circa, season=int(season.group(2)) - 20)
    parts = []
    for piece in text.split("/") if text else ():
        piece = piece.strip()
        negative = piece.startswith("-")
        bits = piece[1:].split("-") if negative else piece.split("-")
        if not bits or not all(b.isdigit() for b in bits) or len(bits) > 3:
            return None
        if len(bits[0]) != 4 or any(len(b) not in (1, 2) for b in bits[1:]):
            return None
        nums = tuple(int(b) for b in bits)
        if negative:
            nums = (-nums[0],) + nums[1:]
        if len(nums) > 1 and not 1 <= nums[1] <= 12 or len(nums) > 2 and not 1 <= nums[2] <= 31:
            return None
        parts.append(nums)
    if not parts or len(parts) > 2:
        return None
    return Date(parts=tuple(parts), circa=circa)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was read: file name (``<stdin>`` for standard input), 1-based line."""

    file: str = ""
    line: int = 0
    layout: str = ""


class Severity(StrEnum):
    ERROR = "error"      # the entry was skipped
    WARNING = "warning"  # the entry was converted, but something was doubtful or dropped


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found while reading or writing. ``code`` is API; ``message`` wording is not."""

    code: str
    message: str
    line: int = 0
    file: str = ""
    severity: Severity = Severity.WARNING
    raw: str = ""

    def format(self) -> str:
        where = f"{self.file or '<input>'}:{self.line}" if self.line else (self.file or "<input>")
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


FieldValue = Union[str, tuple[Name, ...], Date]


def _kept(value: Any) -> bool:
    """``value not in ("", (), None)``, decided without ``==`` for text and names (every
    field of every record read passes here)."""
    kind = type(value)
    if kind is str or kind is tuple:
        return bool(value)
    if kind is Date:  # never equal to any of the three
        return True
    return value not in ("", (), None)


def _freeze(mapping: Mapping[str, Any] | Iterable[tuple[str, Any]] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class Record:
    """One bibliographic item. ``type`` is a CSL type (``article-journal``, ``paper-conference``…)."""

    id: str
    type: str
    fields: Mapping[str, FieldValue] = field(default_factory=dict)
    extra: Mapping[str, str] = field(default_factory=dict)
    source: Source = field(default_factory=Source, compare=False)

    def __post_init__(self) -> None:
        # a MappingProxyType is one this class made (``replace`` passes it on): already clean
        if type(self.fields) is not MappingProxyType:
            object.__setattr__(self, "fields", MappingProxyType({  # _kept(v), inlined
                k: v for k, v in (self.fields if type(self.fields) is dict
                                  else dict(self.fields)).items()
                if (v if type(v) is str or type(v) is tuple else _kept(v))}))
        if type(self.extra) is not MappingProxyType:
            object.__setattr__(self, "extra", _freeze(self.extra))

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def replace(self, **changes: Any) -> "Record":
        if changes.keys() == {"source"}:  # readers set it on every record: the fast way
            return Record(self.id, self.type, self.fields, self.extra, changes["source"])
        return dataclasses.replace(self, **changes)

    def with_fields(self, **changes: Any) -> "Record":
        """A copy with CSL fields changed (``_`` in names stands for ``-``); ``None`` removes."""
        fields = dict(self.fields)
        for key, value in changes.items():
            key = key.replace("_", "-")
            if value is None:
                fields.pop(key, None)
            else:
                fields[key] = value
        return dataclasses.replace(self, fields=fields)

    def to_csl(self) -> dict[str, Any]:
        """CSL-JSON for this record; ``extra`` is carried in standard variables
        (``keyword``, ``note`` lines: ``cslextra``)."""
        out: dict[str, Any] = {"id": self.id, "type": self.type}
        for key in sorted(self.fields):
            value = self.fields[key]
            if isinstance(value, Date):
                out[key] = value.to_csl()
            elif isinstance(value, tuple):
                out[key] = [n.to_csl() for n in value]
            else:
                out[key] = value
        from .cslextra import exported  # extra carried in standard variables (see there)
        return exported(out, self.extra)

    @classmethod
    def from_csl(cls, data: Mapping[str, Any], source: Source | None = None) -> "Record":
        from .cslextra import imported
        fields: dict[str, FieldValue] = {}
        data, extra = imported(data)
        for key, value in data.items():
            if key in ("id", "type") or value is None:
                continue
            if key == "citeconv-extra" and isinstance(value, Mapping):  # citeconv < 0.2 output
                extra.update({str(k): str(v) for k, v in value.items()})
            elif key in NAME_VARIABLES and isinstance(value, list):
                fields[key] = tuple(Name.from_csl(n) for n in value if isinstance(n, (Mapping, str)))
            elif key in DATE_VARIABLES and isinstance(value, (Mapping, str)):
                fields[key] = Date.from_csl(value)
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
                fields[key] = str(value)
            # anything else (nested objects, lists of strings) has no place in CSL: dropped by caller
        return cls(id=str(data.get("id", "")), type=str(data.get("type") or "document"),
                   fields=fields, extra=extra, source=source or Source())


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader returns: the records, the problems found, the layout used, file metadata."""

    records: tuple[Record, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    layout: str = ""
    metadata: Mapping[str, str] = field(default_factory=dict)
