"""Pages, answers, their links and the colour schemes, in a real browser."""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

import sitebuild

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
    expect(page.locator("article h1")).to_have_text(heading("Flask interview questions, answered and tested"))
    # The theme's stylesheet applied: the header sticks to the top.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    # Each topic is a card with its link and its number of questions.
    cards = page.locator("article .topic-cards li")
    expect(cards).to_have_count(len(topics))
    for topic in topics:
        card = page.locator(f'article .topic-cards li:has(a[href="{topic.slug}/"])')
        expect(card.locator("a").first).to_have_text(topic.title)
        expect(card.locator(".topic-progress")).to_have_text(re.compile(r"^\d+ questions?$"))
    # The three actions; the sources are on the About page, not here.
    expect(page.locator("article .home-actions a.md-button")).to_have_count(3)
    expect(page.locator("article")).not_to_contain_text("gathered from")
    # No site name repeated: the header and the navigation's title only.
    shown = page.evaluate(
        """() => Array.from(document.querySelectorAll("body *")).filter((e) =>
             e.children.length === 0 && e.offsetParent !== null && e.getBoundingClientRect().top < innerHeight &&
             e.textContent.trim() === "Flask Interview Guide").length"""
    )
    assert shown <= 2, f"the site name is shown {shown} times on the first screen"
    page.locator('article a[href="all-questions/"]').first.click()
    expect(page).to_have_url(base_url + "all-questions/")


def test_the_nav_is_in_sections_with_home_first_and_counts(page, base_url, topics, answers_by_page):
    page.goto(base_url + "about/")
    expect(page.locator("article")).to_contain_text("gathered from")
    primary = page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item")
    expect(primary.first).to_have_text(re.compile(r"^\s*Home\s*$"))
    sections = page.locator(".md-sidebar--primary .md-nav__item--section > .md-nav__link")
    expect(sections).to_have_text([re.compile("Topics"), re.compile("Practise and browse")])
    for topic in topics:
        count = len(answers_by_page[topic.slug + ".md"])
        link = page.locator(f'.md-sidebar--primary a.md-nav__link[href="../{topic.slug}/"]')
        expect(link).to_have_text(re.compile(rf"^\s*{re.escape(topic.title)} \({count}\)\s*$"))


