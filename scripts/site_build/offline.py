"""The offline build's own files: the iframe-worker shim and its licence.

See vendor/iframe-worker/README.md for why the shim exists and why it is kept
here rather than installed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "vendor" / "iframe-worker"
VERSION = "1.0.4"

# Where the shim goes in the staged docs/ (and so in the offline site). The
# offline plugin looks for "iframe-worker" in the polyfills' addresses.
SHIM = "assets/vendor/iframe-worker/shim.js"
BANNER = f"/*! iframe-worker {VERSION} shim | (c) Martin Donath | MIT licence: see LICENSE beside this file */\n"


def stage_shim(stage_docs: Path) -> str:
    """Copy the shim (with a licence banner) and its LICENSE into ``stage_docs``.

    Returns the shim's path for ``extra.polyfills``.
    """
    target = stage_docs / SHIM
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(BANNER.encode() + (VENDOR / "shim.js").read_bytes())
    shutil.copyfile(VENDOR / "LICENSE", target.parent / "LICENSE")
    return SHIM
