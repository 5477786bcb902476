"""Measure the site's speed, weight and quality beside a default Material site.

    python scripts/bench_site.py [--runs 3] [--pages home topic all short]
                                 [--synthetic 10000] [--json FILE] [--reports DIR]

What it does, all in a temporary folder (the work tree is never written to):

1. Runs the normaliser on sources/ and builds the site with the repository's
   mkdocs.yml; then builds the same generated Markdown with a default Material
   configuration, the baseline (``theme: material`` and nothing else, except
   the redirect maps, so that the short links exist on both sites). Both
   builds are timed, with the size of site/search/search_index.json.
2. Does the same for a synthetic guide of 10,000 questions (the generator of
   scripts/bench_normalise.py): normaliser and ``mkdocs build`` seconds, and
   the search index size.
3. Serves both sites on 127.0.0.1 the way GitHub Pages does (gzip for text,
   ``Cache-Control: max-age=600``) and runs Lighthouse with its default mobile
   settings on the home page, the longest topic page, the All questions page
   and a short link (q/<id>/), alternating the two sites run by run.
4. Prints the median of each category score, the bytes transferred, first and
   largest contentful paint and total blocking time, ours beside the baseline
   with the ratio ours / baseline; which budget is met; and the audits that
   cost our pages points.

Figures, not a test: Lighthouse's timings vary with the machine (its
benchmark index is printed), which is why each figure is a median and both
sites are measured in the same run.

Lighthouse is the pinned npm package in tools/lighthouse/ (``npm ci`` there;
this script runs it when node_modules/ is missing). The browser is CHROME_PATH,
else /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from guide import output
from site_build import chromium  # one list of flags for every Chromium the project starts

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LIGHTHOUSE = ROOT / "tools" / "lighthouse"

DEFAULT_CHROME = chromium.DEFAULT_PATH
CHROME_FLAGS = chromium.ARGS
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

# The baseline: Material's defaults. The redirect maps come from the same
# generated fragment as ours (docs/generated.yml), so q/<id>/ exists on both.
BASELINE_YML = """\
# Baseline for scripts/bench_site.py: Material with its defaults.
INHERIT: docs/generated.yml
site_name: Flask Interview Guide
theme:
  name: material
plugins:
  search: {}
