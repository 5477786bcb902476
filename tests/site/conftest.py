"""The site built once by each builder, strictly, for checks on its files.

``site_dir`` (and everything read from it) is parametrised over the builders,
MkDocs with Material and Zensical: a test that takes it runs against both
builds, as test_x[mkdocs] and test_x[zensical]. A test about one builder
takes ``builder`` too and says what differs, or builds what it needs itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sitebuild


@pytest.fixture(scope="session", params=sitebuild.BUILDERS)
def builder(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def site_dir(builder, tmp_path_factory) -> Path:
    return sitebuild.build_once(tmp_path_factory, builder)


@pytest.fixture(scope="session")
def html_files(site_dir) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


@pytest.fixture(scope="session")
def parsed(html_files) -> dict[Path, sitebuild.ParsedPage]:
    return {path: sitebuild.parse(path) for path in html_files}


@pytest.fixture(scope="session")
def report() -> list[tuple[str, str, str]]:
    rows = sitebuild.normaliser_report()
    assert rows, "scripts/normalise.py --report printed nothing"
    return rows


@pytest.fixture(scope="session")
def short_links() -> dict[str, str]:
    """{id: "<page>.md#<anchor>"} for every short link q/<id>/."""
    return {key.removeprefix("q/").removesuffix(".md"): target for key, target in sitebuild.redirect_maps().items()}
