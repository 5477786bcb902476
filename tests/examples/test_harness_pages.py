"""Tests of harness/pages.py: questions and their fenced blocks, numbered per answer."""

from __future__ import annotations

import textwrap
from pathlib import Path

from harness.cases import CASES_DIR
from harness.check import python_syntax_problem
from harness.pages import DOCS_DIR, parse_page
from synthetic_pages import REPO_ROOT, build, page, question


def test_blocks_are_numbered_per_answer_whatever_their_language():
    text = page(
        question("first", ("python", "x = 1"), ("bash", "flask routes"), ("html+jinja", "{{ x }}")),
        question("second", ("text", "plain"), ("python", "y = 2")),
    )
    result = parse_page(text, "docs/topic.md")
    assert [q.id for q in result.questions] == ["first", "second"]
    assert [q.title for q in result.questions] == ["A question?", "A question?"]
    got = [(b.id, b.n, b.lang, b.text) for q in result.questions for b in q.blocks]
    assert got == [
        ("first-1", 1, "python", "x = 1\n"),
        ("first-2", 2, "bash", "flask routes\n"),
        ("first-3", 3, "html+jinja", "{{ x }}\n"),
        ("second-1", 1, "text", "plain\n"),
        ("second-2", 2, "python", "y = 2\n"),
    ]
    assert result.problems == []


def test_a_block_knows_its_page_line():
    text = "## Q {#q}\n\ntext\n\n```python\nx = 1\ny = (\n```\n"
    (block,) = parse_page(text, "docs/p.md").questions[0].blocks
    assert block.line == 5
    assert block.where == "docs/p.md:5"
    problem = python_syntax_problem(block)
    assert problem.startswith("docs/p.md:7: q-1 is not valid Python")


def test_indented_fences_lose_the_common_indentation():
    text = textwrap.dedent(
        """\
        ## Q {#q}

        1. Save this:

            ```python
            def f():
                return 1
            ```

        !!! note "A method body"
            ```python
                    return self.x
            ```

        - item

            ```html
              <p>
                {{ x }}
              </p>
            ```
        """
    )
    blocks = parse_page(text).questions[0].blocks
    assert [b.text for b in blocks] == [
        "def f():\n    return 1\n",
        "return self.x\n",
        "<p>\n  {{ x }}\n</p>\n",
    ]
    assert [b.n for b in blocks] == [1, 2, 3]


def test_an_indented_fence_ends_where_its_container_ends():
    text = "## Q {#q}\n\n- item\n\n    ```python\n    x = 1\nnot code\n\n```bash\nls\n```\n"
    result = parse_page(text, "p.md")
    assert [b.text for b in result.questions[0].blocks] == ["x = 1\n", "ls\n"]
    assert result.problems == ["p.md:5: the code fence ``` is never closed"]


def test_fences_inside_fences_are_content():
    inner = "```python\nprint('hi')\n```"
    text = (
        "## Q {#q}\n\n````markdown\nShow this:\n\n" + inner + "\n````\n\n~~~text\n```\n~~~\n\n```python\nz = 3\n```\n"
    )
    blocks = parse_page(text).questions[0].blocks
    assert [(b.n, b.lang) for b in blocks] == [(1, "markdown"), (2, "text"), (3, "python")]
    assert blocks[0].text == "Show this:\n\n" + inner + "\n"
    assert blocks[1].text == "```\n"


def test_heading_lines_inside_fences_start_no_question():
    text = "## Q {#q}\n\n```python\n## not a heading {#fake}\nx = 1\n```\n\n```bash\necho\n```\n"
    result = parse_page(text)
    assert [q.id for q in result.questions] == ["q"]
    assert len(result.questions[0].blocks) == 2


def test_blocks_outside_questions_contribute_nothing():
    text = textwrap.dedent(
        """\
        ---
        title: All questions
        ---
        # All questions

        ```python
        intro = 1
        ```

        ## Q {#q}

        ```python
        x = 1
        ```

        ### A sub-heading stays in the answer

        ```python
        y = 2
        ```

        ## See also

        ```python
        not_a_question = 3
        ```
        """
    )
    result = parse_page(text)
    assert [b.text for q in result.questions for b in q.blocks] == ["x = 1\n", "y = 2\n"]
    assert parse_page("# Index\n\n```python\nx = 1\n```\n").questions == []


def test_heading_attributes_and_info_strings():
    text = (
        "## What is `g`? { #what-is-g .special }\n\n"
        '```python title="app.py"\na = 1\n```\n\n```{.html .numbered}\n<p>\n```\n\n```\nbare\n```\n'
    )
    (q,) = parse_page(text).questions
    assert (q.id, q.title) == ("what-is-g", "What is `g`?")
    assert [(b.lang, b.kind) for b in q.blocks] == [
        ("python", "python"),
        ("html", "template"),
        ("", "other"),
    ]


def test_repeated_question_ids_are_reported(tmp_path):
    text = page(question("q", ("python", "x = 1")), question("q", ("python", "y = 1")))
    guide, _ = build(tmp_path, {"a.md": text, "b.md": page(question("q", ("python", "z")))})
    assert any("'q' is used twice" in p for p in guide.problems)
    assert any("also used in docs/a.md" in p for p in guide.problems)


def test_collect_names_pages_relative_to_the_docs_folder(tmp_path):
    guide, _ = build(tmp_path, {"topic.md": page(question("q", ("python", "x = 1")))})
    assert [b.where for b in guide.blocks] == ["docs/topic.md:12"]
    assert DOCS_DIR == REPO_ROOT / "docs"
    assert Path(__file__).resolve().parent / "cases" == CASES_DIR
