"""Fenced code blocks: the one scanner of the project's Markdown and of sources.

A fence opens with three or more backticks or tildes (indented or not, with
an info string after it; a backtick fence's info has no backtick) and closes
with a line of only the same character, at least as many of them. Sources,
the site's pages, the editorial answers, the print page and the tests all ask
this module where fences are, so that they never disagree about what is code.

The scan takes linear time however the fences are written: the closing line
of an opening fence is looked up in an index of every line that could close
one, never searched for line by line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

OPEN = re.compile(r"^(?P<indent>\s*)(?P<mark>`{3,}|~{3,})(?P<info>.*)$")
_CLOSE = re.compile(r"^\s*(`{3,}|~{3,})\s*$")


@dataclass(frozen=True)
class Fence:
    start: int  # index of the opening line
    end: int  # index of the closing line
    indent: str
    mark: str  # the opening run: "```", "~~~~"...
    info: str  # what follows the mark, stripped

    @property
    def language(self) -> str:
        return language(self.info)

    def body(self, lines: Sequence[str]) -> list[str]:
        return list(lines[self.start + 1 : self.end])


def language(info: str) -> str:
    """An info string's language, lower case: "python" of "python title='app.py'" or of "{.python}"; "" for none."""
    info = info.strip()
    if info.startswith("{"):
        return next((word[1:].lower() for word in info.strip("{}").split() if word.startswith(".")), "")
    return re.match(r"[\w+#.-]*", info).group(0).lower()  # type: ignore[union-attr]


def closes(line: str, mark: str) -> bool:
    """Whether ``line`` closes a fence opened with ``mark``: only the same character, at least as many."""
    match = _CLOSE.match(line)
    return match is not None and match.group(1)[0] == mark[0] and len(match.group(1)) >= len(mark)


def opening(line: str) -> re.Match[str] | None:
    """The opening fence this line is, if any (groups: indent, mark, info)."""
    match = OPEN.match(line)
    if match is None or (match.group("mark")[0] == "`" and "`" in match.group("info")):
        return None
    return match


class _Closers:
    """Every line that could close a fence, by character and length, for lookups in order."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.at: dict[tuple[str, int], list[int]] = {}
        for index, line in enumerate(lines):
            match = _CLOSE.match(line)
            if match:
                run = match.group(1)
                self.at.setdefault((run[0], len(run)), []).append(index)

    def after(self, index: int, mark: str) -> int | None:
        """The first line after ``index`` that closes a fence opened with ``mark``."""
        found = None
        for (char, length), indices in self.at.items():
            if char != mark[0] or length < len(mark):
                continue
            k = bisect.bisect_right(indices, index)
            if k < len(indices) and (found is None or indices[k] < found):
                found = indices[k]
        return found


def scan(lines: Sequence[str]) -> list[Fence]:
    """The closed fences of ``lines``, in order.

    An opening fence that is never closed is not a fence: the line reads as
    text, and scanning goes on after it (a truncated page must not turn every
    question after it into code).
    """
    closers = _Closers(lines)
    found: list[Fence] = []
    i = 0
    while i < len(lines):
        match = opening(lines[i])
        if match is not None:
            end = closers.after(i, match.group("mark"))
            if end is not None:
                found.append(Fence(i, end, match.group("indent"), match.group("mark"), match.group("info").strip()))
                i = end + 1
                continue
        i += 1
    return found


def fenced_lines(lines: Sequence[str]) -> list[bool]:
    """True for every line of a closed fence, its fence lines included."""
    flags = [False] * len(lines)
    for fence in scan(lines):
        flags[fence.start : fence.end + 1] = [True] * (fence.end + 1 - fence.start)
    return flags


def outside(markdown: str) -> str:
    """The text with every fenced block's lines left empty (line numbers keep)."""
    lines = markdown.split("\n")
    return "\n".join("" if fenced else line for line, fenced in zip(lines, fenced_lines(lines), strict=True))


def code_blocks(markdown: str) -> list[tuple[str, str]]:
    """(language, code) of every fenced block, the code without the fence's indentation."""
    lines = markdown.split("\n")
    out = []
    for fence in scan(lines):
        width = len(fence.indent)
        body = [line[width:] if not line[:width].strip() else line.lstrip() for line in fence.body(lines)]
        out.append((fence.language, "\n".join(body)))
    return out
