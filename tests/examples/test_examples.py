"""Every code example in the guide runs, or says why not.

One test per fenced block of every answer in docs/, named <question-id>-<n>;
what each block promises is in cases/<question-id>.yml (see README.md).
"""

from __future__ import annotations

import pytest

import harness

GUIDE = harness.collect(harness.DOCS_DIR)
CASES = harness.load_cases(harness.CASES_DIR)
BLOCKS = GUIDE.blocks


def test_the_guide_has_questions_with_code():
    """Guards against the parser silently finding nothing (or docs/ not generated)."""
    assert GUIDE.questions, (
        f"no `## Title {{#question-id}}` headings in {harness.DOCS_DIR.name}/*.md; "
        "generate the pages with `python scripts/normalise.py`"
    )
    assert BLOCKS, "the questions in docs/ have no fenced code blocks at all"


def test_pages_are_well_formed():
    """Unclosed fences and reused question ids would misnumber blocks."""
    assert not GUIDE.problems, "\n".join(GUIDE.problems)


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_case_file(case_id):
    """Each case file is valid YAML, is named after a question, and names only existing blocks."""
    problems = harness.case_file_problems(CASES[case_id], GUIDE)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("block", [pytest.param(b, id=b.id) for b in BLOCKS])
def test_example(block, tmp_path, request):
    outcome = harness.check_block(block, GUIDE, CASES, tmp_path)
    request.node.user_properties.append((harness.OUTCOME_PROPERTY, outcome))
