"""Run the test suite in groups, one pytest process each, and total the results.

    python scripts/run_tests.py [pytest arguments]

Playwright's sync API allows one running instance per process, and each browser
suite keeps one for its whole session, so each runs in a process of its own,
one after another; everything else runs together, beside them. Every group runs even when an earlier one
fails; the exit status is non-zero if any group failed, and the last line is
the total, "N passed, N failed".
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSER_SUITES = ["tests/browser", "tests/practice", "tests/downloads", "tests/hostile"]


def groups() -> list[list[str]]:
    others = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "tests").iterdir()
        if p.relative_to(ROOT).as_posix() not in BROWSER_SUITES
        and (p.is_dir() or (p.name.startswith("test_") and p.suffix == ".py"))
        and p.name != "__pycache__"
    )
    return [others] + [[suite] for suite in BROWSER_SUITES if (ROOT / suite).exists()]


def _command(paths: list[str], extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "pytest", *paths, "-q", "-p", "no:cacheprovider", *extra]


def _tally(output: str, totals: dict[str, int]) -> None:
    summary = output.strip().splitlines()[-1] if output.strip() else ""
    for count, word in re.findall(r"(\d+) (passed|failed|skipped|errors?)", summary):
        totals["error" if word.startswith("error") else word] += int(count)


def main(extra: list[str]) -> int:
    """The first group (no browser: builds and unit tests) runs beside the
    browser suites, which run one after another: a browser suite spends much
    of its time waiting on pages, and the two together fit the CI budget."""
    totals = {"passed": 0, "failed": 0, "skipped": 0, "error": 0}
    status = 0
    first, *suites = groups()
    with tempfile.TemporaryFile(mode="w+") as first_output:
        background = subprocess.Popen(
            _command(first, extra), cwd=ROOT, stdout=first_output, stderr=subprocess.STDOUT, text=True
        )
        for paths in suites:
            print(f"== pytest {' '.join(paths)}", flush=True)
            result = subprocess.run(
                _command(paths, extra), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
            sys.stdout.write(result.stdout)
            _tally(result.stdout, totals)
            status |= result.returncode != 0
        returncode = background.wait()
        first_output.seek(0)
        output = first_output.read()
    print(f"== pytest {' '.join(first)}", flush=True)
    sys.stdout.write(output)
    _tally(output, totals)
    status |= returncode != 0
    failed = totals["failed"] + totals["error"]
    print(f"{totals['passed']} passed, {failed} failed, {totals['skipped']} skipped")
    return int(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
