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

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import sitebuild
from site_build import project, serve

ROOT = sitebuild.ROOT
SOURCE = Path(__file__).resolve().parent / "source"


def hostile_config(docs: Path) -> Path:
    """The repository's build configuration, unchanged, in the folder of ``docs``.

    mkdocs.yml, overrides/ and the hooks are copied (site_build.project.stage_config),
    so its relative paths (docs/generated.yml, docs_dir) mean the hostile tree.
    """
    project_dir = docs.parent
    assert docs.name == "docs"
    project.stage_config(project_dir, ROOT)
    return project_dir / "mkdocs.yml"


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


@pytest.fixture(scope="session")
def base_url(hostile_site) -> str:
    """The hostile site on the project's local server, under the path of site_url, ending in "/"."""
    with serve.serve(hostile_site, prefix=urlsplit(sitebuild.site_url()).path) as server:
        yield server.url
