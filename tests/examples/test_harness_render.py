"""Tests of harness/render.py: template blocks rendered by Jinja, alone or inside an app block."""

from __future__ import annotations

import pytest

from synthetic_pages import check, fails, page, question


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
