"""Code blocks are written focusable (site_build.code_focus)."""

from __future__ import annotations

from site_build.code_focus import focusable


def test_each_code_block_gets_tabindex_and_inline_code_does_not():
    html = (
        '<p>Use <code>url_for</code>.</p><div class="highlight"><pre><span></span><code>a = 1\n</code></pre></div>'
        '<pre class="x"><code class="language-text">plain</code></pre>'
    )
    assert focusable(html) == (
        '<p>Use <code>url_for</code>.</p><div class="highlight"><pre><span></span><code tabindex="0">a = 1\n</code></pre></div>'
        '<pre class="x"><code tabindex="0" class="language-text">plain</code></pre>'
    )


def test_a_block_that_has_a_tabindex_keeps_it():
    html = '<pre><code tabindex="-1">x</code></pre>'
    assert focusable(html) == html
