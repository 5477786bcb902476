"""The whole normaliser as one function: sources and editorial data in, files out."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import blocks as blocks_mod
from . import code, merge, render
from . import editorial as editorial_mod
from . import explain as explain_mod
from .errors import GuideError
from .model import Markdown, Question, RawQuestion
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
    """Every step of a run, in order; each is a function of its own module."""
    raws, guides = read_all(sources)
    questions, warnings = clean_all(raws, identify(raws))
    merge.drop_repeated_paragraphs(questions)
    editorial = editorial_mod.load(editorial_dir, _display(editorial_dir), with_entries)
    editorial_mod.check_ids(editorial, {q.id for q in questions})
    editorial_mod.check_titles(editorial, questions)
    grouping = merge.group(questions, editorial_mod.merge_rules(editorial))
    canonicals = grouping.canonicals + editorial_mod.authored_questions(editorial)
    for q in canonicals:
        editorial_mod.apply(q, editorial)
    unanswered = {
        f"{raw.place.path}:{raw.place.line}"
        for raw, q in zip(raws, questions, strict=True)
        if not grouping.canonical_of[q.id].blocks
    }
    for q in canonicals:
        if not q.blocks and not q.authored:
            q.blocks = [NO_ANSWER]
    _format_code(canonicals)
    pages = editorial_mod.pages(editorial, canonicals)
    report = [
        (
            f"{raw.place.path}:{raw.place.line}",
            f"{grouping.canonical_of[q.id].topic}.md#{grouping.canonical_of[q.id].id}",
        )
        for raw, q in zip(raws, questions, strict=True)
    ]
    authored = [(f"{q.place.path}:1", f"{q.topic}.md#{q.id}") for q in canonicals if q.authored]
    files = render.site_files(editorial, pages, len(raws), guides)
    return Result(files, report, authored, warnings, grouping.pending, pages, unanswered)


def clean_all(raws: list[RawQuestion], ids: list[str]) -> tuple[list[Question], list[str]]:
    """Each raw question as a question record with its cleaned blocks, and the warnings on the way."""
    warnings: list[str] = []
    questions: list[Question] = []
    for raw, ident in zip(raws, ids, strict=True):
        problems = blocks_mod.Problems()
        answer = blocks_mod.answer_blocks(raw, problems)
        warnings += [f"{raw.place.path}:{line}: {message}" for line, message in problems.items]
        if not answer:
            warnings.append(f"{raw.place.path}:{raw.place.line}: question has no answer text (shown as no answer yet)")
        questions.append(Question(ident, raw.text, raw.text, raw.place, answer))
    return questions, warnings


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
