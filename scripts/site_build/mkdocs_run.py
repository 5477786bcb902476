"""One MkDocs build of a staged copy of docs/, in a process of its own.

The configuration is the repository's mkdocs.yml, read as ``mkdocs build``
reads it (so every relative path in it still means what it says), with two
things changed: ``docs_dir`` is the staged copy that holds the build's own
pages and files, and ``site_dir`` is where the site goes. The offline build
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


def run(config_file: Path, docs_dir: Path, site_dir: Path, *, offline: bool, epoch: int) -> None:
    env = dict(os.environ, **QUIET, OFFLINE="true" if offline else "false", SOURCE_DATE_EPOCH=str(epoch))
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--config-file",
        str(config_file),
        "--docs-dir",
        str(docs_dir),
        "--site-dir",
        str(site_dir),
    ]
    result = subprocess.run(command, env=env, cwd=config_file.parent, check=False)
    if result.returncode:
        raise SystemExit(f"mkdocs build of {docs_dir} failed (exit {result.returncode})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="mkdocs build --strict with another docs_dir")
    parser.add_argument("--config-file", type=Path, required=True)
    parser.add_argument("--docs-dir", type=Path, required=True)
    parser.add_argument("--site-dir", type=Path, required=True)
    args = parser.parse_args(argv)

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        config = load_config(
            str(args.config_file),
            docs_dir=str(args.docs_dir.resolve()),
            site_dir=str(args.site_dir.resolve()),
            strict=True,
        )
        build(config)
    except (Abort, ConfigurationError) as error:
        logger.error(str(error))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