"""

PAGES = ("home", "topic", "all", "short")
CATEGORIES = (
    ("performance", "performance"),
    ("accessibility", "accessibility"),
    ("best-practices", "best practices"),
    ("seo", "SEO"),
)


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    lower_is_better: bool
    unit: str = ""


METRICS = (
    *(Metric(key, label, False) for key, label in CATEGORIES),
    Metric("bytes", "transferred", True, "kB"),
    Metric("requests", "requests", True),
    Metric("other_hosts", "requests to other hosts", True),
    Metric("fcp", "first contentful paint", True, "ms"),
    Metric("lcp", "largest contentful paint", True, "ms"),
    Metric("tbt", "total blocking time", True, "ms"),
)
TIMINGS = ("fcp", "lcp", "tbt")

# Budgets (issue 7): every category at 100 on every page, a topic page's first
# load at most 250 kB, and lighter and faster than the baseline.
TOPIC_PAGE_BUDGET = 250_000


# --------------------------------------------------------------------------
# Pure functions: reading Lighthouse reports, medians, tables, budgets.


def median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def ratio(ours: float | None, baseline: float | None) -> float | None:
    if ours is None or baseline is None:
        return None
    if baseline == 0:
        return 1.0 if ours == 0 else None
    return ours / baseline


def figures(report: dict) -> dict[str, float | None]:
    """The figures of one Lighthouse report (JSON, as a dict)."""
    audits = report.get("audits", {})
    categories = report.get("categories", {})

    def numeric(audit_id: str) -> float | None:
        value = audits.get(audit_id, {}).get("numericValue")
        return float(value) if value is not None else None

    out: dict[str, float | None] = {}
    for key, _ in CATEGORIES:
        score = categories.get(key, {}).get("score")
        out[key] = round(score * 100) if score is not None else None
    out["bytes"] = numeric("total-byte-weight")
    out["fcp"] = numeric("first-contentful-paint")
    out["lcp"] = numeric("largest-contentful-paint")
    out["tbt"] = numeric("total-blocking-time")
    items = audits.get("network-requests", {}).get("details", {}).get("items")
    if items is None:
        out["requests"] = out["other_hosts"] = None
    else:
        own = urlsplit(report.get("requestedUrl", "")).netloc
        urls = [item.get("url", "") for item in items if item.get("url", "").startswith("http")]
        out["requests"] = float(len(urls))
        out["other_hosts"] = float(sum(1 for url in urls if urlsplit(url).netloc != own))
    return out


def lost_points(report: dict) -> list[tuple[str, str, float | None]]:
    """(category, audit id, score) of every scored audit that is not perfect.

    Scored: it has a weight in its category. An audit that errored counts too
    (score None): its category score is not to be trusted.
    """
    audits = report.get("audits", {})
    found: list[tuple[str, str, float | None]] = []
    for key, _ in CATEGORIES:
        for ref in report.get("categories", {}).get(key, {}).get("auditRefs", []):
            if not ref.get("weight"):
                continue
            audit = audits.get(ref["id"], {})
            mode, score = audit.get("scoreDisplayMode"), audit.get("score")
            if mode == "error":
                found.append((key, ref["id"], None))
            elif mode in ("binary", "numeric", "metricSavings") and score is not None and score < 1:
                found.append((key, ref["id"], float(score)))
    return found


def other_hosts(report: dict) -> dict[str, bool]:
    """Each URL the page requested from another host -> whether it failed (no response)."""
    own = urlsplit(report.get("requestedUrl", "")).netloc
    items = report.get("audits", {}).get("network-requests", {}).get("details", {}).get("items", [])
    return {
        item["url"]: (item.get("statusCode") or -1) < 0
        for item in items
        if item.get("url", "").startswith("http") and urlsplit(item["url"]).netloc != own
    }


def errored_audits(report: dict) -> list[str]:
    return sorted(k for k, a in report.get("audits", {}).items() if a.get("scoreDisplayMode") == "error")


def fmt(value: float | None, metric: Metric) -> str:
    if value is None:
        return "-"
    if metric.unit == "kB":
        return f"{value / 1000:,.1f} kB"
    if metric.unit == "ms":
        return f"{value:,.0f} ms"
    return f"{value:,.0f}"


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(rows: list[list[str]], header: list[str], right: set[int] | None = None) -> str:
    """A plain text table; columns in ``right`` are right-aligned."""
    right = right or set()
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            str(c).rjust(widths[i]) if i in right else str(c).ljust(widths[i]) for i, c in enumerate(cells)
        ).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def comparison_rows(pages: list[tuple[str, str]], medians: dict) -> list[list[str]]:
    """Rows of the side-by-side table: page, metric, ours, baseline, ratio."""
    rows = []
    for name, path in pages:
        for i, metric in enumerate(METRICS):
            ours = medians["ours"][name].get(metric.key)
            base = medians["baseline"][name].get(metric.key)
            label = f"{name} {path}" if i == 0 else ""
            rows.append([label, metric.label, fmt(ours, metric), fmt(base, metric), fmt_ratio(ratio(ours, base))])
    return rows


def budgets(pages: list[tuple[str, str]], medians: dict) -> list[tuple[str, bool, str]]:
    """(budget, met, detail) for each budget of issue 7, from the medians."""
    results = []
    ours, base = medians["ours"], medians["baseline"]

    short = [
        f"{name}: {label} {ours[name][key]:.0f}"
        for name, _ in pages
        for key, label in CATEGORIES
        if ours[name].get(key) is None or ours[name][key] < 100
    ]
    results.append(("every category at 100 on every page", not short, "; ".join(short) or "all 100"))

    if any(name == "topic" for name, _ in pages):
        weight = ours["topic"].get("bytes")
        met = weight is not None and weight <= TOPIC_PAGE_BUDGET
        detail = f"{fmt(weight, METRICS[4])} of {TOPIC_PAGE_BUDGET / 1000:.0f} kB"
        results.append(("topic page first load at most 250 kB", met, detail))

    heavier = [
        f"{name} x{fmt_ratio(ratio(ours[name]['bytes'], base[name]['bytes']))}"
        for name, _ in pages
        if (ratio(ours[name].get("bytes"), base[name].get("bytes")) or 2) >= 1
    ]
    results.append(("lighter than the baseline on every page", not heavier, ", ".join(heavier) or "all lighter"))

    slower = [
        f"{name} {key.upper()} x{fmt_ratio(ratio(ours[name][key], base[name][key]))}"
        for name, _ in pages
        for key in TIMINGS
        if (ratio(ours[name].get(key), base[name].get(key)) or 2) > 1
    ]
    results.append(
        ("as fast as the baseline or faster (FCP, LCP, TBT) on every page", not slower, ", ".join(slower) or "all")
    )
    return results


def lost_points_summary(reports: list[dict]) -> list[str]:
    """One line per audit that cost points in any run: category, id, runs, worst score."""
    seen: dict[tuple[str, str], list[float | None]] = {}
    for report in reports:
        for category, audit_id, score in lost_points(report):
            seen.setdefault((category, audit_id), []).append(score)
    lines = []
    for (category, audit_id), scores in sorted(seen.items()):
        numbers = [s for s in scores if s is not None]
        notes = [f"worst score {min(numbers):.2f}"] if numbers else []
        if len(numbers) < len(scores):
            notes.append(f"errored in {len(scores) - len(numbers)}")
        lines.append(f"{category}: {audit_id} ({len(scores)}/{len(reports)} runs, {', '.join(notes)})")
    return lines


def longest_topic_page(files: dict[str, str], not_topics: set[str]) -> str:
    """The generated topic page with the most Markdown, as a page name (basics.md)."""
    pages = [name for name in files if name.endswith(".md") and "/" not in name and name not in not_topics]
    return max(sorted(pages), key=lambda name: len(files[name]))


def short_link_for(redirects_yml: str, page: str) -> str:
    """The first short link (q/<id>/) of the redirect map that points into ``page``."""
    for match in re.finditer(r"^\s+(q/[^:\s]+)\.md:\s+(\S+?)(?:#\S*)?\s*$", redirects_yml, re.MULTILINE):
        if match.group(2) == page:
            return match.group(1) + "/"
    raise ValueError(f"no short link points into {page}")


# --------------------------------------------------------------------------
# Building.


@dataclass
class Build:
    name: str
    normaliser_s: float | None
    mkdocs_s: float
    search_index: int
    site: Path
    html_pages: int
    warnings: int = 0


def hand_written(docs: Path) -> list[Path]:
    """docs/ files that the normaliser does not write."""

    generated = output.existing_generated(docs)
    return sorted(p for p in docs.rglob("*") if p.is_file() and p.relative_to(docs).as_posix() not in generated)


def stage_project(project: Path) -> None:
    """A copy of what `mkdocs build` reads besides docs/: mkdocs.yml and overrides/."""
    project.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", project / "overrides")
    docs = ROOT / "docs"
    for path in hand_written(docs):
        target = project / "docs" / path.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    (project / "baseline.yml").write_text(BASELINE_YML, encoding="utf-8")


def timed(command: list[str], cwd: Path, what: str) -> tuple[float, str]:
    env = dict(os.environ, **QUIET)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"{what} failed (exit {result.returncode})")
    return elapsed, result.stderr


def normalise(project: Path, sources: Path | None) -> tuple[float, int]:
    command = [sys.executable, str(HERE / "normalise.py"), "--out", str(project / "docs")]
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
    from bench_normalise import synthetic_source

    folder.mkdir(parents=True)
    (folder / "synthetic.txt").write_text(synthetic_source(count), encoding="utf-8")
    return folder


# --------------------------------------------------------------------------
# Serving, as GitHub Pages does: gzip for text, a ten-minute cache lifetime.

COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "text/xml",
    "application/xml",
    "image/svg+xml",
    "text/plain",
}


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if not (path.is_file() and ctype in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(PagesHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --------------------------------------------------------------------------
# Lighthouse.


def ensure_lighthouse() -> None:
    if (LIGHTHOUSE / "node_modules" / "lighthouse").is_dir():
        return
    print("bench_site: installing the pinned Lighthouse (npm ci in tools/lighthouse)", file=sys.stderr)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE, check=True, stdout=sys.stderr)


def progress(line: str) -> tuple[str, int, str, str]:
    """A line of run.mjs: ("done" or "failed", job index, seconds, error), or ("", ...) for other output."""
    parts = line.strip().split(" ", 3)
    if len(parts) >= 3 and parts[0] in ("done", "failed") and parts[1].isdigit():
        return parts[0], int(parts[1]), parts[2], parts[3] if len(parts) > 3 else ""
    return "", -1, "", ""


def lighthouse(jobs: list[dict], work: Path) -> list[dict | None]:
    """Run every job ({url, label}) in one browser; the reports, None where a run failed."""
    outputs = [{"url": job["url"], "output": str(work / f"lighthouse-{i}.json")} for i, job in enumerate(jobs)]
    spec = {"chromeFlags": CHROME_FLAGS, "jobs": outputs}
    (work / "jobs.json").write_text(json.dumps(spec), encoding="utf-8")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH") or DEFAULT_CHROME)
    process = subprocess.Popen(
        ["node", str(LIGHTHOUSE / "run.mjs"), str(work / "jobs.json")],
        cwd=LIGHTHOUSE,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        word, index, seconds, note = progress(line)
        if word:
            note = f" ({note})" if note else ""
            print(f"  [{index + 1}/{len(jobs)}] {jobs[index]['label']}: {word} in {seconds} s{note}", file=sys.stderr)
    process.wait()
    reports = []
    for job_spec in outputs:
        path = Path(job_spec["output"])
        reports.append(json.loads(path.read_text(encoding="utf-8")) if path.exists() else None)
    return reports


# --------------------------------------------------------------------------


@dataclass
class Results:
    builds: list[Build] = field(default_factory=list)
    pages: list[tuple[str, str]] = field(default_factory=list)
    reports: dict = field(default_factory=dict)  # site -> page -> [report]
    medians: dict = field(default_factory=dict)  # site -> page -> metric -> value


def build_section(builds: list[Build]) -> str:
    rows = [
        [
            b.name,
            "-" if b.normaliser_s is None else f"{b.normaliser_s:.1f}",
            f"{b.mkdocs_s:.1f}",
            f"{b.search_index / 1000:,.1f} kB",
            f"{b.html_pages:,}",
        ]
        for b in builds
    ]
    return table(rows, ["build", "normaliser s", "mkdocs build s", "search_index.json", "HTML files"], {1, 2, 3, 4})


def report_text(results: Results, runs: int, lighthouse_version: str, benchmark: float | None, load: str = "") -> str:
    parts = ["Build speed", build_section(results.builds), ""]
    if results.pages:
        machine = f"benchmark index {benchmark:.0f}" if benchmark else ""
        machine += (", " if machine and load else "") + (f"load average {load}" if load else "")
        parts += [
            f"Lighthouse {lighthouse_version}, default mobile settings, median of {runs} run(s) per page; "
            "ratio = ours / baseline" + (f" ({machine})" if machine else ""),
            table(
                comparison_rows(results.pages, results.medians),
                ["page", "metric", "ours", "baseline", "ratio"],
                {2, 3, 4},
            ),
            "",
            "Budgets",
        ]
        for name, met, detail in budgets(results.pages, results.medians):
            parts.append(f"  [{'met' if met else 'NOT met'}] {name}: {detail}")
        parts += ["", "Audits that cost our pages points (category: audit id, runs, worst score)"]
        for name, path in results.pages:
            lines = lost_points_summary([r for r in results.reports["ours"][name] if r])
            parts.append(f"  {name} {path}: " + ("none" if not lines else ""))
            parts += [f"    {line}" for line in lines]
        for site, by_page in results.reports.items():
            found: dict[str, bool] = {}
            for reps in by_page.values():
                for r in reps:
                    if r:
                        for url, failed in other_hosts(r).items():
                            found[url] = found.get(url, False) or failed
            for url, failed in sorted(found.items()):
                note = "failed here (no network): its bytes are missing from the figures" if failed else "loaded"
                parts.append(f"Request to another host ({site}): {url} - {note}")
        errored = sorted(
            {
                a
                for site in results.reports.values()
                for reps in site.values()
                for r in reps
                if r
                for a in errored_audits(r)
            }
        )
        if errored:
            parts += [
                "",
                "Audits Lighthouse could not run (no effect on the scores above unless listed there): "
                + ", ".join(errored),
            ]
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and site (default 3)")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES), help="pages to measure")
    parser.add_argument(
        "--synthetic",
        type=int,
        default=10_000,
        metavar="N",
        help="questions in the synthetic guide (default 10000; 0 skips it)",
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="time the builds only")
    parser.add_argument("--json", type=Path, help="also write every figure here as JSON")
    parser.add_argument("--reports", type=Path, help="keep the Lighthouse reports (JSON) in this folder")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    results = Results()
    work = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        print("bench_site: real guide: normaliser and builds", file=sys.stderr)
        project = work / "real"
        stage_project(project)
        normaliser_s, _ = normalise(project, None)
        ours = mkdocs_build(project, "mkdocs.yml", work / "site-ours", "real guide, our mkdocs.yml")
        ours.normaliser_s = normaliser_s
        baseline = mkdocs_build(project, "baseline.yml", work / "site-baseline", "real guide, baseline mkdocs.yml")
        results.builds += [ours, baseline]

        if args.synthetic:
            print(f"bench_site: synthetic guide of {args.synthetic:,} questions", file=sys.stderr)
            synthetic = work / "synthetic"
            stage_project(synthetic)
            sources = synthetic_sources(work / "synthetic-sources", args.synthetic)
            seconds, _ = normalise(synthetic, sources)
            build = mkdocs_build(
                synthetic,
                "mkdocs.yml",
                work / "site-synthetic",
                f"synthetic {args.synthetic:,} questions, our mkdocs.yml",
            )
            build.normaliser_s = seconds
            results.builds.append(build)
            shutil.rmtree(work / "site-synthetic", ignore_errors=True)

        version, benchmark, load = "-", None, ""
        if not args.no_lighthouse:
            files = {
                p.relative_to(project / "docs").as_posix(): p.read_text(encoding="utf-8")
                for p in (project / "docs").glob("*.md")
            }
            not_topics = {"index.md", "about.md", "essentials.md", "all-questions.md", "tags.md"} | {
                p.name for p in hand_written(ROOT / "docs")
            }
            topic = longest_topic_page(files, not_topics)
            redirects = (project / "docs" / "generated.yml").read_text(encoding="utf-8")
            paths = {
                "home": "/",
                "topic": "/" + topic[: -len(".md")] + "/",
                "all": "/all-questions/",
                "short": "/" + short_link_for(redirects, topic),
            }
            results.pages = [(name, paths[name]) for name in PAGES if name in args.pages]

            ensure_lighthouse()
            servers = {"ours": serve(ours.site), "baseline": serve(baseline.site)}
            try:
                jobs = []
                for run in range(args.runs):
                    for name, path in results.pages:
                        for site, server in servers.items():
                            host, port = str(server.server_address[0]), server.server_address[1]
                            jobs.append(
                                {
                                    "url": f"http://{host}:{port}{path}",
                                    "site": site,
                                    "page": name,
                                    "label": f"run {run + 1} {name} {site}",
                                }
                            )
                print(f"bench_site: Lighthouse, {len(jobs)} runs", file=sys.stderr)
                reports = lighthouse(jobs, work)
            finally:
                for server in servers.values():
                    server.shutdown()

            results.reports = {site: {name: [] for name, _ in results.pages} for site in servers}
            for job, report in zip(jobs, reports, strict=True):
                results.reports[job["site"]][job["page"]].append(report)
                if report and args.reports:
                    args.reports.mkdir(parents=True, exist_ok=True)
                    run = len(results.reports[job["site"]][job["page"]])
                    (args.reports / f"{job['site']}-{job['page']}-{run}.json").write_text(
                        json.dumps(report), encoding="utf-8"
                    )
            for site, by_page in results.reports.items():
                results.medians[site] = {}
                for name, reps in by_page.items():
                    per_run = [figures(r) for r in reps if r]
                    results.medians[site][name] = {m.key: median([f[m.key] for f in per_run]) for m in METRICS}
            load = " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else ""
            done = [r for site in results.reports.values() for reps in site.values() for r in reps if r]
            if done:
                version = done[0].get("lighthouseVersion", "-")
                benchmark = median([r.get("environment", {}).get("benchmarkIndex") for r in done])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    text = report_text(results, args.runs, version, benchmark, load)
    sys.stdout.write(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write("## Site benchmark\n\n```text\n" + text + "```\n")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "lighthouse": version,
                    "runs": args.runs,
                    "benchmark_index": benchmark,
                    "builds": [
                        {
                            "name": b.name,
                            "normaliser_s": b.normaliser_s,
                            "mkdocs_s": b.mkdocs_s,
                            "search_index_bytes": b.search_index,
                            "html_files": b.html_pages,
                        }
                        for b in results.builds
                    ],
                    "pages": dict(results.pages),
                    "medians": results.medians,
                    "budgets": [
                        {"budget": n, "met": m, "detail": d} for n, m, d in budgets(results.pages, results.medians)
                    ]
                    if results.pages
                    else [],
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
