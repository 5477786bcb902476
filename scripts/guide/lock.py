"""One normaliser run at a time per output folder's parent: a lock held while it writes.

The lock is ``flock`` on the parent folder itself, so it leaves no file
behind and dies with the process, even one killed with SIGKILL. Writers take
it exclusively; ``--check`` takes it shared, so it never reads a tree half
way through a switch. A second run waits up to ``NORMALISE_LOCK_TIMEOUT``
seconds (60 by default) and is then refused.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import GuideError


@contextmanager
def held(folder: Path, display: str, *, exclusive: bool) -> Iterator[None]:
    timeout = float(os.environ.get("NORMALISE_LOCK_TIMEOUT", "60"))
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise GuideError(
                        display, 1, f"another normaliser run is writing here; gave up waiting after {timeout:g} s"
                    ) from None
                if not told:
                    print(f"normalise: waiting for another run writing {display}", file=sys.stderr, flush=True)
                    told = True
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)
