"""What pages load and how they settle (issue 13): nothing moves after the first
paint, the home page of a first visit does not load the list of questions, and
the Practice page loads its own script and, only when a deck starts, the
short answers."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, RequestLog, _context

CLS_BUDGET = 0.01

# Every layout shift of the page since it started loading, as Lighthouse counts
# them (those right after the reader's input excluded).
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  }).observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(total), 0)));
})"""


@pytest.fixture
def fresh(browser, requests_log, origin):
    """Opens a browser context of its own (fresh storage, requests recorded) at a
    viewport; every one opened is closed after the test."""
    opened = []

    def open_context(viewport):
        opened.append(_context(browser, requests_log, origin, viewport=viewport))
        return opened[-1]

    yield open_context
    for context in opened:
        context.close()


def settled(page) -> None:
    """The page loaded, its scripts done: practice.js has set up the content."""
    page.wait_for_load_state("load")
    page.wait_for_selector("[data-practice-ready]", state="attached")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["", "basics/", "all-questions/", "practice/", "deployment-and-scaling/"])
def test_nothing_moves_after_the_first_paint(fresh, base_url, viewport, path):
    context = fresh(viewport)
    page = context.new_page()
    page.goto(base_url + path)
    settled(page)
    shift = page.evaluate(LAYOUT_SHIFT)
    assert shift <= CLS_BUDGET, f"{path or 'home'} at {viewport['width']} px: layout shift {shift:.3f}"


def test_nothing_moves_in_quiz_mode(fresh, base_url):
    context = fresh(PHONE)
    page = context.new_page()
    page.goto(base_url)
    page.evaluate("(key) => localStorage.setItem(key, JSON.stringify({quiz: true}))", _quiz_key(base_url))
    page.goto(base_url + "basics/")
    settled(page)
    assert page.evaluate("document.documentElement.classList.contains('practice-quiz')")
    assert page.evaluate(LAYOUT_SHIFT) <= CLS_BUDGET, "quiz mode"


