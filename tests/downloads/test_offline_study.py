"""The study tool in the unzipped offline copy (the zip scripts/build.py publishes), over file://.

The home page's actions and cards, marks and "hide what I know", the filter
in the URL, a keyboard run through a deck (the full answer is a link here:
fetch() of file:// is refused), copy link giving the public short link, the
search suggestion case, and no request to another host.
"""

from __future__ import annotations

import re

import search_ui
from playwright.sync_api import expect
from test_offline_site import assert_stayed_local

PUBLIC = "https://flask-interview-guide.github.io/flask-interview-guide/"


def ready(page):
    page.wait_for_selector("[data-practice-ready]", state="attached")
    return page


def test_home_cards_marks_and_hide_what_i_know(built, offline_page, questions):
    page, recorder = offline_page
    topic = questions[0].topic
    ids = [q.id for q in questions if q.topic == topic]
    page.goto((built.unzipped / "index.html").as_uri())
    ready(page)
    expect(page.locator(".home-actions a.md-button")).to_have_count(3)
    card = page.locator(f".topic-progress[data-topic='{topic.slug}']")
    expect(card).to_have_text(f"{len(ids)} questions")
    page.locator(".home-actions a.md-button").first.click()
    page.wait_for_url(re.compile(rf"/{re.escape(topic.slug)}\.html$"))
    ready(page)
    page.locator(f"[id='practice-answer-{ids[0]}'] .practice-mark--known").click()
    page.locator(f"[id='practice-answer-{ids[1]}'] .practice-mark--review").click()
    expect(page.locator(f"h2[id='{ids[0]}']")).to_have_attribute("data-mark", "known")
    expect(page.locator(f".md-sidebar--secondary a[href='#{ids[1]}']")).to_have_attribute("data-mark", "review")
    expect(page.locator(f"details.question-list li:has(> a[href='#{ids[0]}'])")).to_have_attribute("data-mark", "known")
    page.get_by_role("button", name="Hide what I know").click()
    expect(page.locator(f"h2[id='{ids[0]}']")).to_be_hidden()
    page.goto((built.unzipped / "index.html").as_uri())
    ready(page)
    expect(card).to_have_text(f"✓ 1/{len(ids)} known · ↻ 1 to review")
    page.goto((built.unzipped / "all-questions.html").as_uri() + "?level=advanced")
    ready(page)
    expect(page.get_by_role("button", name="Advanced")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".md-content li:visible > a:not([data-difficulty='advanced'])")).to_have_count(0)
    assert_stayed_local(recorder)


def test_a_deck_runs_with_the_keyboard_and_links_to_full_answers(built, offline_page):
    page, recorder = offline_page
    page.goto((built.unzipped / "practice.html").as_uri())
    ready(page)
    page.select_option("#deck-choice", "level:advanced")
    page.get_by_role("button", name="Start the deck").click()
    expect(page.locator(".deck-card")).to_be_focused()  # the short answers load first
    counter = page.locator(".deck-counter")
    total = int(re.search(r"of (\d+)", counter.text_content()).group(1))
    for index in range(total):
        expect(counter).to_contain_text(f"Card {index + 1} of {total}")
        page.keyboard.press("Space")
        if page.locator(".deck-full").is_hidden():
            page.keyboard.press("Space")
        link = page.locator(".deck-full a.deck-link")
        expect(link).to_have_text("Read the full answer")
        assert link.get_attribute("href").startswith(built.unzipped.as_uri())
        page.keyboard.press("1" if index % 2 else "2")
    expect(page.locator(".deck-summary__text")).to_contain_text(f"{total} card")
    assert_stayed_local(recorder)


def test_copy_link_gives_the_public_short_link(built, offline_page, questions):
    page, recorder = offline_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    question = questions[1]
    page.goto((built.unzipped / question.topic.page.replace(".md", ".html")).as_uri())
    ready(page)
    control = page.locator(f"h2[id='{question.id}'] a.copy-link")
    control.click()
    expect(page.locator(".copy-link-status")).to_contain_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{PUBLIC}q/{question.id}/"
    assert_stayed_local(recorder)


def test_accepting_a_search_suggestion_finds_the_blueprint_answer(built, offline_page):
    page, recorder = offline_page
    page.goto((built.unzipped / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    suggest = page.locator(".md-search__suggest")
    box.focus()
    search_ui.type_until(box, "bluep", suggest, re.compile(r"^bluep\w+$"))
    box.press("ArrowRight")
    expect(box).to_have_value(re.compile(r"^blueprints?$"))
    first = page.locator(".md-search-result__list a.md-search-result__link[href*='#']").first
    expect(first).to_have_attribute("href", re.compile(r"#what-are-flask-blueprints$"))
    assert_stayed_local(recorder)
