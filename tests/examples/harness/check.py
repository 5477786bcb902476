"""One block against its entry: the check each test of ``test_examples.py`` runs."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from .cases import CASES_DIR, CaseFile, display
from .commands import check_pytest, check_shell
from .entries import entry_problems
from .failures import ExampleFailure
from .outcomes import classify
from .pages import Block, Guide, Question
from .render import check_render
from .run import check_run


def python_syntax_problem(block: Block) -> str | None:
    try:
        ast.parse(block.text, filename=block.where)
    except SyntaxError as exc:
        line = block.page_line(exc.lineno or 1)
        return f"{block.page}:{line}: {block.id} is not valid Python: {exc.msg}\n  {(exc.text or '').rstrip()}"
    return None


def template_syntax_problem(block: Block) -> str | None:
    import jinja2

    try:
        jinja2.Environment().parse(block.text)
    except jinja2.TemplateSyntaxError as exc:
        return (
            f"{block.page}:{block.page_line(exc.lineno or 1)}: {block.id} is not a valid Jinja template: {exc.message}"
        )
    return None


def _sound_entry(block: Block, question: Question, case: CaseFile | None, case_path: str) -> Any:
    """The block's entry (None when it has none), once the block and the entry
    are known to be sound: a Python block must parse and have an entry, and an
    entry must have no problems."""
    entry = case.entries.get(block.n) if case else None
    if block.kind == "python":
        problem = python_syntax_problem(block)
        if problem:
            raise ExampleFailure(problem)
    if entry is not None:
        problems = entry_problems(block, question, entry, case.where(block.n) if case else case_path)
        if problems:
            raise ExampleFailure("\n".join(problems))
    elif block.kind == "python":
        note = ""
        if case and case.problems:
            note = "\n(that case file has problems: " + "; ".join(case.problems) + ")"
        raise ExampleFailure(
            f"{block.where}: Python block {block.id} has no entry. Add one to {case_path}, e.g.\n"
            f"{block.n}:\n  run: {{}}\n  requests:\n    - path: /\n      contains: [...]\n"
            f"or `{block.n}: {{pytest: true}}`, or `{block.n}: {{parse_only: <why it cannot run>}}`" + note
        )
    return entry


def _run(outcome: str, block: Block, question: Question, entries: dict[int, Any], folder: Path) -> None:
    """Do what the entry promises, for the outcomes that run something
    (parse_only, not_run and shown_only run nothing)."""
    entry = entries.get(block.n)
    if entry is None:
        return
    if outcome in ("run", "run-checked"):
        check_run(block, question, entry, folder)
        if "shell" in entry:
            check_shell(block, question, entry, folder)
    elif outcome == "render":
        check_render(block, question, entries, folder)
    elif outcome == "pytest":
        check_pytest(block, question, entry, folder)
    elif outcome == "shell":
        check_shell(block, question, entry, folder)


def check_block(block: Block, guide: Guide, cases: dict[str, CaseFile], tmp_path: Path) -> str:
    """Check one block against its entry; return its outcome label, or raise
    ExampleFailure (or the example's own exception)."""
    question = guide.questions[block.question_id]
    case = cases.get(block.question_id)
    case_path = case.path if case else f"{display(CASES_DIR)}/{block.question_id}.yml"
    entry = _sound_entry(block, question, case, case_path)
    outcome = classify(block, entry)
    if outcome == "parse_checked":
        problem = template_syntax_problem(block)
        if problem:
            raise ExampleFailure(
                problem + f"\n(if it is not meant to be a template, add `{block.n}: {{not_run: <why>}}` to {case_path})"
            )
    elif case is not None:
        try:
            _run(outcome, block, question, case.entries, Path(tmp_path))
        except ExampleFailure as failure:
            failure.locate(case.where(block.n, *failure.at))
            raise
        except Exception as exc:  # the example's own error: its traceback shows the block
            exc.add_note(f"its case: {case.where(block.n)} (entry {block.n})")
            raise
    return outcome
