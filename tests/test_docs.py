"""The generated pages as a reader gets them: code that parses, straight quotes, facts that match the pins."""

import ast
import re
from pathlib import Path

import yaml

from guide import fences

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def code_blocks():
    for page in sorted(DOCS.glob("*.md")):
        for language, body in fences.code_blocks(page.read_text(encoding="utf-8")):
            yield page.name, language, body


def test_there_are_code_blocks_to_check():
    assert sum(1 for _ in code_blocks()) > 40


def test_every_python_block_parses():
    for page, language, body in code_blocks():
        if language in ("python", "py"):
            ast.parse(body, filename=page)


def test_no_code_block_holds_a_curly_quote_or_prime():
    for page, language, body in code_blocks():
        assert not re.search("[\u2018\u2019\u201c\u201d\u2032\u2033]", body), f"{page}: curly quote in {language} code"


def test_no_page_keeps_site_chrome():
    for page in DOCS.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for chrome in ("PlayUnmute", "VDO.AI", "Leave a Reply", "Download Free", "Take Free:", "fromflask"):
            assert chrome not in text, f"{page.name} still holds {chrome!r}"


def test_home_page_states_the_pinned_flask_version():
    pin = re.search(r"^Flask==([\d.]+)$", (ROOT / "requirements-test.in").read_text(), re.M).group(1)
    site = yaml.safe_load((ROOT / "scripts" / "editorial" / "site.yml").read_text())
    assert site["flask_version"] == pin
    assert f"Flask {pin}" in (DOCS / "index.md").read_text(encoding="utf-8")


def test_python_questions_no_longer_say_flask_python():
    text = (DOCS / "python-fundamentals.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.*) \{#", text, re.M)
    assert len(headings) == 5
    assert not [h for h in headings if "Flask Python" in h]
