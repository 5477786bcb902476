"""Named steps of the switch-over where a test can pause or fail the run.

``NORMALISE_TEST_HOOK=staged:pause`` makes the run stop at that step (it
prints ``normalise: paused at staged`` on stderr and sleeps), so that a test
can SIGKILL it exactly there instead of hoping random timing hits the step;
``step:fail`` raises an I/O error there. Several are separated by commas.
Without the variable every point is a no-op.
"""

from __future__ import annotations

import errno
import os
import sys
import time

VARIABLE = "NORMALISE_TEST_HOOK"


def point(step: str) -> None:
    for item in os.environ.get(VARIABLE, "").split(","):
        name, _, action = item.strip().partition(":")
        if name != step:
            continue
        if action == "fail":
            raise OSError(errno.EIO, f"fault injected at {step}")
        if action == "pause":
            print(f"normalise: paused at {step}", file=sys.stderr, flush=True)
            time.sleep(3600)
