"""What a block amounts to: the outcome labels the test records and count_examples reports.

``classify`` is the one place that decides whether a block counts as executed
with assertions, only parsed, or only shown, so the figures that
``count_examples.py`` prints are the ones the test run records.
"""

from __future__ import annotations

from typing import Any

from .entries import entry_kinds
from .pages import Block

# What a block amounts to, for reporting (recorded as a user property of its test).
OUTCOME_PROPERTY = "example_outcome"
OUTCOME_LABELS = {
    "run-checked": "Python executed with requests or asserts",
    "run": "Python executed, nothing asserted",
    "pytest": "Python run as a pytest file",
    "shell": "flask command checked",
    "render": "template rendered",
    "parse_only": "Python parsed only",
    "not_run": "shown, not run (with a reason)",
    "parse_checked": "template parsed by Jinja",
    "shown_only": "shown only (no entry)",
    "missing": "Python block without an entry",
}


def classify(block: Block, entry: Any) -> str:
    """The block's outcome label (a key of OUTCOME_LABELS); assumes a valid entry."""
    if entry is None:
        if block.kind == "python":
            return "missing"
        return "parse_checked" if block.kind == "template" else "shown_only"
    kinds = entry_kinds(entry)
    if "run" in kinds:
        return "run-checked" if entry.get("requests") or entry.get("asserts") else "run"
    return kinds[0] if kinds else "missing"
