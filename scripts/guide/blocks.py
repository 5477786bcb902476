"""From an answer's raw lines to blocks: paragraphs, lists, tables and code.

The lines are first classified one by one (blank, bullet, numbered item, code
in some language, text), hard-wrapped text is joined back, and then runs of
lines are assembled into blocks. Nothing here knows a source by name: the
guide's measured layout (double-spaced or not, wrap column) is all it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import clean, code
from .errors import GuideError
from .model import Block, Code, ListBlock, Paragraph, RawQuestion, Table

BULLET = re.compile(r"^\s*[\u2022\u25cf\u25aa\u25e6\u00b7\u2219\u2023\u2043*\-]\s+(\S.*)$")
BULLET_TIGHT = re.compile(r"^\s*[\u2022\u25cf\u25aa\u25e6\u2219\u2023\u2043]\s*(\S.*)$")
ORDERED = re.compile(r"^(\s*)(\d{1,3})[.)]\s+(\S.*)$")
#: Lists nest at most this deep; deeper is refused (each level is a recursion of assembly and rendering).
MAX_DEPTH = 12
ANSWER_PREFIX = re.compile(r"^\s*(?:Answer|Ans)\s*[:.)\-]\s*", re.I)


@dataclass
class Line:
    kind: str  # blank, bullet, ordered, code, text
    text: str
    raw: str = ""
    indent: int = 0
    language: str = ""
    number: int = 0
    line: int = 0  # 1-based line in the source


@dataclass
class Problems:
    """Warnings found while building blocks: (line, message)."""

    items: list[tuple[int, str]] = field(default_factory=list)


def classify(raw: str, number: int) -> Line:
    text = raw.replace("\u00a0", " ")
    if not text.strip():
        return Line("blank", "", raw, line=number)
    indent = len(text) - len(text.lstrip())
    bullet = BULLET.match(text) or BULLET_TIGHT.match(text)
    if bullet and not text.lstrip().startswith(("*args", "**", "-w ", "--")):
        return Line("bullet", bullet.group(1).strip(), raw, indent, line=number)
    ordered = ORDERED.match(text)
    if ordered:
        return Line("ordered", ordered.group(3).strip(), raw, indent, number=int(ordered.group(2)), line=number)
    language = code.line_language(text)
    if language:
        return Line("code", text.rstrip(), raw, indent, language, line=number)
    return Line("text", text.strip(), raw, indent, line=number)


def tokenize(raw: RawQuestion) -> list[Line]:
    """Classify the answer's lines, dropping chrome and double-spacing."""
    lines: list[Line] = []
    for offset, text in enumerate(raw.answer_lines):
        number = raw.answer_line + offset
        fixed = clean.fix_characters(text)
        if clean.is_chrome(fixed.replace("\u00a0", " ")):
            continue
        if raw.double_spaced and fixed == "":
            continue  # the blank every line was printed with; a blank of spaces stays a blank
        lines.append(classify(fixed, number))
    return join_wrapped(lines, raw.wrap)


def join_wrapped(lines: list[Line], wrap: int) -> list[Line]:
    """Join hard-wrapped text back into one logical line.

    A line that ran into the wrap column, or nearly so without ending a
    sentence, continues on the next text line: "Moreover" + ", raw SQL".
    """
    if not wrap:
        return lines
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and line.kind == "text"
            and previous.kind in ("text", "bullet", "ordered")
            and _ran_to_margin(previous.raw, wrap)
            and not (TERM_START.match(line.text) and TERM_START.match(previous.text))
        ):
            glue = "" if line.text[:1] in ",.;:!?)" else " "
            previous.text = previous.text + glue + line.text
            previous.raw = line.raw  # the continuation decides whether it wraps again
            continue
        out.append(line)
    return out


TERM_START = re.compile(r"^[@<]?[A-Za-z_][\w.]*(\(\))?>?\s*[:\-\u2013]\s*\S")


def _ran_to_margin(raw: str, wrap: int) -> bool:
    length = len(raw.rstrip())
    if length >= wrap - 12:
        return True
    return length >= 0.75 * wrap and not raw.rstrip().endswith((".", "!", "?", ":"))


# --- assembly --------------------------------------------------------------------


def _next_filled(lines: list[Line], start: int) -> int:
    while start < len(lines) and lines[start].kind == "blank":
        start += 1
    return start


def _family(language: str) -> str:
    return "python" if language.startswith("python") else language


