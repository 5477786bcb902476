"""The normaliser's word lists, in one place: what its heuristics look for in English text.

Each list is data; the module that uses it says how (a pattern, a set, a
first-word test). Keeping them together lets a maintainer see every word the
normaliser guesses from, and extend one without reading the code around it.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """A list written as running text, one word after another: easier to read and extend."""
    return tuple(text.split())


#: Words a question opens with ("What is ...", "Explain ..."): a line that starts
#: with one can be a question without a question mark (readers).
QUESTION_OPENERS = _words(
    "what how why when where which who whom whose is are can could does do did should "
    "will would explain describe mention name list define state compare differentiate "
    "distinguish give write tell discuss outline elaborate show"
)

#: The first words of a line of site chrome (clean.CHROME_LINE says the rest): a
#: cheap first test, since the readers ask it of every line of a guide.
CHROME_FIRST_WORDS = _words(
    "play full mute unmute pause replay close ad vdo download take leave your required below share "
    "related read subscribe click viewing tap press show reveal hide see view display flip unlock sign "
    "log register upgrade join this follow get was skip back scroll jump previous next check submit start "
    "retake restart score sponsored also must recommended facebook twitter linkedin whatsapp reddit "
    "pinterest telegram email x ready want looking need interested have any got enroll book request tweet "
    "copy copied print bookmark"
)

#: Words that say nothing about which question is asked, left out when
#: questions are compared for duplicates (merge).
STOP_WORDS = frozenset(
    _words(
        "a an the of in on to for with and or is are be can could do does did you we i it its what how why "
        "which who whom when where explain describe mention state whether name some their there this that "
        "these those your our one by mean meant flask python use used using framework application applications "
        "app apps way ways get give tell me between also about any all"
    )
)

#: Words spelled differently that mean the same for duplicate detection (merge).
SYNONYMS = {
    "debugging": "debug",
    "debugger": "debug",
    "advantage": "benefit",
    "pro": "benefit",
    "compare": "difference",
    "comparison": "difference",
    "differ": "difference",
    "versus": "difference",
    "vs": "difference",
    "db": "database",
    "restful": "rest",
    "threadlocal": "thread",
    "jinja2": "jinja",
    "templating": "template",
    "middlewares": "middleware",
}

#: What a first guess of a question's difficulty looks for (editorial), as
#: regular-expression words: definitions open beginner questions, these
#: subjects make a question advanced, everything else is intermediate.
BEGINNER_OPENERS = ("what is", "what are", "who", "why", "is", r"how (do|can) (you|we|i) install")
ADVANCED_WORDS = (
    r"scal\w*",
    r"thread\w*",
    r"context\w*",
    "middleware",
    "performance",
    r"async\w*",
    "security",
    r"deploy\w*",
    "production",
    "architecture",
    "structure",
    "large",
    "internals?",
    "memory",
    "celery",
    r"concurren\w*",
    "signals?",
)
