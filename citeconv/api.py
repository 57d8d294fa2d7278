"""The front door: ``read`` text in any layout, ``write`` records in any format, ``detect``.

    read(text, layout=None, filename="") -> ReadResult     # layout None = detect
    detect(text) -> list[(layout, score)]                  # best first
    write(records, fmt="bibtex", **options) -> str
    convert(text, fmt="bibtex", layout=None, **options) -> (str, diagnostics)   # read + keys + write

Rendered formats (text, html, markdown, latex, rst): a record the style cannot render is left
out; ``convert`` reports it as a ``render.not-rendered`` error diagnostic, ``write`` with a
``RuntimeWarning``.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Iterable

from . import readers
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


def read(text: str, layout: str | None = None, filename: str = "") -> ReadResult:
    layout = layout or choose_layout(text)
    result = readers.get(layout).read(text)
    if not filename:
        return dataclasses.replace(result, layout=layout)
    records = tuple(r.replace(source=Source(filename, r.source.line, layout))
                    for r in result.records)
    diagnostics = tuple(dataclasses.replace(d, file=filename) for d in result.diagnostics)
    return dataclasses.replace(result, records=records, diagnostics=diagnostics, layout=layout)


def write(records: Iterable[Record], fmt: str = "bibtex", **options: Any) -> str:
    from . import writers
    return writers.get(fmt).write(list(records), fmt=fmt, **options)


def convert(text: str, fmt: str = "bibtex", layout: str | None = None,
            **options: Any) -> tuple[str, tuple[Diagnostic, ...]]:
    """Read ``text``, give every record a citation key, write ``fmt``: what the CLI does."""
    from .keys import assign_keys_reported
    from .writers import STYLED
    result = read(text, layout)
    records, renamed = assign_keys_reported(result.records)
    if fmt in STYLED:
        from .writers.styled import diagnostics, render
        out, warns, errors = render(records, fmt, options.get("style", "apa"),
                                    options.get("locale"))
        return out, result.diagnostics + tuple(renamed) + diagnostics(warns, errors, records)
    return write(records, fmt, **options), result.diagnostics + tuple(renamed)