def _landings(short_links) -> list[str]:
    """Short links to land on: the first into another page, and the first, middle
    and last into the longest topic page (where the answers after the target are
    short or long, and the target is near the top or far down)."""
    by_page: dict[str, list[str]] = {}
    for short_id, target in short_links.items():
        by_page.setdefault(target.partition("#")[0], []).append(short_id)
    longest = max(by_page.values(), key=len)
    other = next(ids for ids in by_page.values() if ids is not longest)
    return [other[0], longest[0], longest[len(longest) // 2], longest[-1]]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_nothing_moves_when_a_short_link_lands(fresh, base_url, short_links, viewport):
    context = fresh(viewport)
    for short_id in _landings(short_links):
        page = context.new_page()
        page.goto(base_url + f"q/{short_id}/")
        page.wait_for_url(f"**#{short_links[short_id].partition('#')[2]}")
        settled(page)
        shift = page.evaluate(LAYOUT_SHIFT)
        assert shift <= CLS_BUDGET, f"q/{short_id}/ at {viewport['width']} px: layout shift {shift:.3f}"
        page.close()


def requested(requests_log: RequestLog, since: int, name: str) -> bool:
    """Whether a file called ``name`` was requested after the first ``since`` requests of the log."""
    return any(urlsplit(url).path.rsplit("/", 1)[-1] == name for url in requests_log.urls[since:])


def test_a_first_visit_to_the_home_page_does_not_load_the_list_of_questions(fresh, requests_log, base_url):
    context = fresh(DESKTOP)
    since = len(requests_log.urls)
    page = context.new_page()
    page.goto(base_url)
    settled(page)
    assert page.locator(".topic-progress").first.text_content().endswith("questions")
    assert not requested(requests_log, since, "questions-data.js")
    assert not requested(requests_log, since, "practice-page.min.js"), "the Practice page's script is for that page"
    # A mark made: now the cards show progress, from the list.
    page.evaluate(
        "(key) => localStorage.setItem(key, JSON.stringify({marks: {'what-is-flask': 'known'}}))",
        _quiz_key(base_url),
    )
    page.reload()
    settled(page)
    page.wait_for_function("Array.isArray(window.FIG_QUESTIONS)")
    assert requested(requests_log, since, "questions-data.js")


def test_the_practice_page_loads_the_short_answers_when_a_deck_starts(fresh, requests_log, base_url):
    context = fresh(DESKTOP)
    since = len(requests_log.urls)
    page = context.new_page()
    page.goto(base_url + "practice/")
    settled(page)
    assert requested(requests_log, since, "practice-page.min.js"), "the Practice page's own script"
    assert requested(requests_log, since, "questions-data.js"), "the deck's choices need the list"
    assert not requested(requests_log, since, "questions-short.js")
    first = page.evaluate("window.FIG_QUESTIONS[0]")
    assert "short" not in first, "the list carries no short answers"

    page.locator("#deck-shuffle").uncheck()
    page.get_by_role("button", name="Start the deck").click()
    expect(page.locator(".deck-card")).to_be_visible()
    assert requested(requests_log, since, "questions-short.js")
    page.locator(".deck-card button", has_text="Show the short answer").click()
    short = page.evaluate("(id) => window.FIG_SHORT[id]", first["id"])
    words = short.split("`")[0].split("*")[0][:40]
    expect(page.locator(".deck-short")).to_contain_text(words)


def _quiz_key(base_url: str) -> str:
    """practice.js's storage key: the site's path, then ".practice"."""
    return urlsplit(base_url).path + ".practice"


# Whether each answer of the page is rendered: checkVisibility() with
# contentVisibilityAuto is false for what is inside content the browser skips.
ANSWERS_RENDERED = """() => Array.from(document.querySelectorAll(".md-typeset .practice-answer"))
  .map((answer) => answer.firstElementChild.checkVisibility({contentVisibilityAuto: true}))"""


def test_answers_off_screen_are_not_laid_out_until_they_come_near(fresh, base_url):
    context = fresh(PHONE)
    page = context.new_page()
    page.goto(base_url + "basics/")
    settled(page)
    rendered = page.evaluate(ANSWERS_RENDERED)
    assert len(rendered) > 3
    assert rendered[0], "the first answer, on the first screen, is rendered"
    assert not any(rendered[2:]), f"answers far below the first screen are rendered: {rendered}"
    # Scrolled to, the last answer is rendered, and its place is real:
    # its heading is where a link to it lands.
    last = page.locator(".md-typeset .practice-answer").last
    last.scroll_into_view_if_needed()
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate(ANSWERS_RENDERED)[-1]
    # Print lays out every answer.
    page.emulate_media(media="print")
    skipped = page.eval_on_selector_all(
        ".md-typeset .practice-answer",
        "els => els.filter((e) => getComputedStyle(e).contentVisibility !== 'visible').length",
    )
    assert skipped == 0, f"{skipped} answers may be left out of print"


def test_a_page_opened_at_an_answer_lays_out_the_answers_above_it(fresh, base_url):
    """Estimated heights above the landing place would move the page as it loads."""
    context = fresh(PHONE)
    page = context.new_page()
    page.goto(base_url + "basics/")
    answers = page.eval_on_selector_all(".md-typeset .practice-answer", "els => els.map((e) => e.id)")
    target = len(answers) // 2
    heading = answers[target].removeprefix("practice-answer-")
    assert page.locator(f"h2#{heading}").count() == 1
    page.close()
    page = context.new_page()  # a load, not a move within the page
    page.goto(base_url + f"basics/#{heading}")
    settled(page)
    rendered = page.evaluate(ANSWERS_RENDERED)
    assert all(rendered[: target + 1]), f"an answer above #{heading} or its own is skipped: {rendered}"
    assert not any(rendered[target + 3 :]), f"answers far below #{heading} are rendered: {rendered}"


@pytest.mark.parametrize("fragment", ["%22%5D%7D*%7Bdisplay:none%7D", "%E0%A4%A", "not-an-answer"])
def test_a_fragment_that_names_no_answer_skips_nothing_and_breaks_nothing(fresh, base_url, fragment):
    """The fragment is the address's: a quote, a brace or a bad escape in it is no rule of the page."""
    context = fresh(PHONE)
    page = context.new_page()
    page.goto(base_url + f"basics/#{fragment}")
    settled(page)
    expect(page.locator("article h1")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).display") != "none"
    rendered = page.evaluate(ANSWERS_RENDERED)
    assert all(rendered), f"#{fragment} skipped answers: {rendered}"


# Runs before the page's own scripts: the time of the first frame that lays out
# the whole page (its footer parsed), taken in that frame, before it is painted.
FIRST_FULL_FRAME = """(() => {
  const tick = () => requestAnimationFrame(() => {
    if (document.querySelector(".md-footer")) window.__firstFullFrame = performance.now();
    else tick();
  });
  tick();
})()"""

SCRIPTS_REQUESTED = """() => performance.getEntriesByType("resource")
  .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
  .map((entry) => [new URL(entry.name).pathname.split("/").pop(), entry.startTime])"""


@pytest.mark.parametrize("path", ["", "basics/", "practice/"])
def test_no_script_is_requested_before_the_page_has_painted_its_content(fresh, base_url, path):
    """The theme's bundle and ours would otherwise be downloaded and run before
    the content's first paint (overrides/partials/javascripts/after-paint.html)."""
    context = fresh(PHONE)
    context.add_init_script(FIRST_FULL_FRAME)
    page = context.new_page()
    page.goto(base_url + path)
    settled(page)
    frame = page.evaluate("window.__firstFullFrame")
    scripts = page.evaluate(SCRIPTS_REQUESTED)
    names = {name.split(".")[0] for name, _ in scripts}
    assert {"bundle", "guide", "practice"} <= names, scripts
    early = [(name, round(start)) for name, start in scripts if start <= frame]
    assert not early, f"{path or 'home'}: requested before the frame at {frame:.0f} ms that painted the page: {early}"


# Counts the theme's announcements of the page on document$ (its bundle sets
# window.document$ once it has run; its own DOMContentLoaded listener and the
# after-paint script both call next on that subject).
COUNT_ANNOUNCEMENTS = """(() => {
  window.__announced = 0;
  let subject;
  Object.defineProperty(window, "document$", {
    configurable: true,
    get: () => subject,
    set: (value) => {
      subject = value;
      const next = value.next.bind(value);
      value.next = (doc) => { window.__announced += 1; return next(doc); };
    },
  });
})()"""

# A page opened in a background tab: no frame comes, so its scripts run at once.
HIDDEN = "Object.defineProperty(Document.prototype, 'visibilityState', {get: () => 'hidden'})"


@pytest.mark.parametrize("hidden", [False, True], ids=["visible", "background"])
def test_the_theme_announces_a_page_once_however_its_scripts_were_held(fresh, base_url, hidden):
    context = fresh(DESKTOP)
    context.add_init_script(COUNT_ANNOUNCEMENTS)
    if hidden:
        context.add_init_script(HIDDEN)
    page = context.new_page()
    page.goto(base_url + "basics/")
    settled(page)
    page.wait_for_timeout(300)  # a second announcement would come by now
    assert page.evaluate("window.__announced") == 1
    # What the theme sets up on that announcement works: its search shortcut.
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()


# A returning reader's saved state, and the page it opens: the layout that
# state gives the page is made before the first paint
# (overrides/partials/javascripts/practice-state.html), not by practice.js after it.
RETURNING = {
    "quiz-at-an-answer": (
        {"quiz": True},
        "basics/#how-do-you-create-custom-commands-for-the-flask-cli",
    ),
    "hide-known": (
        {"hideKnown": True, "marks": {"what-is-flask": "known", "who-created-flask": "known"}},
        "basics/",
    ),
    "hide-known-at-an-answer": (
        {
            "hideKnown": True,
            "quiz": True,
            "marks": {"what-is-flask": "known", "why-is-flask-called-a-microframework": "known"},
        },
        "basics/#what-is-flask",
    ),
    "a-level": ({}, "all-questions/?level=advanced"),
}


@pytest.mark.parametrize("state", RETURNING, ids=list(RETURNING))
def test_nothing_moves_when_a_returning_reader_opens_a_page(fresh, base_url, state):
    saved, path = RETURNING[state]
    context = fresh(PHONE)
    context.add_init_script(f"localStorage.setItem({_quiz_key(base_url)!r}, {json.dumps(json.dumps(saved))})")
    page = context.new_page()
    page.goto(base_url + path)
    settled(page)
    assert page.locator("#practice-state").count() == 0, "practice.js took the layout over"
    shift = page.evaluate(LAYOUT_SHIFT)
    assert shift <= CLS_BUDGET, f"{state}: layout shift {shift:.3f}"


def test_saved_marks_of_any_id_still_lay_the_page_out_before_the_scripts(fresh, base_url):
    # The marks are the browser's own data, and any of them may be stale or
    # odd: an id that starts with a digit (escaped) or carries a quote (left
    # to practice.js) must not cost the known question its early layout.
    saved = {"hideKnown": True, "marks": {"1st-old-id": "known", 'quote"id': "known", "what-is-flask": "known"}}
    context = fresh(PHONE)
    context.add_init_script(f"localStorage.setItem({_quiz_key(base_url)!r}, {json.dumps(json.dumps(saved))})")
    page = context.new_page()
    page.route("**/*.js", lambda route: route.abort())  # the layout before any script has run
    page.goto(base_url + "basics/")
    assert page.locator("#practice-state").count() == 1
    assert page.evaluate("getComputedStyle(document.getElementById('what-is-flask')).display") == "none"
    assert page.evaluate("getComputedStyle(document.getElementById('who-created-flask')).display") != "none"
