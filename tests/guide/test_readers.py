"""Readers: a guide's lines in, question/answer pairs out, and how the best explanation wins.

Every fragment here is written for these tests.
"""

import pytest

from guide import readers
from guide.readers.labelled import Labelled
from guide.readers.markdown import MarkdownReader
from guide.readers.numbered import LAYOUTS
from guide.readers.page import make_page
from guide.readers.plain import PlainQuestions
from guide.readers.question_list import QuestionList
from guide.readers.quiz import Quiz, spell_out_letter
from guide.readers.table import TableReader

NUMBERED = {layout.name: layout for layout in LAYOUTS}


def page(text: str):
    return make_page(text.split("\n"))


def asked(reading) -> list[str]:
    return [pair.text for pair in reading.pairs]


def best(text: str):
    return readers.readings(page(text))[0]


# --- one reader at a time -----------------------------------------------------------


@pytest.mark.parametrize(
    "line, question",
    [
        ("Q: What is Flask?", "What is Flask?"),
        ("Q. What is Flask?", "What is Flask?"),
        ("Q1. What is Flask?", "What is Flask?"),
        ("Q.1 What is Flask?", "What is Flask?"),
        ("Q-1: What is Flask?", "What is Flask?"),
        ("Question: What is Flask?", "What is Flask?"),
        ("Question 1: What is Flask?", "What is Flask?"),
        ("Question #1 - What is Flask?", "What is Flask?"),
        ("**Q1:** What is Flask?", "What is Flask?"),
        ("### Q1. What is Flask?", "What is Flask?"),
        ("\u2753 Question: What is Flask?", "What is Flask?"),
    ],
)
def test_every_question_label_style_is_read(line, question):
    reading = Labelled().read(page(f"{line}\nA: A small framework."))
    assert asked(reading) == [question]
    assert reading.pairs[0].answered


@pytest.mark.parametrize(
    "label",
    ["A:", "Answer:", "Ans.", "Ans -", "A1:", "Expected answer:", "Sample answer:", "**Answer:**", "\u2705 Answer:"],
)
def test_every_answer_label_style_is_dropped_from_the_answer(label):
    reading = Labelled().read(page(f"Q: What is Flask?\n{label} A small framework."))
    assert [line for line in reading.pairs[0].answer if line.strip()] == ["A small framework."]


def test_a_bare_question_label_takes_the_wording_on_the_next_line():
    reading = Labelled().read(page("Question 2\n\nWhat is g?\n\nAnswer\n\nA namespace for one context."))
    assert asked(reading) == ["What is g?"]
    assert reading.pairs[0].number == 2
    assert [line for line in reading.pairs[0].answer if line.strip()] == ["A namespace for one context."]


def test_a_question_sharing_its_line_with_the_answer_is_split():
    reading = Labelled().read(page("Q: What is Jinja? A: The template engine."))
    assert asked(reading) == ["What is Jinja?"]
    assert reading.pairs[0].answer == ["The template engine."]


def test_words_with_a_q_are_not_labels():
    assert Labelled().read(page("Queue: a list of jobs.\nQuick note: nothing here.")) is None


def test_markdown_question_level_is_the_one_that_asks_most():
    text = "\n".join(
        [
            "# Flask questions",
            "## Basics",
            "### What is Flask?",
            "A framework.",
            "#### Example",
            "An example paragraph.",
            "### Why use it?",
            "It is small.",
            "## Advanced",
            "### How do signals work?",
            "Through blinker.",
        ]
    )
    reading = MarkdownReader().read(page(text))
    assert asked(reading) == ["What is Flask?", "Why use it?", "How do signals work?"]
    first = [line for line in reading.pairs[0].answer if line.strip()]
    assert first == ["A framework.", "#### Example", "An example paragraph."]  # a deeper heading is answer content
    assert [line for line in reading.pairs[1].answer if line.strip()] == ["It is small."]  # "## Advanced" ends it


