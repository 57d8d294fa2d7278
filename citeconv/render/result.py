"""What a render returns: ``Rendered`` (entries, ids, warnings, errors) and ``RenderError``.

Contract
- ``Rendered.entries[i]`` is the text of ``Rendered.ids[i]`` (a bibliography entry, or a
  citation cluster whose id is the cluster's ids joined by ","), in output order.
- ``RenderError(id, style, reason, what, empty)``: item (or citation) ``id`` is not in the output
  of ``style``, for ``reason``; id ``"*"`` means every item (a style with no bibliography).
  ``empty``: nothing went wrong, the style prints nothing for this item (no printed form): a
  bibliography leaves the entry out, as citeproc-js and pandoc do, and the CLI reports it as a
  warning (``render.no-printed-form``), not as a failure. ``str()`` is the message the CLI
  prints. Repairs that lose nothing are ``warnings``.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Rendered", "RenderError"]


@dataclass(frozen=True)
class RenderError:
    """Item ``id`` is not in the output of ``style``, for ``reason``."""

    id: str
    style: str
    reason: str
    what: str = "item"  # or "citation"
    empty: bool = False  # the style prints nothing for it (not a failure)

    def __str__(self) -> str:
        if self.id == "*":  # every item
            return f"nothing rendered in style {self.style!r}: {self.reason}"
        return f"{self.what} {self.id!r} not rendered in style {self.style!r}: {self.reason}"


@dataclass(frozen=True)
class Rendered:
    entries: tuple[str, ...]
    ids: tuple[str, ...]
    warnings: tuple[str, ...]
    errors: tuple[RenderError, ...] = ()
