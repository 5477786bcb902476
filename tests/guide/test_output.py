"""Writing generated files as one new tree, and knowing when they are stale."""

import os

import pytest

from guide import output, swap
from guide.errors import GuideError
from guide.render import HEADER, MARKER

GEN = f"---\n{HEADER}---\n"


def test_write_replaces_generated_files_and_leaves_hand_written_ones(tmp_path):
    out = tmp_path / "docs"
    output.write({"index.md": GEN + "home", "old-topic.md": GEN + "gone"}, out)
    (out / "downloads.md").write_text("hand-written")
    output.write({"index.md": GEN + "home", "q/a.md": GEN + "a"}, out)
    assert (out / "downloads.md").read_text() == "hand-written"
    assert not (out / "old-topic.md").exists(), "the manifest named it: it was generated"
    assert (out / "q" / "a.md").read_text() == GEN + "a"
    assert [p.name for p in tmp_path.iterdir()] == ["docs"], "the staging folder is removed"


def test_a_hand_written_file_quoting_the_marker_is_never_removed(tmp_path):
    out = tmp_path / "docs"
    output.write({"index.md": GEN}, out)
    (out / "notes.md").write_text(f"This page explains the line '{MARKER}' at the top of pages.")
    output.write({"index.md": GEN + "2"}, out)
    assert (out / "notes.md").exists()


def test_a_tree_without_a_manifest_keeps_marked_files_it_does_not_write(tmp_path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text(GEN + "old")
    (out / "quoting.md").write_text(GEN + "hand-written, quoting the marker")
    warnings = output.write({"index.md": GEN + "new"}, out)
    assert (out / "index.md").read_text() == GEN + "new"
    assert (out / "quoting.md").exists() and any("quoting.md" in w for w in warnings)


def test_hand_written_files_keep_their_bytes_modes_and_links(tmp_path):
    out = tmp_path / "docs"
    (out / "assets" / "javascripts").mkdir(parents=True)
    (out / "assets" / "javascripts" / "own.js").write_bytes(b"\xff binary")
    (out / "assets" / "javascripts" / "own.js").chmod(0o640)
    (out / "link.md").symlink_to("assets/javascripts/own.js")
    output.write({"assets/javascripts/questions-data.js": "// data", "index.md": GEN}, out)
    own = out / "assets" / "javascripts" / "own.js"
    assert own.read_bytes() == b"\xff binary" and (own.stat().st_mode & 0o777) == 0o640
    assert os.readlink(out / "link.md") == "assets/javascripts/own.js"
    assert (out / "assets/javascripts/questions-data.js").read_text() == "// data"


def test_the_output_folder_is_exchanged_in_one_step(tmp_path):
    out = tmp_path / "docs"
    output.write({"index.md": GEN + "1"}, out)
    before = out.stat().st_ino
    output.write({"index.md": GEN + "2"}, out)
    assert out.stat().st_ino != before, "a new tree took the old one's place"
    assert (out / "index.md").read_text() == GEN + "2"


def test_exchange_swaps_two_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x").write_text("a")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x").write_text("b")
    swap.exchange(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "a" / "x").read_text() == "b" and (tmp_path / "b" / "x").read_text() == "a"


def test_without_an_atomic_exchange_two_renames_still_give_a_whole_tree(tmp_path, monkeypatch):
    def unsupported(first, second):
        raise OSError(swap.errno.ENOTSUP, "no")

    monkeypatch.setattr(swap, "exchange", unsupported)
    out = tmp_path / "docs"
    output.write({"index.md": GEN + "1"}, out)
    output.write({"index.md": GEN + "2"}, out)
    assert (out / "index.md").read_text() == GEN + "2"
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]


def test_an_old_tree_left_aside_by_a_killed_fallback_run_is_put_back(tmp_path):
    out = tmp_path / "docs"
    output.write({"index.md": GEN + "1"}, out)
    os.rename(out, tmp_path / ".normalise-docs-abc-aside")  # killed between the two renames
    output.write({"index.md": GEN + "2"}, out)
    assert (out / "index.md").read_text() == GEN + "2"
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]


@pytest.mark.parametrize("step", ["writing", "staged"])
def test_a_fault_before_the_switch_leaves_the_old_tree_and_no_staging(tmp_path, monkeypatch, step):
    out = tmp_path / "docs"
    output.write({"index.md": GEN + "old", "gone.md": GEN}, out)
    monkeypatch.setenv("NORMALISE_TEST_HOOK", f"{step}:fail")
    with pytest.raises(OSError):
        output.write({"index.md": GEN + "new"}, out)
    assert (out / "index.md").read_text() == GEN + "old" and (out / "gone.md").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]