def test_markdown_numbered_headings_are_questions_even_without_a_question_mark():
    reading = MarkdownReader().read(
        page("## 1. What is Flask?\nA.\n## 2. Flask versus Django\nB.\n## 3. Why Jinja?\nC.")
    )
    assert asked(reading) == ["What is Flask?", "Flask versus Django", "Why Jinja?"]
    assert [p.number for p in reading.pairs] == [1, 2, 3]


def test_markdown_bold_lines_and_bold_questions_opening_a_paragraph():
    text = "**1. What is Flask?**\n\n**Answer:** A framework.\n\n**What is g?** A namespace, one per context.\n"
    reading = MarkdownReader().read(page(text))
    assert asked(reading) == ["What is Flask?", "What is g?"]
    assert [line for line in reading.pairs[0].answer if line.strip()] == ["A framework."]
    assert reading.pairs[1].answer[0] == "A namespace, one per context."


def test_markdown_bold_labels_inside_answers_are_not_titles():
    reading = MarkdownReader().read(page("**What is Flask?**\n\n**Example:**\n\nSome code.\n\n**Note:** small."))
    assert len(reading.pairs) == 1
    assert "Some code." in reading.pairs[0].answer


def test_markdown_list_item_headings_and_setext_headings():
    listed = MarkdownReader().read(
        page("1. ### What is Flask?\n\n    A framework.\n\n2. ### What is g?\n\n    A namespace.")
    )
    assert asked(listed) == ["What is Flask?", "What is g?"]
    setext = MarkdownReader().read(
        page("What is Flask?\n--------------\n\nA framework.\n\nWhat is g?\n==========\n\nB.")
    )
    assert asked(setext) == ["What is Flask?", "What is g?"]


def test_plain_question_lines_need_a_question_mark_and_no_marks_of_their_own():
    text = "Intro line.\n\nWhat is Flask?\nA framework.\n\n1. What is g?\n- Why?\nHow does routing work?\nBy rules."
    reading = PlainQuestions().read(page(text))
    assert asked(reading) == ["What is Flask?", "How does routing work?"]
    assert reading.weight < 1


def test_plain_question_line_that_ends_a_wrapped_sentence_is_not_a_question():
    long = "This sentence runs all the way to the margin of the page and then continues with"
    assert PlainQuestions().read(page(f"{long}\nthe rest of it, doesn't it?\nNo.")) is None


def test_question_list_keeps_every_question_unanswered():
    text = (
        "Practise these\n\nRouting\n- What is a rule?\n- How are converters used?\nTemplates\n- Explain autoescaping\n"
    )
    reading = QuestionList().read(page(text))
    assert asked(reading) == ["What is a rule?", "How are converters used?", "Explain autoescaping"]
    assert reading.answered == 0


def test_question_list_declines_a_page_that_answers():
    text = "What is Flask?\nA framework for the web, small and extensible.\nWhat is g?\nA namespace that lives for one context."
    assert QuestionList().read(page(text)) is None


def test_quiz_cards_reveal_widgets_and_labelled_sides():
    cards = Quiz().read(
        page("Card 1 of 2\nWhat is g?\nShow answer\nA namespace.\nCard 2 of 2\nWhat is Jinja?\nA template engine.")
    )
    assert asked(cards) == ["What is g?", "What is Jinja?"]
    reveals = Quiz().read(
        page("What is g?\nClick to reveal answer\nA namespace.\n\nWhat is Jinja?\nShow answer\nTemplates.")
    )
    assert asked(reveals) == ["What is g?", "What is Jinja?"]
    sides = Quiz().read(page("Front: What is g?\nBack: A namespace.\nFront: Blueprint\nBack: A group of routes."))
    assert asked(sides) == ["What is g?", "Blueprint"]
    assert sides.pairs[1].answer[0] == "A group of routes."


def test_quiz_options_on_the_question_line_start_the_answer_and_a_letter_is_spelled_out():
    reading = Quiz().read(page("Question 1 of 3\nWhich holds form data? A) args B) form C) g\nShow answer\nAnswer: B"))
    assert asked(reading) == ["Which holds form data?"]
    spell_out_letter(reading.pairs[0].answer)
    lines = [line for line in reading.pairs[0].answer if line.strip()]
    assert lines[0] == "A) args B) form C) g"
    assert lines[-1] == "Correct answer: B) form"


