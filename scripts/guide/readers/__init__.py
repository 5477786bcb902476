"""Readers: small named strategies that each explain a guide in their own layout.

Every reader in ``REGISTRY`` is asked to explain a guide; the explanation with
the best score wins (see ``base.Reading.score``), and on equal scores the one
that leaves less over, then the reader registered first. The order is the
Python-Markdown kind of registry: the readers with the strongest evidence come
first, so the numbered layouts of the original sources keep winning the ties
they always won. Adding a family is adding a module and a line here; nothing
downstream knows which reader read a guide.
"""

from __future__ import annotations

from typing import Protocol

from .base import Pair, Reading
from .labelled import Labelled
from .markdown import MarkdownReader
from .numbered import LAYOUTS
from .page import Page, make_page
from .plain import PlainQuestions
from .question_list import QuestionList
from .quiz import Quiz
from .table import TableReader


class Reader(Protocol):
    """A layout family: a short name, a description for --explain, and a way to read a page."""

    @property
    def name(self) -> str: ...

    @property
    def description(self) -> str: ...

    def read(self, page: Page) -> Reading | None: ...


REGISTRY: tuple[Reader, ...] = (
    *LAYOUTS,
    Labelled(),
    MarkdownReader(),
    Quiz(),
    TableReader(),
    PlainQuestions(),
    QuestionList(),
)


def readings(page: Page) -> list[Reading]:
    """Every reader's explanation of the page, best first."""
    found = []
    for order, reader in enumerate(REGISTRY):
        reading = reader.read(page)
        if reading is not None and reading.pairs:
            found.append((order, reading))
    found.sort(key=lambda item: (-item[1].score, item[1].leftover, item[0]))
    return [reading for _, reading in found]


def why_it_lost(winner: Reading, other: Reading) -> str:
    """A few words on why ``other`` is not the explanation chosen."""
    if other.score == winner.score:
        if other.leftover > winner.leftover:
            return f"the same score, but it leaves more lines over ({other.leftover} against {winner.leftover})"
        return "the same score and the same lines left over; the winner comes first in the registry"
    reasons = []
    if len(other.pairs) < len(winner.pairs):
        reasons.append(f"fewer questions ({len(other.pairs)} against {len(winner.pairs)})")
    if other.answered < winner.answered:
        reasons.append(f"fewer answered ({other.answered} against {winner.answered})")
    if other.weight < winner.weight:
        reasons.append(f"weaker evidence (weight {other.weight:g} against {winner.weight:g})")
    if not reasons:
        reasons.append(f"more questions left without an answer ({other.unanswered} against {winner.unanswered})")
    return f"score {other.score:g} against {winner.score:g}: " + ", ".join(reasons)


__all__ = ["REGISTRY", "Page", "Pair", "Reader", "Reading", "make_page", "readings", "why_it_lost"]
