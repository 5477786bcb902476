"""Shared test set-up (pyproject.toml puts scripts/ on the import path, so ``guide`` imports).

The one browser fixture lives here: every browser suite (tests/browser,
practice, downloads, hostile) runs in a pytest process of its own
(scripts/run_tests.py), so "session" is that suite. Chromium is
/usr/bin/chromium unless CHROMIUM_PATH names another; without it the tests
are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_build import chromium

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """The browser's path; a test that needs it is skipped (under CI, failed) when there is none."""
    if not chromium.available():
        reason = f"no Chromium at {chromium.executable()} (set CHROMIUM_PATH): the browser tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return Path(chromium.executable())


@pytest.fixture(scope="session")
def browser(chromium_path):
    """A headless Chromium for the suite, with the project's flags (site_build.chromium)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = chromium.launch(playwright)
        yield launched
        launched.close()
