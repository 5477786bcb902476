"""The built site served locally and read by Chromium through Playwright.

One strict build (shared with tests/site), served by the project's local
server (site_build.serve) under the path of site_url, as GitHub Pages serves
it (404.html for unknown addresses, gzip, a ten-minute cache lifetime); one
browser for the session. Every request any page makes is recorded, and each
test fails if one went to another host.

The browser is the suite's one Chromium (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

import sitebuild
from site_build import project, serve

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
LOCAL_SCHEMES = ("data:", "blob:", "about:")


def serve_site(site_dir: Path, local_origins: set[str]):
    """Serve ``site_dir`` under the path of site_url; yields its address, ending in "/"."""
    with serve.serve(site_dir, prefix=urlsplit(sitebuild.site_url()).path) as server:
        local_origins.add(server.origin)
        yield server.url


@pytest.fixture(scope="session")
def local_origins() -> set[str]:
    """The origins of the local servers: any other host is foreign."""
    return set()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return sitebuild.build_once(tmp_path_factory)


@pytest.fixture(scope="session")
def base_url(site_dir, local_origins) -> str:
    """The site's address on the local server, ending in "/"."""
    yield from serve_site(site_dir, local_origins)


@pytest.fixture(scope="session")
def zensical_site_dir(tmp_path_factory) -> Path:
    """The same site built by Zensical (tests/site/sitebuild.py), search ranking included."""
    return sitebuild.build_once(tmp_path_factory, "zensical")


@pytest.fixture(scope="session")
def zensical_base_url(zensical_site_dir, local_origins) -> str:
    """The Zensical build's address on a local server of its own, ending in "/"."""
    yield from serve_site(zensical_site_dir, local_origins)


@pytest.fixture(scope="session")
def origin(base_url) -> str:
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}"


class RequestLog:
    """Every URL requested by the pages (and their workers) of a context."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def foreign(self, origin: str) -> list[str]:
        return [u for u in self.urls if not u.startswith(origin + "/") and not u.startswith(LOCAL_SCHEMES)]


@pytest.fixture(scope="session")
def requests_log() -> RequestLog:
    return RequestLog()


def _context(browser, requests_log, origin, **options):
    context = browser.new_context(color_scheme="light", **options)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    context.on("request", requests_log.record)
    return context


@pytest.fixture(scope="package")
def desktop(browser, requests_log, origin):
    context = _context(browser, requests_log, origin, viewport=DESKTOP)
    yield context
    context.close()


@pytest.fixture(scope="package")
def page(desktop):
    """The desktop page, reused by the tests (each navigates where it needs)."""
    return desktop.new_page()


@pytest.fixture(scope="package")
def phone(browser, requests_log, origin):
    """A 360 x 740 touch phone."""
    context = _context(
        browser, requests_log, origin, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def nothing_from_other_hosts(requests_log, local_origins):
    """Fails the test if any page requested anything from another host."""
    start = len(requests_log.urls)
    yield
    made = RequestLog()
    made.urls = requests_log.urls[start:]
    foreign = set.intersection(*(set(made.foreign(origin)) for origin in local_origins)) if local_origins else set()
    assert not foreign, f"requests to other hosts: {sorted(foreign)}"


@pytest.fixture(scope="session")
def topics() -> list[project.Topic]:
    """The topics that have a page, in reading order (site_build.project reads topics.yml)."""
    return project.topics()


@pytest.fixture(scope="session")
def answers_by_page() -> dict[str, list[str]]:
    """{page: [question ids]} from the normaliser's --report."""
    pages: dict[str, list[str]] = {}
    for _, page, anchor in sitebuild.normaliser_report():
        if anchor not in pages.setdefault(page, []):
            pages[page].append(anchor)
    return pages


@pytest.fixture(scope="session")
def short_links() -> dict[str, str]:
    """{id: "<page>.md#<anchor>"} for every short link q/<id>/."""
    return {key.removeprefix("q/").removesuffix(".md"): target for key, target in sitebuild.redirect_maps().items()}


@pytest.fixture(scope="session")
def answer_ids(answers_by_page) -> set[str]:
    return {anchor for answers in answers_by_page.values() for anchor in answers}
