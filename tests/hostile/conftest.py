"""The hostile site: the normaliser's output for a source full of attacks, built by MkDocs.

``source/hostile.txt`` holds the payloads (in answers, titles, list items,
tables and code; raw, entity-encoded and as Markdown). The normaliser writes a
docs tree from it beside a copy of the hand-written pages, and MkDocs builds
it strictly with the repository's configuration, pointed at that tree. The
static checks read the built files; the browser checks open every page in
Chromium, so this package runs in a pytest process of its own
(scripts/run_tests.py), like the other browser suites.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import sitebuild
from site_build import chromium

ROOT = sitebuild.ROOT
SOURCE = Path(__file__).resolve().parent / "source"


def hostile_config(docs: Path) -> Path:
    """The repository's mkdocs.yml, unchanged, in a folder beside ``docs``.

    Its relative paths (docs/generated.yml, docs_dir, overrides/) then mean the
    hostile tree and, through a link, the repository's theme overrides.
    """
    project = docs.parent
    assert docs.name == "docs"
    (project / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)
    config = project / "mkdocs.yml"
    shutil.copy2(sitebuild.CONFIG, config)
    return config


@pytest.fixture(scope="session")
def hostile_docs(tmp_path_factory) -> Path:
    """The docs tree the normaliser writes from the hostile source, beside the hand-written pages."""
    base = tmp_path_factory.mktemp("hostile")
    docs = base / "docs"
    shutil.copytree(ROOT / "docs", docs)
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "normalise.py"), "--sources", str(SOURCE), "--out", str(docs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return docs


@pytest.fixture(scope="session")
def hostile_site(hostile_docs) -> Path:
    site = hostile_docs.parent / "site"
    config = hostile_config(hostile_docs)
    done = sitebuild.mkdocs_build(config, site)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}"
    return site


@pytest.fixture(scope="session")
def pages(hostile_site) -> list[Path]:
    return sorted(hostile_site.rglob("*.html"))


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "\0not-found")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def base_url(hostile_site) -> str:
    """The hostile site on a local server, under the path of site_url, ending in "/"."""
    prefix = urlsplit(sitebuild.site_url()).path

    class Handler(_Handler):
        pass

    Handler.prefix = prefix
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *args: Handler(*args, directory=str(hostile_site))
    )
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{prefix}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not chromium.available():
        reason = f"no Chromium at {chromium.executable()} (set CHROMIUM_PATH): the browser tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()
