"""Bibliography entry layout: second-field-align, subsequent-author-substitute, entry text.

Contract
- ``render_entries(bib, fmt, failed) -> (entries, keys)`` renders ``bib.items`` in order. An item
  that raises, or renders nothing, is left out and ``(key, reason)`` appended to ``failed``.
- ``second-field-align`` (flush/margin): the first rendered child of the layout is the label; in
  text it is followed by one space, in html the entry is
  ``<div class="csl-left-margin">L</div><div class="csl-right-inline">REST</div>`` (citeproc-js).
- ``subsequent-author-substitute`` (rules complete-all, complete-each, partial-each, partial-first
  approximated by complete-all on the first rendered cs:names): when an entry's first names
  output equals the previous entry's, it is replaced by the substitute string.
- ``entry_text(e, fmt)``: one line, no newline, whitespace runs collapsed, trimmed.
"""
from __future__ import annotations

import re
from typing import Any

from .punctuation import finish

__all__ = ["render_entries", "entry_text", "names_hook"]

_WS = re.compile(r"\s+")


def entry_text(entry: Any, fmt: str) -> str:
    text = str(entry)
    if fmt in ("text", "plain", "html", "markdown", "rst"):
        text = _WS.sub(" ", text).strip()
    else:
        text = " ".join(text.split("\n")).strip()
    return text


def _render_children(layout: Any, item: Any) -> list[Any]:
    from citeproc.model import Choose
    from citeproc.source import VariableError

    out = []
    for child in layout.iterchildren():
        try:
            text = child.render(item, delimiter="") if isinstance(child, Choose) else child.render(item)
        except VariableError:
            continue
        if text is not None and str(text) != "":
            out.append(text)
    return out


def names_hook(names_el: Any, text: Any) -> None:
    """Called with each rendered cs:names output; remembers the first one per entry."""
    layout = _current.get("layout")
    if layout is not None and _current.get("first_names") is None and text:
        _current["first_names"] = str(text)


_current: dict[str, Any] = {}


def render_entries(bib: Any, fmt: str, failed: list) -> tuple[list[str], list[str]]:
    style = bib.style
    biblio = style.root.bibliography
    layout = biblio.layout
    sfa = biblio.get("second-field-align")
    sas = biblio.get("subsequent-author-substitute")
    entries, keys = [], []
    previous_names = None
    for item in bib.items:
        layout.repressed = {}
        _current.clear()
        _current["layout"] = layout
        try:
            parts = _render_children(layout, item)
        except Exception as e:  # noqa: BLE001 - one item must not sink the bibliography
            failed.append((item.key, f"the renderer failed on it ({type(e).__name__}: {e})"))
            continue
        finally:
            _current.pop("layout", None)
        if not parts:
            failed.append((item.key, "it has no printed form in this style (nothing rendered)"))
            continue
        first_names = _current.get("first_names")
        out = bib.formatter
        if sfa and len(parts) > 1:
            margin = finish(str(layout.format(_wrap_prefix(layout, parts[0]))), fmt, style)
            rest = finish(str(layout.format(_wrap_suffix(layout, _concat(parts[1:])))), fmt, style)
            rest = _substitute(rest.lstrip(), sas, first_names, previous_names, fmt, style)
            margin, rest = _final(out, margin), _final(out, rest)
            if fmt == "html":
                text = (f'<div class="csl-left-margin">{margin}</div>'
                        f'<div class="csl-right-inline">{rest}</div>')
            else:
                text = margin + " " + rest
        else:
            text = finish(str(layout.format(layout.wrap(_concat(parts)))), fmt, style)
            text = _final(out, _substitute(text, sas, first_names, previous_names, fmt, style))
        previous_names = first_names
        entries.append(text)
        keys.append(item.key)
    return entries, keys


def _final(formatter: Any, raw: str) -> str:
    from .engine import final

    return final(formatter, raw)


def _substitute(text: str, sas: Any, names: Any, previous: Any, fmt: str, style: Any) -> str:
    if sas is None or not names or names != previous:
        return text
    target = finish(names, fmt, style)
    if target.endswith(".") and target in text:
        target = target[:-1]  # the period also ends the names' group: keep it ("———.")
    return text.replace(target, sas, 1)


def _concat(parts: list[Any]) -> Any:
    out = parts[0]
    for p in parts[1:]:
        out = out + p
    return out


def _wrap_prefix(layout: Any, text: Any) -> Any:
    prefix = layout.get("prefix", "")
    return prefix + text if prefix else text


def _wrap_suffix(layout: Any, text: Any) -> Any:
    from citeproc.string import normalize_seam

    suffix = layout.get("suffix", "")
    return text + normalize_seam(text, suffix) if suffix else text
