"""Practice mode in a real browser: the site built once, served locally, driven by Chromium.

Three builds of a staged copy of docs/ (so the work tree is never written),
each ``mkdocs build --strict`` with the repository's mkdocs.yml:

- online: served on 127.0.0.1 by the project's local server (site_build.serve);
- instant: the same with Material's ``navigation.instant`` switched on, to check
  that practice mode follows Material's document$ from page to page;
- offline: ``OFFLINE=true`` (Material's offline plugin, no directory URLs),
  opened from file://.

Every page gets a fresh browser context (fresh localStorage) in which any
request to another host is aborted and recorded, and each test ends by
checking that none was made.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_build import mkdocs_run, serve

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"
DOCS = ROOT / "docs"


def build_site(work: Path, *, offline: bool = False, features: str = "") -> Path:
    """The current docs/ (copied) built strictly, with extra theme features if asked."""
    docs = work / "docs"
    site = work / "site"
    shutil.copytree(DOCS, docs)
    done = mkdocs_run.build(
        CONFIG, site, docs_dir=docs, offline=offline, features=tuple(filter(None, features.split(",")))
    )
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}"
    return site


@pytest.fixture(scope="session")
def online_url(tmp_path_factory, chromium_path):
    with serve.serve(build_site(tmp_path_factory.mktemp("online"))) as server:
        yield server.url


@pytest.fixture(scope="session")
def instant_url(tmp_path_factory, chromium_path):
    with serve.serve(build_site(tmp_path_factory.mktemp("instant"), features="navigation.instant")) as server:
        yield server.url


@pytest.fixture(scope="session")
def offline_url(tmp_path_factory, chromium_path) -> str:
    site = build_site(tmp_path_factory.mktemp("offline"), offline=True)
    assert (site / "basics.html").exists(), "the offline build should not use directory URLs"
    return site.as_uri() + "/"


class Visit:
    """A browser context on one site, recording requests to other hosts."""

    def __init__(self, browser, base: str, **options):
        self.base = base
        self.context = browser.new_context(**options)
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def goto(self, path: str):
        self.page.goto(self.base + path)
        # practice.js has run once the practice markup is in place.
        self.page.wait_for_selector("[data-practice-ready]", state="attached")
        return self.page


@pytest.fixture
def visit(browser):
    """visit(base, **context_options) -> Visit; checks afterwards that only `base` was asked."""
    opened: list[Visit] = []

    def open_visit(base: str, **options) -> Visit:
        opened.append(Visit(browser, base, **options))
        return opened[-1]

    yield open_visit
    for v in opened:
        v.context.close()
    for v in opened:
        assert v.outside == [], f"requests to other hosts: {v.outside}"
