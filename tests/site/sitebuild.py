"""Build the site once per test session and builder, and read what was built.

Shared by tests/site (checks on the built files) and tests/browser (which
serves the same builds); both conftests import it, and each build is cached
here so that a run of both suites builds the site only once per builder.

Two builders read the same mkdocs.yml: MkDocs with Material (the site as
published) and Zensical, Material's successor. Both builds go through the
search ranking step (site_build.search_ranking): MkDocs runs it as a hook,
and build_once runs it after Zensical's build, which runs no hooks.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from guide import frontmatter
from site_build import bundle, code_focus, mkdocs_run, search_ranking, short_links

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"
BUILDERS = ("mkdocs", "zensical")


def mkdocs_build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` (site_build.mkdocs_run) and return the finished process (``env``: variables to add)."""
    return mkdocs_run.build(config, site_dir, env=env)


# What Zensical builds from: the configuration's folder holds all of these.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@functools.cache
def network_namespaces() -> bool:
    """Whether a command can be run with no network at all (``unshare --net``, as root on Linux)."""
    if not shutil.which("unshare"):
        return False
    try:
        return subprocess.run(["unshare", "--net", "true"], capture_output=True, timeout=30).returncode == 0
    except OSError:
        return False


def zensical_build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``zensical build --strict`` and return the finished process (colours removed).

    Zensical builds only inside the configuration's folder (its site_dir and
    docs_dir must lie within it), so the project's site sources are copied to
    a folder beside ``site_dir``, built there, and the site moved to
    ``site_dir``. Where it can, the build runs with no network at all, which
    shows that Zensical needs none.
    """
    project = site_dir.with_name(site_dir.name + "-zensical-project")
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = config.parent / part
        if source.is_dir():
            shutil.copytree(source, project / part)
        elif source.is_file():
            shutil.copy(source, project / part)
    bundle.publish(project / "docs", project / "docs", drop_parts=True)  # what the bundle hook does for MkDocs
    command = [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", "mkdocs.yml"]
    if network_namespaces():
        command = ["unshare", "--net", *command]
    done = subprocess.run(
        command, cwd=project, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=600
    )
    done.stdout, done.stderr = ANSI.sub("", done.stdout), ANSI.sub("", done.stderr)
    if done.returncode == 0:
        if site_dir.exists():
            shutil.rmtree(site_dir)
        shutil.move(project / "site", site_dir)
    return done


def build(builder: str, config: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A strict build of ``config`` into ``site_dir`` with ``builder`` ("mkdocs" or "zensical")."""
    if builder == "mkdocs":
        return mkdocs_build(config, site_dir, env)
    if builder == "zensical":
        return zensical_build(config, site_dir, env)
    raise ValueError(f"unknown builder {builder!r}")


_built: dict[str, Path] = {}


def build_once(tmp_path_factory, builder: str = "mkdocs") -> Path:
    """The site built strictly from the current docs/ by ``builder``, search
    ranking included, once per session."""
    if builder not in _built:
        site_dir = tmp_path_factory.mktemp(f"site-{builder}")
        done = build(builder, CONFIG, site_dir)
        if done.returncode != 0:
            raise AssertionError(f"{builder} build --strict failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        if builder == "zensical":  # MkDocs ran the step itself, as its hook
            search_ranking.rank(site_dir, ROOT / "docs")
            short_links.rewrite(site_dir, list(redirect_maps()))
            code_focus.rewrite(site_dir)
        _built[builder] = site_dir
    return _built[builder]


@dataclass
class SearchIndex:
    """A built search index, as either builder writes it."""

    separator: str
    entries: list[dict]  # each with location and title; Material's also with boost


def search_index(site_dir: Path) -> SearchIndex:
    for name, key in ((search_ranking.MATERIAL[0], "docs"), (search_ranking.ZENSICAL[0], "items")):
        path = site_dir / name
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            return SearchIndex(separator=data["config"]["separator"], entries=data[key])
    raise AssertionError(f"{site_dir}: no search index")


def site_url() -> str:
    """site_url from mkdocs.yml (read without INHERIT, which it does not need)."""
    with CONFIG.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("site_url:"):
                return line.split(":", 1)[1].strip()
    raise AssertionError("mkdocs.yml has no site_url")


def front_matter(markdown_file: Path) -> dict:
    """The YAML front matter of a page in docs/."""
    front = frontmatter.split(markdown_file.read_text(encoding="utf-8")).yaml
    return (yaml.safe_load(front) or {}) if front else {}


def redirect_maps() -> dict[str, str]:
    """The short links the normaliser generated: {"q/<id>.md": "<page>.md#<id>"}."""
    data = yaml.safe_load((ROOT / "docs" / "generated.yml").read_text(encoding="utf-8"))
    return data["plugins"]["redirects"]["redirect_maps"]


@functools.cache
def normaliser_report() -> list[tuple[str, str, str]]:
    """(source place, page, id) for every source question, from ``--report``."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "normalise.py"), "--report"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    rows = []
    for line in done.stdout.splitlines():
        place, target = line.split("\t")[:2]  # a third column marks authored questions
        page, _, anchor = target.partition("#")
        rows.append((place, page, anchor))
    return rows


def page_html(site_dir: Path, page_md: str) -> Path:
    """The built HTML of a docs/ page (directory URLs: basics.md -> basics/index.html)."""
    stem = page_md.removesuffix(".md")
    if stem == "index":
        return site_dir / "index.html"
    return site_dir / stem / "index.html"


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def has(self, **attrs: str) -> bool:
        for name, value in attrs.items():
            if name == "class_":
                if value not in self.classes():
                    return False
            elif self.attrs.get(name.replace("_", "-")) != value:
                return False
        return True


@dataclass
class ParsedPage:
    """The parts of a built HTML file that the tests look at."""

    path: Path
    ids: set[str] = field(default_factory=set)
    elements: list[Element] = field(default_factory=list)

    def all(self, tag: str, **attrs: str) -> list[Element]:
        """Elements with that tag and attributes (class_ matches one class)."""
        return [element for element in self.elements if element.tag == tag and element.has(**attrs)]

    def meta(self, key: str) -> str | None:
        for element in self.all("meta"):
            if element.attrs.get("name") == key or element.attrs.get("property") == key:
                return element.attrs.get("content")
        return None


class _Collector(HTMLParser):
    def __init__(self, page: ParsedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        values = {name: (value if value is not None else "") for name, value in attrs}
        self.page.elements.append(Element(tag, values))
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])


def parse(path: Path) -> ParsedPage:
    page = ParsedPage(path)
    collector = _Collector(page)
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return page


def local_target(site_dir: Path, page_path: Path, url: str, base_path: str) -> tuple[Path, str] | None:
    """Where a link in a built page points inside the site: (file, fragment).

    None for links to other hosts and non-file schemes. A link to the site's
    own public address (site_url) or to an absolute path under it is mapped
    back onto the built files.
    """
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "javascript", "data", "tel"):
        return None
    public = urlsplit(site_url())
    if parts.scheme or parts.netloc:
        if (parts.scheme, parts.netloc) != (public.scheme, public.netloc):
            return None
        path = parts.path
    else:
        path = parts.path
    path = unquote(path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            raise AssertionError(f"{page_path}: absolute link {url!r} is outside {base_path}")
        target = site_dir / path[len(base_path) :]
    elif path:
        target = page_path.parent / path
    else:
        target = page_path
    target = Path(os.path.normpath(target))
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)
