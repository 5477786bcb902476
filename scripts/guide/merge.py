"""Duplicates: questions that ask the same thing, and paragraphs said twice.

Detection only proposes; which questions merge is editorial data with a
reason. Candidates come from an inverted index over the questions' content
words, so the work grows with the number of questions, not its square.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from .model import Paragraph, Question
from .slug import words as spelled_words

STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "to",
        "for",
        "with",
        "and",
        "or",
        "is",
        "are",
        "be",
        "can",
        "could",
        "do",
        "does",
        "did",
        "you",
        "we",
        "i",
        "it",
        "its",
        "what",
        "how",
        "why",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "explain",
        "describe",
        "mention",
        "state",
        "whether",
        "name",
        "some",
        "their",
        "there",
        "this",
        "that",
        "these",
        "those",
        "your",
        "our",
        "one",
        "by",
        "mean",
        "meant",
        "flask",
        "python",
        "use",
        "used",
        "using",
        "framework",
        "application",
        "applications",
        "app",
        "apps",
        "way",
        "ways",
        "get",
        "give",
        "tell",
        "me",
        "between",
        "also",
        "about",
        "any",
        "all",
    ]
)
SYNONYMS = {
    "debugging": "debug",
    "debugger": "debug",
    "advantage": "benefit",
    "pro": "benefit",
    "compare": "difference",
    "comparison": "difference",
    "differ": "difference",
    "versus": "difference",
    "vs": "difference",
    "db": "database",
    "restful": "rest",
    "threadlocal": "thread",
    "jinja2": "jinja",
    "templating": "template",
    "middlewares": "middleware",
}

#: Pairs at or above this similarity are merged without an editorial entry.
AUTO_MERGE = 0.8
#: Pairs at or above this similarity are proposed to the editor.
PROPOSE = 0.5


def content_words(text: str) -> frozenset[str]:
    words = set()
    for word in spelled_words(text):
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        word = SYNONYMS.get(word, word)
        if word not in STOP:
            words.add(word)
    return frozenset(words)


@dataclass(frozen=True)
class Proposal:
    first: str
    second: str
    score: float


def propose(questions: list[Question]) -> list[Proposal]:
    """Pairs of questions whose content words overlap enough to be one question.

    Prefix filtering (the all-pairs similarity join): two sets with Jaccard
    similarity >= t must share one of the rarest ``len - ceil(t * len) + 1``
    words of each, so only those words are indexed. No pair above the
    threshold is missed, and unrelated questions are never compared, which
    keeps the work close to linear in the number of questions.
    """
    signatures = [content_words(q.source_text) for q in questions]
    frequency: dict[str, int] = defaultdict(int)
    for words in signatures:
        for word in words:
            frequency[word] += 1
    index: dict[str, list[int]] = defaultdict(list)
    proposals: list[Proposal] = []
    for number, words in enumerate(signatures):
        if not words:
            continue
        ordered = sorted(words, key=lambda w: (frequency[w], w))
        prefix = ordered[: len(ordered) - math.ceil(PROPOSE * len(ordered)) + 1]
        candidates: set[int] = set()
        for word in prefix:
            candidates.update(index[word])
            index[word].append(number)
        for other in sorted(candidates):
            union = len(words | signatures[other])
            score = len(words & signatures[other]) / union
            if score >= PROPOSE and questions[number].id != questions[other].id:
                proposals.append(Proposal(questions[other].id, questions[number].id, round(score, 3)))
    return proposals


def drop_repeated_paragraphs(questions: list[Question]) -> None:
    """A long paragraph printed under two questions stays only under the one it answers.

    Scraped pages sometimes paste one answer's paragraph into another; it is
    kept where the question shares most words with it.
    """
    owners: dict[str, list[Question]] = defaultdict(list)
    for question in questions:
        for block in question.blocks:
            if isinstance(block, Paragraph) and len(block.text) >= 80:
                owners[_key(block.text)].append(question)
    for key, holders in owners.items():
        if len({id(q) for q in holders}) < 2:
            continue
        words = content_words(key)
        keeper = max(holders, key=lambda q: (len(content_words(q.source_text) & words), -holders.index(q)))
        for question in holders:
            if question is keeper:
                continue
            remaining = [b for b in question.blocks if not (isinstance(b, Paragraph) and _key(b.text) == key)]
            if remaining:
                question.blocks = remaining


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


class Groups:
    """Union-find over question ids: which ids end up as one answer."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[b] = a
