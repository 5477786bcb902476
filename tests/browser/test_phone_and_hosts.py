"""A 360-px phone reads every page without sideways scrolling; nothing comes
from another host."""

from __future__ import annotations

from playwright.sync_api import expect

NAV_PAGES = ["", "all-questions/", "tags/", "essentials/", "practice/", "downloads/", "about/"]


def site_pages(topics):
    return NAV_PAGES + [f"{topic.slug}/" for topic in topics]


def test_no_page_scrolls_sideways_on_a_360_px_phone(phone, base_url, topics):
    too_wide = {}
    for path in site_pages(topics):
        phone.goto(base_url + path, wait_until="domcontentloaded")
        expect(phone.locator("article h1")).to_be_visible()
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide[path or "home"] = width
    assert not too_wide, f"pages wider than the 360-px screen: {too_wide}"


def test_code_blocks_scroll_inside_themselves_on_a_phone(phone, base_url):
    phone.goto(base_url + "deployment-and-scaling/")
    widths = phone.evaluate(
        """() => Array.from(document.querySelectorAll("article pre > code"))
                 .map((code) => [code.scrollWidth, code.clientWidth, getComputedStyle(code).overflowX])"""
    )
    assert widths, "no code block on the page"
    wide = [w for w in widths if w[0] > w[1]]
    assert wide, "no code block wider than a phone: pick a page with longer lines"
    assert all(overflow == "auto" for _, _, overflow in wide)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_pages_and_search_request_nothing_from_another_host(desktop, base_url, origin, requests_log, topics):
    start = len(requests_log.urls)
    page = desktop.new_page()
    try:
        for path in ["", f"{topics[0].slug}/", "all-questions/"]:
            page.goto(base_url + path)
        box = page.locator("input.md-search__input")
        box.fill("session")
        box.press("End")
        expect(page.locator(".md-search-result__list a").first).to_be_attached(timeout=10000)
    finally:
        page.close()
    made = requests_log.urls[start:]
    assert any(url.endswith("/search/search_index.json") for url in made), "the search index was not loaded"
    assert any("/assets/javascripts/workers/search." in url for url in made), "the search worker was not loaded"
    foreign = [url for url in made if not url.startswith(origin + "/") and not url.startswith(("data:", "blob:"))]
    assert not foreign, foreign
