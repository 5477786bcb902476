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
    """One line on why ``other`` is not the explanation chosen."""
    if other.score < winner.score:
        if other.weight < winner.weight and other.answered <= winner.answered:
            return f"it finds {_count(other)}, by weaker evidence (weight {other.weight:g})"
        if other.answered < winner.answered:
            return f"it answers fewer questions ({other.answered} against {winner.answered})"
        return f"it scores less ({other.score:g} against {winner.score:g})"
    if other.leftover > winner.leftover:
        return f"same score, but it leaves more lines over ({other.leftover} against {winner.leftover})"
    return "same score and the same lines left over; the winner comes first in the registry"


def _count(reading: Reading) -> str:
    questions = len(reading.pairs)
    return f"{questions} question{'s' if questions != 1 else ''}, {reading.answered} answered"


__all__ = ["REGISTRY", "Page", "Pair", "Reader", "Reading", "make_page", "readings", "why_it_lost"]
