"""Pages, answers, their links and the colour schemes, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

# Where an element sits: below the sticky header and inside the viewport.
POSITION = """(id) => {
  let node = document.getElementById(id);
  if (!node) return null;
  // An alias anchor (or the paragraph wrapping one) stands just before its heading.
  let heading = node.closest("p") && !node.matches("h2") ? node.closest("p") : node;
  while (heading && heading.tagName !== "H2") heading = heading.nextElementSibling;
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const box = heading.getBoundingClientRect();
  return {heading: heading.id, top: box.top, bottom: box.bottom,
          headerBottom: header.bottom, viewport: window.innerHeight};
}"""

QUESTION_HEADINGS = """() => Array.from(document.querySelectorAll(".md-content .md-typeset h2[id]"))
  .filter((h) => h.nextElementSibling && h.nextElementSibling.matches("p.qmeta"))
  .map((h) => h.id)"""


def heading(title):
    """A heading's text: the title, then the permalink's pilcrow."""
    return re.compile(rf"^{re.escape(title)}\s*¶?$")


def settle(page):
    """Let the browser finish scrolling to a fragment and laying out."""
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def position(page, element_id):
    found = page.evaluate(POSITION, element_id)
    assert found is not None, f"no element #{element_id} on {page.url}"
    return found


def assert_in_view(where):
    assert where["top"] >= where["headerBottom"] - 1, f"hidden under the header: {where}"
    assert where["bottom"] <= where["viewport"], f"not in the viewport: {where}"


def test_home_page_renders_and_links_to_every_topic(page, base_url, topics):
    page.goto(base_url)
    expect(page.locator("article h1")).to_have_text(heading("Flask Interview Guide"))
    # The theme's stylesheet applied: the header sticks to the top.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    for topic in topics:
        link = page.locator(f'article a[href="{topic["slug"]}/"]')
        expect(link.first).to_have_text(topic["title"])
    page.locator('article a[href="all-questions/"]').first.click()
    expect(page).to_have_url(base_url + "all-questions/")


def test_each_topic_page_shows_its_questions_and_lists_them_in_its_table_of_contents(
    page, base_url, topics, answers_by_page
):
    for topic in topics:
        page.goto(f"{base_url}{topic['slug']}/")
        expect(page.locator("article h1")).to_have_text(heading(topic["title"]))
        shown = page.evaluate(QUESTION_HEADINGS)
        assert sorted(shown) == sorted(answers_by_page[topic["slug"] + ".md"]), topic["slug"]
        toc = page.locator(".md-sidebar--secondary a.md-nav__link")
        listed = [
            href.removeprefix("#") for href in toc.evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
        ]
        # An answer's own ### sections are listed under its question, not as questions.
        assert [anchor for anchor in listed if anchor in answers_by_page[topic["slug"] + ".md"]] == shown
        expect(page.locator(f"h2#{shown[0]}")).to_be_visible()


def test_copy_link_button_puts_the_answer_url_on_the_clipboard(page, base_url, answers_by_page):
    first, second = answers_by_page["basics.md"][:2]
    page.goto(base_url + "basics/")
    button = page.locator(f"h2#{second} button.copy-link")
    expect(button).to_have_attribute("aria-label", re.compile("Copy link"))
    expect(button).to_have_attribute("type", "button")

    # From the keyboard: the button follows the heading's permalink in tab order,
    # shows where the focus is, and Enter copies.
    page.focus(f"h2#{second} a.headerlink")
    page.keyboard.press("Tab")
    assert (
        page.evaluate("document.activeElement.matches('button.copy-link') && document.activeElement.closest('h2').id")
        == second
    )
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] > 0, outline
    page.keyboard.press("Enter")
    status = page.locator(".copy-link-status")
    expect(status).to_have_text("Link copied")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}basics/#{second}"

    # With the mouse, on another answer.
    page.locator(f"h2#{first} button.copy-link").click()
    expect(status).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}basics/#{first}"


def test_only_question_headings_get_a_copy_link_button(page, base_url):
    page.goto(base_url + "all-questions/")
    expect(page.locator("article h2").first).to_be_visible()
    expect(page.locator("button.copy-link")).to_have_count(0)


def alias_ids(short_links, answers_by_page):
    """{alias id: page}: the short links that are not answers' own ids."""
    answers = {anchor for page_answers in answers_by_page.values() for anchor in page_answers}
    return {short_id: target.partition("#")[0] for short_id, target in short_links.items() if short_id not in answers}


def test_an_alias_id_lands_on_its_answer_like_the_answer_id(page, base_url, short_links, answers_by_page):
    aliases = alias_ids(short_links, answers_by_page)
    assert len(aliases) >= 3, "fewer alias anchors than expected"
    for alias, page_md in sorted(aliases.items()):
        url = base_url + page_md.removesuffix(".md") + "/"
        page.goto(f"{url}#{alias}")
        settle(page)
        via_alias = position(page, alias)
        assert_in_view(via_alias)
        # The same page, scrolled to the heading's own id.
        page.evaluate("(id) => { location.hash = id; }", via_alias["heading"])
        settle(page)
        direct = position(page, via_alias["heading"])
        assert abs(via_alias["top"] - direct["top"]) <= 2, (alias, via_alias, direct)


def test_short_links_land_on_their_answers(page, base_url, short_links, answers_by_page):
    # Every alias, and the first answer of a few pages (tests/site checks every file).
    firsts = [answers[0] for _, answers in sorted(answers_by_page.items())][:3]
    chosen = set(alias_ids(short_links, answers_by_page)) | set(firsts)
    for short_id in sorted(chosen):
        page_md, _, anchor = short_links[short_id].partition("#")
        page.goto(f"{base_url}q/{short_id}/")
        expect(page).to_have_url(f"{base_url}{page_md.removesuffix('.md')}/#{anchor}")
        settle(page)
        assert_in_view(position(page, anchor))


def scheme(page):
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def background(page):
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


@pytest.fixture
def fresh_preferences(page, base_url):
    page.goto(base_url)
    page.evaluate("localStorage.clear()")
    yield
    page.emulate_media(color_scheme="light")
    page.evaluate("localStorage.clear()")


def test_the_scheme_follows_the_system_and_the_toggle_switches_it(page, base_url, fresh_preferences):
    page.emulate_media(color_scheme="dark")
    page.reload()
    assert scheme(page) == "slate"
    page.emulate_media(color_scheme="light")
    page.reload()
    assert scheme(page) == "default"
    light = background(page)

    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    for _ in range(3):
        if scheme(page) == "slate":
            break
        toggle.click()
    assert scheme(page) == "slate"
    assert background(page) != light
    # The reader's choice outlives the page.
    page.goto(base_url + "basics/")
    assert scheme(page) == "slate"


def test_an_unknown_address_gets_the_styled_404_page_that_leads_back(page, base_url):
    response = page.goto(base_url + "no/such/answer/")
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    # Its stylesheets and scripts load from the site's root, whatever the address.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.locator("article").get_by_role("link", name="All questions").click()
    expect(page).to_have_url(base_url + "all-questions/")
