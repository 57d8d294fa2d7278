"""cs:label and terms (CSL 1.0.2 §Label, §Terms).

Contract
- A standalone cs:label prints nothing when its variable is empty (citeproc-py printed ``p.``).
- Plurality follows citeproc-js: plural when the value is numeric and holds more than one
  number (``1999-66``, ``3, 5``) or a ``number-of-*`` value above 1; ``US 6,285,999 B1`` is one.
- ``nocase`` spans are kept by lowercase/uppercase too.
- ``capitalize-first`` / ``capitalize-all`` only touch words that are entirely lower case
  (``arXiv`` stays ``arXiv``). Any text-case also applies to a plain ``str`` (cs:name-part
  text), which citeproc-py's string methods (``capitalize_first``, ``words``) expect wrapped.
"""
from __future__ import annotations

from typing import Any

from .layout import _current
from .numbers import is_plural

__all__ = ["install"]


def install() -> None:
    from citeproc import model
    from citeproc.source import VariableError

    label_process = model.Label.process

    def process(self: Any, item: Any, variable: Any = None, plural: Any = None,
                context: Any = None, **kwargs: Any) -> Any:
        if variable is None:
            var = self.get("variable") or ""
            if var == "locator":
                if not item.has_locator:
                    return None
            else:
                try:
                    value = item.reference[var.replace("-", "_")]
                except VariableError:
                    return None
                if value is None or str(value) == "":
                    return None
        return label_process(self, item, variable, plural, context, **kwargs)

    model.Label.process = process

    def _is_plural(self: Any, item: Any) -> bool:
        variable = self.get("variable")
        if variable == "locator":
            value = item.locator.identifier
        else:
            try:
                value = item.reference[variable.replace("-", "_")]
            except VariableError:
                return False
        if variable.startswith("number-of"):
            try:
                return int(str(value)) > 1
            except ValueError:
                return False
        if "\\-" in str(value):
            return False
        return is_plural(value)

    model.Label._is_plural = _is_plural

    text_term = model.Text._term

    def _term(self: Any, item: Any) -> Any:
        text = text_term(self, item)
        if text and "layout" in _current and "first_term" not in _current:
            _current["first_term"] = str(text)
        return text

    model.Text._term = _term

    from citeproc.string import NoCase

    NoCase.lower = NoCase.upper = lambda self: self  # <span class="nocase"> survives text-case
    from citeproc.string import MixedString, String

    original_case = model.TextCased.case

    def case(self: Any, text: Any, language: Any = None) -> Any:
        tc = self.get("text-case")
        if tc is not None and not str(text):
            return text  # citeproc-py's capitalize-first indexes the first character
        if tc is not None and isinstance(text, str) and not isinstance(text, String):
            text = String(text)  # cs:name-part text is a plain str (preformat): no .words()
        if tc in ("capitalize-first", "capitalize-all") and text:
            words = str(text).split(" ")
            if tc == "capitalize-first":
                idx = [0] if words and words[0] == words[0].lower() else []
            else:
                idx = [i for i, w in enumerate(words) if w == w.lower()]
            if not idx:
                return text
            if tc == "capitalize-first" and not isinstance(text, MixedString):
                return original_case(self, text, language)
            for i in idx:
                w = words[i]
                words[i] = w[:1].upper() + w[1:]
            return String(" ".join(words))
        return original_case(self, text, language)

    model.TextCased.case = case
