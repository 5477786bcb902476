"""Markdown guides: questions as headings ("## 3. What is ...?") or bold lines ("**What is ...?**").

The heading level that carries the most question-like headings is the
question level. Question-like headings at that level or above are questions;
other headings at or above it are section titles, which end an answer and
belong to no question; headings below it ("#### Example") are part of the
answer. A bold line counts as a level below every heading, and a line that
opens with its bold question ("**What is a blueprint?** A blueprint ...")
starts its answer on the same line.
"""

from __future__ import annotations

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
    question_text,
    strip_answer_label,
)
from .page import HEADING, Page

BOLD_START = re.compile(r"^\s*(?:[-*+]\s+)?(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*(.*)$")
BOLD_LEVEL = 7
PAGE_PART = re.compile(
    r"\b(introduction|conclusions?|summary|final\s+thoughts|wrapping\s+up|contents|references|resources|reading|"
    r"related|faqs?|about|overview|prerequisites|next\s+steps|takeaways|bonus|questions|interview|tips|"
    r"beginners?|intermediate|advanced|experienced|freshers|basics?|mcqs?|quiz)\b",
    re.I,
)
LIST_HEADING = re.compile(r"^\s*(\d{1,4})[.)]\s+(#{1,6})\s+(.*)$")  # a heading inside a numbered list item
IMPERATIVE = re.compile(r"^(explain|describe|define|compare|differentiate|distinguish|list|name)\b", re.I)


@dataclass(frozen=True)
class Title:
    index: int
    level: int
    text: str  # the heading's wording, marks and numbering removed
    number: int | None
    asks: bool  # question-like, or numbered like the guide's questions
    rest: str  # what follows a bold question on its line (the answer's start)


def title(page: Page, index: int) -> Title | None:
    """The heading or bold line at ``index``, if it is one."""
    line = page.text[index]
    listed = LIST_HEADING.match(line)
    if listed:
        line = f"{listed.group(2)} {listed.group(1)}. {listed.group(3)}"  # "1. ### What ..." as "### 1. What ..."
    heading = HEADING.match(line)
    if index in page.setext:
        level, raw, rest = page.setext[index], line.strip(), ""
    elif heading:
        level, raw, rest = len(heading.group(1)), heading.group(2), ""
    else:
        bold = BOLD_START.match(line)
        if not bold:
            return None
        level, raw, rest = BOLD_LEVEL, bold.group(2), bold.group(3).strip()
        if rest and not ends_as_question(raw) and not _is_prefix(raw):
            return None  # bold words inside a sentence, not a title
        if _is_prefix(raw):
            raw, rest = f"{raw} {rest}", ""
    if level == BOLD_LEVEL and raw.rstrip().endswith(":") and not ends_as_question(raw):
        return None  # "**Example:**", "**Note:**": a label inside an answer
    if strip_answer_label(raw) == "":
        return None  # "### Answer", "**Answer:**"
    number, text = question_text(raw)
    if not text:
        return None
    asks = ends_as_question(text) or bool(IMPERATIVE.match(text))
    return Title(index, level, text, number, asks or (number is not None and is_question_like(text)), rest)


def _is_prefix(bold: str) -> bool:
    """A bold number or label before the question: "**3.** What ...", "**Q1:** What ..."."""
    bold = bold.strip()
    return bool(re.fullmatch(r"(?:Q(?:uestion)?\s*\.?\s*)?\d{1,4}\s*[.):\-]?|Q(?:uestion)?\s*[.:)\-]", bold, re.I))


@dataclass(frozen=True)
class MarkdownReader:
    name: str = "markdown"
    description: str = "Markdown headings or bold question lines"

    def bound(self, page: Page) -> Bound:
        """Headings, bold lines and underlined titles: the only lines that can ask here."""
        marks = "#*_0123456789-+"
        return bound_of(
            page,
            [
                i
                for i, line in enumerate(page.text)
                if page.askable[i] and (line.lstrip()[:1] in marks or i in page.setext)
            ],
        )

    def read(self, page: Page) -> Reading | None:
        titles = [t for i in range(len(page)) if page.can_ask(i) and (t := title(page, i)) is not None]
        asking = [t for t in titles if t.asks]
        if not asking:
            return None
        counts: dict[int, int] = {}
        for t in asking:
            counts[t.level] = counts.get(t.level, 0) + 1
        level = max(counts, key=lambda lv: (counts[lv], lv))  # on a tie the deeper level, which takes both
        at_level = [t for t in asking if t.level == level]
        if 5 * sum(1 for t in at_level if t.number is not None) >= 3 * len(at_level):
            # Numbered questions: a numbered title at their level is one, question mark or not.
            asking = [t for t in titles if t.asks or (t.level == level and t.number is not None)]
        elif level <= 6:
            # Headings that mostly ask: the others at their level name a topic to explain ("Flask vs Django"),
            # unless they are the page's own parts ("Conclusion") or a section of questions.
            peers = [t for t in titles if t.level == level and not PAGE_PART.search(t.text)]
            if 2 * len(at_level) >= len(peers):
                asking = [t for t in titles if t.asks or t in peers]
        questions = [t for t in asking if t.level <= level]
        chosen = {t.index for t in questions}
        # Section titles end an answer; bold lines are too often emphasis to do so.
        stops = {t.index for t in titles if t.level <= min(level, 6) and t.index not in chosen}
        starts = []
        for position, t in enumerate(questions, 1):
            answer_from = t.index if t.rest else t.index + 1
            starts.append((t.index, t.number or position, t.text, answer_from))
        pairs, leftover = pairs_from_starts(page, starts, stops)
        for pair, t in zip(pairs, questions, strict=True):
            if t.rest:
                pair.answer[0] = t.rest
                pair.answered = True
        return drop_repeated_contents(Reading(self.name, self.description, pairs, leftover))
