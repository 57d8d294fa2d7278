"""Conversion speed and memory on a big real .bib, against bibtexparser on the same file.

    python bench/convert_speed.py                      # the whole ACL Anthology file (63,737 entries)
    python bench/convert_speed.py --entries 5000       # a slice, for quick checks while developing
    python bench/convert_speed.py --file refs.bib --repeat 3

Each step runs in a fresh process (imports, GC and caches included, as a user meets them), the
best of ``--repeat`` runs is kept (wall time, and CPU time, user + system, which moves less on
a loaded machine), and peak memory is the child's own max RSS (``os.wait4``):

    peer      python -c "bibtexparser.parse_file(FILE)"      (split + bibtexparser's default
                                                              middlewares; no LaTeX decoding)
    bibtex    citeconv convert FILE -o out.bib               (LaTeX fully decoded, canonical BibTeX)
    csl-json  citeconv convert FILE --to csl-json -o out.json
    citation-js  node: plugins.input.chain(FILE text) -> CSL-JSON written with 2-space indent

citation-js is the peer for CSL-JSON (target: citeconv no slower, peak memory <= 600 MB). It is
never part of the repository: the script installs it with npm into a directory outside it, at
bench time (``--citation-js DIR``, default $TMPDIR/citeconv-bench-citation-js):

    npm install --prefix DIR @citation-js/core @citation-js/plugin-bibtex @citation-js/plugin-csl

Without node/npm (or without network for the install) that peer is skipped with a message.
citeconv's modules are compiled to bytecode first (``compileall``), as ``pip install`` does: an
editable checkout under ``PYTHONDONTWRITEBYTECODE=1`` would otherwise recompile every module in
every run (~0.1 s that no installed copy pays).
Standard library only (plus citeconv and bibtexparser themselves).
"""
from __future__ import annotations

import argparse
import shutil
import lzma
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "bench-data" / "acl-anthology-2021-02.bib.xz"
PEER = "import sys, bibtexparser; bibtexparser.parse_file(sys.argv[1])"
CITATION_JS_PACKAGES = ("@citation-js/core", "@citation-js/plugin-bibtex", "@citation-js/plugin-csl")
#: citation-js's own BibTeX -> CSL-JSON path (the Cite class adds a slow per-item graph on top)
CITATION_JS = """
const fs = require('fs');
const {plugins} = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
const items = plugins.input.chain(fs.readFileSync(process.argv[2], 'utf8'),
                                  {generateGraph: false, target: '@csl/list+object'});
fs.writeFileSync(process.argv[3], JSON.stringify(items, null, 2) + '\\n');
"""


def citation_js(directory: Path) -> Path | None:
    """node_modules holding citation-js (installed there with npm if missing), or None."""
    modules = directory / "node_modules"
    if (modules / "@citation-js" / "plugin-bibtex").is_dir():
        return modules
    command = ["npm", "install", "--silent", "--prefix", str(directory), *CITATION_JS_PACKAGES]
    if not (shutil.which("node") and shutil.which("npm")):
        print("  (citation-js skipped: node and npm are not installed)")
        return None
    print(f"  installing citation-js: {' '.join(command)}", flush=True)
    if subprocess.run(command, capture_output=True).returncode != 0:
        print("  (citation-js skipped: the npm install failed; run the command above by hand)")
        return None
    return modules