def test_header_links_the_repository_and_the_footer_names_flask_and_the_edition(page, base_url):
    import tomllib

    import yaml

    site = yaml.safe_load((sitebuild.ROOT / "scripts" / "editorial" / "site.yml").read_text(encoding="utf-8"))
    edition = tomllib.loads((sitebuild.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    page.goto(base_url + "basics/")
    expect(page.locator(".md-header a.md-source")).to_have_attribute("href", site["repository"])
    expect(page.locator(".md-footer .guide-edition")).to_have_text(
        f"Answers checked against Flask {site['flask_version']} · Edition {edition}"
    )


def test_each_answer_ends_with_an_improve_link_to_a_prefilled_issue(page, base_url, answers_by_page):
    page.goto(base_url + "basics/")
    ids = answers_by_page["basics.md"]
    links = page.locator("article .answer-foot a.answer-improve")
    expect(links).to_have_count(len(ids))
    first = urlsplit(links.first.get_attribute("href"))
    assert first.netloc == "github.com" and first.path.endswith("/issues/new")
    query = parse_qs(first.query)
    title = page.locator(f"h2#{ids[0]}").evaluate("h => h.firstChild.textContent.trim()")
    assert query["title"] == [f"Improve the answer: {title}"]
    assert ids[0] in query["body"][0]


def test_printing_from_the_dark_scheme_prints_light(page, base_url):
    page.emulate_media(color_scheme="dark")
    try:
        page.goto(base_url + "basics/")
        assert scheme(page) == "slate"
        page.emulate_media(media="print", color_scheme="dark")
        page.wait_for_load_state("load")  # print.css is linked for print media, loaded without blocking
        page.wait_for_function(
            "getComputedStyle(document.body).getPropertyValue('--md-default-bg-color').trim() === '#fff'"
        )
        assert background(page) in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
        ink = page.evaluate("getComputedStyle(document.querySelector('article p')).color")
        assert ink in ("rgba(0, 0, 0, 0.87)", "rgb(0, 0, 0)"), ink
        code_background = "getComputedStyle(document.querySelector('article pre > code')).backgroundColor"
        # The print styles can reach the code blocks a moment after the body under load.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(f"{code_background} === 'rgb(245, 245, 245)'", timeout=5000)
        code = page.evaluate(code_background)
        assert code == "rgb(245, 245, 245)", f"code prints on a dark background: {code}"
    finally:
        page.emulate_media(media="screen", color_scheme="light")


def test_each_topic_page_shows_its_questions_and_lists_them_in_its_table_of_contents(
    page, base_url, topics, answers_by_page
):
    for topic in topics:
        page.goto(f"{base_url}{topic.slug}/")
        expect(page.locator("article h1")).to_have_text(heading(topic.title))
        shown = page.evaluate(QUESTION_HEADINGS)
        assert sorted(shown) == sorted(answers_by_page[topic.slug + ".md"]), topic.slug
        toc = page.locator(".md-sidebar--secondary a.md-nav__link")
        listed = [
            href.removeprefix("#") for href in toc.evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
        ]
        # An answer's own ### sections are listed under its question, not as questions.
        assert [anchor for anchor in listed if anchor in answers_by_page[topic.slug + ".md"]] == shown
        expect(page.locator(f"h2#{shown[0]}")).to_be_visible()


def test_copy_link_puts_the_short_link_on_the_clipboard(page, base_url, answers_by_page):
    first, second = answers_by_page["basics.md"][:2]
    page.goto(base_url + "basics/")
    control = page.locator(f"h2#{second} a.copy-link")
    # One link control per heading: the permalink is the copy control.
    expect(page.locator(f"h2#{second} a, h2#{second} button")).to_have_count(1)
    expect(control).to_have_accessible_name("Copy link to this answer")
    expect(control).to_have_attribute("href", f"{base_url}q/{second}/")
    expect(control).to_have_attribute("title", re.compile(r"link to share"))

    # From the keyboard: it is in the tab order, shows where the focus is, and Enter copies.
    page.focus(f"h2#{second} a.copy-link")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] > 0, outline
    page.keyboard.press("Enter")
    status = page.locator(".copy-link-status")
    expect(status).to_contain_text("Link copied")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status.locator(".copy-link-status__url")).to_have_text(f"{base_url}q/{second}/")
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}q/{second}/"
    assert page.url == base_url + "basics/", "copying does not navigate"

    # With the mouse, on another answer; the short link copied lands on it.
    page.locator(f"h2#{first} a.copy-link").click()
    expect(status).to_contain_text("Link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{base_url}q/{first}/"
    page.goto(copied)
    expect(page).to_have_url(f"{base_url}basics/#{first}")


def test_only_question_headings_get_a_copy_link_button(page, base_url):
    page.goto(base_url + "all-questions/")
    expect(page.locator("article h2").first).to_be_visible()
    expect(page.locator(".copy-link")).to_have_count(0)


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

    toggle = page.locator("form[data-guide-palette] label:not([hidden])")
    for _ in range(3):
        if scheme(page) == "slate":
            break
        toggle.click()
    assert scheme(page) == "slate"
    assert background(page) != light
    # The reader's choice outlives the page.
    page.goto(base_url + "basics/")
    assert scheme(page) == "slate"


# Every change to the body's colour attributes, and whether the page's
# content had been parsed when it happened.
RECORD_SCHEME_CHANGES = """
window.__schemeChanges = [];
new MutationObserver(function (records) {
  records.forEach(function (record) {
    window.__schemeChanges.push({
      name: record.attributeName,
      contentParsed: !!document.querySelector(".md-content"),
    });
  });
}).observe(document, {attributes: true, subtree: true, attributeFilter: [
  "data-md-color-scheme", "data-md-color-media", "data-md-color-switching"]});
"""


def test_the_scheme_is_set_before_the_content_exists_and_not_again(page, base_url, fresh_preferences):
    # A dark system on a first visit: the page is dark from its first paint,
    # and loading it restyles nothing afterwards (no "switching" pass).
    page.add_init_script(RECORD_SCHEME_CHANGES)
    page.emulate_media(color_scheme="dark")
    page.goto(base_url + "basics/")
    page.wait_for_load_state("load")
    assert scheme(page) == "slate"
    changes = page.evaluate("window.__schemeChanges")
    assert changes, "the scheme was never set for the dark system"
    assert not [c for c in changes if c["contentParsed"]], f"set again after the content was parsed: {changes}"
    assert not [c for c in changes if c["name"] == "data-md-color-switching"]
    # Material's own palette component is not run: ours is.
    assert page.locator("[data-md-component=palette]").count() == 0


def test_on_system_the_scheme_follows_a_live_change_and_a_choice_stops_it(page, base_url, fresh_preferences):
    page.emulate_media(color_scheme="light")
    page.reload()
    assert scheme(page) == "default"
    page.emulate_media(color_scheme="dark")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")

    # The keyboard: Enter on the focused option moves to the next, "light".
    page.focus("form[data-guide-palette] input:checked")
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert page.locator("form[data-guide-palette] label:not([hidden])").count() == 1
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    # A change of the system's scheme is told to the page before its next frames.
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert scheme(page) == "default", "a chosen scheme does not follow the system"
    saved = page.evaluate("__md_get('__palette')")
    assert saved["index"] == 1 and saved["color"]["scheme"] == "default"


def test_an_unknown_address_gets_the_styled_404_page_that_leads_back(page, base_url):
    response = page.goto(base_url + "no/such/answer/")
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    # Its stylesheets and scripts load from the site's root, whatever the address.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.locator("article").get_by_role("link", name="All questions").click()
    expect(page).to_have_url(base_url + "all-questions/")
