"""Tests of harness/sandbox.py: each example runs in its own folder, without servers, and leaves nothing behind."""

from __future__ import annotations

import os
import sys

from harness.pages import collect
from synthetic_pages import HELLO, check, fails, page, question

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
    assert (work / "example.py").read_text() == collect(tmp_path / "site" / "docs").blocks[0].text
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
