"""The downloads page's links and sizes.

docs/downloads.md is hand-written. Between its ``<!-- downloads:start -->``
and ``<!-- downloads:end -->`` markers stands what a plain ``mkdocs build``
shows (no downloads). The build replaces that part, in its staged copy of
docs/ only, with links to the files it has just made and their real sizes, so
the page never states a size from an earlier build and the work tree stays
clean. The files sit in the staged docs/downloads/ folder, so MkDocs' strict
link validation checks every link and writes it right for each build (the
online ``downloads/`` page, the offline ``downloads.html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .flashcards import APKG_NAME, CSV_NAME

PAGE = "downloads.md"
FOLDER = "downloads"
ZIP_NAME = "flask-interview-guide.zip"
PDF_NAME = "flask-interview-guide.pdf"
TOP_FOLDER = "flask-interview-guide"

START = "<!-- downloads:start -->"
END = "<!-- downloads:end -->"
_REGION = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)


def human_size(size: int) -> str:
    """Decimal units, as browsers and file managers show download sizes."""
    if size < 1000:
        return f"{size} bytes"
    value, unit = size / 1000, "kB"
    if value >= 1000:
        value, unit = value / 1000, "MB"
    return f"{value:.1f} {unit}"


ZIP_WHAT = "The whole site, search included, to open from your disk"
APKG_WHAT = "Every question as an Anki flash card: question, short answer, full answer; re-import to update"
CSV_WHAT = "The same cards as a table, for any other flash-card app or spreadsheet"


@dataclass(frozen=True)
class Cards:
    """The sizes of the flash-card downloads."""

    apkg_size: int
    csv_size: int

    def rows(self) -> list[str]:
        return [
            f"| [Anki deck]({FOLDER}/{APKG_NAME}) | {human_size(self.apkg_size)} | {APKG_WHAT} |",
            f"| [Flash cards (CSV)]({FOLDER}/{CSV_NAME}) | {human_size(self.csv_size)} | {CSV_WHAT} |",
        ]


def pdf_what(pages: int) -> str:
    return f"The whole guide, {pages} A4 pages with a linked contents list and bookmarks"


def region_online(zip_size: int, pdf_size: int, pdf_pages: int, cards: Cards) -> str:
    return "\n".join(
        [
            "| Download | Size | What it is |",
            "| --- | --- | --- |",
            f"| [Offline site (zip)]({FOLDER}/{ZIP_NAME}) | {human_size(zip_size)} | {ZIP_WHAT} |",
            f"| [PDF]({FOLDER}/{PDF_NAME}) | {human_size(pdf_size)} | {pdf_what(pdf_pages)} |",
            *cards.rows(),
            "| [Printable page](print.md) | | Every topic on one page, to print from your browser |",
        ]
    )


def region_offline(pdf_size: int, pdf_pages: int, site_url: str, cards: Cards) -> str:
    lines = [
        '!!! note "This is the offline copy"',
        "    You are reading the guide from your disk already.",
    ]
    if site_url:
        lines += [
            f"    The latest offline copy is on the [website]({site_url}{FOLDER}/).",
        ]
    lines += [
        "",
        "| Download | Size | What it is |",
        "| --- | --- | --- |",
        f"| [PDF]({FOLDER}/{PDF_NAME}) | {human_size(pdf_size)} | {pdf_what(pdf_pages)} |",
        *cards.rows(),
        "| [Printable page](print.md) | | Every topic on one page, to print from your browser |",
    ]
    return "\n".join(lines)


def fill(page_text: str, region: str) -> str:
    """The page with its downloads region replaced (markers kept)."""
    if not _REGION.search(page_text):
        raise ValueError(f"{PAGE} has no {START} ... {END} region")
    return _REGION.sub(lambda _: f"{START}\n{region}\n{END}", page_text, count=1)


def write(stage_docs: Path, region: str) -> None:
    path = stage_docs / PAGE
    path.write_text(fill(path.read_text(encoding="utf-8"), region), encoding="utf-8")
