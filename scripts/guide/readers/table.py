"""Questions in a table: "| Question | Answer |" rows, one question and its answer per row.

The question column is the one headed "Question" (or whose cells mostly
end with a question mark); the answer column is the one headed "Answer",
"Explanation" or the like, else the column after the questions. A row's
answer is on its own line, so every warning still names the right line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean import plain_inline
from .base import Bound, Pair, Reading, bound_of, ends_as_question, question_text
from .page import PIPE, Page

RULE_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
ANSWER_HEAD = re.compile(r"\b(answers?|explanations?|solutions?|descriptions?|definitions?|meaning|back)\b", re.I)
QUESTION_HEAD = re.compile(r"\b(questions?|front|term|prompt)\b", re.I)


def cells(line: str) -> list[str]:
    text = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", text)]


@dataclass(frozen=True)
class TableReader:
    name: str = "table"
    description: str = 'a table of questions and answers ("| Question | Answer |")'

    def bound(self, page: Page) -> Bound:
        return bound_of(page, [i for i, line in enumerate(page.text) if line.lstrip().startswith("|")])

    def read(self, page: Page) -> Reading | None:
        pairs: list[Pair] = []
        used: set[int] = set()
        index = 0
        while index + 2 < len(page):
            if not (PIPE.match(page.text[index]) and RULE_ROW.match(page.text[index + 1]) and page.can_ask(index)):
                index += 1
                continue
            end = index + 2
            while end < len(page) and PIPE.match(page.text[end]) and not page.fenced[end]:
                end += 1
            pairs += self._rows(page, index, end)
            used.update(range(index, end))
            index = end
        if not pairs:
            return None
        leftover = sum(1 for i in range(len(page)) if page.is_content(i) and i not in used)
        return Reading(self.name, self.description, pairs, leftover)

    def _rows(self, page: Page, head: int, end: int) -> list[Pair]:
        header = cells(page.text[head])
        rows = [(i, cells(page.text[i])) for i in range(head + 2, end) if page.can_ask(i)]
        asked = next((c for c, cell in enumerate(header) if QUESTION_HEAD.search(cell)), None)
        if asked is None:
            asking = [
                sum(1 for _, row in rows if c < len(row) and ends_as_question(row[c])) for c in range(len(header))
            ]
            if not asking or 2 * max(asking) < len(rows):
                return []
            asked = asking.index(max(asking))
        answer = next((c for c, cell in enumerate(header) if c != asked and ANSWER_HEAD.search(cell)), asked + 1)
        pairs = []
        for position, (i, row) in enumerate(rows, 1):
            number, text = question_text(row[asked]) if asked < len(row) else (None, "")
            if not text:
                continue
            said = plain_inline(row[answer]).replace("<br>", " ").strip() if answer < len(row) else ""
            pairs.append(Pair(i, number or position, text, i, [said], bool(said)))
        return pairs
