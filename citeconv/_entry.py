"""Console-script entry point.

``citeconv --version`` answers before click is imported: a build pipeline that probes the tool
should not pay for the whole CLI (see bench/coldstart.py). A bug that escapes the CLI ends in a
one-line message and exit code 1 rather than a traceback in someone's LaTeX build log;
``CITECONV_DEBUG=1`` shows the traceback.
"""
from __future__ import annotations

import os
import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__
        sys.stdout.write(f"citeconv, version {__version__}\n")
        return
    from .cli import main
    try:
        main()
    except Exception as exc:  # noqa: BLE001 - last resort, see docstring
        if os.environ.get("CITECONV_DEBUG"):
            raise
        sys.stderr.write(f"citeconv: internal error: {exc!r}; rerun with CITECONV_DEBUG=1 "
                         "and report it with the input that caused it\n")
        sys.exit(1)
