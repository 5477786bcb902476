"""Descriptions and sharing tags on every page; the 404 page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import sitebuild

DOCS = sitebuild.ROOT / "docs"


def built_pages(site_dir):
    """(source page, built HTML) for every page of docs/ that was built."""
    for source in sorted(DOCS.glob("*.md")):
        html = sitebuild.page_html(site_dir, source.name)
        if html.is_file():
            yield source, html


def test_every_page_has_its_own_description_and_sharing_tags(site_dir, parsed):
    pages = list(built_pages(site_dir))
    assert len(pages) >= 15
    wrong = []
    for source, html in pages:
        front = sitebuild.front_matter(source)
        page = parsed[html]
        title, description = front.get("title"), front.get("description")
        if not (title and description):
            wrong.append(f"{source.name}: front matter lacks title or description")
            continue
        canonical = [link.attrs["href"] for link in page.all("link", rel="canonical")]
        expected = {
            "description": description,
            "og:title": title,
            "og:description": description,
            "og:url": canonical[0] if canonical else None,
            "og:type": "website" if source.name == "index.md" else "article",
            "twitter:card": "summary",
        }
        for key, value in expected.items():
            if page.meta(key) != value:
                wrong.append(f"{source.name}: {key} is {page.meta(key)!r}, expected {value!r}")
        if not canonical or not canonical[0].startswith(sitebuild.site_url()):
            wrong.append(f"{source.name}: canonical URL {canonical} is not under site_url")
    assert not wrong, "\n".join(wrong)


def test_the_404_page_says_so_and_leads_back(site_dir, parsed):
    path = site_dir / "404.html"
    text = path.read_text(encoding="utf-8")
    page = parsed[path]
    assert re.search(r"<h1>Page not found</h1>", text)
    assert "<title>Page not found - Flask Interview Guide</title>" in text
    # Served for any unknown address, so its links start from the site's root.
    base = urlsplit(sitebuild.site_url()).path
    hrefs = {element.attrs.get("href") for element in page.all("a")}
    assert f"{base}all-questions/" in hrefs
    assert page.meta("description")
    assert page.meta("og:title") == "Page not found"
    assert page.meta("og:url") is None
