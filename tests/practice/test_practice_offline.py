"""Practice mode in the offline build (no directory URLs), opened from file://."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from practice_pages import (
    all_questions,
    an_alias,
    answer,
    heading,
    mark,
    progress,
    question_ids,
    quiz,
    reveal_button,
    shown_answers,
)


def ready(page):
    page.wait_for_selector("[data-practice-ready]", state="attached")
    return page


def test_practice_mode_from_file_urls(visit, offline_url):
    v = visit(offline_url)
    page = v.goto("routing-and-views.html")
    quiz(page, True)

    # Follow the navigation to another page: quiz mode is remembered.
    page.locator(".md-nav--primary a[href='basics.html']").first.click()
    page.wait_for_url(re.compile(r"/basics\.html$"))
    ready(page)
    ids = question_ids(page)
    assert ids and shown_answers(page) == []

    # Reveal with the keyboard, then mark.
    reveal_button(page, ids[0]).focus()
    page.keyboard.press("Enter")
    reveal_button(page, ids[1]).focus()
    page.keyboard.press("Space")
    assert shown_answers(page) == ids[:2]
    mark(page, ids[0], "known")
    mark(page, ids[1], "review")
    n = len(ids)
    expect(progress(page)).to_have_text(f"This page: 1 known · 1 to review · {n - 2} not seen")

    page.reload()
    ready(page)
    assert shown_answers(page) == []
    expect(progress(page)).to_have_text(f"This page: 1 known · 1 to review · {n - 2} not seen")

    # Home page and practice page, with links in the offline (.html) form.
    page.goto(offline_url + "index.html")
    ready(page)
    total = len(all_questions(page))
    expect(page.locator(".topic-progress[data-topic='basics']")).to_have_text(f"✓ 1/{n} known · ↻ 1 to review")
    page.locator(".home-actions a", has_text="Practise").click()
    page.wait_for_url(re.compile(r"/practice\.html$"))
    ready(page)
    link = page.locator(".practice-review-list a")
    expect(link).to_have_count(1)
    assert link.get_attribute("href") == f"{offline_url}basics.html#{ids[1]}"

    # The random question from the review list: on the heading, answer hidden.
    page.select_option("#practice-random-filter", "review")
    page.get_by_role("button", name="Random question").click()
    page.wait_for_url(re.compile(rf"/basics\.html#{ids[1]}$"))
    ready(page)
    expect(heading(page, ids[1])).to_be_in_viewport()
    expect(answer(page, ids[1])).to_be_hidden()

    # The review list's link is a link to the answer: it reveals it.
    page.goto(offline_url + "practice.html")
    ready(page)
    page.locator(".practice-review-list a").click()
    page.wait_for_url(re.compile(rf"/basics\.html#{ids[1]}$"))
    ready(page)
    assert shown_answers(page) == [ids[1]]

    # A link to an alias id, from another page.
    topic, alias, qid = an_alias()
    page.goto(offline_url + "index.html")
    page.goto(offline_url + f"{topic}.html#{alias}")
    ready(page)
    assert shown_answers(page) == [qid]

    # Reset everything from the practice page.
    page.goto(offline_url + "practice.html")
    ready(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    expect(progress(page)).to_have_text(f"Your progress: 0 known · 0 to review · {total} not seen")
    page.goto(offline_url + "basics.html")
    ready(page)
    expect(page.locator(".practice-mark[aria-pressed='true']")).to_have_count(0)
