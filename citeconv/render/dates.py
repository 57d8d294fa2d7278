"""cs:date fixes (CSL 1.0.2 §Date).

Contract
- Localized dates (``form="text"``/``"numeric"``) join their date-parts with the *locale*
  date's ``delimiter`` (citeproc-py used the calling cs:date's, usually none: ``1948Jul``).
- The year-suffix assigned by ``disambiguation`` is appended to the first rendered year of the
  ``issued`` date in an entry or cite when the style does not render ``year-suffix`` itself.
- ``process_date(el, item, variable, show_parts, context, original)`` is what cs:date's process
  does (``groups`` calls it): a context that is not a cs:date (a cs:text calling a macro passes
  itself) is dropped; date ranges are rendered by ``render_range`` (citeproc-py's printed
  ``None``, misplaced affixes — ``4– 5March`` — or nothing at all for some ranges).
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
    if el.get("form") is not None and not el.is_locale_date():
        return original(el, item, variable, parts, context, **kwargs)  # calls the locale date
    try:
        value = item.reference.get((variable or el.get("variable") or "").replace("-", "_"))
    except Exception:  # noqa: BLE001 - citeproc-py decides what a missing variable is
        value = None
    if not isinstance(value, DateRange):
        return original(el, item, variable, parts, context, **kwargs)
    shown = parts if parts is not None else ["year", "month", "day"]
    text = render_range(el, value, shown, context if el.is_locale_date() else None)
    if text is None:
        return None
    return (context if el.is_locale_date() and context is not None else el).wrap(text)


_ORDER = ("year", "month", "day")


def _has(date: Any, name: str) -> bool:
    return date is not None and date.get(name) not in (None, 0)


def _piece(part: Any, date: Any, context: Any, prefix: bool = True, suffix: bool = True) -> Any:
    """One date-part of ``date`` with its formatting, optionally without an affix."""
    if not _has(date, part.get("name")):
        return None
    text = part.process(date, context)  # (merges the calling date's date-part attributes)
    if text is None or str(text) == "":
        return None
    text = part.format(part.case(part.strip_periods(text)))
    if prefix:
        text = part.get("prefix", "") + text
    if suffix:
        text = text + part.get("suffix", "")
    return text


def _block(parts: list, date: Any, context: Any, first_prefix: bool, last_suffix: bool,
           el: Any) -> Any:
    pieces = [_piece(p, date, context) for p in parts]
    present = [i for i, x in enumerate(pieces) if x is not None]
    if not present:
        return None
    if not first_prefix:
        i = present[0]
        pieces[i] = _piece(parts[i], date, context, prefix=False)
    if not last_suffix:
        i = present[-1]
        pieces[i] = _piece(parts[i], date, context, prefix=first_prefix or i != present[0],
                           suffix=False)
    return el.join([x for x in pieces if x is not None])


def render_range(el: Any, rng: Any, shown: list, context: Any) -> Any:
    """A date range as citeproc-js prints it: the parts both ends share once, the differing
    ones (from the largest) on each side of that part's ``range-delimiter`` (default –): the
    start without its last suffix, the end without its first prefix (``March 4–5, 2020``,
    ``2019–2020``, ``3 March–5 April 2020``). An open range is the start and the delimiter; a
    range whose differing parts are not shown is its start alone."""
    order = [p for p in el.iterchildren() if p.get("name") in shown]
    begin, end = rng.get("begin"), rng.get("end")
    names = [p.get("name") for p in order]
    if end is None or end.is_nil():
        text = el.render_single_date(begin, list(shown), context)
        return None if text is None else text + _delimiter(order, "year", context)
    diff = [n for n in _ORDER if n in names and begin.get(n) != end.get(n)]
    if not diff:
        return el.render_single_date(begin, list(shown), context)
    largest = diff[0]
    wanted = set(names) if largest == "year" else (
        {"month", "day"} if largest == "month" else {"day"}) & set(names)
    idx = [i for i, n in enumerate(names) if n in wanted]
    lo, hi = idx[0], idx[-1]
    head, block, tail = order[:lo], order[lo:hi + 1], order[hi + 1:]
    first = _block(block, begin, context, True, False, el)
    second = _block(block, end, context, False, True, el)
    if first is None or second is None:  # the ends are not comparable: two whole dates
        head, block, tail = [], order, []
        first = _block(block, begin, context, True, False, el)
        second = _block(block, end, context, False, True, el)
        if first is None or second is None:
            return el.render_single_date(begin, list(shown), context)
        largest = "year"
    pieces = [_piece(p, begin, context) for p in head]
    pieces.append(first + _delimiter(order, largest, context) + second)
    pieces += [_piece(p, begin, context) for p in tail]
    return el.join([x for x in pieces if x is not None])


def _delimiter(order: list, name: str, context: Any) -> str:
    for part in order:
        if part.get("name") == name:
            override = None
            if context is not None:
                found = context.xpath_search(f'./cs:date-part[@name="{name}"]')
                override = found[0].get("range-delimiter") if found else None
            return override or part.get("range-delimiter") or "\u2013"
    return "\u2013"


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
