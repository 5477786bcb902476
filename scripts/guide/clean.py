"""Cleaning text: characters, site chrome, and prose made safe for Markdown.

Each fix is a small named function doing one thing (the ftfy way), and ftfy
itself does the Unicode work it already does well: mojibake and curly quotes.
"""

from __future__ import annotations

import html
import re

import ftfy

from . import safe

# Primes and other quote look-alikes that ftfy leaves alone but that scraped
# code uses as quotes.
QUOTE_LOOKALIKES = str.maketrans({"\u2032": "'", "\u2033": '"', "\u00b4": "'", "\u2035": "'"})

# Lines that are site chrome: video players, download and quiz ads, comment
# forms, list intros that announce the page rather than answer anything.
CHROME_LINE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"^\s*play\s*unmute\s*$",
            r"^\s*(full\s*screen|mute|unmute|pause|replay|close ad|advertisement|ad)\s*$",
            r"^\s*vdo\.ai\s*$",
            r"^\s*download\s+(free\s*)?:?.*\bpdf\b.*$",
            r"^\s*take\s+(a\s+)?free\s*:?.*\b(quiz|mcq|test)\b.*$",
            r"^\s*leave\s+a\s+(reply|comment)\b.*$",
            r"^\s*your\s+email\s+address\s+will\s+not\s+be\s+published.*$",
            r"^\s*required\s+fields\s+are\s+marked.*$",
            r"^\s*below\s+(are|is)\s+the\s+list\s+of\b.*$",
            r"^\s*(share\s+this|related\s+posts?|read\s+more|subscribe\b.*|click\s+here\b.*)\s*$",
        )
    ),
    re.I,
)

# Sentences that point at a picture the scrape lost. A sentence here is what
# ``LOST_IMAGE`` matches: from the text's start or a "[.!?] " to the next full
# stop, with the words inside; :func:`drop_lost_images` finds the same spans
# without the pattern's backtracking, which is quadratic on a long line with
# many "? " and no full stop.
LOST_IMAGE_WORDS = re.compile(
    r"\b(?:(?:below|above|following)\s+(?:image|screenshot|picture|result|output)"
    r"|shown\s+in\s+the\s+(?:below\s+)?(?:image|screenshot|picture))\b",
    re.I,
)
LOST_IMAGE = re.compile(r"(?:^|(?<=[.!?] ))[^.]*" + LOST_IMAGE_WORDS.pattern + r"[^.]*\.\s*", re.I)
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?] ))")
_TRAILING_SPACE = re.compile(r"\s*")

# Paragraphs that close a blog post rather than answer the question.
OUTRO = re.compile(
    r"\b(in this (guide|post|article|tutorial),? we (have )?covered|good luck with your|happy coding"
    r"|by mastering these|thanks for reading|we hope this (guide|article|post))\b",
    re.I,
)


def fix_characters(text: str) -> str:
    """Mojibake and curly quotes (ftfy), HTML entities, prime quotes."""
    if text.isascii():  # nothing for ftfy to fix, and most lines are plain ASCII
        return html.unescape(text) if "&" in text else text
    text = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=True)
    text = html.unescape(text)
    return text.translate(QUOTE_LOOKALIKES)


def is_chrome(line: str) -> bool:
    return bool(CHROME_LINE.match(line))