def _code_run(lines: list[Line], start: int) -> int:
    """Index just past the code block that starts at ``start``."""
    family = _family(lines[start].language)
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line.kind == "code" and _family(line.language) == family:
            i += 1
        elif line.kind == "code" and family == "python" and line.language == "html" and line.indent > 0:
            i += 1  # markup inside an indented Python string
        elif (
            family in ("python", "nginx", "html")
            and line.kind == "text"
            and (line.indent > 0 or code.is_closer(line.text))
        ):
            i += 1  # an indented continuation, or a lone closing bracket
        elif line.kind == "blank":
            after = _next_filled(lines, i)
            if after < len(lines) and (
                (lines[after].kind == "code" and _family(lines[after].language) == family)
                or (family == "python" and lines[after].kind == "text" and lines[after].indent > 0)
            ):
                i = after
            else:
                break
        else:
            break
    return i


def _code_block(lines: list[Line], problems: Problems) -> Block:
    family = _family(lines[0].language)
    body = "\n".join(line.raw.replace("\u00a0", " ").rstrip() if line.kind != "blank" else "" for line in lines)
    body = clean.fix_characters(body)
    if family == "python":
        if all(line.language == "python-comment" or line.kind == "blank" for line in lines):
            return Paragraph(" ".join(line.text.lstrip("# ") for line in lines if line.kind != "blank"))
        repaired = code.repair_python(body)
        if not repaired.parses:
            problems.items.append((lines[0].line, "Python code that does not parse after repair; shown as text"))
            return Code("text", repaired.code)
        return Code("python", repaired.code)
    if family == "bash":
        return Code("bash", code.repair_shell(body))
    if family == "html":
        markup = code.repair_markup(body)
        return Code(code.markup_language(markup), markup)
    return Code(family, code.repair_markup(body))


