"""The offline zip, unzipped and opened from file:// as a reader would.

Each test records every request the browser makes and fails on any that
leaves file:// (the site must load nothing from another host).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import search_ui
from playwright.sync_api import expect

from site_build import downloads, offline

# The answer heading for an id: the heading itself, or for an alias anchor the
# first question heading after it. Returns its position in the window.
ANSWER_HEADING = """(id) => {
  const target = document.getElementById(id);
  if (!target) return null;
  const heading = target.matches("h2") ? target : [...document.querySelectorAll(".md-content h2[id]")]
    .find((h) => target.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (!heading) return null;
  const box = heading.getBoundingClientRect();
  return {id: heading.id, top: box.top, bottom: box.bottom, height: window.innerHeight};
}"""


def answer_in_view(page, anchor: str) -> str:
    """Wait until the answer heading for ``anchor`` is in the window; its id."""
    page.wait_for_function(
        f"(id) => {{ const h = ({ANSWER_HEADING})(id); return h && h.top >= 0 && h.bottom <= h.height; }}",
        arg=anchor,
        timeout=10_000,
    )
    return page.evaluate(ANSWER_HEADING, anchor)["id"]


def assert_stayed_local(recorder) -> None:
    assert recorder.urls, "no request was recorded at all"
    assert recorder.foreign() == [], f"requests left file://: {recorder.foreign()}"


def test_the_zip_holds_one_folder_in_a_fixed_order_with_fixed_times(built):
    with zipfile.ZipFile(built.zip) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert {name.split("/")[0] for name in names} == {downloads.TOP_FOLDER}
    assert len({info.date_time for info in infos}) == 1
    for expected in (
        "index.html",
        "search/search_index.js",
        "downloads/" + downloads.PDF_NAME,
        offline.SHIM,
        str(Path(offline.SHIM).parent / "LICENSE"),
    ):
        assert f"{downloads.TOP_FOLDER}/{expected}" in names


def test_the_offline_pages_name_no_script_or_style_from_another_host(built):
    for html in built.unzipped.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        foreign = re.findall(r'<(?:script|link|img|iframe)\b[^>]*?(?:src|href)="(https?://[^"]+)"', text)
        # <link rel="canonical"> names the online page; it is not loaded.
        foreign = [u for u in foreign if f'rel="canonical" href="{u}"' not in text]
        assert foreign == [], f"{html.name} loads {foreign}"


def test_a_topic_link_on_the_home_page_opens_the_topic(built, offline_page, questions):
    page, recorder = offline_page
    topic = questions[0].topic
    page.goto((built.unzipped / "index.html").as_uri())
    page.locator(f'.md-content a[href="{topic.slug}.html"]').first.click()
    page.wait_for_url(re.compile(rf"/{re.escape(topic.slug)}\.html$"))
    expect(page.locator(".md-content h1")).to_have_text(re.compile(re.escape(topic.title)))
    assert_stayed_local(recorder)


def test_an_answer_opens_by_its_id(built, offline_page, questions):
    page, recorder = offline_page
    question = questions[len(questions) // 2]
    page.goto((built.unzipped / f"{question.topic.slug}.html").as_uri() + f"#{question.id}")
    assert answer_in_view(page, question.id) == question.id
    assert_stayed_local(recorder)


def test_a_short_link_opens_its_answer(built, offline_page, questions, short_links):
    page, recorder = offline_page
    question = questions[-1]
    assert short_links[question.id] == f"{question.topic.page}#{question.id}"
    page.goto((built.unzipped / "q" / f"{question.id}.html").as_uri())
    page.wait_for_url(re.compile(rf"/{re.escape(question.topic.slug)}\.html#{re.escape(question.id)}$"))
    assert answer_in_view(page, question.id) == question.id
    assert_stayed_local(recorder)


def test_the_short_link_of_a_merged_duplicate_opens_the_answer_it_was_merged_into(
    built, offline_page, questions, short_links
):
    ids = {q.id for q in questions}
    aliases = sorted(alias for alias in short_links if alias not in ids)
    if not aliases:
        pytest.skip("no merged duplicates in docs/generated.yml")
    alias = aliases[0]
    target_page, anchor = short_links[alias].split("#")
    page, recorder = offline_page
    page.goto((built.unzipped / "q" / f"{alias}.html").as_uri())
    page.wait_for_url(re.compile(rf"/{re.escape(target_page[:-3])}\.html#{re.escape(anchor)}$"))
    assert answer_in_view(page, anchor) in ids
    assert_stayed_local(recorder)


def test_search_finds_an_answer_and_opens_it(built, offline_page, questions):
    page, recorder = offline_page
    question = questions[len(questions) // 3]
    query = re.sub(r"[^\w\s]", " ", question.title)
    page.goto((built.unzipped / "index.html").as_uri())
    search = page.locator("input.md-search__input")
    answers = page.locator(".md-search-result__list a.md-search-result__link[href*='#']")
    search.focus()
    search_ui.type_until(search, query, page.locator(".md-search-result__meta"), re.compile("matching document"))
    expect(answers.first).to_be_attached()
    anchors = [href.split("#", 1)[1] for href in answers.evaluate_all("links => links.map(a => a.href)")]
    assert question.id in anchors, f"{question.title!r} not among the results {anchors}"
    first = anchors[0]
    answers.first.click()
    page.wait_for_url(re.compile(rf"\.html(\?[^#]*)?#{re.escape(first)}$"))
    answer_in_view(page, first)
    assert_stayed_local(recorder)


def test_the_downloads_page_links_the_pdf_inside_the_zip(built, offline_page):
    page, recorder = offline_page
    page.goto((built.unzipped / "downloads.html").as_uri())
    pdf_link = page.locator(f'.md-content a[href$="{downloads.PDF_NAME}"]')
    expect(pdf_link).to_have_count(1)
    href = pdf_link.get_attribute("href")
    assert (built.unzipped / href).is_file()
    size = downloads.human_size((built.unzipped / href).stat().st_size)
    expect(page.locator(".md-content")).to_contain_text(size)
    expect(page.locator('.md-content a[href="print.html"]')).to_have_count(1)
    assert_stayed_local(recorder)
