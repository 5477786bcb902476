"""site_bench.builds and the command: the staged project, the baseline, scripts/bench_site.py."""

from __future__ import annotations

import subprocess
import sys

import markdown
import yaml

from guide import frontmatter
from site_bench import builds
from site_build.project import DOCS, ROOT


def test_the_baseline_is_material_with_its_defaults_and_our_short_links():
    config = yaml.safe_load(builds.BASELINE_YML)
    assert config["theme"] == {"name": "material"}
    assert config["plugins"] == {"search": {}}
    assert config["INHERIT"] == "docs/generated.yml"
    assert config["markdown_extensions"] == list(builds.BASELINE_EXTENSIONS)


def test_the_baseline_renders_the_same_answers():
    # Without md_in_html an answer would stay raw HTML, its fences and lists unread.
    page = frontmatter.split((DOCS / "basics.md").read_text(encoding="utf-8")).body
    html = markdown.markdown(page, extensions=["toc", "tables", "fenced_code", *builds.BASELINE_EXTENSIONS])
    assert "<pre><code" in html and "<li>" in html
    assert "```" not in html and 'markdown="' not in html and "!!! " not in html


def test_the_staged_project_has_no_generated_page_and_both_configurations(tmp_path):
    builds.stage_project(tmp_path / "p")
    staged = {
        p.relative_to(tmp_path / "p" / "docs").as_posix() for p in (tmp_path / "p" / "docs").rglob("*") if p.is_file()
    }
    assert staged == {p.relative_to(DOCS).as_posix() for p in builds.hand_written(DOCS)}
    assert "practice.md" in staged and "basics.md" not in staged and "generated.yml" not in staged
    assert (tmp_path / "p" / builds.OURS).read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(
        encoding="utf-8"
    )
    assert (tmp_path / "p" / builds.BASELINE).is_file()


def test_the_command_of_the_readme_and_the_workflow_still_runs():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_site.py"), "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "--runs" in done.stdout and "default 5" in done.stdout and "practice" in done.stdout
