"""YAML front matter: the one reader of the ``---`` block that opens a page.

Generated pages, hand-written pages, editorial files and sources may all open
with one; the normaliser, the print page, the examples harness and the tests
ask this module where it ends. It opens with a line ``---`` and closes with
``---`` or ``...`` (as YAML documents do).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

CLOSERS = ("---", "...")


def closing(lines: Sequence[str], start: int = 0, limit: int | None = None) -> int | None:
    """The index of the line closing the front matter opened at ``lines[start]``, or None.

    None also when ``lines[start]`` opens none, or when no closer comes within
    ``limit`` lines (a source's heuristics look only so far).
    """
    if start >= len(lines) or lines[start].strip() != "---":
        return None
    stop = len(lines) if limit is None else min(len(lines), start + limit)
    return next((k for k in range(start + 1, stop) if lines[k].strip() in CLOSERS), None)


@dataclass(frozen=True)
class Split:
    yaml: str | None  # the YAML between the lines; None when the text opens with no front matter
    body: str  # everything after the closing line
    body_line: int  # the line number (from 1) of the body's first line


class Unclosed(ValueError):
    """The text opens front matter that no ``---`` line closes."""


def split(text: str) -> Split:
    """The front matter and the body of a page; raises Unclosed when no line closes it."""
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        return Split(None, text, 1)
    lines = text.split("\n")
    end = closing(lines)
    if end is None:
        raise Unclosed("front matter is not closed by a '---' line")
    return Split("\n".join(lines[1:end]), "\n".join(lines[end + 1 :]), end + 2)


def without(text: str) -> str:
    """The page without its front matter (as it is when it has none, or leaves it unclosed)."""
    try:
        return split(text).body
    except Unclosed:
        return text
