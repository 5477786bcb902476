"""Each builder's search finds each answer as a result of its own.

For each realistic query, the first answer in the results (the first link to
a heading, in the order shown, not folded away under "more on this page")
must be the expected one, and it must be the link Enter opens (Material: the
top-scored link of the first result; Zensical: the selected result). The
expected ids are the questions' stable ids. Both builds are searched:
MkDocs with Material (the site as published) and Zensical (test_zensical.py
has what only it does, or does not yet do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
import search_ui
from playwright.sync_api import Page, expect

QUERIES = {
    "migrations": "how-do-you-handle-database-migrations-with-flask-migrate",
    "pagination": "how-do-you-paginate-query-results-in-flask",
    "validate request data": "how-do-you-validate-and-serialise-request-data-in-flask",
    "api versioning": "how-do-you-handle-api-versioning-in-flask",
    "rate limiting": "how-do-you-add-rate-limiting-to-a-flask-application",
    "file upload": "how-do-you-handle-file-uploads-securely-in-flask",
    "static files": "how-does-flask-serve-static-files-in-development-and-in-production",
    "stream": "how-do-you-stream-a-response-in-flask",
    "status code": "how-do-you-return-a-custom-status-code-or-headers-from-a-flask-view",
    "flash message": "what-is-message-flashing-in-flask",
    "secure flask application": "how-do-you-secure-a-flask-application",
    "xss": "how-do-you-prevent-cross-site-scripting-xss-in-flask",
    "sql injection": "how-do-you-prevent-sql-injection-in-a-flask-application",
    "csrf": "what-is-csrf-and-how-do-you-protect-a-flask-application-against-it",
    "security headers": "which-security-headers-should-a-flask-application-send",
    "proxyfix": "how-do-you-run-flask-behind-a-reverse-proxy-that-terminates-https",
    "secure cookies": "how-do-you-configure-secure-session-cookies-in-flask",
    "flask-login": "how-do-you-implement-login-and-logout-with-flask-login",
    "password hash": "how-do-you-store-and-check-passwords-securely-in-flask",
    "jwt": "how-do-you-authenticate-api-requests-with-json-web-tokens-jwt-in-flask",
    "access control": "how-do-you-implement-role-based-access-control-in-flask",
    "error handling": "how-do-you-handle-errors-and-exceptions-in-a-flask-application",
    "json error response": "how-do-you-return-json-error-responses-from-a-flask-api",
    "logging": "how-do-you-configure-logging-in-a-flask-application",
    "environments": "how-do-you-manage-configuration-for-different-environments-in-flask",
    "instance folder": "what-is-the-instance-folder-in-flask",
    "secrets": "how-do-you-keep-secrets-such-as-secret-key-out-of-your-source-code",
    "application factory": "what-is-the-application-factory-pattern-in-flask-and-why-use-it",
    "import_name": "why-do-you-pass-name-to-flask",
    "werkzeug": "what-is-werkzeug-and-how-does-flask-use-it",
    "custom commands": "how-do-you-create-custom-commands-for-the-flask-cli",
    "MethodView": "what-are-class-based-views-in-flask",
    "redirect": "what-is-the-difference-between-redirect-and-url-for",
    "quart": "does-flask-support-async-views-and-when-should-you-use-quart-instead",
    "websocket": "how-do-you-add-websockets-or-real-time-updates-to-a-flask-application",
    "thread-safe": "how-does-flask-handle-concurrent-requests-and-is-it-thread-safe",
    "signals": "what-are-signals-in-flask-and-when-would-you-use-them",
    "background tasks": "how-do-you-run-background-tasks-in-a-flask-application",
    "flask-caching": "how-do-you-add-caching-to-a-flask-application",
    "docker": "how-do-you-deploy-a-flask-application-with-docker",
    "context processor": "what-are-context-processors-and-custom-template-filters-in-flask",
    "g object": "what-is-the-g-object-in-flask-how-does-it-differ-from-the-session-object",
    "blueprint": "what-are-flask-blueprints",
    "CORS": "what-is-flask-cors",
    "url_for": "how-to-use-url-for-in-the-flask-application",
    "debug mode": "how-to-debug-a-flask-application",
    "query string": "how-to-get-query-string-in-flask",
    "session": "how-to-use-a-session-in-flask",
    "cookies": "how-do-you-set-and-get-cookies-in-flask",
    "jinja": "what-is-jinja2-templating-in-flask",
    "sqlalchemy": "how-do-you-perform-crud-operations-using-sqlalchemy",
    "gunicorn nginx": "how-do-you-deploy-a-flask-app",
    "celery": "how-do-you-run-background-tasks-in-a-flask-application",
    "404": "how-do-you-handle-404-errors-in-flask",
    "json": "how-do-you-handle-json-data-in-flask",
    "pytest": "how-do-you-test-a-flask-app-using-pytest",
    "application context": "what-is-the-application-context-in-flask",
    "flask-wtf": "describe-the-features-of-forms-extension-for-flask",
    "fastapi": "what-is-the-difference-between-flask-and-fastapi",
    "django": "how-does-flask-compare-to-django",
    "wsgi": "what-is-wsgi",
    "decorator": "what-do-you-mean-by-a-decorator-name-some-pdb-commands-and-their-uses",
    "user agent": "how-to-get-the-user-agent-in-flask",
    "form data": "how-can-you-access-form-data-in-flask",
    "middleware": "what-is-flask-middleware",
    "render template": "how-do-you-render-an-html-template-in-flask",
    "thread local": "what-do-you-mean-by-thread-local-object-in-flask",
    "request context": "explain-can-a-request-context-be-created-in-flask-python",
    "pickling": "what-do-you-mean-by-pickling-and-unpickling",
    "numpy": "what-do-you-mean-by-numpy-is-it-better-than-a-list",
    "pyramid": "what-are-the-major-differences-between-pyramid-and-flask",
    "install flask on linux": "how-to-install-flask-on-linux",
    "dynamic routes": "how-can-you-define-dynamic-routes-in-flask",
    "rest api": "how-do-you-create-a-rest-api-in-flask",
    "send email": "how-to-add-the-mailing-feature-in-the-flask-application",
    "admin interface": "how-to-create-an-admin-interface-in-flask",
    "microframework": "why-is-flask-called-a-microframework",
    "sqlite": "is-the-sqlite-database-built-in-flask",
    "ajax": "which-flask-extension-can-be-used-to-create-an-ajax-application",
    "who created flask": "who-created-flask",
    "memory management": "how-is-memory-managed-in-flask-python",
    "template engine": "what-do-you-mean-by-template-engines-in-the-flask-framework",
    "open source": "is-the-flask-framework-open-source",
}

BOX = search_ui.MaterialSearch.box
META = search_ui.MaterialSearch.meta
BASE_URL = {"mkdocs": "base_url", "zensical": "zensical_base_url"}  # the fixture serving each build

# Queries a builder ranks otherwise, each with the test that shows it.
KNOWN_LIMITS = {
    ("zensical", "flask-login"): "test_zensical.test_zensical_ranks_an_early_flask_in_a_title_above_flask_login",
}


@dataclass
class SearchSite:
    builder: str
    base_url: str
    ui: search_ui.MaterialSearch | search_ui.ZensicalSearch
    page: Page  # kept on the home page for the module's queries


@pytest.fixture(scope="module")
def open_pages(desktop):
    """One page per builder's site, opened once for the module's queries."""
    pages: dict[str, Page] = {}
    yield pages
    for page in pages.values():
        page.close()


@pytest.fixture
def search_site(request, desktop, open_pages):
    """A builder's site (``request.param``, Material unless parametrised) with a page open on it."""
    builder = getattr(request, "param", "mkdocs")
    base_url = request.getfixturevalue(BASE_URL[builder])
    if builder not in open_pages:
        open_pages[builder] = desktop.new_page()
        open_pages[builder].goto(base_url)
    return SearchSite(builder, base_url, search_ui.BY_BUILDER[builder], open_pages[builder])


