"""Reading: text decoding, guide boundaries and question layouts."""

import pytest

from guide.errors import GuideError
from guide.read import Part, decode, find_questions, measure_layout, read_source, split_parts


def write(tmp_path, data: bytes, name="s.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_bom_is_dropped_and_crlf_becomes_lf(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf1) What is Flask?\r\nA framework.\r\n")
    assert decode(path, "s.txt") == "1) What is Flask?\nA framework.\n"


def test_text_that_is_not_utf8_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, "1) What is Flask?\nIt\u2019s a framework.\n".encode("cp1252"))
    with pytest.raises(GuideError) as error:
        decode(path, "s.txt")
    assert (error.value.path, error.value.line) == ("s.txt", 2)
    assert "UTF-8" in error.value.message


def test_binary_file_is_refused(tmp_path):
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(GuideError, match="binary"):
        decode(path, "s.txt")


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(GuideError, match="empty"):
        decode(write(tmp_path, b"  \n\n"), "s.txt")


def test_rulers_of_dashes_split_guides():
    lines = ["1) A?", "x", "-" * 40, "-" * 40, "", "1) B?", "y"]
    parts = split_parts(lines)
    assert [next(line for line in p.lines if line) for p in parts] == ["1) A?", "1) B?"]
    assert parts[1].first_line == 5 and parts[1].lines[1] == "1) B?"


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["Q #1) What is Flask?", "Answer: x", "Q #2) Who made it?", "Answer: y"], ["What is Flask?", "Who made it?"]),
        (["1) What is Flask?", "x", "2) Explain routing", "y"], ["What is Flask?", "Explain routing"]),
        (["1. What is Flask?", "", "x", "2. How do routes work?", "y"], ["What is Flask?", "How do routes work?"]),
    ],
)
def test_numbering_layouts_are_recognised(lines, expected):
    assert [text for _, _, text in find_questions(Part(1, 1, lines))] == expected


def test_numbered_items_inside_answers_are_not_questions():
    lines = [
        "Q #1) How to build a REST API?",
        "Answer: With an extension:",
        "1.\tFlask-API",
        "2.\tFlask-RESTful",
        "Q #2) How to scale?",
        "  1. Use a Production Server",
        "  1. Use Caching",
    ]
    assert [n for _, n, _ in find_questions(Part(1, 1, lines))] == [1, 2]


def test_dot_layout_needs_consecutive_numbers_so_steps_are_skipped():
    lines = ["1. What is Flask?", "Steps:", "3. Install it", "2. What is WSGI?", "1. Use pip"]
    assert [text for _, _, text in find_questions(Part(1, 1, lines))] == ["What is Flask?", "What is WSGI?"]


def test_intro_and_chrome_before_the_first_question_are_not_questions(tmp_path):
    text = "What is Python Flask?\nIntro text.\n\nBelow are the list of questions\n\n1) What are the features?\nMany.\n"
    questions = read_source(write(tmp_path, text.encode()), "s.txt")
    assert [q.text for q in questions] == ["What are the features?"]
    assert questions[0].place.line == 6


def test_file_without_questions_is_refused(tmp_path):
    with pytest.raises(GuideError, match="no recognisable question"):
        read_source(write(tmp_path, b"Just some prose.\nNothing numbered.\n"), "s.txt")


def test_truncated_last_answer_is_kept(tmp_path):
    questions = read_source(write(tmp_path, b"1) What is Flask?\nFlask is a micro"), "s.txt")
    assert questions[0].answer_lines == ["Flask is a micro"]


def test_layout_measures_double_spacing_and_wrap_column():
    double = [line for i in range(10) for line in (f"line {i}", "")]
    assert measure_layout(double).double_spaced
    wrapped = ["x" * 118, "y" * 120, "short.", "z" * 115] * 3
    assert measure_layout(wrapped).wrap == 120
    assert measure_layout(["a" * 300, "b", "c", "d"] * 3).wrap == 0


def test_a_dashed_line_under_text_underlines_a_heading_instead_of_splitting_the_guide():
    lines = ["What is Flask?", "-" * 20, "", "A framework.", "", "-" * 40, "", "1) What is g?", "x"]
    parts = split_parts(lines)
    assert [p.first_line for p in parts] == [1, 7]


def test_a_question_hard_wrapped_onto_the_next_line_is_joined(tmp_path):
    text = (
        "1) What is the difference between the application context and the\n"
        "request context in a Flask application?\nOne is per app.\n2) What is g?\nB.\n"
    )
    questions = read_source(write(tmp_path, text.encode()), "s.txt")
    assert questions[0].text == (
        "What is the difference between the application context and the request context in a Flask application?"
    )
    assert [line for line in questions[0].answer_lines if line] == ["One is per app."]


def test_a_question_with_its_answer_run_on_is_cut_at_the_question_mark(tmp_path):
    text = b"1) What is Flask? It is a small framework for the web.\n2) What is g?\nB.\n"
    questions = read_source(write(tmp_path, text), "s.txt")
    assert questions[0].text == "What is Flask?"
    assert questions[0].answer_lines[0] == "It is a small framework for the web."
    assert questions[0].answer_line == questions[0].place.line


def test_line_numbers_count_cr_crlf_and_lf_line_ends():
    from guide.textfile import line_at

    assert [line_at(b"a\rb\r\nc\nd", i) for i in (0, 2, 5, 7)] == [1, 2, 3, 4]
