"""Run the test suite in groups, one pytest process each, and total the results.

    python scripts/run_tests.py [pytest arguments]

Playwright's sync API allows one running instance per process, and each browser
suite keeps one for its whole session, so each runs in a process of its own.
Everything else runs together first, on two worker processes (pytest-xdist)
that take a test file each, so a file's fixtures are built once. The browser
suites run one after another, each on one process: Chromium keeps both cores
of a two-core runner busy, and neither two workers for a browser suite nor a
browser suite beside the first group finished sooner. Every group runs even
when an earlier one fails; the exit status is non-zero if any group failed,
and the last line is the total, "N passed, N failed".
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSER_SUITES = ["tests/browser", "tests/practice", "tests/downloads", "tests/hostile"]
HELPERS = "tests/helpers"  # modules the suites import, no tests
PARALLEL = ["-n", "2", "--dist", "loadfile"]


def groups() -> list[tuple[list[str], list[str]]]:
    """Each group's paths, and the pytest options it runs with."""
    others = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "tests").iterdir()
        if p.relative_to(ROOT).as_posix() not in [*BROWSER_SUITES, HELPERS]
        and (p.is_dir() or (p.name.startswith("test_") and p.suffix == ".py"))
        and p.name != "__pycache__"
    )
    return [(others, PARALLEL)] + [([suite], []) for suite in BROWSER_SUITES if (ROOT / suite).exists()]


def main(extra: list[str]) -> int:
    totals = {"passed": 0, "failed": 0, "skipped": 0, "error": 0}
    status = 0
    for paths, options in groups():
        print(f"== pytest {' '.join(paths)}", flush=True)
        result = subprocess.run(
            [sys.executable, "-m", "pytest", *paths, "-q", "-p", "no:cacheprovider", *options, *extra],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        sys.stdout.write(result.stdout)
        summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
        for count, word in re.findall(r"(\d+) (passed|failed|skipped|errors?)", summary):
            totals["error" if word.startswith("error") else word] += int(count)
        if result.returncode not in (0,):
            status = 1
    failed = totals["failed"] + totals["error"]
    print(f"{totals['passed']} passed, {failed} failed, {totals['skipped']} skipped")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
