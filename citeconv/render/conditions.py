"""cs:if / cs:else-if conditions (CSL 1.0.2 §Choose).

Contract
- ``is-numeric`` follows the spec (``numbers.is_numeric``): ``1999-66``, ``2a``, ``1, 3`` are
  numeric; ``US 6,285,999 B1`` is not. ``is-numeric="locator"`` tests the cite's locator.
- ``locator="sub-verbo"`` matches a locator labelled ``sub-verbo`` or ``sub verbo``.
- ``disambiguate="true"`` is true only for items that ``disambiguation`` marked as still
  ambiguous (citeproc-py treated the attribute as always true).
- Speed: an element's attributes are read once (``_spec``, per element; a parsed style is never
  edited); the tests run in citeproc-py's order with its results (``item.reference.type`` is read
  once per cs:if instead of once per listed type).
"""
from __future__ import annotations

from typing import Any

from .numbers import is_numeric

__all__ = ["install"]


def _locator(el: Any, item: Any) -> list[bool]:
    """``locator="sub-verbo"`` matches a locator labelled ``sub-verbo`` or ``sub verbo`` (the
    CSL 1.0.2 and 1.0.1 names; citeproc-py matched only the second, while its term lookup
    needs the first)."""
    label = str(item.locator.label).replace("-", " ") if "locator" in item else None
    return [label is not None and var.replace("-", " ") == label
            for var in el.get("locator").split()]


def install() -> None:
    from citeproc import model
    from citeproc.source import VariableError

    def _is_numeric(self: Any, item: Any) -> list[bool]:
        out = []
        for var in self.get("is-numeric").split():
            if var == "locator":  # the cite's, not the reference's
                out.append("locator" in item and is_numeric(str(item.locator.identifier)))
                continue
            try:
                value = item.reference[var.replace("-", "_")]
            except VariableError:
                out.append(False)
                continue
            out.append(is_numeric(value))
        return out

    model.If._is_numeric = _is_numeric

    ConditionFailed = model.ConditionFailed
    specs: dict[Any, tuple] = {}
    others_names = ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position")

    def _spec(self: Any) -> tuple:
        attrib = self.attrib
        disamb = (self.get("disambiguate") == "true") if "disambiguate" in attrib else None
        others = [a for a in others_names if a in attrib]
        types = ([t.lower() for t in self.get("type").split()] if "type" in attrib else None)
        variables = ([v.replace("-", "_") for v in self.get("variable").split()]
                     if "variable" in attrib else None)
        rare = tuple(a for a in ("is-numeric", "is-uncertain-date", "locator", "position")
                     if a in attrib)
        spec = specs[self] = (disamb, self.get("match", "all"), bool(others), types, variables,
                              rare, self.get("match"))
        return spec

    def render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        try:
            spec = specs[self]
        except KeyError:
            spec = _spec(self)
        disamb, match, others, types, variables, rare, match_raw = spec
        if disamb is not None:
            wanted = disamb
            marked = bool(item.reference.__dict__.get("_citeconv_disambiguate"))
            if not others:
                if marked != wanted:
                    raise ConditionFailed
            else:
                ok = marked == wanted
                if match == "any" and ok:
                    return self.render_children(item, context=context, delimiter=delimiter, **kwargs)
                if match in ("all", None) and not ok:
                    raise ConditionFailed
                if match == "none" and ok:
                    raise ConditionFailed
        # citeproc-py's If.render, with the attributes read once
        results: list = []
        if types is not None:
            if types:
                rtype = item.reference.type
                results += [typ == rtype for typ in types]
        if variables is not None:
            reference = item.reference
            for variable in variables:
                if variable == "locator":
                    results.append("locator" in item)
                else:
                    results.append(variable in reference)
        if rare:
            if "is-numeric" in rare:
                results += self._is_numeric(item)
            if "is-uncertain-date" in rare:
                results += self._is_uncertain_date(item)
            if "locator" in rare:
                results += _locator(self, item)
            if "position" in rare:
                results += self._position(item, context)
        if match_raw == "any":
            result = any(results)
        elif match_raw == "none":
            result = not any(results)
        else:
            result = all(results)
        if not result:
            raise ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    model.If.render = render
