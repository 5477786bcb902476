"""The search index step's own rules, on entries made here (the built index is tested in tests/site)."""

from __future__ import annotations

import re

from site_build.search_ranking import _code_as_names

# The separator of mkdocs.yml's search plugin.
SEPARATOR = re.compile(r"""[\s\-,:;!?=\[\]()"`/@'’“”…]+|\.(?!\d)|&[lg]t;""")


def test_a_code_block_is_indexed_by_the_names_its_prose_lacks():
    entry = {
        "text": "<p>Build it with <code>url_for</code>.</p> <pre><code>from flask import url_for\n"
        'url_for("x") + "&lt;h1&gt;"\n'
        'def f(): return app.config["SECRET_KEY"] and a &amp;&amp; b</code></pre> <p>Then redirect.</p>'
    }
    _code_as_names(entry, SEPARATOR)
    text = entry["text"]
    assert "<pre>" not in text
    assert text.startswith("<p>Build it with <code>url_for</code>.</p>")
    assert "<p>Then redirect.</p>" in text, "the prose after the block stays"
    names = text.rpartition("<code>")[2].removesuffix("</code>").split(" ")
    # Python's keywords and one-letter words go; url_for is in the prose already.
    assert names == ["flask", "h1", "app", "config", "SECRET_KEY"]


def test_an_entry_without_code_blocks_is_left_as_it_is():
    entry = {"text": "<p>Use <code>app.route</code>.</p>"}
    _code_as_names(entry, SEPARATOR)
    assert entry == {"text": "<p>Use <code>app.route</code>.</p>"}


def test_every_name_is_listed_once_whatever_its_case_or_block():
    entry = {"text": "<pre><code>Session session</code></pre><pre><code>SESSION g</code></pre>"}
    _code_as_names(entry, SEPARATOR)
    assert entry["text"] == "<code>Session</code>"
