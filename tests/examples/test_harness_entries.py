"""Tests of harness/entries.py: what is wrong with one entry, named by file and entry."""

from __future__ import annotations

import pytest

from harness.entries import entry_problems
from harness.pages import parse_page


@pytest.mark.parametrize(
    "lang, entry, message",
    [
        ("python", {"run": {}, "request": []}, "unknown key 'request'"),
        ("python", {"parse_only": None}, "parse_only needs a reason"),
        ("python", {"parse_only": "  "}, "parse_only needs a reason"),
        ("bash", {"not_run": ""}, "not_run needs a reason"),
        ("python", {"not_run": "server"}, "use parse_only"),
        ("bash", {"parse_only": "server"}, "use not_run"),
        ("bash", {"run": {}}, "run is for Python blocks"),
        ("python", {"render": {}}, "render is not for a Python block"),
        ("python", {"run": {"requests": []}}, "run takes no options"),
        ("python", {"run": {}, "pytest": True}, "choose one of run, pytest"),
        ("python", {"run": {}, "contains": ["x"]}, None),  # run + contains alone is not shell
        ("python", {"pytest": "yes"}, "pytest must be true"),
        ("bash", {"shell": "ls -l"}, "only flask commands"),
        ("bash", {"shell": "flask --app x run --debug"}, "flask run starts a server"),
        ("bash", {"shell": []}, "give a flask command, or a list of them"),
        ("bash", {"shell": ["flask routes", "ls -l"]}, "only flask commands"),
        ("bash", {"shell": ["flask routes", "flask run"]}, "flask run starts a server"),
        ("python", {"run": {}, "files": {"a.py": 9}}, "has no block 9"),
        ("python", {"run": {}, "files": {"../a.py": "x"}}, "relative path inside"),
        ("python", {"run": {}, "with_blocks": [2]}, "block 2 is not Python"),
        ("python", {"run": {}, "with_blocks": [1]}, "must not name the block itself"),
        ("python", {"run": {}, "requests": [{"path": "/", "statuss": 200}]}, "unknown key 'statuss'"),
        ("python", {"run": {}, "requests": [{"method": "GET"}]}, "path is required"),
        ("python", {"run": {}, "asserts": ["x ="]}, "is not a Python expression"),
        ("python", {"run": {}, "env": ["KEY=x"]}, "env must map environment variable names"),
        ("python", {"run": {}, "env": {"KEY": ["x"]}}, "env: KEY: the value must be a text"),
        ("python", {"pytest": True, "env": {"KEY": "x"}}, "'env' goes with run"),
        (
            "python",
            {"run": {}, "requests": [{"path": "/", "session_before": ["a"]}]},
            "session_before must be a mapping",
        ),
        (
            "python",
            {"run": {}, "requests": [{"path": "/", "headers_contain": {"Location": {"a": 1}}}]},
            "headers_contain: Location: give a text or a list of texts",
        ),
        ("python", {"parse_only": "x", "asserts": ["x"]}, "'asserts' goes with run"),
        ("html", {"render": {"contexts": {}}}, "render: unknown key 'contexts'"),
        ("html", {"render": {"app_block": 2}}, "app_block 2 is not a Python block"),
        ("python", {}, "must be a mapping with one of"),
        ("python", {"files": {"a": "b"}}, "says nothing about the block"),
    ],
)
def test_entry_problems(lang, entry, message):
    text = "## Q {#q}\n\n```" + lang + "\nx = 1\n```\n\n```bash\nls\n```\n"
    q = parse_page(text).questions[0]
    problems = entry_problems(q.blocks[0], q, entry, "cases/q.yml")
    if message is None:
        assert any("'contains' goes with shell" in p for p in problems)
    else:
        assert any(message in p for p in problems), problems
        assert all(p.startswith("cases/q.yml: entry 1: ") for p in problems)


def test_a_valid_entry_has_no_problems():
    text = "## Q {#q}\n\n```python\nx = 1\n```\n\n```html\n{{ x }}\n```\n\n```bash\nflask routes\n```\n"
    q = parse_page(text).questions[0]
    entry = {
        "run": {},
        "files": {"templates/x.html": 2, "notes.txt": "hello"},
        "env": {"API_KEY": "k", "RETRIES": 3},
        "app": "create_app()",
        "requests": [
            {
                "path": "/",
                "method": "POST",
                "form": {"a": 1},
                "status": 201,
                "contains": "x",
                "session": {"a": 1},
                "set_cookies": {"c": "d"},
                "session_before": {"b": True},
                "headers_contain": {"Location": ["/next", "x="]},
            }
        ],
        "asserts": ["x == 1"],
        "shell": "flask --app example routes",
        "contains": ["/"],
    }
    assert entry_problems(q.blocks[0], q, entry) == []
    assert entry_problems(q.blocks[1], q, {"render": {"app_block": 1, "context": {}}}) == []
    assert entry_problems(q.blocks[2], q, {"not_run": "starts a server"}) == []
