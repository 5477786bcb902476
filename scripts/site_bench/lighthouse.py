"""Lighthouse runs of both sites, alternating run by run, in one browser.

Lighthouse is the pinned npm package in tools/lighthouse/ (``npm ci`` there;
installed here when node_modules/ is missing), driven by tools/lighthouse/run.mjs.
The browser is CHROME_PATH, else /usr/bin/chromium, started with the
project's Chromium flags.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from site_build import chromium
from site_build.project import ROOT

from .figures import SITES, Measured, Report
from .pages import Page

LIGHTHOUSE = ROOT / "tools" / "lighthouse"


@dataclass(frozen=True)
class Job:
    site: str  # "ours" or "baseline"
    page: Page
    run: int  # from 1
    url: str

    @property
    def label(self) -> str:
        return f"run {self.run} {self.page.name} {self.site}"


@dataclass(frozen=True)
class Progress:
    """A line of run.mjs: "done N SECONDS" or "failed N SECONDS ERROR"."""

    word: str  # "done" or "failed"
    index: int
    seconds: str
    note: str = ""


def progress(line: str) -> Progress | None:
    """The progress line of run.mjs, or None for any other output."""
    parts = line.strip().split(" ", 3)
    if len(parts) >= 3 and parts[0] in ("done", "failed") and parts[1].isdigit():
        return Progress(parts[0], int(parts[1]), parts[2], parts[3] if len(parts) > 3 else "")
    return None


def jobs(pages: Sequence[Page], origins: Mapping[str, str], runs: int) -> list[Job]:
    """Every run of every page on every site, the sites alternating so both see the same machine."""
    return [
        Job(site, page, run, origins[site] + page.path)
        for run in range(1, runs + 1)
        for page in pages
        for site in SITES
        if site in origins
    ]


def spec(all_jobs: Sequence[Job], work: Path) -> dict:
    """run.mjs's input: the browser's flags, and each job's URL, output file and localStorage."""
    return {
        "chromeFlags": chromium.ARGS,
        "jobs": [
            {"url": job.url, "output": str(work / f"lighthouse-{i}.json"), "localStorage": dict(job.page.local_storage)}
            for i, job in enumerate(all_jobs)
        ],
    }


def ensure_lighthouse() -> None:
    if (LIGHTHOUSE / "node_modules" / "lighthouse").is_dir():
        return
    print("bench_site: installing the pinned Lighthouse (npm ci in tools/lighthouse)", file=sys.stderr)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE, check=True, stdout=sys.stderr)


def run(all_jobs: Sequence[Job], work: Path) -> list[Report | None]:
    """Run every job in one browser; the reports, None where a run failed."""
    job_spec = spec(all_jobs, work)
    (work / "jobs.json").write_text(json.dumps(job_spec), encoding="utf-8")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH") or chromium.DEFAULT_PATH)
    process = subprocess.Popen(
        ["node", str(LIGHTHOUSE / "run.mjs"), str(work / "jobs.json")],
        cwd=LIGHTHOUSE,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        step = progress(line)
        if step:
            note = f" ({step.note})" if step.note else ""
            label = all_jobs[step.index].label
            print(
                f"  [{step.index + 1}/{len(all_jobs)}] {label}: {step.word} in {step.seconds} s{note}", file=sys.stderr
            )
    process.wait()
    reports: list[Report | None] = []
    for job in job_spec["jobs"]:
        path = Path(job["output"])
        reports.append(json.loads(path.read_text(encoding="utf-8")) if path.exists() else None)
    return reports


def collect(
    pages: Sequence[Page], runs: int, all_jobs: Sequence[Job], reports: Sequence[Report | None]
) -> list[Measured]:
    """The reports grouped by page and site, in the order of ``pages``."""
    measured = {page.name: Measured(page, runs) for page in pages}
    for job, report in zip(all_jobs, reports, strict=True):
        if report is not None:
            measured[job.page.name].reports(job.site).append(report)
    return list(measured.values())


def keep(all_jobs: Sequence[Job], reports: Sequence[Report | None], folder: Path) -> None:
    """Write each report to ``folder`` as <site>-<page>-<run>.json."""
    folder.mkdir(parents=True, exist_ok=True)
    for job, report in zip(all_jobs, reports, strict=True):
        if report is not None:
            (folder / f"{job.site}-{job.page.name}-{job.run}.json").write_text(json.dumps(report), encoding="utf-8")


def measure(
    pages: Sequence[Page], origins: Mapping[str, str], runs: int, work: Path, reports_dir: Path | None
) -> list[Measured]:
    """Lighthouse on every page of both sites (``origins``: site -> "http://127.0.0.1:PORT"), ``runs`` times."""
    ensure_lighthouse()
    all_jobs = jobs(pages, origins, runs)
    print(f"bench_site: Lighthouse, {len(all_jobs)} runs", file=sys.stderr)
    reports = run(all_jobs, work)
    if reports_dir is not None:
        keep(all_jobs, reports, reports_dir)
    return collect(pages, runs, all_jobs, reports)
