#!/usr/bin/env python3
"""CSL test-suite conformance runner for citeconv's CSL engine (``citeconv.csl``).

    python bench/csl_suite.py DIR [--known-failures FILE] [--update-known-failures]
                              [-k PATTERN] [-v]

DIR holds fixtures (``processor-tests/humans/*.txt``). Each fixture's sections (MODE, RESULT, CSL,
INPUT, optional CITATION-ITEMS / CITATIONS / BIBENTRIES / BIBSECTION / ABBREVIATIONS) are parsed
and rendered through ``citeconv.csl.engine`` (CITATION-ITEMS / CITATIONS become clusters of
citeproc-js CitationItem dicts; a CITATIONS cluster is passed as
``{"citationItems": [...], "properties": {"noteIndex": n}}``; a citation fixture without any is
one citation of every item in bibliography order, as citeproc-js's runner cites its registry;
a CITATIONS step keeps only the citations it names before and after it, as
processCitationCluster does),
and compared line by line with
RESULT (html output, ``&amp;`` written ``&#38;``; for CITATIONS every citation in document order,
the ``>>[i]``/``..[i]`` markers not compared, as in jgm/citeproc's runner). Fixtures we cannot run
(``bibliography-header`` mode, BIBSECTION) count as failures. Prints the pass rate per category
(filename prefix before ``_``) and in total. With a known-failures file (default
``bench/csl_suite_known_failures.txt``; one name per line, ``# reason`` allowed) the check is
two-way: an unlisted failure or a listed fixture that passes is an error (exit 1).
``--update-known-failures`` rewrites the file instead. Each fixture runs under a
``signal.alarm`` timeout so a hang cannot stall the run.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import signal
import sys
import traceback
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, os.pardir))

DEFAULT_KNOWN = os.path.join(HERE, "csl_suite_known_failures.txt")
CITE_KEYS = ("id", "locator", "label", "prefix", "suffix", "suppress-author", "author-only",
             "position", "near-note", "first-reference-note-number")
TIMEOUT = 10
_SECTION = re.compile(r">>=+ ([A-Z-]+) =+>>\n(.*?)\n<<=+ \1 =+<<", re.S)


class FixtureTimeout(Exception):
    pass


def parse_fixture(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    data = {name.lower(): body for name, body in _SECTION.findall(text)}
    for key in ("input", "citation-items", "citations", "bibentries", "bibsection", "abbreviations"):
        if key in data and data[key].strip():
            data[key] = json.loads(data[key])
        else:
            data.pop(key, None)
    data["mode"] = data.get("mode", "").strip()
    return data


def _fixture_items(data: dict) -> list[dict]:
    """The fixture's items with default ids and types; modes we cannot run raise."""
    if data["mode"] not in ("citation", "bibliography", "bibliography-nosort"):
        raise NotImplementedError("mode %s" % data["mode"])
    if "bibsection" in data:
        raise NotImplementedError("BIBSECTION")
    items = data["input"]
    for i, ref in enumerate(items):
        ref.setdefault("id", i)
        ref.setdefault("type", "book")
    # citeproc-js's runner looks items up by id: of two with one id the last wins, once
    by_id: dict = {}
    for ref in items:
        by_id[str(ref["id"])] = ref
    return list(by_id.values())


def _clusters(data: dict) -> list:
    """The fixture's citations as clusters for ``citeconv.csl.engine``."""
    def item(d: dict) -> dict:
        return {k: (str(v) if k == "id" else v) for k, v in d.items() if k in CITE_KEYS}

    if "citation-items" in data:
        return [[item(ci) for ci in cl] for cl in data["citation-items"]]
    if "citations" in data:
        # each entry is [citation, citations before it, citations after it] (citeproc-js
        # processCitationCluster): place it in the document, replacing one with the same id
        doc: list[dict] = []
        for n, (cit, pre, post) in enumerate(data["citations"]):
            cid = cit.get("citationID") or "CITATION-%d" % n
            # citeproc-js keeps only the citations named before and after it (a citation left
            # out of both is removed from the document)
            named = {c for c, _ in list(pre) + list(post)}
            doc = [c for c in doc if c["citationID"] != cid and c["citationID"] in named]
            ids = [c["citationID"] for c in doc]
            if pre and pre[-1][0] in ids:
                at = ids.index(pre[-1][0]) + 1
            elif post and post[0][0] in ids:
                at = ids.index(post[0][0])
            else:
                at = len(doc)
            renumbered = dict((c, n) for c, n in list(pre) + list(post))
            for c in doc:  # the notes of the other citations as they are now
                if c["citationID"] in renumbered:
                    c["properties"] = {"noteIndex": renumbered[c["citationID"]]}
            props = cit.get("properties", {})
            doc.insert(at, {"citationItems": [item(ci) for ci in cit["citationItems"]],
                            "properties": {"noteIndex": props.get("noteIndex", 0)},
                            "citationID": cid})
        return doc
    if "bibentries" in data:
        return [[{"id": str(e)} for e in data["bibentries"][-1]]]
    if data["mode"] == "citation":
        return [[{"id": str(r["id"])} for r in data["input"]]]
    return [[{"id": str(r["id"])}] for r in data["input"]]


