"""Telling code from prose, and repairing code."""

import ast

import pytest

from guide import code


@pytest.mark.parametrize(
    "line, language",
    [
        ("from flask import Flask", "python"),
        ("fromflask import Flask, session", "python"),
        ("@app.route('/')", "python"),
        ("def use_session()", "python"),
        ("app = Flask(__name__)", "python"),
        ("db.create_all()", "python"),
        ("pip install Flask-Mail", "bash"),
        ("gunicorn -w 4 app:app", "bash"),
        ("export FLASK_DEBUG=1", "bash"),
        ("upstream flaskapp {", "nginx"),
        ("proxy_pass http://flaskapp;", "nginx"),
        ("<!DOCTYPE html>", "html"),
        ("{% for user in users %}", "html"),
        ("Flask is a web framework.", None),
        ("Use request.form.", None),
        ("<b>: It adds a breakpoint", None),
        ("Example:", None),
    ],
)
def test_line_language(line, language):
    assert code.line_language(line) == language


def test_glued_from_is_split():
    assert code.fix_glued_from("fromflask import Flask") == "from flask import Flask"


def test_missing_colon_is_added_before_an_indented_body():
    fixed = code.fix_missing_colons("def use_session()\n    return 1")
    assert fixed == "def use_session():\n    return 1"


def test_a_line_one_space_short_snaps_to_its_block():
    broken = "def email():\n    msg = 1\n   send(msg)"
    assert code.fix_indentation(broken) == "def email():\n    msg = 1\n    send(msg)"


def test_repair_makes_broken_code_parse():
    repaired = code.repair_python("fromflask import Flask\n\ndef f()\n    return \u2018x\u2019")
    assert repaired.parses
    assert repaired.code == "from flask import Flask\n\ndef f():\n    return 'x'"
    assert set(repaired.fixes) >= {"glued 'from'", "missing colon"}
    ast.parse(repaired.code)


def test_working_code_is_not_repaired():
    assert code.repair_python("x=1").fixes == ()


def test_formatter_gives_one_style_and_leaves_what_it_cannot_parse():
    formatted = code.format_python(["x=1", "def f(:\n  pass", "x=1"])
    assert formatted == {"x=1": "x = 1", "def f(:\n  pass": "def f(:\n  pass"}


def test_hopeless_code_is_reported_not_parsed():
    assert not code.repair_python("def (:\n  ]").parses


def test_shell_command_name_is_lower_cased_and_dashes_straightened():
    assert code.repair_shell("Flask \u2013help") == "flask --help"


def test_templates_with_jinja_are_html_jinja():
    assert code.markup_language("<li>{{ user }}</li>") == "html+jinja"
    assert code.markup_language("<h1>Hi</h1>") == "html"


def test_lost_indentation_is_rebuilt_from_the_statements():
    flat = "\n".join(
        [
            "def login_required(view):",
            "@wraps(view)",
            "def wrapped(*args):",
            "if g.user is None:",
            "abort(401)",
            "return view(*args)",
            "return wrapped",
            "",
            "class User(db.Model):",
            "id = db.Column(db.Integer)",
            "",
            "def __repr__(self):",
            "return self.name",
            "",
            "if __name__ == '__main__':",
            "app.run()",
        ]
    )
    assert code.fix_lost_indentation(flat) == "\n".join(
        [
            "def login_required(view):",
            "    @wraps(view)",
            "    def wrapped(*args):",
            "        if g.user is None:",
            "            abort(401)",
            "        return view(*args)",
            "    return wrapped",
            "",
            "class User(db.Model):",
            "    id = db.Column(db.Integer)",
            "",
            "    def __repr__(self):",
            "        return self.name",
            "",
            "if __name__ == '__main__':",
            "    app.run()",
        ]
    )


def test_lost_indentation_clauses_go_back_to_their_header():
    flat = "try:\nx = 1\nexcept ValueError:\nx = 0\nelse:\nx = 2\nfinally:\nlog(x)"
    assert code.fix_lost_indentation(flat) == (
        "try:\n    x = 1\nexcept ValueError:\n    x = 0\nelse:\n    x = 2\nfinally:\n    log(x)"
    )


def test_code_with_some_indentation_is_left_to_the_other_repairs():
    partly = "def f():\n    x = 1\n   return x"
    assert code.fix_lost_indentation(partly) == partly
    assert code.repair_python(partly).fixes == ("broken indentation",)
