"""Practice mode on the online site, served from 127.0.0.1 and driven by Chromium."""

from __future__ import annotations

import re

import pytest
import search_ui
from axe_playwright_python.sync_playwright import Axe
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

TOPIC = "routing-and-views/"


def test_quiz_mode_is_remembered_and_answers_open_with_the_keyboard(visit, online_url):
    page = visit(online_url).goto(TOPIC)
    ids = question_ids(page)
    assert len(ids) == page.locator("h2 + p.qmeta").count() > 2
    # Quiz mode off: the page reads as normal, no "Show answer" buttons.
    assert shown_answers(page) == ids
    expect(page.locator(".practice-reveal").first).to_be_hidden()

    quiz(page, True)
    assert shown_answers(page) == []

    # Another page: quiz mode is still on, every answer hidden.
    page.goto(online_url + "basics/")
    page.wait_for_selector("[data-practice-ready]", state="attached")
    ids = question_ids(page)
    expect(page.locator(".practice-toggle--quiz")).to_have_attribute("aria-pressed", "true")
    assert shown_answers(page) == []
    first, second = reveal_button(page, ids[0]), reveal_button(page, ids[1])
    expect(first).to_be_visible()
    expect(first).to_have_attribute("aria-expanded", "false")
    expect(first).to_have_accessible_name(re.compile(r"^Show answer: "))

    first.focus()
    page.keyboard.press("Enter")
    expect(first).to_have_attribute("aria-expanded", "true")
    expect(answer(page, ids[0])).to_be_visible()
    expect(first).to_contain_text("Hide answer")
    # The focus ring is visible on the focused button.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"

    second.focus()
    page.keyboard.press("Space")
    expect(second).to_have_attribute("aria-expanded", "true")
    assert shown_answers(page) == ids[:2]

    # Enter again hides it.
    page.keyboard.press("Enter")
    assert shown_answers(page) == ids[:1]

    # Quiz mode off again: every answer is back.
    quiz(page, False)
    assert shown_answers(page) == ids


def test_marks_progress_review_list_random_question_and_reset(visit, online_url):
    v = visit(online_url)
    page = v.goto(TOPIC)
    ids = question_ids(page)
    n = len(ids)
    expect(progress(page)).to_have_text(f"This page: 0 known · 0 to review · {n} not seen")

    mark(page, ids[0], "known")
    mark(page, ids[1], "review")
    mark(page, ids[2], "review")
    expect(progress(page)).to_have_text(f"This page: 1 known · 2 to review · {n - 3} not seen")
    # Pressing a pressed mark removes it.
    mark(page, ids[3], "known")
    mark(page, ids[3], "known")
    expect(progress(page)).to_have_text(f"This page: 1 known · 2 to review · {n - 3} not seen")

    page.reload()
    page.wait_for_selector("[data-practice-ready]", state="attached")
    expect(answer(page, ids[0]).locator(".practice-mark--known")).to_have_attribute("aria-pressed", "true")
    expect(answer(page, ids[1]).locator(".practice-mark--review")).to_have_attribute("aria-pressed", "true")
    expect(answer(page, ids[3]).locator(".practice-mark--known")).to_have_attribute("aria-pressed", "false")
    expect(progress(page)).to_have_text(f"This page: 1 known · 2 to review · {n - 3} not seen")

    # The home page's card of the topic counts its marks.
    page.goto(online_url)
    total = len(all_questions(page))
    expect(page.locator(".topic-progress[data-topic='routing-and-views']")).to_have_text(
        f"✓ 1/{n} known · ↻ 2 to review"
    )

    # The practice page: progress and the review list, linking to the answers.
    page.goto(online_url + "practice/")
    questions = {q["id"]: q for q in all_questions(page)}
    expect(progress(page)).to_have_text(f"Your progress: 1 known · 2 to review · {total - 3} not seen")
    links = page.locator(".practice-review-list a")
    expect(links).to_have_text([questions[ids[1]]["title"], questions[ids[2]]["title"]])
    assert links.first.get_attribute("href") == f"{online_url}{TOPIC}#{ids[1]}"

    # A random question from the review list, in quiz mode: it lands on the
    # question's heading with the answer still hidden.
    quiz(page, True)
    page.select_option("#practice-random-filter", "review")
    page.get_by_role("button", name="Random question").click()
    page.wait_for_url(re.compile(r"#"))
    page.wait_for_selector("[data-practice-ready]", state="attached")
    landed = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert landed in ids[1:3]
    expect(heading(page, landed)).to_be_in_viewport()
    expect(answer(page, landed)).to_be_hidden()
    expect(reveal_button(page, landed)).to_be_visible()

    # A random advanced question.
    page.goto(online_url + "practice/")
    page.select_option("#practice-random-filter", "advanced")
    page.get_by_role("button", name="Random question").click()
    page.wait_for_url(re.compile(r"#"))
    page.wait_for_selector("[data-practice-ready]", state="attached")
    landed = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert questions[landed]["difficulty"] == "advanced"
    expect(heading(page, landed).locator("xpath=following-sibling::p[1]")).to_have_attribute(
        "data-difficulty", "advanced"
    )

    # Reset: cancelling the confirmation keeps everything, accepting forgets it.
    page.goto(online_url + "practice/")
    reset = page.get_by_role("button", name="Reset progress")
    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.click()
    expect(progress(page)).to_have_text(f"Your progress: 1 known · 2 to review · {total - 3} not seen")
    page.once("dialog", lambda dialog: dialog.accept())
    reset.click()
    expect(progress(page)).to_have_text(f"Your progress: 0 known · 0 to review · {total} not seen")
    expect(page.locator(".practice-review-list")).to_have_count(0)
    expect(page.locator(".practice-review-empty")).to_be_visible()
    expect(reset).to_be_disabled()
    page.select_option("#practice-random-filter", "review")
    page.get_by_role("button", name="Random question").click()
    expect(page.locator(".practice-random__message")).to_have_text("Your review list is empty.")

    page.goto(online_url + TOPIC)
    expect(page.locator(".practice-mark[aria-pressed='true']")).to_have_count(0)


