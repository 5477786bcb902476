"""Collect the guide's fenced code blocks and check what each one promises.

The schema of the case files is described in README.md beside this package. It
has no pytest dependency: ``test_examples.py`` runs it on the real pages, the
``test_harness_*.py`` files on small synthetic pages, and ``count_examples.py``
uses it to count.

Vocabulary: a *page* is a Markdown file in ``docs/``; a *question* is a
``## Title {#question-id}`` heading and the answer below it; a *block* is a
fenced code block of an answer, numbered from 1 per answer; an *entry* is what
``cases/<question-id>.yml`` says about block n.

The modules, in the order a block meets them: ``pages`` (questions and
blocks), ``cases`` (the case files), ``entries`` (one entry's keys and
problems), ``outcomes`` (what a block counts as), ``check`` (one block against
its entry), which runs ``run``, ``render`` or ``commands`` (pytest and flask
commands in a subprocess), inside ``sandbox`` and ``network``; ``failures``
words what went wrong.
"""

from .cases import CASES_DIR, CaseFile, case_file_problems, load_case_file, load_cases
from .check import check_block, python_syntax_problem, template_syntax_problem
from .entries import entry_problems, shell_commands
from .failures import ExampleFailure
from .network import PROXY_VARS, NetworkBlocked, NetworkGuard
from .outcomes import OUTCOME_LABELS, OUTCOME_PROPERTY, classify
from .pages import DOCS_DIR, Block, Guide, Question, collect, parse_page

__all__ = [
    "CASES_DIR",
    "DOCS_DIR",
    "OUTCOME_LABELS",
    "OUTCOME_PROPERTY",
    "PROXY_VARS",
    "Block",
    "CaseFile",
    "ExampleFailure",
    "Guide",
    "NetworkBlocked",
    "NetworkGuard",
    "Question",
    "case_file_problems",
    "check_block",
    "classify",
    "collect",
    "entry_problems",
    "load_case_file",
    "load_cases",
    "parse_page",
    "python_syntax_problem",
    "shell_commands",
    "template_syntax_problem",
]
