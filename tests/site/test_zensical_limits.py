"""What Zensical does not (yet) do that this site relies on, each shown as it is.

Each test asserts the current behaviour exactly, so that it fails, and says
so, when a Zensical release changes it; the README's "Building with Zensical"
lists them. The tiny projects here build in a second or two with either
builder; the real site's builds are in sitebuild.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

import sitebuild

HOOK = """\
from pathlib import Path


def on_post_build(config):
    (Path(config.site_dir) / "hook-ran.txt").write_text("yes", encoding="utf-8")
"""

PROBE = """\
{% extends "base.html" %}
{% block extrahead %}<meta name="probe-homepage" content="{{ page.is_homepage }}">{% endblock %}
"""


def tiny_project(folder: Path, config: str, pages: dict[str, str]) -> Path:
    """A project of its own: mkdocs.yml, docs/ and overrides/ (a hook in it)."""
    (folder / "docs").mkdir(parents=True)
    (folder / "overrides" / "hooks").mkdir(parents=True)
    (folder / "overrides" / "hooks" / "marker.py").write_text(HOOK, encoding="utf-8")
    (folder / "overrides" / "main.html").write_text(PROBE, encoding="utf-8")
    for name, text in pages.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    base = """\
        site_name: Tiny
        site_url: https://example.org/tiny/
        theme:
          name: material
          custom_dir: overrides
        """
    (folder / "mkdocs.yml").write_text(textwrap.dedent(base) + textwrap.dedent(config), encoding="utf-8")
    return folder / "mkdocs.yml"


@pytest.fixture(scope="module")
def tiny_builds(tmp_path_factory) -> dict[str, Path]:
    """The same tiny project with a hook in overrides/, built by each builder."""
    built = {}
    for builder in sitebuild.BUILDERS:
        folder = tmp_path_factory.mktemp(f"tiny-{builder}")
        config = tiny_project(
            folder / "project",
            "hooks:\n  - overrides/hooks/marker.py\n",
            {"index.md": "# Home\n\n[Other](other.md)\n", "other.md": "# Other\n"},
        )
        done = sitebuild.build(builder, config, folder / "site")
        assert done.returncode == 0, done.stdout + done.stderr
        built[builder] = folder / "site"
    return built


def test_zensical_runs_no_mkdocs_hook(tiny_builds):
    # Why the search ranking is a step (site_build.search_ranking) run after a
    # Zensical build, not only a hook, and why its footer lacks the edition.
    assert (tiny_builds["mkdocs"] / "hook-ran.txt").is_file()
    assert not (tiny_builds["zensical"] / "hook-ran.txt").exists()


def test_zensical_publishes_every_file_of_the_theme_folder_python_included(tiny_builds):
    # Why overrides/ holds no Python (test_build.test_no_python_file_is_published).
    assert not list(tiny_builds["mkdocs"].rglob("*.py"))
    assert [p.relative_to(tiny_builds["zensical"]).as_posix() for p in tiny_builds["zensical"].rglob("*.py")] == [
        "hooks/marker.py"
    ]


def test_zensical_pages_have_no_is_homepage(tiny_builds):
    # overrides/main.html tells the home page by its address instead.
    def probe(site: Path) -> str:
        found = re.search(r'<meta name="probe-homepage" content="([^"]*)"', (site / "index.html").read_text("utf-8"))
        assert found
        return found.group(1)

    assert probe(tiny_builds["mkdocs"]) == "True"
    assert probe(tiny_builds["zensical"]) == ""


def test_zensical_does_not_check_the_navigation_in_strict_mode(tmp_path):
    # mkdocs.yml's validation.nav (omitted_files, not_found) is MkDocs' alone:
    # Zensical validates links and anchors only (test_build).
    results = {}
    for builder in sitebuild.BUILDERS:
        config = tiny_project(
            tmp_path / builder / "project",
            """\
            nav:
              - index.md
              - missing.md
            validation:
              nav:
                omitted_files: warn
                not_found: warn
            """,
            {"index.md": "# Home\n", "left-out.md": "# Left out of the nav\n"},
        )
        results[builder] = sitebuild.build(builder, config, tmp_path / builder / "site")
    mkdocs_output = results["mkdocs"].stdout + results["mkdocs"].stderr
    assert results["mkdocs"].returncode != 0
    assert "left-out.md" in mkdocs_output and "missing.md" in mkdocs_output
    assert results["zensical"].returncode == 0, results["zensical"].stdout + results["zensical"].stderr


def test_zensical_builds_only_inside_the_configuration_folder(tmp_path):
    # Why sitebuild copies the project before a Zensical build.
    config = tiny_project(tmp_path / "project", f"site_dir: {tmp_path / 'elsewhere'}\n", {"index.md": "# Home\n"})
    done = sitebuild.subprocess.run(
        [sitebuild.sys.executable, "-m", "zensical", "build", "--config-file", str(config)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "site_dir must be within project root" in done.stdout + done.stderr


def test_zensical_search_reads_no_weight(tmp_path_factory):
    # Why the ranking step leaves entries out of Zensical's index rather than
    # lowering them (test_search_index): its worker never reads a boost.
    site = sitebuild.build_once(tmp_path_factory, "zensical")
    workers = list((site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    assert len(workers) == 1
    script = workers[0].read_text(encoding="utf-8")
    assert "boost" not in script
    # It weighs fields instead, the same for every entry: title 3, path 2, text 1.
    assert re.search(r'"title",\w+=>\w+\.title,\{weight:3\}', script)
    assert re.search(r'"path",\w+=>\w+\.path,\{weight:2\}', script)


def test_zensical_builds_with_no_network(tmp_path_factory):
    # The real site's Zensical build ran in a network namespace of its own
    # (sitebuild.zensical_build) where the system allows it: root on Linux.
    if not sitebuild.network_namespaces():
        reason = "unshare --net is not allowed here: cannot show the build needs no network"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    assert sitebuild.build_once(tmp_path_factory, "zensical").is_dir()


def test_zensical_refuses_a_search_field_longer_than_its_index_allows(tmp_path):
    # Its index packs an entry and a word's place into 30 bits: with more
    # entries each may hold fewer words (2**(30 - bits for the entries)). The
    # real guide is far below it; at 10,000 questions the sections of the
    # all-questions page are not (scripts/bench_builders.py leaves the lists
    # out of search there). MkDocs builds the same page.
    sections = "".join(f"## Section {number}\n\nword\n\n" for number in range(2100))
    page = "# Big\n\n" + sections + "## Long\n\n" + " ".join(["word"] * 300_000) + "\n"
    results = {}
    for builder in sitebuild.BUILDERS:
        config = tiny_project(tmp_path / builder / "project", "", {"index.md": page})
        results[builder] = sitebuild.build(builder, config, tmp_path / builder / "site")
    assert results["mkdocs"].returncode == 0, results["mkdocs"].stdout + results["mkdocs"].stderr
    output = results["zensical"].stdout + results["zensical"].stderr
    assert results["zensical"].returncode != 0
    assert (
        "Search field 'text' at '#long' exceeds the search index limit "
        "(300000 token positions; maximum 262144 for 2102 items)"
    ) in output


def test_zensical_pages_lack_the_footer_facts_that_a_hook_sets(tmp_path_factory):
    # scripts/site_build/edition.py, a MkDocs hook, puts the Flask version and
    # the edition into config.extra for overrides/partials/copyright.html.
    pages = {
        builder: (sitebuild.build_once(tmp_path_factory, builder) / "index.html") for builder in sitebuild.BUILDERS
    }
    mkdocs_home = pages["mkdocs"].read_text(encoding="utf-8")
    zensical_home = pages["zensical"].read_text(encoding="utf-8")
    assert re.search(
        r'class="md-copyright__highlight guide-edition">Answers checked against Flask [\d.]+ · Edition ', mkdocs_home
    )
    assert 'class="md-copyright"' in zensical_home and "guide-edition" not in zensical_home