def prepare(path: Path, entries: int, workdir: Path) -> tuple[Path, int]:
    data = lzma.open(path, "rt", encoding="utf-8").read() if path.suffix == ".xz" \
        else path.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^@", data, re.MULTILINE)]
    if entries and entries < len(starts):
        data = data[:starts[entries]]
        starts = starts[:entries]
    out = workdir / "bench.bib"
    out.write_text(data, encoding="utf-8")
    return out, len(starts)


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int, float]:
    """Wall time, peak RSS (bytes) and CPU time (user + system) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--entries", type=int, default=0, help="first N entries only (0: all)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--pandoc", action="store_true",
                        help="also time `pandoc -f bibtex -t csljson` (needs pandoc; ~70 s and "
                        "5.5 GB on the full ACL file) and print citeconv's speed-up over it")
    parser.add_argument("--citation-js", type=Path, metavar="DIR",
                        default=Path(tempfile.gettempdir()) / "citeconv-bench-citation-js",
                        help="where citation-js is (or is npm-installed); never the repository")
    parser.add_argument("--no-citation-js", action="store_true", help="skip that peer")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:  # child: decompress and slice, so the parent's memory stays small
        bib, count = prepare(args.file, args.entries, args.prepare)
        print(count)
        return
    import compileall
    import citeconv
    compileall.compile_dir(Path(citeconv.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        # the parent must stay small: a child's max RSS starts at its parent's size (fork)
        count = int(subprocess.run(
            [sys.executable, __file__, "--file", str(args.file), "--entries", str(args.entries),
             "--prepare", tmp], check=True, capture_output=True, text=True).stdout)
        bib = workdir / "bench.bib"
        size = bib.stat().st_size
        citeconv = [sys.executable, "-m", "citeconv", "convert", str(bib)]
        steps = {
            "peer: bibtexparser.parse_file": [sys.executable, "-c", PEER, str(bib)],
            "citeconv -> canonical BibTeX": citeconv + ["-o", str(workdir / "out.bib")],
            "citeconv -> CSL-JSON": citeconv + ["--to", "csl-json", "-o", str(workdir / "o.json")],
        }
        envs: dict[str, dict[str, str]] = {}
        modules = None if args.no_citation_js else citation_js(args.citation_js)
        if modules is not None:
            script = workdir / "citation-js.js"
            script.write_text(CITATION_JS, encoding="utf-8")
            steps["citation-js -> CSL-JSON"] = ["node", str(script), str(bib),
                                                str(workdir / "c.json")]
            envs["citation-js -> CSL-JSON"] = {**os.environ, "NODE_PATH": str(modules)}
        if args.pandoc:
            if not shutil.which("pandoc"):
                sys.exit("--pandoc: pandoc is not installed (apt-get install pandoc)")
            steps["pandoc -> CSL-JSON"] = ["pandoc", "-f", "bibtex", "-t", "csljson", str(bib),
                                           "-o", str(workdir / "p.json")]
        print(f"{args.file.name}: {count} entries, {size / 1e6:.1f} MB; best of {args.repeat}; "
              f"python {sys.version.split()[0]}")
        runs: dict[str, list[tuple[float, int, float]]] = {name: [] for name in steps}
        for _ in range(args.repeat):  # round-robin, so that load from elsewhere hits all alike
            for name, argv in steps.items():
                runs[name].append(run(argv, envs.get(name)))
        results = {name: (min(t for t, _, _ in r), max(m for _, m, _ in r),
                          min(c for _, _, c in r)) for name, r in runs.items()}
        peer_time = results["peer: bibtexparser.parse_file"][0]
        for name, (elapsed, rss, cpu) in results.items():
            ratio = "" if name.startswith(("peer", "citation-js")) \
                else f"  {elapsed / peer_time:4.2f}x the peer"
            print(f"  {name:32s} {elapsed:7.2f} s  {count / elapsed:8.0f} entries/s  "
                  f"CPU {cpu:6.2f} s  peak {rss / 1e6:6.0f} MB ({rss / size:4.1f}x the file){ratio}")
        if "citation-js -> CSL-JSON" in results:
            ours, theirs = results["citeconv -> CSL-JSON"], results["citation-js -> CSL-JSON"]
            print(f"  citeconv -> CSL-JSON takes {ours[0] / theirs[0]:.2f}x citation-js's time, "
                  f"{ours[2] / theirs[2]:.2f}x its CPU time (target <= 1.00x; "
                  f"peak {ours[1] / 1e6:.0f} MB, target <= 600 MB)")
        if "pandoc -> CSL-JSON" in results:
            speedup = results["pandoc -> CSL-JSON"][0] / results["citeconv -> CSL-JSON"][0]
            print(f"  citeconv -> CSL-JSON is {speedup:.1f}x faster than pandoc (target 5x)")


if __name__ == "__main__":
    main()
