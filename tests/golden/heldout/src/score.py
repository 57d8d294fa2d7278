"""Field-level exactness of the listing readers on the held-out set.

    PYTHONPATH=$PWD python tests/golden/heldout/src/score.py [CASE-STEM ...]

Each ``<layout>-<case>.txt`` is read with layout detection (as ``citeconv convert`` does) and
compared with ``<case>.csl.json``. Every CSL variable of every expected entry counts once
(an author list counts once per expected author, compared whole; a missing entry counts all its
fields wrong); variables the reader adds that the truth lacks count as wrong too. Prints one
line per case and the total; ``--fields`` adds the per-variable table.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from citeconv import api

HELDOUT = Path(__file__).resolve().parent.parent


def score(case: Path, per_field: Counter, totals: Counter) -> tuple[int, int, str]:
    expected = json.loads(case.with_suffix("").with_suffix(".csl.json").read_text("utf-8"))
    result = api.read(case.read_text(encoding="utf-8"))
    actual = [r.to_csl() for r in result.records]
    by_title = {a.get("title"): a for a in actual}
    right = total = 0
    for exp in expected:
        act = by_title.get(exp["title"], {})
        for key in sorted((set(exp) | set(act)) - {"id"}):
            if key == "author":
                names, got = exp.get(key, []), act.get(key, [])
                for k, name in enumerate(names or [None]):
                    ok = name is not None and k < len(got) and got[k] == name
                    ok = ok and (k < len(names) - 1 or len(got) == len(names))
                    right, total = right + ok, total + 1
                    per_field[key] += ok
                    totals[key] += 1
                continue
            ok = exp.get(key) == act.get(key)
            right, total = right + ok, total + 1
            per_field[key] += ok
            totals[key] += 1
    return right, total, result.layout


def main(argv: list[str]) -> None:
    show_fields = "--fields" in argv
    stems = [a for a in argv if not a.startswith("--")]
    cases = sorted(p for p in HELDOUT.glob("*-*.txt")
                   if not stems or p.stem in stems or p.stem.split("-")[-1] in stems)
    per_field: Counter = Counter()
    totals: Counter = Counter()
    all_right = all_total = 0
    for case in cases:
        right, total, layout = score(case, per_field, totals)
        all_right, all_total = all_right + right, all_total + total
        print(f"{case.stem:<24} read as {layout:<13} {right:>5}/{total:<5} "
              f"{100 * right / max(1, total):6.2f}%")
    print(f"{'total':<38} {all_right:>5}/{all_total:<5} {100 * all_right / max(1, all_total):6.2f}%")
    if show_fields:
        for key in sorted(totals):
            print(f"  {key:<16} {per_field[key]:>5}/{totals[key]:<5}")


if __name__ == "__main__":
    main(sys.argv[1:])
