"""``pytest`` and ``shell`` entries: blocks run in a subprocess, still without network.

A pytest file or a flask command cannot run inside the test's interpreter, so
they run as children with a ``sitecustomize`` that installs the network guard
(``network.py``) and logs every refused attempt for the parent to report.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from .entries import as_list, shell_commands
from .failures import ExampleFailure, check_contains, excerpt
from .network import NETGUARD_LOG_VAR, PROXY_VARS
from .pages import Block, Question
from .sandbox import RUN_TIMEOUT, resolve_files, write_files

SUBPROCESS_TIMEOUT = 180


_SITECUSTOMIZE = """\
import importlib.util as _util
_spec = _util.spec_from_file_location("_examples_netguard", {network!r})
_module = _util.module_from_spec(_spec)
__import__("sys").modules[_spec.name] = _module
_spec.loader.exec_module(_module)
_module.install_guard_from_env()
"""


def _child_environment(guard: Path, log: Path) -> dict[str, str]:
    """This process's environment without proxies and without the variables
    of Flask, pytest and Python that would change how the child runs; the
    guard's sitecustomize first on its path, refused attempts logged to ``log``."""
    env = {
        k: v for k, v in os.environ.items() if k not in PROXY_VARS and not k.startswith(("FLASK_", "PYTEST_", "PYTHON"))
    }
    env.update(
        PYTHONPATH=str(guard),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONIOENCODING="utf-8",
        NO_COLOR="1",
    )
    env[NETGUARD_LOG_VAR] = str(log)
    return env


def run_subprocess(
    argv: list[str], cwd: Path, what: str, timeout: float = SUBPROCESS_TIMEOUT, at: tuple[int | str, ...] = ()
) -> subprocess.CompletedProcess:
    """Run a command with the network guard installed in the child (through a
    sitecustomize on PYTHONPATH); fail if it tried to reach the network."""
    with tempfile.TemporaryDirectory(prefix="examples-guard-") as guard_dir:
        guard = Path(guard_dir)
        (guard / "sitecustomize.py").write_text(
            _SITECUSTOMIZE.format(network=str(Path(__file__).resolve().with_name("network.py"))), encoding="utf-8"
        )
        log = guard / "blocked.log"
        try:
            result = subprocess.run(
                argv,
                cwd=cwd,
                env=_child_environment(guard, log),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as exc:
            raise ExampleFailure(f"{what}: still running after {timeout} seconds", at=at) from exc
        attempts = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    if attempts:
        raise ExampleFailure(f"{what} tried to reach the network: {'; '.join(attempts)}", at=at)
    return result


def check_pytest(block: Block, question: Question, entry: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    files = resolve_files(entry, question)
    files["test_example.py"] = block.text
    write_files(folder, files)
    what = f"{block.id} ({block.where}) as test_example.py"
    result = run_subprocess(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_example.py"],
        folder,
        what,
        at=("pytest",),
    )
    if result.returncode != 0:
        raise ExampleFailure(
            f"{what}: pytest exited with {result.returncode}\n" + excerpt(result.stdout + result.stderr, 4000),
            at=("pytest",),
        )


def check_shell(block: Block, question: Question, entry: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    files = resolve_files(entry, question)
    if block.kind == "python":
        files.setdefault("example.py", block.text)
    write_files(folder, files)
    # A list of commands runs in order in the same folder (flask db init, then
    # flask db migrate...); each must succeed, and `contains` looks at them all.
    outputs = []
    for i, command in enumerate(shell_commands(entry)):
        argv = [sys.executable, "-m", "flask", *shlex.split(command)[1:]]
        what = f"{block.id} ({block.where}): `{command}`"
        result = run_subprocess(argv, folder, what, timeout=RUN_TIMEOUT, at=("shell", i))
        if result.returncode != 0:
            raise ExampleFailure(
                f"{what} exited with {result.returncode}\n  stdout: {excerpt(result.stdout)}"
                f"\n  stderr: {excerpt(result.stderr, 2000)}",
                at=("shell", i),
            )
        outputs.append(result.stdout)
    commands = " then ".join(f"`{c}`" for c in shell_commands(entry))
    what = f"{block.id} ({block.where}): {commands} stdout"
    check_contains("".join(outputs), as_list(entry.get("contains")), what, ("contains",))
