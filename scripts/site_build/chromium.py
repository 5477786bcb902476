"""Where Chromium is and how it is started, for the PDF and the browser tests.

Playwright drives the system's Chromium (or Google Chrome on a CI runner)
rather than a browser of its own: ``CHROMIUM_PATH`` names the executable,
``/usr/bin/chromium`` when it is not set.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_PATH = "/usr/bin/chromium"

# Headless and quiet: no background requests to Google's services, so that a
# test recording requests sees only the page's own.
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def executable() -> str:
    return os.environ.get("CHROMIUM_PATH") or DEFAULT_PATH


def available() -> bool:
    path = Path(executable())
    return path.is_file() and os.access(path, os.X_OK)


def launch(playwright):
    """A headless browser from a started ``sync_playwright()``."""
    return playwright.chromium.launch(executable_path=executable(), headless=True, args=ARGS)
