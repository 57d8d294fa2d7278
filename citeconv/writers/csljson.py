"""Records -> CSL-JSON: a JSON array of ``Record.to_csl()`` objects, keys sorted, 2-space indent,
UTF-8 (no ASCII escapes), trailing newline. Deterministic, so re-reading and re-writing is a no-op.
Fields with no CSL home travel the way CSL-JSON consumers read them: the arXiv category in
``keyword`` and a ``note`` line, other fields as ``key: value`` note lines (``cslextra``). LaTeX passed through from BibTeX
(``citeconv.texpass``) is written as the text it prints.
"""
from __future__ import annotations

import json
from typing import Iterable

from .. import texpass
from ..model import Record

NAME = "csl-json"


def write(records: Iterable[Record], preamble: str = "", **_: object) -> str:
    """``preamble``: the BibTeX input's ``@preamble`` text; LaTeX commands passed through from
    BibTeX are written as the text they print (``texpass.readable``), with its definitions."""
    defs = texpass.definitions(preamble)
    items = [texpass.readable_csl(r.to_csl(), defs) for r in records]
    return json.dumps(items, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
