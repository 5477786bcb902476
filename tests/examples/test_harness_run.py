"""Tests of harness/run.py: run entries execute the block, send its requests and evaluate its asserts."""

from __future__ import annotations

import os
import sys

import pytest

from synthetic_pages import HELLO, check, fails, page, question


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
