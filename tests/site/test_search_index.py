"""Each answer is an entry of its own in the search index, ranked first."""

from __future__ import annotations

import json
import re

import pytest

import sitebuild
from site_build import search_ranking


def questions_data() -> list[dict]:
    """The practice data the normaliser writes: one JSON object per line."""
    text = (sitebuild.ROOT / "docs" / search_ranking.QUESTIONS_DATA).read_text(encoding="utf-8")
    return [json.loads(line.rstrip(",")) for line in text.splitlines() if line.startswith("{")]


def heading_titles(page_md: str) -> dict[str, str]:
    """{id: title as the reader sees it} for the headings of a docs/ page
    (code marks dropped, backslash escapes such as \\_ undone)."""
    text = (sitebuild.ROOT / "docs" / page_md).read_text(encoding="utf-8")
    return {
        anchor: re.sub(r"\\(.)", r"\1", title.replace("`", "")).strip()
        for title, anchor in re.findall(r"^## (.+?) \{#([^}\s]+)[^}]*\}\s*$", text, flags=re.M)
    }


def answer_locations(report) -> set[str]:
    return {("" if page == "index.md" else page.removesuffix(".md") + "/") + "#" + anchor for _, page, anchor in report}


def test_every_answer_is_its_own_search_entry_titled_with_its_question(site_dir, report):
    entries = {entry["location"]: entry for entry in sitebuild.search_index(site_dir).entries}
    wrong = []
    for page, anchor in sorted({(page, anchor) for _, page, anchor in report}):
        url = "" if page == "index.md" else page.removesuffix(".md") + "/"
        entry = entries.get(f"{url}#{anchor}")
        title = heading_titles(page).get(anchor)
        if entry is None:
            wrong.append(f"{page}#{anchor}: no search entry")
        elif entry["title"] != title:
            wrong.append(f"{page}#{anchor}: search title {entry['title']!r}, heading {title!r}")
    assert not wrong, "\n".join(wrong)


def test_answers_keep_their_full_weight_essentials_more_and_everything_else_ranks_below(site_dir, builder, report):
    # Material: the ranking step lowers every other entry's boost. Zensical's
    # search reads no boost, so the step leaves out the other entries of the
    # pages that hold or list answers instead, and keeps the rest.
    answers = answer_locations(report)
    essential = {f"{item['page']}/#{item['id']}" for item in questions_data() if item["essential"]}
    assert essential and essential <= answers
    docs = sitebuild.search_index(site_dir).entries
    if builder == "mkdocs":
        heavy = [d["location"] for d in docs if d["location"] not in answers and d.get("boost", 1) >= 0.4]
        wrong = [
            d["location"]
            for d in docs
            if d["location"] in answers
            and d.get("boost", 1) != (search_ranking.ESSENTIAL_BOOST if d["location"] in essential else 1)
        ]
        assert not heavy, f"entries that are not answers but could outrank one: {heavy}"
        assert not wrong, f"answers with the wrong weight: {wrong}"
    else:
        assert not [d for d in docs if "boost" in d], "Zensical's index has no weights to set"
        answer_pages = {location.partition("#")[0] for location in answers} | {"all-questions/", "essentials/", "tags/"}
        others = sorted(d["location"] for d in docs if d["location"] not in answers)
        assert [o for o in others if o.partition("#")[0] in answer_pages] == []
        # The pages without answers are still found: home, about, downloads, practice.
        assert {o.partition("#")[0] for o in others} == {"", "about/", "downloads/", "practice/"}


def test_list_pages_have_no_section_entries_and_snippets_start_with_the_answer(site_dir, builder, report):
    # The lines of All questions, Essentials and the tags page repeat the
    # answers' titles; the badges (difficulty, tags) would be every snippet.
    docs = sitebuild.search_index(site_dir).entries
    listed = [
        d["location"] for d in docs if d["location"].partition("#")[0] in {"all-questions/", "essentials/", "tags/"}
    ]
    if builder == "mkdocs":  # the pages themselves stay findable, below the answers
        assert sorted(listed) == ["all-questions/", "essentials/", "tags/"]
    else:  # left out with every other entry that is not an answer on those pages
        assert listed == []
    answers = answer_locations(report)
    texts = {d["location"]: d["text"] for d in docs if d["location"] in answers}
    assert len(texts) == len(answers)
    badge_first = [location for location, text in texts.items() if search_ranking.BADGES.match(text)]
    badge_last = [
        location
        for location, text in texts.items()
        if re.search(r" <p>(Beginner|Intermediate|Advanced)( [^<]*)?</p>$", text)
    ]
    assert not badge_first, badge_first[:3]
    assert len(badge_last) == len(answers), sorted(answers - set(badge_last))[:3]


def test_search_splits_code_words_but_keeps_identifiers(site_dir):
    separator = re.compile(sitebuild.search_index(site_dir).separator)
    assert [w for w in separator.split("@app.route() flask-wtf url_for SQLAlchemy") if w] == [
        "app",
        "route",
        "flask",
        "wtf",
        "url_for",
        "SQLAlchemy",
    ]


@pytest.mark.parametrize(
    ("location", "page"),
    [
        ("", "index"),
        ("#topics", "index"),
        ("index.html#topics", "index"),
        ("basics/#x", "basics"),
        ("basics.html#x", "basics"),
    ],
)
def test_the_ranking_step_reads_locations_with_and_without_directory_urls(location, page):
    assert search_ranking.page_of(location) == page
