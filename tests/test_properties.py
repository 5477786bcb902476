"""Whatever text arrives, the normaliser ends in output or a clean refusal."""

import ast
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide import fences, pipeline, readers
from guide.errors import GuideError

ROOT = Path(__file__).resolve().parent.parent
EDITORIAL = ROOT / "scripts" / "editorial"
REAL = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*.txt"))]
# One fixture or more of every reader family (tests/fixtures/readers/, written for the tests).
FIXTURES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "readers").glob("*.txt"))]

FRAGMENTS = st.sampled_from(
    [
        "1) ",
        "Q #2) ",
        "3. ",
        "Answer: ",
        "\u2022\t",
        "  1. ",
        "def f()",
        "    return x",
        "fromflask import X",
        "\u00a0\u00a0\u00a0\u00a0",
        "-" * 50,
        "&lt;p&gt;",
        "\u201cq\u201d",
        "Feature",
        "What is Flask?",
        "\n",
        "\n\n",
        ":",
        "{% for x in y %}",
        "upstream a {",
        "}",
        "pip install flask",
        "\t",
        "```",
        "|",
        "<b>",
        "#",
        "Q: ",
        "A: ",
        "Question 3:",
        "**Answer:** ",
        "## ",
        "### 2. ",
        "**",
        "```python\n",
        "\n```\n",
        "---\ntitle: x\n---\n",
        "- [What is Flask?](#what-is-flask)\n",
        "Click to reveal answer\n",
        "Show answer",
        "Question 2 of 10\n",
        "A) a B) b C) c",
        "Answer: B",
        "How to answer: ",
        "Front: ",
        "Back: ",
        "Viewing 3 of 10",
        "![alt](x.png)",
        "| a | b |\n| --- | --- |\n",
        "=====",
        "`",
        "\u2705 ",
        "> ",
        ">> ",
        "1. ### ",
        "~~~\n",
        "What is g?\n",
    ]
)
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=60).map("".join)


def mutate(data: st.DataObject, texts: list[str] = REAL) -> str:
    source = data.draw(st.sampled_from(texts))
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, min(len(source), start + 3000)))
    piece = source[start:end]
    cut = data.draw(st.integers(0, len(piece)))
    return piece[:cut] + data.draw(TEXT) + piece[cut:]


def outcome(tmp_path: Path, text: str) -> None:
    folder = tmp_path / "src"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "x.txt").write_text(text, encoding="utf-8")
    try:
        result = pipeline.build(folder, EDITORIAL, with_entries=False)
    except GuideError as error:
        assert error.line >= 1 and error.path.endswith("x.txt")
        return
    assert result.files and all(isinstance(v, str) for v in result.files.values())
    assert len(result.report) >= 1
    for name, page in result.files.items():
        for language, body in fences.code_blocks(page):
            if language == "python":
                ast.parse(body, filename=name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_random_text_gives_output_or_a_clean_error(tmp_path, text):
    outcome(tmp_path, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_real_sources_give_output_or_a_clean_error(tmp_path, data):
    outcome(tmp_path, mutate(data))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_fixtures_of_every_family_give_output_or_a_clean_error(tmp_path, data):
    outcome(tmp_path, mutate(data, FIXTURES))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fixtures_spliced_together_give_output_or_a_clean_error(tmp_path, data):
    first, second = data.draw(st.sampled_from(FIXTURES)), data.draw(st.sampled_from(FIXTURES))
    cut, other = data.draw(st.integers(0, len(first))), data.draw(st.integers(0, len(second)))
    outcome(tmp_path, first[:cut] + data.draw(TEXT) + second[other:])


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_reader_stays_within_its_bound_and_the_winner_is_the_same_unbounded(data):
    seen = readers.make_page(mutate(data, FIXTURES + REAL).split("\n"))
    for reader in readers.REGISTRY:
        reading = reader.read(seen)
        if reading is not None and reading.pairs:
            bound = reader.bound(seen)
            assert reading.score <= bound.score, reader.name
            assert seen.before[reading.pairs[0].line] >= seen.before[bound.first], reader.name
    quick, every = readers.readings(seen), readers.readings(seen, everything=True)
    assert [r.reader for r in quick[:1]] == [r.reader for r in every[:1]]
