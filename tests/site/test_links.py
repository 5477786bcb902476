"""Links inside the built site resolve, and nothing is loaded from elsewhere."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import sitebuild

# (tag, attribute) pairs that point at another document or a resource.
LINKING = [
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
]


def base_path() -> str:
    return urlsplit(sitebuild.site_url()).path


def test_every_internal_link_resolves_to_a_file_and_an_id(site_dir, parsed):
    broken = []
    checked = 0
    for path, page in parsed.items():
        for tag, attribute in LINKING:
            for element in page.all(tag):
                url = element.attrs.get(attribute)
                if not url:
                    continue
                target = sitebuild.local_target(site_dir, path, url, base_path())
                if target is None:
                    continue
                checked += 1
                file, fragment = target
                where = f"{path.relative_to(site_dir)}: {tag} {attribute}={url!r}"
                if not file.is_file():
                    broken.append(
                        f"{where}: no file {file.relative_to(site_dir) if file.is_relative_to(site_dir) else file}"
                    )
                elif fragment and file.suffix == ".html" and fragment not in parsed[file].ids:
                    broken.append(f"{where}: no id {fragment!r}")
    assert checked > 1000, f"only {checked} internal links found: is the parser still finding them?"
    assert not broken, "\n".join(broken)


def test_the_sitemap_lists_every_page_and_only_pages(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    listed = set()
    for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        target = sitebuild.local_target(site_dir, site_dir / "sitemap.xml", loc, base_path())
        assert target is not None, f"{loc} is not on {sitebuild.site_url()}"
        listed.add(target[0])
    pages = {
        path
        for path in site_dir.rglob("*.html")
        if path.name != "404.html" and path.relative_to(site_dir).parts[0] != "q"
    }
    assert listed == pages


# Attributes through which a page loads something, as opposed to linking to it.
LOADING = [
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
]
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "apple-touch-icon",
}


def test_no_page_loads_anything_from_another_host(site_dir, parsed):
    foreign = []
    for path, page in parsed.items():
        loads = [(tag, element.attrs.get(attribute, "")) for tag, attribute in LOADING for element in page.all(tag)]
        loads += [
            ("link", element.attrs.get("href", ""))
            for element in page.all("link")
            if set(element.attrs.get("rel", "").split()) & LOADING_LINK_RELS
        ]
        loads += [("srcset", element.attrs["srcset"]) for element in page.elements if "srcset" in element.attrs]
        for tag, url in loads:
            if re.match(r"(https?:)?//", url.strip()):
                foreign.append(f"{path.relative_to(site_dir)}: {tag} {url}")
    for stylesheet in site_dir.rglob("*.css"):
        for url in re.findall(
            r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", stylesheet.read_text(encoding="utf-8")
        ):
            foreign.append(f"{stylesheet.relative_to(site_dir)}: {url}")
    assert not foreign, "\n".join(foreign)
