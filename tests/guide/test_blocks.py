"""Raw answer fragments in, Markdown out: one case per kind of damage."""

from guide.blocks import Problems, answer_blocks, python_code, reformat
from guide.code import format_python
from guide.model import Place, RawQuestion
from guide.render import answer_markdown

NB = "\u00a0"


def md(lines: list[str], *, double_spaced=False, wrap=0, question="What is it?") -> str:
    raw = RawQuestion(question, Place("s.txt", 1, 1), lines, 2, double_spaced, wrap)
    blocks = answer_blocks(raw, Problems())
    return answer_markdown(reformat(blocks, format_python(python_code(blocks))))


def test_answer_prefix_is_removed():
    assert md(["Answer: Flask is a framework."]) == "Flask is a framework."


def test_hard_wrapped_lines_are_joined_even_before_a_comma():
    lines = ["x " * 58 + "Moreover", ", raw SQL queries are prone to SQL injection attacks."]
    assert md(lines, wrap=120).endswith("x Moreover, raw SQL queries are prone to SQL injection attacks.")


def test_short_lines_in_a_wrapped_guide_stay_paragraphs():
    assert md(["First sentence.", "Second sentence."], wrap=120) == "First sentence.\n\nSecond sentence."


def test_bullet_characters_become_a_list():
    assert md(["Benefits are:", "\u2022\tIt is small.", "\u2022\tIt is WSGI compliant."]) == (
        "Benefits are:\n\n- It is small.\n- It is WSGI compliant."
    )


def test_one_item_per_line_after_a_colon_becomes_a_list():
    lines = ["It has these features:", "", "Built-in development server", "Integrated unit testing support"]
    assert md(lines) == "It has these features:\n\n- Built-in development server\n- Integrated unit testing support"


def test_numbered_items_stay_numbered_and_text_after_them_is_a_paragraph():
    lines = ["Some extensions:", "1.\tFlask-RESTful", "2.\tFlask-RESTX", "Choose with care."]
    assert md(lines) == "Some extensions:\n\n1. Flask-RESTful\n1. Flask-RESTX\n\nChoose with care."


def test_sectioned_numbered_list_keeps_its_content_nested():
    lines = [
        "Strategies:",
        "",
        "  1. Use a Production Server",
        "",
        "Use Gunicorn:",
        "",
        "gunicorn -w 4 app:app",
        "",
        "  \u2022 -w 4: Spawns 4 worker processes.",
        "  1. Use Caching",
        "",
        "It helps.",
    ]
    assert md(lines, double_spaced=True) == (
        "Strategies:\n\n"
        "1. Use a Production Server\n\n"
        "    Use Gunicorn:\n\n"
        "    ```bash\n    gunicorn -w 4 app:app\n    ```\n\n"
        "    - `-w` 4: Spawns 4 worker processes.\n\n"
        "1. Use Caching\n\n"
        "    It helps."
    )


def test_double_spaced_code_is_closed_up_and_nbsp_indentation_kept():
    lines = [
        "Example:",
        "",
        "from flask import Flask",
        "",
        "app = Flask(__name__)",
        "",
        NB,
        "",
        "@app.route(\u2018/\u2019)",
        "",
        "def home():",
        "",
        NB * 4 + "return \u201cHello, Flask!\u201d",
        "",
    ]
    assert md(lines, double_spaced=True) == (
        "Example:\n\n```python\nfrom flask import Flask\n\napp = Flask(__name__)\n\n\n"
        '@app.route("/")\ndef home():\n    return "Hello, Flask!"\n```'
    )


def test_broken_python_is_repaired_before_it_is_fenced():
    lines = ["fromflask import Flask, session", "", "def use_session()", "    x = 1", "   return x"]
    assert md(lines) == (
        "```python\nfrom flask import Flask, session\n\n\ndef use_session():\n    x = 1\n    return x\n```"
    )


def test_escaped_html_inside_a_python_string_stays_code():
    lines = ["def index():", '    return """', "    &lt;p&gt;Hi&lt;/p&gt;", '    """']
    assert md(lines) == '```python\ndef index():\n    return """\n    <p>Hi</p>\n    """\n```'


def test_shell_commands_are_fenced_as_bash():
    assert md(["Install it:", "pip install Flask", "Then run it."]) == (
        "Install it:\n\n```bash\npip install Flask\n```\n\nThen run it."
    )


def test_nginx_upstream_block_is_fenced_as_nginx():
    lines = ["upstream app {", "", NB * 4 + "server 127.0.0.1:5000;", "", "}", ""]
    assert md(lines, double_spaced=True) == "```nginx\nupstream app {\n    server 127.0.0.1:5000;\n}\n```"


def test_template_is_fenced_as_html_jinja():
    lines = [
        "<ul>",
        "",
        "{% for user in users %}",
        "",
        NB * 4 + "<li>{{ user }}</li>",
        "",
        "{% endfor %}",
        "",
        "</ul>",
        "",
    ]
    assert md(lines, double_spaced=True) == (
        "```html+jinja\n<ul>\n{% for user in users %}\n    <li>{{ user }}</li>\n{% endfor %}\n</ul>\n```"
    )


