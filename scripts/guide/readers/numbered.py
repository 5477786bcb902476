"""Numbered questions: "Q #3)", "3)" or "3." at the start of a line.

A numbering layout explains a guide by the longest run of consecutive numbers,
so numbered items inside answers (an indented "1.", a "1.<tab>" list, a step
"3." that breaks the sequence) stay answer content. Pages that restart their
numbering in each section ("Basic questions" 1-10, then "Advanced" 1-10) are
read as one run per section, but only where the restart is a real question
(it ends with a question mark) followed by its own number 2: a list of steps
restarting at 1 inside an answer does not qualify.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .base import (
    Bound,
    Reading,
    bound_of,
    drop_repeated_contents,
    ends_as_question,
    is_question_like,
    pairs_from_starts,
)
from .page import Page

Candidate = tuple[int, int, str]  # (line index, number, text)


def clean_question_text(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return re.sub(r"\s+([?.!,:;])", r"\1", text)


@dataclass(frozen=True)
class Numbered:
    """One numbering layout; ``strict`` ones need question-like text after the number."""

    name: str
    description: str
    pattern: re.Pattern[str]
    strict: bool
    starts: str = "0123456789"  # the characters a question line of this layout can begin with

    def candidates(self, page: Page) -> list[Candidate]:
        found: list[Candidate] = []
        listed = 0  # the number the next item of an announced list would carry, or 0
        last_item = -1
        for index, line in enumerate(page.lines):
            if not line[:1] or line[0] not in self.starts or page.fenced[index] or page.chrome[index]:
                continue  # the quick test first (a leading space never starts a question either)
            match = self.pattern.match(line)
            if not match:
                continue
            number, text = int(match.group(1)), match.group(2).strip()
            if text.startswith("\t") or "\t" in match.group(0)[: match.start(2)]:
                continue
            if self.strict and not is_question_like(text):
                continue
            if text.endswith(":") or text.startswith("#"):
                continue  # an item that introduces a list, or a Markdown heading in a list item
            if (number == 1 and _introduced(page, index)) or (listed == number and _next_to(page, last_item, index)):
                listed, last_item = number + 1, index  # "Ask yourself:" then "1. Is debug off?": a list in an answer
                continue
            listed = 0
            found.append((index, number, text))
        return found

    def bound(self, page: Page) -> Bound:
        """At most one answered question per line that starts the way this layout's questions do."""
        return bound_of(page, [i for i, line in enumerate(page.lines) if line[:1] in self.starts and page.askable[i]])

    def read(self, page: Page) -> Reading | None:
        candidates = self.candidates(page)
        if not candidates:
            return None
        single = self._reading(page, one_run(candidates))
        sections = sectioned_run(candidates)
        if len(sections) > len(single.pairs):
            restarted = self._reading(page, sections, section_titles(page, sections))
            if restarted.score > single.score:
                return restarted
        return single

    def _reading(self, page: Page, run: list[Candidate], stops: set[int] | None = None) -> Reading:
        starts = [(index, number, clean_question_text(text), index + 1) for index, number, text in run]
        pairs, leftover = pairs_from_starts(page, starts, stops)
        return drop_repeated_contents(Reading(self.name, self.description, pairs, leftover))


def _introduced(page: Page, index: int) -> bool:
    """The line follows one that ends with a colon: it starts a list that the colon announced."""
    k = index - 1
    while k >= 0 and not page.is_content(k):
        k -= 1
    return k >= 0 and page.text[k].rstrip().endswith(":")


def _next_to(page: Page, before: int, index: int) -> bool:
    """Only blank lines or chrome between the two lines."""
    return before >= 0 and not any(page.is_content(k) for k in range(before + 1, index))


def one_run(candidates: list[Candidate]) -> list[Candidate]:
    """The run of consecutive numbers that starts at the first candidate.

    Candidates that do not carry the next expected number are answer content
    (a list restarting at 1, a step "3." inside an answer) and are skipped.
    """
    found: list[Candidate] = []
    expected: int | None = None
    for index, number, text in candidates:
        if expected is None or number == expected:
            found.append((index, number, text))
            expected = number + 1
    return found


def sectioned_run(candidates: list[Candidate]) -> list[Candidate]:
    """Consecutive numbers that may restart at a "1" which is a real question.

    A restart counts only when its section reaches number 2 with a question
    too; otherwise the "1" is taken back and read as answer content.
    """
    refused: set[int] = set()
    while True:
        found: list[Candidate] = []
        sections: list[list[Candidate]] = []
        expected: int | None = None
        for candidate in candidates:
            index, number, text = candidate
            if expected is None or number == expected:
                if expected is None:
                    sections.append([])
                found.append(candidate)
                sections[-1].append(candidate)
                expected = number + 1
            elif number == 1 and index not in refused and ends_as_question(text):
                sections.append([candidate])
                found.append(candidate)
                expected = 2
        short = {s[0][0] for s in sections[1:] if len(s) < 2 or not ends_as_question(s[1][2])}
        if not short:
            return found
        refused |= short


def section_titles(page: Page, run: list[Candidate]) -> set[int]:
    """The titles just before the questions where numbering restarts ("Advanced questions").

    A short line that stands alone (blank lines around it) and ends without
    punctuation, right above a restart, names the section: it ends the
    previous answer instead of closing it.
    """
    titles = set()
    for (_, _, _), (index, number, _) in itertools.pairwise(run):
        if number != 1:
            continue
        k = index - 1
        while k > 0 and not page.text[k].strip():
            k -= 1
        text = page.text[k].strip()
        alone = k < index - 1 and (k == 0 or not page.text[k - 1].strip())
        if (
            alone
            and page.is_content(k)
            and len(text.split()) <= 8
            and not text.endswith((".", "!", "?", ":", ";", ","))
        ):
            titles.add(k)
    return titles


LAYOUTS = (
    Numbered(
        "numbered-q",
        'numbered "Q #N)"',
        re.compile(r"^Q(?:uestion)?\s*#?\s*(\d{1,5})\s*[).:\-]\s*(\S.*)$", re.I),
        strict=False,
        starts="Qq",
    ),
    Numbered("numbered-paren", 'numbered "N)"', re.compile(r"^(\d{1,5})\)\s*(\S.*)$"), strict=True),
    # A Markdown converter escapes the dot: "1\. What is Flask?".
    Numbered("numbered-dot", 'numbered "N."', re.compile(r"^(\d{1,5})\\?\.[ ]+(\S.*)$"), strict=True),
    Numbered(
        "numbered-other",
        'numbered "(N)", "N:" or "N -"',
        # Not "N)" alone, which is numbered-paren's.
        re.compile(
            r"^(?=\(\d|#\d|\d{1,5}(?:\s*:|\s+[\-\u2013\u2014]|\.\)))[(#]?(\d{1,5})(?:\)|\s*:|\s+[\-\u2013\u2014]|\.\))"
            r"\s*(\S.*)$"
        ),
        strict=True,
        starts="0123456789(#",
    ),
)
