"""Console-script entry point.

``citeconv --version`` answers before click is imported: a build pipeline that probes the tool
should not pay for the whole CLI (see bench/coldstart.py). A bug that escapes the CLI ends in a
one-line message and exit code 1 rather than a traceback in someone's LaTeX build log;
``CITECONV_DEBUG=1`` shows the traceback.

When the CLI is done (``SystemExit``), standard output and error are flushed and the process
ends with ``os._exit``: the interpreter's teardown would free every object of a big conversion
one by one (~0.3 s of a 60,000-entry file, bench/convert_speed.py) for nobody. The CLI closes
every file it writes before it exits and registers no exit handlers; if a flush fails, the exit
takes the ordinary way.
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
    except SystemExit as done:
        _exit_now(done)
    except Exception as exc:  # noqa: BLE001 - last resort, see docstring
        if os.environ.get("CITECONV_DEBUG"):
            raise
        sys.stderr.write(f"citeconv: internal error: {exc!r}; rerun with CITECONV_DEBUG=1 "
                         "and report it with the input that caused it\n")
        sys.exit(1)


def _exit_now(done: SystemExit) -> None:
    """End the process with ``done``'s status without the interpreter's teardown (see above)."""
    code = done.code
    if code is not None and not isinstance(code, int):
        raise done  # a message to print: the ordinary way
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # noqa: BLE001 - a closed or broken pipe: the ordinary way
        raise done from None
    os._exit(code or 0)
