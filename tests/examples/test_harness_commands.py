"""Tests of harness/commands.py: pytest blocks and flask commands, run in a subprocess."""

from __future__ import annotations

from synthetic_pages import HELLO, TEST_FILE, check, fails, page, question


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
    case = "2:\n  files: {steps.py: 1}\n  shell:\n    - flask --app steps first\n    - flask --app steps third\n"
    message = fails(tmp_path / "third", text, {"q.yml": case}, "q-2")
    assert message.startswith(f"{tmp_path}/third/site/cases/q.yml:5: q-2 (docs/topic.md:")
