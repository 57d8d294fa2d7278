"""Console-script entry point. ``citeconv --version`` answers before click is imported: a build
pipeline that probes the tool should not pay for the whole CLI (see bench/coldstart)."""
from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__
        sys.stdout.write(f"citeconv, version {__version__}\n")
        return
    from .cli import main
    main()
