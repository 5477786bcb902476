"""Exchanging two folders in one step, so that a reader sees the old tree or the new one.

Linux has renameat2(RENAME_EXCHANGE) and macOS renamex_np(RENAME_SWAP); both
swap two paths atomically, and neither is in Python's standard library, so
they are called through ctypes. Where neither exists (another system, or a
file system that refuses the flag) :func:`exchange` raises ``OSError`` with
``ENOTSUP`` and the caller falls back to two renames.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import platform
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # linux/fs.h
RENAME_SWAP = 2  # macOS sys/stdio.h
# renameat2's system call number, for C libraries without the wrapper.
SYSCALL = {"x86_64": 316, "aarch64": 276, "arm64": 276}
UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def exchange(first: Path, second: Path) -> None:
    """Swap two existing paths atomically; OSError(ENOTSUP) where that cannot be done."""
    a, b = os.fsencode(first), os.fsencode(second)
    libc = _libc()
    if sys.platform.startswith("linux"):
        if hasattr(libc, "renameat2"):
            result = libc.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)
        elif platform.machine() in SYSCALL:
            result = libc.syscall(SYSCALL[platform.machine()], AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)
        else:
            raise OSError(errno.ENOTSUP, "no renameat2 on this machine", str(second))
    elif sys.platform == "darwin":
        result = libc.renamex_np(a, b, RENAME_SWAP)
    else:
        raise OSError(errno.ENOTSUP, "no atomic exchange on this system", str(second))
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(second))