def run_fixture_ours(data: dict) -> list[str]:
    """Render a fixture through ``citeconv.csl.engine`` (our own evaluator)."""
    import inspect
    import tempfile

    from citeconv.csl import engine

    items = _fixture_items(data)
    for ref in items:
        ref["id"] = str(ref["id"])
    clusters = _clusters(data)
    fd, path = tempfile.mkstemp(suffix=".csl", prefix="csl-suite-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data["csl"])
        results: list[str] = []
        if data["mode"] == "citation":
            if not any(k in data for k in ("citation-items", "citations", "bibentries")):
                clusters = [_registry_order(engine, items, path)]
            rendered = engine.render_citations(items, clusters, style=path, fmt="html")
            results.extend(rendered.entries)
        else:
            kwargs = {}
            params = inspect.signature(engine.render_bibliography).parameters
            if "clusters" in params:
                kwargs["clusters"] = clusters
            if "sort" in params and data["mode"] == "bibliography-nosort":
                kwargs["sort"] = False
            rendered = engine.render_bibliography(items, style=path, fmt="html", **kwargs)
            results.append('<div class="csl-bib-body">')
            for e in rendered.entries:
                if e.startswith("<div"):
                    results.append('  <div class="csl-entry">\n    %s\n  </div>' % e)
                else:
                    results.append('  <div class="csl-entry">%s</div>' % e)
            results.append("</div>")
    finally:
        os.unlink(path)
    lines = [line for r in results for line in r.split("\n")]
    return [line.replace("&amp;", "&#38;") for line in lines]


def _registry_order(engine, items: list[dict], path: str) -> list[dict]:
    """The one citation citeproc-js's test runner makes when a fixture gives none: every item,
    in the order of its registry (the bibliography's sort order when the style has one)."""
    ids = [str(r["id"]) for r in items]
    try:
        order = list(engine.render_bibliography(items, style=path, fmt="text").ids)
    except ValueError:
        order = []
    if sorted(order) != sorted(ids):  # no bibliography, or items it leaves out: input order
        order = ids
    return [{"id": i} for i in order]


def _alarm(signum, frame):
    raise FixtureTimeout("fixture timed out after %ds" % TIMEOUT)


_MARKER = re.compile(r"^(?:>>|\.\.)\[\d+\] ?")


def check(path: str, verbose: bool) -> tuple[bool, str | None]:
    data = parse_fixture(path)
    expected = data.get("result", "").splitlines()
    if "citations" in data and data["mode"] == "citation":
        # every citation in document order; the ">>[i]"/"..[i]" markers (which citations
        # citeproc-js updated last) are not compared, as in jgm/citeproc's test runner
        expected = [_MARKER.sub("", line) for line in expected]
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got = run_fixture_ours(data)
    except NotImplementedError as e:
        return False, "unsupported: %s" % e
    except FixtureTimeout as e:
        return False, str(e)
    except Exception as e:  # noqa: BLE001
        if verbose:
            traceback.print_exc()
        return False, "exception: %s" % type(e).__name__
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    ok = got == expected
    if verbose and not ok:
        print("  EXP: " + "\n       ".join(expected))
        print("  GOT: " + "\n       ".join(got))
    return ok, None if ok else "output differs"


def read_known(path: str) -> dict[str, str]:
    known: dict[str, str] = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                name, _, reason = line.partition("#")
                if name.strip():
                    known[name.strip()] = reason.strip()
    return known


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--known-failures", default=DEFAULT_KNOWN,
                    help="default: bench/csl_suite_known_failures.txt")
    ap.add_argument("--update-known-failures", action="store_true")
    ap.add_argument("-k", dest="pattern", default=None, help="run only fixtures whose name matches")
    ap.add_argument("-v", dest="verbose", action="store_true")
    a = ap.parse_args(argv)
    names = sorted(f[:-4] for f in os.listdir(a.dir) if f.endswith(".txt"))
    if a.pattern:
        pat = a.pattern if any(c in a.pattern for c in "*?[") else "*%s*" % a.pattern
        names = [n for n in names if fnmatch.fnmatch(n, pat)]
    totals: dict[str, list[int]] = {}
    failures: dict[str, str] = {}
    for name in names:
        cat = name.split("_", 1)[0]
        ok, reason = check(os.path.join(a.dir, name + ".txt"), a.verbose)
        if a.verbose:
            print("%s %s%s" % ("PASS" if ok else "FAIL", name, "" if ok else "  (%s)" % reason))
        t = totals.setdefault(cat, [0, 0])
        t[1] += 1
        if ok:
            t[0] += 1
        else:
            failures[name] = reason or ""
    for cat in sorted(totals):
        p, n = totals[cat]
        print(" %-14s %4d / %4d (%5.1f%%)" % (cat, p, n, 100.0 * p / n))
    passed = sum(p for p, _ in totals.values())
    total = sum(n for _, n in totals.values())
    print("TOTAL %d/%d %.1f%%" % (passed, total, 100.0 * passed / max(total, 1)))
    if a.update_known_failures:
        known = read_known(a.known_failures) if a.pattern else {}
        if a.pattern:
            for n in names:
                known.pop(n, None)
        known.update(failures)
        with open(a.known_failures, "w", encoding="utf-8") as f:
            for n in sorted(known):
                f.write("%-66s # %s\n" % (n, known[n]) if known[n] else n + "\n")
        print("wrote %s (%d known failures)" % (a.known_failures, len(known)))
        return 0
    if not os.path.exists(a.known_failures):
        return 0
    known = read_known(a.known_failures)
    selected = set(names)
    new_fail = sorted(set(failures) - set(known))
    fixed = sorted(n for n in known if n in selected and n not in failures)
    for n in new_fail:
        print("NEW FAILURE: %s (%s)" % (n, failures[n]))
    for n in fixed:
        print("NOW PASSING (remove from known failures): %s" % n)
    if new_fail or fixed:
        return 1
    print("known failures: exact")
    return 0


if __name__ == "__main__":
    sys.exit(main())
