"""Reading sources: bytes to lines, lines to guides, guides to questions.

Questions are found by the readers in ``readers/``, one per layout family
(numbered, labelled Q/A, Markdown, quiz dumps, bare question lines, question
lists), never by line numbers: each reader explains the guide its own way and
the best explanation wins, per guide. What was read, what lost and what was
dropped as chrome is kept, for ``--explain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import readers, textfile
from .errors import GuideError
from .model import Place, RawQuestion
from .readers.base import QUESTION_WORDS
from .readers.numbered import clean_question_text
from .readers.quiz import spell_out_letter

# A guide boundary: a line of nothing but dashes (scraped horizontal rules).
RULER = re.compile(r"^\s*[-\u2013\u2014_=]{10,}\s*$")


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


def is_ruler(lines: list[str], i: int) -> bool:
    """A guide boundary; a line of dashes or equals signs right under text underlines a heading instead."""
    if not RULER.match(lines[i]):
        return False
    underline = re.match(r"^\s*(-+|=+)\s*$", lines[i])
    return not (underline and i > 0 and lines[i - 1].strip() and not RULER.match(lines[i - 1]))


def split_parts(lines: list[str]) -> list[Part]:
    """Split a file into guides at runs of ruler lines."""
    parts: list[Part] = []
    start = 0
    i = 0
    while i <= len(lines):
        if i == len(lines) or is_ruler(lines, i):
            chunk = lines[start:i]
            if any(line.strip() for line in chunk):
                parts.append(Part(len(parts) + 1, start + 1, chunk))
            while i < len(lines) and is_ruler(lines, i):
                i += 1
            start = i
            if i == len(lines):
                break
            continue
        i += 1
    return parts


def find_questions(part: Part) -> list[tuple[int, int, str]]:
    """The question lines of a guide, by the reading that explains it best: (index, number, text)."""
    found = readers.readings(readers.make_page(part.lines, part.first_line))
    return [(p.line, p.number, p.text) for p in found[0].pairs] if found else []


@dataclass
class Guide:
    """One guide as it was read: every reader's explanation, best first, and the questions."""

    path: str
    part: Part
    page: readers.Page
    readings: list[readers.Reading]
    questions: list[RawQuestion]

    @property
    def chosen(self) -> readers.Reading | None:
        return self.readings[0] if self.readings else None

    def chrome(self) -> list[tuple[int, str]]:
        """The lines dropped as chrome: (line in the source, text)."""
        lines = set(self.page.chrome_lines())
        if self.chosen is not None:
            lines.update(self.chosen.dropped)
        return [(self.part.first_line + i, self.page.text[i].strip()) for i in sorted(lines)]


def read_guides(path: Path, display: str, everything: bool = False) -> list[Guide]:
    """Every guide of one source file, read by its best reader (refusing only what is not text).

    ``everything`` asks every reader, also those that cannot win, for --explain's runner-up.
    """
    lines = decode(path, display).split("\n")
    guides = []
    for part in split_parts(lines):
        page = readers.make_page(part.lines, part.first_line)
        found = readers.readings(page, everything)
        layout = measure_layout(part.lines)
        questions = []
        for pair in found[0].pairs if found else []:
            join_wrapped_question(pair)
            split_run_on_answer(pair)
            split_options_off(pair)
            spell_out_letter(pair.answer)
            questions.append(
                RawQuestion(
                    text=clean_question_text(pair.text),
                    place=Place(display, part.first_line + pair.line, part.number),
                    answer_lines=pair.answer,
                    answer_line=part.first_line + pair.answer_start,
                    double_spaced=layout.double_spaced,
                    wrap=layout.wrap,
                    markdown=page.markdown,
                )
            )
        guides.append(Guide(display, part, page, found, questions))
    return guides


def join_wrapped_question(pair: readers.Pair) -> None:
    """A long question hard-wrapped onto the next line ("... between the app context and" / "the request context?")."""
    if not pair.answer or pair.answer_start != pair.line + 1 or re.search(r"[?.!:]\s*$", pair.text):
        return
    following = pair.answer[0].strip()
    if len(pair.text) >= 50 and following.endswith("?") and len(following) <= 120 and following[:1].islower():
        pair.text = f"{pair.text} {following}"
        pair.answer[0] = ""
        pair.answered = any(line.strip() for line in pair.answer)


RUN_ON = re.compile(r"^(.{8,}?\?)\s+([A-Z][a-z']*(?:\s+\S+){3,})$")


def split_run_on_answer(pair: readers.Pair) -> None:
    """A question whose answer starts on its own line ("...? It looks for ...") is cut at its question mark."""
    match = RUN_ON.match(pair.text)
    if match is None or pair.answer_start != pair.line + 1:
        return
    if "?" in match.group(2) or QUESTION_WORDS.match(match.group(2)):
        return  # a second question: "...? Why should one choose it?", "...? State whether ..."
    pair.text = match.group(1)
    pair.answer_start = pair.line
    pair.answer = [match.group(2), *pair.answer]
    pair.answered = True


OPTIONS_AFTER = re.compile(r"(?<=[?:])\s+(\(?[Aa][).]\s+\S.*\s\(?[Bb][).]\s+\S.*)$")


def split_options_off(pair: readers.Pair) -> None:
    """Multiple-choice options run on after the question ("...? A) one B) two") start its answer."""
    match = OPTIONS_AFTER.search(pair.text)
    if match is None or pair.answer_start != pair.line + 1:
        return
    pair.text = pair.text[: match.start()]
    pair.answer_start = pair.line
    pair.answer = [match.group(1), *pair.answer]
    pair.answered = True


NOTHING_FOUND = (
    "no recognisable question: no reader (numbered, labelled Q/A, Markdown, quiz, question lines or lists) "
    "found one; see what each reader saw with --explain"
)


def read_source(path: Path, display: str) -> list[RawQuestion]:
    """All questions of one source file, with their raw answer lines."""
    questions = [q for guide in read_guides(path, display) for q in guide.questions]
    if not questions:
        raise GuideError(display, 1, NOTHING_FOUND)
    return questions
