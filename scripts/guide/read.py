"""Reading sources: bytes to lines, lines to guides, guides to questions.

Questions are found by recognising numbering layouts ("Q #3)", "3)", "3."),
never by line numbers: a layout wins in a guide when it yields the longest run
of consecutive numbers, so numbered items inside answers (an indented "1." or a
"1.<tab>" list) do not break the guide into false questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import textfile
from .errors import GuideError
from .model import Place, RawQuestion

# A guide boundary: a line of nothing but dashes (scraped horizontal rules).
RULER = re.compile(r"^\s*[-\u2013\u2014_=]{10,}\s*$")

# Question layouts, tried in turn; each captures (number, text).
LAYOUTS: dict[str, re.Pattern[str]] = {
    "q-hash": re.compile(r"^Q(?:uestion)?\s*#?\s*(\d{1,5})\s*[).:\-]\s*(\S.*)$", re.I),
    "paren": re.compile(r"^(\d{1,5})\)\s*(\S.*)$"),
    "dot": re.compile(r"^(\d{1,5})\.[ ]+(\S.*)$"),
}

QUESTION_WORDS = re.compile(
    r"^(what|how|why|when|where|which|who|whom|whose|is|are|can|could|does|do|did|should|"
    r"will|would|explain|describe|mention|name|list|define|state|compare|differentiate|"
    r"distinguish|give|write|tell|discuss|outline|elaborate|show)\b",
    re.I,
)


@dataclass(frozen=True)
class Layout:
    """How a guide was printed, measured over the whole guide.

    ``double_spaced``: an empty line follows nearly every line (the blog
    layout), so empty lines carry no meaning and each line is a paragraph.
    ``wrap``: the column the text was hard-wrapped at, or 0 when lines run on.
    """

    double_spaced: bool = False
    wrap: int = 0


def measure_layout(lines: list[str]) -> Layout:
    filled = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    followed_by_empty = sum(1 for i in filled if lines[i + 1] == "")
    double = len(filled) >= 6 and followed_by_empty >= 0.7 * len(filled)
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    wrap = 0
    if len(lengths) >= 8:
        width = lengths[-1]
        near = sum(1 for n in lengths if n >= width - 25)
        if width <= 160 and near >= 0.2 * len(lengths):
            wrap = width
    return Layout(double, wrap)


@dataclass
class Part:
    """One guide: a stretch of a source file between rulers."""

    number: int
    first_line: int  # 1-based line of lines[0]
    lines: list[str]


def decode(path: Path, display: str) -> str:
    """Bytes to text, refusing what is not text and normalising line ends.

    A UTF-8 BOM is dropped and CRLF or CR line ends become LF. Anything that is
    not UTF-8 (cp1252, say) is refused at the line of the first bad byte rather
    than guessed at: a wrong guess would silently corrupt the evidence.
    """
    data = textfile.read_bytes(path, display, textfile.SOURCE_LIMIT)
    if not data.strip():
        raise GuideError(display, 1, "empty source: no text to read")
    if b"\x00" in data:
        line = textfile.line_at(data, data.index(b"\x00"))
        raise GuideError(display, line, "binary data (NUL byte): not a text source")
    text = textfile.decode(data, display)
    controls = re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    if controls:
        line = text.count("\n", 0, controls.start()) + 1
        raise GuideError(display, line, "control characters: not a text source")
    return text


def split_parts(lines: list[str]) -> list[Part]:
    """Split a file into guides at runs of ruler lines."""
    parts: list[Part] = []
    start = 0
    i = 0
    while i <= len(lines):
        if i == len(lines) or RULER.match(lines[i]):
            chunk = lines[start:i]
            if any(line.strip() for line in chunk):
                parts.append(Part(len(parts) + 1, start + 1, chunk))
            while i < len(lines) and RULER.match(lines[i]):
                i += 1
            start = i
            if i == len(lines):
                break
            continue
        i += 1
    return parts


def is_question_like(text: str) -> bool:
    return "?" in text or bool(QUESTION_WORDS.match(text))


def _sequence(part: Part, layout: re.Pattern[str], strict: bool) -> list[tuple[int, int, str]]:
    """The run of consecutively numbered question lines for one layout.

    Returns (index in part.lines, number, text). Candidates that do not carry
    the next expected number are answer content (a list restarting at 1, a
    step "3." inside an answer) and are skipped.
    """
    found: list[tuple[int, int, str]] = []
    expected: int | None = None
    for index, line in enumerate(part.lines):
        if line[:1].isspace():
            continue
        match = layout.match(line)
        if not match:
            continue
        number, text = int(match.group(1)), match.group(2).strip()
        if text.startswith("\t") or "\t" in match.group(0)[: match.start(2)]:
            continue
        if strict and not is_question_like(text):
            continue
        if text.endswith(":"):
            continue
        if expected is None or number == expected:
            found.append((index, number, text))
            expected = number + 1
    return found


def find_questions(part: Part) -> list[tuple[int, int, str]]:
    """The question lines of a guide, by the layout that explains most of it."""
    best: list[tuple[int, int, str]] = []
    for name, layout in LAYOUTS.items():
        run = _sequence(part, layout, strict=name != "q-hash")
        if len(run) > len(best):
            best = run
    return best


def clean_question_text(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return re.sub(r"\s+([?.!,:;])", r"\1", text)


def read_source(path: Path, display: str) -> list[RawQuestion]:
    """All questions of one source file, with their raw answer lines."""
    lines = decode(path, display).split("\n")
    questions: list[RawQuestion] = []
    for part in split_parts(lines):
        found = find_questions(part)
        layout = measure_layout(part.lines)
        for position, (index, number, text) in enumerate(found):
            end = found[position + 1][0] if position + 1 < len(found) else len(part.lines)
            answer = list(part.lines[index + 1 : end])
            questions.append(
                RawQuestion(
                    text=clean_question_text(text),
                    place=Place(display, part.first_line + index, part.number, number),
                    answer_lines=answer,
                    answer_line=part.first_line + index + 1,
                    double_spaced=layout.double_spaced,
                    wrap=layout.wrap,
                )
            )
    if not questions:
        raise GuideError(
            display,
            1,
            'no recognisable question: expected numbered questions such as "Q #1) ...", "1) ..." or "1. ...?"',
        )
    return questions
