"""One error type for everything a user can get wrong in the inputs.

The command line turns it into ``path:line: message`` and exit status 2, so a
bad source or a bad editorial entry never ends in a traceback.
"""

from __future__ import annotations


class GuideError(Exception):
    """A problem in an input file, located by path and 1-based line."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message
