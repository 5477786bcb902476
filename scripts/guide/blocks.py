"""From an answer's raw lines to blocks: paragraphs, lists, tables and code.

The lines are first classified one by one (blank, bullet, numbered item, code
in some language, text), hard-wrapped text is joined back, and then runs of
lines are assembled into blocks. Nothing here knows a source by name: the
guide's measured layout (double-spaced or not, wrap column) is all it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import clean, code, fences
from .errors import GuideError
from .model import Block, Code, ListBlock, Paragraph, RawQuestion, Table
from .readers.base import strip_answer_label

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
        return Line("ordered", ordered.group(3).strip(), raw, indent, line=number)
    language = code.line_language(text)
    if language:
        return Line("code", text.rstrip(), raw, indent, language, line=number)
    return Line("text", text.strip(), raw, indent, line=number)


def tokenize(raw: RawQuestion) -> list[Line]:
    """Classify the answer's lines, dropping chrome and double-spacing.

    A fenced code block becomes one line of kind "fenced" holding its body. An
    opening fence that is never closed is dropped, and what follows it is
    classified line by line like any code the source did not fence.
    """
    lines: list[Line] = []
    answer = raw.answer_lines
    fenced = {fence.start: fence for fence in fences.scan([line.replace("\u00a0", " ") for line in answer])}
    offset = 0
    while offset < len(answer):
        number = raw.answer_line + offset
        fixed = clean.fix_characters(answer[offset])
        fence = fenced.get(offset)
        offset += 1
        if fence is not None:
            body = fence.body(answer)
            if raw.double_spaced:
                body = [line for line in body if line != ""]
            lines.append(Line("fenced", "\n".join(body), fixed, len(fence.indent), fence.language, line=number))
            offset = fence.end + 1
            continue
        if fences.opening(fixed.replace("\u00a0", " ")):
            continue  # an opening fence never closed: dropped, and what follows read line by line
        if clean.is_chrome(fixed.replace("\u00a0", " ")):
            continue
        if raw.double_spaced and fixed == "":
            continue  # the blank every line was printed with; a blank of spaces stays a blank
        line = classify(fixed, number)
        lines.append(markdown_line(line) if raw.markdown else line)
    lines = drop_language_labels(join_split_code(lines))
    return join_run_on(lines) if raw.markdown else join_wrapped(lines, raw.wrap)


PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
MD_QUOTE = re.compile(r"^\s*>\s?")
MD_PLUS = re.compile(r"^(\s*)\+\s+(\S.*)$")


def markdown_line(line: Line) -> Line:
    """A line of a Markdown source, its markup undone: headings, quotes, tables, bold, links.

    A heading inside an answer ("#### Example") is a paragraph of its own
    (kind "heading", so that no line runs on into it); a table row keeps its
    pipes for ``_pipe_table``.
    """
    if line.kind == "code" and not MD_HEADING.match(line.raw) and not MD_QUOTE.match(line.raw):
        return line
    if line.kind == "text" and (PIPE_ROW.match(line.text) or PIPE_RULE.match(line.text)) and "|" in line.text:
        return Line("row", line.text, line.raw, line.indent, line=line.line)
    heading = MD_HEADING.match(line.raw)
    if heading:
        return Line("heading", clean.plain_inline(heading.group(1)), line.raw, 0, line=line.line)
    if MD_QUOTE.match(line.raw):
        quoted = classify(MD_QUOTE.sub("", line.raw, count=1), line.line)  # raw without its ">", so this ends
        return markdown_line(quoted) if quoted.kind != "code" else quoted
    plus = MD_PLUS.match(line.raw)
    if plus and line.kind == "text":
        line = Line("bullet", plus.group(2).strip(), line.raw, len(plus.group(1)), line=line.line)
    if line.kind in ("text", "bullet", "ordered"):
        line.text = clean.plain_inline(line.text).strip()
        if not line.text:
            return Line("blank", "", line.raw, line=line.line)
    return line


def drop_language_labels(lines: list[Line]) -> list[Line]:
    """A language tab's caption ("Python") right above the code it names."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        if line.kind == "text" and LANGUAGE_LABEL.match(line.text):
            after = _next_filled(lines, k + 1)
            if after < len(lines) and lines[after].kind in ("code", "fenced"):
                continue
        out.append(line)
    return out


def join_split_code(lines: list[Line]) -> list[Line]:
    """Inline code that a line break split in two ("`url_for(" / "'index')`") is one line again."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind in ("text", "bullet", "ordered")
            and line.kind in ("text", "code")
            and previous.text.count("`") % 2 == 1
        ):
            previous.text = f"{previous.text} {line.raw.strip()}"
            continue
        out.append(line)
    return out


def join_run_on(lines: list[Line]) -> list[Line]:
    """Markdown paragraphs: the lines of a paragraph, or of a list item, make one line."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and line.kind == "text" and previous.kind in ("text", "bullet", "ordered"):
            previous.text = f"{previous.text} {line.text}"
            continue
        out.append(line)
    return out


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
            and not LABEL_START.match(line.text)
        ):
            glue = "" if line.text[:1] in ",.;:!?)" else " "
            previous.text = previous.text + glue + line.text
            previous.raw = line.raw  # the continuation decides whether it wraps again
            continue
        out.append(line)
    return out


