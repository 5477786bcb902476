"""The page-markup contract: the classes and data attributes the generated pages carry.

render.py writes them; the scripts in docs/assets/javascripts/ find elements
by them, the stylesheets style them, the print page and the tests look for
them. Each name is written once, here, with the files that depend on it
(``USED_BY``); tests/guide/test_markup.py holds those files to the contract,
so renaming a class here without them fails a test instead of a feature.
"""

from __future__ import annotations

# Between a question's meta line and its answer: the place of quiz mode's
# "Show answer" button, hidden until practice.js shows it.
PRACTICE_REVEAL_BAR = "practice-reveal-bar"
# An answer, from its short answer to its foot: practice.js hides it in quiz
# mode. It is in the page as written, so the script moves no node at load.
PRACTICE_ANSWER = "practice-answer"
PRACTICE_ANSWER_ID = "practice-answer-"  # the prefix of its id, then the question's id
# Under every answer: the row practice.js puts its mark buttons in.
ANSWER_FOOT = "answer-foot"
ANSWER_IMPROVE = "answer-improve"  # the "Improve this answer" link in that row
# The line under a question's heading: difficulty and tags.
QMETA = "qmeta"
QMETA_DIFFICULTY = "qmeta-difficulty"  # with a modifier per level: qmeta-beginner, ...
QMETA_TAG = "qmeta-tag"
DATA_DIFFICULTY = "data-difficulty"  # on the meta line and on each list item: the quiz filter reads it
# On each topic's heading in All questions: the levels its questions have, so
# that a page opened with ?level= is laid out before practice.js runs
# (overrides/partials/javascripts/practice-state.html).
DATA_LEVELS = "data-levels"
SHORT_ANSWER = "short-answer"  # the answer's first paragraph, the one a candidate says first
ANSWER_REFERENCES = "answer-references"  # "Documentation:" links at the end of an answer
ALIAS_ANCHOR = "alias-anchor"  # an empty target that keeps an alias's old link working
# Where practice.js puts its bar (quiz mode, filters); the value of DATA_PRACTICE names the slot.
PRACTICE_BAR = "practice-bar"
PRACTICE_BAR_FILTER = "practice-bar--filter"
DATA_PRACTICE = "data-practice"
QUESTION_LIST = "question-list"  # a topic page's list of its questions (shown with marks)
QSHORT = "qshort"  # a short answer in All questions
TOPIC_PROGRESS = "topic-progress"  # a home-page card's count, which practice.js turns into progress
DATA_TOPIC = "data-topic"
DATA_SEARCH_EXCLUDE = "data-search-exclude"  # Material's search leaves the element out of the index

_SCRIPTS = "docs/assets/javascripts/"
_STYLES = "docs/assets/stylesheets/"
PRACTICE_JS = _SCRIPTS + "practice.js"
PRACTICE_PAGE_JS = _SCRIPTS + "practice-page.js"  # the Practice page's part of it
#: The scripts that find elements by the names of the contract.
SCRIPTS = (PRACTICE_JS, PRACTICE_PAGE_JS)
GUIDE_CSS = _STYLES + "guide.css"
PRACTICE_CSS = _STYLES + "practice.css"
PRINT_CSS = "docs/assets/print.css"

#: Each name, and the files (from the repository's root) that depend on it.
USED_BY: dict[str, tuple[str, ...]] = {
    PRACTICE_REVEAL_BAR: (PRACTICE_JS, PRACTICE_CSS),
    PRACTICE_ANSWER: (PRACTICE_JS, PRACTICE_CSS),
    ANSWER_FOOT: (PRACTICE_JS, GUIDE_CSS, PRACTICE_CSS, PRINT_CSS),
    ANSWER_IMPROVE: (GUIDE_CSS,),
    QMETA: (PRACTICE_JS, PRACTICE_PAGE_JS, GUIDE_CSS, PRACTICE_CSS, PRINT_CSS),
    QMETA_DIFFICULTY: (PRACTICE_PAGE_JS, PRACTICE_CSS),
    QMETA_TAG: (PRACTICE_CSS,),
    DATA_DIFFICULTY: (PRACTICE_JS,),
    SHORT_ANSWER: (PRACTICE_PAGE_JS, GUIDE_CSS),
    ANSWER_REFERENCES: (GUIDE_CSS,),
    ALIAS_ANCHOR: (PRACTICE_JS, GUIDE_CSS),
    PRACTICE_BAR: (PRACTICE_JS, PRACTICE_CSS),
    DATA_PRACTICE: (PRACTICE_JS, PRACTICE_CSS),
    QUESTION_LIST: (PRACTICE_JS, GUIDE_CSS, PRINT_CSS),
    QSHORT: (GUIDE_CSS,),
    TOPIC_PROGRESS: (PRACTICE_JS, GUIDE_CSS),
    DATA_TOPIC: (PRACTICE_JS,),
}
