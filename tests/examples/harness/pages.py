"""The guide's pages as the examples test sees them: questions and their fenced blocks.

A block is numbered from 1 within its answer, whatever its language, so that
``cases/<question-id>.yml`` can name it by that number and the test of block n
is ``<question-id>-<n>``. The blocks are read from the generated pages in
``docs/``, after the normaliser has repaired and formatted them, so what is
tested is exactly what a reader sees.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
from pathlib import Path, PurePosixPath
from typing import Any

from guide import fences, frontmatter

REPO_ROOT = Path(__file__).resolve().parents[3]
DOCS_DIR = REPO_ROOT / "docs"

PYTHON_LANGS = frozenset({"python", "py", "python3", "py3"})
TEMPLATE_LANGS = frozenset({"html", "html+jinja", "jinja", "jinja2", "j2", "html+django", "htmldjango", "django"})


@dataclasses.dataclass(frozen=True)
class Block:
    page: str  # e.g. "docs/templates.md"
    line: int  # 1-based line of the opening fence
    question_id: str
    n: int  # 1-based number within the answer
    lang: str  # the info string's first word, lower case ("" when none)
    text: str  # the content, common indentation removed

    @property
    def id(self) -> str:
        return f"{self.question_id}-{self.n}"

    @property
    def kind(self) -> str:
        """ "python", "template" or "other"."""
        if self.lang in PYTHON_LANGS:
            return "python"
        if self.lang in TEMPLATE_LANGS:
            return "template"
        return "other"

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    def page_line(self, lineno: int) -> int:
        """The page line of line ``lineno`` (1-based) of the block's text."""
        return self.line + lineno


@dataclasses.dataclass
class Question:
    id: str
    title: str
    page: str
    line: int
    blocks: list[Block] = dataclasses.field(default_factory=list)

    def block(self, n: Any) -> Block | None:
        if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= len(self.blocks):
            return self.blocks[n - 1]
        return None

    def checked_block(self, n: int) -> Block:
        """Block n of an entry that validation has passed (so it exists)."""
        block = self.block(n)
        if block is None:
            raise LookupError(f"{self.id} has no block {n}; the entry should not have passed validation")
        return block


@dataclasses.dataclass
class Page:
    questions: list[Question]
    problems: list[str]


_HEADING2 = re.compile(r"^ {0,3}##(?:[ \t]+(?P<title>.*?))?[ \t]*$")
_HEADING_ID = re.compile(r"[ \t]*\{[ \t]*#(?P<id>[^\s}]+)[^}]*\}$")


def _indent_width(text: str) -> int:
    width = 0
    for char in text:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _strip_indent(line: str, width: int) -> str:
    """Remove up to ``width`` columns of leading whitespace."""
    col = 0
    i = 0
    while i < len(line) and col < width and line[i] in " \t":
        col += 1 if line[i] == " " else 4 - col % 4
        i += 1
    return line[i:]


def _front_matter_end(lines: list[str], page: str, problems: list[str]) -> int:
    """The index of the first line after the front matter (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    end = frontmatter.closing(lines)
    if end is None:
        problems.append(f"{page}:1: the front matter is never closed")
        return 0
    return end + 1


def _read_fence(lines: list[str], start: int, fence: str, width: int) -> tuple[list[str], bool, int]:
    """The body of the fence opened on line ``start``, whether it was closed,
    and the index of the line after it."""
    body: list[str] = []
    i = start + 1
    while i < len(lines):
        if fences.closes(lines[i], fence):
            return body, True, i + 1
        if width and lines[i].strip() and _indent_width(lines[i]) < width:
            break  # the list item or admonition holding the fence ended
        body.append(_strip_indent(lines[i], width))
        i += 1
    return body, False, i


def _question(title: str, page: str, line: int, seen: dict[str, int], problems: list[str]) -> Question | None:
    """The question a ``## Title {#id}`` heading starts (None without an id)."""
    found = _HEADING_ID.search(title)
    if not found:
        return None
    qid = found["id"]
    if qid in seen:
        problems.append(f"{page}:{line}: question id {qid!r} is used twice (first on line {seen[qid]})")
    seen[qid] = line
    return Question(qid, title[: found.start()].strip(), page, line)


def parse_page(text: str, page: str = "page.md") -> Page:
    """Questions and their fenced blocks, in order.

    Fences may be indented (lists, admonitions, tabs): a block's text loses
    the fence's indentation, then any indentation its lines share. A fence is
    closed by a fence of the same character at least as long; anything in
    between (``## `` lines, shorter or other fences) is content. An indented
    fence also ends, unclosed, at a non-blank line indented less than itself.
    """
    lines = text.splitlines()
    problems: list[str] = []
    questions: list[Question] = []
    seen: dict[str, int] = {}
    current: Question | None = None
    i = _front_matter_end(lines, page, problems)
    while i < len(lines):
        line = lines[i]
        opening = fences.opening(line)
        if opening:
            body, closed, after = _read_fence(lines, i, opening["mark"], _indent_width(opening["indent"]))
            if not closed:
                problems.append(f"{page}:{i + 1}: the code fence {opening['mark']} is never closed")
            if current is not None:
                current.blocks.append(
                    Block(
                        page=page,
                        line=i + 1,
                        question_id=current.id,
                        n=len(current.blocks) + 1,
                        lang=fences.language(opening["info"]),
                        text=textwrap.dedent("\n".join(body)) + "\n" if body else "",
                    )
                )
            i = after
            continue
        heading = _HEADING2.match(line)
        if heading:
            # A ## heading without an id is a section that is not a question.
            current = _question(heading["title"] or "", page, i + 1, seen, problems)
            if current is not None:
                questions.append(current)
        i += 1
    return Page(questions, problems)


@dataclasses.dataclass
class Guide:
    questions: dict[str, Question]
    problems: list[str]

    @property
    def blocks(self) -> list[Block]:
        return [block for q in self.questions.values() for block in q.blocks]


def collect(docs_dir: Path = DOCS_DIR) -> Guide:
    """Every question of every page under ``docs_dir`` (pages named relative to its parent)."""
    docs_dir = Path(docs_dir)
    questions: dict[str, Question] = {}
    problems: list[str] = []
    paths = sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []
    for path in paths:
        rel = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        name = (PurePosixPath(docs_dir.name) / rel.as_posix()).as_posix()
        page = parse_page(path.read_text(encoding="utf-8"), name)
        problems.extend(page.problems)
        for question in page.questions:
            if question.id in questions:
                other = questions[question.id]
                if other.page != question.page:
                    problems.append(
                        f"{question.page}:{question.line}: question id {question.id!r} "
                        f"is also used in {other.page}:{other.line}"
                    )
                continue
            questions[question.id] = question
    return Guide(questions, problems)
