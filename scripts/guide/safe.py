"""The rendering boundary: text from sources and the editorial layer made safe for Markdown.

Sources are scraped web pages, so their text is untrusted: it must reach the
site as text, never as markup. Everything a source says passes through
:func:`inline` (or :func:`code_span` for what the cleaner marked as code)
before it becomes Markdown, which escapes every piece of Markdown's active
syntax that MkDocs' extensions know (links, images, reference definitions,
attribute lists, raw HTML, entities, comments, admonitions, fences) instead
of trying to recognise dangerous input. Raw HTML stays visible as code
(``clean.prose``) or as text, as before.

Editorial text (answers, short answers, the home page's words) is Markdown the
team writes and keeps its features: admonitions, tables, code, links. It is
rendered here with the site's own Markdown extensions and the HTML is compared
with what the nh3 sanitiser keeps under an allow-list (:func:`check_markdown`):
anything the sanitiser would remove (a script, an event attribute, a
``javascript:`` link, a remote image, a comment) stops the run at that file and
line, so the site never depends on a silent fix.

Ids, URLs and values bound for HTML attributes have their own small functions,
so the renderer never interpolates anything unchecked.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from urllib.parse import quote

import markdown
import nh3

from .errors import GuideError

# --- source text: inert Markdown -------------------------------------------------

# Inline syntax: emphasis, code, links and images, attribute lists, tables' cell
# rules, HTML and entities. Python-Markdown's backslash escapes cover all but
# "<" and "&", which become entities (shown as the characters themselves).
_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "[": "\\[",
        "]": "\\]",
        "{": "\\{",
        "}": "\\}",
        "|": "\\|",
        "<": "&lt;",
    }
)
# An underscore between two word characters is not emphasis in Python-Markdown;
# one at a word's edge could be.
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # not between two letters or digits
# "&lt;" or "&#106;" written in the text stays those characters, not what they encode.
_ENTITY_LIKE = re.compile(r"&(?=#|[A-Za-z0-9]+;)")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")


def inline(text: str, *, every_underscore: bool = False) -> str:
    """Plain text as Markdown that renders as exactly that text, in any inline position.

    Underscores inside a word (``url_for``) need no escape; ``every_underscore``
    escapes them all the same, as link texts always have been.
    """
    text = _LINE_BREAKS.sub(" ", text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = text.translate(_INLINE)
    if every_underscore:
        return text.replace("_", "\\_")
    return _EDGE_UNDERSCORE.sub(r"\\_", text)


# What a line may not start with when it is meant as a paragraph: a heading, a
# quote, a list, a rule, a table, a fence, an admonition or details block.
_BLOCK_START = (
    (re.compile(r"^(\d+)\.(\s|$)"), r"\1\\.\2"),
    (re.compile(r"^([#>+=-])"), r"\\\1"),
    (re.compile(r"^!"), r"\\!"),
    (re.compile(r"^\?"), "&#63;"),
    (re.compile(r"^~"), "&#126;"),
    (re.compile(r"^:"), "&#58;"),
)


def line_start(markdown_text: str) -> str:
    """The same inline Markdown, made unable to open a block at the start of a line."""
    markdown_text = markdown_text.lstrip(" \t")
    for pattern, replacement in _BLOCK_START:
        markdown_text = pattern.sub(replacement, markdown_text, count=1)
    return markdown_text


def text(value: str) -> str:
    """Plain text that may stand at the start of a line (a paragraph, a list item, a heading)."""
    return line_start(inline(value))


def code_span(value: str) -> str:
    """Inline code showing ``value`` exactly, however many backticks it holds."""
    value = _LINE_BREAKS.sub(" ", value)
    runs = {len(m) for m in re.findall(r"`+", value)}
    ticks = 1
    while ticks in runs:
        ticks += 1
    fence = "`" * ticks
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


# A code span as CommonMark reads one: a run of backticks, text, the same run again.
CODE_SPAN = re.compile(r"(`+)(?=[^`\s]|\s+[^`\s])(?:.*?[^`])\1(?!`)")


def code_pieces(value: str) -> list[tuple[str, bool]]:
    """``value`` cut into (text, is_code) pieces at the code spans it marks itself.

    A code piece is what its span shows (less one space of padding at both
    ends, as CommonMark does), to be fenced again by :func:`code_span`; a
    backtick that closes nothing stays in a text piece, to be escaped there.
    """
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in CODE_SPAN.finditer(value) if "`" in value else ():
        if match.start() > position:
            pieces.append((value[position : match.start()], False))
        inner = match.group(0)[len(match.group(1)) : -len(match.group(1))]
        if len(inner) > 2 and inner.startswith(" ") and inner.endswith(" ") and inner.strip():
            inner = inner[1:-1]
        pieces.append((inner, True))
        position = match.end()
    if position < len(value):
        pieces.append((value[position:], False))
    return pieces


def text_and_code(value: str, *, escape: str = "") -> str:
    """Like :func:`text`, but the code spans ``value`` marks stay code; ``escape`` lists more characters to escape in text."""
    out = []
    for piece, is_code in code_pieces(value):
        if is_code:
            out.append(code_span(piece))
        else:
            piece = inline(piece)
            for char in escape:
                piece = piece.replace(char, "\\" + char)
            out.append(piece)
    return line_start("".join(out))


def attribute(value: str) -> str:
    """Text for an HTML attribute or for page metadata that themes print unescaped."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def ident(value: str) -> str:
    """An id, anchor or tag as it goes into an attribute or a link: a slug, or a bug upstream."""
    if not ID.match(value):
        raise ValueError(f"not a slug: {value!r}")
    return value


