"""The study tool, on the site served from 127.0.0.1.

The home page's actions and topic cards, the marks on headings, the table of
contents, the topic's question list and All questions, "hide what I know",
the difficulty filter in the URL, the flash-card deck run with the keyboard
for each kind of deck, quiz mode moving on after a mark, copying the short
link, and the reset that asks first.

The question data is served with a few questions made essential and only
every other one given a short answer, so that both kinds of card,
with and without a short answer, and the essentials deck are exercised
whatever the editorial layer holds today.

The same scripts over file:// are driven by test_practice_offline.py (quiz
mode, marks, the Practice page, the random question) and, in the published
zip, by tests/downloads/test_offline_study.py (home cards, marks, the deck
with its links to full answers, the public short link): what differs there
is the form of the links and the deck's full answer, which is a link.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from practice_pages import DOCS, answer, heading, mark, progress, question_ids, quiz

DATA = DOCS / "assets" / "javascripts" / "questions-data.js"


def questions() -> list[dict]:
    text = DATA.read_text(encoding="utf-8")
    return json.loads(text[text.index("[") : text.rindex("]") + 1])


def study_questions() -> tuple[list[dict], dict[str, str]]:
    """The real list, every third question essential, and short answers for every other one."""
    items = questions()
    shorts = {}
    for index, q in enumerate(items):
        if index % 3 == 0:
            q["essential"] = True
        if index % 2 == 0:
            shorts[q["id"]] = f"Short answer `{index}` for **{q['id']}**."
    return items, shorts


def serve_study_data(visit):
    items, shorts = study_questions()
    data = {
        "**/questions-data.js": "window.FIG_QUESTIONS = " + json.dumps(items) + ";\n",
        "**/questions-short.js": "window.FIG_SHORT = " + json.dumps(shorts) + ";\n",
    }
    for pattern, body in data.items():
        visit.context.route(pattern, _fulfil_with(body))


def _fulfil_with(body: str):
    """A route handler that answers with ``body`` (Playwright passes it the route alone)."""
    return lambda route: route.fulfill(status=200, body=body, content_type="text/javascript")


def at(base: str, name: str) -> str:
    """The address of a page: directory URLs."""
    return base if name == "index" else f"{base}{name}/"


def study(visit, base, **options):
    v = visit(base, **options)
    serve_study_data(v)
    return v


def test_home_page_actions_and_topic_cards_with_progress(visit, online_url):
    v = study(visit, online_url)
    page = v.goto("")
    actions = page.locator(".home-actions a.md-button")
    expect(actions).to_have_text(["Start with the basics", "Practise with flash cards", "All questions"])
    first_topic = questions()[0]["page"]
    assert actions.nth(0).get_attribute("href").rstrip("/").removesuffix(".html").endswith(first_topic)
    cards = page.locator(".topic-cards li")
    pages = list(dict.fromkeys(q["page"] for q in questions()))
    expect(cards).to_have_count(len(pages))
    # A first visit shows counts, no empty dashboard.
    expect(page.locator(".practice-progress, .practice-bar")).to_have_count(0)
    card = page.locator(f".topic-progress[data-topic='{first_topic}']")
    total = sum(q["page"] == first_topic for q in questions())
    expect(card).to_have_text(f"{total} questions")

    page.goto(at(online_url, first_topic))
    page.wait_for_selector("[data-practice-ready]", state="attached")
    ids = question_ids(page)
    mark(page, ids[0], "known")
    mark(page, ids[1], "review")
    page.goto(at(online_url, "index"))
    page.wait_for_selector("[data-practice-ready]", state="attached")
    expect(card).to_have_text(f"✓ 1/{total} known · ↻ 1 to review")
    actions.nth(1).click()
    page.wait_for_url(re.compile(r"/practice/$"))


def test_marks_on_headings_table_of_contents_question_list_and_all_questions(visit, online_url):
    v = study(visit, online_url)
    page = v.goto(at(online_url, "routing-and-views").removeprefix(online_url))
    ids = question_ids(page)
    # The topic opens with its list of questions, one link per question.
    listed = page.locator("details.question-list li a")
    assert listed.evaluate_all("links => links.map(a => a.getAttribute('href').slice(1))") == ids
    assert page.locator("details.question-list").evaluate("d => d.open")

    mark(page, ids[0], "known")
    mark(page, ids[2], "review")
    for qid, expected in ((ids[0], "known"), (ids[1], None), (ids[2], "review")):
        for node in (
            heading(page, qid),
            page.locator(f".md-sidebar--secondary a.md-nav__link[href='#{qid}']"),
            page.locator(f"details.question-list li:has(> a[href='#{qid}'])"),
        ):
            if expected:
                expect(node).to_have_attribute("data-mark", expected)
            else:
                expect(node).not_to_have_attribute("data-mark", re.compile("."))
    # The mark is drawn: a ✓ before the known heading.
    glyph = heading(page, ids[0]).evaluate("h => getComputedStyle(h, '::before').content")
    assert "✓" in glyph

    page.reload()
    page.wait_for_selector("[data-practice-ready]", state="attached")
    expect(heading(page, ids[2])).to_have_attribute("data-mark", "review")

    page.goto(at(online_url, "all-questions"))
    page.wait_for_selector("[data-practice-ready]", state="attached")
    known = page.locator(f".md-content li:has(> a[href$='#{ids[0]}'])")
    expect(known).to_have_attribute("data-mark", "known")
    expect(page.locator(f".md-content li:has(> a[href$='#{ids[2]}'])")).to_have_attribute("data-mark", "review")
    expect(page.locator(".md-content li[data-mark]")).to_have_count(2)
    marker = known.evaluate("li => getComputedStyle(li, '::marker').content")
    assert "✓" in marker


def test_hide_what_i_know_on_a_topic_page_and_all_questions(visit, online_url):
    v = study(visit, online_url)
    page = v.goto(at(online_url, "basics").removeprefix(online_url))
    ids = question_ids(page)
    mark(page, ids[0], "known")
    mark(page, ids[1], "known")
    mark(page, ids[2], "review")
    switch = page.get_by_role("button", name="Hide what I know")
    expect(switch).to_have_attribute("aria-pressed", "false")
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    for qid in ids[:2]:
        expect(heading(page, qid)).to_be_hidden()
        expect(answer(page, qid)).to_be_hidden()
        expect(page.locator(f".md-sidebar--secondary a[href='#{qid}']")).to_be_hidden()
        expect(page.locator(f"details.question-list a[href='#{qid}']")).to_be_hidden()
    expect(heading(page, ids[2])).to_be_visible()
    expect(answer(page, ids[2])).to_be_visible()

    # Remembered on All questions too, where the known questions are left out.
    page.goto(at(online_url, "all-questions"))
    page.wait_for_selector("[data-practice-ready]", state="attached")
    switch = page.get_by_role("button", name="Hide what I know")
    expect(switch).to_have_attribute("aria-pressed", "true")
    total = page.locator(".md-content li > a[data-difficulty]").count()
    expect(page.locator(".md-content li:visible > a[data-difficulty]")).to_have_count(total - 2)
    expect(page.locator(f".md-content a[href$='#{ids[0]}']")).to_be_hidden()
    expect(page.locator(".practice-filter__count")).to_have_text(
        f"Showing {total - 2} of {total} questions: not known yet."
    )
    switch.click()
    expect(page.locator(".md-content li:visible > a[data-difficulty]")).to_have_count(total)


def test_a_question_list_link_in_quiz_mode_lands_with_the_answer_hidden(visit, online_url):
    v = study(visit, online_url)
    page = v.goto(at(online_url, "basics").removeprefix(online_url))
    quiz(page, True)
    ids = question_ids(page)
    page.locator(f"details.question-list a[href='#{ids[3]}']").click()
    page.wait_for_url(re.compile(f"#{ids[3]}$"))
    expect(heading(page, ids[3])).to_be_in_viewport()
    expect(answer(page, ids[3])).to_be_hidden()


def test_in_quiz_mode_marking_moves_on_to_the_next_question(visit, online_url):
    v = study(visit, online_url)
    page = v.goto(at(online_url, "basics").removeprefix(online_url))
    quiz(page, True)
    ids = question_ids(page)
    page.locator(f".practice-reveal[aria-controls='practice-answer-{ids[0]}']").click()
    mark(page, ids[0], "known")
    expect(answer(page, ids[0])).to_be_hidden()
    next_reveal = page.locator(f".practice-reveal[aria-controls='practice-answer-{ids[1]}']")
    expect(next_reveal).to_be_focused()
    expect(heading(page, ids[1])).to_be_in_viewport()
    # With the keyboard from there: open, mark, and on again.
    page.keyboard.press("Enter")
    expect(answer(page, ids[1])).to_be_visible()
    answer(page, ids[1]).locator(".practice-mark--review").click()
    expect(page.locator(f".practice-reveal[aria-controls='practice-answer-{ids[2]}']")).to_be_focused()
    expect(progress(page)).to_contain_text("1 known · 1 to review")


def test_the_difficulty_filter_hides_toc_entries_and_lives_in_the_url(visit, online_url):
    v = study(visit, online_url)
    page = v.goto(at(online_url, "all-questions").removeprefix(online_url))
    levels = {q["page"]: set() for q in questions()}
    for q in questions():
        levels[q["page"]].add(q["difficulty"])
    page.get_by_role("group", name="Filter by difficulty").get_by_role("button", name="Advanced").click()
    expect(page).to_have_url(re.compile(r"\?level=advanced$"))

    def check():
        expect(page.locator(".md-content li:visible > a:not([data-difficulty='advanced'])")).to_have_count(0)
        hidden = page.eval_on_selector_all(".md-content h2[hidden]", "hs => hs.map(h => h.id)")
        assert hidden, "every topic has an advanced question: pick a level some topic lacks"
        visible_toc = page.eval_on_selector_all(
            ".md-sidebar--secondary a.md-nav__link",
            "links => links.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href').slice(1))",
        )
        assert visible_toc, "no table-of-contents entry left"
        assert not set(hidden) & set(visible_toc), f"TOC links to hidden sections: {set(hidden) & set(visible_toc)}"
        for target in visible_toc:
            expect(page.locator(f"h2[id='{target}']")).to_be_visible()

    check()
    page.reload()
    page.wait_for_selector("[data-practice-ready]", state="attached")
    expect(page.get_by_role("button", name="Advanced")).to_have_attribute("aria-pressed", "true")
    check()
    page.get_by_role("button", name="All", exact=True).click()
    expect(page).not_to_have_url(re.compile(r"level="))
    expect(page.locator(".md-content h2[hidden]")).to_have_count(0)


def deck_run(page, choice: str) -> list[str]:
    """Run the whole deck from the keyboard: reveal, mark known, mark review, skip, in turn."""
    page.select_option("#deck-choice", choice)
    page.get_by_role("button", name="Start the deck").click()
    card = page.locator(".deck-card")
    expect(card).to_be_visible()
    expect(card).to_be_focused()
    counter = page.locator(".deck-counter")
    total = int(re.search(r"of (\d+)", counter.text_content()).group(1))
    seen, counts = [], {"known": 0, "review": 0, "skipped": 0}
    for index in range(total):
        expect(counter).to_have_text(
            f"Card {index + 1} of {total} · {counts['known']} known · {counts['review']} to review"
        )
        qid = card.get_attribute("data-question")
        seen.append(qid)
        turn = index % 3
        if turn == 0:
            has_short = page.locator(".deck-short").inner_html() != ""
            page.keyboard.press("Space")
            if has_short:
                expect(page.locator(".deck-short")).to_be_visible()
                expect(page.locator(".deck-short")).to_contain_text("Short answer:")
                expect(page.locator(".deck-full")).to_be_hidden()
                page.keyboard.press("Space")
            full = page.locator(".deck-full")
            expect(full).to_be_visible()
            # The full answer in place, read from its topic page.
            expect(full.locator(".deck-answer p").first).to_be_visible()
            page.keyboard.press("1" if index % 2 == 0 else "k")
            counts["known"] += 1
        elif turn == 1:
            page.keyboard.press("2" if index % 2 == 0 else "r")
            counts["review"] += 1
        else:
            page.keyboard.press("ArrowRight")
            counts["skipped"] += 1
    summary = page.locator(".deck-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.locator(".deck-summary__text")).to_have_text(
        f"{total} card{'s' if total != 1 else ''}: {counts['known']} known, {counts['review']} to review, "
        f"{counts['skipped']} skipped."
    )
    assert len(set(seen)) == len(seen) == total
    return seen


def test_a_full_run_through_each_kind_of_deck_with_the_keyboard(visit, online_url):
    v = study(visit, online_url)
    page = v.goto(at(online_url, "practice").removeprefix(online_url))
    items, _ = study_questions()
    expect(page.locator("#deck-choice option")).to_have_count(6 + len({q["page"] for q in items}))

    kinds = {
        "level:advanced": {q["id"] for q in items if q["difficulty"] == "advanced"},
        "topic:routing-and-views": {q["id"] for q in items if q["page"] == "routing-and-views"},
        "essentials": {q["id"] for q in items if q["essential"]},
    }

    def afresh():
        page.evaluate("localStorage.clear()")
        page.reload()
        page.wait_for_selector("[data-practice-ready]", state="attached")

    for choice, expected in kinds.items():
        afresh()
        assert set(deck_run(page, choice)) == expected, choice

    # The whole guide; every third card went to the review list...
    afresh()
    everything = deck_run(page, "all")
    assert set(everything) == {q["id"] for q in items}
    to_review = {qid for index, qid in enumerate(everything) if index % 3 == 1}
    expect(progress(page)).to_have_text(
        f"Your progress: {len(everything[::3])} known · {len(to_review)} to review · "
        f"{len(everything) - len(everything[::3]) - len(to_review)} not seen"
    )
    expect(page.locator(".practice-review-list li")).to_have_count(len(to_review))
    # ... which is a deck of its own.
    assert set(deck_run(page, "review")) == to_review


def test_an_empty_review_deck_says_so(visit, online_url):
    v = study(visit, online_url)
    page = v.goto(at(online_url, "practice").removeprefix(online_url))
    page.select_option("#deck-choice", "review")
    page.get_by_role("button", name="Start the deck").click()
    expect(page.locator(".deck-message")).to_have_text("Your review list is empty.")
    expect(page.locator(".deck-card")).to_be_hidden()


def test_reset_asks_first_and_sits_away_from_the_progress(visit, online_url):
    v = study(visit, online_url)
    page = v.goto(at(online_url, "basics").removeprefix(online_url))
    ids = question_ids(page)
    mark(page, ids[0], "review")
    # No reset on a topic page: only on the Practice page, in its own section.
    expect(page.get_by_role("button", name="Reset progress")).to_have_count(0)
    page.goto(at(online_url, "practice"))
    page.wait_for_selector("[data-practice-ready]", state="attached")
    reset = page.get_by_role("button", name="Reset progress")
    expect(reset.locator("xpath=ancestor::*[@data-practice='reset']")).to_have_count(1)
    expect(page.locator("[data-practice='overview'] button", has_text="Reset")).to_have_count(0)
    asked = []

    def dismiss(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    reset.click()
    expect(progress(page)).to_contain_text("1 to review")
    assert asked and "Forget your marks for 1 question" in asked[0]
    page.once("dialog", lambda dialog: dialog.accept())
    reset.click()
    expect(progress(page)).to_contain_text("0 known · 0 to review")
    expect(reset).to_be_disabled()


def test_copy_link_puts_the_short_link_on_the_clipboard(visit, online_url):
    v = study(visit, online_url)
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = v.goto(at(online_url, "architecture").removeprefix(online_url))
    ids = question_ids(page)
    control = heading(page, ids[0]).locator("a.copy-link")
    expect(control).to_have_count(1)
    # One link control per heading.
    expect(heading(page, ids[0]).locator("a, button")).to_have_count(1)
    expect(control).to_have_accessible_name("Copy link to this answer")
    # The short link on the site being read (the offline copy gives the public site's).
    expected = online_url + f"q/{ids[0]}/"
    expect(control).to_have_attribute("href", expected)
    expect(control).to_have_attribute("title", f"Copy the link to share: {expected}")
    control.click()
    expect(page.locator(".copy-link-status")).to_contain_text("Link copied")
    expect(page.locator(".copy-link-status__url")).to_have_text(expected)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.url.endswith(at(online_url, "architecture").removeprefix(online_url)), (
        "the click copies, it does not navigate"
    )
    # The old anchor still lands on the answer.
    page.goto(at(online_url, "architecture") + f"#{ids[0]}")
    expect(heading(page, ids[0])).to_be_in_viewport()


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, {"width": 1280, "height": 900}])
@pytest.mark.parametrize("path", ["basics/", "all-questions/"])
def test_practice_controls_fill_the_place_kept_for_them(visit, online_url, viewport, path):
    """Nothing moves when practice.js fills the bar and the rows under the answers."""
    tops = {}
    for with_script in (False, True):
        v = visit(online_url, viewport=viewport)
        if not with_script:
            v.context.route("**/practice*.js", lambda route: route.fulfill(status=200, body=""))
        v.page.goto(online_url + path)
        if with_script:
            v.page.wait_for_selector("[data-practice-ready]", state="attached")
        v.page.wait_for_load_state("load")
        tops[with_script] = v.page.evaluate(
            """() => Array.from(document.querySelectorAll('.md-content h2')).slice(0, 4)
                 .map((h) => Math.round(h.getBoundingClientRect().top + scrollY))"""
        )
    assert tops[False], "no heading to measure"
    moved = [after - before for before, after in zip(tops[False], tops[True], strict=True)]
    assert all(abs(shift) <= 2 for shift in moved), f"{path} at {viewport['width']} px: headings moved by {moved}"