def test_a_fault_after_the_switch_is_a_warning_the_tree_is_new(tmp_path, monkeypatch):
    out = tmp_path / "docs"
    output.write({"index.md": GEN + "old"}, out)
    monkeypatch.setenv("NORMALISE_TEST_HOOK", "switched:fail")
    warnings = output.write({"index.md": GEN + "new"}, out)
    assert (out / "index.md").read_text() == GEN + "new" and warnings
    monkeypatch.delenv("NORMALISE_TEST_HOOK")
    output.write({"index.md": GEN + "new"}, out)
    assert [p.name for p in tmp_path.iterdir()] == ["docs"], "the next run removes the leftover"


def test_a_page_path_that_is_a_folder_is_refused_before_anything_changes(tmp_path):
    out = tmp_path / "docs"
    output.write({"index.md": GEN}, out)
    (out / "basics.md").mkdir()
    with pytest.raises(GuideError, match="is a folder"):
        output.write({"index.md": GEN + "2", "basics.md": GEN}, out)
    assert (out / "index.md").read_text() == GEN


@pytest.mark.parametrize("text", ["hand-written", f"A page about the line '{MARKER}'."])
def test_a_hand_written_file_in_the_way_is_refused(tmp_path, text):
    out = tmp_path / "docs"
    output.write({"index.md": GEN}, out)
    (out / "practice.md").write_text(text)
    with pytest.raises(GuideError, match="hand-written"):
        output.write({"index.md": GEN, "practice.md": GEN}, out)
    assert (out / "practice.md").read_text() == text


def test_a_read_only_subfolder_is_kept_read_only_and_the_run_succeeds(tmp_path):
    out = tmp_path / "docs"
    (out / "assets").mkdir(parents=True)
    (out / "assets" / "kept.css").write_text("css")
    (out / "assets").chmod(0o555)
    try:
        output.write({"assets/data.js": "// x", "index.md": GEN}, out)
        assert (out / "assets" / "kept.css").read_text() == "css"
        assert (out / "assets").stat().st_mode & 0o777 == 0o555
    finally:
        (out / "assets").chmod(0o755)
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]


@pytest.mark.parametrize("name", ["../outside.md", "/etc/x.md", "a/../../b.md", "", ".normalise-manifest", "a\\b.md"])
def test_a_path_outside_the_output_folder_is_refused(tmp_path, name):
    with pytest.raises(GuideError, match="inside the output folder"):
        output.write({name: GEN}, tmp_path / "docs")
    assert not (tmp_path / "outside.md").exists()


def test_stale_names_changed_missing_and_leftover_files(tmp_path):
    out = tmp_path / "docs"
    output.write({"a.md": GEN + "1", "b.md": GEN + "2", "extra.md": GEN}, out)
    assert output.stale({"a.md": GEN + "1", "b.md": GEN + "2", "extra.md": GEN}, out) == []
    assert output.stale({"a.md": GEN + "changed", "b.md": GEN + "2", "c.md": GEN}, out) == [
        ".normalise-manifest",
        "a.md",
        "c.md",
        "extra.md",
    ]


def test_stale_refuses_a_page_that_is_a_folder_or_not_utf8(tmp_path):
    out = tmp_path / "docs"
    output.write({"a.md": GEN, "b.md": GEN}, out)
    (out / "a.md").unlink()
    (out / "a.md").mkdir()
    with pytest.raises(GuideError, match="is a folder"):
        output.stale({"a.md": GEN, "b.md": GEN}, out)
    (out / "a.md").rmdir()
    (out / "a.md").write_bytes(b"ok\n\xff\n")
    with pytest.raises(GuideError) as caught:
        output.stale({"a.md": GEN, "b.md": GEN}, out)
    assert caught.value.line == 2 and "not UTF-8" in caught.value.message


def test_stale_refuses_an_unreadable_page(tmp_path, monkeypatch):
    out = tmp_path / "docs"
    output.write({"a.md": GEN}, out)
    real = output.Path.read_bytes

    def denied(self):
        if self.name == "a.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(output.Path, "read_bytes", denied)
    with pytest.raises(GuideError, match="Permission denied"):
        output.stale({"a.md": GEN}, out)


def test_a_first_write_into_a_new_folder_warns_of_nothing(tmp_path):
    assert output.write({"index.md": GEN}, tmp_path / "new" / "docs") == []
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["docs"]


def test_an_output_on_another_file_system_fails_cleanly(tmp_path, monkeypatch):
    """A docs/ that is a mount point cannot be exchanged: an error, the old tree, no staging."""
    out = tmp_path / "docs"
    output.write({"index.md": GEN + "old"}, out)

    def cross_device(first, second):
        raise OSError(swap.errno.EXDEV, "Invalid cross-device link", str(second))

    monkeypatch.setattr(swap, "exchange", cross_device)
    with pytest.raises(OSError, match="cross-device"):
        output.write({"index.md": GEN + "new"}, out)
    assert (out / "index.md").read_text() == GEN + "old"
    assert [p.name for p in tmp_path.iterdir()] == ["docs"]
