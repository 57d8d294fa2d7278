"""Fields with no CSL variable, carried in standard CSL-JSON the way its consumers read them.

Contract (used by ``Record.to_csl`` / ``Record.from_csl``; ``imported(exported(r)) == r``)
- An arXiv record (``publisher`` ``arXiv`` and a bare arXiv id in ``number``) is written as
  Zotero writes a preprint: ``number: "arXiv:<id>"`` (the hub keeps the bare id, which the
  BibTeX writer needs for ``eprint``). ``URL`` and the arXiv DOI ``10.48550/arXiv.<id>`` are
  ordinary fields the readers set.
- The arXiv category (``extra["primaryclass"]``) goes to ``keyword`` (the variable Zotero tags
  and citation-js keywords export to) when the record has no ``keyword`` of its own, and to a
  ``note`` line ``arXiv category: cs.CL``. That line has a space in its label, so pandoc's and
  citeproc-js's "cheater syntax" (a leading ``key: value`` line sets variable ``key``) leave it
  in ``note``: ``pandoc -f csljson -t biblatex`` writes ``note = {arXiv category: cs.CL …}``.
- Every other ``extra`` field is a ``note`` line ``key: value`` (cheater syntax: citeproc-js
  and pandoc read such lines as variables; processors that do not, show them as a note), after
  the record's own note, keys sorted. A newline inside a value becomes a space.
- Reading back, trailing ``note`` lines of those two shapes become ``extra`` again (lower-case
  keys only: a note of the user's own that ends in ``key: value`` lower-case lines is read as
  extra fields, the cheater-syntax ambiguity every CSL-JSON consumer has); a ``keyword`` equal
  to the category line's category is dropped; ``number: "arXiv:<id>"`` on an arXiv record
  becomes the bare id.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

_ARXIV_ID = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z][a-z.\-]*/\d{7})(?:v\d+)?$")
_CATEGORY_LINE = re.compile(r"^arXiv category: (\S+)$")
_KEY_LINE = re.compile(r"^([a-z][a-z0-9_\-]*): (.*)$")
_ARXIV = "arXiv"


def _is_arxiv(publisher: Any, number: Any) -> bool:
    return publisher == _ARXIV and isinstance(number, str) and bool(_ARXIV_ID.match(number))


def _one_line(value: str) -> str:
    return value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def exported(out: dict[str, Any], extra: Mapping[str, str]) -> dict[str, Any]:
    """``out`` (a CSL item without extra) with ``extra`` carried in standard variables."""
    if _is_arxiv(out.get("publisher"), out.get("number")):
        out["number"] = f"arXiv:{out['number']}"
    lines = []
    category = extra.get("primaryclass", "")
    if category and " " not in category and "\n" not in category:
        lines.append(f"arXiv category: {category}")
        if "keyword" not in out:
            out["keyword"] = category
    else:
        category = ""
    for key in sorted(extra):
        if key == "primaryclass" and category:
            continue
        lines.append(f"{key}: {_one_line(str(extra[key]))}")
    if lines:
        note = out.get("note")
        out["note"] = "\n".join(([note] if note else []) + lines)
    return out


def imported(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """A CSL item -> (the item with carried fields taken out, the extra fields)."""
    item = dict(data)
    extra: dict[str, str] = {}
    note = item.get("note")
    if isinstance(note, str) and note:
        lines = note.split("\n")
        while lines:
            cat, key = _CATEGORY_LINE.match(lines[-1]), _KEY_LINE.match(lines[-1])
            if cat and "primaryclass" not in extra:
                extra["primaryclass"] = cat.group(1)
            elif key and key.group(1) not in extra:
                extra[key.group(1)] = key.group(2)
            else:
                break
            lines.pop()
        if lines:
            item["note"] = "\n".join(lines)
        else:
            item.pop("note")
        if "primaryclass" in extra and item.get("keyword") == extra["primaryclass"]:
            item.pop("keyword")
    number = item.get("number")
    if isinstance(number, str) and number.startswith("arXiv:") and _is_arxiv(
            item.get("publisher"), number[6:]):
        item["number"] = number[6:]
    return item, extra
