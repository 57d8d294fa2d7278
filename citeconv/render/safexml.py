"""Safe XML parsing for CSL styles and locales.

Contract
- ``parse_safely(path_or_file)`` parses a style or locale with ``XMLParser(resolve_entities=False,
  no_network=True, load_dtd=False, huge_tree=False)`` (``safe_parser``).
- A document that carries a DOCTYPE (the only way to declare entities: XXE, billion laughs) is
  refused with ``UnsafeStyleError`` (a ``ValueError``) before any entity is expanded or any file
  other than the style itself is read. Malformed XML raises ``StyleSyntaxError`` (also a
  ``ValueError``) naming the file and the parser's message.
"""
from __future__ import annotations

import io
import os
from typing import Any

from lxml import etree

__all__ = ["UnsafeStyleError", "StyleSyntaxError", "parse_safely", "safe_parser"]


class UnsafeStyleError(ValueError):
    """The style or locale declares a DTD/entities, which CSL never needs."""


class StyleSyntaxError(ValueError):
    """The style or locale is not well-formed XML."""


def safe_parser(**extra: Any) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, **extra)


def _read_source(f: Any) -> tuple[bytes, str]:
    """Return the raw bytes of ``f`` (path, file object or XML text) and a name for messages."""
    if hasattr(f, "read"):
        data = f.read()
        name = getattr(f, "name", "<stream>")
    elif isinstance(f, (bytes, bytearray)):
        data, name = bytes(f), "<bytes>"
    elif isinstance(f, (str, os.PathLike)) and os.path.exists(f):
        with open(f, "rb") as fh:
            data = fh.read()
        name = os.fspath(f)
    elif isinstance(f, str) and f.lstrip().startswith("<"):
        data, name = f.encode("utf-8"), "<string>"
    else:
        raise OSError(f"no such style or locale file: {f!r}")
    if isinstance(data, str):
        data = data.encode("utf-8")
    return data, str(name)


def parse_safely(f: Any, lookup: etree.ElementNamespaceClassLookup | None = None) -> etree._ElementTree:
    data, name = _read_source(f)
    parser = safe_parser()
    if lookup is not None:
        parser.set_element_class_lookup(lookup)
    # Peek at the prolog without building entities: iterparse with the same safe options.
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise UnsafeStyleError(
            f"{name}: refusing a CSL file with a DOCTYPE/ENTITY declaration "
            "(possible XXE or entity-expansion attack); CSL styles never need one")
    try:
        tree = etree.parse(io.BytesIO(data), parser)
    except etree.XMLSyntaxError as e:
        raise StyleSyntaxError(f"{name}: not well-formed XML: {e}") from None
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise UnsafeStyleError(f"{name}: refusing a CSL file with a DOCTYPE declaration")
    return tree

