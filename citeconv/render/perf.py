"""Speed: memoised XPath lookups over parsed styles and locales (PERF-NOTES: ~35% of the time).

Contract
- ``install()`` memoises ``CitationStylesElement.xpath_search(expression)`` per (element,
  expression). Every expression citeproc-py and citeconv use is structural (macros by name,
  ancestor layout/citation/bibliography, terms, locale dates, date-parts, substitute, et-al), and
  a parsed style is never edited after loading except for citeproc-py inserting a missing
  cs:name into a cs:names, which changes none of those answers; so results are stable.
- ``CitationItem.reference`` is looked up once per cite item instead of on every access.
- Keys hold the element proxies alive, which keeps lxml returning the same proxy for a node; the
  memo is bounded by the size of the styles loaded (the engine caches at most 32 styles).
- Output is byte-identical with and without the memo (``bench/render_speed.py`` checks it).
"""
from __future__ import annotations

from typing import Any

__all__ = ["install", "uninstall", "clear"]

_memo: dict[tuple[Any, str], list] = {}
_original: Any = None
_reference: Any = None


def clear() -> None:
    _memo.clear()


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

    global _reference
    _reference = CitationItem.reference

    def reference(self: Any) -> Any:
        # the item's reference, looked up once (citeproc-py walks three CustomDict getattrs)
        ref = self.__dict__.get("_citeconv_ref")
        if ref is None:
            get = dict.__getitem__
            ref = get(get(get(self, "citation"), "bibliography").source, get(self, "key"))
            self.__dict__["_citeconv_ref"] = ref
        return ref

    CitationItem.reference = property(reference)



def uninstall() -> None:
    """Back to citeproc-py's uncached lookups (for measuring and checking identical output)."""
    global _original
    from citeproc import model

    if _original is not None:
        from citeproc.source import CitationItem

        model.CitationStylesElement.xpath_search = _original
        CitationItem.reference = _reference
        _original = None
    clear()