def _lost_image_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``LOST_IMAGE.sub`` would remove, found in linear time.

    Every match ends at the first full stop after its start, so the text is
    taken one stretch up to a full stop at a time: a match in a stretch
    starts at its earliest allowed start, if the words follow that start.
    """
    spans = []
    position = 0
    while position < len(text):
        stop = text.find(".", position)
        if stop < 0:
            break
        start = _SENTENCE_START.search(text, position, stop + 1)
        if start is not None and LOST_IMAGE_WORDS.search(text, start.start(), stop):
            end = _TRAILING_SPACE.match(text, stop + 1).end()  # type: ignore[union-attr]
            spans.append((start.start(), end))
            position = end
        else:
            position = stop + 1
    return spans


def drop_lost_images(text: str) -> str:
    pieces, position = [], 0
    for start, end in _lost_image_spans(text):
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return re.sub(r"\s{2,}", " ", "".join(pieces)).strip()


def is_outro(text: str) -> bool:
    return bool(OUTRO.search(text))


def tidy_spaces(text: str) -> str:
    """One space between words, none before punctuation."""
    text = re.sub(r"[ \t\u00a0]+", " ", text).strip()
    text = re.sub(r" +([,.;:!?)])(?=\s|$)", r"\1", text)
    text = re.sub(r"([.,;:])(?=[A-Z][a-z])", r"\1 ", text)  # "identifiers.Some" -> "identifiers. Some"
    return text


# --- prose made safe and readable in Markdown ---------------------------------

CLI_FLAG = re.compile(r"\b(flask|pip3?|python3?|gunicorn|pytest)\s+[\u2013\u2014-]{1,2}([a-z][\w-]*)\b", re.I)
# A tag, also when no space follows its name (``<svg/onload=...>``, ``<a/href=...>``).
HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:[\s/][^<>]*)?>")
# Tokens longer than this are never code: it keeps the token patterns linear on a huge "word".
CODE_TOKEN_MAX = 200
CODE_TOKEN = re.compile(
    r"""^(
        @?[A-Za-z_][\w.]*\([^\s()]*\)            # calls: url_for(), @app.route(), f(x)
      | @[A-Za-z_][\w.]*                         # decorators
      | [A-Za-z_]\w*_\w*(?:\.\w+)*               # snake_case and CONSTANT_NAMES
      | [a-z_]\w*(?:\.[a-z_]\w*)+                # dotted names: request.args, schema.sql
      | --?[a-z][\w-]*                           # command-line options
    )$""",
    re.X,
)
NOT_CODE = {"e.g", "i.e", "etc", "vs", "a.m", "p.m"}


def _code_token(token: str) -> str:
    """Wrap one whitespace-separated token in backticks when it is code."""
    if len(token) > CODE_TOKEN_MAX:
        return token
    core = token.rstrip(".,;:!?")
    tail = token[len(core) :]
    lead = ""
    while core and core[0] in "(\"'":
        lead, core = lead + core[0], core[1:]
    if core.endswith(")") and core.count(")") > core.count("("):
        core, tail = core[:-1], ")" + tail
    if not core or core.lower() in NOT_CODE or "://" in core:
        return token
    if CODE_TOKEN.match(core):
        return f"{safe.inline(lead)}{safe.code_span(core)}{safe.inline(tail)}"
    return token


def prose(text: str) -> str:
    """A sentence or paragraph of prose as safe Markdown, code marked as code.

    Raw HTML from the source (``<b>``, ``<variable>``) becomes inline code so it
    is shown, never rendered as live markup; every other character that
    Markdown would act on is escaped by :mod:`guide.safe`.
    """
    text = tidy_spaces(re.sub(r"[\r\n]+", " ", text))
    text = CLI_FLAG.sub(lambda m: f"{m.group(1).lower()} --{m.group(2)}", text)
    pieces: list[str] = []
    position = 0
    for match in HTML_TAG.finditer(text):
        pieces.append(_prose_words(text[position : match.start()]))
        pieces.append(safe.code_span(match.group(0)))
        position = match.end()
    pieces.append(_prose_words(text[position:]))
    text = safe.line_start("".join(pieces))
    text = re.sub(r"`(flask|pip3?|python3?|gunicorn|pytest)` `(--[\w-]+)`", r"`\1 \2`", text)
    text = re.sub(r"\b(flask|pip3?|python3?|gunicorn|pytest) `(--[\w-]+)`", r"`\1 \2`", text)
    return text


PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z']*(-[A-Za-z']+)*[.,;:!?]?$")


def _prose_words(text: str) -> str:
    out = []
    for token in re.split(r"(\s+)", text):
        if not token or token.isspace() or PLAIN_WORD.match(token):
            out.append(token)
            continue
        coded = _code_token(token)
        out.append(coded if coded != token else safe.inline(token))
    return "".join(out)
