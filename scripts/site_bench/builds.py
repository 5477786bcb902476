"""The builds the benchmark times and serves: ours, the baseline, a synthetic guide.

Everything happens in a staged copy of the project (mkdocs.yml, overrides/,
the MkDocs hooks and the hand-written files of docs/) inside a temporary folder, so the work
tree is never written. The normaliser writes the generated pages into the
copy; then ``mkdocs build`` runs once with the repository's mkdocs.yml and once
with the baseline, Material's defaults.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from guide import output
from site_build.mkdocs_run import QUIET
from site_build.project import ROOT, stage_config

SCRIPTS = ROOT / "scripts"

# The baseline: Material's defaults. The redirect maps come from the same
# generated fragment as ours (docs/generated.yml), so q/<id>/ exists on both.
# It renders the same content: besides MkDocs' own extensions (toc, tables,
# fenced_code) it has the three the pages need to render at all - each answer
# is an HTML block whose Markdown md_in_html reads, notes are admonitions, and
# attr_list gives the badges their classes - and none of the guide's features
# (highlighting, copy buttons, permalinks, the palette, our styles and scripts).
BASELINE_EXTENSIONS = ("admonition", "attr_list", "md_in_html")
BASELINE_YML = """\
# Baseline for scripts/bench_site.py: Material with its defaults.
INHERIT: docs/generated.yml
site_name: Flask Interview Guide
theme:
  name: material
plugins:
  search: {}
markdown_extensions:
""" + "".join(f"  - {name}\n" for name in BASELINE_EXTENSIONS)
BASELINE = "baseline.yml"
OURS = "mkdocs.yml"


@dataclass
class Build:
    name: str
    normaliser_s: float | None
    mkdocs_s: float
    search_index: int  # bytes of search/search_index.json
    site: Path
    html_pages: int
    warnings: int = 0


def hand_written(docs: Path) -> list[Path]:
    """docs/ files that the normaliser does not write."""
    generated = output.existing_generated(docs)
    return sorted(p for p in docs.rglob("*") if p.is_file() and p.relative_to(docs).as_posix() not in generated)


def stage_project(project: Path) -> None:
    """A copy of what `mkdocs build` reads besides the generated pages, with the baseline's configuration."""
    project.mkdir(parents=True)
    stage_config(project)  # mkdocs.yml (OURS), overrides/ and the MkDocs hooks
    docs = ROOT / "docs"
    for path in hand_written(docs):
        target = project / "docs" / path.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    (project / BASELINE).write_text(BASELINE_YML, encoding="utf-8")


def timed(command: list[str], cwd: Path, what: str) -> tuple[float, str]:
    """Seconds ``command`` took, and its stderr; exits if it failed."""
    env = dict(os.environ, **QUIET)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"{what} failed (exit {result.returncode})")
    return elapsed, result.stderr


def normalise(project: Path, sources: Path | None) -> tuple[float, int]:
    """Seconds the normaliser took to write ``project``/docs, and its warnings."""
    command = [sys.executable, str(SCRIPTS / "normalise.py"), "--out", str(project / "docs")]
    if sources is not None:
        command += ["--sources", str(sources)]
    seconds, stderr = timed(command, project, "the normaliser")
    return seconds, stderr.count("warning:")


def mkdocs_build(project: Path, config: str, site: Path, name: str) -> Build:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", config, "--site-dir", str(site)]
    seconds, stderr = timed(command, project, f"mkdocs build ({name})")
    index = site / "search" / "search_index.json"
    return Build(
        name=name,
        normaliser_s=None,
        mkdocs_s=seconds,
        search_index=index.stat().st_size if index.exists() else 0,
        site=site,
        html_pages=sum(1 for _ in site.rglob("*.html")),
        warnings=stderr.count("WARNING"),
    )


def synthetic_sources(folder: Path, count: int) -> Path:
    """A sources folder with one synthetic file of ``count`` questions (scripts/bench_normalise.py)."""
    from bench_normalise import synthetic_source

    folder.mkdir(parents=True)
    (folder / "synthetic.txt").write_text(synthetic_source(count), encoding="utf-8")
    return folder


def real_guide(work: Path) -> tuple[Path, Build, Build]:
    """The staged project, our build and the baseline's, of the real guide."""
    project = work / "real"
    stage_project(project)
    normaliser_s, _ = normalise(project, None)
    ours = mkdocs_build(project, OURS, work / "site-ours", "real guide, our mkdocs.yml")
    ours.normaliser_s = normaliser_s
    baseline = mkdocs_build(project, BASELINE, work / "site-baseline", "real guide, baseline mkdocs.yml")
    return project, ours, baseline


def synthetic_guide(work: Path, count: int) -> Build:
    """Our build of a synthetic guide of ``count`` questions, timed; its site is not kept."""
    project = work / "synthetic"
    stage_project(project)
    seconds, _ = normalise(project, synthetic_sources(work / "synthetic-sources", count))
    build = mkdocs_build(project, OURS, work / "site-synthetic", f"synthetic {count:,} questions, our mkdocs.yml")
    build.normaliser_s = seconds
    shutil.rmtree(work / "site-synthetic", ignore_errors=True)
    return build
