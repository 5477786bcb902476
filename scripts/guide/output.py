"""Writing the generated files: all of them or none, and checking they are current.

Everything is rendered in memory first; then the files are written into a
temporary folder beside the target and moved into place, so a failure never
leaves a half-written docs/. Files carrying the generated marker that the
new run no longer produces are removed; hand-written files are never touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .render import MARKER


def _generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return MARKER in handle.read(600)
    except (UnicodeDecodeError, OSError):
        return False


def existing_generated(out: Path) -> set[str]:
    if not out.exists():
        return set()
    return {
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.suffix in (".md", ".yml", ".js") and _generated(p)
    }


def stale(files: dict[str, str], out: Path) -> list[str]:
    """Generated files that differ from what would be written, or should not exist."""
    differing = []
    for name, content in sorted(files.items()):
        target = out / name
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            differing.append(name)
    differing += sorted(existing_generated(out) - set(files))
    return differing


def write(files: dict[str, str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".normalise-", dir=out.parent))
    try:
        for name, content in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
        for name in sorted(files):
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, target)
        for name in sorted(existing_generated(out) - set(files)):
            (out / name).unlink()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
