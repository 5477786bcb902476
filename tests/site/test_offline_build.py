"""A plain offline build (``OFFLINE=true mkdocs build`` or ``OFFLINE=true
zensical build``), without scripts/build.py, asks no other host."""

from __future__ import annotations

import re

import pytest

import sitebuild
from site_build import offline, project, search_ranking

INDEX_SCRIPT = {"mkdocs": search_ranking.MATERIAL[1], "zensical": search_ranking.ZENSICAL[1]}


@pytest.mark.parametrize("builder", sitebuild.BUILDERS)
def test_a_plain_offline_build_loads_the_local_shim_and_nothing_from_a_cdn(tmp_path, builder):
    site = tmp_path / "site"
    done = sitebuild.build(builder, sitebuild.CONFIG, site, env={"OFFLINE": "true"})
    assert done.returncode == 0, done.stdout + done.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'src="(\./)?{re.escape(offline.SHIM)}"', home)
    assert (site / offline.SHIM).read_bytes() == (project.DOCS / offline.SHIM).read_bytes()
    assert (site / INDEX_SCRIPT[builder]).is_file()  # the offline plugin did run
    assert (site / "basics.html").is_file()  # and the pages open from disk without a server
    for page in site.rglob("*.html"):
        scripts = re.findall(r"<script[^>]+src=\"([^\"]+)\"", page.read_text(encoding="utf-8"))
        assert not [s for s in scripts if "://" in s or s.startswith("//")], page
    assert not (site / "assets" / "vendor" / "iframe-worker" / "README.md").exists()
    # MkDocs' hook ranked the index before the offline plugin made it a
    # script; after Zensical's build the step ranks both copies.
    ranked = search_ranking.rank(site, project.DOCS)
    assert ranked.already == (builder == "mkdocs"), ranked
    for name in (search_ranking.MATERIAL if builder == "mkdocs" else search_ranking.ZENSICAL)[:2]:
        text = (site / name).read_text(encoding="utf-8")
        assert '"ranked":true' in text, name
        assert not re.search(r'"text":"\s*<p>(Beginner|Intermediate|Advanced)', text), name
