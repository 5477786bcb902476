"""Reading one input file as text: the checks every source and editorial file needs.

Inputs are refused, at the line of the fault, rather than guessed at: a path
that is not a regular file (a folder, or a FIFO that would block the run), a
file over the size limit, bytes that are not UTF-8. A UTF-8 BOM is dropped and
CRLF or CR line ends become LF; line numbers count all three kinds of line end,
so a CR-only file is located as correctly as any other.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .errors import GuideError

#: The largest source file read (the real ones are tens of kilobytes).
SOURCE_LIMIT = 16 * 1024 * 1024
#: The largest editorial file read: a topic list, site settings or one answer.
EDITORIAL_LIMIT = 1024 * 1024

_LINE_END = re.compile(rb"\r\n|\r|\n")


def line_at(data: bytes, offset: int) -> int:
    """1-based line of a byte offset, counting CRLF, CR and LF line ends."""
    return len(_LINE_END.findall(data, 0, offset)) + 1


def read_bytes(path: Path, display: str, limit: int) -> bytes:
    """A regular file's bytes, never more than ``limit``; OSError becomes a located error."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise GuideError(display, 1, f"cannot read: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise GuideError(display, 1, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise GuideError(display, 1, "not a regular file (a device, socket or FIFO)")
        if info.st_size > limit:
            raise GuideError(display, 1, f"file too large ({info.st_size:,} bytes; the limit is {limit:,})")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise GuideError(display, 1, f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise GuideError(display, 1, f"file too large (over {limit:,} bytes)")
    return data


def decode(data: bytes, display: str) -> str:
    """UTF-8 bytes to text with LF line ends; anything else is refused at its line."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GuideError(
            display,
            line_at(data, exc.start),
            f"not UTF-8 (byte 0x{data[exc.start]:02x}); convert the file to UTF-8 first",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, display: str, limit: int = EDITORIAL_LIMIT) -> str:
    """A UTF-8 text file as text with LF line ends."""
    data = read_bytes(path, display, limit)
    if b"\x00" in data:
        raise GuideError(display, line_at(data, data.index(b"\x00")), "binary data (NUL byte): not a text file")
    return decode(data, display)
