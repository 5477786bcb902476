"""Duplicate detection proposes; paragraphs said twice stay where they belong."""

from guide.merge import Groups, Rules, content_words, drop_repeated_paragraphs, group, propose
from guide.model import Paragraph, Place, Question


def q(ident, text, *paragraphs):
    return Question(ident, text, text, Place("s.txt", 1, 1), [Paragraph(p) for p in paragraphs])


def test_content_words_ignore_wording_and_fold_synonyms():
    assert content_words("How to enable Debugging in Flask Python?") == {"enable", "debug"}
    assert content_words("What are the advantages of Flask?") == content_words("What are the benefits of Flask?")


def test_similar_questions_are_proposed_and_different_ones_are_not():
    questions = [
        q("a", "What do you mean by template engines in the Flask framework?"),
        q("b", "What do you mean by template engines in Flask Python?"),
        q("c", "How do you deploy a Flask app?"),
    ]
    pairs = {(p.first, p.second): p.score for p in propose(questions)}
    assert pairs == {("a", "b"): 1.0}


def test_questions_sharing_only_a_common_word_are_not_paired():
    questions = [q(f"q{i}", f"session topic{i} detail{i}") for i in range(200)]
    assert propose(questions) == []


def test_a_duplicate_among_many_is_still_found():
    questions = [q(f"q{i}", f"session topic{i} detail{i}") for i in range(200)]
    questions.append(q("dup", "session topic7 detail7 again"))
    assert [(p.first, p.second) for p in propose(questions)] == [("q7", "dup")]


def test_repeated_paragraph_stays_with_the_question_it_answers():
    shared = (
        "Such systems require creating a schema, which requires connecting the schema.sql file to a sqlite3 command."
    )
    threads = q("t", "What is a thread-local object?", "Flask uses thread-local objects internally.", shared)
    database = q("d", "What are the requirements to create the database schema?", shared)
    drop_repeated_paragraphs([threads, database])
    assert [b.text for b in threads.blocks] == ["Flask uses thread-local objects internally."]
    assert [b.text for b in database.blocks] == [shared]


def test_groups_join_transitively():
    groups = Groups()
    groups.union("a", "b")
    groups.union("c", "b")
    assert groups.find("c") == groups.find("a")


def test_the_same_id_and_an_alias_make_one_answer_owned_by_the_entry_that_names_the_alias():
    questions = [q("a", "What is g?", "A namespace."), q("b", "How do you use g?"), q("a", "What is g?", "Again.")]
    grouping = group(questions, Rules(aliases={"b": ("a",)}))
    assert [c.id for c in grouping.canonicals] == ["b"]
    assert [alias.id for alias in grouping.canonicals[0].aliases] == ["a", "a"]
    assert {ident: c.id for ident, c in grouping.canonical_of.items()} == {"a": "b", "b": "b"}


def test_a_near_certain_duplicate_merges_unless_an_editor_keeps_it_apart():
    same = [
        q("a", "What are template engines in Flask?"),
        q("b", "What are template engines in Flask Python?", "Jinja."),
    ]
    merged = group(same, Rules())
    assert [c.id for c in merged.canonicals] == ["b"]  # the one with an answer
    assert merged.pending == []
    apart = group(same, Rules(distinct=(("a", "b"),)))
    assert [c.id for c in apart.canonicals] == ["a", "b"]
    assert apart.pending == []  # an editor decided: nothing left to propose


def test_a_likely_duplicate_is_left_to_the_editor():
    questions = [q("a", "How do you handle file uploads in Flask?"), q("b", "How do you handle uploads and file size?")]
    grouping = group(questions, Rules())
    assert [c.id for c in grouping.canonicals] == ["a", "b"]
    assert [(p.first, p.second, p.score) for p in grouping.pending] == [("a", "b", 0.75)]
