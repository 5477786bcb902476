"""axe-core (the copy axe-playwright-python ships, no network) finds no violation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

AXE = Axe()
TOPICS = yaml.safe_load((Path(__file__).resolve().parents[2] / "scripts" / "editorial" / "topics.yml").read_text())
# Every page a reader can reach from the navigation.
PAGES = ["", *(f"{t['slug']}/" for t in TOPICS), "all-questions/", "tags/", "practice/", "downloads/"]


def violations(page) -> list[str]:
    # Colours are checked as drawn: let fades (the search dialog, the toast) end.
    page.evaluate("Promise.all(document.getAnimations().map((animation) => animation.finished))")
    found = AXE.run(page).response["violations"]
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
    assert violations(scheme_page) == []


def test_open_search_with_results_has_no_accessibility_violations(scheme_page, base_url):
    scheme_page.goto(base_url)
    box = scheme_page.locator("input.md-search__input")
    for _ in range(5):
        box.fill("session")
        box.press("End")
        try:
            expect(scheme_page.locator(".md-search-result__meta")).to_have_text(
                re.compile("matching document"), timeout=3000
            )
            break
        except AssertionError:
            box.fill("")
    assert scheme_page.evaluate("document.getElementById('__search').checked")
    assert violations(scheme_page) == []


def test_copy_link_confirmation_has_no_accessibility_violations(scheme_page, base_url):
    scheme_page.goto(base_url + "basics/")
    scheme_page.locator("button.copy-link").first.click()
    expect(scheme_page.locator(".copy-link-status")).to_have_text("Link copied")
    assert violations(scheme_page) == []
