"""axe-core (the copy axe-playwright-python ships, no network) finds no violation."""

from __future__ import annotations

import re

import pytest
import search_ui
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from site_build import project

AXE = Axe()
# Every page a reader can reach from the navigation (a topic with no question yet has none).
PAGES = [
    "",
    *(f"{t.slug}/" for t in project.topics()),
    "essentials/",
    "all-questions/",
    "tags/",
    "practice/",
    "downloads/",
    "about/",
]


# axe finds the background behind a text by hit-testing, which content the
# browser skips until it nears the screen (content-visibility: auto, for the
# answers and code blocks far down a page) cannot answer. Skipping changes no
# colour: render it all before axe looks.
RENDER_ALL = "* { content-visibility: visible !important; }"


# A colour scheme changes colours only: names, roles, landmarks and order are
# the same in both. The first scheme's pass renders every answer and runs every
# rule; the second's runs the rules that read colours over what is rendered at
# load, skipped blocks left out (rendering them too made the second pass as long
# as the first, and CI has a time budget).
MARK_SKIPPED = """() => document.querySelectorAll(".practice-answer, .highlight").forEach((block) => {
  const inner = block.firstElementChild;
  if (inner && !inner.checkVisibility({contentVisibilityAuto: true})) block.setAttribute("data-axe-skipped", "");
})"""
COLOUR_RULES = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}


def violations(page, colours_only: bool = False) -> list[str]:
    # Colours are checked as drawn: let fades (the search dialog, the toast) end.
    page.evaluate("Promise.all(document.getAnimations().map((animation) => animation.finished))")
    if colours_only:
        page.evaluate(MARK_SKIPPED)
        results = AXE.run(page, context={"exclude": [["[data-axe-skipped]"]]}, options=COLOUR_RULES)
    else:
        page.add_style_tag(content=RENDER_ALL)
        results = AXE.run(page)
    found = results.response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in found]


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, desktop, base_url):
    page = desktop.new_page()
    page.emulate_media(color_scheme=request.param)
    yield page
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_accessibility_violations(scheme_page, base_url, path):
    scheme_page.goto(base_url + path)
    expect(scheme_page.locator("article h1")).to_be_visible()
    dark = scheme_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert violations(scheme_page, colours_only=dark) == []


def test_open_search_with_results_has_no_accessibility_violations(scheme_page, base_url):
    scheme_page.goto(base_url)
    box = scheme_page.locator("input.md-search__input")
    search_ui.type_until(
        box, "session", scheme_page.locator(".md-search-result__meta"), re.compile("matching document")
    )
    assert scheme_page.evaluate("document.getElementById('__search').checked")
    assert violations(scheme_page) == []


def test_copy_link_confirmation_has_no_accessibility_violations(scheme_page, base_url):
    scheme_page.goto(base_url + "basics/")
    scheme_page.locator("a.copy-link").first.click()
    expect(scheme_page.locator(".copy-link-status")).to_contain_text("Link copied")
    assert violations(scheme_page) == []


def test_a_running_flash_card_deck_and_marked_pages_have_no_accessibility_violations(scheme_page, base_url):
    scheme_page.goto(base_url + "basics/")
    try:
        scheme_page.locator(".answer-foot .practice-mark--known").first.click()
        scheme_page.locator(".answer-foot .practice-mark--review").nth(1).click()
        expect(scheme_page.locator("h2[data-mark]")).to_have_count(2)
        assert violations(scheme_page) == []
        scheme_page.goto(base_url)
        expect(scheme_page.locator(".topic-progress__known").first).to_be_visible()
        assert violations(scheme_page) == []
        scheme_page.goto(base_url + "all-questions/?level=beginner")
        expect(scheme_page.locator("li[data-mark]")).to_have_count(2)
        assert violations(scheme_page) == []
        scheme_page.goto(base_url + "practice/")
        scheme_page.get_by_role("button", name="Start the deck").click()
        expect(scheme_page.locator(".deck-card")).to_be_focused()  # once the short answers have loaded
        scheme_page.keyboard.press("Space")  # every question has a short answer: it comes first
        expect(scheme_page.locator(".deck-short")).to_be_visible()
        assert violations(scheme_page) == []
        scheme_page.keyboard.press("Space")
        expect(scheme_page.locator(".deck-full .deck-answer")).to_be_visible()
        assert violations(scheme_page) == []
    finally:
        scheme_page.evaluate("localStorage.clear()")
