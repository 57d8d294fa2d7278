"""A progress line on stderr for long runs, and nothing otherwise.

``with progress.shown("reading refs.bib (34.2 MB)"):`` draws ``citeconv: <label> … 3 s`` on
stderr, redrawn a few times a second, but only when stderr is a terminal and the block has
already run for ``delay`` seconds (one second): short runs, pipes, files and CI logs never see
it. The line is erased when the block ends (also on errors and ``sys.exit``), so diagnostics
printed afterwards start on a clean line. A daemon thread does the drawing; the work itself is
never touched, so the output is byte-identical with or without it.
"""
from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager
from typing import Iterator, TextIO

_FRAMES = "|/-\\"


def enabled(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


@contextmanager
def shown(label: str, stream: TextIO | None = None, delay: float = 1.0,
          interval: float = 0.25, force: bool = False) -> Iterator[None]:
    """Show ``label`` with a spinner and the elapsed time while the block runs (see module doc)."""
    out = stream if stream is not None else sys.stderr
    if not force and not enabled(out):
        yield
        return
    stop = threading.Event()
    drawn = [0]  # width of the last line drawn

    def draw() -> None:
        start = time.monotonic()
        if stop.wait(delay):
            return
        frame = 0
        while not stop.is_set():
            line = f"citeconv: {label} {_FRAMES[frame % 4]} {time.monotonic() - start:.0f} s"
            try:
                out.write("\r" + line.ljust(drawn[0]))
                out.flush()
            except (OSError, ValueError):
                return
            drawn[0] = len(line)
            frame += 1
            stop.wait(interval)

    thread = threading.Thread(target=draw, name="citeconv-progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        if drawn[0]:
            try:
                out.write("\r" + " " * drawn[0] + "\r")
                out.flush()
            except (OSError, ValueError):
                pass


def size_label(nbytes: int) -> str:
    if nbytes >= 1 << 20:
        return f"{nbytes / (1 << 20):.1f} MB"
    if nbytes >= 1 << 10:
        return f"{nbytes / (1 << 10):.0f} kB"
    return f"{nbytes} B"


__all__ = ["shown", "enabled", "size_label"]
