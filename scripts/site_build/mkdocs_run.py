"""The one MkDocs runner: a strict build in a process of its own, with the environment set once.

The configuration is the repository's mkdocs.yml, read as ``mkdocs build``
reads it (so every relative path in it still means what it says), with what
the caller changes: ``site_dir`` is where the site goes, ``docs_dir`` may be a
staged copy that holds the build's own pages and files, and theme features
may be added. The publishing build, the site and browser tests and the
benchmark all build through here or take its environment. The offline build
also sets ``OFFLINE=true`` (the offline plugin's switch in mkdocs.yml); the
theme override loads the iframe-worker shim from docs/ in place of the CDN
copy the plugin names.

Run as a script by :func:`run`; a separate process per build keeps each
build's plugins and logging apart, exactly as two ``mkdocs build`` runs.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

QUIET = {
    # MkDocs 1.x banners about "MkDocs 2" (see the README's toolchain notes).
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
}


def environment(*, offline: bool = False, epoch: int | None = None) -> dict[str, str]:
    """The environment of every MkDocs build: this one's, quiet, offline or not, dated or not."""
    env = dict(os.environ, **QUIET, OFFLINE="true" if offline else "false")
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    return env


def build(
    config_file: Path,
    site_dir: Path,
    *,
    docs_dir: Path | None = None,
    offline: bool = False,
    epoch: int | None = None,
    features: tuple[str, ...] = (),
    capture: bool = True,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``config_file`` into ``site_dir``, in a process of its own.

    ``docs_dir`` builds a staged copy in place of the configured one;
    ``features`` adds theme features (the tests' instant-navigation build).
    ``env`` adds variables (or overrides OFFLINE). Returns the finished
    process (its output captured unless ``capture`` is false).
    """
    command = [sys.executable, str(Path(__file__).resolve()), "--config-file", str(config_file)]
    command += ["--site-dir", str(site_dir)]
    if docs_dir is not None:
        command += ["--docs-dir", str(docs_dir)]
    for feature in features:
        command += ["--feature", feature]
    return subprocess.run(
        command,
        env={**environment(offline=offline, epoch=epoch), **(env or {})},
        cwd=config_file.parent,
        check=False,
        capture_output=capture,
        text=True,
        timeout=600,
    )


def run(config_file: Path, docs_dir: Path, site_dir: Path, *, offline: bool, epoch: int) -> None:
    """The publishing build's step: a build that stops the publishing build when it fails."""
    result = build(config_file, site_dir, docs_dir=docs_dir, offline=offline, epoch=epoch, capture=False)
    if result.returncode:
        raise SystemExit(f"mkdocs build of {docs_dir} failed (exit {result.returncode})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="mkdocs build --strict with another docs_dir")
    parser.add_argument("--config-file", type=Path, required=True)
    parser.add_argument("--docs-dir", type=Path, help="build this folder in place of the configured docs_dir")
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--feature", action="append", default=[], help="add this theme feature (repeatable)")
    args = parser.parse_args(argv)

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        docs_dir = {} if args.docs_dir is None else {"docs_dir": str(args.docs_dir.resolve())}
        config = load_config(str(args.config_file), site_dir=str(args.site_dir.resolve()), strict=True, **docs_dir)
        for feature in args.feature:
            config.theme["features"] = [*config.theme["features"], feature]
        mkdocs_build(config)
    except (Abort, ConfigurationError) as error:
        logger.error(str(error))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
