"""The folder and process state an in-process example runs in, and how it is put back.

Examples run in the test's own interpreter (fast, and their tracebacks show
the page's lines), so each gets a fresh folder as its cwd and first import
path, no network, no servers, a time limit, and afterwards the cwd,
``sys.path``, ``os.environ`` and ``sys.modules`` exactly as they were.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import linecache
import os
import signal
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .entries import is_int
from .failures import ExampleFailure
from .network import PROXY_VARS, NetworkGuard
from .pages import Block, Question

# Seconds an example may take before it is stopped.
RUN_TIMEOUT = 60


def _register_source(block: Block) -> str:
    """A file name for tracebacks that shows the block's source and page."""
    filename = f"<{block.page}:{block.line} {block.id}>"
    linecache.cache[filename] = (len(block.text), None, block.text.splitlines(True), filename)
    return filename


def resolve_files(entry: dict, question: Question) -> dict[str, str]:
    files = entry.get("files") or {}
    out: dict[str, str] = {}
    for name, value in files.items():
        out[name] = question.checked_block(value).text if is_int(value) else value
    return out


def write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _is_under(path: Any, folder: Path) -> bool:
    if not isinstance(path, str):
        return False
    try:
        return Path(path).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False


def _module_is_under(module: Any, folder: Path) -> bool:
    if _is_under(getattr(module, "__file__", None), folder):
        return True
    paths = getattr(module, "__path__", None)
    try:
        return any(_is_under(p, folder) for p in (paths or []))
    except TypeError:
        return False


@contextlib.contextmanager
def _time_limit(seconds: float, what: str) -> Iterator[None]:
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise ExampleFailure(f"{what}: still running after {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _no_servers(block: Block) -> Iterator[None]:
    """app.run() and run_simple() would serve forever: make them fail instead."""
    import flask
    import werkzeug.serving

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise ExampleFailure(
            f"{block.id}: the example starts a server (app.run / run_simple) when "
            'imported; put it under `if __name__ == "__main__":`'
        )

    saved = [(flask.Flask, "run", flask.Flask.run), (werkzeug.serving, "run_simple", werkzeug.serving.run_simple)]
    for owner, name, _ in saved:
        setattr(owner, name, refuse)
    try:
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def _top_level_names(folder: Path) -> set[str]:
    names = set()
    for child in folder.iterdir():
        if child.suffix == ".py":
            names.add(child.stem)
        elif child.is_dir() and child.name.isidentifier():
            names.add(child.name)
    return names


@contextlib.contextmanager
def _process_state_kept(folder: Path) -> Iterator[None]:
    """``folder`` as cwd and first import path; on leaving, the cwd, sys.path,
    os.environ and sys.modules as they were (modules imported from the folder,
    and "example", removed; modules of the same name from elsewhere put back)."""
    old_cwd = os.getcwd()
    old_path = list(sys.path)
    old_environ = dict(os.environ)
    sys.modules.pop("example", None)
    # Modules of the same name imported from elsewhere must not shadow the folder's.
    shadowed = {
        name: sys.modules.pop(name)
        for name in _top_level_names(folder)
        if name in sys.modules and not _module_is_under(sys.modules[name], folder)
    }
    old_modules = set(sys.modules)
    try:
        os.chdir(folder)
        sys.path.insert(0, str(folder))
        importlib.invalidate_caches()
        yield
    finally:
        os.chdir(old_cwd)
        sys.path[:] = old_path
        sys.path_importer_cache.pop(str(folder), None)
        for name in set(sys.modules) - old_modules:
            if name == "example" or _module_is_under(sys.modules.get(name), folder):
                del sys.modules[name]
        sys.modules.update(shadowed)
        os.environ.clear()
        os.environ.update(old_environ)


@contextlib.contextmanager
def _no_network(block: Block) -> Iterator[None]:
    """Proxies unset and the network guard installed; an attempt fails the
    example even when the example caught the error it got."""
    for var in PROXY_VARS:
        os.environ.pop(var, None)
    guard = NetworkGuard().install()
    try:
        yield
    except BaseException as exc:
        if guard.attempts:
            exc.add_note(f"blocked network access: {'; '.join(guard.attempts)}")
        raise
    finally:
        guard.uninstall()
    if guard.attempts:
        raise ExampleFailure(f"{block.id} ({block.where}) tried to reach the network: " + "; ".join(guard.attempts))


@contextlib.contextmanager
def sandbox(tmp_path: Path, block: Block, files: dict[str, str]) -> Iterator[None]:
    """A fresh folder as cwd and first import path, ``files`` written into it,
    no network, no servers, a time limit; on leaving, the process as it was
    (see ``_process_state_kept``)."""
    folder = Path(tmp_path).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    write_files(folder, files)
    with (
        _process_state_kept(folder),
        _no_network(block),
        _no_servers(block),
        _time_limit(RUN_TIMEOUT, f"{block.id} ({block.where})"),
    ):
        yield


def _exec_block(block: Block, namespace: dict) -> None:
    code = compile(block.text, _register_source(block), "exec")
    try:
        exec(code, namespace)
    except SystemExit as exc:
        raise ExampleFailure(f"{block.id} ({block.where}) called sys.exit({exc.code!r})") from exc
    except ExampleFailure:
        raise
    except Exception as exc:
        exc.add_note(f"while executing {block.id} ({block.where})")
        raise


def execute_module(block: Block, question: Question, with_blocks: list[int], folder: Path) -> types.ModuleType:
    """Run ``with_blocks`` then the block as module "example" (registered in
    sys.modules; the sandbox removes it)."""
    path = folder / "example.py"
    module = types.ModuleType("example")
    module.__file__ = str(path)
    spec = importlib.util.spec_from_file_location("example", path)
    assert spec is not None  # a path ending in .py always has one
    module.__spec__, module.__loader__ = spec, spec.loader
    sys.modules["example"] = module
    for n in with_blocks:
        _exec_block(question.checked_block(n), module.__dict__)
    _exec_block(block, module.__dict__)
    return module