def test_flattened_comparison_table_is_rebuilt_with_three_columns():
    cells = [
        "Feature",
        "Flask",
        "Django",
        "Type",
        "Micro",
        "Full-stack",
        "ORM",
        "Not built-in (SQLAlchemy)",
        "Built-in",
    ]
    lines = [line for c in cells for line in (c, "")]
    assert md(lines, double_spaced=True, question="How does Flask compare to Django?") == (
        "| Feature | Flask | Django |\n| --- | --- | --- |\n"
        "| Type | Micro | Full-stack |\n| ORM | Not built-in (SQLAlchemy) | Built-in |"
    )


def test_flattened_table_with_a_caption_is_rebuilt_with_two_columns():
    cells = [
        "Popular Extensions",
        "Extension",
        "Purpose",
        "Flask-Login",
        "Authentication",
        "Flask-Mail",
        "Email",
        "Flask-WTF",
        "Forms",
    ]
    lines = [line for c in cells for line in (c, "")]
    assert md(lines, double_spaced=True, question="What are Flask Extensions?") == (
        "Popular Extensions\n\n| Extension | Purpose |\n| --- | --- |\n"
        "| Flask-Login | Authentication |\n| Flask-Mail | Email |\n| Flask-WTF | Forms |"
    )


def test_chrome_and_outro_are_removed():
    lines = [
        "Flask is small.",
        "PlayUnmute",
        "Fullscreen",
        "VDO.AI",
        "In this guide, we covered 25 questions. Good luck!",
    ]
    assert md(lines) == "Flask is small."


def mdown(lines: list[str], question="What is it?") -> str:
    """The answer as a Markdown source's answer: lines run on, inline markup undone."""
    raw = RawQuestion(question, Place("s.txt", 1, 1), lines, 2, markdown=True)
    blocks = answer_blocks(raw, Problems())
    return answer_markdown(reformat(blocks, format_python(python_code(blocks))))


def test_fenced_python_whose_indentation_was_lost_is_repaired():
    lines = ["```python", "@app.route('/')", "def home():", "if x:", "return 'a'", "return 'b'", "```"]
    assert mdown(lines) == (
        '```python\n@app.route("/")\ndef home():\n    if x:\n        return "a"\n    return "b"\n```'
    )


def test_fenced_python_that_cannot_be_repaired_is_text_with_a_warning():
    problems = Problems()
    raw = RawQuestion("Q?", Place("s.txt", 1, 1), ["Intro.", "```py", "def (:", "```"], 10, markdown=True)
    assert answer_blocks(raw, problems)[1].language == "text"
    assert problems.items == [(11, "Python code that does not parse after repair; shown as text")]


def test_fence_languages_shell_fenced_as_python_and_copy_buttons():
    assert mdown(["```python", "pip install flask", "```"]) == "```bash\npip install flask\n```"
    assert mdown(["```", "Copy code", "flask run --debug", "```"]) == "```bash\nflask run --debug\n```"
    assert mdown(["```json", '{"a": 1}', "```"]) == '```json\n{"a": 1}\n```'
    assert mdown(["```weird<lang>", "plain words here", "```"]) == "```text\nplain words here\n```"


def test_an_unclosed_fence_is_dropped_and_its_code_read_line_by_line():
    assert md(["Example:", "```python", "x = 1"]) == "Example:\n\n```python\nx = 1\n```"


def test_markdown_lines_run_on_and_inline_markup_is_undone():
    lines = [
        "Flask is **small** and",
        "[well documented](https://example.invalid).",
        "",
        "#### Why",
        "",
        "> Quoted *idea*.",
    ]
    assert mdown(lines) == "Flask is small and well documented.\n\nWhy\n\nQuoted idea."


def test_a_pipe_table_is_a_table():
    lines = ["| Hook | When |", "| --- | :---: |", "| `before_request` | first |", "| teardown | last |"]
    assert mdown(lines) == "| Hook | When |\n| --- | --- |\n| `before_request` | first |\n| teardown | last |"


def test_inline_code_split_across_lines_is_joined():
    assert md(["Call `url_for(", "'index')` to build it."]) == "Call `url_for( 'index')` to build it."


def test_options_run_together_become_a_list():
    assert md(["Pick one: A) args B) form C) json"]) == "Pick one:\n\n- A) args\n- B) form\n- C) json"
    assert md(["A) args", "B) form", "C) json"]) == "- A) args\n- B) form\n- C) json"
    assert md(["A) lone sentence that no B follows."]) == "A) lone sentence that no B follows."


def test_a_coaching_note_moves_after_the_answer_and_the_answer_label_goes():
    lines = ["How to answer: start with the why.", "Example answer: Blueprints group routes."]
    assert md(lines) == "Blueprints group routes.\n\nHow to answer: start with the why."
    assert md(["What interviewers look for:", "", "Clarity.", "", "It is small."]) == (
        "It is small.\n\nWhat interviewers look for: Clarity."
    )


def test_a_language_caption_above_code_is_dropped():
    assert md(["Python", "x = 1", "Python is the language."]) == "```python\nx = 1\n```\n\nPython is the language."
