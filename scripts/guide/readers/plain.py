"""Unnumbered question lines: a line that ends with a question mark, then its answer.

The weakest evidence of all, so these readings weigh less: an answer that
asks a rhetorical question must not turn a numbered guide into this. Lines
with marks of their own (numbers, labels, headings, bold, list bullets)
belong to the other readers, and so does code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import code
from .base import (
    Q_PREFIX,
    QUESTION_WORDS,
    Bound,
    Reading,
    bound_of,
    drop_repeated_contents,
    ends_as_question,
    pairs_from_starts,
    question_text,
    strip_symbols,
)
from .page import BOLD_LINE, HEADING, LIST_MARK, Page

NUMBERED = re.compile(r"^(?:#\s*)?\d{1,4}\s*[.):\-\u2013\u2014]")  # the numbered readers' lines (not 3️⃣)
OPTIONS_ON_LINE = re.compile(r"\s\(?[Aa][).]\s+\S.*\s\(?[Bb][).]\s+\S")


def is_question_line(page: Page, index: int) -> bool:
    text = page.text[index]
    stripped = text.strip()
    if not page.can_ask(index) or len(text) - len(text.lstrip()) > 3:
        return False
    if "?" not in stripped and not IMPERATIVE.match(strip_symbols(stripped)):
        return False  # the quick test first: most lines of a guide are answers
    if HEADING.match(text) or BOLD_LINE.match(text) or LIST_MARK.match(text) or NUMBERED.match(stripped):
        return False
    if Q_PREFIX.match(stripped) or code.line_language(stripped):
        return False
    question = OPTIONS_ON_LINE.split(stripped)[0] if OPTIONS_ON_LINE.search(stripped) else stripped
    question = question_text(question)[1]
    words = len(question.split())
    if len(question) > 250 or words < 3 or not (QUESTION_WORDS.match(question) or words >= 5):
        return False  # "Why us?" in a menu is not an interview question
    if not ends_as_question(question) and not _standalone_request(page, index, question):
        return False
    if stripped[:1].islower():
        return False
    return not _continues_previous(page, index)


REQUEST_WORDS = (
    "explain describe define differentiate distinguish compare list name mention state outline elaborate discuss"
)
REQUESTS = tuple(REQUEST_WORDS.split())
IMPERATIVE = re.compile(rf"^({'|'.join(REQUESTS)})\b", re.I)


def _may_request(line: str) -> bool:
    return strip_symbols(line.lstrip())[:14].lower().startswith(REQUESTS)


def _standalone_request(page: Page, index: int, text: str) -> bool:
    """ "Explain the application context." asks too, when it stands alone after a blank line."""
    before = index == 0 or not page.text[index - 1].strip() or page.chrome[index - 1]
    return before and bool(IMPERATIVE.match(text)) and len(text.split()) <= 15 and not text.endswith((":", ","))


def _continues_previous(page: Page, index: int) -> bool:
    """The line ends a hard-wrapped sentence that began on the line before."""
    if index == 0:
        return False
    before = page.text[index - 1].rstrip()
    return len(before) >= 60 and bool(re.search(r"[a-z,]$", before)) and not page.chrome[index - 1]


@dataclass(frozen=True)
class PlainQuestions:
    name: str = "question-lines"
    description: str = "unnumbered question lines"
    weight: float = 0.6

    def bound(self, page: Page) -> Bound:
        asking = [i for i, line in enumerate(page.text) if page.askable[i] and ("?" in line or _may_request(line))]
        return bound_of(page, asking, self.weight)

    def read(self, page: Page) -> Reading | None:
        starts: list[tuple[int, int, str, int]] = []
        options: dict[int, str] = {}
        for index in range(len(page)):
            if is_question_line(page, index):
                text = page.text[index].strip()
                split = OPTIONS_ON_LINE.search(text)
                question = question_text(text[: split.start()] if split else text)[1]
                answer_from = index + 1
                if split:
                    options[index] = text[split.start() :].strip()
                    answer_from = index
                starts.append((index, len(starts) + 1, question, answer_from))
        if not starts:
            return None
        pairs, leftover = pairs_from_starts(page, starts)
        for pair in pairs:
            if pair.line in options:
                pair.answer[0], pair.answered = options[pair.line], True  # options on the question's line
        return drop_repeated_contents(Reading(self.name, self.description, pairs, leftover, self.weight))
