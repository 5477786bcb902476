"""How an example fails: the exception and the helpers that word its message.

A failure names where to look first: ``check.check_block`` puts the case
file and line of the entry in front of the message (of the request, assert or
command that failed, when the runner says which in ``at``), so the file to
open is in the first line pytest prints.
"""

from __future__ import annotations

from typing import Any


class ExampleFailure(AssertionError):
    """An example did not do what its case entry promises (or the entry is wrong).

    ``at`` names the part of the entry that failed, as keys and list indexes
    below it: ``("requests", 0)`` for its first request.
    """

    def __init__(self, message: str, *, at: tuple[int | str, ...] = ()):
        super().__init__(message)
        self.at = at

    def locate(self, where: str) -> None:
        """Put ``where`` (``path:line`` of the case) in front of the message,
        keeping the traceback that pytest shows."""
        self.args = (f"{where}: {self.args[0]}", *self.args[1:])


def excerpt(text: Any, limit: int = 600) -> str:
    text = text if isinstance(text, str) else repr(text)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} characters)"


def check_contains(output: str, contains: list[str], what: str, at: tuple[int | str, ...]) -> None:
    missing = [part for part in contains if part not in output]
    if missing:
        raise ExampleFailure(f"{what}: expected to contain {missing!r}\n  got: {excerpt(output, 1500)}", at=at)
