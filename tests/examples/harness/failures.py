"""How an example fails: the exception and the helpers that word its message."""

from __future__ import annotations

from typing import Any


class ExampleFailure(AssertionError):
    """An example did not do what its case entry promises (or the entry is wrong)."""


def excerpt(text: Any, limit: int = 600) -> str:
    text = text if isinstance(text, str) else repr(text)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} characters)"


def check_contains(output: str, contains: list[str], what: str) -> None:
    missing = [part for part in contains if part not in output]
    if missing:
        raise ExampleFailure(f"{what}: expected to contain {missing!r}\n  got: {excerpt(output, 1500)}")
