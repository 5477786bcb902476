"""What the build reads from the repository, and nothing from outside it.

The site's name, address and description come from mkdocs.yml, the topic
pages' reading order from scripts/editorial/topics.yml (the same list the
normaliser builds the navigation from), and the build's timestamp from the
last commit, so that two builds of one commit agree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = ROOT / "mkdocs.yml"
DOCS = ROOT / "docs"
TOPICS_YML = ROOT / "scripts" / "editorial" / "topics.yml"
SITE_YML = ROOT / "scripts" / "editorial" / "site.yml"

# The earliest time a zip entry can carry (1980-01-01T00:00:00Z).
ZIP_EPOCH = 315532800


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str

    @property
    def page(self) -> str:
        return f"{self.slug}.md"


@dataclass(frozen=True)
class Site:
    name: str
    url: str
    description: str
    flask_version: str | None


def _mkdocs_yaml(path: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (``!ENV`` tags and ``INHERIT`` resolved)."""
    from mkdocs.utils.yaml import yaml_load

    with path.open(encoding="utf-8") as handle:
        return yaml_load(handle) or {}


def config_files(root: Path = ROOT) -> list[str]:
    """What a build reads besides docs/, relative to ``root``: mkdocs.yml, the
    theme's folder (overrides/) and the MkDocs hooks that mkdocs.yml names."""
    hooks = _mkdocs_yaml(root / "mkdocs.yml").get("hooks") or []
    return ["mkdocs.yml", "overrides", *(str(hook) for hook in hooks)]


def stage_config(target: Path, root: Path = ROOT) -> None:
    """Copy :func:`config_files` into ``target``, each at its place, so that
    mkdocs.yml in ``target`` builds as it does in ``root``."""
    for name in config_files(root):
        source = root / name
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target / name, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target / name)


def site(root: Path = ROOT) -> Site:
    config = _mkdocs_yaml(root / "mkdocs.yml")
    url = str(config.get("site_url") or "")
    if url and not url.endswith("/"):
        url += "/"
    flask_version = None
    site_yml = root / SITE_YML.relative_to(ROOT)
    if site_yml.exists():
        data = yaml.safe_load(site_yml.read_text(encoding="utf-8")) or {}
        flask_version = data.get("flask_version")
    return Site(
        name=str(config.get("site_name", "")),
        url=url,
        description=" ".join(str(config.get("site_description", "")).split()),
        flask_version=str(flask_version) if flask_version else None,
    )


def topics(root: Path = ROOT) -> list[Topic]:
    """The topics that have a page, in reading order: the normaliser writes no
    page for a topic of topics.yml that has no question yet."""
    data = yaml.safe_load((root / TOPICS_YML.relative_to(ROOT)).read_text(encoding="utf-8"))
    docs = root / DOCS.relative_to(ROOT)
    return [Topic(slug=item["slug"], title=item["title"]) for item in data if (docs / f"{item['slug']}.md").is_file()]


def source_date_epoch(root: Path = ROOT) -> int:
    """SOURCE_DATE_EPOCH if set, else the time of the last commit.

    MkDocs takes its pages' dates (the sitemap's ``lastmod``) from the same
    variable, and the zip entries and the PDF's dates use it too.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value and value.strip().isdigit():
        return max(int(value), ZIP_EPOCH)
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return max(int(out), ZIP_EPOCH)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return ZIP_EPOCH


def edition_date(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%d")