# "Correct answer: B", "Explanation: ...": a label opens a paragraph of its own.
LABEL_START = re.compile(
    r"^(?:(?:correct|expected|sample|example|model|suggested|short)\s+)?"
    r"(?:answer|explanation|note|example|output|solution)\s*:"
    r"|^(?:how\s+to\s+(?:answer|approach)|what\s+(?:the\s+)?interviewers?\b|why\s+(?:interviewers|you\s+might)\b)",
    re.I,
)
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


# Fence info strings the site highlights, by the language the blocks give them.
FENCE_LANGUAGES = {
    **dict.fromkeys(("python", "py", "python3", "py3"), "python"),
    **dict.fromkeys(("bash", "sh", "shell", "console", "zsh", "terminal", "shell-session"), "bash"),
    **dict.fromkeys(("html", "jinja", "jinja2", "html+jinja", "htmldjango", "django", "xml"), "html"),
    "nginx": "nginx",
}
OTHER_LANGUAGES = {"json", "yaml", "yml", "ini", "toml", "sql", "javascript", "js", "css", "dockerfile", "http"}
OTHER_LANGUAGES |= {"text", "txt", "plaintext", "diff", "makefile", "typescript", "ts", "pycon", "apache", "env"}


def fenced_language(declared: str, body: str) -> str:
    """The language family of a fenced block: as declared when known, else as its lines read."""
    known = FENCE_LANGUAGES.get(declared)
    languages = [code.line_language(line) for line in body.split("\n") if line.strip()]
    if known == "python" and languages and all(lang == "bash" for lang in languages):
        return "bash"  # a shell command fenced as Python
    if known:
        return known
    if declared in OTHER_LANGUAGES:
        return {"txt": "text", "plaintext": "text", "yml": "yaml", "js": "javascript"}.get(declared, declared)
    found = [lang for lang in languages if lang]
    if not found:
        return "text"
    for family in ("bash", "html", "nginx"):
        if found.count(family) * 2 > len(found):
            return family
    return "python" if any(lang.startswith("python") for lang in found) else "text"


LANGUAGE_LABEL = re.compile(
    r"^\s*(python3?|py|bash|shell|sh|console|terminal|html|jinja2?|javascript|js|json|yaml|sql|css|text|plain\s*text)\s*$",
    re.I,
)


def fenced_block(line: Line, problems: Problems) -> Block:
    """A block the source fenced itself, repaired like any other code of its language.

    Python whose indentation was lost gets the same repairs as unfenced code;
    what still does not parse is shown as text, with a warning.
    """
    body = clean.fix_characters(line.text.replace("\u00a0", " "))
    rows = [text.rstrip() for text in body.split("\n")]
    while rows and (clean.is_chrome(rows[0]) or LANGUAGE_LABEL.match(rows[0])):
        rows.pop(0)  # a copy button's or a language tab's caption, scraped into the code
    body = "\n".join(rows)
    family = fenced_language(line.language, body)
    if family == "python":
        repaired = code.repair_python(body)
        if not repaired.parses:
            problems.items.append((line.line, "Python code that does not parse after repair; shown as text"))
            return Code("text", repaired.code)
        return Code("python", repaired.code)
    if family == "bash":
        return Code("bash", code.repair_shell(body))
    if family == "html":
        markup = code.repair_markup(body)
        return Code(code.markup_language(markup), markup)
    return Code(family, code.repair_markup(body))


def pipe_table(rows: list[Line]) -> list[Block]:
    """A Markdown table: a header row, a rule of dashes, then the rows."""
    cells = [[cell.strip() for cell in _split_row(row.text)] for row in rows]
    if len(cells) >= 2 and PIPE_RULE.match(rows[1].text):
        width = len(cells[0])
        body = tuple(tuple((row + [""] * width)[:width]) for row in cells[2:] if not PIPE_RULE.match("|".join(row)))
        header = tuple(clean.plain_inline(c) for c in cells[0])
        return [Table(header, tuple(tuple(clean.plain_inline(c) for c in row) for row in body))]
    return [Paragraph(clean.plain_inline(" ".join(c for c in row if c))) for row in cells]


def _split_row(text: str) -> list[str]:
    text = text.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return re.split(r"(?<!\\)\|", text)


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
        elif line.kind == "fenced":
            blocks.append(fenced_block(line, problems))
            i += 1
        elif line.kind == "heading":
            blocks.append(Paragraph(line.text))
            i += 1
        elif line.kind == "row":
            end = i
            while end < len(lines) and lines[end].kind == "row":
                end += 1
            blocks.extend(pipe_table(lines[i:end]))
            i = end
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
    return tidy(coaching_last(split_options(blocks)))


