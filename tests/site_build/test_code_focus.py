"""Code blocks are written focusable (site_build.code_focus)."""

from __future__ import annotations

from site_build.code_focus import focusable, rewrite


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


def test_rewrite_makes_every_page_of_a_built_site_focusable(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<pre><code>x</code></pre>", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>no code</p>", encoding="utf-8")
    assert rewrite(tmp_path) == 1
    assert (tmp_path / "a" / "index.html").read_text(encoding="utf-8") == '<pre><code tabindex="0">x</code></pre>'
    assert rewrite(tmp_path) == 0, "a second run changes nothing"
