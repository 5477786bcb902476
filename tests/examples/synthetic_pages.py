"""Small synthetic pages and case files for the harness's own tests.

``check`` builds a one-page guide and its case files under ``tmp_path`` and
runs one block as ``test_examples.py`` runs a real one, so each
``test_harness_*.py`` file can say in a few lines what an entry promises.
"""

from __future__ import annotations

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


TEST_FILE = """
from app import app


def test_hello():
    assert app.test_client().get("/hello").data == b"Hello!"
"""
