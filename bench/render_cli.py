#!/usr/bin/env python3
"""Shim mimicking `citeconv convert FILE --from csl-json --to text|html --style STYLE [--locale L]`
through citeconv.render.render_bibliography, for csl-bench's compare.py."""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

from citeconv.render import render_bibliography  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(prog="render_cli.py")
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert")
    c.add_argument("file")
    c.add_argument("--from", dest="from_", default="csl-json", choices=["csl-json"])
    c.add_argument("--to", default="text", choices=["text", "html", "markdown", "latex", "rst"])
    c.add_argument("--style", default="apa")
    c.add_argument("--locale", default=None)
    a = ap.parse_args(argv)
    with open(a.file, encoding="utf-8") as f:
        items = json.load(f)
    r = render_bibliography(items, a.style, a.to, a.locale)
    for w in r.warnings:
        sys.stderr.write("warning: %s\n" % w)
    for e in r.errors:  # entries left out: exit 3, as the CLI does
        sys.stderr.write("error: %s\n" % e)
    out = sys.stdout
    out.reconfigure(encoding="utf-8")
    if a.to == "html":
        out.write('<div class="csl-bib-body">\n')
        for e in r.entries:
            out.write('  <div class="csl-entry">%s</div>\n' % e)
        out.write("</div>\n")
    else:
        for e in r.entries:
            out.write(e + "\n")
    return 3 if r.errors else 0


if __name__ == "__main__":
    sys.exit(main())
