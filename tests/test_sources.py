"""The sources are evidence: byte for byte as collected, pinned by hash."""

import hashlib
from pathlib import Path

import yaml

from guide.read import read_source

SOURCES = Path(__file__).resolve().parent.parent / "sources"


def manifest():
    return yaml.safe_load((SOURCES / "manifest.yml").read_text(encoding="utf-8"))["files"]


def test_every_source_matches_its_pinned_sha256():
    entries = manifest()
    assert entries, "the manifest lists the sources"
    for entry in entries:
        digest = hashlib.sha256((SOURCES / entry["file"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"{entry['file']} was edited: sources are never changed by hand"


def test_manifest_lists_exactly_the_source_files():
    assert sorted(e["file"] for e in manifest()) == sorted(p.name for p in SOURCES.glob("*.txt"))


def test_guides_hold_31_18_and_25_questions():
    counts = {}
    for path in sorted(SOURCES.glob("*.txt")):
        for q in read_source(path, path.name):
            counts[(path.name, q.place.part)] = counts.get((path.name, q.place.part), 0) + 1
    assert sorted(counts.values(), reverse=True) == [31, 25, 18]
    assert sum(counts.values()) == 74
