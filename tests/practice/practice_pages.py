"""What the practice tests do on a page, said once: switch quiz mode, read ids, mark answers."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

DOCS = Path(__file__).resolve().parents[2] / "docs"


def question_ids(page: Page) -> list[str]:
    """Ids of the questions on a topic page, in page order."""
    return page.eval_on_selector_all(
        ".practice-answer", "answers => answers.map(a => a.id.replace('practice-answer-', ''))"
    )


def answer(page: Page, qid: str):
    return page.locator(f"[id='practice-answer-{qid}']")


def heading(page: Page, qid: str):
    return page.locator(f"h2[id='{qid}']")


def reveal_button(page: Page, qid: str):
    return page.locator(f".practice-reveal[aria-controls='practice-answer-{qid}']")


def mark(page: Page, qid: str, which: str) -> None:
    """Press "I knew this" (which="known") or "Review again" (which="review")."""
    answer(page, qid).locator(f".practice-mark--{which}").click()


def quiz(page: Page, on: bool) -> None:
    toggle = page.locator(".practice-toggle--quiz").first
    if toggle.get_attribute("aria-pressed") != str(on).lower():
        toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", str(on).lower())


def shown_answers(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".practice-answer:not([hidden])", "answers => answers.map(a => a.id.replace('practice-answer-', ''))"
    )


def progress(page: Page):
    return page.locator(".practice-progress__text").first


def all_questions(page: Page) -> list[dict]:
    """The site's list of questions, as practice.js loads it."""
    page.wait_for_function("Array.isArray(window.FIG_QUESTIONS)")
    return page.evaluate("window.FIG_QUESTIONS")


def an_alias() -> tuple[str, str, str]:
    """(page, alias id, question id) of a merged duplicate, read from the generated pages."""
    for path in sorted(DOCS.glob("*.md")):
        found = re.search(
            r'<div class="alias-anchor" id="([^"]+)"></div>\s*(?:<div class="alias-anchor"[^>]*></div>\s*)*'
            r"## .*\{#([^}]+)\}",
            path.read_text(encoding="utf-8"),
        )
        if found:
            return path.stem, found.group(1), found.group(2)
    raise AssertionError("no alias anchor in the generated pages")