@pytest.fixture
def search_page(search_site):
    return search_site.page


def test_there_are_at_least_twenty_realistic_queries():
    assert len(QUERIES) >= 20
    assert len(set(QUERIES.values())) >= 20


@pytest.mark.parametrize(
    ("search_site", "query"),
    [(builder, query) for builder in BASE_URL for query in QUERIES if (builder, query) not in KNOWN_LIMITS],
    indirect=["search_site"],
)
def test_the_expected_answer_is_the_first_result(search_site, query, answer_ids):
    expected = QUERIES[query]
    assert expected in answer_ids, f"{expected} is not a question id on the site"
    search_site.ui.search(search_site.page, query)
    results = search_site.ui.results(search_site.page)
    assert results["shown"], "no answer among the results"
    first = results["shown"][0]
    assert first.endswith("#" + expected), (
        f"{query!r}: first answer {first}, expected #{expected}; then {results['shown'][1:4]}"
    )
    assert results["enter"] == first, f"{query!r}: Enter opens {results['enter']}, not {first}"


@pytest.mark.parametrize("search_site", list(BASE_URL), indirect=True)
@pytest.mark.parametrize("query", ["blueprint", "cookies"])
def test_enter_opens_the_answer_itself_with_the_terms_highlighted(desktop, search_site, query):
    page = desktop.new_page()
    try:
        page.goto(search_site.base_url)
        search_site.ui.search(page, query)
        page.locator(search_site.ui.box).press("Enter")
        page.wait_for_url(re.compile(r"#"))
        url = urlsplit(page.url)
        assert url.fragment == QUERIES[query]
        assert parse_qs(url.query)["h"] == [query]
        answer = page.locator(f"h2#{url.fragment}")
        expect(answer).to_be_in_viewport()
        # search.highlight marks the words in the page that was opened.
        expect(page.locator("article mark").first).to_be_attached()
    finally:
        page.close()


