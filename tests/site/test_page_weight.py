"""What a page loads up front (issue 13): one stylesheet and two scripts of ours,
no list of questions in any page, and short links that carry nothing but the
redirect."""

from __future__ import annotations

import re
from pathlib import Path

import sitebuild

OURS = "assets/stylesheets/guide.bundle.min.css"
OUR_SCRIPTS = ["assets/javascripts/guide.bundle.min.js", "assets/javascripts/practice.min.js"]
# The small files the bundles replace: no page links to them, and they are not published.
PARTS = ["guide.css", "practice.css", "copy-link.js", "accessibility.js", "search-help.js"]
# The type of the script elements that the pages hold back until their first paint.
HELD = "text/x-after-paint"
SHORT_LINK_BUDGET = 700  # bytes of a q/<id>/ page


def own(path: str) -> str:
    """An asset's path from the site's root, from a page's link (relative, or absolute in 404.html)."""
    return re.sub(r"^(\.\./)+|^\./|^/[^/]+/(?=assets/)", "", path)


def pages(parsed: dict[Path, sitebuild.ParsedPage], site_dir: Path) -> dict[Path, sitebuild.ParsedPage]:
    """Every page of the site but the short links."""
    return {path: page for path, page in parsed.items() if "q" not in path.relative_to(site_dir).parts[:1]}


def test_every_page_links_one_stylesheet_and_two_scripts_of_ours(parsed, site_dir):
    wrong = {}
    for path, page in pages(parsed, site_dir).items():
        sheets = [own(e.attrs["href"]) for e in page.all("link", rel="stylesheet") if "media" not in e.attrs]
        scripts = [own(e.attrs["data-src"]) for e in page.all("script", type=HELD) if "data-src" in e.attrs]
        ours = [s for s in sheets if not re.search(r"/(main|palette)\.[0-9a-f]+\.min\.css$", s)]
        our_scripts = [s for s in scripts if not re.search(r"/bundle\.[0-9a-f]+\.min\.js$", s)]
        if ours != [OURS] or our_scripts != OUR_SCRIPTS:
            wrong[path.relative_to(site_dir).as_posix()] = (ours, our_scripts)
    assert not wrong, f"pages that load other files of ours up front: {wrong}"


def test_no_page_runs_a_script_file_before_its_first_paint(parsed, site_dir):
    # The theme's bundle first, then ours, all held back as data blocks that
    # overrides/partials/javascripts/after-paint.html turns into scripts once
    # the content has painted; the parser itself fetches no script.
    for path, page in pages(parsed, site_dir).items():
        name = path.relative_to(site_dir).as_posix()
        assert not [e.attrs["src"] for e in page.all("script") if "src" in e.attrs], name
        held = [own(e.attrs["data-src"]) for e in page.all("script", type=HELD)]
        assert held and re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", held[0]), (name, held)


def test_the_bundled_parts_are_not_published(site_dir):
    published = {p.name for p in (site_dir / "assets").rglob("*.*s")}
    minified = [part.replace(".", ".min.") for part in PARTS]
    assert not published & {*PARTS, *minified}
    assert {"guide.bundle.min.css", "guide.bundle.min.js", "practice.min.js"} <= published


def test_no_page_loads_the_list_of_questions_up_front(site_dir):
    # practice.js loads it with a <script> element where a page needs it.
    assert (site_dir / "assets/javascripts/questions-data.js").is_file()
    loading = [
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if "questions-data" in path.read_text(encoding="utf-8")
    ]
    assert not loading


def test_the_practice_pages_script_is_published_beside_practice_js_and_linked_by_no_page(site_dir):
    # practice.js loads practice-page.js on the Practice page, minified where it is itself.
    names = {p.name for p in (site_dir / "assets/javascripts").iterdir()}
    practice = "practice.min.js" if "practice.min.js" in names else "practice.js"
    assert practice.replace("practice", "practice-page") in names, sorted(names)
    linking = [
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if "practice-page" in path.read_text(encoding="utf-8")
    ]
    assert not linking


def test_every_code_block_is_focusable_from_the_first_paint(parsed, site_dir):
    # Material sets blocks up only as they come into view (content.lazy), so
    # the pages carry the tabindex a keyboard needs to scroll them.
    blocks = unfocusable = 0
    for path in pages(parsed, site_dir):
        text = path.read_text(encoding="utf-8")
        blocks += len(re.findall(r"<pre\b[^>]*>(?:<span></span>)?<code\b", text))
        unfocusable += len(re.findall(r"<pre\b[^>]*>(?:<span></span>)?<code(?![^>]*tabindex=\"0\")[^>]*>", text))
    assert blocks > 50 and unfocusable == 0, (blocks, unfocusable)


def test_short_links_are_small_pages_without_theme_assets(site_dir, short_links):
    for short_id in short_links:
        path = site_dir / "q" / short_id / "index.html"
        text = path.read_text(encoding="utf-8")
        assert len(text.encode()) < SHORT_LINK_BUDGET, f"{short_id}: {len(text.encode())} bytes"
        assert "assets/" not in text and "stylesheet" not in text and "<script src" not in text, short_id
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text)
        assert canonical, short_id
        target = canonical.group(1)
        assert f'<meta http-equiv="refresh" content="0; url={target}">' in text, short_id
        assert f'<script>location.replace("{target}")</script>' in text, short_id
        assert '<meta name="robots" content="noindex">' in text, short_id
