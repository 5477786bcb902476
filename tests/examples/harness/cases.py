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


# A place in a case file: the block number, then the keys and list indexes
# below it, e.g. (2, "requests", 0) for the first request of entry 2.
Place = tuple[int | str, ...]


@dataclasses.dataclass
class CaseFile:
    question_id: str
    path: str  # for messages
    entries: dict[int, Any]
    problems: list[str]
    lines: dict[Place, int] = dataclasses.field(default_factory=dict)  # 1-based, for messages

    def where(self, n: int, *keys: int | str) -> str:
        """``path:line`` of entry n, or of the most precise of ``keys`` below
        it that the file has (``path`` alone when no line is known)."""
        for depth in range(len(keys), -1, -1):
            line = self.lines.get((n, *keys[:depth]))
            if line:
                return f"{self.path}:{line}"
        return self.path


def display(path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


def _block_number(key: Any) -> int | None:
    if isinstance(key, str) and key.strip().isdigit():
        key = int(key)
    if isinstance(key, int) and not isinstance(key, bool) and key >= 1:
        return key
    return None


def _record_lines(node: yaml.Node, place: Place, lines: dict[Place, int], depth: int) -> None:
    """The line of each key and list item under ``node``, ``depth`` levels down."""
    if depth == 0:
        return
    if isinstance(node, yaml.MappingNode):
        children = [(k.value, k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
    elif isinstance(node, yaml.SequenceNode):
        children = [(i, item, item) for i, item in enumerate(node.value)]
    else:
        return
    for key, marked, value in children:
        lines.setdefault((*place, key), marked.start_mark.line + 1)
        _record_lines(value, (*place, key), lines, depth - 1)


def _parse(text: str) -> tuple[Any, dict[Place, int]]:
    """The file's data, and the lines of its entries (and of what is in
    them, three levels down: enough for a request's or an assert's line)."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[Place, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            n = _block_number(key_node.value) if isinstance(key_node, yaml.ScalarNode) else None
            if n is not None and (n,) not in lines:
                lines[(n,)] = key_node.start_mark.line + 1
                _record_lines(value_node, (n,), lines, 3)
    return data, lines


def load_case_file(path: Path) -> CaseFile:
    path = Path(path)
    shown = display(path)
    case = CaseFile(path.stem, shown, {}, [])
    if path.suffix != ".yml":
        case.problems.append(f"{shown}: case files are named <question-id>.yml")
        return case
    try:
        data, case.lines = _parse(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        case.problems.append(f"{shown}: not valid YAML: {exc}")
        return case
    if data is None:
        return case
    if not isinstance(data, dict):
        case.problems.append(f"{shown}: the file must map block numbers to entries, not be a {type(data).__name__}")
        return case
    for key, entry in data.items():
        n = _block_number(key)
        if n is None:
            case.problems.append(f"{shown}: unknown key {key!r}: the keys are block numbers 1, 2, 3...")
        elif n in case.entries:
            case.problems.append(f"{case.where(n)}: block {n} has two entries")
        else:
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
                f"{case.where(n)}: entry {n} names no block: {question.id} has "
                f"{count} code block{'s' if count != 1 else ''} "
                f"({question.page}:{question.line})"
            )
    return problems
