"""The short links q/<id>/ as the smallest page that sends the reader on at once.

The redirects plugin (its maps are in docs/generated.yml) writes one page per
short link. A short link is a second navigation before the answer, so this
hook rewrites each of those pages, after the plugin, to what that navigation
needs and nothing more: the target in a ``location.replace`` (no extra entry
in the history, and the fragment the reader's link may carry after the
answer's own is not appended twice), the same target in a meta refresh (for a
browser without scripts) and a plain link, a canonical link that tells search
engines to index the answer, and ``noindex``. No stylesheet, no script file,
no theme asset. The target is the one the plugin wrote (relative, so it works
online and in the offline copy from file://, where pages end in .html).
Zensical writes the short links itself and runs no hook: :func:`rewrite` is
run after its build, as the search ranking step is.
"""

from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.short_links")

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')

PAGE = (
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Redirecting</title>'
    '<meta name="robots" content="noindex"><link rel="canonical" href="{href}">'
    '<meta http-equiv="refresh" content="0; url={href}">'
    "<script>location.replace({js})</script>"
    '<a href="{href}">Go to the answer</a>\n'
)


def page(target: str) -> str:
    """The redirect page for ``target``, a URL as the redirects plugin wrote it (HTML-escaped)."""
    url = html.unescape(target)
    href = html.escape(url, quote=True)
    js = json.dumps(url).replace("<", "\\u003c")
    return PAGE.format(href=href, js=js)


def redirect_files(site: Path, sources: list[str]) -> list[Path]:
    """The page a builder wrote for each short link (``sources``: the redirect maps' keys, q/<id>.md)."""
    found = []
    for source in sources:
        stem = source.removesuffix(".md")
        for path in (site / stem / "index.html", site / (stem + ".html")):
            if path.is_file():
                found.append(path)
                break
    return found


def rewrite(site: Path, sources: list[str]) -> int:
    """Rewrite every short-link page of ``site`` to the smallest one; how many were rewritten.

    The target is read from the page's canonical link, which both the
    redirects plugin (MkDocs) and Zensical write.
    """
    done = 0
    for path in redirect_files(site, sources):
        found = CANONICAL.search(path.read_text(encoding="utf-8"))
        if found is None:
            log.warning("short link %s: no target found, page left as the builder wrote it", path.name)
            continue
        path.write_text(page(found.group(1)), encoding="utf-8")
        done += 1
    return done


def on_post_build(config) -> None:
    plugin = config.plugins.get("redirects")
    if plugin is not None:
        rewrite(Path(config.site_dir), list(plugin.config.get("redirect_maps", {})))
