"""End to end: a folder of sources in every layout family in, Markdown pages out.

The fixtures in tests/fixtures/readers/ were written for these tests (never
copied from a real page). For each: the reader that wins, the questions it
finds in order, and, built through the whole pipeline, pages whose Python
blocks parse and that keep no chrome.
"""

import ast
import shutil
from pathlib import Path

import pytest

from guide import fences, pipeline
from guide.read import read_guides

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "readers"
EDITORIAL = ROOT / "scripts" / "editorial"

EXPECTED = {
    "answer_lists": (
        "markdown",
        [
            "What should you check before deploying a Flask app?",
            "How would you review a pull request to a Flask service?",
            "What is a blueprint?",
        ],
    ),
    "bold_labels": (
        "labelled",
        ["What is Werkzeug's role in Flask?", "How do you serve a file for download?", "What is `flask shell` for?"],
    ),
    "coaching": (
        "numbered-dot",
        [
            "What is Flask-Migrate used for?",
            "Why would you choose Flask over a bigger framework?",
            "How do you debug a failing request?",
        ],
    ),
    "coaching_sections": (
        "numbered-dot",
        ["What is the application factory pattern?", "How do you keep secrets out of the code?"],
    ),
    "double_spaced_labels": ("labelled", ["What is Flask?", "What is Jinja?", "How do you define a route?"]),
    "emoji_markers": (
        "question-lines",
        [
            "What is the purpose of app.teardown_appcontext?",
            "How do you make a route accept POST?",
            "Which file does flask run look for by default?",
        ],
    ),
    "flashcards": (
        "quiz",
        [
            "What does jsonify return?",
            "What is the default port of the development server?",
            "Which extension adds CSRF protection to forms?",
            "What does the static folder hold?",
        ],
    ),
    "glossary_then_qa": (
        "labelled",
        ["What does url_for build?", "When is before_request called?", "How do you set a cookie?"],
    ),
    "hard_wrapped_paywall": (
        "numbered-paren",
        [
            "How does Flask choose the template folder?",
            "Explain what stream_with_context does.",
            "What happens when a view raises an unhandled exception?",
            "How do you limit the size of uploads?",
        ],
    ),
    "jina_style": (
        "markdown",
        [
            "How do you protect a view so only logged-in users see it?",
            "What is the purpose of `app.config.from_object`?",
            "How are sessions stored by default?",
        ],
    ),
    "labelled_colon": (
        "labelled",
        [
            "What is Flask?",
            "Which command starts the development server?",
            "How do you read a query string value?",
            "What does the `g` object hold?",
        ],
    ),
    "labelled_numbered": (
        "labelled",
        [
            "What is a blueprint?",
            "Why would you use an application factory?",
            "What are the steps to handle a file upload?",
            "How do you return JSON?",
            "What is the difference between the session and g?",
        ],
    ),
    "markdown_bold": (
        "markdown",
        [
            "What is the difference between `flask run` and `app.run()`?",
            "How can a view return a redirect?",
            "Explain the purpose of `secret_key`.",
            "What is an extension?",
        ],
    ),
    "markdown_front_matter": (
        "markdown",
        ["What is the request context?", "How do you register an error handler?", "How do you test a view?"],
    ),
    "markdown_setext": (
        "markdown",
        [
            "What does the __name__ argument tell Flask?",
            "How do you read JSON sent by a client?",
            "Which hooks run around every request?",
        ],
    ),
    "mcq_numbered": (
        "numbered-dot",
        [
            "Which decorator registers a URL rule?",
            "Which object stores data for one request only?",
            "What does a view return to send a 201 status?",
        ],
    ),
    "numbered_sections": (
        "numbered-dot",
        [
            "What is Flask?",
            "What is a view function?",
            "What is a template?",
            "How do you run background work after a request?",
            "How do signals differ from hooks?",
            "Why can streaming responses lose the request context?",
        ],
    ),
    "question_lines": (
        "question-lines",
        [
            "What is a route in Flask?",
            "How do you pass a variable in the URL?",
            "Why is the development server not for production?",
            "Can you name two ways to store configuration?",
        ],
    ),
    "question_list": (
        "question-list",
        [
            "What is Flask and who maintains it?",
            "How is Flask different from a full-stack framework?",
            "What does the debug mode change?",
            "How do you build URLs for static files?",
            "What HTTP methods does a route accept by default?",
            "Explain the difference between a path and a query string.",
        ],
    ),
    "quick_fire": (
        "labelled",
        ["What is Flask?", "What is Werkzeug?", "What is g?", "Which of these is a Flask extension?"],
    ),
    "quiz_dump": (
        "quiz",
        [
            "Which object gives access to form fields sent with POST?",
            "Which function renders a template file?",
            "What status code does abort(403) send?",
        ],
    ),
    "table_of_answers": (
        "table",
        [
            "What does `flask run` need to find the app?",
            "Which object carries uploaded files?",
            "How do you send a 204 from a view?",
        ],
    ),
    "readme_list_headings": (
        "markdown",
        ["What is the app context for?", "How do you add a CLI command?", "What is a MethodView?"],
    ),
}
# Chrome that must never reach a page, whatever the family.
CHROME = (
    "Viewing 3 of",
    "Show answer",
    "Click to reveal",
    "Unlock all",
    "Share on",
    "Subscribe",
    "Back to Top",
    "Copy code",
    "Question 1 of",
    "Was this article",
    "Follow us",
    "banner.png",
    "Table of contents",
    "![",
    "**",
    "title: Flask questions for backend roles",
)


