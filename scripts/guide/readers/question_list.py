"""Lists of questions with no answers: a page that only asks.

Every item is kept as an unanswered question (the site says "no answer yet"
until the editorial layer writes one). The list may be bulleted, numbered or
bare, and broken up by short section titles; anything longer between its
items means the page answers after all, and this reader declines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import QUESTION_WORDS, Bound, Reading, bound_of, ends_as_question, pairs_from_starts, question_text
from .page import BOLD_LINE, HEADING, LIST_MARK, Page


def _item(page: Page, index: int) -> tuple[int | None, str] | None:
    text = page.text[index]
    if "?" not in text and not (LIST_MARK.match(text) and QUESTION_WORDS.match(LIST_MARK.sub("", text))):
        return None
    number, wording = question_text(LIST_MARK.sub("", text) if LIST_MARK.match(text) else text)
    if not wording or len(wording) > 250:
        return None
    if ends_as_question(wording) or (LIST_MARK.match(text) and QUESTION_WORDS.match(wording)):
        return number, wording
    return None


def _title_like(text: str) -> bool:
    stripped = text.strip()
    # A line ending with a colon announces what follows it: an answer, here.
    return bool(HEADING.match(stripped)) or (len(stripped.split()) <= 8 and not stripped.endswith((".", "!", ";", ":")))


@dataclass(frozen=True)
class QuestionList:
    name: str = "question-list"
    description: str = "a list of questions without answers"
    weight: float = 1.1  # each of its questions counts as unanswered: 0.55

    def bound(self, page: Page) -> Bound:
        listed = [i for i, line in enumerate(page.text) if page.askable[i] and ("?" in line or LIST_MARK.match(line))]
        return bound_of(page, listed, self.weight * 0.5)

    def read(self, page: Page) -> Reading | None:
        items = []
        seen: set[str] = set()
        for index in range(len(page)):
            if page.can_ask(index):
                found = _item(page, index)
                key = found[1].lower() if found else ""
                if found is not None and key not in seen:  # a question listed twice: a contents list, then the rest
                    seen.add(key)
                    items.append((index, found))
        if len(items) < 2:
            return None
        titled = [index for index, _ in items if HEADING.match(page.text[index]) or BOLD_LINE.match(page.text[index])]
        if titled and len(titled) < len(items):
            return None  # questions as headings with questions listed under them: the lists answer
        first, last = items[0][0], items[-1][0]
        asked = {index for index, _ in items}
        others = []
        for i in range(first, last + 1):
            if page.is_content(i) and i not in asked and not _title_like(page.text[i]):
                others.append(i)
                if 5 * len(others) > len(items):
                    return None  # the page answers its questions
        after = [i for i in range(last + 1, len(page)) if page.is_content(i) and not _title_like(page.text[i])]
        if 5 * (len(others) + max(0, len(after) - 2)) > len(items):
            return None  # more than a short outro after the list: the page answers its questions
        starts = [
            (index, number or position, re.sub(r"\s+", " ", text), index + 1)
            for position, (index, (number, text)) in enumerate(items, 1)
        ]
        pairs, leftover = pairs_from_starts(page, starts)
        for pair in pairs:
            # Titles between the questions, and what follows the last, are not answers here.
            leftover += sum(1 for line in pair.answer if line.strip())
            pair.answer = ["" for _ in pair.answer]
            pair.answered = False
        return Reading(self.name, self.description, pairs, leftover, self.weight)
