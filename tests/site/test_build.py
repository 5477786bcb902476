"""The strict build: configuration merged as intended, broken links fail it."""

from __future__ import annotations

import shutil

from mkdocs.config import load_config

import sitebuild


def test_the_short_links_fragment_is_merged_into_the_configuration():
    # INHERIT merges docs/generated.yml key by key: the redirect maps must
    # survive next to mkdocs.yml's own plugins, which stay a mapping.
    config = load_config(str(sitebuild.CONFIG))
    maps = config.plugins["redirects"].config["redirect_maps"]
    assert maps == sitebuild.redirect_maps()
    assert "material/search" in config.plugins


def test_the_configuration_fragment_is_not_published(site_dir):
    assert not list(site_dir.rglob("*.yml"))


def test_a_broken_link_or_anchor_fails_the_strict_build(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(sitebuild.CONFIG, project / "mkdocs.yml")
    shutil.copytree(sitebuild.ROOT / "overrides", project / "overrides")
    shutil.copytree(sitebuild.ROOT / "docs", project / "docs")
    index = project / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\n[gone](no-such-page.md) [moved](basics.md#no-such-answer) [here](#no-such-section)\n",
        encoding="utf-8",
    )

    done = sitebuild.mkdocs_build(project / "mkdocs.yml", tmp_path / "site")

    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "no-such-page.md" in output
    assert "no-such-answer" in output
    assert "no-such-section" in output
