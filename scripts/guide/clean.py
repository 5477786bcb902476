"""Cleaning text: characters, site chrome, and prose made safe for Markdown.

Each fix is a small named function doing one thing (the ftfy way), and ftfy
itself does the Unicode work it already does well: mojibake and curly quotes.
"""

from __future__ import annotations

import functools
import html
import re

import ftfy

from . import safe
from .words import CHROME_FIRST_WORDS

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
            # The wider web: paywalls and reveal widgets, sharing, newsletters, navigation.
            r"^\W*viewing\s+\d+\s*(of|/)\s*\d+\b.{0,40}$",
            r"^\W*(click|tap|press)\s+(here\s+)?to\s+(reveal|show|see|view|flip|display|expand|unlock)\b.{0,40}$",
            r"^\W*(show|reveal|hide|see|view|display)\s+(the\s+)?(correct\s+)?(answers?|solutions?|explanations?)\W*$",
            r"^\W*flip(\s+(the\s+)?card)?\W*$",
            r"^\W*(unlock|sign\s*up|log\s*in|sign\s*in|register|upgrade|join)\b.{0,60}"
            r"\b(answers?|questions?|premium|pro|access|members?|free|account|newsletter)\b.{0,30}$",
            r"^\W*(this\s+(answer|content|question)\s+is\s+(only\s+)?(for|available\s+to)\s+\w+\s+members?).{0,30}$",
            r"^\W*share\s+(on|via|to|with)\b.{0,40}$",
            r"^\W*(share|tweet|copy\s+link|copy\s+code|copy|copied!?|print|bookmark)\W*$",
            r"^\W*follow\s+us\b.{0,40}$",
            r"^\W*(join|sign\s*up\s+for|get)\s+(our|the)\s+(free\s+)?newsletter\b.{0,60}$",
            r"^\W*was\s+this\s+(answer|article|page|post|question|helpful)\b.{0,40}$",
            r"^\W*(skip\s+to\s+(main\s+)?content|back\s+to\s+top|scroll\s+to\s+top|jump\s+to\s+section)\W*$",
            r"^\W*(previous|next)\s+(question|post|article|page|lesson|chapter|card)\W*$",
            r"^\W*(check|submit)(\s+(your|the))?(\s+answer)?\W*$",
            r"^\W*(start|retake|restart|take)\s+(the\s+)?quiz\W*$",
            r"^\W*(your\s+)?score\s*:\s*\d+\s*(/|of)\s*\d+\W*$",
            r"^\W*\d+\s+min(ute)?s?\s+read\W*$",
            r"^\W*(advertisement|sponsored|ad\s+choices)\W*$",
            r"^\W*(also\s+(read|check|see)|read\s+also|must\s+read|recommended(\s+reading)?|related)\s*:.{0,120}$",
            r"^\W*((facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|email|x)\b\W*){2,}$",
            # Calls to action that ask: "Ready to land the job?", "Want to learn more?"
            r"^\W*(ready\s+to|want\s+to|looking\s+for|need\s+help|interested\s+in|have\s+(a|any)\s+questions?"
            r"|any\s+questions|got\s+questions)\b.{0,80}\?\W*$",
            r"^\W*(enroll\s+now|book\s+a\s+free\s+demo|get\s+certified|start\s+learning|request\s+a\s+demo"
            r"|start\s+your\s+free\s+trial)\b.{0,60}$",
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


# --- Markdown sources: inline markup undone before the text is treated as prose ---

# Bold and emphasis; with underscores only around more than one word, so that
# an unescaped ``__init__`` or ``_private`` stays a name.
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)([^_\n]*\s[^_\n]*?)(?<=\S)__(?!\w)")
EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]*\s[^_\n]*?)(?<=\S)_(?![\w_])"
)
# A link's target may hold one level of parentheses (``wiki/Flask_(web_framework)``).
_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
LINK = re.compile(r"!?\[([^\]]*)\]" + _TARGET)
IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def plain_inline(text: str) -> str:
    """Markdown inline markup undone: images gone, links to their text, no bold or escapes.

    Code spans are left as they are, markup and all.
    """
    pieces = re.split(r"(`+[^`]*`+)", text)
    for k in range(0, len(pieces), 2):
        piece = re.sub(r"<br\s*/?>", " ", IMAGE.sub("", pieces[k]), flags=re.I)
        piece = AUTOLINK.sub(r"\1", piece)
        piece = LINK.sub(r"\1", piece)
        piece = BOLD.sub(lambda m: m.group(1) or m.group(2), piece)
        piece = EMPHASIS.sub(lambda m: m.group(1) or m.group(2), piece)
        pieces[k] = ESCAPE.sub(r"\1", piece)
    return "".join(pieces)


@functools.lru_cache(maxsize=1 << 16)
def fix_characters(text: str) -> str:
    """Mojibake and curly quotes (ftfy), HTML entities, prime quotes.

    Cached: the readers and the blocks both fix every line of an answer.
    """
    if text.isascii():  # nothing for ftfy to fix, and most lines are plain ASCII
        return html.unescape(text) if "&" in text else text
    text = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=True)
    text = html.unescape(text)
    return text.translate(QUOTE_LOOKALIKES)


# The words a chrome line can start with (CHROME_LINE's first words), to test cheaply first.
CHROME_STARTS = tuple(CHROME_FIRST_WORDS)
FIRST_WORD = re.compile(r"^\W*([A-Za-z]+|\d)")


def _may_be_chrome(line: str) -> bool:
    first = FIRST_WORD.match(line)
    return first is not None and (first.group(1).isdigit() or first.group(1).lower().startswith(CHROME_STARTS))


def is_chrome(line: str) -> bool:
    """A line of site chrome, also when Markdown wraps it ("**[Back to top](#top)**")."""
    if _may_be_chrome(line) and CHROME_LINE.match(line):
        return True
    if "[" in line or "**" in line or "__" in line:
        inner = plain_inline(line)
        return _may_be_chrome(inner) and bool(CHROME_LINE.match(inner))
    return False


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
    Markdown would act on is escaped by :mod:`guide.safe`. Inline code the
    source marked itself (Markdown sources) stays code, re-fenced by
    :func:`guide.safe.code_span` so that it closes where it should; a stray
    backtick that closes nothing is escaped, so that it cannot open a span.
    """
    text = tidy_spaces(re.sub(r"[\r\n]+", " ", text))
    pieces = [safe.code_span(piece) if is_code else _prose_piece(piece) for piece, is_code in safe.code_pieces(text)]
    return safe.line_start("".join(pieces))


def _prose_piece(text: str) -> str:
    text = CLI_FLAG.sub(lambda m: f"{m.group(1).lower()} --{m.group(2)}", text)
    pieces: list[str] = []
    position = 0
    for match in HTML_TAG.finditer(text):
        pieces.append(_prose_words(text[position : match.start()]))
        pieces.append(safe.code_span(match.group(0)))
        position = match.end()
    pieces.append(_prose_words(text[position:]))
    text = "".join(pieces)
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
