"""Tests of count_examples.py: the figures it prints for a synthetic page."""

from __future__ import annotations

import os
import subprocess
import sys

from synthetic_pages import HELLO, REPO_ROOT, TEST_FILE, build, page, question


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
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT / "scripts")},  # the harness reads pages with guide.fences
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
