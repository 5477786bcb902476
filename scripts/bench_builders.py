"""Time the site's two builders, MkDocs with Material and Zensical, on the real
guide and on a synthetic one.

    python scripts/bench_builders.py [--questions 0 10000] [--runs 3]

0 stands for the real guide (docs/ as it is); any other number for a guide of
that many synthetic questions, made as scripts/bench_normalise.py makes them
and written by the normaliser over a copy of docs/ (so the hand-written pages
and assets are the real ones). Every run builds a fresh copy of the project
(mkdocs.yml, docs/, overrides/, the MkDocs hooks) strictly, the way the tests do; Zensical's
cache is in that copy, so each of its builds starts cold, and one more
Zensical build of the same copy shows what its cache saves. MkDocs runs the
search ranking step (site_build.search_ranking) as a hook, inside its time;
after Zensical's build it is run, and timed, on its own.

Prints a Markdown table of medians over the runs: wall-clock seconds, CPU
seconds (user + system, the builder's process and its children) and peak
memory. Not a test: figures, not assertions. The machine's load moves them;
compare builders within one run of this script.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench_normalise import synthetic_source

from site_build import bundle, search_ranking
from site_build.project import stage_config

ROOT = Path(__file__).resolve().parent.parent
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
COMMANDS = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", "site"],
    "zensical": [sys.executable, "-m", "zensical", "build", "--strict"],
}


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float
    peak_mb: float


def timed(command: list[str], cwd: Path) -> Timing:
    """Run ``command`` and measure it, its children included (os.wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **QUIET}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{output.decode(errors='replace')[-3000:]}")
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def project_copy(source: Path, target: Path) -> Path:
    """A copy of what a build of ``source`` reads: docs/ and stage_config's files."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    stage_config(target, source)
    shutil.copytree(source / "docs", target / "docs")
    return target


# Pages that list every answer: at 10,000 questions one of their sections
# holds far more words than Zensical 0.0.73's search index takes (README,
# "Building with Zensical"), so the synthetic guides leave them out of search,
# for both builders alike.
LIST_PAGES = ("all-questions.md", "essentials.md", "tags.md")


def exclude_from_search(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n"), page
    page.write_text("---\nsearch:\n  exclude: true\n" + text[4:], encoding="utf-8")


def synthetic_project(count: int, work: Path) -> Path:
    """A project whose docs/ holds ``count`` synthetic questions."""
    project = project_copy(ROOT, work / f"project-{count}")
    sources = work / f"sources-{count}"
    sources.mkdir()
    (sources / "synthetic.txt").write_text(synthetic_source(count), encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "normalise.py"),
            "--sources",
            str(sources),
            "--out",
            str(project / "docs"),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # a warning for each example that does not parse, as for the real sources
    )
    for name in LIST_PAGES:
        exclude_from_search(project / "docs" / name)
    return project


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench(project: Path, runs: int, work: Path) -> dict[str, list[Timing]]:
    found: dict[str, list[Timing]] = {"mkdocs": [], "zensical": [], "zensical, cache kept": [], "ranking step": []}
    for run in range(runs):
        for builder, command in COMMANDS.items():
            copy = project_copy(project, work / f"run-{run}-{builder}")
            if builder == "zensical":  # the bundles the MkDocs hook writes, before the build
                bundle.publish(copy / "docs", copy / "docs", drop_parts=True)
            found[builder].append(timed(command, copy))
            if builder == "zensical":  # MkDocs ranks as it builds, with its hook
                start = time.perf_counter()
                search_ranking.rank(copy / "site", copy / "docs")
                found["ranking step"].append(Timing(time.perf_counter() - start, 0, 0))
                found["zensical, cache kept"].append(timed(command, copy))
            shutil.rmtree(copy)
        print(f"  run {run + 1} of {runs} done", file=sys.stderr, flush=True)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, nargs="+", default=[0, 10000], help="0: the real guide")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{args.runs} runs each, medians; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at the start")
    print()
    print("| guide | builder | wall s | CPU s | peak MB |")
    print("| --- | --- | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="bench-builders-") as folder:
        work = Path(folder)
        for count in args.questions:
            project = ROOT if count == 0 else synthetic_project(count, work)
            guide = "real guide" if count == 0 else f"{count:,} synthetic questions"
            for builder, timings in bench(project, args.runs, work).items():
                cpu = f"{median([t.cpu for t in timings]):.1f}" if builder != "ranking step" else ""
                peak = f"{median([t.peak_mb for t in timings]):.0f}" if builder != "ranking step" else ""
                print(f"| {guide} | {builder} | {median([t.wall for t in timings]):.2f} | {cpu} | {peak} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
