"""Records -> a rendered bibliography (text, html, markdown, latex, rst) through a CSL style.

``write(records, fmt=..., style="apa", locale=None)`` renders with ``citeconv.render`` and wraps
the entries with ``citeconv.render.formats.wrap_bibliography`` (LaTeX passed through from
BibTeX prints as its text, ``texpass.readable``, with the ``preamble``'s definitions; kept math is marked by ``render.mathmarks.hide``, so the
latex format prints it as math); ``render(...)`` also returns the
rendering warnings and the ``RenderError``s (records left out) for the CLI to report;
``diagnostics(warnings, errors, records)`` turns them into ``Diagnostic``s at the records' file
and line (code ``render.not-rendered`` for a record left out, severity error;
``render.no-printed-form``, severity warning, for one the style prints nothing for); ``write`` warns
(``RuntimeWarning``) when records were left out, so a caller of ``citeconv.write`` is told too. ``check_locale`` turns a locale citeproc-py does not
have (it would fall back to en-US without a word) into a ``LookupError`` naming close ones.
"""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Iterable

from .. import texpass
from ..model import Diagnostic, Record, Severity


def _locales() -> list[str]:
    import citeproc
    folder = Path(citeproc.__file__).parent / "data" / "locales"
    return sorted(p.stem[len("locales-"):] for p in folder.glob("locales-*.xml"))


def check_locale(locale: str | None) -> None:
    if not locale:
        return
    known = _locales()
    lowered = {k.lower(): k for k in known}
    if locale.lower() in lowered or any(k.split("-")[0] == locale.lower() for k in lowered):
        return
    close = difflib.get_close_matches(locale, known, n=3, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else f"; known: {', '.join(known)}"
    raise LookupError(f"unknown locale {locale!r}{hint}")


def render(records: Iterable[Record], fmt: str = "text", style: str = "apa",
           locale: str | None = None, preamble: str = "") -> tuple[str, tuple[str, ...], tuple]:
    from ..render import render_bibliography
    from ..render.formats import wrap_bibliography
    from ..render.mathmarks import hide_item
    check_locale(locale)
    records = list(records)
    defs = texpass.definitions(preamble)
    result = render_bibliography([hide_item(texpass.readable_csl(r.to_csl(), defs))
                                  for r in records],
                                 style=style, fmt=fmt, locale=locale)
    return (wrap_bibliography(list(result.entries), list(result.ids), fmt), result.warnings,
            result.errors)


def diagnostics(warnings: Iterable[str], errors: Iterable, records: Iterable[Record]
                ) -> tuple[Diagnostic, ...]:
    where = {r.id: r.source for r in records}
    out = [Diagnostic("render.repaired", w) for w in warnings]
    for error in errors:
        source = where.get(error.id)
        code, severity = (("render.no-printed-form", Severity.WARNING) if error.empty else
                          ("render.not-rendered", Severity.ERROR))
        out.append(Diagnostic(code, str(error), source.line if source else 0,
                              source.file if source else "", severity))
    return tuple(out)


def write(records: Iterable[Record], fmt: str = "text", style: str = "apa",
          locale: str | None = None, preamble: str = "", **_: object) -> str:
    import warnings

    text, _warnings, errors = render(records, fmt, style, locale, preamble)
    for error in errors:
        warnings.warn(str(error), RuntimeWarning, stacklevel=3)
    return text
