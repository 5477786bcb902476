"""What the normaliser saw in each source: ``normalise.py --explain``.

For every guide of every source file: the layout chosen, the runner-up and
why it lost, how many questions and answers were found, which questions have
no answer, and how many lines were dropped as chrome (``-v`` lists them).
Only reading happens here, so a maintainer can try a new source before any
page is built or any editorial decision is taken.
"""

from __future__ import annotations

from pathlib import Path

from . import readers
from .errors import GuideError
from .read import NOTHING_FOUND, Guide, read_guides


def explain(files: list[tuple[Path, str]], verbose: bool = False) -> tuple[list[str], list[GuideError]]:
    """The explanation as lines, and the problems that would refuse a file."""
    out: list[str] = []
    problems: list[GuideError] = []
    for path, display in files:
        out.append(display)
        try:
            guides = read_guides(path, display, everything=True)
        except GuideError as error:
            out.append(f"  refused: {error.message}")
            problems.append(error)
            continue
        for guide in guides:
            out += explain_guide(guide, verbose)
        if not any(guide.questions for guide in guides):
            problems.append(GuideError(display, 1, NOTHING_FOUND))
    return out, problems


def explain_guide(guide: Guide, verbose: bool) -> list[str]:
    part = guide.part
    last = part.first_line + len(part.lines) - 1
    head = f"  guide {part.number} (lines {part.first_line}-{last})"
    chrome = guide.chrome()
    dropped = f"{len(chrome)} line{'s' if len(chrome) != 1 else ''} dropped as chrome"
    winner = guide.chosen
    if winner is None:
        content = sum(1 for i in range(len(guide.page)) if guide.page.is_content(i))
        lines = [f"{head}: no reader found a question in its {content} lines of content; {dropped}"]
        return lines + (_listed("chrome", chrome) if verbose else [])
    lines = [
        f"{head}: {winner.description} [{winner.reader}]",
        f"    {_plural(len(winner.pairs), 'question')}, {winner.answered} answered, {winner.unanswered} without an answer;"
        f" {dropped}; {winner.leftover} left over (introduction, section titles)",
    ]
    if len(guide.readings) > 1:
        second = guide.readings[1]
        lines.append(
            f"    runner-up: {second.description} [{second.reader}], lost on {readers.why_it_lost(winner, second)}"
        )
    else:
        lines.append("    runner-up: none; no other reader found a question")
    if verbose:
        unanswered = [(part.first_line + p.line, p.text) for p in winner.pairs if not p.answered]
        lines += _listed("no answer", unanswered) + _listed("chrome", chrome)
    return lines


def _listed(what: str, items: list[tuple[int, str]]) -> list[str]:
    return [f"      {what} {line}: {text}" for line, text in items]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"
