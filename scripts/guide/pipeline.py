"""The whole normaliser as one function: sources and editorial data in, files out."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import blocks as blocks_mod
from . import code, merge, render
from . import editorial as editorial_mod
from . import explain as explain_mod
from .errors import GuideError
from .model import Markdown, Place, Question, RawQuestion
from .read import read_source
from .slug import MAX_LENGTH, slugify, wording


@dataclass
class Result:
    files: dict[str, str]
    report: list[tuple[str, str]]  # (sources/<file>:<line>, <page>.md#<id>)
    authored: list[tuple[str, str]] = field(default_factory=list)  # (editorial file:1, <page>.md#<id>)
    warnings: list[str] = field(default_factory=list)
    proposals: list[merge.Proposal] = field(default_factory=list)
    pages: list[tuple[editorial_mod.Topic, list[Question]]] = field(default_factory=list)  # the records, by page
    unanswered: set[str] = field(default_factory=set)  # report places of questions the source did not answer


# What the site shows for a question its source asks without answering, until
# the editorial layer writes an answer (scripts/editorial/questions/<id>.md).
NO_ANSWER = Markdown("*No answer yet: the source asks this question without answering it.*")


def _display(path: Path) -> str:
    """A path for messages and the report: relative to here when it can be, its undecodable bytes escaped."""
    try:
        shown = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        shown = path.as_posix()
    return os.fsencode(shown).decode("utf-8", "backslashreplace")


def source_files(sources: Path) -> list[Path]:
    files = sorted(p for p in sources.glob("*.txt") if p.is_file())
    if not files:
        raise GuideError(_display(sources), 1, "no source files (*.txt) in this folder")
    return files


def explain(sources: Path, verbose: bool = False) -> tuple[list[str], list[GuideError]]:
    """What the readers saw in every source file (see guide.explain)."""
    return explain_mod.explain([(path, _display(path)) for path in source_files(sources)], verbose)


def read_all(sources: Path) -> tuple[list[RawQuestion], int]:
    files = source_files(sources)
    raws: list[RawQuestion] = []
    guides: set[tuple[str, int]] = set()
    for path in files:
        found = read_source(path, _display(path))
        raws.extend(found)
        guides.update((path.name, q.place.part) for q in found)
    return raws, len(guides)


def identify(raws: list[RawQuestion]) -> list[str]:
    """Each source question's id; the same id twice only for the same question asked twice.

    Two different questions under one id would become one answer and lose the
    other: that is refused, naming both places.
    """
    first: dict[str, RawQuestion] = {}
    ids = []
    for raw in raws:
        ident = slugify(raw.text)
        earlier = first.setdefault(ident, raw)
        if wording(earlier.text) != wording(raw.text):
            raise GuideError(
                raw.place.path,
                raw.place.line,
                f"id collision: '{ident}' is also the id of a different question at "
                f"{earlier.place.path}:{earlier.place.line} (ids are made from the first {MAX_LENGTH} characters "
                "of the question's words); two different questions cannot share one answer",
            )
        ids.append(ident)
    return ids


def build(sources: Path, editorial_dir: Path, with_entries: bool = True) -> Result:
    raws, guides = read_all(sources)
    warnings: list[str] = []
    questions: list[Question] = []
    by_id: dict[str, Question] = {}
    for raw, ident in zip(raws, identify(raws), strict=True):
        problems = blocks_mod.Problems()
        answer = blocks_mod.answer_blocks(raw, problems)
        warnings += [f"{raw.place.path}:{line}: {message}" for line, message in problems.items]
        question = Question(ident, raw.text, raw.text, raw.place, answer)
        if not answer:
            warnings.append(f"{raw.place.path}:{raw.place.line}: question has no answer text (shown as no answer yet)")
        questions.append(question)
        by_id.setdefault(ident, question)

    merge.drop_repeated_paragraphs(questions)
    editorial = editorial_mod.load(editorial_dir, _display(editorial_dir), with_entries)
    editorial_mod.check_ids(editorial, set(by_id))

    groups = merge.Groups()
    for q in questions:
        groups.union(by_id[q.id].id, q.id)
    for entry in editorial.entries.values():
        for alias in entry.aliases:
            groups.union(entry.id, alias)
    distinct = [(entry.id, other) for entry in editorial.entries.values() for other in entry.distinct]

    def kept_apart(first: str, second: str) -> bool:
        """An editor said these two questions' groups are different questions."""
        pair = {groups.find(first), groups.find(second)}
        return any({groups.find(a), groups.find(b)} == pair for a, b in distinct)

    proposals = merge.propose(list(by_id.values()))
    for p in proposals:
        if p.score >= merge.AUTO_MERGE and not kept_apart(p.first, p.second):
            groups.union(p.first, p.second)

    # One canonical question per group: the one with an editorial file naming aliases, else the first.
    members: dict[str, list[Question]] = {}
    for q in questions:
        members.setdefault(groups.find(q.id), []).append(q)
    canonicals: list[Question] = []
    canonical_of: dict[str, Question] = {}
    for group in members.values():
        owners = [q for q in group if q.id in editorial.entries and editorial.entries[q.id].aliases]
        answered = [q for q in group if q.blocks]
        head = owners[0] if owners else answered[0] if answered else group[0]
        head.aliases = [q for q in group if q is not head]
        canonicals.append(head)
        for q in group:
            canonical_of[q.id] = head

    for entry in editorial_mod.authored(editorial):
        place = Place(entry.path, 1, 0, 0)
        canonicals.append(Question(entry.id, entry.title, entry.title, place, [], authored=True))
    for q in canonicals:
        _apply(q, editorial)
    unanswered = {
        f"{raw.place.path}:{raw.place.line}"
        for raw, q in zip(raws, questions, strict=True)
        if not canonical_of[q.id].blocks and not canonical_of[q.id].authored
    }
    for q in canonicals:
        if not q.blocks and not q.authored:
            q.blocks = [NO_ANSWER]
    _format_code(canonicals)

    pages = []
    for topic in editorial.topics:
        # Within a topic: beginner questions first, then source order.
        on_page = sorted(
            (q for q in canonicals if q.topic == topic.slug),
            key=lambda q: (
                editorial_mod.DIFFICULTIES.index(q.difficulty) if q.difficulty in editorial_mod.DIFFICULTIES else 1
            ),
        )
        if on_page:
            pages.append((topic, on_page))

    repository = str(editorial.site.get("repository", ""))
    files = {f"{topic.slug}.md": render.topic_page(topic, qs, repository) for topic, qs in pages}
    files["all-questions.md"] = render.all_questions_page(pages)
    files["index.md"] = render.home_page(editorial, pages)
    files["about.md"] = render.about_page(editorial, pages, len(raws), guides)
    files["generated.yml"] = render.site_config(pages)
    files["tags.md"] = render.tags_page(pages)
    files["essentials.md"] = render.essentials_page(pages)
    files["assets/javascripts/questions-data.js"] = render.questions_data(pages)
    report = [
        (f"{raw.place.path}:{raw.place.line}", f"{canonical_of[q.id].topic}.md#{canonical_of[q.id].id}")
        for raw, q in zip(raws, questions, strict=True)
    ]
    authored = [(f"{q.place.path}:1", f"{q.topic}.md#{q.id}") for q in canonicals if q.authored]
    pending = [
        p for p in proposals if groups.find(p.first) != groups.find(p.second) and not kept_apart(p.first, p.second)
    ]
    return Result(files, report, authored, warnings, pending, pages, unanswered)