def test_numbering_that_restarts_per_section_is_read_section_by_section():
    text = "Basic\n\n1. What is Flask?\nA.\n2. What is g?\nB.\n\nAdvanced\n\n1. What are signals?\nC.\n2. What is WSGI?\nD."
    reading = NUMBERED["numbered-dot"].read(page(text))
    assert asked(reading) == ["What is Flask?", "What is g?", "What are signals?", "What is WSGI?"]
    assert "Advanced" not in reading.pairs[1].answer  # the section title ends the answer before it


def test_a_list_restarting_at_one_inside_an_answer_is_not_a_new_section():
    text = "1. What is Flask?\nSteps:\n1. Install it\n2. Import it\n2. What is g?\nA namespace."
    assert asked(NUMBERED["numbered-dot"].read(page(text))) == ["What is Flask?", "What is g?"]


def test_other_number_styles_and_escaped_dots():
    assert asked(best("(1) What is Flask?\nA.\n(2) What is g?\nB.")) == ["What is Flask?", "What is g?"]
    assert asked(best("1\\. What is Flask?\nA.\n2\\. What is g?\nB.")) == ["What is Flask?", "What is g?"]


# --- the page every reader sees ------------------------------------------------------


def test_front_matter_contents_images_rules_and_card_counters_are_chrome():
    text = "\n".join(
        [
            "---",
            "title: x",
            "---",
            "## Contents",
            "- [What is Flask?](#what-is-flask)",
            "![a chalk drawing](x.png)",
            "Question 3 of 10",
            "## What is Flask?",
            "A framework.",
            "***",
            "Viewing 3 of 10",
        ]
    )
    seen = page(text)
    assert [i for i in range(len(seen)) if seen.chrome[i]] == [0, 1, 2, 3, 4, 5, 6, 9, 10]
    assert seen.markdown


def test_an_untitled_contents_list_of_questions_asked_again_is_chrome():
    text = "What is Flask?\nWhat is g?\nWhat is WSGI?\n\nWhat is Flask?\nA.\nWhat is g?\nB.\nWhat is WSGI?\nC."
    seen = page(text)
    assert seen.chrome[:3] == [True, True, True] and not any(seen.chrome[3:])


def test_questions_inside_fenced_code_are_not_questions():
    reading = best("What is Flask?\n```\nwhat = input('Is it?')\nQ: not a label?\n```\nThat is it.")
    assert asked(reading) == ["What is Flask?"]


def test_python_comments_alone_do_not_make_a_page_markdown():
    assert not page("1. What is it?\n# Create\nx = 1\n# Read\nprint(x)").markdown


# --- the best explanation wins ---------------------------------------------------------


def test_a_numbered_guide_beats_the_stray_questions_in_its_answers():
    text = "1. What is Flask?\nWhy?\nBecause.\nHow so?\nIt is.\n2. What is g?\nB.\n3. What is WSGI?\nC."
    found = readers.readings(page(text))
    assert found[0].reader == "numbered-dot"
    assert asked(found[0]) == ["What is Flask?", "What is g?", "What is WSGI?"]


def test_a_question_only_list_is_read_by_the_list_reader():
    assert best("What is Flask?\nWhat is g?\nWhat is WSGI?").reader == "question-list"


def test_answered_questions_beat_a_contents_list_read_as_questions():
    text = "1. What is Flask?\n2. What is g?\n\n## 1. What is Flask?\nA framework.\n## 2. What is g?\nA namespace."
    reading = best(text)
    assert reading.reader == "markdown" and reading.answered == 2


def test_ties_go_to_the_reader_registered_first_and_say_so():
    found = readers.readings(page("Q1) What is Flask?\nAnswer: A.\nQ2) What is g?\nAnswer: B."), everything=True)
    assert [r.reader for r in found[:2]] == ["numbered-q", "labelled"]
    assert "registry" in readers.why_it_lost(found[0], found[1])


