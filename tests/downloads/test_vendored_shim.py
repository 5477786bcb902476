"""The vendored iframe-worker shim is the published file, with its licence."""

from __future__ import annotations

import hashlib
import re

from site_build import offline, project


def test_the_shim_and_licence_match_the_checksums_in_the_vendor_readme():
    readme = (offline.VENDOR / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \|$", readme, re.MULTILINE))
    assert set(listed) == {"shim.js", "LICENSE"}
    for name, digest in listed.items():
        assert hashlib.sha256((offline.VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_the_readme_names_the_version_the_build_states():
    readme = (offline.VENDOR / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# iframe-worker {offline.VERSION} ")


def test_the_licence_is_mit():
    text = (offline.VENDOR / "LICENSE").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in text
    assert "Martin Donath" in text


def test_the_theme_loads_the_kept_copy_in_place_of_the_cdn_address():
    template = (project.ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "{% block libs %}" in template and f"'{offline.SHIM}' | url" in template
    assert (project.DOCS / offline.SHIM).is_file()