_URL_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~_:/?#@!$&'*+,;=%]")
_URL_MARKDOWN = str.maketrans({"(": "%28", ")": "%29", "'": "%27", "*": "%2A"})


def web_url(value: str) -> str:
    """An http(s) address as a Markdown link target: nothing in it can end the link early."""
    if not re.match(r"^https?://[A-Za-z0-9]", value):
        raise ValueError(f"not a web address: {value!r}")
    encoded = _URL_UNSAFE.sub(lambda m: quote(m.group(0), safe=""), value)
    return encoded.translate(_URL_MARKDOWN)


# --- editorial Markdown: rendered, then held against a sanitiser ----------------

# The Markdown extensions of mkdocs.yml (a test keeps the two lists equal).
EXTENSIONS = (
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.superfences",
)
# Code is shown, not run, whatever it holds: no need for Pygments to colour it here.
_CONFIG = {"toc": {"permalink": True}, "pymdownx.highlight": {"use_pygments": False}}

INLINE_TAGS = {"a", "code", "em", "strong", "kbd", "br", "span", "sub", "sup", "del", "ins", "mark", "abbr"}
BLOCK_TAGS = INLINE_TAGS | {
    "p",
    "div",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "details",
    "summary",
    "img",
}
_ATTRIBUTES = {
    "*": {"class"},
    "a": {"href", "title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "th": {"style"},
    "td": {"style"},
    "ol": {"start"},
    "details": {"open"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
}
_ALIGN = re.compile(r"^text-align: (left|right|center);$")


def _keep(tag: str, name: str, value: str) -> str | None:
    """Table alignment is the only style; an image is the site's own, never another host's."""
    if name == "style":
        return value if _ALIGN.match(value) else None
    if tag == "img" and name == "src" and (value.startswith("//") or re.match(r"^[A-Za-z][\w+.-]*:", value)):
        return None
    return value


class _Events(HTMLParser):
    """The elements, attributes and comments of a piece of HTML, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, ...]] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("<", tag, *sorted(f"{k}={v or ''}" for k, v in attrs)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.events.append(("/", tag))

    def handle_comment(self, data):
        self.events.append(("!--", data))

    def handle_decl(self, decl):
        self.events.append(("!", decl))

    def handle_pi(self, data):
        self.events.append(("?", data))


def _events(html: str) -> list[tuple[str, ...]]:
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.events


@functools.cache
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=_CONFIG)


def render(markdown_text: str) -> str:
    """HTML as MkDocs would render this Markdown (same extensions)."""
    md = _renderer()
    md.reset()
    return md.convert(markdown_text)


def _describe(event: tuple[str, ...]) -> str:
    kind, *rest = event
    if kind == "<":
        tag, *attrs = rest
        return "<" + " ".join([tag, *attrs]) + ">"
    if kind == "/":
        return f"</{rest[0]}>"
    if kind == "!--":
        return "an HTML comment"
    return f"<{kind}{rest[0]}>"


def _line_of(markdown_text: str, event: tuple[str, ...]) -> int:
    """The first line of the Markdown that shows the offending value, attribute or tag (1 if none)."""
    needles: list[str] = []
    if event[0] in ("<", "/"):
        attributes = [attr.split("=", 1) for attr in event[2:]]
        needles += [value for _, value in (a for a in attributes if len(a) == 2) if len(value) > 2]
        needles += [f"<{event[1]}", f"{{{event[1]}"] + [name for name, *_ in attributes] + [event[1]]
    elif event[0] == "!--":
        needles.append("<!--")
    lines = markdown_text.split("\n")
    for needle in needles:
        for number, line in enumerate(lines, 1):
            if needle.lower() in line.lower():
                return number
    return 1


def check_markdown(markdown_text: str, path: str, line: int, *, block: bool = True) -> None:
    """Refuse editorial Markdown whose HTML the allow-list would change.

    ``block`` is False for one-line fields (a short answer) that sit inside a
    paragraph of the renderer's: they may hold inline Markdown only.
    """
    if not markdown_text.strip():
        return
    try:
        html = render(markdown_text)
    except RecursionError:
        raise GuideError(path, line, "Markdown nested too deeply to render") from None
    tags = BLOCK_TAGS if block else INLINE_TAGS | {"p"}
    cleaned = nh3.clean(
        html,
        tags=tags,
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTES,
        attribute_filter=_keep,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
    before, after = _events(html), _events(cleaned)
    if not block and sum(1 for e in before if e[:2] == ("<", "p")) > 1:
        raise GuideError(path, line, "a one-line field holds inline Markdown only, not paragraphs or blocks")
    if before == after:
        return
    position = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), len(after))
    offending = before[position] if position < len(before) else after[position]
    where = line + _line_of(markdown_text, offending) - 1
    raise GuideError(
        path,
        where,
        f"{_describe(offending)} is not allowed in editorial text: no raw HTML beyond <kbd>, no event "
        "attributes, links only to http(s), mailto or relative addresses, no remote images or comments",
    )