def test_why_it_lost_names_the_counts():
    found = readers.readings(
        page("1. What is Flask?\nIs it small?\nYes.\n2. What is g?\nB.\n3. What is WSGI?\nC."), everything=True
    )
    why = readers.why_it_lost(found[0], found[1])
    assert "fewer questions" in why and "weaker evidence" in why


def test_an_unanswered_contents_entry_asked_again_later_is_dropped():
    reading = Labelled().read(page("Q: What is g?\nQ: What is Flask?\nA: A framework.\nQ: What is g?\nA: A namespace."))
    assert asked(reading) == ["What is Flask?", "What is g?"]
    assert reading.dropped == [0]


def test_a_table_of_questions_and_answers_is_read_row_by_row():
    text = "| Question | Answer |\n| --- | --- |\n| What is g? | A namespace. |\n| What is Jinja? | |\n\nAfter."
    reading = TableReader().read(page(text))
    assert asked(reading) == ["What is g?", "What is Jinja?"]
    assert [(p.line, p.answer, p.answered) for p in reading.pairs] == [(2, ["A namespace."], True), (3, [""], False)]


def test_a_table_that_does_not_ask_is_not_read():
    assert TableReader().read(page("| Hook | When |\n| --- | --- |\n| before | first |")) is None


def test_keycap_numbers_are_decoration():
    assert asked(best("1\ufe0f\u20e3 What is Flask?\nA.\n\n2\ufe0f\u20e3 What is g?\nB.")) == [
        "What is Flask?",
        "What is g?",
    ]


def test_a_request_standing_alone_is_a_question_line_and_a_menu_question_is_not():
    text = "Why us?\nHome\n\nExplain the application context.\nIt holds current_app.\n\nWhat is g?\nA namespace."
    assert asked(PlainQuestions().read(page(text))) == ["Explain the application context.", "What is g?"]


def test_a_numbered_list_announced_by_a_colon_is_answer_content():
    text = "1. What to check before deploying?\nAsk yourself:\n1. Is debug off?\n2. Is the key set?\n2. How to review?\nSlowly."
    reading = best(text)
    assert reading.reader == "numbered-dot"
    assert asked(reading) == ["What to check before deploying?", "How to review?"]


def test_section_headings_and_a_conclusion_end_the_answer_before_them():
    text = "1. What is Flask?\nA framework.\n\nQuestions for experienced developers\n2. What is g?\nB.\n\nConclusion\nGood luck."
    reading = best(text)
    assert [line for line in reading.pairs[0].answer if line.strip()] == ["A framework."]
    assert [line for line in reading.pairs[1].answer if line.strip()] == ["B."]


def test_skipping_the_readers_that_cannot_win_never_changes_the_winner():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "tests" / "fixtures" / "readers").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "sources").glob("*.txt"))]
    for text in texts:
        seen = page(text)
        quick, every = readers.readings(seen), readers.readings(seen, everything=True)
        assert (quick[0].reader, quick[0].score) == (every[0].reader, every[0].score)
        for reader in readers.REGISTRY:
            reading = reader.read(seen)
            if reading is not None and reading.pairs:
                assert reading.score <= reader.bound(seen).score, reader.name


def test_options_run_on_over_a_two_line_question_above_a_reveal_widget():
    reading = Quiz().read(page("Which of these\nholds form data? A) args B) form\nShow answer\nB"))
    assert asked(reading) == ["Which of these holds form data?"]
    assert reading.pairs[0].answer[0] == "A) args B) form"
    broken = Quiz().read(page("Which A) x B) y\nwraps on? C) z\nClick to reveal answer\nC"))
    assert len(broken.pairs) == 1  # options split over the question's lines: no crash, the wording kept


def test_a_table_that_opens_an_answer_keeps_its_first_pipe():
    text = "# Notes\n\n## What are the hooks?\n\n| Hook | When |\n| --- | --- |\n| before | first |\n\n## What is g?\n\nA namespace."
    reading = best(text)
    assert asked(reading) == ["What are the hooks?", "What is g?"]
    assert next(line for line in reading.pairs[0].answer if line) == "| Hook | When |"
