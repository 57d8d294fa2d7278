#!/usr/bin/env python3
"""Rendering speed, whole process, against pandoc --citeproc in the same run (issue 8).

    python bench/render_vs_pandoc.py                    # the three cases below, best of 3
    python bench/render_vs_pandoc.py --n 2000 --repeat 1  # quicker

Cases (ACL Anthology entries, ``../shared/bench-data/acl-anthology-2021-02.bib.xz``):
  1. N entries (default 10,000) as CSL-JSON, rendered in APA as plain text;
  2. the same in IEEE;
  3. the first 100 entries as .bib, rendered in APA (each tool reads the .bib itself).
The CSL-JSON is written once by ``citeconv convert --to csl-json`` before timing; both tools
read that same file and the same style file. Each run is a fresh process (start-up, imports and
caches count, as a user meets them); the best of ``--repeat`` runs is kept. Reported per tool:
wall seconds and CPU seconds (user + system of the child: steadier on a loaded machine), and
citeconv / pandoc as ratios (below 1.00 = citeconv faster).

It also checks that citeconv's output with its caches is the output without them: the
bibliography rendered in one process twice (the second time with the style cache warm) equals
the first, and equals the command's output. Needs pandoc >= 2.11 on PATH (``apt-get install
pandoc``); without it only citeconv is timed. Standard library and citeconv only.
"""
from __future__ import annotations

import argparse
import json
import lzma
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ACL = ROOT.parent / "shared" / "bench-data" / "acl-anthology-2021-02.bib.xz"
NOCITE = "---\nnocite: \"@*\"\n---\n"


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = proc.stdout.read() if proc.stdout else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"failed ({status}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime, out


def _best(cmd: list[str], env: dict[str, str], repeat: int) -> tuple[float, float, bytes]:
    runs = [_run(cmd, env) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs), runs[0][2]


def _slice_bib(n: int, dest: Path) -> None:
    text = lzma.open(ACL, "rt", encoding="utf-8").read()
    starts = [m.start() for m in re.finditer(r"^@", text, re.MULTILINE)]
    end = starts[n] if n < len(starts) else len(text)
    dest.write_text(text[:end], encoding="utf-8")


def _warm_twice(json_path: Path, style: str, env: dict[str, str]) -> bool:
    """The bibliography rendered twice in one process (style, locale and collation caches
    cold, then warm) gives the same entries both times."""
    code = ("import json, sys\n"
            "from citeconv.csl.engine import render_bibliography\n"
            "items = json.load(open(sys.argv[1], encoding='utf-8'))\n"
            "a = render_bibliography(items, sys.argv[2], 'text').entries\n"
            "b = render_bibliography(items, sys.argv[2], 'text').entries\n"
            "print(a == b and len(a) == len(items))\n")
    out = subprocess.run([sys.executable, "-c", code, str(json_path), style], env=env,
                         capture_output=True, text=True, check=True).stdout
    return out.strip() == "True"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000, help="entries for cases 1 and 2")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    if not ACL.exists():
        print(f"missing {ACL}", file=sys.stderr)
        return 2
    pandoc = shutil.which("pandoc")
    env = dict(os.environ)
    me = [sys.executable, "-m", "citeconv"]
    sys.path.insert(0, str(ROOT))
    from citeconv.render.styles import resolve_style

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        big, small, data = d / "acl.bib", d / "acl100.bib", d / "acl.json"
        _slice_bib(a.n, big)
        _slice_bib(100, small)
        subprocess.run(me + ["convert", str(big), "--to", "csl-json", "-o", str(data)],
                       check=True, stderr=subprocess.DEVNULL, env=env)
        (d / "nocite.md").write_text(NOCITE, encoding="utf-8")
        print(f"pandoc: {pandoc or 'not found'}; "
              f"best of {a.repeat}; seconds wall / CPU")
        print(f"{'case':32} {'citeconv':>15} {'pandoc':>15} {'ratio wall':>11} {'ratio CPU':>10}")
        cases = [(f"{a.n} CSL-JSON, APA", data, "apa"), (f"{a.n} CSL-JSON, IEEE", data, "ieee"),
                 ("100 .bib, APA", small, "apa")]
        for label, src, style in cases:
            csl = str(resolve_style(style))
            fmt = ["--from", "csl-json"] if src.suffix == ".json" else []
            ours = _best(me + ["convert", str(src), *fmt, "--to", "text", "--style", style],
                         env, a.repeat)
            line = f"{label:32} {ours[0]:7.2f} /{ours[1]:6.2f}"
            if pandoc:
                theirs = _best([pandoc, str(d / "nocite.md"), "--citeproc", "--bibliography",
                                str(src), "--csl", csl, "-t", "plain", "--wrap=none"],
                               env, a.repeat)
                line += (f" {theirs[0]:7.2f} /{theirs[1]:6.2f} {ours[0] / theirs[0]:10.2f}x"
                         f" {ours[1] / theirs[1]:9.2f}x")
            print(line, flush=True)
        same = _warm_twice(data, "apa", env)
        print(f"cold and warm caches give the same APA bibliography: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
