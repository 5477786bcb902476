"""Tests of the examples harness itself, on small synthetic pages and case files."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import harness

FENCE = "```"
REPO_ROOT = Path(__file__).resolve().parents[2]


def question(qid: str, *blocks: tuple[str, str], title: str = "A question?") -> str:
    """One ``## Title {#qid}`` section with prose around each (lang, code) block."""
    parts = [f"## {title} {{#{qid}}}\n\nSome prose.\n"]
    for lang, code in blocks:
        parts.append(f"{FENCE}{lang}\n{textwrap.dedent(code).strip(chr(10))}\n{FENCE}\n\nMore prose.\n")
    return "\n".join(parts)


def page(*questions: str) -> str:
    return "---\ntitle: Topic\n---\n# Topic\n\nIntro.\n\n" + "\n".join(questions)


def build(tmp_path: Path, pages: dict[str, str], cases: dict[str, str] | None = None):
    docs = tmp_path / "site" / "docs"
    docs.mkdir(parents=True)
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    cases_dir = tmp_path / "site" / "cases"
    cases_dir.mkdir()
    for name, text in (cases or {}).items():
        (cases_dir / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return harness.collect(docs), harness.load_cases(cases_dir)


def check(tmp_path: Path, text: str, cases: dict[str, str], block_id: str) -> str:
    guide, loaded = build(tmp_path, {"topic.md": text}, cases)
    blocks = {b.id: b for b in guide.blocks}
    return harness.check_block(blocks[block_id], guide, loaded, tmp_path / "work" / block_id)


def fails(tmp_path: Path, text: str, cases: dict[str, str], block_id: str) -> str:
    with pytest.raises(harness.ExampleFailure) as info:
        check(tmp_path, text, cases, block_id)
    return str(info.value)


HELLO = """
from flask import Flask

app = Flask(__name__)


@app.route("/hello")
def hello():
    return "Hello!"
"""


# --------------------------------------------------------------------------
# Parsing pages
# --------------------------------------------------------------------------


def test_blocks_are_numbered_per_answer_whatever_their_language():
    text = page(
        question("first", ("python", "x = 1"), ("bash", "flask routes"), ("html+jinja", "{{ x }}")),
        question("second", ("text", "plain"), ("python", "y = 2")),
    )
    result = harness.parse_page(text, "docs/topic.md")
    assert [q.id for q in result.questions] == ["first", "second"]
    assert [q.title for q in result.questions] == ["A question?", "A question?"]
    got = [(b.id, b.n, b.lang, b.text) for q in result.questions for b in q.blocks]
    assert got == [
        ("first-1", 1, "python", "x = 1\n"),
        ("first-2", 2, "bash", "flask routes\n"),
        ("first-3", 3, "html+jinja", "{{ x }}\n"),
        ("second-1", 1, "text", "plain\n"),
        ("second-2", 2, "python", "y = 2\n"),
    ]
    assert result.problems == []


def test_a_block_knows_its_page_line():
    text = "## Q {#q}\n\ntext\n\n```python\nx = 1\ny = (\n```\n"
    (block,) = harness.parse_page(text, "docs/p.md").questions[0].blocks
    assert block.line == 5
    assert block.where == "docs/p.md:5"
    problem = harness.python_syntax_problem(block)
    assert problem.startswith("docs/p.md:7: q-1 is not valid Python")


def test_indented_fences_lose_the_common_indentation():
    text = textwrap.dedent(
        """\
        ## Q {#q}

        1. Save this:

            ```python
            def f():
                return 1
            ```

        !!! note "A method body"
            ```python
                    return self.x
            ```

        - item

            ```html
              <p>
                {{ x }}
              </p>
            ```
        """
    )
    blocks = harness.parse_page(text).questions[0].blocks
    assert [b.text for b in blocks] == [
        "def f():\n    return 1\n",
        "return self.x\n",
        "<p>\n  {{ x }}\n</p>\n",
    ]
    assert [b.n for b in blocks] == [1, 2, 3]


def test_an_indented_fence_ends_where_its_container_ends():
    text = "## Q {#q}\n\n- item\n\n    ```python\n    x = 1\nnot code\n\n```bash\nls\n```\n"
    result = harness.parse_page(text, "p.md")
    assert [b.text for b in result.questions[0].blocks] == ["x = 1\n", "ls\n"]
    assert result.problems == ["p.md:5: the code fence ``` is never closed"]


def test_fences_inside_fences_are_content():
    inner = "```python\nprint('hi')\n```"
    text = (
        "## Q {#q}\n\n````markdown\nShow this:\n\n" + inner + "\n````\n\n~~~text\n```\n~~~\n\n```python\nz = 3\n```\n"
    )
    blocks = harness.parse_page(text).questions[0].blocks
    assert [(b.n, b.lang) for b in blocks] == [(1, "markdown"), (2, "text"), (3, "python")]
    assert blocks[0].text == "Show this:\n\n" + inner + "\n"
    assert blocks[1].text == "```\n"


def test_heading_lines_inside_fences_start_no_question():
    text = "## Q {#q}\n\n```python\n## not a heading {#fake}\nx = 1\n```\n\n```bash\necho\n```\n"
    result = harness.parse_page(text)
    assert [q.id for q in result.questions] == ["q"]
    assert len(result.questions[0].blocks) == 2


def test_blocks_outside_questions_contribute_nothing():
    text = textwrap.dedent(
        """\
        ---
        title: All questions
        ---
        # All questions

        ```python
        intro = 1
        ```

        ## Q {#q}

        ```python
        x = 1
        ```

        ### A sub-heading stays in the answer

        ```python
        y = 2
        ```

        ## See also

        ```python
        not_a_question = 3
        ```
        """
    )
    result = harness.parse_page(text)
    assert [b.text for q in result.questions for b in q.blocks] == ["x = 1\n", "y = 2\n"]
    assert harness.parse_page("# Index\n\n```python\nx = 1\n```\n").questions == []


def test_heading_attributes_and_info_strings():
    text = (
        "## What is `g`? { #what-is-g .special }\n\n"
        '```python title="app.py"\na = 1\n```\n\n```{.html .numbered}\n<p>\n```\n\n```\nbare\n```\n'
    )
    (q,) = harness.parse_page(text).questions
    assert (q.id, q.title) == ("what-is-g", "What is `g`?")
    assert [(b.lang, b.kind) for b in q.blocks] == [
        ("python", "python"),
        ("html", "template"),
        ("", "other"),
    ]


def test_repeated_question_ids_are_reported(tmp_path):
    text = page(question("q", ("python", "x = 1")), question("q", ("python", "y = 1")))
    guide, _ = build(tmp_path, {"a.md": text, "b.md": page(question("q", ("python", "z")))})
    assert any("'q' is used twice" in p for p in guide.problems)
    assert any("also used in docs/a.md" in p for p in guide.problems)


def test_collect_names_pages_relative_to_the_docs_folder(tmp_path):
    guide, _ = build(tmp_path, {"topic.md": page(question("q", ("python", "x = 1")))})
    assert [b.where for b in guide.blocks] == ["docs/topic.md:12"]
    assert harness.DOCS_DIR == REPO_ROOT / "docs"
    assert Path(__file__).resolve().parent / "cases" == harness.CASES_DIR


# --------------------------------------------------------------------------
# Case files and entries
# --------------------------------------------------------------------------


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
    problems = {name: harness.case_file_problems(case, guide) for name, case in cases.items()}
    assert len(problems["q"]) == 1 and "entry 3 names no block: q has 2 code blocks" in problems["q"][0]
    assert "no question has the id 'nobody'" in problems["nobody"][0]
    assert "not valid YAML" in problems["broken"][0]
    assert "duplicate key 1" in problems["twice"][0]
    assert "unknown key 'notes'" in problems["keys"][0]
    assert "must map block numbers" in problems["list"][0]
    assert "named <question-id>.yml" in problems["other"][0]


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
    q = harness.parse_page(text).questions[0]
    problems = harness.entry_problems(q.blocks[0], q, entry, "cases/q.yml")
    if message is None:
        assert any("'contains' goes with shell" in p for p in problems)
    else:
        assert any(message in p for p in problems), problems
        assert all(p.startswith("cases/q.yml entry 1: ") for p in problems)


def test_a_valid_entry_has_no_problems():
    text = "## Q {#q}\n\n```python\nx = 1\n```\n\n```html\n{{ x }}\n```\n\n```bash\nflask routes\n```\n"
    q = harness.parse_page(text).questions[0]
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
    assert harness.entry_problems(q.blocks[0], q, entry) == []
    assert harness.entry_problems(q.blocks[1], q, {"render": {"app_block": 1, "context": {}}}) == []
    assert harness.entry_problems(q.blocks[2], q, {"not_run": "starts a server"}) == []


def test_a_python_block_without_entry_fails_and_says_what_to_add(tmp_path):
    message = fails(tmp_path, page(question("q", ("python", "x = 1"))), {}, "q-1")
    assert "Python block q-1 has no entry" in message
    assert "q.yml" in message and "run: {}" in message and "parse_only" in message


def test_a_python_block_must_parse_even_when_parse_only(tmp_path):
    text = page(question("q", ("python", ">>> x = 1")))
    message = fails(tmp_path, text, {"q.yml": "1:\n  parse_only: a fragment\n"}, "q-1")
    assert "q-1 is not valid Python" in message


def test_parse_only_with_a_reason_passes(tmp_path):
    text = page(question("q", ("python", "db.session.commit()")))
    assert (
        check(tmp_path, text, {"q.yml": "1:\n  parse_only: needs the app from the answer above\n"}, "q-1")
        == "parse_only"
    )


def test_parse_only_without_a_reason_fails(tmp_path):
    text = page(question("q", ("python", "db.session.commit()")))
    message = fails(tmp_path, text, {"q.yml": "1:\n  parse_only:\n"}, "q-1")
    assert "parse_only needs a reason" in message


def test_an_unknown_key_fails_the_block(tmp_path):
    text = page(question("q", ("python", HELLO)))
    message = fails(tmp_path, text, {"q.yml": "1:\n  run: {}\n  request:\n    - path: /hello\n"}, "q-1")
    assert "unknown key 'request'" in message


# --------------------------------------------------------------------------
# run
# --------------------------------------------------------------------------


def test_run_passes_when_the_app_answers_as_promised(tmp_path):
    case = """\
        1:
          run: {}
          requests:
            - path: /hello
              text: Hello!
              contains: [Hell]
              headers_out: {Content-Type: text/html; charset=utf-8}
        """
    assert check(tmp_path, page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1") == "run-checked"


def test_a_wrong_expected_status_fails(tmp_path):
    case = "1:\n  run: {}\n  requests:\n    - path: /hello\n      status: 201\n"
    message = fails(tmp_path, page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1")
    assert "q-1 request 1 (GET /hello)" in message
    assert "status: expected 201, got 200" in message


def test_the_default_expected_status_is_200(tmp_path):
    case = "1:\n  run: {}\n  requests:\n    - path: /nowhere\n"
    message = fails(tmp_path, page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1")
    assert "status: expected 200, got 404" in message


@pytest.mark.parametrize(
    "check_yaml, message",
    [
        ("text: Hello", "text: expected 'Hello', got 'Hello!'"),
        ("contains: [Bye]", "contains: 'Bye' is not in the body"),
        ("headers_out: {Content-Type: application/json}", "headers_out: Content-Type: expected 'application/json'"),
        ("json_body: {a: 1}", "json_body: expected {'a': 1}, got None"),
    ],
)
def test_each_response_check_can_fail(tmp_path, check_yaml, message):
    case = f"1:\n  run: {{}}\n  requests:\n    - path: /hello\n      {check_yaml}\n"
    assert message in fails(tmp_path, page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1")


JSON_APP = """
from flask import Flask, jsonify, request

app = Flask(__name__)
items = []


@app.post("/items")
def add():
    items.append(request.get_json()["name"])
    return jsonify(id=len(items)), 201


@app.get("/search")
def search():
    return {"q": request.args["q"], "agent": request.headers.get("User-Agent")}


@app.post("/form")
def form():
    return request.form["who"]
"""


def test_request_bodies_query_and_headers_are_sent(tmp_path):
    case = """\
        1:
          run: {}
          requests:
            - {path: /items, method: POST, json: {name: ann}, status: 201, json_body: {id: 1}}
            - {path: /items, method: post, json: {name: bob}, status: 201, json_body: {id: 2}}
            - path: /search
              query: {q: flask}
              headers: {User-Agent: tester}
              json_body: {q: flask, agent: tester}
            - {path: /form, method: POST, form: {who: 42}, text: "42"}
          asserts:
            - "items == ['ann', 'bob']"
        """
    assert check(tmp_path, page(question("q", ("python", JSON_APP))), {"q.yml": case}, "q-1") == "run-checked"


SESSION_APP = """
from flask import Flask, make_response, session

app = Flask(__name__)
app.secret_key = "test"


@app.route("/login/<name>")
def login(name):
    session["user"] = name
    response = make_response("in")
    response.set_cookie("theme", "dark mode")
    return response


@app.route("/me")
def me():
    return session.get("user", "nobody")


@app.route("/logout")
def logout():
    session.pop("user", None)
    return "out"
"""


def test_cookies_and_the_session_persist_across_requests(tmp_path):
    case = """\
        1:
          run: {}
          requests:
            - path: /login/ann
              set_cookies: {theme: dark mode}
              session: {user: ann}
            - path: /me
              text: ann
            - path: /logout
              session: {user: null}
            - path: /me
              text: nobody
        """
    assert check(tmp_path, page(question("q", ("python", SESSION_APP))), {"q.yml": case}, "q-1") == "run-checked"


def test_a_wrong_session_value_fails(tmp_path):
    case = "1:\n  run: {}\n  requests:\n    - path: /login/ann\n      session: {user: bob}\n"
    message = fails(tmp_path, page(question("q", ("python", SESSION_APP))), {"q.yml": case}, "q-1")
    assert "session: 'user': expected 'bob', got 'ann'" in message


def test_a_missing_session_key_fails(tmp_path):
    case = "1:\n  run: {}\n  requests:\n    - path: /me\n      session: {user: ann}\n"
    message = fails(tmp_path, page(question("q", ("python", SESSION_APP))), {"q.yml": case}, "q-1")
    assert "session: 'user' is missing" in message


def test_a_wrong_cookie_fails(tmp_path):
    case = "1:\n  run: {}\n  requests:\n    - path: /login/ann\n      set_cookies: {theme: light, lang: en}\n"
    message = fails(tmp_path, page(question("q", ("python", SESSION_APP))), {"q.yml": case}, "q-1")
    assert "set_cookies: theme: expected 'light', got 'dark mode'" in message
    assert "set_cookies: lang: expected 'en', got None" in message


def test_the_session_cannot_be_checked_without_a_secret_key(tmp_path):
    case = "1:\n  run: {}\n  requests:\n    - path: /hello\n      session: {user: ann}\n"
    message = fails(tmp_path, page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1")
    assert "cannot open the session" in message


def test_session_before_puts_keys_into_the_session_for_the_request(tmp_path):
    case = """\
        1:
          run: {}
          requests:
            - path: /me
              text: nobody
            - path: /me
              session_before: {user: ann}
              text: ann
            - path: /me
              text: ann
        """
    assert check(tmp_path, page(question("q", ("python", SESSION_APP))), {"q.yml": case}, "q-1") == "run-checked"


def test_session_before_needs_a_secret_key(tmp_path):
    case = "1:\n  run: {}\n  requests:\n    - path: /hello\n      session_before: {user: ann}\n"
    message = fails(tmp_path, page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1")
    assert "session_before: cannot open the session" in message


REDIRECT_APP = """
from flask import Flask, redirect

app = Flask(__name__)


@app.route("/go")
def go():
    return redirect("https://example.com/authorize?client_id=abc&state=xyz")
"""


def test_headers_contain_checks_substrings_of_response_headers(tmp_path):
    case = """\
        1:
          run: {}
          requests:
            - path: /go
              status: 302
              headers_contain:
                Location:
                  - https://example.com/authorize?
                  - client_id=abc
                  - state=
        """
    text = page(question("q", ("python", REDIRECT_APP)))
    assert check(tmp_path, text, {"q.yml": case}, "q-1") == "run-checked"
    case = "1:\n  run: {}\n  requests:\n    - path: /go\n      status: 302\n      headers_contain: {Location: client_id=xyz, X-Missing: a}\n"
    message = fails(tmp_path / "again", text, {"q.yml": case}, "q-1")
    assert "headers_contain: Location: 'client_id=xyz' is not in 'https://example.com/authorize?" in message
    assert "headers_contain: X-Missing: 'a' is not in None" in message


def test_env_is_set_while_the_block_runs_and_restored_after(tmp_path, monkeypatch):
    monkeypatch.delenv("EXAMPLE_CLIENT_ID", raising=False)
    text = page(question("q", ("python", "import os\n\nclient_id = os.environ.get('EXAMPLE_CLIENT_ID')\n")))
    case = "1:\n  run: {}\n  env: {EXAMPLE_CLIENT_ID: abc}\n  asserts: [\"client_id == 'abc'\"]\n"
    assert check(tmp_path, text, {"q.yml": case}, "q-1") == "run-checked"
    assert "EXAMPLE_CLIENT_ID" not in os.environ


def test_asserts_are_evaluated_in_the_module_namespace(tmp_path):
    text = page(question("q", ("python", "def double(x):\n    return 2 * x\n")))
    assert check(tmp_path, text, {"q.yml": "1:\n  run: {}\n  asserts: ['double(2) == 4']\n"}, "q-1") == "run-checked"
    message = fails(tmp_path / "again", text, {"q.yml": "1:\n  run: {}\n  asserts: ['double(2) == 5']\n"}, "q-1")
    assert "assert double(2) == 5 is False" in message
    assert "left: double(2) = 4" in message and "right: 5 = 5" in message


def test_run_without_checks_only_executes(tmp_path):
    text = page(question("q", ("python", "x = 1")))
    assert check(tmp_path, text, {"q.yml": "1:\n  run: {}\n"}, "q-1") == "run"
    text = page(question("q", ("python", "raise ValueError('broken example')")))
    with pytest.raises(ValueError, match="broken example") as info:
        check(tmp_path / "again", text, {"q.yml": "1:\n  run: {}\n"}, "q-1")
    assert any("while executing q-1 (docs/topic.md:" in note for note in info.value.__notes__)


def test_files_and_with_blocks_and_an_app_factory(tmp_path):
    factory = """
    from flask import Flask, render_template
    from helpers import shout


    def create_app(greeting):
        app = Flask(__name__)

        @app.route("/")
        def index():
            return render_template("index.html", word=shout(greeting + SUFFIX))

        return app
    """
    text = page(
        question(
            "q",
            ("python", "SUFFIX = '!'"),
            ("python", factory),
            ("html+jinja", "<h1>{{ word }}</h1>"),
        )
    )
    case = """\
        2:
          run: {}
          files:
            templates/index.html: 3
            helpers.py: "def shout(s):\\n    return s.upper()\\n"
          with_blocks: [1]
          app: create_app("hi")
          requests:
            - path: /
              text: <h1>HI!</h1>
        1:
          run: {}
        """
    assert check(tmp_path, text, {"q.yml": case}, "q-2") == "run-checked"
    assert "helpers" not in sys.modules  # imported from the example's folder, then removed


def test_an_app_name_that_the_example_lacks_fails(tmp_path):
    case = "1:\n  run: {}\n  app: application\n  requests:\n    - path: /hello\n"
    message = fails(tmp_path, page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1")
    assert "the example defines no 'application'" in message


ISOLATION = """
import os
import sqlite3
import sys

from flask import Flask

app = Flask(__name__)
conn = sqlite3.connect("notes.db")
conn.execute("create table t (x)")
conn.commit()
os.environ["EXAMPLE_LEAK"] = "1"
seen = {"cwd": os.getcwd(), "root": app.root_path, "name": __name__,
        "registered": sys.modules[__name__] is sys.modules["example"]}
"""


def test_each_example_runs_in_its_own_folder_and_leaves_nothing_behind(tmp_path):
    text = page(question("q", ("python", ISOLATION)))
    case = """\
        1:
          run: {}
          asserts:
            - "seen['name'] == 'example' and seen['registered']"
            - "os.path.exists('notes.db')"
        """
    cwd, path = os.getcwd(), list(sys.path)
    assert check(tmp_path, text, {"q.yml": case}, "q-1") == "run-checked"
    work = (tmp_path / "work" / "q-1").resolve()
    assert (work / "notes.db").is_file()
    assert (work / "example.py").read_text() == harness.collect(tmp_path / "site" / "docs").blocks[0].text
    assert os.getcwd() == cwd and sys.path == path
    assert "example" not in sys.modules
    assert "EXAMPLE_LEAK" not in os.environ


def test_app_root_path_is_the_example_folder(tmp_path):
    text = page(question("q", ("python", ISOLATION)))
    case = "1:\n  run: {}\n  asserts:\n    - \"seen['root'] == seen['cwd'] == os.getcwd()\"\n    - \"'work' in seen['root']\"\n"
    assert check(tmp_path, text, {"q.yml": case}, "q-1") == "run-checked"


def test_a_module_of_the_same_name_elsewhere_does_not_shadow_the_examples(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "models", type(sys)("models"))
    text = page(question("q", ("python", "from models import VALUE")))
    case = "1:\n  run: {}\n  files: {models.py: 'VALUE = 7'}\n  asserts: ['VALUE == 7']\n"
    assert check(tmp_path, text, {"q.yml": case}, "q-1") == "run-checked"
    assert not hasattr(sys.modules["models"], "VALUE")  # the outer module is back


def test_starting_a_server_at_import_fails(tmp_path):
    text = page(question("q", ("python", HELLO + "\napp.run()\n")))
    message = fails(tmp_path, text, {"q.yml": "1:\n  run: {}\n"}, "q-1")
    assert "starts a server" in message and "__name__" in message
    guarded = page(question("q", ("python", HELLO + "\nif __name__ == '__main__':\n    app.run()\n")))
    assert check(tmp_path / "guarded", guarded, {"q.yml": "1:\n  run: {}\n"}, "q-1") == "run"


def test_an_expected_500_lets_the_apps_error_handler_answer(tmp_path):
    app = """
    from flask import Flask

    app = Flask(__name__)


    @app.errorhandler(500)
    def oops(error):
        return "Something went wrong", 500


    @app.route("/boom")
    def boom():
        1 / 0
    """
    case = "1:\n  run: {}\n  requests:\n    - path: /boom\n      status: 500\n      text: Something went wrong\n"
    assert check(tmp_path, page(question("q", ("python", app))), {"q.yml": case}, "q-1") == "run-checked"
    case = "1:\n  run: {}\n  requests:\n    - path: /boom\n"
    with pytest.raises(ZeroDivisionError):  # testing mode propagates unexpected errors
        check(tmp_path / "again", page(question("q", ("python", app))), {"q.yml": case}, "q-1")


# --------------------------------------------------------------------------
# No network
# --------------------------------------------------------------------------


def test_an_example_reaching_the_network_fails_even_if_it_catches_the_error(tmp_path):
    code = """
    import socket

    try:
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    except OSError as exc:
        error = exc
    """
    message = fails(tmp_path, page(question("q", ("python", code))), {"q.yml": "1:\n  run: {}\n"}, "q-1")
    assert "tried to reach the network" in message and "192.0.2.1" in message


def test_the_guard_refuses_remote_hosts_and_allows_loopback():
    before = (socket.socket.connect, socket.getaddrinfo)
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    with harness.NetworkGuard() as guard:
        with pytest.raises(harness.NetworkBlocked):
            socket.getaddrinfo("example.com", 80)
        with socket.socket() as client, pytest.raises(harness.NetworkBlocked):
            client.connect(("203.0.113.5", 443))
        with socket.create_connection(server.getsockname(), timeout=5):
            pass
        assert socket.getaddrinfo("localhost", 80)
    server.close()
    assert guard.attempts == ["getaddrinfo('example.com')", "connect to ('203.0.113.5', 443)"]
    assert (socket.socket.connect, socket.getaddrinfo) == before  # uninstalled cleanly


def test_proxies_are_unset_for_the_tests():
    assert not any(var in os.environ for var in harness.PROXY_VARS)


# --------------------------------------------------------------------------
# render and templates without an entry
# --------------------------------------------------------------------------


def test_render_with_plain_jinja_autoescapes(tmp_path):
    text = page(question("q", ("html+jinja", "<ul>{% for u in users %}<li>{{ u }}</li>{% endfor %}</ul>")))
    case = "1:\n  render:\n    context: {users: [Ann, <b>]}\n    contains: ['<li>Ann</li>', '<li>&lt;b&gt;</li>']\n"
    assert check(tmp_path, text, {"q.yml": case}, "q-1") == "render"
    case = "1:\n  render:\n    context: {users: [Ann]}\n    contains: ['<li>Bob</li>']\n"
    message = fails(tmp_path / "again", text, {"q.yml": case}, "q-1")
    assert "expected to contain ['<li>Bob</li>']" in message and "<li>Ann</li>" in message


def test_render_can_extend_a_template_from_files(tmp_path):
    text = page(
        question(
            "q",
            ("html", "<title>{% block title %}{% endblock %}</title>"),
            ("html+jinja", '{% extends "base.html" %}{% block title %}Home{% endblock %}'),
        )
    )
    case = "2:\n  files: {templates/base.html: 1}\n  render:\n    contains: [<title>Home</title>]\n"
    assert check(tmp_path, text, {"q.yml": case}, "q-2") == "render"


def test_render_inside_an_apps_request_context(tmp_path):
    app = """
    from flask import Flask

    app = Flask(__name__)


    @app.route("/post/<int:post_id>")
    def show(post_id):
        return str(post_id)
    """
    text = page(question("q", ("python", app), ("html+jinja", "<a href=\"{{ url_for('show', post_id=p.id) }}\">x</a>")))
    case = "1:\n  run: {}\n2:\n  render:\n    app_block: 1\n    context: {p: {id: 7}}\n    contains: ['href=\"/post/7\"']\n"
    assert check(tmp_path, text, {"q.yml": case}, "q-2") == "render"
    case = "1:\n  run: {}\n2:\n  render:\n    context: {p: {id: 7}}\n"
    with pytest.raises(Exception, match="url_for"):  # plain Jinja has no url_for
        check(tmp_path / "again", text, {"q.yml": case}, "q-2")


def test_templates_without_an_entry_are_parse_checked(tmp_path):
    text = page(question("q", ("html", "<p>{{ name }}</p>"), ("html+jinja", "{% if x %}<p>")))
    assert check(tmp_path, text, {}, "q-1") == "parse_checked"
    message = fails(tmp_path / "again", text, {}, "q-2")
    assert "q-2 is not a valid Jinja template" in message and "not_run" in message
    assert check(tmp_path / "third", text, {"q.yml": "2:\n  not_run: a fragment\n"}, "q-2") == "not_run"


def test_other_languages_are_shown_only_unless_an_entry_says_more(tmp_path):
    text = page(question("q", ("bash", "rm -rf build"), ("nginx", "server {")))
    assert check(tmp_path, text, {}, "q-1") == "shown_only"
    assert check(tmp_path / "b", text, {"q.yml": "2:\n  not_run: proxy configuration\n"}, "q-2") == "not_run"
    message = fails(tmp_path / "c", text, {"q.yml": "2:\n  not_run:\n"}, "q-2")
    assert "not_run needs a reason" in message


# --------------------------------------------------------------------------
# pytest and shell (subprocesses)
# --------------------------------------------------------------------------

TEST_FILE = """
from app import app


def test_hello():
    assert app.test_client().get("/hello").data == b"Hello!"
"""


def test_a_pytest_block_must_pass(tmp_path):
    text = page(question("q", ("python", HELLO), ("python", TEST_FILE)))
    case = "1:\n  run: {}\n2:\n  pytest: true\n  files: {app.py: 1}\n"
    assert check(tmp_path, text, {"q.yml": case}, "q-2") == "pytest"
    failing = page(question("q", ("python", HELLO), ("python", TEST_FILE.replace("Hello!", "Bye"))))
    message = fails(tmp_path / "failing", failing, {"q.yml": case}, "q-2")
    assert "pytest exited with 1" in message and "1 failed" in message


def test_a_pytest_block_without_tests_fails(tmp_path):
    text = page(question("q", ("python", "x = 1")))
    message = fails(tmp_path, text, {"q.yml": "1:\n  pytest: true\n"}, "q-1")
    assert "pytest exited with 5" in message


def test_subprocesses_have_no_network_either(tmp_path):
    code = """
    import socket


    def test_connect():
        try:
            socket.create_connection(("192.0.2.1", 80), timeout=1)
        except OSError as exc:
            assert "blocked" in str(exc)
    """
    message = fails(tmp_path, page(question("q", ("python", code))), {"q.yml": "1:\n  pytest: true\n"}, "q-1")
    assert "tried to reach the network" in message and "192.0.2.1" in message


def test_a_flask_command_on_the_run_block_saved_as_example(tmp_path):
    text = page(question("q", ("python", HELLO)))
    case = "1:\n  run: {}\n  shell: flask --app example routes\n  contains: [/hello]\n"
    assert check(tmp_path, text, {"q.yml": case}, "q-1") == "run"
    case = "1:\n  run: {}\n  shell: flask --app example routes\n  contains: [/goodbye]\n"
    message = fails(tmp_path / "again", text, {"q.yml": case}, "q-1")
    assert "expected to contain ['/goodbye']" in message and "/hello" in message


def test_a_flask_command_shown_in_a_bash_block(tmp_path):
    text = page(question("q", ("python", HELLO), ("bash", "flask --app hello routes")))
    case = "1:\n  run: {}\n2:\n  files: {hello.py: 1}\n  shell: flask --app hello routes\n  contains: [hello, /hello]\n"
    assert check(tmp_path, text, {"q.yml": case}, "q-2") == "shell"
    case = "2:\n  shell: flask --app missing routes\n"
    message = fails(tmp_path / "again", text, {"q.yml": case}, "q-2")
    assert "exited with 2" in message and "missing" in message


STEPS = """
from pathlib import Path

import click
from flask import Flask

app = Flask(__name__)


@app.cli.command("first")
def first():
    Path("step.txt").write_text("done")
    click.echo("first ran")


@app.cli.command("second")
def second():
    click.echo("second sees " + Path("step.txt").read_text())
"""


def test_flask_commands_in_a_list_run_in_order_in_one_folder(tmp_path):
    text = page(question("q", ("python", STEPS), ("bash", "flask --app steps first\nflask --app steps second")))
    case = (
        "2:\n  files: {steps.py: 1}\n"
        "  shell: [flask --app steps first, flask --app steps second]\n"
        "  contains: [first ran, second sees done]\n"
    )
    assert check(tmp_path, text, {"q.yml": case}, "q-2") == "shell"
    case = "2:\n  files: {steps.py: 1}\n  shell: [flask --app steps second, flask --app steps first]\n"
    message = fails(tmp_path / "again", text, {"q.yml": case}, "q-2")
    assert "`flask --app steps second` exited with 1" in message and "step.txt" in message


# --------------------------------------------------------------------------
# tests/examples/count_examples.py
# --------------------------------------------------------------------------


def test_count_examples_reports_the_figures(tmp_path):
    text = page(
        question(
            "q",
            ("python", HELLO),
            ("python", TEST_FILE),
            ("html", "<p>{{ x }}</p>"),
            ("html", "<b>{{ y }}</b>"),
            ("bash", "flask --app hello routes"),
            ("bash", "flask run"),
            ("python", "db.session.commit()"),
            ("nginx", "server {}"),
            ("python", "y = 1"),
        )
    )
    case = """\
        1:
          run: {}
          requests: [{path: /hello}]
        2:
          pytest: true
        3:
          render: {contains: [<p>]}
        5:
          shell: flask --app hello routes
        6:
          not_run: starts a server
        7:
          parse_only: needs the app above
        """
    build(tmp_path, {"topic.md": text}, {"q.yml": case})
    script = REPO_ROOT / "tests" / "examples" / "count_examples.py"
    result = subprocess.run(
        [
            sys.executable,
            str(script),
            "--docs",
            str(tmp_path / "site" / "docs"),
            "--cases",
            str(tmp_path / "site" / "cases"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    assert "Code blocks: 9" in out
    assert "python: 4" in out and "html: 2" in out and "bash: 2" in out and "nginx: 1" in out
    assert "Python blocks executed with assertions: 2 (run with requests or asserts: 1, pytest: 1)" in out
    assert "Templates rendered: 1" in out
    assert "Shell commands checked: 1" in out
    assert "Parse-only: 1\n  q-7: needs the app above" in out
    assert "Not run: 1\n  q-6 (bash): starts a server" in out
    assert "Shown only: 1 (nginx: 1)\n  q-8 (nginx)" in out
    assert "Template blocks parse-checked: 1" in out
    assert "Python blocks without an entry: 1\n  q-9" in out
