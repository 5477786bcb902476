"""Stable ids: a slug of the original source question.

The id is made from the question as the source asked it, never from the
displayed title, so retitling an answer never breaks a link to it.

An id must not lose what tells two questions apart: text in other scripts is
transliterated (anyascii: "Что такое Flask?" is ``chto-takoe-flask``, Chinese
becomes pinyin syllables), the symbols that carry meaning in a question get
their names (``C++`` is ``c-plus-plus``, ``C#`` is ``c-sharp``), and a
question with nothing left to spell (punctuation only) gets a fixed prefix and
a hash of its wording. ASCII letters, digits, ``&`` and ``@`` are treated as
they always were, so the ids of existing questions stay the same. Two
different wordings that still end with one id (a long question cut at the
same word) are refused by the pipeline, naming both: see :func:`wording`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from anyascii import anyascii

MAX_LENGTH = 72

# Symbols whose loss would make different questions one id. "&" and "@" keep
# their old treatment ("and", a word break), which existing ids depend on.
SYMBOLS = {
    "+": " plus ",
    "=": " equals ",
    "%": " percent ",
    "*": " star ",
    "<": " lt ",
    ">": " gt ",
    "~": " tilde ",
    "^": " caret ",
    "|": " pipe ",
    "$": " dollar ",
}


def _ascii(text: str) -> str:
    """ASCII spelling of any text; syllables of scripts without case are kept apart."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    out = []
    for char in text:
        if char.isascii():
            out.append(char)
            continue
        spelled = anyascii(char)
        # Han, kana, Hangul and other caseless letters: one word per character.
        out.append(f" {spelled} " if unicodedata.category(char) == "Lo" else spelled)
    return "".join(out)


def _named(text: str) -> str:
    text = text.replace("!=", " not equals ")
    text = re.sub(r"(?<=[A-Za-z0-9])#", " sharp ", text)  # C#, F#
    text = text.replace("#", " hash ")
    return "".join(SYMBOLS.get(char, char) for char in text)


def words(text: str) -> list[str]:
    """The question's words in lower-case ASCII, symbols spelled out: what ids and duplicate detection read."""
    spelled = _named(_ascii(text)).lower().replace("&", " and ").replace("@", " ")
    return re.findall(r"[a-z0-9]+", spelled)


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary."""
    found = words(text)
    slug = ""
    for word in found:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_LENGTH:
            break
        slug = candidate
    if not slug and found:  # a single word longer than the limit
        slug = found[0][:MAX_LENGTH]
    return slug or "question-" + hashlib.sha256(wording(text).encode("utf-8")).hexdigest()[:10]


# Characters that do not change what a question asks: spacing, case, and the
# punctuation between and after words ("Flask-WTF" / "Flask WTF", a final "?").
_INSIGNIFICANT = re.compile(r"[\s\-_'\".,:;()?\u2018\u2019\u201c\u201d\u2013\u2014@]+|!(?!=)")


def wording(text: str) -> str:
    """What a question says, for telling "asked twice" from "two questions with one id"."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    return _INSIGNIFICANT.sub(" ", text).strip()
