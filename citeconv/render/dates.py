"""cs:date fixes (CSL 1.0.2 §Date).

Contract
- Localized dates (``form="text"``/``"numeric"``) join their date-parts with the *locale*
  date's ``delimiter`` (citeproc-py used the calling cs:date's, usually none: ``1948Jul``).
- The year-suffix assigned by ``disambiguation`` is appended to the first rendered year of the
  ``issued`` date in an entry or cite when the style does not render ``year-suffix`` itself.
"""
from __future__ import annotations

from typing import Any

__all__ = ["install"]


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
