"""All-or-nothing output under SIGKILL and concurrent runs, driven through the command line.

The normaliser is stopped at named steps of its switch-over (NORMALISE_TEST_HOOK,
see scripts/guide/faults.py) and killed there with SIGKILL; the output must
then be entirely the old tree or entirely the new one, and the next run must
leave nothing behind.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "normalise.py"
OLD = b"1) What is Flask?\nFlask is a micro web framework.\n\n2) How do you install Flask?\nRun this:\npip install Flask\n"
NEW = b"1) What is Flask?\nFlask is small.\n\n2) What is a blueprint?\nA group of routes.\n"


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def source(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "a.txt").write_bytes(data)
    return folder


STARTED: list[subprocess.Popen] = []


def start(src: Path, out: Path, **env: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), "--sources", str(src), "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    STARTED.append(process)
    return process


def run(src: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--sources", str(src), "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(autouse=True)
def no_process_left():
    yield
    while STARTED:
        process = STARTED.pop()
        if process.poll() is None:
            process.kill()
        process.wait(30)
        process.stderr.close()


def wait_for(process: subprocess.Popen, text: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        seen += line
        if text in line:
            return
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"never printed {text!r}: {seen}")


@pytest.fixture
def trees(tmp_path):
    """An output written from OLD, the tree NEW gives, and the sources of both."""
    old_src, new_src = source(tmp_path, "old-src", OLD), source(tmp_path, "new-src", NEW)
    expected = tmp_path / "expected" / "docs"
    assert run(new_src, expected).returncode == 0
    out = tmp_path / "site" / "docs"
    out.parent.mkdir()
    assert run(old_src, out).returncode == 0
    (out / "hand-written.md").write_text("kept by every run")
    return out, tree(out), new_src, {**tree(expected), "hand-written.md": tree(out)["hand-written.md"]}


@pytest.mark.parametrize("step, whole", [("writing", "old"), ("staged", "old"), ("switched", "new")])
def test_sigkill_during_the_switch_leaves_one_whole_tree(trees, step, whole):
    out, old, new_src, new = trees
    process = start(new_src, out, NORMALISE_TEST_HOOK=f"{step}:pause")
    wait_for(process, f"paused at {step}")
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert tree(out) == (old if whole == "old" else new)

    again = run(new_src, out)
    assert again.returncode == 0, again.stderr
    assert tree(out) == new
    assert [p.name for p in out.parent.iterdir()] == ["docs"], "no staging folder left behind"


def test_check_names_what_a_killed_run_left(trees):
    out, _, new_src, _ = trees
    process = start(new_src, out, NORMALISE_TEST_HOOK="staged:pause")
    wait_for(process, "paused at staged")
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    check = subprocess.run(
        [sys.executable, str(SCRIPT), "--sources", str(new_src), "--out", str(out), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and "left by an interrupted run" in check.stderr


def test_a_second_run_waits_for_the_first(trees):
    out, _, new_src, new = trees
    first = start(new_src, out, NORMALISE_TEST_HOOK="staged:pause")
    wait_for(first, "paused at staged")
    second = start(new_src, out, NORMALISE_LOCK_TIMEOUT="120")
    wait_for(second, "waiting for another run")
    assert second.poll() is None, "the second run does not write while the first holds the lock"
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    assert second.wait(120) == 0, second.stderr.read()
    assert tree(out) == new
    assert [p.name for p in out.parent.iterdir()] == ["docs"]


def test_a_second_run_that_cannot_wait_is_refused_and_changes_nothing(trees):
    out, old, new_src, _ = trees
    first = start(new_src, out, NORMALISE_TEST_HOOK="staged:pause")
    wait_for(first, "paused at staged")
    second = start(new_src, out, NORMALISE_LOCK_TIMEOUT="0.5")
    status, error = second.wait(60), second.stderr.read()
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    assert status == 2 and "another normaliser run is writing here" in error and "Traceback" not in error
    assert tree(out) == old


def test_runs_at_once_each_leave_a_whole_tree(trees, tmp_path):
    out, old, new_src, new = trees
    old_src = tmp_path / "old-src"
    runs = [start(old_src if n % 2 else new_src, out) for n in range(4)]
    assert [run.wait(180) for run in runs] == [0, 0, 0, 0]
    assert tree(out) in (old, new)
    assert [p.name for p in out.parent.iterdir()] == ["docs"]
