"""The hostile site in Chromium: no payload runs on load, on hover or on click, nor in search results.

Every page of the build is opened; then every element of its content (and of
its navigation) gets mouseover, focus and click events, links to pages are
kept from navigating (a ``javascript:`` link is not, so it would run), and
the search box is asked for the payloads' words. Any alert, confirm or
prompt fails the test. A control first shows that a live payload is caught.
"""

from __future__ import annotations

import re

import pytest
import search_ui

PAYLOAD = re.compile(r"(alert|confirm|prompt)\(\d+\)")

PROVOKE = """() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href]');
    if (link && /^(https?|file):$/.test(link.protocol)) event.preventDefault();
  }, true);
  const targets = document.querySelectorAll(
    'article *, .md-nav a, .md-search-result *, .md-content *');
  for (const el of targets) {
    if (el.closest('[class*="practice"]')) continue;  // the site's own quiz buttons (one asks to confirm)
    for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'dblclick', 'toggle']) {
      el.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true}));
    }
    if (el.tagName === 'DETAILS') el.open = !el.open;
  }
  return targets.length;
}"""


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on(
        "dialog", lambda dialog: (page.dialogs.append(f"{page.url}: {dialog.type}({dialog.message})"), dialog.dismiss())
    )
    yield page
    context.close()


def url_of(base_url, site, path) -> str:
    relative = path.relative_to(site).as_posix()
    return base_url + relative.removesuffix("index.html")


def test_the_dialog_counter_catches_a_live_payload(tab):
    tab.set_content('<p>control</p><img src="x" onerror="alert(1)"><a id="a" href="javascript:confirm(2)">x</a>')
    tab.wait_for_timeout(200)
    tab.evaluate(PROVOKE.replace("article *", "body *"))
    tab.wait_for_timeout(200)
    assert len(tab.dialogs) == 2, tab.dialogs
    tab.dialogs.clear()


def test_no_payload_runs_on_any_page(tab, base_url, hostile_site, pages):
    provoked, seen = 0, set()
    for path in pages:
        tab.goto(url_of(base_url, hostile_site, path), wait_until="load")
        tab.wait_for_timeout(100)
        landed = tab.url.split("#")[0]  # a short link q/<id>/ lands on its topic page
        provoked += tab.evaluate(PROVOKE)
        if landed not in seen:
            seen.add(landed)
            # Real pointer events too, on what shows a payload.
            shown = tab.locator("article a, article code, article em, article p").filter(has_text=PAYLOAD)
            for element in shown.all():
                if element.is_visible():
                    element.hover(timeout=2000)
                    element.click(timeout=2000, no_wait_after=True)
        tab.wait_for_timeout(100)
    assert provoked > 500, "the pages had their content"
    assert not tab.dialogs, tab.dialogs


@pytest.mark.parametrize("query", ["onload", "onerror", "javascript", "svg", "alert"])
def test_no_payload_runs_in_search_results(tab, base_url, query):
    tab.goto(base_url, wait_until="load")
    search_ui.scripts_ran(tab)
    tab.keyboard.press("/")
    tab.keyboard.type(query)
    tab.locator(".md-search-result__item").first.wait_for(timeout=10000)
    tab.evaluate(PROVOKE)
    tab.wait_for_timeout(200)
    assert not tab.dialogs, tab.dialogs
