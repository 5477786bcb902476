"""The page-markup contract: what render writes is what the scripts, styles and print page look for."""

import re
from pathlib import Path

import pytest

from guide import markup, pipeline

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pages() -> str:
    result = pipeline.build(ROOT / "sources", ROOT / "scripts" / "editorial")
    return "\n".join(text for name, text in result.files.items() if name.endswith(".md"))


@pytest.mark.parametrize("name, files", sorted(markup.USED_BY.items()))
def test_every_file_that_depends_on_a_name_uses_it(name, files):
    for file in files:
        text = (ROOT / file).read_text(encoding="utf-8")
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text), f"{file} no longer uses {name}"


@pytest.mark.parametrize("name", sorted(markup.USED_BY))
def test_the_generated_pages_carry_every_name_of_the_contract(pages, name):
    assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", pages), name


def test_no_script_looks_for_a_class_of_ours_that_the_contract_does_not_name():
    """A class the practice scripts find elements by, in the answers' own vocabulary, is in the contract."""
    script = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in markup.SCRIPTS)
    ours = ("answer-", "qmeta", "short-", "alias-", "question-", "topic-progress", "qshort")
    looked_for = {c for c in re.findall(r"\.([a-z][\w-]*)", script) if c.startswith(ours)}
    assert markup.ANSWER_FOOT in looked_for  # the pattern still finds the script's selectors
    named = set(markup.USED_BY)
    assert {c for c in looked_for if c not in named and not c.startswith("qmeta-")} == set()