def _apply(question: Question, editorial: editorial_mod.Editorial) -> None:
    entry = editorial.entries.get(question.id)
    if entry is not None:
        if entry.title:
            question.title = entry.title
        if entry.body:
            question.blocks = [Markdown(entry.body)]
        question.topic = entry.topic
        question.difficulty = entry.difficulty
        question.tags = entry.tags
        question.short = entry.short
        question.essential = entry.essential
        question.references = entry.references
    if not question.topic:
        question.topic = propose_topic(question, editorial.topics)
    if not question.difficulty:
        question.difficulty = propose_difficulty(question.source_text)
    if not question.tags:
        tag = editorial.topic(question.topic).tag
        question.tags = (tag,) if tag else ()


BEGINNER = re.compile(r"^(what is|what are|who|why|is|how (do|can) (you|we|i) install)\b", re.I)
ADVANCED = re.compile(
    r"\b(scal\w*|thread\w*|context\w*|middleware|performance|async\w*|security|deploy\w*|production|"
    r"architecture|structure|large|internals?|memory|celery|concurren\w*|signals?)\b",
    re.I,
)


def propose_difficulty(text: str) -> str:
    """A first guess for a question nobody has rated yet: definitions are for beginners."""
    if ADVANCED.search(text):
        return "advanced"
    if BEGINNER.match(text):
        return "beginner"
    return "intermediate"


def _format_code(questions: list[Question]) -> None:
    """Format every Python snippet of the build in one pass."""
    snippets: list[str] = []
    for q in questions:
        for block in q.blocks:
            if isinstance(block, Markdown):
                snippets += render.fenced_python(block.text)
        snippets += blocks_mod.python_code(q.blocks)
    formatted = code.format_python(snippets)
    for q in questions:
        q.blocks = [
            Markdown(render.format_fences(b.text, formatted)) if isinstance(b, Markdown) else b
            for b in blocks_mod.reformat(q.blocks, formatted)
        ]


def propose_topic(question: Question, topics: list[editorial_mod.Topic]) -> str:
    """The topic whose keywords the question's wording matches best (first topic on a tie)."""
    text = " " + re.sub(r"[^a-z0-9_@]+", " ", question.source_text.lower()) + " "
    best, score = topics[0].slug, 0
    for topic in topics:
        hits = len(_keyword_pattern(topic.keywords).findall(text))
        if hits > score:
            best, score = topic.slug, hits
    return best


@functools.cache
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted({re.sub(r"[^a-z0-9_@]+", " ", k.lower()).strip() for k in keywords}, key=len, reverse=True)
    return re.compile(r"(?<= )(?:" + "|".join(re.escape(w) for w in words if w) + r")s?(?= )")
