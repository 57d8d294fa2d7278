"""cs:date fixes (CSL 1.0.2 §Date).

Contract
- Localized dates (``form="text"``/``"numeric"``) join their date-parts with the *locale*
  date's ``delimiter`` (citeproc-py used the calling cs:date's, usually none: ``1948Jul``).
- The year-suffix assigned by ``disambiguation`` is appended to the first rendered year of the
  ``issued`` date in an entry or cite when the style does not render ``year-suffix`` itself.
- ``process_date(el, item, variable, show_parts, context, original)`` is what cs:date's process
  does (``groups`` calls it): a context that is not a cs:date (a cs:text calling a macro passes
  itself) is dropped, as citeproc-py joins date ranges on it; a date range none of whose
  differing parts the date shows (``2020-03/2020-04`` in a year-only date) prints as its start
  date (``2020``), where citeproc-py printed nothing.
"""
from __future__ import annotations

from typing import Any

__all__ = ["install", "process_date"]


def process_date(el: Any, item: Any, variable: Any, show_parts: Any, context: Any,
                 original: Any, **kwargs: Any) -> Any:
    from citeproc import model
    from citeproc.source import DateRange

    if context is not None and not isinstance(context, model.Date):
        context = None
    parts = list(show_parts) if show_parts is not None else None  # citeproc-py edits the list
    out = original(el, item, variable, parts, context, **kwargs)
    if out is not None or (el.get("form") is not None and not el.is_locale_date()):
        return out  # a localized date: its inner call (with ``variable``) did the work
    value = item.reference.get((variable or el.get("variable") or "").replace("-", "_"))
    if not isinstance(value, DateRange):
        return out
    parts = list(show_parts) if show_parts is not None else ["year", "month", "day"]
    text = el.render_single_date(value.begin, parts, context if context is not None else el)
    if text is None:
        return None
    return (context if el.is_locale_date() and context is not None else el).wrap(text)


def install() -> None:
    from citeproc import model

    def render_single_date(self: Any, date: Any, show_parts: Any = None, context: Any = None) -> Any:
        if context is not None and context is not self:
            parts = self.parts(date, show_parts, context)
        else:
            parts = self.parts(date, show_parts)
        if not parts:
            return None
        return self.join(parts)

    model.Date.render_single_date = render_single_date

    part_process = model.Date_Part.process

    def process(self: Any, date: Any, context: Any = None) -> Any:
        text = part_process(self, date, context)
        if self.get("name") == "year" and text:
            suffix = date.__dict__.get("_citeconv_year_suffix")
            if suffix:
                from .layout import _current

                if not _current.get("year_suffix_done"):
                    _current["year_suffix_done"] = True
                    text = str(text) + suffix
        return text

    model.Date_Part.process = process
