"""Flash-card and quiz dumps: "Card 3 of 20", "Question 3/10", "Click to reveal answer", Front/Back.

A card marker opens a card whose question is the wording after it; a reveal
widget ("Show answer") separates a question above it from the answer below;
"Front:"/"Back:" (or "Term:"/"Definition:") label the two sides. Multiple
choice options run together on one line stay with the answer, where the
blocks split them into a list, and an answer that only names a letter
("Answer: B") is spelled out with that option.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean import plain_inline
from .base import Bound, Reading, drop_repeated_contents, pairs_from_starts
from .page import CARD, Page

REVEAL = re.compile(
    r"^\W*(?:(?:click|tap|press)\s+(?:here\s+)?to\s+(?:reveal|show|see|view|flip|display)\b.*"
    r"|(?:show|reveal|see|view|display)\s+(?:the\s+)?(?:correct\s+)?(?:answer|solution|explanation|back)s?"
    r"|flip(?:\s+(?:the\s+)?card)?)\W*$",
    re.I,
)


def _may_mark(line: str) -> bool:
    """The quick test for a card counter, a reveal widget or a front label."""
    word = LEADING.sub("", line, count=1)[:40].lower()
    return word.startswith(MARK_WORDS) or (word[:1].isdigit() and "/" in word[:12]) or word[1:2].isdigit()


LEADING = re.compile(r"^[^0-9A-Za-z]+")
MARK_WORDS: tuple[str, ...] = (
    "question",
    "card",
    "flash",
    "q ",
    "click",
    "tap",
    "press",
    "show",
    "reveal",
    "see",
    "view",
    "display",
    "flip",
    "front",
    "term",
    "prompt",
    "qside",
)
SIDES = ("front", "term", "prompt", "card front", "q side")
FRONT = re.compile(r"^\W*(?:front|term|prompt|card\s+front|q\s*side)\s*[:\-\u2013]\s*(.*)$", re.I)
BACK = re.compile(r"^\W*(?:back|definition|meaning|card\s+back|a\s*side)\s*[:\-\u2013]\s*(.*)$", re.I)
OPTION = re.compile(r"(?:^|(?<=\s))\(?([A-Ea-e])[).]\s+(\S.*?)(?=\s+\(?[A-Ea-e][).]\s|$)")
OPTION_LINE = re.compile(r"^\(?[A-Ea-e][).]\s+\S")
OPTIONS_START = re.compile(r"\s\(?[Aa][).]\s+\S.*\s\(?[Bb][).]\s+\S")
LETTER_ANSWER = re.compile(
    r"^\W*(?:correct\s+)?(?:answer|ans|option|solution)\s*(?:is)?\s*[:\-\u2013]?\s*\(?([A-Ea-e])\)?[.)]?\s*$", re.I
)


@dataclass(frozen=True)
class Quiz:
    name: str = "quiz"
    description: str = 'flash cards or a quiz ("Card 3 of 20", "Show answer", "Front:"/"Back:")'

    def bound(self, page: Page) -> Bound:
        """One card per counter, reveal widget or labelled front, each counted as its question."""
        marked = sum(1 for i, line in enumerate(page.text) if _may_mark(line) and not page.fenced[i])
        return Bound(float(marked), 0)  # a question may stand well above its reveal widget

    def read(self, page: Page) -> Reading | None:
        first: dict[int, str] = {}  # answer lines that start after a question or label on the same line
        cards = self._cards(page, first) or self._reveals(page, first)
        found = {start[0]: start for start in [*self._sides(page, first), *cards]}
        starts = [found[line] for line in sorted(found)]
        if not starts:
            return None
        pairs, leftover = pairs_from_starts(page, starts)
        for pair in pairs:
            if pair.answer and pair.answer_start in first:
                pair.answer[0] = first[pair.answer_start]
                pair.answered = pair.answered or bool(pair.answer[0].strip())
        return drop_repeated_contents(Reading(self.name, self.description, pairs, leftover))

    def _cards(self, page: Page, first: dict[int, str]) -> list[tuple[int, int, str, int]]:
        """Questions after card markers ("Card 3 of 20", "Question 3/10")."""
        starts = []
        for index in range(len(page)):
            marker = CARD.match(page.text[index]) if not page.fenced[index] else None
            if not marker:
                continue
            k = _next_content(page, index + 1)
            if k is None or CARD.match(page.text[k]) or REVEAL.match(page.text[k]):
                continue
            words, end, on_line = _wording(page, k)
            if on_line:
                first[end] = on_line
            number = int(next(g for g in marker.groups() if g))
            starts.append((k, number, words, end))
        return starts

    def _reveals(self, page: Page, first: dict[int, str]) -> list[tuple[int, int, str, int]]:
        """Questions just above a reveal widget ("Show answer"), options between them and it."""
        starts: list[tuple[int, int, str, int]] = []
        floor = 0
        for index in range(len(page)):
            if page.fenced[index] or not REVEAL.match(page.text[index]):
                continue
            k = index - 1
            while k >= floor and (not page.text[k].strip() or OPTION_LINE.match(page.text[k].strip())):
                k -= 1  # options printed one per line belong to the answer
            answer_from = k + 1
            lines: list[int] = []
            while k >= floor and len(lines) < 3 and page.can_ask(k) and not CARD.match(page.text[k]):
                if lines and page.text[k].rstrip().endswith((".", "!", ":", "?")):
                    break
                lines.insert(0, k)
                k -= 1
            floor = index + 1
            if not lines:
                continue
            last = page.text[lines[-1]]
            options = OPTIONS_START.search(last) if answer_from == lines[-1] + 1 else None
            if options:
                # Options run on after the question, on its last line: they start the answer.
                first[lines[-1]] = last[options.start() :].strip()
                last, answer_from = last[: options.start()], lines[-1]
            text = " ".join([*(page.text[i].strip() for i in lines[:-1]), last.strip()])
            starts.append((lines[0], len(starts) + 1, _clean(text), answer_from))
        return starts

    def _sides(self, page: Page, first: dict[int, str]) -> list[tuple[int, int, str, int]]:
        """Cards with labelled sides: "Front:" then "Back:", or "Term:" then "Definition:"."""
        starts: list[tuple[int, int, str, int]] = []
        for index in range(len(page)):
            front = FRONT.match(page.text[index]) if page.can_ask(index) else None
            if not front:
                continue
            k = index + 1
            while k < len(page) and not BACK.match(page.text[k]) and k <= index + 3:
                k += 1
            back = BACK.match(page.text[k]) if k < len(page) else None
            if back:
                words = " ".join([front.group(1), *(page.text[i].strip() for i in range(index + 1, k))])
                first[k] = back.group(1)
                starts.append((index, len(starts) + 1, _clean(words), k))
        return starts


def _next_content(page: Page, start: int) -> int | None:
    for k in range(start, min(len(page), start + 4)):
        if page.is_content(k):
            return k
    return None


def _wording(page: Page, start: int) -> tuple[str, int, str]:
    """A card's question, where its answer starts, and options run on from the question's line.

    The question is its first line and the next ones up to a question mark
    (three lines at most).
    """
    end = start + 1
    words = [page.text[start].strip()]
    while (
        not words[-1].rstrip().endswith("?")
        and end < len(page)
        and end < start + 3
        and page.can_ask(end)
        and not OPTION.match(page.text[end].strip())
        and not REVEAL.match(page.text[end])
    ):
        words.append(page.text[end].strip())
        end += 1
    last = words[-1]
    options = OPTIONS_START.search(last)
    if options:
        # The options start the answer, on the question's own last line.
        words[-1] = last[: options.start()]
        return _clean(" ".join(words)), end - 1, last[options.start() :].strip()
    return _clean(" ".join(words)), end, ""


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", plain_inline(text)).strip().strip("*_").strip()


def spell_out_letter(answer: list[str]) -> None:
    """ "Answer: B" becomes "Answer: B) the option's text" when the options are in the answer."""
    options: dict[str, str] = {}
    for k, line in enumerate(answer):
        for match in OPTION.finditer(line.strip()):
            options[match.group(1).upper()] = match.group(2).strip()
        letter = LETTER_ANSWER.match(line)
        if letter and letter.group(1).upper() in options:
            key = letter.group(1).upper()
            answer[k] = f"Correct answer: {key}) {options[key]}"
