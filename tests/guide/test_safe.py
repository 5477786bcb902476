"""The rendering boundary: source text is inert Markdown, editorial Markdown keeps only what is allowed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from guide import clean, safe
from guide.errors import GuideError

ROOT = Path(__file__).resolve().parents[2]


def html(markdown_text: str) -> str:
    return safe.render(markdown_text)


def test_the_extensions_are_the_sites_own():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    section = text.split("markdown_extensions:", 1)[1]
    listed = [re.sub(r":$", "", m) for m in re.findall(r"^  - ([\w.]+:?)", section, re.M)]
    assert tuple(listed) == safe.EXTENSIONS


@pytest.mark.parametrize(
    "text",
    [
        "<svg/onload=alert(1)>",
        "<a/href=javascript:alert(1)>x</a>",
        "&lt;img src=x onerror=alert(1)&gt;",
        "[x](javascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "`x`{onclick=alert(1)}",
        "*e*{onclick=alert(1)}",
        "![i](https://tracker.example/p.png)",
        "<!-- hidden -->",
        "<style>body{display:none}",
        "&#106;avascript:alert(1)",
        "<https://example.com>",
        "x {: onclick=alert(1) }",
    ],
)
def test_inline_text_renders_as_exactly_that_text(text):
    rendered = html(safe.text(text.replace("\n", " ")))
    assert re.fullmatch(r"<p>[^<]*</p>", rendered), rendered


@pytest.mark.parametrize(
    "start", ["# x", "> x", "- x", "+ x", "1. x", "!!! note", "??? note", "~~~", "```", "| a |", "---", "    code"]
)
def test_text_at_the_start_of_a_line_opens_no_block(start):
    assert re.fullmatch(r"<p>[^<]*</p>", html(safe.text(start))), html(safe.text(start))


@given(st.text(st.sampled_from(list("<>&#;`*_[](){}|!?~-+=:.\\/'\" abcjsx0123\n")), max_size=60))
@settings(max_examples=400, deadline=None)
def test_any_text_is_a_single_paragraph_of_text(text):
    rendered = html(safe.text(text))
    assert rendered == "" or re.fullmatch(r"<p>[^<]*</p>", rendered), (text, rendered)


@given(st.text(st.sampled_from(list("<>&#;`*_[](){}|!?~-+= abcjsx0123")), max_size=60))
@settings(max_examples=300, deadline=None)
def test_prose_never_makes_anything_but_text_and_code(text):
    rendered = html(clean.prose(text))
    tags = set(re.findall(r"</?(\w+)", rendered))
    assert tags <= {"p", "code"}, (text, rendered)
    assert not re.search(r"<code[^>]", rendered), "no attributes on code"


@pytest.mark.parametrize("value", ["x", "`", "a`b", "``x``", "`x"])
def test_code_spans_show_their_text_exactly(value):
    assert html(safe.code_span(value)) == f"<p><code>{value}</code></p>"


def test_web_urls_cannot_end_the_link_early():
    url = safe.web_url("https://a.example/x){onclick=alert(1)} [y](z")
    assert "(" not in url and ")" not in url and "{" not in url and " " not in url
    with pytest.raises(ValueError):
        safe.web_url("javascript:alert(1)")


def test_ids_are_slugs_or_a_bug():
    assert safe.ident("what-is-flask") == "what-is-flask"
    for bad in ("", 'x" onclick="y', "../x", "A"):
        with pytest.raises(ValueError):
            safe.ident(bad)


def test_attribute_text_is_escaped_for_themes_that_print_it_raw():
    assert safe.attribute('a" onfocus="x" <b>&') == "a&quot; onfocus=&quot;x&quot; &lt;b&gt;&amp;"


@pytest.mark.parametrize(
    "text",
    [
        '!!! note "Changed in Flask 2.3"\n    `FLASK_ENV` was removed.',
        "| a | b |\n| :-- | --: |\n| 1 | 2 |",
        "```python\nprint('<script>')\n```",
        "See [docs](https://flask.palletsprojects.com/) or [basics](basics.md#x) or [mail](mailto:a@b.c).",
        "Press <kbd>/</kbd> to search.",
        "### A sub-heading\n\n1. one\n2. two",
        '??? tip "More"\n    Hidden until opened.',
    ],
)
def test_editorial_markdown_keeps_the_features_the_team_uses(text):
    safe.check_markdown(text, "e.md", 1)


@pytest.mark.parametrize(
    "text, line",
    [
        ("ok\n\n<script>alert(1)</script>", 3),
        ("ok\n\n[x](javascript:alert(1))", 3),
        ("ok\n\n`x`{onclick=alert(1)}", 3),
        ("ok\n\n<img src=x onerror=alert(1)>", 3),
        ("ok\n\n![t](https://tracker.example/p.png)", 3),
        ("ok\n\n<iframe src=x></iframe>", 3),
        ("ok\n\n<!-- hidden -->", 3),
        ('ok\n\n<p style="position:fixed">x</p>', 3),
        ("ok\n\n[x](data:text/html,hi)", 3),
    ],
)
def test_editorial_markdown_with_scripts_or_remote_content_is_refused_at_its_line(text, line):
    with pytest.raises(GuideError) as caught:
        safe.check_markdown(text, "e.md", 10)
    assert caught.value.line == 9 + line and "not allowed" in caught.value.message


def test_a_one_line_field_holds_inline_markdown_only():
    safe.check_markdown("Use `app.logger` and **log**.", "e.md", 1, block=False)
    with pytest.raises(GuideError):
        safe.check_markdown("Use it.</p><p>Then this.", "e.md", 1, block=False)


def test_the_real_editorial_layer_passes():
    for path in sorted((ROOT / "scripts" / "editorial" / "questions").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        safe.check_markdown(body, path.name, 1)
    site = yaml.safe_load((ROOT / "scripts" / "editorial" / "site.yml").read_text(encoding="utf-8"))
    safe.check_markdown(site["intro"], "site.yml", 1)
