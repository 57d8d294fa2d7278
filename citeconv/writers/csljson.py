"""Records -> CSL-JSON: a JSON array of ``Record.to_csl()`` objects, keys sorted, 2-space indent,
UTF-8 (no ASCII escapes), trailing newline. Deterministic, so re-reading and re-writing is a no-op.
Fields with no CSL home travel the way CSL-JSON consumers read them: the arXiv category in
``keyword`` and a ``note`` line, other fields as ``key: value`` note lines (``cslextra``).
"""
from __future__ import annotations

import json
from typing import Iterable

from ..model import Record

NAME = "csl-json"


def write(records: Iterable[Record], **_: object) -> str:
    items = [r.to_csl() for r in records]
    return json.dumps(items, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
