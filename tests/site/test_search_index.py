"""Each answer is an entry of its own in the search index, ranked first."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

import sitebuild
from site_build import mkdocs_run, search_ranking


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


def test_a_second_ranking_changes_nothing_and_mkdocs_ranked_its_build_itself(site_dir, builder, tmp_path):
    # MkDocs runs the step as a hook; sitebuild runs it after Zensical's build.
    # Either way the index says it is ranked, and ranking again leaves it be.
    index = site_dir / (search_ranking.MATERIAL if builder == "mkdocs" else search_ranking.ZENSICAL)[0]
    before = index.read_bytes()
    assert json.loads(before)["config"][search_ranking.RANKED] is True
    copy = tmp_path / "site"
    (copy / index.relative_to(site_dir)).parent.mkdir(parents=True)
    (copy / index.relative_to(site_dir)).write_bytes(before)
    result = search_ranking.rank(copy, sitebuild.ROOT / "docs")
    assert result.already and result.builder == builder
    assert (copy / index.relative_to(site_dir)).read_bytes() == before


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_mkdocs_serve_ranks_search_as_the_build_does(tmp_path):
    # scripts/serve.sh runs `mkdocs serve`: the hook ranks the index it serves too.
    port = free_port()
    env = mkdocs_run.environment()
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=sitebuild.ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}{urlsplit(sitebuild.site_url()).path}search/search_index.json"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, log.read_text(encoding="utf-8", errors="replace")
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    index = json.loads(response.read())
                break
            except OSError:
                assert time.monotonic() < deadline, "mkdocs serve did not serve the search index in 2 minutes"
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert index["config"][search_ranking.RANKED] is True
    boosts = {entry.get("boost", 1) for entry in index["docs"]}
    assert boosts == {search_ranking.OTHER_ENTRIES_BOOST, 1, search_ranking.ESSENTIAL_BOOST}


def test_no_entry_holds_a_code_block_only_its_names(site_dir):
    # The ranking step keeps a code block's names (tests/site_build) and drops its listing.
    entries = sitebuild.search_index(site_dir).entries
    assert not [entry["location"] for entry in entries if "<pre>" in entry.get("text", "")]
    # An answer's names end its text, before the badges the step moves last.
    names = [entry for entry in entries if re.search(r"</code> <p>(Beginner|Intermediate|Advanced)", entry["text"])]
    assert len(names) >= 20, "answers with code blocks keep their names"
