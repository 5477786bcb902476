"""Cleaning characters, chrome and prose."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide import clean


def test_entities_quotes_and_primes_are_fixed():
    assert clean.fix_characters("&lt;p&gt; \u201cNew\u201d it\u2019s \u2032x\u2032") == "<p> \"New\" it's 'x'"


@pytest.mark.parametrize(
    "line",
    [
        "PlayUnmute",
        "Fullscreen",
        "VDO.AI",
        "Download Free : Python Flask Interview Questions PDF",
        "Take Free: Python flask MCQ & Quiz",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Below are the list of Best Python Flask Interview Questions and Answers",
    ],
)
def test_site_chrome_lines_are_recognised(line):
    assert clean.is_chrome(line)


@pytest.mark.parametrize("line", ["Flask is a framework.", "Download the code below.", "Use the quiz module."])
def test_prose_is_not_chrome(line):
    assert not clean.is_chrome(line)


def test_sentences_about_lost_pictures_are_dropped():
    text = "Run it. Then you will see the result, as shown in the below image. It works."
    assert clean.drop_lost_images(text) == "Run it. It works."


def test_blog_outro_is_recognised():
    assert clean.is_outro("Flask is powerful. In this guide, we covered 25 essential questions.")
    assert not clean.is_outro("Flask is powerful.")


def test_code_in_prose_becomes_inline_code():
    assert clean.prose("Use request.get_json() or url_for in @app.route.") == (
        "Use `request.get_json()` or `url_for` in `@app.route`."
    )


def test_raw_html_in_prose_is_shown_not_rendered():
    assert clean.prose("<b>: It adds a breakpoint") == "`<b>`: It adds a breakpoint"


def test_en_dash_option_becomes_a_command():
    assert clean.prose("Use Flask \u2013help on the command line.") == "Use `flask --help` on the command line."


def test_markdown_specials_are_escaped():
    assert clean.prose("Required fields are marked *") == "Required fields are marked \\*"
    assert clean.prose("1. not a list") == "1\\. not a list"


def test_spaces_before_punctuation_are_removed():
    assert clean.tidy_spaces("Flask  Python ?  Yes , it is.") == "Flask Python? Yes, it is."


@pytest.mark.parametrize(
    "line",
    [
        "Viewing 3 of 10",
        "Click to reveal answer",
        "Show answer",
        "View Answer",
        "Sign up to unlock all answers",
        "Share on LinkedIn",
        "Copy code",
        "Was this article helpful?",
        "**[\u2b06 Back to Top](#table-of-contents)**",
        "Follow us on social media",
        "Also read: Top Python questions",
        "Facebook Twitter LinkedIn",
        "5 min read",
    ],
)
def test_chrome_of_the_wider_web_is_recognised(line):
    assert clean.is_chrome(line)


@pytest.mark.parametrize("line", ["Show the answer to your interviewer.", "Share state with g.", "Email"])
def test_sentences_about_the_same_things_are_not_chrome(line):
    assert not clean.is_chrome(line)


def test_markdown_inline_markup_is_undone_but_code_spans_are_kept():
    text = "**Bold** and *it* [link](https://x.invalid) ![img](a.png) `**kwargs` \\_\\_init\\_\\_ __init__"
    assert clean.plain_inline(text) == "Bold and it link  `**kwargs` __init__ __init__"


def test_a_link_whose_target_holds_parentheses_is_undone_whole():
    text = "See [the article](https://x.invalid/wiki/Flask_(web_framework)) and ![a](p_(1).png) here"
    assert clean.plain_inline(text) == "See the article and  here"


def test_prose_keeps_the_code_spans_a_source_marked():
    assert clean.prose("Use `a*b` or `x | y` in text_here *") == "Use `a*b` or `x | y` in `text_here` \\*"
    assert clean.prose("A stray ` tick") == "A stray \\` tick"


# The lost-image pattern as a regular expression is the specification; the
# linear scan must remove exactly what it removes.

PIECES = st.sampled_from(
    ["below image", "shown in the image", "above output", ". ", "? ", "! ", "x", "the ", " ", "..", "\n", "e.g. "]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_lost_images_are_dropped_as_the_pattern_says(text):
    expected = clean.re.sub(r"\s{2,}", " ", clean.LOST_IMAGE.sub("", text)).strip()
    assert clean.drop_lost_images(text) == expected


def test_a_long_line_without_a_full_stop_takes_linear_time():
    import time

    text = "is it shown in the below image? " * 100000
    started = time.monotonic()
    clean.drop_lost_images(text)
    assert time.monotonic() - started < 5
