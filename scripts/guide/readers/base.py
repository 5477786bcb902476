"""What a reader returns, how it is scored, and the helpers readers share.

A reader explains a guide as question/answer pairs. How good an explanation
is can be counted: each answered question is worth the reader's weight, each
question left without an answer half of it, and what the reading leaves over
(content lines that belong to no question) breaks ties. Readers whose
evidence is strong (numbers in sequence, labels, headings, quiz markers) weigh
1; readers that go by a question mark alone weigh less, so that a stray
question inside an answer never outvotes a numbered guide.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from .. import clean
from ..words import QUESTION_OPENERS
from .page import Page

QUESTION_WORDS = re.compile(r"^(" + "|".join(QUESTION_OPENERS) + r")\b", re.I)

# "Answer:", "A:", "Ans.", "Expected answer:", "✅ **Answer:**", "A1:" ... and what follows them.
ANSWER_LABEL = re.compile(
    r"^[^\w`(\[<]*?(?:\*\*|__|\*|_)?\s*"
    r"(?:(?:expected|sample|example|model|suggested|ideal|possible|best|short|correct|your|the)\s+)?"
    r"(?:answer|ans|solution|a(?=\s*\d|\s*:))(?:\s*[.\-]?\s*#?\d{1,4})?"
    r"\s*(?:\*\*|__|\*|_)?\s*(?:[:.)\u2013\u2014-]|(?=\s*$))\s*(?:\*\*|__)?\s*(.*)$",
    re.I,
)
A_DOT = re.compile(r"^\s*A\s*\.\s+(?=\S)")
OPTION_B = re.compile(r"(?:^|\s)\s*\(?B[.)]\s+\S")
HEADING_MARKS = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
NUMBER_PREFIX = re.compile(
    r"^\s*(?:#\s*)?(\d{1,4})(?:\s*[.):\-\u2013\u2014]|\ufe0f?\u20e3)\s*(?=\S)"  # "3.", "3)", and the keycap emoji 3️⃣
)
Q_PREFIX = re.compile(
    r"^\s*(?:q(?:uestion|ues)?)\s*(?:no\.?\s*|#\s*)?(?:\.?\s*(\d{1,4}))?\s*(?:of\s+\d+\s*)?[.):\-\u2013\u2014]\s*(?=\S)",
    re.I,
)


@dataclass
class Pair:
    """One question and its answer lines, as a reader found them.

    ``answer`` runs 1:1 over the source lines from ``answer_start`` (a reader
    may rewrite a line, to drop a label, but never adds or removes one, so every
    later warning still names the right source line). When the answer starts
    on the question's own line ("Q: ...? A: ..."), ``answer_start`` is that line
    and its first answer line holds what follows the question.
    """

    line: int  # index of the question line in the page
    number: int  # the question's own number, or its position in the guide
    text: str
    answer_start: int
    answer: list[str]
    answered: bool


@dataclass
class Reading:
    """A reader's explanation of one guide."""

    reader: str
    description: str
    pairs: list[Pair]
    leftover: int  # content lines that belong to no question (intro, section titles)
    weight: float = 1.0
    dropped: list[int] = field(default_factory=list)  # lines this reading dropped as a repeated contents entry

    @property
    def answered(self) -> int:
        return sum(1 for p in self.pairs if p.answered)

    @property
    def unanswered(self) -> int:
        return len(self.pairs) - self.answered

    @property
    def score(self) -> float:
        # Rounded, so that equal explanations score exactly equal and ties go by the rules.
        return round(self.weight * (self.answered + 0.5 * self.unanswered), 9)


@dataclass(frozen=True)
class Bound:
    """What a reader can reach on a page at best, found cheaply: the score, and the first line it could ask on.

    A reading leaves over at least the content before its first question, so
    a reader that can only tie the best score, from no earlier line, cannot win.
    """

    score: float
    first: int


def bound_of(page: Page, asking: list[int], weight: float = 1.0) -> Bound:
    """The bound of a reader that can ask on the lines ``asking``, one question a line."""
    return Bound(round(weight * len(asking), 9), asking[0] if asking else len(page))


def is_question_like(text: str) -> bool:
    return "?" in text or bool(QUESTION_WORDS.match(text))


def ends_as_question(text: str) -> bool:
    return bool(re.search(r"\?[\s*_\"'`)\]:]*$", text))


def question_text(text: str) -> tuple[int | None, str]:
    """A question line's own number, and its wording without marks, labels or numbering."""
    text = re.sub(r"\s*\{[#.][^}]*\}\s*$", "", HEADING_MARKS.sub("", text))  # {#anchor} of an attr list
    text = re.sub(r"\s*\[(?:#|¶|\s*)\]\([^)]*\)\s*$", "", text)  # a heading's permalink
    text = strip_symbols(clean.plain_inline(text).strip().rstrip("#¶").strip())
    number: int | None = None
    for prefix in (Q_PREFIX, NUMBER_PREFIX):
        match = prefix.match(text)
        if match:
            if match.group(1):
                number = int(match.group(1))
            text = text[match.end() :]
    text = text.strip().strip("*_").strip()
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " "))
    return number, re.sub(r"\s+([?.!,:;])", r"\1", text).strip()


def strip_symbols(text: str) -> str:
    """Emoji, arrows and bullets before a question ("🔹 What is ...?") are decoration."""
    start = 0
    while start < len(text) and (
        unicodedata.category(text[start]) in ("So", "Sk", "Cf", "Mn", "Zs") or text[start] in DECORATION
    ):
        start += 1
    return text[start:].lstrip()


