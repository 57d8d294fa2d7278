"""The front door: ``read`` text in any layout, ``write`` records in any format, ``detect``.

    read(text, layout=None, filename="", keys=False) -> ReadResult   # layout None = detect
    detect(text) -> list[(layout, score)]                  # best first
    write(records, fmt="bibtex", **options) -> str  # protect=False: --no-protect (read so too)
    convert(text, fmt="bibtex", layout=None, key_format=..., **options) -> (str, diagnostics)
    update(existing_bib, new_records, key_format=...) -> UpdateResult      # see update.py

``read`` returns the ids as the reader found them (``""`` for a listing); ``keys=True`` gives
every record a usable citation key and reports each id it changed. ``write`` keys records that
have no usable id (the same keys ``convert`` gives), so ``write(read(text).records)`` works.

Rendered formats (text, html, markdown, latex, rst): a record the style cannot render is left
out; ``convert`` reports it as a ``render.not-rendered`` error diagnostic, ``write`` with a
``RuntimeWarning``.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Iterable

from . import readers
from .keys import DEFAULT_FORMAT, assign_keys, assign_keys_reported, usable_key
from .model import Diagnostic, ReadResult, Record, Source

#: minimum detection score, and how far ahead of the runner-up the winner must be
MIN_SCORE = 0.5
MIN_LEAD = 0.15


class NoReaderError(ValueError):
    """No layout matched the input well enough (``scores`` says what was tried)."""

    def __init__(self, scores: list[tuple[str, float]], message: str) -> None:
        super().__init__(message)
        self.scores = scores


def detect(text: str) -> list[tuple[str, float]]:
    scores = []
    for name in readers.available():
        try:
            score = float(readers.get(name).detect(text))
        except Exception:  # a detector must never take the run down  # noqa: BLE001
            score = 0.0
        scores.append((name, max(0.0, min(1.0, score))))
    return sorted(scores, key=lambda s: -s[1])


def choose_layout(text: str) -> str:
    scores = detect(text)
    tried = ", ".join(f"{n} {s:.2f}" for n, s in scores)
    if not scores or scores[0][1] < MIN_SCORE:
        raise NoReaderError(scores, f"no references found (layouts tried: {tried})")
    if len(scores) > 1 and scores[0][1] - scores[1][1] < MIN_LEAD:
        raise NoReaderError(scores, f"the layout is ambiguous ({tried}); pick one with --from")
    return scores[0][0]


def read(text: str, layout: str | None = None, filename: str = "", keys: bool = False,
         key_format: str = DEFAULT_FORMAT, protect: bool = True) -> ReadResult:
    layout = layout or choose_layout(text)
    if layout == "bibtex":  # it sets each record's Source as below itself (big files)
        result = readers.get(layout).read(text, protect, filename)
    else:
        result = readers.get(layout).read(text)
    records, diagnostics = result.records, result.diagnostics
    if filename:
        records = tuple(r if r.source.file == filename and r.source.layout == layout else
                        r.replace(source=Source(filename, r.source.line, layout))
                        for r in records)
        diagnostics = tuple(dataclasses.replace(d, file=filename) for d in diagnostics)
    if keys:
        keyed, renamed = assign_keys_reported(records, key_format)
        records, diagnostics = tuple(keyed), diagnostics + tuple(renamed)
    return dataclasses.replace(result, records=records, diagnostics=diagnostics, layout=layout)


def write(records: Iterable[Record], fmt: str = "bibtex", **options: Any) -> str:
    from . import writers
    records = list(records)
    if not all(usable_key(r.id) for r in records):
        records = assign_keys(records)
    return writers.get(fmt).write(records, fmt=fmt, **options)


def convert(text: str, fmt: str = "bibtex", layout: str | None = None,
            key_format: str = DEFAULT_FORMAT, **options: Any) -> tuple[str, tuple[Diagnostic, ...]]:
    """Read ``text``, give every record a citation key, write ``fmt``: what the CLI does."""
    from .writers import STYLED
    result = read(text, layout, keys=True, key_format=key_format,
                  protect=options.get("protect", True))
    if fmt in STYLED:
        from .writers.styled import diagnostics, render
        out, warns, errors = render(result.records, fmt, options.get("style", "apa"),
                                    options.get("locale"))
        return out, result.diagnostics + diagnostics(warns, errors, result.records)
    return write(result.records, fmt, **options), result.diagnostics


def update(existing: str, new_records: Iterable[Record], key_format: str = DEFAULT_FORMAT,
           filename: str = "refs.bib") -> Any:
    """Merge ``new_records`` into the .bib text ``existing``: see ``citeconv.update``."""
    from .update import update as _update
    return _update(existing, list(new_records), key_format, filename)
