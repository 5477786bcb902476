"""The downloads page: hand-written, with links and real sizes filled in by
the build, online and in the offline copy."""

from __future__ import annotations

import re

from site_build import downloads


def test_the_online_page_links_both_downloads_with_their_real_sizes(built):
    page = (built.site / downloads.FOLDER / "index.html").read_text(encoding="utf-8")
    for path in (built.zip, built.pdf):
        assert path.parent == built.site / downloads.FOLDER
        assert f'href="{path.name}"' in page
        assert downloads.human_size(path.stat().st_size) in page
    assert f"{built.pdf_pages} A4 pages" in page
    assert 'href="../print/"' in page
    assert "No downloads in this preview" not in page


def test_the_page_has_its_title_and_description_not_its_front_matter_as_text(built):
    page = (built.site / downloads.FOLDER / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Downloads - ", page)
    assert '<meta name="description" content="The whole Flask Interview Guide to keep' in page
    assert "title: Downloads" not in page


def test_the_offline_page_points_to_the_website_for_the_zip(built):
    page = (built.unzipped / "downloads.html").read_text(encoding="utf-8")
    assert downloads.ZIP_NAME not in page  # a zip cannot hold itself
    assert f'href="{downloads.FOLDER}/{downloads.PDF_NAME}"' in page
    assert "This is the offline copy" in page


def test_filling_keeps_the_markers_and_replaces_only_the_region():
    text = f"# Downloads\n\nbefore\n{downloads.START}\nold\n{downloads.END}\nafter\n"
    filled = downloads.fill(text, "new")
    assert filled == f"# Downloads\n\nbefore\n{downloads.START}\nnew\n{downloads.END}\nafter\n"
    assert downloads.fill(filled, "newer").count("newer") == 1


def test_sizes_read_as_a_file_manager_shows_them():
    assert downloads.human_size(999) == "999 bytes"
    assert downloads.human_size(1_000) == "1.0 kB"
    assert downloads.human_size(456_789) == "456.8 kB"
    assert downloads.human_size(2_084_326) == "2.1 MB"
