"""Bytes -> text, and text -> a file, safely.

- ``decode_input(data, encoding=None)``: UTF-8 (with or without BOM) and UTF-16/32 with a BOM are
  recognised; anything else raises ``InputEncodingError`` naming the first bad byte offset, unless
  an explicit ``encoding`` is given. Line endings are normalised to ``\\n``; NUL bytes are kept
  out of the text (replaced by U+FFFD) so that no reader sees them.
- ``write_atomic(path, text, inputs)``: temporary file in the target directory, then rename; it
  refuses to write over any of ``inputs``.
"""
from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path
from typing import Iterable

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


class InputEncodingError(ValueError):
    def __init__(self, offset: int, byte: int) -> None:
        super().__init__(f"not UTF-8: byte 0x{byte:02x} at offset {offset}; give the encoding "
                         "with --encoding (for example --encoding latin-1)")
        self.offset = offset


def decode_input(data: bytes, encoding: str | None = None) -> str:
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
                raise InputEncodingError(err.start, data[err.start]) from None
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return text


class OutputError(OSError):
    pass


def write_atomic(path: str, text: str, inputs: Iterable[str] = ()) -> None:
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
            handle.write(text)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
