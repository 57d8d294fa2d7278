"""Bytes -> text, and text -> a file, safely.

- ``decode_input(data, encoding=None)``: UTF-8 (with or without BOM) and UTF-16/32 with a BOM are
  recognised; text that is not UTF-8 is read in the encoding its first lines declare (JabRef's
  ``% Encoding: windows-1252``, an Emacs ``-*- coding: latin-9 -*-`` line); anything else raises
  ``InputEncodingError`` naming the first bad byte offset, unless an explicit ``encoding`` is
  given (no guessing: detectors mistake short Latin-1 files for cp775 and GBK for cp949). The
  error names the ``--encoding`` to type when the bytes read cleanly in a common legacy encoding
  (``legacy_fits``: GBK, Big5, Shift-JIS, EUC-KR, Latin-1, cp1252).
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
    def __init__(self, offset: int, byte: int, fits: tuple[str, ...] = ()) -> None:
        hint = (f"it reads cleanly as {fits[0]}: add --encoding {fits[0]}"
                + (f" (or {', '.join(fits[1:])})" if fits[1:] else "")) if fits else \
            "give the encoding with --encoding (for example --encoding latin-1)"
        super().__init__(f"not UTF-8: byte 0x{byte:02x} at offset {offset}; {hint}")
        self.offset = offset
        self.fits = fits


#: legacy encodings worth naming in the error, with the code point ranges their text is made of
_LEGACY = (
    ("gbk", ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x3000, 0x303F), (0xFF00, 0xFFEF))),
    ("big5", ((0x4E00, 0x9FFF), (0x3000, 0x303F), (0xFF00, 0xFFEF))),
    ("shift_jis", ((0x4E00, 0x9FFF), (0x3000, 0x30FF), (0xFF00, 0xFFEF))),
    ("euc_kr", ((0xAC00, 0xD7AF), (0x3130, 0x318F), (0x3000, 0x303F), (0xFF00, 0xFFEF))),
    ("latin-1", ((0xA0, 0xFF),)),
    ("cp1252", ((0xA0, 0xFF), (0x2013, 0x2026), (0x20AC, 0x20AC), (0x2122, 0x2122),
                (0x152, 0x178))),
)
_RUNS = re.compile(r"[^\x00-\x7f]{3,}")


def legacy_fits(data: bytes) -> tuple[str, ...]:
    """Legacy encodings ``data`` decodes in without an error, with balanced braces (a two-byte
    code that swallowed one is a wrong guess) and at least 95% of its other characters in that
    encoding's script (Latin ones: not mostly in runs of three, as CJK read as Latin is); Latin
    first when it passes that test, then the best share. Advice for the error message only: nothing is decoded on a guess."""
    scored = []
    non_ascii = sum(b > 127 for b in data)
    for codec, ranges in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text.count("{") != text.count("}"):
            continue  # a two-byte code swallowed a brace: a wrong guess
        wide = [ch for ch in text if ord(ch) > 127]
        inside = sum(any(lo <= ord(ch) <= hi for lo, hi in ranges) for ch in wide)
        if codec in ("latin-1", "cp1252") and sum(map(len, _RUNS.findall(text))) * 2 > len(wide):
            continue  # Latin text has accents among ASCII letters, not runs of 3+ symbols
        if wide and non_ascii and inside >= 0.95 * len(wide):
            latin = codec in ("latin-1", "cp1252")  # passed the runs test: the likelier one
            scored.append((not latin, -inside / len(wide), len(scored), codec))
    return tuple(item[-1] for item in sorted(scored))


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
                    raise InputEncodingError(err.start, data[err.start],
                                             legacy_fits(data)) from None
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
