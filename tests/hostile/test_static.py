"""The hostile site's built files: every payload is shown as text, none is live."""

from __future__ import annotations

import json
import re
from pathlib import Path

import hostile_scan as scan
import pytest

SOURCE = Path(__file__).resolve().parent / "source"
PAYLOAD = r"(?:alert|confirm|prompt|msgbox)\((\d+)\)"
# The plain-text source: every payload in it is text, so every one must be shown.
PAYLOAD_NUMBERS = sorted({int(n) for n in re.findall(PAYLOAD, (SOURCE / "hostile.txt").read_text())})
# The Markdown source is read as Markdown: a link keeps its words and loses its
# target, front matter and images are dropped. What stays must be shown as written.
MARKDOWN_SHOWN = {201, 202, 203, 204, 208, 209, 210, 211, 212, 213, 215, 216, 217, 218, 219, 220, 221}


def visible_text(html: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities decoded)."""
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html))


def test_the_fixture_has_every_payload_class():
    text = (SOURCE / "hostile.txt").read_text()
    for needle in (
        "<svg/onload=",
        "<a/href=",
        "&lt;svg/onload",
        "&#106;avascript:",
        "Use ` then <img",
        "](javascript:",
        "[evil]: javascript:",
        "{onclick=",
        "{onerror=",
        "{onmouseover=",
        "!!! note",
        "??? note",
        "<!--",
        "![tracker](https://",
        "<style>",
        "<script>",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<math>",
        "ontoggle=",
        'markdown="1"',
        "data:text/html",
    ):
        assert needle in text, needle
    assert len(PAYLOAD_NUMBERS) >= 50


def test_no_page_has_live_markup(pages):
    findings = {}
    for page in pages:
        found = scan.scan(page.read_text(encoding="utf-8"))
        if found:
            findings[page.name if page.parent.name == "" else page.parent.name] = [str(f) for f in found]
    assert not findings, findings


def test_the_search_index_has_no_live_markup(hostile_site):
    """Material's search shows titles and text as HTML, so the index is content too."""
    docs = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    findings = [
        (doc["location"], key, str(finding))
        for doc in docs
        for key in ("title", "text")
        for finding in scan.scan_fragment(doc[key])
    ]
    assert not findings, findings
    assert any("onload=alert(101)" in doc["title"] for doc in docs), "the payload titles are indexed as text"


def test_every_payload_is_still_shown_as_text(pages):
    """Nothing was dropped to make it safe: raw HTML and Markdown syntax stay visible."""
    shown = "\n".join(visible_text(page.read_text(encoding="utf-8")) for page in pages)
    missing = [n for n in PAYLOAD_NUMBERS if not re.search(rf"(alert|confirm|prompt|msgbox)\({n}\)", shown)]
    assert not missing, missing


def test_the_markdown_source_shows_its_code_spans_fences_and_tables_as_written(pages):
    shown = "\n".join(visible_text(page.read_text(encoding="utf-8")) for page in pages)
    missing = sorted(n for n in MARKDOWN_SHOWN if not re.search(rf"(alert|confirm|prompt)\({n}\)", shown))
    assert not missing, missing
    for text in ("<script>alert(209)</script>", "<img src=x onerror=alert(202)>", "<svg/onload=alert(213)>"):
        assert text in shown, text
    assert "alert(299)" not in shown  # front matter is the page's metadata, not an answer


def test_a_comment_on_a_line_of_its_own_is_dropped_as_chrome(pages):
    """Scraped pages carry builder comments (``<!-- wp:paragraph -->``): not text a reader wants."""
    shown = "\n".join(visible_text(page.read_text(encoding="utf-8")) for page in pages)
    assert "This text is hidden in a comment" not in shown
    assert "alert(222)" not in shown


@pytest.mark.parametrize(
    "text",
    [
        "<svg/onload=alert(1)>",
        "[click](javascript:alert(9))",
        '!!! note "Injected admonition"',
        "<!-- This text is hidden too",
    ],
)
def test_raw_syntax_reads_as_written(pages, text):
    shown = "\n".join(visible_text(page.read_text(encoding="utf-8")) for page in pages)
    assert text in shown


def test_no_page_loads_anything_from_another_host(pages):
    """A remote image would be loaded by every visitor: every src is the site's own."""
    remote = []
    for page in pages:
        for tag, source in re.findall(r"<(\w+)[^>]*\ssrc=\"([^\"]*)\"", page.read_text(encoding="utf-8")):
            if re.match(r"^([a-z][\w+.-]*:|//)", source, re.I):
                remote.append((page.parent.name, tag, source))
    assert not remote, remote
