"""Tests of harness/check.py: a block is checked against its entry, or fails saying what to add."""

from __future__ import annotations

import pytest

from synthetic_pages import HELLO, check, fails, page, question


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


def test_a_failure_names_the_case_file_and_line_first(tmp_path):
    case = """\
        1:
          run: {}
          requests:
            - path: /hello
            - path: /hello
              status: 201
        """
    message = fails(tmp_path, page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1")
    cases = tmp_path / "site" / "cases"
    assert message.startswith(f"{cases}/q.yml:5: q-1 request 2 (GET /hello) (docs/topic.md:12):\n")
    case = "1:\n  run: {}\n  asserts:\n    - hello() == 'Hello!'\n    - hello() == 'Bye'\n"
    message = fails(tmp_path / "assert", page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1")
    assert message.startswith(f"{tmp_path}/assert/site/cases/q.yml:5: q-1 (docs/topic.md:12): assert hello() == 'Bye'")
    case = "1:\n  run: {}\n  request:\n    - path: /hello\n"
    message = fails(tmp_path / "entry", page(question("q", ("python", HELLO))), {"q.yml": case}, "q-1")
    assert message.startswith(f"{tmp_path}/entry/site/cases/q.yml:1: entry 1: unknown key 'request'")


def test_an_examples_own_error_names_its_case_in_a_note(tmp_path):
    text = page(question("q", ("python", "raise ValueError('broken example')")))
    with pytest.raises(ValueError) as info:
        check(tmp_path, text, {"q.yml": "# the app\n1:\n  run: {}\n"}, "q-1")
    assert f"its case: {tmp_path}/site/cases/q.yml:2 (entry 1)" in info.value.__notes__
