"""The PDF: the printable page printed by headless Chromium.

Chromium lays the page out with the site's print stylesheet, numbers the
pages in its footer, turns the contents list's links into links within the
PDF, and, with ``tagged`` and ``outline``, writes bookmarks from the headings
(topics, and the questions under them). pypdf then puts back the spaces
Chromium drops from a bookmark where its heading wraps, sets the document's
metadata, and replaces the creation time and file identifier Chromium makes
up on every run with ones derived from the build, so that the same pages give
the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import chromium

MARGIN = {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}


@dataclass(frozen=True)
class PdfFile:
    path: Path
    size: int
    pages: int


def _header() -> str:
    # An empty header; without one Chromium prints the date and the title.
    return "<div></div>"


def _footer(name: str) -> str:
    return (
        '<div style="width:100%; margin:0 16mm; font-family:sans-serif; font-size:8pt; color:#555;'
        ' display:flex; justify-content:space-between;">'
        f"<span>{html.escape(name)}</span>"
        '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>'
        "</div>"
    )


# The text of the page's headings, as the bookmarks should read.
HEADINGS = """() => [...document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3")]
  .map((h) => {
    const copy = h.cloneNode(true);
    copy.querySelectorAll(".headerlink, .copy-link").forEach((e) => e.remove());
    return copy.textContent.replace(/\\s+/g, " ").trim();
  })"""


def print_page(url: str, *, name: str) -> tuple[bytes, list[str]]:
    """Chromium's PDF of the page at ``url`` (a ``file://`` address), and the
    text of the page's headings."""
    from playwright.sync_api import sync_playwright

    if not chromium.available():
        raise SystemExit(f"no Chromium at {chromium.executable()}: set CHROMIUM_PATH to print the PDF")
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            page = browser.new_page()
            page.emulate_media(media="print", color_scheme="light")
            page.goto(url, wait_until="load")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            headings = page.evaluate(HEADINGS)
            data = page.pdf(
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template=_header(),
                footer_template=_footer(name),
                margin=MARGIN,
                tagged=True,
                outline=True,
            )
            return data, headings
        finally:
            browser.close()


def _pdf_date(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("D:%Y%m%d%H%M%SZ")


def _squeeze(text: str) -> str:
    return "".join(text.split())


def fix_bookmarks(writer, headings: list[str]) -> int:
    """Give back the spaces Chromium drops from bookmarks at a heading's line
    breaks ("with aFlask application"): a bookmark whose text equals a
    heading's but for whitespace takes the heading's text. Returns how many
    bookmarks were changed."""
    from pypdf.generic import NameObject, TextStringObject

    by_letters = {_squeeze(h): h for h in headings}
    changed = 0
    root = writer.root_object.get("/Outlines")
    stack = [root.get_object()["/First"]] if root is not None and "/First" in root.get_object() else []
    while stack:
        node = stack.pop().get_object()
        title = str(node.get("/Title", ""))
        better = by_letters.get(_squeeze(title))
        if better is not None and better != title:
            node[NameObject("/Title")] = TextStringObject(better)
            changed += 1
        for key in ("/Next", "/First"):
            if key in node:
                stack.append(node[key])
    return changed


def normalise(
    data: bytes, *, title: str, subject: str, epoch: int, headings: tuple[str, ...] | list[str] = ()
) -> bytes:
    """``data`` with fixed metadata, dates and identifier, and its bookmarks'
    text checked against ``headings``."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    fix_bookmarks(writer, list(headings))
    date = _pdf_date(epoch)
    writer.metadata = {
        "/Title": title,
        "/Subject": subject,
        "/Creator": "scripts/build.py (Chromium)",
        "/Producer": "pypdf",
        "/CreationDate": date,
        "/ModDate": date,
    }
    # The identifier: a digest of the pages' content streams and the dates.
    digest = hashlib.sha256(date.encode())
    for page in reader.pages:
        contents = page.get_contents()
        digest.update(contents.get_data() if contents is not None else b"")
    identifier = ByteStringObject(digest.digest()[:16])
    writer._ID = ArrayObject([identifier, identifier])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_pdf(html_file: Path, destination: Path, *, name: str, title: str, subject: str, epoch: int) -> PdfFile:
    from pypdf import PdfReader

    raw, headings = print_page(html_file.resolve().as_uri(), name=name)
    data = normalise(raw, title=title, subject=subject, epoch=epoch, headings=headings)
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(data)
    return PdfFile(path=destination, size=len(data), pages=len(PdfReader(io.BytesIO(data)).pages))
