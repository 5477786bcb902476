"""The case files, ``cases/<question-id>.yml``: what each block of an answer promises.

A case file maps block numbers to entries (the schema is in README.md beside
this package). This module reads the files strictly (duplicate keys are an
error, not the last one silently winning) and checks a file as a whole; each
entry is checked by ``entries``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from .pages import REPO_ROOT, Guide

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML keeps the last one silently)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    loader.flatten_mapping(node)
    mapping: dict = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclasses.dataclass
class CaseFile:
    question_id: str
    path: str  # for messages
    entries: dict[int, Any]
    problems: list[str]


def display(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


def load_case_file(path: Path) -> CaseFile:
    path = Path(path)
    shown = display(path)
    case = CaseFile(path.stem, shown, {}, [])
    if path.suffix != ".yml":
        case.problems.append(f"{shown}: case files are named <question-id>.yml")
        return case
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        case.problems.append(f"{shown}: not valid YAML: {exc}")
        return case
    if data is None:
        return case
    if not isinstance(data, dict):
        case.problems.append(f"{shown}: the file must map block numbers to entries, not be a {type(data).__name__}")
        return case
    for key, entry in data.items():
        n = key
        if isinstance(key, str) and key.strip().isdigit():
            n = int(key)
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            case.problems.append(f"{shown}: unknown key {key!r}: the keys are block numbers 1, 2, 3...")
            continue
        if n in case.entries:
            case.problems.append(f"{shown}: block {n} has two entries")
            continue
        case.entries[n] = entry
    return case


def load_cases(cases_dir: Path = CASES_DIR) -> dict[str, CaseFile]:
    cases_dir = Path(cases_dir)
    if not cases_dir.is_dir():
        return {}
    files = sorted(p for p in cases_dir.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml"))
    return {case.question_id: case for case in map(load_case_file, files)}


def case_file_problems(case: CaseFile, guide: Guide) -> list[str]:
    """What is wrong with a case file as a whole (entries are checked per block)."""
    problems = list(case.problems)
    question = guide.questions.get(case.question_id)
    if question is None:
        problems.append(
            f"{case.path}: no question has the id {case.question_id!r} in docs/ "
            "(the file must be named after a question's id)"
        )
        return problems
    for n in sorted(case.entries):
        if question.block(n) is None:
            count = len(question.blocks)
            problems.append(
                f"{case.path}: entry {n} names no block: {question.id} has "
                f"{count} code block{'s' if count != 1 else ''} "
                f"({question.page}:{question.line})"
            )
    return problems