class TooDeep(Exception):
    """Lists nested deeper than MAX_DEPTH, at this source line."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def assemble(lines: list[Line], context: str, problems: Problems, depth: int = 0) -> list[Block]:
    if depth > MAX_DEPTH:
        raise TooDeep(lines[0].line if lines else 0)
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind == "blank":
            i += 1
        elif line.kind == "code":
            end = _code_run(lines, i)
            blocks.append(_code_block(lines[i:end], problems))
            i = end
        elif line.kind == "bullet":
            items = []
            while i < len(lines) and lines[i].kind == "bullet":
                items.append((Paragraph(lines[i].text),))
                nxt = _next_filled(lines, i + 1)
                i = nxt if nxt < len(lines) and lines[nxt].kind == "bullet" else i + 1
            blocks.append(ListBlock(False, tuple(items)))
        elif line.kind == "ordered":
            block, i = _ordered(lines, i, context, problems, depth)
            blocks.append(block)
        else:
            end = i
            while end < len(lines) and lines[end].kind == "text":
                end += 1
            run = [line.text for line in lines[i:end]]
            blocks.extend(_text_run(run, blocks, context))
            i = end
    return blocks


def _ordered(lines: list[Line], start: int, context: str, problems: Problems, depth: int) -> tuple[Block, int]:
    """A numbered list; content between two items belongs to the first.

    When items carry content of their own (a "sectioned" list: a step, then
    its explanation and code), what follows the last item is its content too.
    """
    indent = lines[start].indent
    marks = [k for k in range(start, len(lines)) if lines[k].kind == "ordered" and lines[k].indent == indent]
    items: list[tuple[Block, ...]] = []
    k = start
    sectioned = False
    position = 0
    while True:
        head = lines[k]
        following = marks[position + 1] if position + 1 < len(marks) else None
        if following is not None:
            between = lines[k + 1 : following]
            if any(line.kind != "blank" for line in between):
                sectioned = True
            end = following
        else:
            end = len(lines) if sectioned else k + 1
        inner = assemble(lines[k + 1 : end], context, problems, depth + 1) if end > k + 1 else []
        items.append((Paragraph(head.text), *inner))
        if following is None:
            return ListBlock(True, tuple(items)), end
        k = following
        position += 1


def _text_run(run: list[str], blocks: list[Block], context: str) -> list[Block]:
    """Paragraphs, tables printed one cell per line, or a list after an introducing colon."""
    out: list[Block] = []
    i = 0
    while i < len(run):
        end = i
        while end < len(run) and _cell_like(run[end]):
            end += 1
        found = build_table(run[i:end], context) if end - i >= 6 else None
        if found is not None:
            caption, table = found
            out += [Paragraph(caption), table] if caption else [table]
            i = end
            continue
        end = max(end, i + 1)
        out.extend(Paragraph(text) for text in run[i:end])
        i = end
    previous = blocks[-1] if blocks else None
    introduced = isinstance(previous, Paragraph) and previous.text.rstrip().endswith(":")
    if introduced and len(out) >= 2 and all(isinstance(b, Paragraph) for b in out):
        return [ListBlock(False, tuple((b,) for b in out))]
    return out


# --- tables flattened one cell per line --------------------------------------------


def _cell_like(text: str) -> bool:
    return (
        len(text) <= 60 and len(text.split()) <= 8 and ":" not in text and not text.rstrip().endswith((".", "?", "!"))
    )


def _label_like(text: str) -> bool:
    return len(text.split()) <= 4 and "(" not in text and "," not in text


# Words that open the header row of a comparison or reference table.
HEADER_WORDS = {
    "feature",
    "aspect",
    "criteria",
    "criterion",
    "parameter",
    "property",
    "extension",
    "name",
    "method",
    "command",
    "option",
    "category",
    "component",
    "tool",
    "library",
    "package",
    "framework",
    "attribute",
    "function",
    "term",
    "concept",
    "factor",
    "point",
    "basis",
}
COMMON_WORDS = {"flask", "python", "what", "is", "the", "a", "an", "and", "of", "in", "how", "does", "do", "you", "to"}


def build_table(cells: list[str], context: str) -> tuple[str, Table] | None:
    """Rebuild a table that was printed one cell per line.

    A caption line may come first: when the second cell is a typical header
    word ("Feature", "Extension") the first one is the caption. The column
    count must make the header row and the first column read as labels; of
    those that do, the one whose header names the question's own subjects
    ("Flask", "Django") wins, then the fewest columns.
    """
    words = set(re.findall(r"[a-z0-9]+", context.lower())) - COMMON_WORDS
    captions = (1,) if len(cells) > 1 and _header_word(cells[1]) and not _header_word(cells[0]) else (0, 1)
    candidates: list[tuple[tuple[int, int, int], tuple[str, Table]]] = []
    for caption in captions:
        body = cells[caption:]
        for columns in range(2, 7):
            if len(body) % columns or len(body) // columns < 3:
                continue
            rows = [body[r : r + columns] for r in range(0, len(body), columns)]
            if not all(_label_like(row[0]) for row in rows) or not all(_label_like(c) for c in rows[0]):
                continue
            hits = sum(1 for c in rows[0][1:] if set(re.findall(r"[a-z0-9]+", c.lower())) & words)
            table = Table(tuple(rows[0]), tuple(tuple(r) for r in rows[1:]))
            candidates.append(((hits, -columns, -caption), (cells[0] if caption else "", table)))
    return max(candidates, key=lambda c: c[0])[1] if candidates else None


def _header_word(text: str) -> bool:
    word = text.strip().lower()
    return word in HEADER_WORDS or word.rstrip("s") in HEADER_WORDS


def python_code(blocks: list[Block]) -> list[str]:
    """The Python snippets in blocks, nested lists included."""
    found = []
    for block in blocks:
        if isinstance(block, Code) and block.language == "python":
            found.append(block.text)
        elif isinstance(block, ListBlock):
            for item in block.items:
                found += python_code(list(item))
    return found


def reformat(blocks: list[Block], formatted: dict[str, str]) -> list[Block]:
    """The same blocks with each Python snippet replaced by its formatted text."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Code) and block.language == "python":
            block = Code("python", formatted.get(block.text, block.text))
        elif isinstance(block, ListBlock):
            block = ListBlock(block.ordered, tuple(tuple(reformat(list(item), formatted)) for item in block.items))
        out.append(block)
    return out


def answer_blocks(raw: RawQuestion, problems: Problems) -> list[Block]:
    """The cleaned blocks of one raw answer."""
    lines = tokenize(raw)
    for line in lines:
        if line.kind != "blank":
            if line.kind == "text":
                line.text = ANSWER_PREFIX.sub("", line.text, count=1)
            break
    try:
        blocks = assemble(lines, raw.text, problems)
    except TooDeep as deep:
        raise GuideError(
            raw.place.path, deep.line or raw.answer_line, f"lists nested deeper than {MAX_DEPTH} levels"
        ) from None
    return tidy(blocks)


def tidy(blocks: list[Block]) -> list[Block]:
    """Drop outros, pointers to lost pictures and what is left empty."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            if clean.is_outro(block.text):
                continue
            text = clean.drop_lost_images(block.text)
            if not text:
                continue
            block = Paragraph(text)
        elif isinstance(block, ListBlock):
            items = tuple(tuple(tidy(list(item))) for item in block.items)
            items = tuple(item for item in items if item)
            if not items:
                continue
            block = ListBlock(block.ordered, items)
        out.append(block)
    return out
