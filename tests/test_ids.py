"""Ids never merge different questions: slugs keep their meaning, and a collision is refused."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide import merge, pipeline, slug
from guide.errors import GuideError
from guide.model import Place, Question, RawQuestion

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Latin, Cyrillic, Greek, Han, kana, Hangul and Arabic letters, digits, and the symbols questions use.
ALPHABET = st.sampled_from(
    list("abcxyzABCXYZ0129 ")
    + list("жщэЖЩЭ")
    + list("αβΩ")
    + list("什么是安装")
    + list("のテ")
    + list("안녕")
    + list("مرح")
    + list("+#=%*<>~^|$&@!?.,-_'()/")
)
WORDING = st.text(ALPHABET, min_size=1, max_size=90)


def raw(text: str, line: int) -> RawQuestion:
    return RawQuestion(text, Place("src.txt", line, 1), ["An answer."], line + 1)


@pytest.mark.parametrize(
    "first, second",
    [
        ("What is C++?", "What is C#?"),
        ("What is C++?", "What is C?"),
        ("什么是Flask？", "如何安装Flask？"),
        ("Что такое Flask?", "Как установить Flask?"),
        ("What does != do?", "What does = do?"),
        ("What is 5% of 10?", "What is 5 of 10?"),
    ],
)
def test_questions_that_only_differ_in_symbols_or_script_get_different_ids(first, second):
    assert slug.slugify(first) != slug.slugify(second)
    assert len(set(pipeline.identify([raw(first, 1), raw(second, 3)]))) == 2


def test_other_scripts_are_transliterated_not_dropped():
    assert slug.slugify("Что такое Flask?") == "chto-takoe-flask"
    assert slug.slugify("什么是Flask？") == "shen-me-shi-flask"
    assert slug.slugify("What is C++?") == "what-is-c-plus-plus"
    assert slug.slugify("What is C#?") == "what-is-c-sharp"


def test_punctuation_only_gets_a_hashed_id_not_a_shared_word():
    assert re.fullmatch(r"question-[0-9a-f]{10}", slug.slugify("???"))
    assert slug.slugify("???") != slug.slugify("+++")


def test_ids_of_ascii_questions_are_what_they_always_were():
    assert slug.slugify("What is the use of @app.route() in Flask?") == "what-is-the-use-of-app-route-in-flask"
    assert slug.slugify("How to use url_for in the Flask application?") == "how-to-use-url-for-in-the-flask-application"
    assert slug.slugify("Q&A: what's new?") == "q-and-a-what-s-new"


def test_the_same_question_asked_twice_keeps_one_id():
    assert pipeline.identify([raw("What is Flask?", 1), raw("what is flask", 3)]) == ["what-is-flask"] * 2


def test_a_collision_names_both_places():
    long = "What is the difference between the application context and the request context in "
    with pytest.raises(GuideError) as caught:
        pipeline.identify([raw(long + "Flask?", 1), raw(long + "Django?", 5)])
    assert caught.value.line == 5 and "src.txt:1" in caught.value.message and "id collision" in caught.value.message


def test_symbol_only_differences_are_not_auto_merged_as_duplicates():
    def question(text: str) -> Question:
        return Question(slug.slugify(text), text, text, Place("s", 1, 1), [])

    proposals = merge.propose([question("What is C++?"), question("What is C#?")])
    assert not [p for p in proposals if p.score >= merge.AUTO_MERGE]


@settings(max_examples=300, deadline=None)
@given(text=WORDING)
def test_every_slug_is_a_valid_id_of_bounded_length(text):
    ident = slug.slugify(text)
    assert ID.match(ident) and len(ident) <= slug.MAX_LENGTH
    assert slug.slugify(text) == ident


@settings(max_examples=500, deadline=None)
@given(first=WORDING, second=WORDING)
def test_two_wordings_share_an_id_only_when_they_are_the_same_question(first, second):
    try:
        ids = pipeline.identify([raw(first, 1), raw(second, 3)])
    except GuideError as error:
        assert "id collision" in error.message and error.line == 3 and "src.txt:1" in error.message
        return
    if ids[0] == ids[1]:  # one answer: allowed only for one question
        assert slug.wording(first) == slug.wording(second)


@settings(max_examples=300, deadline=None)
@given(text=WORDING)
def test_case_spacing_and_a_final_question_mark_do_not_change_the_id(text):
    assert slug.slugify(text) == slug.slugify(f"  {text.upper()}? ") or not text.isascii()