def test_a_search_link_can_be_shared(desktop, base_url):
    page = desktop.new_page()
    try:
        page.goto(base_url + "?q=blueprint")
        expect(page.locator(BOX)).to_have_value("blueprint")
        expect(page.locator(META)).to_have_text(re.compile("matching document"))
        assert search_ui.MaterialSearch().results(page)["shown"][0].endswith("#" + QUERIES["blueprint"])
        # And the share button gives that link.
        share = page.locator(".md-search__options a[href*='?q=']")
        expect(share).to_have_attribute("href", re.compile(r"\?q=blueprint$"))
    finally:
        page.close()


def test_search_suggests_the_rest_of_a_word(search_page):
    box = search_page.locator(BOX)
    box.fill("")
    box.press("End")
    box.fill("bluepr")
    box.press("End")
    expect(search_page.locator(".md-search__suggest")).to_have_text(re.compile(r"^bluepr\w+"))


def test_accepting_a_suggestion_widens_the_search_to_the_whole_word(search_page):
    """ "bluep", then the suggestion accepted (→ at the end of the box), finds the blueprint answer first."""
    box = search_page.locator(BOX)
    suggest = search_page.locator(".md-search__suggest")
    search_ui.type_until(box, "bluep", suggest, re.compile(r"^bluep\w+$"))
    # The suggestion is a whole word, without the punctuation after it.
    assert re.fullmatch(r"blueprints?", suggest.text_content().strip()), suggest.text_content()
    box.press("ArrowRight")
    expect(box).to_have_value(re.compile(r"^blueprints?$"))
    expect(search_page.locator(META)).to_have_text(re.compile("matching document"))
    first = search_ui.MaterialSearch().results(search_page)["shown"][0]
    assert first.endswith("#" + QUERIES["blueprint"]), first


def test_list_pages_take_no_result_slots_and_snippets_start_with_the_answer(search_page):
    search_ui.MaterialSearch().search(search_page, "blueprint")
    pages = search_page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "links => links.map(a => new URL(a.href).pathname)"
    )
    listed = [p for p in pages if p.rstrip("/").endswith(("/all-questions", "/tags", "/essentials"))]
    assert not listed, f"list pages among the results: {listed}"
    snippets = search_page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link[href*='#'] article",
        "items => items.map(a => (a.querySelector('p') || a).textContent.trim())",
    )
    assert snippets
    badge = re.compile(r"^(Beginner|Intermediate|Advanced)\b")
    assert not [s for s in snippets if badge.match(s)], snippets[:3]


def test_a_search_with_no_result_suggests_all_questions_and_the_tags(search_page, base_url):
    box = search_page.locator(BOX)
    help_line = search_page.locator(".md-search-result__help")
    search_ui.type_until(box, "zzqxv", search_page.locator(META), re.compile("No matching"))
    expect(help_line).to_be_visible()
    links = help_line.locator("a")
    expect(links).to_have_count(2)
    assert links.nth(0).get_attribute("href") == base_url + "all-questions/"
    assert links.nth(1).get_attribute("href") == base_url + "tags/"
    search_ui.MaterialSearch().search(search_page, "session")
    expect(help_line).to_be_hidden()
