"""Every install is pinned and hashed: the lock files come from the short input files."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {"requirements.in": "requirements.txt", "requirements-test.in": "requirements-test.txt"}


def pins(path: Path) -> dict[str, str]:
    """``name -> version`` of every ``name==version`` line (names normalised as pip does)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._\[\]-]*)==([^\s;\\]+)", line)
        if match:
            name = re.sub(r"\[.*\]", "", match.group(1))
            found[re.sub(r"[-_.]+", "-", name).lower()] = match.group(2)
    return found


def entries(lock: Path) -> list[str]:
    """The lock's requirement entries, each with its continuation lines."""
    text = lock.read_text(encoding="utf-8")
    return [e for e in re.split(r"\n(?=[A-Za-z0-9])", text) if not e.startswith("#")]


@pytest.mark.parametrize("source", list(LOCKS))
def test_every_pin_of_an_input_file_is_in_its_lock_at_the_same_version(source):
    wanted = pins(ROOT / source)
    if source == "requirements-test.in":
        wanted |= pins(ROOT / "requirements.in")
    locked = pins(ROOT / LOCKS[source])
    assert wanted, source
    assert {name: locked.get(name) for name in wanted} == wanted


@pytest.mark.parametrize("lock", list(LOCKS.values()))
def test_every_locked_package_is_pinned_with_hashes(lock):
    found = entries(ROOT / lock)
    assert len(found) > 20
    for entry in found:
        assert re.match(r"^\S+==\S+ \\$", entry.splitlines()[0]), entry.splitlines()[0]
        assert "--hash=sha256:" in entry, entry.splitlines()[0]


def test_the_two_locks_agree_on_every_package_they_share():
    site, test = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements-test.txt")
    assert set(site) <= set(test)
    assert {name: test[name] for name in site} == site


@pytest.mark.parametrize("script", ["scripts/test.sh", "scripts/serve.sh"])
def test_the_readme_commands_install_with_hashes(script):
    text = (ROOT / script).read_text(encoding="utf-8")
    installs = [line for line in text.splitlines() if "pip install" in line and not line.lstrip().startswith("#")]
    assert installs and all("--require-hashes" in line for line in installs)


def test_the_workflow_audit_finds_nothing_above_informational():
    zizmor = ROOT / ".venv" / "bin" / "zizmor"
    command = [str(zizmor) if zizmor.exists() else "zizmor", "--offline", "--min-severity", "low", ".github/"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr
