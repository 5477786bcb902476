"""Duplicates: questions that ask the same thing, and paragraphs said twice.

Detection only proposes; which questions merge is editorial data with a
reason. Candidates come from an inverted index over the questions' content
words, so the work grows with the number of questions, not its square.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Paragraph, Question
from .slug import words as spelled_words
from .words import STOP_WORDS, SYNONYMS

#: Pairs at or above this similarity are merged without an editorial entry.
AUTO_MERGE = 0.8
#: Pairs at or above this similarity are proposed to the editor.
PROPOSE = 0.5
#: At most this many earlier questions are compared with each question: those
#: sharing its rarest words first. Real duplicates share rare words; only a
#: pathological guide (thousands of questions alike) reaches the cap, which
#: keeps the work and the proposals list linear.
MAX_CANDIDATES = 100
#: And at most this many proposals are kept per question, the best first.
MAX_PROPOSALS = 10


def content_words(text: str) -> frozenset[str]:
    words = set()
    for word in spelled_words(text):
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        word = SYNONYMS.get(word, word)
        if word not in STOP_WORDS:
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
    threshold is missed while a question has at most ``MAX_CANDIDATES``
    candidates, and unrelated questions are never compared, which keeps the
    work close to linear in the number of questions.
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
        candidates: dict[int, None] = {}
        for word in prefix:  # rarest first
            postings = index[word]
            for other in reversed(postings[-MAX_CANDIDATES:]):
                if len(candidates) >= MAX_CANDIDATES:
                    break
                candidates.setdefault(other)
            postings.append(number)
        found = []
        for other in sorted(candidates):
            union = len(words | signatures[other])
            score = len(words & signatures[other]) / union
            if score >= PROPOSE and questions[number].id != questions[other].id:
                found.append(Proposal(questions[other].id, questions[number].id, round(score, 3)))
        # The best, in source order; unchanged whenever a question has no more than the cap.
        best = sorted(sorted(range(len(found)), key=lambda i: -found[i].score)[:MAX_PROPOSALS])
        proposals += [found[i] for i in best]
    return proposals


def drop_repeated_paragraphs(questions: list[Question]) -> None:
    """A long paragraph printed under two questions stays only under the one it answers.

    Scraped pages sometimes paste one answer's paragraph into another; it is
    kept where the question shares most words with it (the first such
    question on a tie). Linear in the paragraphs: each question is listed
    once per paragraph however often either repeats.
    """
    owners: dict[str, dict[int, Question]] = defaultdict(dict)  # key -> {id(question): question}, in order
    keys: dict[int, list[str | None]] = {}
    for question in questions:
        found = [_key(b.text) if isinstance(b, Paragraph) and len(b.text) >= 80 else None for b in question.blocks]
        keys[id(question)] = found
        for key in found:
            if key is not None:
                owners[key].setdefault(id(question), question)
    losers: dict[int, set[str]] = defaultdict(set)
    for key, holders in owners.items():
        if len(holders) < 2:
            continue
        words = content_words(key)
        keeper = max(
            enumerate(holders.values()), key=lambda item: (len(content_words(item[1].source_text) & words), -item[0])
        )[1]
        for question in holders.values():
            if question is not keeper:
                losers[id(question)].add(key)
    for question in questions:
        dropped = losers.get(id(question))
        if not dropped:
            continue
        remaining = [b for b, key in zip(question.blocks, keys[id(question)], strict=True) if key not in dropped]
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


@dataclass(frozen=True)
class Rules:
    """What the editorial layer says about duplicates: merge these, never merge those."""

    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # an answer's id: the ids merged into it
    distinct: tuple[tuple[str, str], ...] = ()  # pairs of ids that ask different questions


@dataclass
class Grouping:
    canonicals: list[Question]  # one question per group, in source order of the groups
    canonical_of: dict[str, Question]  # every source id: the question that answers it
    pending: list[Proposal]  # proposals left for the editor: not merged, not kept apart


def group(questions: list[Question], rules: Rules) -> Grouping:
    """Which questions become one answer: the same id, an editorial alias, or a near-certain duplicate.

    The canonical question of a group is the one whose editorial entry names
    aliases, else the first that has an answer, else the first; the others
    become its aliases.
    """
    by_id: dict[str, Question] = {}
    for q in questions:
        by_id.setdefault(q.id, q)
    groups = Groups()
    for q in questions:
        groups.union(q.id, q.id)
    for ident, aliases in rules.aliases.items():
        for alias in aliases:
            groups.union(ident, alias)

    def kept_apart(first: str, second: str) -> bool:
        """An editor said these two questions' groups are different questions."""
        pair = {groups.find(first), groups.find(second)}
        return any({groups.find(a), groups.find(b)} == pair for a, b in rules.distinct)

    proposals = propose(list(by_id.values()))
    for p in proposals:
        if p.score >= AUTO_MERGE and not kept_apart(p.first, p.second):
            groups.union(p.first, p.second)

    members: dict[str, list[Question]] = {}
    for q in questions:
        members.setdefault(groups.find(q.id), []).append(q)
    canonicals: list[Question] = []
    canonical_of: dict[str, Question] = {}
    for group_members in members.values():
        owners = [q for q in group_members if rules.aliases.get(q.id)]
        answered = [q for q in group_members if q.blocks]
        head = owners[0] if owners else answered[0] if answered else group_members[0]
        head.aliases = [q for q in group_members if q is not head]
        canonicals.append(head)
        for q in group_members:
            canonical_of[q.id] = head
    pending = [
        p for p in proposals if groups.find(p.first) != groups.find(p.second) and not kept_apart(p.first, p.second)
    ]
    return Grouping(canonicals, canonical_of, pending)
