"""The zip is reproducible: same files in, same bytes out."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from site_build import archive


def make_tree(root: Path) -> None:
    (root / "b" / "c").mkdir(parents=True)
    (root / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    (root / "b" / "page.html").write_text("page", encoding="utf-8")
    (root / "b" / "c" / "deep.js").write_text("deep", encoding="utf-8")
    (root / "a.css").write_text("css", encoding="utf-8")


def test_the_same_tree_gives_the_same_bytes_whatever_the_files_times(tmp_path):
    make_tree(tmp_path / "one")
    make_tree(tmp_path / "two")
    os.utime(tmp_path / "two" / "index.html", (1_000_000_000, 1_000_000_000))
    archive.make_zip(tmp_path / "one", tmp_path / "one.zip", "top", 1_700_000_000)
    archive.make_zip(tmp_path / "two", tmp_path / "two.zip", "top", 1_700_000_000)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_entries_are_sorted_under_one_top_folder_with_one_time(tmp_path):
    make_tree(tmp_path / "site")
    archive.make_zip(tmp_path / "site", tmp_path / "out.zip", "top", 1_700_000_000)
    with zipfile.ZipFile(tmp_path / "out.zip") as z:
        infos = z.infolist()
        assert [i.filename for i in infos] == [
            "top/",
            "top/a.css",
            "top/b/",
            "top/b/c/",
            "top/b/c/deep.js",
            "top/b/page.html",
            "top/index.html",
        ]
        assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
        assert z.read("top/b/c/deep.js") == b"deep"
        assert z.testzip() is None


def test_unzipped_files_are_readable_and_folders_are_enterable(tmp_path):
    make_tree(tmp_path / "site")
    archive.make_zip(tmp_path / "site", tmp_path / "out.zip", "top", 1_700_000_000)
    with zipfile.ZipFile(tmp_path / "out.zip") as z:
        modes = {i.filename: i.external_attr >> 16 for i in z.infolist()}
    assert modes["top/index.html"] == 0o100644
    assert modes["top/b/"] == 0o40755


def test_the_build_time_is_the_source_date_epoch_when_given(monkeypatch):
    from site_build import project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert project.source_date_epoch() == 1_700_000_000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert project.source_date_epoch() == project.ZIP_EPOCH  # a zip cannot hold earlier times
