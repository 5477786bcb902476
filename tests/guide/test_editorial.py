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
    setup(
        tmp_path,
        "what-is-flask.md",
        "---\ntitle: What is Flask?\ntopic: basics\ndifficulty: beginner\n"
        "rewrite: {kind: factual-fix, reason: wrong year}\n---\nFlask began in 2010.\n",
    )
    entry = load(tmp_path).entries["what-is-flask"]
    assert (entry.title, entry.topic, entry.rewrite_kind, entry.body) == (
        "What is Flask?",
        "basics",
        "factual-fix",
        "Flask began in 2010.",
    )


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
    setup(
        tmp_path,
        "x.md",
        "---\ntopic: basics\nrewrite: {kind: clarity, reason: r}\n---\n| | A |\n| --- | --- |\n| x | y |\n",
    )
    with pytest.raises(GuideError, match="header cell is empty"):
        load(tmp_path)


AUTHORED = (
    "---\nauthored: true\ntitle: How do you prevent XSS in Flask?\ntopic: basics\ndifficulty: intermediate\n"
    "tags: [security]\nessential: true\nshort: Let Jinja escape everything.\n"
    "references:\n  - {title: 'Flask: Security Considerations', url: 'https://flask.palletsprojects.com/en/stable/web-security/'}\n"
    "---\nAutoescaping is on for .html templates.\n"
)


def test_an_authored_question_needs_no_rewrite_and_keeps_its_short_answer_and_references(tmp_path):
    setup(tmp_path, "how-do-you-prevent-xss-in-flask.md", AUTHORED)
    entry = load(tmp_path).entries["how-do-you-prevent-xss-in-flask"]
    assert entry.authored and entry.essential
    assert entry.short == "Let Jinja escape everything."
    assert [(r.title, r.url) for r in entry.references] == [
        ("Flask: Security Considerations", "https://flask.palletsprojects.com/en/stable/web-security/")
    ]
    assert editorial.authored(load(tmp_path)) == [entry]


@pytest.mark.parametrize(
    ("change", "message", "line"),
    [
        (("short: Let Jinja escape everything.\n", ""), "needs 'short'", 2),
        (("topic: basics\n", ""), "needs 'topic'", 2),
        (("---\nAutoescaping is on for .html templates.\n", "---\n"), "body", 2),
        (("tags: [security]\n", "tags: [security]\nrewrite: {kind: clarity, reason: r}\n"), "has no source", 7),
        (("tags: [security]\n", "tags: [security]\naliases: [x]\nmerge_reason: r\n"), "has no source", 7),
        (("https://flask", "javascript://flask"), "web address", 9),
        (("essential: true", "essential: yes please"), "true or false", 7),
    ],
)
def test_an_incomplete_authored_question_is_refused_at_its_line(tmp_path, change, message, line):
    setup(tmp_path, "how-do-you-prevent-xss-in-flask.md", AUTHORED.replace(*change))
    with pytest.raises(GuideError, match=message) as error:
        load(tmp_path)
    assert error.value.line == line


def test_an_authored_file_name_must_be_a_slug(tmp_path):
    setup(tmp_path, "How_XSS.md", AUTHORED)
    with pytest.raises(GuideError, match="file name is its id"):
        load(tmp_path)


def test_an_authored_id_that_is_also_a_source_question_is_a_collision(tmp_path):
    setup(tmp_path, "what-is-flask.md", AUTHORED)
    with pytest.raises(GuideError, match="id collision") as error:
        editorial.check_ids(load(tmp_path), {"what-is-flask"})
    assert error.value.path == "ed/questions/what-is-flask.md"


def test_a_short_answer_is_at_most_a_couple_of_sentences(tmp_path):
    setup(tmp_path, "how-do-you-prevent-xss-in-flask.md", AUTHORED.replace("everything.", "everything " * 90))
    with pytest.raises(GuideError, match="short answer") as error:
        load(tmp_path)
    assert error.value.line == 8


@pytest.mark.parametrize(
    "text, level",
    [
        ("What is Flask?", "beginner"),
        ("How do you install Flask?", "beginner"),
        ("How does Flask handle threads?", "advanced"),
        ("What is the application context?", "advanced"),  # a subject outranks a definition
        ("How do you return JSON from a view?", "intermediate"),
    ],
)
def test_a_difficulty_nobody_rated_is_guessed_from_the_wording(text, level):
    assert editorial.guess_difficulty(text) == level


def test_a_topic_nobody_chose_is_the_one_whose_keywords_match_most():
    from guide.model import Place, Question

    topics = [
        editorial.Topic("basics", "Basics", "", ("flask",), ""),
        editorial.Topic("templates", "Templates", "", ("jinja", "template"), ""),
    ]
    question = Question("x", "", "How do Jinja templates extend a base template?", Place("s.txt", 1, 1), [])
    assert editorial.guess_topic(question, topics) == "templates"
    nothing = Question("y", "", "Who wrote it?", Place("s.txt", 2, 1), [])
    assert editorial.guess_topic(nothing, topics) == "basics"  # the first topic when none matches


def _source_question(ident, text):
    from guide.model import Place, Question

    return Question(ident, text, text, Place("s.txt", 3, 1), [])


def test_a_title_that_changes_the_source_wording_needs_a_reason(tmp_path):
    setup(tmp_path, "what-is-g.md", "---\ntopic: basics\ntitle: What is the g object?\n---\n")
    with pytest.raises(GuideError) as error:
        editorial.check_titles(load(tmp_path), [_source_question("what-is-g", "What is  g?")])
    assert (error.value.path, error.value.line) == ("ed/questions/what-is-g.md", 3)
    assert "title_reason" in str(error.value)


@pytest.mark.parametrize(
    "front",
    [
        "title: What is the g object?\ntitle_reason: Names the object.\n",
        "title: What is g?\n",  # the source's own wording, spaces aside
    ],
)
def test_a_title_with_a_reason_or_the_source_wording_is_accepted(tmp_path, front):
    setup(tmp_path, "what-is-g.md", f"---\ntopic: basics\n{front}---\n")
    editorial.check_titles(load(tmp_path), [_source_question("what-is-g", "What is  g?")])
