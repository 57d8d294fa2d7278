"""Speed: memoised XPath lookups over parsed styles and locales (PERF-NOTES: ~35% of the time).

Contract
- ``install()`` memoises ``CitationStylesElement.xpath_search(expression)`` per (element,
  expression). Every expression citeproc-py and citeconv use is structural (macros by name,
  ancestor layout/citation/bibliography, terms, locale dates, date-parts, substitute, et-al), and
  a parsed style is never edited after loading except for citeproc-py inserting a missing
  cs:name into a cs:names, which changes none of those answers; so results are stable.
- ``CitationItem.reference`` is looked up once per cite item and then kept in the item's
  ``__dict__`` (a non-data descriptor), so later reads are plain attribute reads.
- ``get_root()`` is memoised per element (an element of a parsed style or locale never changes
  tree; the one element citeproc-py creates, a cs:name, is inserted before it is rendered), and
  ``get_formatter()`` reads the formatter off the memoised root, as citeproc-py does, on every
  call (the formatter changes per bibliography).
- ``Affixed.wrap`` returns its input for an element without prefix and suffix when the input is
  a ``str``, ``String`` or ``MixedString`` (exact types): for those, citeproc-py's two empty
  concatenations and seams give back the same object.
- ``element.name`` (citeproc-py's ``find('cs:name')`` attribute access) is remembered per
  (element, name) when it finds an element; a missing child is looked up again every time
  (citeproc-py inserts a cs:name where none was found).
- ``Formatted.format`` returns its input (numbers as ``str``) for an element with none of the
  five formatting attributes, without the five formatter look-ups that would each return it
  unchanged (per element, remembered).
- Keys hold the element proxies alive, which keeps lxml returning the same proxy for a node; the
  memo is bounded by the size of the styles loaded (the engine caches at most 32 styles).
- Output is byte-identical with and without the memo (``bench/render_speed.py`` checks it).
"""
from __future__ import annotations

from typing import Any

__all__ = ["install", "uninstall", "clear"]

_memo: dict[tuple[Any, str], list] = {}
_roots: dict[Any, Any] = {}
_original: Any = None
_reference: Any = None
_get_root: Any = None
_get_formatter: Any = None
_format: Any = None
_plain: dict[Any, bool] = {}
_children: dict[tuple[Any, str], Any] = {}
_bare: dict[Any, bool] = {}
_wrap: Any = None
_getattr: Any = None
_FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


def clear() -> None:
    _memo.clear()
    _roots.clear()
    _plain.clear()
    _children.clear()
    _bare.clear()


class _Reference:
    """``CitationItem.reference``, computed on first read and stored in the item's ``__dict__``
    under the same name (which then wins over this non-data descriptor)."""

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        get = dict.__getitem__
        # citeproc-py walks three CustomDict getattrs for this
        ref = get(get(get(obj, "citation"), "bibliography").source, get(obj, "key"))
        obj.__dict__["reference"] = ref
        return ref


def install() -> None:
    global _original
    from citeproc import model

    if _original is not None:
        return
    _original = model.CitationStylesElement.xpath_search

    def xpath_search(self: Any, expression: str) -> list:
        key = (self, expression)
        try:
            return _memo[key]
        except KeyError:
            result = _memo[key] = _original(self, expression)
            return result

    model.CitationStylesElement.xpath_search = xpath_search

    from citeproc.source import CitationItem

    global _reference, _get_root, _get_formatter
    _reference = CitationItem.__dict__["reference"]
    CitationItem.reference = _Reference()

    _get_root = model.CitationStylesElement.get_root
    _get_formatter = model.CitationStylesElement.get_formatter
    roots = _roots
    Locale = model.Locale

    def get_root(self: Any) -> Any:
        try:
            return roots[self]
        except KeyError:
            root = roots[self] = self.getroottree().getroot()
            return root

    def get_formatter(self: Any) -> Any:
        try:
            root = roots[self]
        except KeyError:
            root = roots[self] = self.getroottree().getroot()
        if isinstance(root, Locale):
            return root.style.formatter
        return root.formatter

    model.CitationStylesElement.get_root = get_root
    model.CitationStylesElement.get_formatter = get_formatter

    global _format
    _format = model.Formatted.format
    original_format = _format
    plain = _plain

    def format(self: Any, string: Any) -> Any:
        try:
            unformatted = plain[self]
        except KeyError:
            attrib = self.attrib
            unformatted = plain[self] = not any(a in attrib for a in _FORMATTING)
        if unformatted:
            return str(string) if isinstance(string, (int, float)) else string
        return original_format(self, string)

    model.Formatted.format = format

    global _getattr
    _getattr = model.SomewhatObjectifiedElement.__getattr__
    children = _children
    nsmap = model.SomewhatObjectifiedElement.nsmap

    def __getattr__(self: Any, name: str) -> Any:
        try:
            return children[(self, name)]
        except KeyError:
            found = self.find("cs:" + name, nsmap)
            if found is not None:
                children[(self, name)] = found
            return found

    model.SomewhatObjectifiedElement.__getattr__ = __getattr__

    global _wrap
    from citeproc.string import MixedString, String

    _wrap = model.Affixed.wrap
    original_wrap = _wrap
    bare = _bare
    same = (str, String, MixedString)

    def wrap(self: Any, string: Any) -> Any:
        if type(string) in same:
            try:
                unaffixed = bare[self]
            except KeyError:
                unaffixed = bare[self] = self.get("prefix", "") == "" and self.get("suffix", "") == ""
            if unaffixed:
                return string
        return original_wrap(self, string)

    model.Affixed.wrap = wrap


def uninstall() -> None:
    """Back to citeproc-py's uncached lookups (for measuring and checking identical output)."""
    global _original
    from citeproc import model

    if _original is not None:
        from citeproc.source import CitationItem

        model.CitationStylesElement.xpath_search = _original
        CitationItem.reference = _reference
        model.CitationStylesElement.get_root = _get_root
        model.CitationStylesElement.get_formatter = _get_formatter
        model.Formatted.format = _format
        model.SomewhatObjectifiedElement.__getattr__ = _getattr
        model.Affixed.wrap = _wrap
        _original = None
    clear()