def test_links_to_an_answer_reveal_it_in_quiz_mode(visit, online_url):
    v = visit(online_url)
    page = v.goto(TOPIC)
    quiz(page, True)
    ids = question_ids(page)

    # Opening a page at an answer's id.
    page.goto(online_url + f"{TOPIC}#{ids[-1]}")
    page.wait_for_selector("[data-practice-ready]", state="attached")
    assert shown_answers(page) == [ids[-1]]
    expect(heading(page, ids[-1])).to_be_in_viewport()

    # A hashchange on the same page.
    page.evaluate(f"location.hash = '{ids[1]}'")
    expect(answer(page, ids[1])).to_be_visible()
    assert shown_answers(page) == [ids[1], ids[-1]]

    # The table of contents moves between questions without revealing them.
    page.locator(f".md-sidebar--secondary a[href='#{ids[2]}']").click()
    page.wait_for_url(re.compile(f"#{ids[2]}$"))
    expect(heading(page, ids[2])).to_be_in_viewport()
    expect(answer(page, ids[2])).to_be_hidden()

    # An alias id of a merged duplicate reveals the question it was merged into.
    topic, alias, qid = an_alias()
    page.goto(online_url)
    page.goto(online_url + f"{topic}/#{alias}")
    page.wait_for_selector("[data-practice-ready]", state="attached")
    assert shown_answers(page) == [qid]

    # A short link q/<id>/ redirects to the answer and reveals it.
    page.goto(online_url + f"q/{ids[0]}/")
    page.wait_for_url(re.compile(f"{TOPIC}#{ids[0]}$"))
    page.wait_for_selector("[data-practice-ready]", state="attached")
    expect(answer(page, ids[0])).to_be_visible()


def test_search_result_opens_the_answer_in_quiz_mode(visit, online_url):
    page = visit(online_url).goto(TOPIC)
    quiz(page, True)
    ids = question_ids(page)
    target = ids[-1]
    title = heading(page, target).evaluate("h => h.firstChild.textContent")
    page.goto(online_url + "basics/")
    page.wait_for_selector("[data-practice-ready]", state="attached")
    search = page.locator("input.md-search__input")
    search.click()
    search_ui.type_until(search, title, page.locator(".md-search-result__meta"), re.compile("matching document"))
    result = page.locator(f".md-search-result__list a[href$='#{target}']").first
    expect(result).to_be_attached()
    if not result.is_visible():  # among the "more on this page" results
        result.locator("xpath=ancestor::details[1]/summary").click()
    result.click()
    page.wait_for_url(re.compile(f"#{target}$"))
    page.wait_for_selector("[data-practice-ready]", state="attached")
    expect(answer(page, target)).to_be_visible()
    assert shown_answers(page) == [target]


