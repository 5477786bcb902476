"""Tests of harness/cases.py: case files are strict YAML, named after a question, naming its blocks."""

from __future__ import annotations

from harness.cases import case_file_problems
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
    assert len(problems["q"]) == 1 and "entry 3 names no block: q has 2 code blocks" in problems["q"][0]
    assert "no question has the id 'nobody'" in problems["nobody"][0]
    assert "not valid YAML" in problems["broken"][0]
    assert "duplicate key 1" in problems["twice"][0]
    assert "unknown key 'notes'" in problems["keys"][0]
    assert "must map block numbers" in problems["list"][0]
    assert "named <question-id>.yml" in problems["other"][0]
