"""The editorial layer refuses entries it cannot apply, naming file and line."""

import pytest

from guide import editorial
from guide.errors import GuideError

TOPICS = "- slug: basics\n  title: Basics\n  description: The basics.\n"


def setup(tmp_path, name, text):
    (tmp_path / "topics.yml").write_text(TOPICS)
    (tmp_path / "questions").mkdir(exist_ok=True)
    (tmp_path / "questions" / name).write_text(text)
    return tmp_path


def load(tmp_path):
    return editorial.load(tmp_path, "ed")


def test_a_valid_entry_is_loaded(tmp_path):
    setup(tmp_path, "what-is-flask.md", "---\ntitle: What is Flask?\ntopic: basics\ndifficulty: beginner\n"
          "rewrite: {kind: factual-fix, reason: wrong year}\n---\nFlask began in 2010.\n")
    entry = load(tmp_path).entries["what-is-flask"]
    assert (entry.title, entry.topic, entry.rewrite_kind, entry.body) == (
        "What is Flask?", "basics", "factual-fix", "Flask began in 2010.")


def test_an_unknown_topic_is_refused_at_its_line(tmp_path):
    setup(tmp_path, "x.md", "---\ntitle: X\ntopic: nowhere\n---\n")
    with pytest.raises(GuideError) as error:
        load(tmp_path)
    assert (error.value.path, error.value.line) == ("ed/questions/x.md", 3)


def test_a_body_without_a_reason_is_refused(tmp_path):
    setup(tmp_path, "x.md", "---\ntopic: basics\n---\nNew answer.\n")
    with pytest.raises(GuideError, match="rewrite"):
        load(tmp_path)


def test_aliases_without_a_merge_reason_are_refused(tmp_path):
    setup(tmp_path, "x.md", "---\ntopic: basics\naliases: [y]\n---\n")
    with pytest.raises(GuideError, match="merge_reason") as error:
        load(tmp_path)
    assert error.value.line == 3


def test_unknown_keys_are_refused(tmp_path):
    setup(tmp_path, "x.md", "---\ntopic: basics\ntitel: typo\n---\n")
    with pytest.raises(GuideError, match="unknown key 'titel'"):
        load(tmp_path)


def test_invalid_yaml_is_refused_with_its_line(tmp_path):
    setup(tmp_path, "x.md", "---\ntopic: basics\ntags: [a, b\n---\n")
    with pytest.raises(GuideError, match="invalid YAML"):
        load(tmp_path)


def test_an_entry_naming_no_source_question_is_an_error(tmp_path):
    setup(tmp_path, "no-such-question.md", "---\ntopic: basics\n---\n")
    with pytest.raises(GuideError, match="not the id of any source question"):
        editorial.check_ids(load(tmp_path), {"what-is-flask"})


def test_an_alias_naming_no_source_question_is_an_error(tmp_path):
    setup(tmp_path, "what-is-flask.md", "---\ntopic: basics\naliases: [ghost]\nmerge_reason: same\n---\n")
    with pytest.raises(GuideError, match="alias 'ghost'"):
        editorial.check_ids(load(tmp_path), {"what-is-flask"})


def test_answers_may_not_use_page_level_headings(tmp_path):
    setup(tmp_path, "x.md", "---\ntopic: basics\nrewrite: {kind: clarity, reason: r}\n---\n## Heading\nText\n")
    with pytest.raises(GuideError, match="headings"):
        load(tmp_path)


def test_a_table_with_an_empty_header_cell_is_refused(tmp_path):
    setup(tmp_path, "x.md", "---\ntopic: basics\nrewrite: {kind: clarity, reason: r}\n---\n| | A |\n| --- | --- |\n| x | y |\n")
    with pytest.raises(GuideError, match="header cell is empty"):
        load(tmp_path)
