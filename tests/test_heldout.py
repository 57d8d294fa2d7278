"""Held-out evaluation of the listing readers on real papers (``tests/golden/heldout/``).

Each ``<layout>-<case>.txt`` is read with layout detection (``--from auto``): detection must pick
``<layout>``. Its ``<case>.csl.json`` was written from hand-made truth (``src/*.truth``, rendered
by ``src/build.py``, which never calls a reader). Every entry must come out exactly as expected,
except those listed in ``KNOWN_FAILURES.txt`` (``<case>#<n>  <reason>``, ``n`` from 1); the check
is two-way: a listed entry that passes fails the run. ``pytest -s`` prints a per-field table.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import GOLDEN

from citeconv import api
from citeconv.cli import main

HELDOUT = GOLDEN / "heldout"
CASES = sorted(c for l in ("arxiv", "last-first", "publications") for c in HELDOUT.glob(f"{l}-*.txt"))
LAYOUTS = ("arxiv", "last-first", "publications")


def _known() -> dict[str, str]:
    out = {}
    for line in (HELDOUT / "KNOWN_FAILURES.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, reason = line.partition(" ")
            out[key] = reason.strip()
    return out


KNOWN = _known()


def _layout(case: Path) -> str:
    return next(name for name in LAYOUTS if case.stem.startswith(name + "-"))


_READ: dict[Path, Any] = {}


def _read(case: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
    if case not in _READ:
        result = api.read(case.read_text(encoding="utf-8"))  # layout detection, like --from auto
        _READ[case] = result
    result = _READ[case]
    expected = json.loads(case.with_suffix("").with_suffix(".csl.json").read_text("utf-8"))
    return expected, [r.to_csl() for r in result.records], result.layout


def _aligned(expected: list[dict[str, Any]], actual: list[dict[str, Any]]
             ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Pair each expected record with the read record of the same title (else same index)."""
    by_title = {a.get("title"): a for a in actual}
    return [(e, by_title.get(e["title"]) or (actual[k] if k < len(actual) else {}))
            for k, e in enumerate(expected)]


ENTRIES = [(case, k) for case in CASES for k in range(len(json.loads(
    case.with_suffix("").with_suffix(".csl.json").read_text("utf-8"))))]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_detection_picks_the_layout_and_every_entry_is_read(case: Path) -> None:
    expected, actual, layout = _read(case)
    assert layout == _layout(case)
    assert [a.get("title") for a in actual] == [e["title"] for e in expected]


@pytest.mark.parametrize("case,k", ENTRIES, ids=[f"{c.stem}#{k + 1}" for c, k in ENTRIES])
def test_entry(case: Path, k: int) -> None:
    expected, actual = _aligned(*_read(case)[:2])[k]
    key = f"{case.stem}#{k + 1}"
    if key in KNOWN:
        assert actual != expected, f"{key} is listed in KNOWN_FAILURES.txt but now passes"
        return
    assert actual == expected


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_the_cli_reads_the_same_records(case: Path) -> None:
    """``citeconv convert FILE --to csl-json`` (``--from auto``) gives the records checked here."""
    result = CliRunner().invoke(main, ["convert", str(case), "--to", "csl-json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    drop_id = lambda r: {k: v for k, v in r.items() if k != "id"}  # noqa: E731
    assert [drop_id(r) for r in json.loads(result.stdout)] == [drop_id(r) for r in _read(case)[1]]


def test_known_failures_name_real_entries() -> None:
    keys = {f"{c.stem}#{k + 1}" for c, k in ENTRIES}
    assert set(KNOWN) <= keys, set(KNOWN) - keys


# ---------------------------------------------------------------- per-field accuracy
def _family(n: dict[str, str]) -> str:
    return n.get("literal") or " ".join(
        p for p in (n.get("non-dropping-particle"), n.get("family")) if p)


def field_scores(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, list[int]]:
    """field -> [right, total]; names are counted per author, in order."""
    scores: dict[str, list[int]] = {}

    def count(field: str, ok: bool) -> None:
        s = scores.setdefault(field, [0, 0])
        s[0] += ok
        s[1] += 1

    for exp, act in pairs:
        count("title", exp.get("title") == act.get("title"))
        exp_names, act_names = exp.get("author", []), act.get("author", [])
        count("author count", len(exp_names) == len(act_names))
        for k, n in enumerate(exp_names):
            got = act_names[k] if k < len(act_names) else {}
            count("author family", _family(n) == _family(got))
            count("author given", n.get("given", "") == got.get("given", ""))
            count("author parts", n == got)
        count("abstract", exp.get("abstract", "") == act.get("abstract", ""))
        count("issued", exp.get("issued") == act.get("issued"))
        count("arXiv id", exp.get("number") == act.get("number"))
        count("type", exp.get("type") == act.get("type"))
        count("whole record", exp == act)
    return scores


def test_print_accuracy_table() -> None:
    rows = []
    for layout in LAYOUTS:
        pairs = [p for c in CASES if _layout(c) == layout for p in _aligned(*_read(c)[:2])]
        rows.append((layout, field_scores(pairs)))
    fields = list(rows[0][1])
    print("\nheld-out field accuracy (right/total)")
    print(f"{'field':<16}" + "".join(f"{name:>22}" for name, _ in rows))
    for f in fields:
        cells = []
        for _, scores in rows:
            right, total = scores.get(f, [0, 0])
            cells.append(f"{right}/{total} {100 * right / max(1, total):6.1f}%")
        print(f"{f:<16}" + "".join(f"{c:>22}" for c in cells))
