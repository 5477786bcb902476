"""Writing generated files all at once, and knowing when they are stale."""

from guide import output
from guide.render import MARKER

GEN = f"---\n# {MARKER}\n---\n"


def test_write_replaces_generated_files_and_leaves_hand_written_ones(tmp_path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "downloads.md").write_text("hand-written")
    (out / "old-topic.md").write_text(GEN + "gone")
    output.write({"index.md": GEN + "home", "q/a.md": GEN + "a"}, out)
    assert (out / "downloads.md").read_text() == "hand-written"
    assert not (out / "old-topic.md").exists()
    assert (out / "q" / "a.md").read_text() == GEN + "a"
    assert [p.name for p in tmp_path.iterdir()] == ["docs"], "the staging folder is removed"


def test_stale_names_changed_missing_and_leftover_files(tmp_path):
    out = tmp_path / "docs"
    output.write({"a.md": GEN + "1", "b.md": GEN + "2"}, out)
    assert output.stale({"a.md": GEN + "1", "b.md": GEN + "2"}, out) == []
    (out / "extra.md").write_text(GEN + "x")
    assert output.stale({"a.md": GEN + "changed", "b.md": GEN + "2", "c.md": GEN}, out) == ["a.md", "c.md", "extra.md"]
