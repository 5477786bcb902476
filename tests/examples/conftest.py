"""Shared set-up for the example tests (pyproject.toml puts the harness on the
import path): no network for any test here, and a summary of what the examples
amounted to."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import harness

HERE = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Proxies unset and non-loopback connections refused for every test here."""
    for var in harness.PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    guard = harness.NetworkGuard().install()
    try:
        yield guard
    finally:
        guard.uninstall()
    assert not guard.attempts, f"the test tried to reach the network: {guard.attempts}"


def pytest_terminal_summary(terminalreporter):
    counts: Counter[str] = Counter()
    for report in terminalreporter.stats.get("passed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == harness.OUTCOME_PROPERTY:
                counts[value] += 1
    if not counts:
        return
    terminalreporter.write_sep("-", "guide examples that passed, by what was checked")
    for label, text in harness.OUTCOME_LABELS.items():
        if counts[label]:
            terminalreporter.write_line(f"{counts[label]:5d}  {text}")
