"""Build the publishable site once per session, and a browser to read it.

The build is ``scripts/build.py``'s own (``site_build.publish.build``), into a temporary folder:
the online site with the zip and the PDF in it, and the work folder beside
it. Everything here needs Chromium (the PDF is printed by it): without it
these tests are skipped, except on CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from site_build import chromium, downloads, printpage, project, publish

ROOT = project.ROOT
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def require_chromium() -> None:
    if chromium.available():
        return
    reason = (
        f"no Chromium at {chromium.executable()} (set CHROMIUM_PATH): the PDF and the offline-site tests need a browser"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@dataclass(frozen=True)
class Built:
    site: Path
    zip: Path
    pdf: Path
    pdf_pages: int
    unzipped: Path  # the zip's top folder, extracted
    epoch: int  # the time the build stamped on everything


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    require_chromium()
    base = tmp_path_factory.mktemp("publish")
    result = publish.build(base / "site", base / "work")
    target = base / "unzipped"
    with zipfile.ZipFile(result.zip) as archive:
        archive.extractall(target)
    return Built(
        site=result.site,
        zip=result.zip,
        pdf=result.pdf.path,
        pdf_pages=result.pdf.pages,
        unzipped=target / downloads.TOP_FOLDER,
        epoch=result.epoch,
    )


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    topic: project.Topic


@pytest.fixture(scope="session")
def questions() -> list[Question]:
    """Every question on the site in reading order (topics.yml, then the page)."""
    found = []
    for topic in project.topics():
        text = (project.DOCS / topic.page).read_text(encoding="utf-8")
        found += [Question(qid, title, topic) for qid, title in printpage.question_headings(text)]
    assert found, "no questions in docs/"
    return found


@pytest.fixture(scope="session")
def short_links() -> dict[str, str]:
    """``id -> "page.md#anchor"`` for every short link q/<id>/ (docs/generated.yml)."""
    data = yaml.safe_load((project.DOCS / "generated.yml").read_text(encoding="utf-8"))
    maps = data["plugins"]["redirects"]["redirect_maps"]
    return {re.sub(r"^q/(.+)\.md$", r"\1", key): value for key, value in maps.items()}


@pytest.fixture(scope="session", autouse=True)
def _publishing_build_first(built):
    """The build runs a Playwright session of its own for the PDF: it must end before the suite's browser starts."""


class Recorder:
    """Every request a browser context made."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def foreign(self) -> list[str]:
        return [u for u in self.urls if not u.startswith(LOCAL_SCHEMES)]


@pytest.fixture
def offline_page(browser):
    """A fresh desktop-sized page whose requests are recorded, and the recorder."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    recorder = Recorder()
    context.on("request", lambda request: recorder.urls.append(request.url))
    page = context.new_page()
    yield page, recorder
    context.close()