# "How to answer:" and its kin coach the candidate; they are not the answer.
COACHING = re.compile(
    r"^(how\s+to\s+(?:answer|approach|respond)(?:\s+(?:this|it))?(?:\s+question)?"
    r"|what\s+(?:the\s+)?interviewers?\s+(?:is\s+|are\s+)?(?:look(?:ing)?\s+for|wants?\s+to\s+(?:hear|know|see))"
    r"|why\s+(?:interviewers|they)\s+ask(?:\s+this)?|interviewer'?s?\s+(?:intent|expectations?)"
    r"|why\s+you\s+(?:might|may|will)\s+(?:get\s+|be\s+)?asked(?:\s+this)?(?:\s+question)?"
    r"|why\s+(?:this|the)\s+question\s+(?:is|gets)\s+asked)"
    r"\s*(?:[:\-\u2013\u2014]\s*|$)",
    re.I,
)


def coaching_last(blocks: list[Block]) -> list[Block]:
    """A coaching note is kept as a note after the answer, not as its first sentence.

    When the note came first, an answer label that follows it ("Example
    answer:") is dropped too, as it would have been at the top.
    """
    notes: list[Block] = []
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        text = block.text if isinstance(block, Paragraph) else ""
        match = COACHING.match(text)
        if match is None:
            out.append(block)
            i += 1
            continue
        label = match.group(1)[:1].upper() + match.group(1)[1:]
        rest = text[match.end() :].strip()
        if rest:
            notes.append(Paragraph(f"{label}: {rest}"))
        elif i + 1 < len(blocks) and isinstance(blocks[i + 1], Paragraph | ListBlock):
            following = blocks[i + 1]
            if isinstance(following, Paragraph):
                notes.append(Paragraph(f"{label}: {following.text}"))
            else:
                notes += [Paragraph(f"{label}:"), following]
            i += 1
        i += 1
    if not notes:
        return blocks
    # A label left alone once the notes are gone ("Example answer:") labels what follows it.
    out = [b for b in out if not (isinstance(b, Paragraph) and strip_answer_label(b.text) == "")]
    if out and isinstance(out[0], Paragraph):
        unlabelled = strip_answer_label(out[0].text)
        if unlabelled is not None:
            out = ([Paragraph(unlabelled)] if unlabelled else []) + out[1:]
    return out + notes


OPTION_MARK = re.compile(r"(?:^|(?<=\s))\(?([A-Ea-e])[).]\s+(?=\S)")


def split_options(blocks: list[Block]) -> list[Block]:
    """Multiple-choice options, run together on one line or one per line, as a list."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            options = _options(block.text)
            if options is not None:
                head, items = options
                if head:
                    out.append(Paragraph(head))
                out.append(ListBlock(False, tuple((Paragraph(item),) for item in items)))
                continue
            single = _options(block.text, single=True)
            previous = out[-1] if out else None
            if single is not None and isinstance(previous, ListBlock) and _continues_options(previous, single[1][0]):
                out[-1] = ListBlock(False, (*previous.items, (Paragraph(single[1][0]),)))
                continue
            if single is not None and single[1][0][:1] in "Aa" and not single[0]:
                out.append(ListBlock(False, ((Paragraph(single[1][0]),),)))
                continue
        out.append(block)
    return [_unwrap_single_option(b) for b in out]


def _options(text: str, single: bool = False) -> tuple[str, list[str]] | None:
    """(text before the options, the options) when ``text`` holds options A), B), C) ... in order."""
    marks = list(OPTION_MARK.finditer(text))
    letters = "".join(m.group(1).lower() for m in marks)
    if single:
        if len(marks) == 1 and marks[0].start() == 0:
            return "", [text.strip()]
        return None
    if len(marks) < 3 or letters != "abcde"[: len(marks)]:
        return None
    items = [
        text[m.start() : (marks[k + 1].start() if k + 1 < len(marks) else len(text))].strip()
        for k, m in enumerate(marks)
    ]
    return text[: marks[0].start()].strip(), items


def _continues_options(previous: ListBlock, item: str) -> bool:
    last = previous.items[-1][0] if previous.items and len(previous.items[-1]) == 1 else None
    if not isinstance(last, Paragraph) or not OPTION_MARK.match(last.text):
        return False
    before = OPTION_MARK.match(last.text)
    now = OPTION_MARK.match(item)
    return bool(before and now and ord(now.group(1).lower()) == ord(before.group(1).lower()) + 1)


def _unwrap_single_option(block: Block) -> Block:
    """A lone "A) ..." that no "B)" followed was a sentence after all."""
    if isinstance(block, ListBlock) and len(block.items) == 1 and not block.ordered:
        only = block.items[0]
        if len(only) == 1 and isinstance(only[0], Paragraph) and OPTION_MARK.match(only[0].text):
            return only[0]
    return block


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
