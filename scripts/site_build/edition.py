"""The footer's facts: the Flask version the answers were checked against and the edition.

Both are read from files of the repository, never from the clock, so that two
builds of one commit are byte-identical: the Flask version from
scripts/editorial/site.yml (``flask_version``, which a test keeps equal to the
Flask pin) and the edition from pyproject.toml (``version``, e.g. 2026.12).
overrides/partials/copyright.html shows them as ``config.extra.guide``. A copy
of the site without those files (a test's scratch project) has no such line.

A MkDocs hook (mkdocs.yml ``hooks``), kept here rather than in overrides/:
Zensical publishes every file of the theme's folder, Python included. Zensical
runs no hooks, so its build's footer has no such line either.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml


def facts(root: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    site_yml = root / "scripts" / "editorial" / "site.yml"
    if site_yml.is_file():
        site = yaml.safe_load(site_yml.read_text(encoding="utf-8")) or {}
        if site.get("flask_version"):
            found["flask_version"] = str(site["flask_version"])
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        version = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {}).get("version")
        if version:
            found["edition"] = str(version)
    return found


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    guide = dict(config.extra.get("guide") or {})
    for key, value in facts(root).items():
        guide.setdefault(key, value)
    config.extra["guide"] = guide
    return config
