"""Fences: where code starts and ends, for sources, pages, answers and tests alike."""

import time

import pytest

from guide import fences


def spans(text):
    return [(f.start, f.end, f.mark, f.language) for f in fences.scan(text.split("\n"))]


def test_a_fence_closes_on_the_same_character_at_least_as_long():
    text = "````python\n```\nstill code\n~~~~\n`````\nafter"
    assert spans(text) == [(0, 4, "````", "python")]


def test_an_opening_fence_never_closed_is_text_and_scanning_goes_on():
    text = "```\nnever closed\n~~~js\nx = 1\n~~~"
    assert spans(text) == [(2, 4, "~~~", "js")]


def test_a_backtick_fence_has_no_backtick_in_its_info_string():
    assert spans("``` a`b\nx\n```") == []
    assert spans("~~~ a`b\nx\n~~~") == [(0, 2, "~~~", "a")]


@pytest.mark.parametrize(
    "info, language",
    [("python", "python"), ("Python title='app.py'", "python"), ("{.bash .copy}", "bash"), ("", ""), ("c++", "c++")],
)
def test_the_language_is_the_first_word_of_the_info_string(info, language):
    assert fences.language(info) == language


def test_fenced_lines_mark_fences_and_their_bodies_and_outside_keeps_line_numbers():
    text = "a\n```\n# not a heading\n```\nb"
    assert fences.fenced_lines(text.split("\n")) == [False, True, True, True, False]
    assert fences.outside(text) == "a\n\n\n\nb"


def test_code_blocks_lose_the_fence_indentation():
    text = "- item\n\n    ```python\n    if x:\n        y()\n    ```\n"
    assert fences.code_blocks(text) == [("python", "if x:\n    y()")]
    assert fences.code_blocks("```python\nif x:\n    y()\n```") == [("python", "if x:\n    y()")]


def test_many_unclosed_openers_take_linear_time():
    lines = ["```python"] * 50_000 + ["``"] * 50_000
    started = time.monotonic()
    assert fences.scan(lines) == []
    assert time.monotonic() - started < 5  # a line-by-line search for each closer would take minutes
