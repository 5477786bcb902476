"""Build the site once per test session and read what was built.

Shared by tests/site (checks on the built files) and tests/browser (which
serves the same build); both conftests import it, and the build is cached
here so that a run of both suites builds the site only once.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from guide import frontmatter
from site_build import mkdocs_run

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` (site_build.mkdocs_run) and return the finished process."""
    return mkdocs_run.build(config, site_dir)


_built: dict[str, Path] = {}


def build_once(tmp_path_factory) -> Path:
    """The site built strictly from the current docs/, once per session."""
    if "site" not in _built:
        site_dir = tmp_path_factory.mktemp("site")
        done = mkdocs_build(CONFIG, site_dir)
        if done.returncode != 0:
            raise AssertionError(f"mkdocs build --strict failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        _built["site"] = site_dir
    return _built["site"]


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
