"""Labelled questions and answers: "Q:" / "A:", "Question 1:", "Q1.", "Q.1", "Expected answer:".

The label is the evidence, whatever decorates it: a heading mark, bold, an
emoji, a number before or after the "Q". A question may run on over a line or
two until its answer label, or stand alone under a bare "Question 3:" label,
or share its line with the answer ("Q: ...? A: ..."). Each answer runs to the
next question label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean import plain_inline
from .base import Bound, Pair, Reading, bound_of, drop_repeated_contents, pairs_from_starts, strip_answer_label
from .page import HEADING, Page

QUESTION_LABEL = re.compile(
    r"^[^\w`(\[<]*?(?:\*\*|__)?\s*"
    r"(?:q|qn|que|ques|question)(?![a-z])\s*(?:no\.?\s*|#\s*)?(?:[.\-]?\s*(\d{1,4}))?\s*(?:of\s+\d+\s*)?"
    r"(?:\*\*|__)?\s*(?:[:.)\u2013\u2014-]|(?<=\d)\s|(?=\s*$))\s*(?:\*\*|__)?\s*(.*)$",
    re.I,
)
MAY_LABEL = re.compile(r"^[^A-Za-z0-9]{0,16}[Qq]")
# "... A: the answer" on the question's own line.
SAME_LINE_ANSWER = re.compile(r"\s(?:\*\*|__)?(?:A|Ans|Answer)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(?=\S)", re.I)


def question_label(text: str) -> tuple[int | None, str] | None:
    """(number, rest of the line) for a question-label line, else None."""
    if not MAY_LABEL.match(text):
        return None  # the quick test first: a label starts with a Q, after marks at most
    bare = HEADING.sub(r"\2", text).strip()
    match = QUESTION_LABEL.match(bare)
    if not match:
        return None
    number = int(match.group(1)) if match.group(1) else None
    return number, match.group(2).strip()


@dataclass(frozen=True)
class Labelled:
    name: str = "labelled"
    description: str = 'labelled Q/A ("Q:"/"A:", "Question 1:", "Q1.")'

    def bound(self, page: Page) -> Bound:
        return bound_of(page, [i for i, line in enumerate(page.text) if page.askable[i] and MAY_LABEL.match(line)])

    def read(self, page: Page) -> Reading | None:
        starts: list[tuple[int, int, str, int]] = []
        same_line: dict[int, str] = {}
        skip_to = 0
        for index in range(len(page)):
            if index < skip_to or not page.can_ask(index):
                continue
            found = question_label(page.text[index])
            if found is None:
                continue
            number, rest = found
            split = SAME_LINE_ANSWER.search(rest) if rest else None
            if split and "?" in rest[: split.start()]:
                words, answer_from = [rest[: split.start()]], index
                same_line[index] = rest[split.end() :]
            else:
                words, answer_from = question_span(page, index, rest)
            text = plain_inline(" ".join(w for w in words if w)).strip().strip("*_").strip()
            if not text:
                continue
            starts.append((index, number or len(starts) + 1, re.sub(r"\s+", " ", text), answer_from))
            skip_to = answer_from if answer_from > index else index + 1
        if not starts:
            return None
        pairs, leftover = pairs_from_starts(page, starts)
        for pair in pairs:
            if pair.line in same_line:
                _same_line_answer(pair, same_line[pair.line])
        return drop_repeated_contents(Reading(self.name, self.description, pairs, leftover))


def question_span(page: Page, index: int, rest: str) -> tuple[list[str], int]:
    """The lines a labelled question is worded on, and where its answer starts.

    A question that ends with its question mark is one line. One that does
    not may run on for two more lines when an answer label follows them; a
    bare label ("Question 3:") is worded on the lines after it.
    """
    if rest and rest.rstrip("*_ ").endswith("?"):
        return [rest], index + 1
    words = [rest] if rest else []
    k = index + 1
    if not rest:
        while k < len(page) and k <= index + 2 and not page.text[k].strip():
            k += 1  # a bare label, then a blank line (a double-spaced page)
    start = k
    while k < len(page) and k <= start + 2 and page.can_ask(k):
        if strip_answer_label(page.text[k]) is not None or question_label(page.text[k]):
            break
        words.append(page.text[k].strip())
        k += 1
        if words[-1].rstrip("*_ ").endswith("?"):
            break
    label = k
    while label < len(page) and label <= k + 2 and not page.text[label].strip():
        label += 1
    labelled = label < len(page) and page.can_ask(label) and strip_answer_label(page.text[label]) is not None
    if labelled:
        return words, label
    if not rest:
        return words, k
    return [rest], index + 1


def _same_line_answer(pair: Pair, answer: str) -> None:
    """The answer began on the question's line: that line holds only the answer now."""
    pair.answer[0] = answer
    pair.answered = True
