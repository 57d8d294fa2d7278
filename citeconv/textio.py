"""Bytes -> text, and text -> a file, safely.

- ``decode_input(data, encoding=None)``: UTF-8 (with or without BOM) and UTF-16/32 with a BOM are
  recognised; text that is not UTF-8 is read in the encoding its first lines declare (JabRef's
  ``% Encoding: windows-1252``, an Emacs ``-*- coding: latin-9 -*-`` line); anything else raises
  ``InputEncodingError`` naming the first bad byte offset, unless an explicit ``encoding`` is
  given (no guessing: detectors mistake short Latin-1 files for cp775 and GBK for cp949).
  ``read_text`` does the same and also returns a note saying which declaration was used. Line endings are normalised to ``\\n``; NUL bytes are kept
  out of the text (replaced by U+FFFD) so that no reader sees them.
- ``write_atomic(path, text, inputs)``: temporary file in the target directory, then rename; it
  refuses to write over any of ``inputs``.
"""
from __future__ import annotations

import codecs
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable

from .model import Diagnostic

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


class InputEncodingError(ValueError):
    def __init__(self, offset: int, byte: int) -> None:
        super().__init__(f"not UTF-8: byte 0x{byte:02x} at offset {offset}; give the encoding "
                         "with --encoding (for example --encoding latin-1)")
        self.offset = offset


# JabRef writes "% Encoding: NAME" on the first line; Emacs reads "coding: NAME" on the first two.
_DECLARATION = re.compile(rb"^%\s*Encoding:\s*([A-Za-z0-9._-]+)|coding[:=]\s*([A-Za-z0-9._-]+)",
                          re.MULTILINE)
_EMACS_EOL = re.compile(r"-(unix|dos|mac)$")
_ALIASES = {"latin9": "iso8859_15", "latin0": "iso8859_15", "latin10": "iso8859_16"}


def declared_encoding(data: bytes) -> tuple[str, int] | None:
    """The codec a file's first two lines declare, with the line number, or None."""
    head = b"\n".join(data.split(b"\n", 2)[:2])
    for match in _DECLARATION.finditer(head):
        name = _EMACS_EOL.sub("", (match.group(1) or match.group(2)).decode("ascii").lower())
        for candidate in filter(None, (name, _ALIASES.get(re.sub(r"[-_]", "", name)))):
            try:
                return codecs.lookup(candidate).name, head.count(b"\n", 0, match.start()) + 1
            except LookupError:
                continue
    return None


def read_text(data: bytes, encoding: str | None = None) -> tuple[str, Diagnostic | None]:
    """Decode ``data`` as ``decode_input`` does; also return a warning when the file's own
    encoding declaration was used (None otherwise)."""
    note = None
    if encoding:
        text = data.decode(encoding, errors="replace")
    else:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                text = data.decode(codec, errors="replace")
                break
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as err:
                declared = declared_encoding(data)
                if not declared:
                    raise InputEncodingError(err.start, data[err.start]) from None
                text = data.decode(declared[0], errors="replace")
                note = Diagnostic("input.declared-encoding",
                                  f"not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
                                  f"read as {declared[0]}, the encoding the file declares",
                                  line=declared[1])
    return _normalise(text), note


def decode_input(data: bytes, encoding: str | None = None) -> str:
    return read_text(data, encoding)[0]


def _normalise(text: str) -> str:
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return text


class OutputError(OSError):
    pass


def write_atomic(path: str, text: str | Iterable[str], inputs: Iterable[str] = ()) -> None:
    """Write ``text`` (or its pieces, in order) to ``path`` through a temporary file renamed
    over it at the end; never over one of the ``inputs``."""
    target = Path(path)
    for source in inputs:
        try:
            if source != "-" and target.exists() and target.samefile(source):
                raise OutputError(f"refusing to overwrite the input file {path}; "
                                  "choose another -o")
        except FileNotFoundError:
            continue
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for piece in (text,) if isinstance(text, str) else text:
                handle.write(piece)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
