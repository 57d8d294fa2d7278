"""cs:if / cs:else-if conditions (CSL 1.0.2 §Choose).

Contract
- ``is-numeric`` follows the spec (``numbers.is_numeric``): ``1999-66``, ``2a``, ``1, 3`` are
  numeric; ``US 6,285,999 B1`` is not.
- ``disambiguate="true"`` is true only for items that ``disambiguation`` marked as still
  ambiguous (citeproc-py treated the attribute as always true).
"""
from __future__ import annotations

from typing import Any

from .numbers import is_numeric

__all__ = ["install"]


def install() -> None:
    from citeproc import model
    from citeproc.source import VariableError

    def _is_numeric(self: Any, item: Any) -> list[bool]:
        out = []
        for var in self.get("is-numeric").split():
            try:
                value = item.reference[var.replace("-", "_")]
            except VariableError:
                out.append(False)
                continue
            out.append(is_numeric(value))
        return out

    model.If._is_numeric = _is_numeric

    original_render = model.If.render

    def render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if "disambiguate" in self.attrib:
            wanted = self.get("disambiguate") == "true"
            marked = bool(item.reference.__dict__.get("_citeconv_disambiguate"))
            match = self.get("match", "all")
            others = [a for a in ("type", "variable", "is-numeric", "is-uncertain-date", "locator",
                                  "position") if a in self.attrib]
            if not others:
                if marked != wanted:
                    raise model.ConditionFailed
            else:
                ok = marked == wanted
                if match == "any" and ok:
                    return self.render_children(item, context=context, delimiter=delimiter, **kwargs)
                if match in ("all", None) and not ok:
                    raise model.ConditionFailed
                if match == "none" and ok:
                    raise model.ConditionFailed
        return original_render(self, item, context, delimiter, **kwargs)

    model.If.render = render
