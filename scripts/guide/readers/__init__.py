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

from .base import Bound, Pair, Reading
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

    def bound(self, page: Page) -> Bound:
        """A cheap upper limit of what ``read`` can reach on this page."""
        ...

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


def readings(page: Page, everything: bool = False) -> list[Reading]:
    """The readers' explanations of the page, best first.

    A reader whose bound (``base.Bound``) shows it cannot beat the best
    reading so far is not asked, unless ``everything`` (``--explain``, which
    names the runner-up): on a long guide that saves reading it several
    times over, and the winner is the same either way.
    """
    found: list[tuple[int, Reading]] = []
    best: Reading | None = None
    for order, reader in enumerate(REGISTRY):
        if not everything and best is not None and cannot_win(reader.bound(page), best, page):
            continue
        reading = reader.read(page)
        if reading is not None and reading.pairs:
            found.append((order, reading))
            if best is None or (reading.score, -reading.leftover) > (best.score, -best.leftover):
                best = reading
    found.sort(key=lambda item: (-item[1].score, item[1].leftover, item[0]))
    return [reading for _, reading in found]


def cannot_win(bound: Bound, best: Reading, page: Page) -> bool:
    """Below the best score, or level with it but leaving over at least as much as the best does."""
    return bound.score < best.score or (bound.score == best.score and page.before[bound.first] >= best.leftover)


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
