"""Shared test helpers: golden files (``CITECONV_ACCEPT=1 pytest`` rewrites them for review)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
ACCEPT = os.environ.get("CITECONV_ACCEPT") == "1"


def check_golden(path: Path, actual: str) -> None:
    """Compare ``actual`` with the file at ``path`` (or write it when accepting)."""
    if ACCEPT:
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"missing golden file {path}; run CITECONV_ACCEPT=1 pytest and review it")
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path.name}"
