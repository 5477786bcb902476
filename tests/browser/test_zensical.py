"""The Zensical build in the browser: what test_search.py does not cover.

Its pages and search load nothing from another host, online and from
file://; and what Zensical's search does not do (yet) that Material's does,
each asserted as it is now, so that a release that changes it fails here
(the README's "Building with Zensical" lists them).
"""

from __future__ import annotations

import re

import pytest
import search_ui
from playwright.sync_api import expect

import sitebuild
from site_build import search_ranking

from .test_search import QUERIES

ZENSICAL = search_ui.ZensicalSearch()
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="module")
def zensical_page(desktop, zensical_base_url):
    page = desktop.new_page()
    page.goto(zensical_base_url)
    yield page
    page.close()


def test_zensical_ranks_an_early_flask_in_a_title_above_flask_login(zensical_page, zensical_base_url):
    # Zensical weighs every entry alike and ranks a title match by where the
    # word stands: "flask-login" is "flask" and "login", and "Why is Flask
    # called a microframework?" names Flask before "How do you implement
    # login and logout with Flask-Login?" does. Material ranks the answer first.
    ZENSICAL.search(zensical_page, "flask-login")
    shown = ZENSICAL.results(zensical_page)["shown"]
    assert shown[0].endswith("#why-is-flask-called-a-microframework"), shown[:3]
    assert not shown[0].endswith("#" + QUERIES["flask-login"])
    assert any(place.endswith("#" + QUERIES["flask-login"]) for place in shown), shown
    # Typed without the hyphen's first half, it is found first.
    ZENSICAL.search(zensical_page, "login")
    assert ZENSICAL.results(zensical_page)["shown"][0].endswith("#" + QUERIES["flask-login"])


def test_zensical_search_has_no_shared_links_and_no_suggestions(desktop, zensical_base_url, zensical_site_dir):
    # mkdocs.yml's search.share and search.suggest are Material's: Zensical's
    # script reads neither, and a "?q=" link opens no search.
    bundle = next((zensical_site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).read_text("utf-8")
    assert "search.highlight" in bundle
    assert "search.share" not in bundle
    assert "search.suggest" not in bundle
    page = desktop.new_page()
    try:
        page.goto(zensical_base_url + "?q=blueprint")
        page.wait_for_load_state("load")
        expect(page.locator(ZENSICAL.box)).not_to_be_visible()
        expect(page.locator(ZENSICAL.option)).to_have_count(0)
    finally:
        page.close()


def test_zensical_pages_and_search_request_nothing_from_another_host(desktop, zensical_base_url, requests_log, topics):
    start = len(requests_log.urls)
    page = desktop.new_page()
    try:
        for path in ["", f"{topics[0].slug}/", "all-questions/"]:
            page.goto(zensical_base_url + path)
        ZENSICAL.search(page, "session")
        assert ZENSICAL.results(page)["shown"]
    finally:
        page.close()
    made = requests_log.urls[start:]
    assert any(url.endswith("/" + search_ranking.ZENSICAL[0]) for url in made), "the search index was not loaded"
    assert any("/assets/javascripts/workers/search." in url for url in made), "the search worker was not loaded"
    origin = zensical_base_url.split("/flask-interview-guide/")[0]
    foreign = [url for url in made if not url.startswith(origin + "/") and not url.startswith(("data:", "blob:"))]
    assert not foreign, foreign


@pytest.fixture(scope="module")
def zensical_offline_site(tmp_path_factory):
    """``OFFLINE=true zensical build``, ranked, as a reader would open it from disk."""
    site = tmp_path_factory.mktemp("zensical-offline") / "site"
    done = sitebuild.build("zensical", sitebuild.CONFIG, site, env={"OFFLINE": "true"})
    assert done.returncode == 0, done.stdout + done.stderr
    search_ranking.rank(site, sitebuild.ROOT / "docs")
    return site


def test_the_zensical_offline_site_searches_and_opens_an_answer_from_file(browser, zensical_offline_site):
    context = browser.new_context()
    requested: list[str] = []
    failed: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.on("requestfailed", lambda request: failed.append(request.url))
    try:
        page = context.new_page()
        page.goto((zensical_offline_site / "index.html").as_uri())
        query = "blueprint"
        for _ in range(3):  # the search worker may start after the first try
            try:
                ZENSICAL.search(page, query)
                break
            except AssertionError:
                page.reload()
        results = ZENSICAL.results(page)
        assert results["shown"][0].endswith(f"architecture.html#{QUERIES[query]}"), results["shown"][:3]
        page.locator(ZENSICAL.box).press("Enter")
        page.wait_for_url(re.compile(rf"architecture\.html\?h={query}#{QUERIES[query]}$"))
        expect(page.locator(f"h2#{QUERIES[query]}")).to_be_in_viewport()
    finally:
        context.close()
    assert requested, "no request was recorded at all"
    assert [url for url in requested if not url.startswith(LOCAL_SCHEMES)] == []
    # Opened from disk, each page asks for redirect.json (Zensical's map of
    # redirects, empty here), which a browser refuses to read from file://:
    # an error in the console and nothing else (short links are pages of their own).
    assert failed and {url.rsplit("/", 1)[1] for url in failed} == {"redirect.json"}


def test_zensical_list_pages_take_no_result_slots_and_snippets_start_with_the_answer(zensical_page):
    # As test_search's for Material: the ranking step left the list pages'
    # entries out and moved each answer's badges to the end of its text.
    ZENSICAL.search(zensical_page, "blueprint")
    options = zensical_page.locator(ZENSICAL.option).evaluate_all(
        "options => options.map(a => [new URL(a.href).pathname, a.innerText.trim().split('\\n').pop().trim()])"
    )
    assert options
    listed = [path for path, _ in options if path.rstrip("/").endswith(("/all-questions", "/tags", "/essentials"))]
    assert not listed, f"list pages among the results: {listed}"
    badge = re.compile(r"^(\.\.\. )?(Beginner|Intermediate|Advanced)\b")
    assert not [snippet for _, snippet in options if badge.match(snippet)], options[:3]


def test_zensical_search_with_no_result_does_not_point_to_all_questions(zensical_page):
    # docs/assets/javascripts/search-help.js follows Material's result list;
    # Zensical's dialog is its own (a shadow root): its "No results" comes
    # with no result and no link, and the help line the script adds to
    # Material's markup, which Zensical's pages keep hidden, stays hidden.
    ZENSICAL.open(zensical_page)
    zensical_page.locator(ZENSICAL.box).fill("zzqxv")
    expect(zensical_page.locator(ZENSICAL.status)).to_have_text(re.compile(r"^\s*No results\s*$"))
    expect(zensical_page.locator(ZENSICAL.option)).to_have_count(0)
    help_line = zensical_page.locator(".md-search-result__help")
    expect(help_line).to_have_count(1)
    expect(help_line).to_be_hidden()
