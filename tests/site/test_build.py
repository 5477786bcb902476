"""The strict build: configuration merged as intended, broken links fail it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

import sitebuild
from site_build.project import stage_config


def test_the_short_links_fragment_is_merged_into_the_configuration():
    # INHERIT merges docs/generated.yml key by key: the redirect maps must
    # survive next to mkdocs.yml's own plugins, which stay a mapping.
    config = load_config(str(sitebuild.CONFIG))
    maps = config.plugins["redirects"].config["redirect_maps"]
    assert maps == sitebuild.redirect_maps()
    assert "material/search" in config.plugins


def test_zensical_reads_the_same_configuration_fragment_and_plugins():
    from zensical.config import parse_mkdocs_config

    config = parse_mkdocs_config(str(sitebuild.CONFIG))
    plugins = config["plugins"]
    assert plugins["redirects"]["config"]["redirect_maps"] == sitebuild.redirect_maps()
    assert plugins["redirects"]["config"]["enabled"]
    assert plugins["minify"]["config"]["enabled"]
    assert (
        plugins["search"]["config"]["separator"]
        == load_config(str(sitebuild.CONFIG)).plugins["material/search"].config["separator"]
    )
    assert not config.get("config_warnings"), config.get("config_warnings")


def test_the_configuration_fragment_is_not_published(site_dir):
    assert not list(site_dir.rglob("*.yml"))


def test_no_python_file_is_published(site_dir):
    # Zensical publishes every file of the theme's custom_dir that is not a
    # template (test_zensical_limits), so no Python may live in overrides/ or
    # docs/: the MkDocs hooks are in scripts/site_build/.
    assert not [p for p in site_dir.rglob("*") if p.suffix in (".py", ".pyc") or p.name == "__pycache__"]
    for folder in ("overrides", "docs"):
        assert not [p.relative_to(sitebuild.ROOT) for p in (sitebuild.ROOT / folder).rglob("*.py*")]
    hooks = load_config(str(sitebuild.CONFIG))["hooks"]
    assert hooks
    assert all(Path(module.__file__).parent == sitebuild.ROOT / "scripts" / "site_build" for module in hooks.values())


@pytest.mark.parametrize("builder", sitebuild.BUILDERS)
def test_a_broken_link_or_anchor_fails_the_strict_build(tmp_path, builder):
    project = tmp_path / "project"
    project.mkdir()
    stage_config(project)
    shutil.copytree(sitebuild.ROOT / "docs", project / "docs")
    index = project / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\n[gone](no-such-page.md) [moved](basics.md#no-such-answer) [here](#no-such-section)\n",
        encoding="utf-8",
    )

    done = sitebuild.build(builder, project / "mkdocs.yml", tmp_path / "site")

    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "no-such-page.md" in output
    assert "no-such-answer" in output
    assert "no-such-section" in output
    if builder == "zensical":  # it quotes the line: say which link is at fault
        assert output.count("Warning: page does not exist") == 1
        assert output.count("Warning: anchor does not exist") == 2
