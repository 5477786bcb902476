"""The benchmark's command line: ``python scripts/bench_site.py`` (or ``python -m site_bench`` from scripts/)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from site_bench import __doc__ as overview
from site_bench import builds, lighthouse, pages, report
from site_bench.figures import SITES, median
from site_build import serve

RUNS = 5


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(overview or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=RUNS, help=f"Lighthouse runs per page and site (default {RUNS})")
    parser.add_argument("--pages", nargs="+", choices=pages.NAMES, default=list(pages.NAMES), help="pages to measure")
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
    return args


def bench(args: argparse.Namespace, work: Path) -> report.Results:
    results = report.Results(runs=args.runs)
    print("bench_site: real guide: normaliser and builds", file=sys.stderr)
    project, ours, baseline = builds.real_guide(work)
    results.builds += [ours, baseline]
    if args.synthetic:
        print(f"bench_site: synthetic guide of {args.synthetic:,} questions", file=sys.stderr)
        results.builds.append(builds.synthetic_guide(work, args.synthetic))
    if args.no_lighthouse:
        return results

    docs = builds.ROOT / "docs"
    hand_written = {p.relative_to(docs).as_posix() for p in builds.hand_written(docs)}
    chosen = pages.choose(project / "docs", hand_written, args.pages)
    with serve.serve(ours.site) as ours_server, serve.serve(baseline.site) as baseline_server:
        origins = {"ours": ours_server.origin, "baseline": baseline_server.origin}
        results.measured = lighthouse.measure(chosen, origins, args.runs, work, args.reports)
    if hasattr(os, "getloadavg"):
        results.load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    done = [r for m in results.measured for site in SITES for r in m.reports(site)]
    if done:
        results.lighthouse_version = done[0].get("lighthouseVersion", "-")
        results.benchmark_index = median(r.get("environment", {}).get("benchmarkIndex") for r in done)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        results = bench(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    text = report.report_text(results)
    sys.stdout.write(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write("## Site benchmark\n\n```text\n" + text + "```\n")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report.as_json(results), indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
