"""Every code block can take the keyboard's focus from the first paint.

A listing wider than the screen scrolls sideways, and a keyboard reaches that
scroll only if the block can be focused. Material gives a scrollable block
``tabindex="0"`` when it sets the block up, but mkdocs.yml has it set up code
blocks only as they come into view (``content.lazy``, which spares the page a
forced layout per block at load): a block further down would be skipped by a
reader tabbing through the page. So each block is written focusable, and
Material takes the attribute away again, as before, from a block it sets up
that does not scroll (or on a device without hover). MkDocs runs this as a
hook; Zensical, which sets blocks up lazily too but runs no hook, has
:func:`rewrite` run over its built pages, as the other steps are.
"""

from __future__ import annotations

import re
from pathlib import Path

# The <code> of a highlighted block: <pre><span></span><code>, Pygments' empty span optional.
_BLOCK_CODE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code(?![^>]*\btabindex=)")


def focusable(html: str) -> str:
    """``html`` with ``tabindex="0"`` on each code block's <code> that has none."""
    return _BLOCK_CODE.sub(r'\1<code tabindex="0"', html)


def on_page_content(html: str, **kwargs: object) -> str:
    return focusable(html)


def rewrite(site: Path) -> int:
    """Make the code blocks of every page of a built ``site`` focusable; how many pages changed."""
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        done = focusable(text)
        if done != text:
            page.write_text(done, encoding="utf-8")
            changed += 1
    return changed