DECORATION = "\u2022\u25aa\u25b8\u25ba\u27a4\u2192\u2013\u2014|:~ "


def strip_answer_label(line: str) -> str | None:
    """The line without its answer label, or None when it carries none."""
    match = ANSWER_LABEL.match(line)
    if not match:
        return None
    rest = match.group(1)
    return re.sub(r"^(\*\*|__)\s*", "", rest).rstrip()


SECTION = re.compile(
    r"\b(questions|interview|mcqs?|quiz|multiple[\s-]+choice)\b|\bfor\s+(freshers|beginners|experienced|seniors?)\b"
    r"|^\W*(conclusions?|summary|final\s+thoughts|wrapping\s+up|key\s+takeaways|similar\s+reads|related\s+articles)\W*$",
    re.I,
)


def section_headings(page: Page) -> set[int]:
    if page.sections is None:
        page.sections = _section_headings(page)
    return page.sections


def _section_headings(page: Page) -> set[int]:
    """Lines that title a section of the page ("Questions for experienced developers", "Flask MCQ").

    A short line standing after a blank line, ending without punctuation and
    naming questions, an interview or a quiz ends the answer it follows.
    """
    titles = set()
    for k in range(1, len(page)):
        text = page.text[k].strip()
        if (
            page.is_content(k)
            and not page.text[k - 1].strip()
            and len(text.split()) <= 10
            and not text.endswith((".", "!", "?", ":", ";", ","))
            and SECTION.search(text)
        ):
            titles.add(k)
    return titles


def pairs_from_starts(
    page: Page,
    starts: list[tuple[int, int, str, int]],
    stops: set[int] | None = None,
    strip_labels: bool = True,
) -> tuple[list[Pair], int]:
    """Pairs from question lines; each answer runs to the next question or stop.

    ``starts`` holds (question line, number, text, first answer line). A stop
    (a section title) ends an answer; what lies between a stop and the next
    question belongs to no question and is counted as left over, as is what
    precedes the first question; a section heading (see ``section_headings``)
    is always a stop. Lines the page marks as chrome are blanked in
    the answers (site chrome that ``clean`` recognises stays for ``blocks`` to
    drop, so a source's answer lines stay what they were).
    """
    ordered_stops = sorted((stops or set()) | section_headings(page))
    pairs: list[Pair] = []
    first = starts[0][0] if starts else len(page)
    leftover = sum(1 for i in range(first) if page.is_content(i))
    for position, (index, number, text, answer_from) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(page)
        at = bisect.bisect_left(ordered_stops, answer_from)
        stop = ordered_stops[at] if at < len(ordered_stops) and ordered_stops[at] < end else None
        if stop is not None:
            leftover += sum(1 for i in range(stop, end) if page.is_content(i))
            end = stop
        answer = [_answer_line(page, i) for i in range(answer_from, end)]
        if strip_labels:
            _drop_first_label(page, answer, answer_from)
        answered = any(line.strip() and not page.chrome[answer_from + k] for k, line in enumerate(answer))
        pairs.append(Pair(index, number, text, answer_from, answer, answered))
    return pairs, leftover


def _answer_line(page: Page, index: int) -> str:
    if page.chrome[index] and not clean.is_chrome(page.text[index]):
        return ""
    return page.lines[index]


def _drop_first_label(page: Page, answer: list[str], start: int) -> None:
    for k, line in enumerate(answer):
        if not line.strip() or page.chrome[start + k]:
            continue
        if not page.fenced[start + k]:
            rest = strip_answer_label(page.text[start + k])
            if rest is None and A_DOT.match(page.text[start + k]) and not _options_follow(page, start + k):
                rest = A_DOT.sub("", page.text[start + k])  # "A. It is ...", after a "Q." question
            if (
                rest is None
                and not TABLE_ROW.match(page.text[start + k])
                and strip_symbols(page.text[start + k]) != page.text[start + k].lstrip()
            ):
                rest = strip_symbols(page.text[start + k])  # "✅ Flask is ...": an emoji marks the answer
            if rest is not None and not re.fullmatch(r"\(?[A-Ea-e]\)?[.)]?", rest.strip()):
                answer[k] = rest  # (a bare letter keeps its label: it names an option)
        return


# A pipe table's row: its first "|" is the table's, not a decoration before the answer.
TABLE_ROW = re.compile(r"^\s*\|.*\|")


def _options_follow(page: Page, index: int) -> bool:
    """An "A." line is option A when a "B." follows, on its line or the next ones."""
    following = range(index + 1, min(len(page), index + 4))
    return bool(OPTION_B.search(page.text[index])) or any(OPTION_B.match(page.text[k]) for k in following)


def drop_repeated_contents(reading: Reading) -> Reading:
    """Drop unanswered questions asked again, answered, further down: a table of contents."""
    later: set[str] = set()
    keep: list[Pair] = []
    for pair in reversed(reading.pairs):
        key = " ".join(re.findall(r"[a-z0-9]+", pair.text.lower()))
        if not pair.answered and key in later:
            reading.dropped.append(pair.line)
            continue
        if pair.answered:
            later.add(key)
        keep.append(pair)
    reading.pairs = keep[::-1]
    reading.dropped.sort()
    return reading
