"""cs:group suppression and cs:substitute bookkeeping (CSL 1.0.2 §Group, §Substitute).

Contract
- A group is suppressed when at least one variable was called inside it (directly or through a
  macro) and every called variable was empty. As in citeproc-js, a nested group that printed
  anything (even only terms) counts as a rendered variable for its parent, and a suppressed
  nested group as an empty one (``Accessed: <date>. [Online]`` keeps ``[Online]`` without an
  access date; APA's "(Original work published)" disappears without an original date). A
  cs:text macro that printed anything counts as a rendered variable too (Chicago's "Preprint"
  macro next to an empty publisher macro stays). citeproc-py looked at
  whether a child *could* call a variable, so a term or value next to an empty variable leaked
  (APA's "Publication" on theses). Calls are counted on a frame stack by hooks on variable-reading
  elements (cs:text variable, cs:number, cs:date, cs:names).
- A cs:names without cs:name anywhere inside cs:substitute (also within cs:choose) inherits
  the cs:name, cs:et-al and cs:label of the cs:names being substituted.
- Variables rendered by the first successful cs:substitute child are suppressed for the rest of
  the entry or cite (names and text alike), as the spec requires; citeproc-py only suppressed
  ``cs:text`` with the same variable attribute.
"""
from __future__ import annotations

from typing import Any

from citeproc.model import Choose, Names
from citeproc.source import VariableError

from .collapse import suppress_names
from .dates import process_date
from .layout import _current

__all__ = ["install", "note_call", "suppressed"]

_frames: list[list[int]] = []
_recording: list[set[str]] = []
_inherit: list[Any] = []  # the cs:names whose cs:substitute is being rendered


def note_call(variable: str | None, rendered: bool) -> None:
    if _frames:
        _frames[-1][0] += 1
        if rendered:
            _frames[-1][1] += 1
    if rendered and variable and _recording:
        _recording[-1].add(variable.replace("_", "-"))


def suppressed(context: Any, variable: str, item: Any = None) -> bool:
    """True when ``variable`` was already used by a cs:substitute in this item's render."""
    state = _current.get("repressed")
    return (state is not None and item is not None and state[0] is item.reference
            and variable.replace("_", "-") in state[1])


def _group_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    frame = [0, 0]
    _frames.append(frame)
    output = []
    delimiter = self.get("delimiter", "")
    try:
        for child in self.iterchildren():
            try:
                if isinstance(child, Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text is not None and str(text) != "":
                output.append(text)
    finally:
        _frames.pop()
    if not output or (frame[0] > 0 and frame[1] == 0):
        if _frames and frame[0] > 0:
            _frames[-1][0] += 1  # a suppressed child group counts as an empty variable
        raise VariableError
    if _frames:
        _frames[-1][0] += 1  # a group that printed anything counts as a rendered variable
        _frames[-1][1] += 1
    return self.join(output)


def _substitute_render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    parent = self.xpath_search("./parent::cs:names[1]")[0]
    for child in self.getchildren():
        _recording.append(set())
        _inherit.append(parent)
        try:
            if isinstance(child, Names) and child.name is None:
                text = child.render(item, names_context=parent, context=context, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except VariableError:
            text = None
        finally:
            used = _recording.pop()
            _inherit.pop()
        if text:
            state = _current.get("repressed")
            if state is None or state[0] is not item.reference:
                fresh: set[str] = set()
                state = _current["repressed"] = (item.reference, fresh)
            state[1].update(used)
            if _recording:
                _recording[-1].update(used)
            return text
    return None


def install() -> None:
    from citeproc import model

    model.Group.process = _group_process
    model.Substitute.render = _substitute_render

    text_variable = model.Text._variable

    def _variable(self: Any, item: Any, context: Any) -> Any:
        var = self.get("variable")
        if suppressed(context, var, item):
            note_call(var, False)
            return None
        if var == "year-suffix":  # generated, not a data variable: never suppresses a group
            try:
                return text_variable(self, item, context)
            except VariableError:
                return None
        try:
            out = text_variable(self, item, context)
        except VariableError:
            note_call(var, False)
            raise
        note_call(var, out is not None and str(out) != "")
        return out

    model.Text._variable = _variable

    from citeproc.string import String

    def text_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        # citeproc-py's Text.process, asking whether the item has a language instead of
        # catching VariableError for the many items without one (same results)
        if context is None:
            context = self
        reference = item.reference
        if "language" in reference:
            language = reference["language"][:2]
        else:
            language = self.get_root().get("default-locale", "en")[:2]
        attrib = self.attrib
        if "variable" in attrib:
            text = self._variable(item, context)
        elif "macro" in attrib:
            text = self.get_macro(self.get("macro")).render(item, context)
        elif "term" in attrib:
            text = self._term(item)
        elif "value" in attrib:
            text = String(self.preformat(self.get("value")))
        return text, language  # noqa: F821 - unbound as in citeproc-py when none applies

    def process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        if "macro" not in self.attrib:
            return text_process(self, item, context, **kwargs)
        frame = [0, 0]
        _frames.append(frame)
        out = None
        try:
            out = text_process(self, item, context, **kwargs)
            return out
        finally:
            _frames.pop()
            if _frames:
                printed = out is not None and out[0] is not None and str(out[0]) != ""
                _frames[-1][0] += frame[0] + (1 if printed else 0)
                _frames[-1][1] += frame[1] + (1 if printed else 0)

    model.Text.process = process

    number_process = model.Number.process

    def number(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        var = self.get("variable")
        if var != "locator" and suppressed(self, var, item):
            note_call(var, False)
            return None
        try:
            out = number_process(self, item, context, **kwargs)
        except VariableError:
            note_call(var, False)
            raise
        note_call(var, bool(out))
        return out

    model.Number.process = number

    date_process = model.Date.process

    def date(self: Any, item: Any, variable: Any = None, show_parts: Any = None,
             context: Any = None, **kwargs: Any) -> Any:
        var = variable or self.get("variable")
        if variable is None and suppressed(self, var, item):
            note_call(var, False)
            return None
        try:
            out = process_date(self, item, variable, show_parts, context, date_process, **kwargs)
        except VariableError:
            if variable is None:
                note_call(var, False)
            raise
        if variable is None:
            note_call(var, bool(out))
        return out

    model.Date.process = date


def install_names() -> None:
    from citeproc import model

    names_process = model.Names.process

    def process(self: Any, item: Any, names_context: Any = None, context: Any = None,
                **kwargs: Any) -> Any:
        attr = self.get("variable") or ""
        roles = attr.split()
        if suppress_names():
            return None
        ctx = context if context is not None else self
        keep = [r for r in roles if not suppressed(ctx, r, item)]
        if not keep:
            for r in roles:
                note_call(r, False)
            raise VariableError
        if keep != roles:
            self.set("variable", " ".join(keep))
        if names_context is None and _inherit and self.name is None:
            names_context = _inherit[-1]  # cs:names nested in cs:choose inside cs:substitute
        try:
            out = names_process(self, item, names_context, context, **kwargs)
        except VariableError:
            for r in keep:
                note_call(r, False)
            raise
        finally:
            if keep != roles:
                self.set("variable", attr)
        present = [r for r in keep if r.replace("-", "_") in item.reference]
        for r in keep:
            note_call(r, out is not None and r in present and str(out) != "")
        return out

    model.Names.process = process
