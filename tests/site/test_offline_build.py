"""A plain ``OFFLINE=true mkdocs build``, without scripts/build.py, asks no other host."""

from __future__ import annotations

import re
import subprocess
import sys

from site_build import mkdocs_run, offline, project


def test_a_plain_offline_build_loads_the_local_shim_and_nothing_from_a_cdn(tmp_path):
    site = tmp_path / "site"
    env = mkdocs_run.environment(offline=True)  # the plain command, in the environment of every build
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=project.ROOT,
        env=env,
        check=True,
    )
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'src="{offline.SHIM}"' in home
    assert (site / offline.SHIM).read_bytes() == (project.DOCS / offline.SHIM).read_bytes()
    assert (site / "search" / "search_index.js").is_file()  # the offline plugin did run
    for page in site.rglob("*.html"):
        scripts = re.findall(r"<script[^>]+src=\"([^\"]+)\"", page.read_text(encoding="utf-8"))
        assert not [s for s in scripts if "://" in s or s.startswith("//")], page
    assert not (site / "assets" / "vendor" / "iframe-worker" / "README.md").exists()
