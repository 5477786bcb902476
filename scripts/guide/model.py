"""The content model: one question is one record with its answer as blocks.

Blocks are plain dataclasses so that cleaning, merging and rendering can be
tested on small values without any Markdown in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Code:
    language: str  # python, html, jinja, bash, nginx, text
    text: str


@dataclass(frozen=True)
class ListBlock:
    """A bullet or numbered list; each item is itself a list of blocks, so lists nest."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Markdown:
    """Hand-written Markdown from the editorial layer, rendered as it is."""

    text: str


Block = Paragraph | Code | ListBlock | Table | Markdown


@dataclass(frozen=True)
class Place:
    """Where a question stands in the sources."""

    path: str  # e.g. sources/000_b96c15db725b87d7.txt
    line: int  # 1-based line of the question
    part: int  # 1-based guide within the file


@dataclass
class RawQuestion:
    """A question as read from a source: its text and its answer lines, still dirty."""

    text: str
    place: Place
    answer_lines: list[str]
    answer_line: int  # 1-based line where the answer begins
    double_spaced: bool = False  # see read.Layout
    wrap: int = 0
    markdown: bool = False  # written in Markdown: paragraphs run on over lines, inline markup is undone


@dataclass
class Question:
    id: str
    title: str
    source_text: str
    place: Place
    blocks: list[Block]
    topic: str = ""
    difficulty: str = ""
    tags: tuple[str, ...] = ()
    aliases: list[Question] = field(default_factory=list)
    short: str = ""  # the one- or two-sentence answer a candidate gives first
    essential: bool = False  # on the night-before list
    references: tuple[Reference, ...] = ()
    authored: bool = False  # written by the team: no source text behind it


@dataclass(frozen=True)
class Reference:
    """A page of official documentation an answer was checked against."""

    title: str
    url: str