def test_every_fixture_has_its_expectation():
    assert sorted(p.stem for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_expected_reader_finds_the_questions_in_order(name):
    path = FIXTURES / f"{name}.txt"
    (guide,) = read_guides(path, path.name)
    reader, questions = EXPECTED[name]
    assert guide.chosen is not None and guide.chosen.reader == reader
    assert [q.text for q in guide.questions] == questions


def build(tmp_path: Path, *names: str) -> pipeline.Result:
    folder = tmp_path / "src"
    folder.mkdir()
    for name in names:
        shutil.copy(FIXTURES / f"{name}.txt", folder / f"{name}.txt")
    return pipeline.build(folder, EDITORIAL, with_entries=False)


def blocks(result: pipeline.Result):
    for page, text in result.files.items():
        if page.endswith(".md"):
            for language, body in fences.code_blocks(text):
                yield page, language, body


@pytest.fixture(scope="module")
def everything(tmp_path_factory) -> pipeline.Result:
    """All fixtures as one folder of sources, built once."""
    return build(tmp_path_factory.mktemp("all"), *EXPECTED)


def test_the_whole_folder_builds_with_every_question(everything):
    assert len(everything.report) == sum(len(questions) for _, questions in EXPECTED.values())


def test_every_python_block_parses_and_the_unparseable_are_warned_about(everything):
    python = [body for _, language, body in blocks(everything) if language == "python"]
    assert len(python) >= 8
    for body in python:
        ast.parse(body)
    assert not [w for w in everything.warnings if "does not parse" in w]  # all the fixtures' code is repairable


def test_code_whose_indentation_was_lost_in_a_fence_is_indented_again(everything):
    python = [body for _, language, body in blocks(everything) if language == "python"]
    assert any('def not_found(error):\n    return {"error": "not found"}, 404' in body for body in python)
    assert any("def settings():\n    return render_template" in body for body in python)
    assert any(
        'class ProductionConfig:\n    DEBUG = False\n    SQLALCHEMY_DATABASE_URI = "postgresql://db/prod"\n\n\n'
        "app.config.from_object(ProductionConfig)" in body
        for body in python
    )


def test_no_chrome_reaches_a_page(everything):
    # The home and About pages are ours, with bold of their own; the answers are what came from the sources.
    pages = "\n".join(
        text for name, text in everything.files.items() if name.endswith(".md") and name not in ("index.md", "about.md")
    )
    for chrome in CHROME:
        assert chrome not in pages, chrome


def test_unanswered_questions_are_kept_flagged_and_shown_as_no_answer_yet(tmp_path):
    result = build(tmp_path, "question_list", "hard_wrapped_paywall")
    assert len(result.unanswered) == 7
    assert {w.split(": ", 1)[1] for w in result.warnings if "no answer" in w} == {
        "question has no answer text (shown as no answer yet)"
    }
    pages = "\n".join(result.files.values())
    assert pages.count("*No answer yet: the source asks this question without answering it.*") == 7


def test_coaching_notes_follow_the_answer(everything):
    pages = "\n".join(everything.files.values())
    assert (
        "It manages database schema changes for SQLAlchemy models through Alembic, with commands such as "
        "flask db migrate and flask db upgrade.\n\n"
        "How to answer: Say what problem it solves before naming the tool behind it." in pages
    )
    assert "Example answer:" not in pages and "Sample answer:" not in pages
    assert (
        "so tests and deployments get their own app.\n\n"
        "Why you might get asked this: Teams want to know whether you have structured an app that grows.\n\n"
        "How to answer:\n\n- Say what the factory returns.\n- Say why tests benefit." in pages
    )


def test_quiz_options_become_a_list_and_the_letter_is_spelled_out(everything):
    pages = "\n".join(everything.files.values())
    assert (
        "- A) `request.args`\n- B) `request.form`\n- C) session\n- D) g\n\nCorrect answer: B) `request.form`" in pages
    )
    assert "Correct answer: B) `@app.route`" in pages


def test_markdown_tables_lists_and_inline_code_survive(everything):
    pages = "\n".join(everything.files.values())
    assert "| Decorator | Catches |\n| --- | --- |\n| `app.errorhandler(404)` | pages that do not exist |" in pages
    assert "- `before_request` runs first;" in pages
    assert "Run `flask --app hello run` from the folder that holds `hello.py`." in pages


def test_the_section_title_of_a_restarted_numbering_is_not_an_answer(everything):
    pages = "\n".join(everything.files.values())
    assert "Advanced questions" not in pages and "Beginner questions" not in pages


def test_numbered_questions_inside_an_answer_stay_a_list(everything):
    pages = "\n".join(everything.files.values())
    assert (
        "Ask yourself these, in order:\n\n1. Is debug mode off in production?\n"
        "1. Does the secret key come from the environment?" in pages
    )
