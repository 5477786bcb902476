"""site_bench.pages: which pages are measured, and quiz mode's storage entry."""

from __future__ import annotations

from site_bench import pages
from site_build.project import DOCS


def test_longest_topic_page_skips_the_other_pages():
    files = {"index.md": "x" * 900, "basics.md": "x" * 50, "routing.md": "x" * 80, "all-questions.md": "x" * 999}
    assert pages.longest_topic_page(files, {"index.md", "all-questions.md"}) == "routing.md"


def test_short_link_for_a_page():
    redirects = (
        "plugins:\n  redirects:\n    redirect_maps:\n"
        "      q/one.md: basics.md#one\n"
        "      q/two.md: routing.md#two\n"
        "      q/three.md: routing.md#three\n"
    )
    assert pages.short_link_for(redirects, "routing.md") == "q/two/"


def test_the_six_pages_of_a_guide(tmp_path):
    (tmp_path / "index.md").write_text("home " * 500, encoding="utf-8")
    (tmp_path / "basics.md").write_text("short", encoding="utf-8")
    (tmp_path / "routing.md").write_text("the longest topic", encoding="utf-8")
    (tmp_path / "practice.md").write_text("hand-written and longer than any topic page", encoding="utf-8")
    (tmp_path / "generated.yml").write_text("      q/one.md: basics.md#one\n      q/two.md: routing.md#two\n")
    chosen = pages.choose(tmp_path, {"practice.md"})
    assert [(p.name, p.path) for p in chosen] == [
        ("home", "/"),
        ("topic", "/routing/"),
        ("quiz", "/routing/"),
        ("all", "/all-questions/"),
        ("practice", "/practice/"),
        ("short", "/q/two/"),
    ]
    assert [p.name for p in chosen if p.local_storage] == ["quiz"]
    assert chosen[2].label == "quiz /routing/ (quiz mode)"
    assert [p.name for p in pages.choose(tmp_path, {"practice.md"}, ["short", "home"])] == ["home", "short"]


def test_quiz_mode_is_switched_on_by_the_key_the_practice_script_reads():
    # The key is "<site root>.practice": the suffix must still be in the site's
    # JavaScript, or the quiz page would quietly be measured with quiz mode off.
    [(key, value)] = pages.quiz_mode_storage("/")
    assert key == "/.practice" and '"quiz": true' in value
    scripts = "".join(p.read_text(encoding="utf-8") for p in (DOCS / "assets" / "javascripts").rglob("*.js"))
    assert f'"{pages.QUIZ_MODE_KEY_SUFFIX}"' in scripts