def test_all_questions_filter_by_difficulty(visit, online_url):
    page = visit(online_url).goto("all-questions/")
    items = page.locator(".md-content li:has(> a[data-difficulty])")
    total = items.count()
    status = page.locator(".practice-filter__count")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text(f"Showing all {total} questions.")
    group = page.get_by_role("group", name="Filter by difficulty")

    for level in ("advanced", "beginner", "intermediate"):
        expected = page.locator(f".md-content li > a[data-difficulty='{level}']").count()
        group.get_by_role("button", name=level.capitalize()).click()
        expect(group.get_by_role("button", name=level.capitalize())).to_have_attribute("aria-pressed", "true")
        expect(page.locator(".md-content li:visible > a[data-difficulty]")).to_have_count(expected)
        expect(page.locator(f".md-content li:visible > a:not([data-difficulty='{level}'])")).to_have_count(0)
        expect(status).to_have_text(f"Showing {expected} of {total} questions: {level}.")
        # A topic heading is shown only when some of its questions are.
        for h2 in page.locator(".md-content h2:visible").all():
            assert h2.locator("xpath=following-sibling::ul[1]/li[not(@hidden)]").count() > 0

    group.get_by_role("button", name="All").click()
    expect(page.locator(".md-content li:visible > a[data-difficulty]")).to_have_count(total)
    expect(status).to_have_text(f"Showing all {total} questions.")


# What practice mode adds to each page: the whole content and sidebars of the
# topic and practice pages; on the generated home and All questions pages,
# the practice controls and badges. Material's header and footer and the
# generated prose are the site's own browser tests' business.
AXE_SCOPE = {
    TOPIC: [[".md-main"]],
    "practice/": [[".md-main"]],
    "all-questions/": [[".practice-filter"], [".practice-filter__count"], [".md-content li .qmeta-difficulty"]],
    "": [[".topic-cards"]],
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_in_quiz_mode(visit, online_url, scheme):
    page = visit(online_url, color_scheme=scheme).goto(TOPIC)
    quiz(page, True)
    expected = "slate" if scheme == "dark" else "default"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    axe = Axe()
    ids = question_ids(page)
    reveal_button(page, ids[0]).click()
    mark(page, ids[0], "review")
    for path in (TOPIC, "practice/", "all-questions/", ""):
        page.goto(online_url + path)
        page.wait_for_selector("[data-practice-ready]", state="attached")
        if path == "practice/":
            expect(progress(page)).to_contain_text("1 to review")
        if path == "":
            expect(page.locator(".topic-progress__review").first).to_be_visible()
        results = axe.run(page, context={"include": AXE_SCOPE[path]})
        assert results.violations_count == 0, f"{path or 'home'} ({scheme}):\n{results.generate_report()}"


def test_print_shows_every_answer_and_no_practice_controls(visit, online_url):
    page = visit(online_url).goto(TOPIC)
    quiz(page, True)
    ids = question_ids(page)
    page.emulate_media(media="print")
    for qid in ids:
        expect(answer(page, qid)).to_be_visible()
    for selector in (".practice-bar", ".practice-reveal", ".practice-marks"):
        expect(page.locator(selector).first).to_be_hidden()
    page.emulate_media(media="screen")
    assert shown_answers(page) == []


def test_phone_width(visit, online_url):
    v = visit(online_url, viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    for path in (TOPIC, "practice/", "all-questions/"):
        page = v.goto(path)
        if path != "all-questions/":
            quiz(page, True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide at a 360px viewport"
        for control in page.locator(".practice-button:visible, .practice-random__filter").all():
            box = control.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, f"{path}: a control sticks out"
            assert box["height"] >= 24, f"{path}: a control is too small to tap"


def test_question_list_read_from_all_questions_page_without_the_data_file(visit, online_url):
    v = visit(online_url)
    v.context.route("**/questions-data.js", lambda route: route.fulfill(status=404, body=""))
    page = v.goto(TOPIC)
    ids = question_ids(page)
    mark(page, ids[1], "review")
    page.goto(online_url + "practice/")
    page.wait_for_selector("[data-practice-ready]", state="attached")
    links = page.locator(".practice-review-list a")
    expect(links).to_have_count(1)
    assert links.first.get_attribute("href") == f"{online_url}{TOPIC}#{ids[1]}"
    assert page.evaluate("window.FIG_QUESTIONS === undefined")


def test_instant_navigation(visit, instant_url):
    page = visit(instant_url).goto(TOPIC)
    quiz(page, True)
    # Follow a link: Material swaps the content in place, practice.js follows.
    # (instant navigation makes every link absolute)
    page.locator(".md-nav--primary a[href$='/templates/']").first.click()
    page.wait_for_url(re.compile(r"/templates/$"))
    page.wait_for_selector(".md-content [data-practice-ready] .practice-answer", state="attached")
    ids = question_ids(page)
    assert ids and shown_answers(page) == []
    assert page.evaluate("document.querySelectorAll('.practice-bar').length") == 1
    # A link to an answer on another page reveals it.
    page.locator(".md-nav--primary a[href$='/all-questions/']").first.click()
    page.wait_for_url(re.compile(r"/all-questions/$"))
    page.locator(f".md-content a[href$='#{ids[-1]}']").first.click()
    page.wait_for_url(re.compile(f"#{ids[-1]}$"))
    expect(answer(page, ids[-1])).to_be_visible()
    assert shown_answers(page) == [ids[-1]]
