"""Tests of harness/cases.py: case files are strict YAML, named after a question, naming its blocks."""

from __future__ import annotations

import re

from harness.cases import CASES_DIR, case_file_problems, load_case_file
from synthetic_pages import build, page, question


def test_case_file_problems(tmp_path):
    text = page(question("q", ("python", "x = 1"), ("bash", "ls")))
    guide, cases = build(
        tmp_path,
        {"topic.md": text},
        {
            "q.yml": "1:\n  parse_only: fragment\n3:\n  not_run: no such block\n",
            "nobody.yml": "1:\n  run: {}\n",
            "broken.yml": "1:\n  run: {\n",
            "twice.yml": "1:\n  run: {}\n1:\n  pytest: true\n",
            "keys.yml": "notes: hello\n",
            "list.yml": "- run: {}\n",
            "other.yaml": "1: {}\n",
        },
    )
    problems = {name: case_file_problems(case, guide) for name, case in cases.items()}
    assert len(problems["q"]) == 1 and "q.yml:3: entry 3 names no block: q has 2 code blocks" in problems["q"][0]
    assert "no question has the id 'nobody'" in problems["nobody"][0]
    assert "not valid YAML" in problems["broken"][0]
    assert "duplicate key 1" in problems["twice"][0]
    assert "unknown key 'notes'" in problems["keys"][0]
    assert "must map block numbers" in problems["list"][0]
    assert "named <question-id>.yml" in problems["other"][0]


def test_a_case_file_knows_the_line_of_each_entry_and_what_is_in_it(tmp_path):
    case = """\
        # block 1 is the app
        1:
          run: {}
          requests:
            - path: /a
            - {path: /b, status: 404}
          asserts:
            - "x == 1"
        "2": {not_run: shown}
        """
    text = page(question("q", ("python", "x = 1"), ("bash", "ls")))
    _, cases = build(tmp_path, {"topic.md": text}, {"q.yml": case})
    loaded = cases["q"]
    assert loaded.where(1) == f"{loaded.path}:2"
    assert loaded.where(1, "requests", 1) == f"{loaded.path}:6"
    assert loaded.where(1, "requests", 1, "status") == f"{loaded.path}:6"  # a flow mapping is one line
    assert loaded.where(1, "asserts", 0) == f"{loaded.path}:8"
    assert loaded.where(1, "shell", 0) == f"{loaded.path}:2"  # no such key: the entry's line
    assert loaded.where(2) == f"{loaded.path}:9"
    assert loaded.where(3) == loaded.path


def test_the_guide_s_case_files_are_named_from_the_repository_root():
    path = sorted(CASES_DIR.glob("*.yml"))[0]
    case = load_case_file(path)
    assert re.fullmatch(r"tests/examples/cases/[^/]+\.yml:\d+", case.where(min(case.entries)))
