"""What every reader sees: one guide's lines, with chrome and fenced code marked.

Readers never decide on their own what is chrome: site chrome (the patterns of
``clean.is_chrome``), YAML front matter, a table of contents at the top,
Markdown images, rules and comments, and the inside of fenced code are marked
once here. So every reader explains the same text, no reader takes a line of
code or a contents entry for a question, and ``--explain`` can count (and
``-v`` list) exactly what was dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import clean, code, fences, frontmatter

HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
LISTED_HEADING = re.compile(r"^\s*\d{1,4}[.)]\s+#{1,6}\s")
BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?=\S)")
IMAGE_LINE = re.compile(r"^\s*(?:\[?!\[[^\]]*\]\([^)]*\)\]?(?:\([^)]*\))?\s*)+$")
HTML_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
SETEXT = re.compile(r"^\s{0,3}(=+|-{2,})\s*$")
RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
TOC_TITLE = re.compile(
    r"^\W*(table\s+of\s+contents?|contents|in\s+this\s+(article|post|guide)|on\s+this\s+page|"
    r"what'?s\s+inside|topics\s+covered|jump\s+to(\s+section)?|quick\s+links)\W*$",
    re.I,
)
# A quiz's or a flash-card deck's counter, alone on its line: "Question 3 of 10", "Card 4/20".
CARD = re.compile(
    r"^\W*(?:(?:question|card|flash\s*card|q)\s*#?\s*(\d{1,4})\s*(?:of|/)\s*\d{1,4}"
    r"|(?:card|flash\s*card)\s*#?\s*(\d{1,4})|\(?(\d{1,4})\s*/\s*\d{1,4}\)?)\W*$",
    re.I,
)
PIPE = re.compile(r"^\s*\|.*\|\s*$")
TOC_REACH = 400  # lines: a table of contents stands near the top of its guide
LONE_NUMBER = re.compile(r"^\s*\d{1,4}[.)]\s*$")  # a question's number printed on a line of its own
ANCHOR_LINK = re.compile(r"\]\(#[^)]*\)")
LIST_MARK = re.compile(r"^\s*(?:[-*+\u2022\u25cf\u25aa\u25e6]|\d{1,3}[.)]|\[\d{1,3}\])\s+")
FRONT_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:(\s|$)|^\s+\S|^\s*-\s|^\s*#")


@dataclass
class Page:
    """One guide (a part of a source file) as the readers see it.

    ``text`` holds each line with its characters fixed (ftfy, entities),
    non-breaking spaces as spaces and no trailing space: what patterns match.
    ``lines`` are the raw lines, which answers keep. ``markdown`` says the
    guide is written in Markdown (headings, fences, bold lines, front
    matter), so lines of a paragraph run on and inline markup is undone.
    """

    first_line: int  # 1-based line of lines[0] in the source
    lines: list[str]
    text: list[str]
    chrome: list[bool]
    fenced: list[bool]
    markdown: bool
    setext: dict[int, int] = field(default_factory=dict)  # heading lines underlined with = or -: their level
    sections: set[int] | None = None  # section headings, found once for every reader (base.section_headings)
    content: list[bool] = field(default_factory=list)  # not blank and not chrome
    askable: list[bool] = field(default_factory=list)  # content outside fenced code
    before: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Every reader asks these of every line: answer them once.
        self.content = [bool(line.strip()) and not chrome for line, chrome in zip(self.text, self.chrome, strict=True)]
        self.askable = [c and not f for c, f in zip(self.content, self.fenced, strict=True)]
        self.before = [0]  # before[i]: content lines above line i
        for flag in self.content:
            self.before.append(self.before[-1] + flag)

    def __len__(self) -> int:
        return len(self.lines)

    def is_content(self, index: int) -> bool:
        """A line that says something: not blank and not chrome."""
        return self.content[index]

    def can_ask(self, index: int) -> bool:
        """A line that may be a question line: content outside fenced code."""
        return self.askable[index]

    def chrome_lines(self) -> list[int]:
        return [i for i, flag in enumerate(self.chrome) if flag]


def make_page(lines: list[str], first_line: int = 1) -> Page:
    text = [clean.fix_characters(line).replace("\u00a0", " ").rstrip() for line in lines]
    fenced = mark_fences(text)
    chrome = [False] * len(lines)
    for i, line in enumerate(text):
        if not fenced[i] and line.strip() and is_page_chrome(line):
            chrome[i] = True
    front = front_matter(text)
    for i in range(front):
        chrome[i] = True
    setext = underlined_headings(text, fenced, chrome)
    for i in setext:
        chrome[i + 1] = True
    for i in table_of_contents(text, chrome, fenced):
        chrome[i] = True
    markdown = front > 0 or len(setext) >= 2 or looks_like_markdown(text, fenced)
    if markdown:
        for i, line in enumerate(text):
            if not fenced[i] and RULE.match(line):
                chrome[i] = True
    return Page(first_line, lines, text, chrome, fenced, markdown, setext)


def underlined_headings(text: list[str], fenced: list[bool], chrome: list[bool]) -> dict[int, int]:
    """Setext headings: a short line of text underlined with "===" (level 1) or "---" (level 2)."""
    found = {}
    for i in range(1, len(text)):
        underline = SETEXT.match(text[i])
        above = text[i - 1].strip()
        if (
            underline
            and not fenced[i]
            and above
            and not chrome[i - 1]
            and not SETEXT.match(above)
            and not LIST_MARK.match(above)
            and len(above) <= 200
            and (i < 2 or not text[i - 2].strip() or chrome[i - 2])
        ):
            found[i - 1] = 1 if underline.group(1)[0] == "=" else 2
    return found


def is_page_chrome(line: str) -> bool:
    """Chrome a line shows by itself: site widgets, a card counter, a lone image, an HTML comment."""
    if clean.is_chrome(line):
        return True
    if len(line) <= 40 and (CARD.match(line) or LONE_NUMBER.match(line)):
        return True
    return ("![" in line and bool(IMAGE_LINE.match(line))) or ("<!--" in line and bool(HTML_COMMENT.match(line)))


def mark_fences(text: list[str]) -> list[bool]:
    """Lines inside a fenced code block, its fence lines included (see guide.fences).

    An opening fence that is never closed marks nothing: a truncated page must
    not turn every question after it into code.
    """
    return fences.fenced_lines(text)


def front_matter(text: list[str]) -> int:
    """How many lines of YAML front matter the guide opens with (0 when none)."""
    start = next((i for i, line in enumerate(text) if line.strip()), None)
    end = None if start is None else frontmatter.closing(text, start, limit=80)
    if start is None or end is None:
        return 0
    body = [line for line in text[start + 1 : end] if line.strip()]
    return end + 1 if body and all(FRONT_KEY.match(line) for line in body) else 0


def looks_like_markdown(text: list[str], fenced: list[bool]) -> bool:
    """Fenced code, or at least two headings or bold lines, mark a Markdown guide.

    Single ``#`` lines do not count: scraped Python comments look the same.
    """
    if any(fenced):
        return True
    headings = sum(
        1 for line in text if (HEADING.match(line) and not line.lstrip().startswith("# ")) or LISTED_HEADING.match(line)
    )
    bold = sum(1 for line in text if BOLD_LINE.match(line))
    return headings >= 2 or bold >= 2


def toc_key(line: str) -> str:
    """A contents entry and the question it points to, reduced to the same words."""
    if "](" in line:
        line = re.sub(r"\]\([^)]*\)", "]", line)
    if "#" in line:
        line = HEADING.sub(r"\2", line)
    line = LIST_MARK.sub("", line)
    line = re.sub(r"^\W*(?:q(?:uestion)?\s*\.?\s*\d+|\d+)\s*[.):\-]\s*", "", line, flags=re.I)
    return " ".join(re.findall(r"[a-z0-9]+", line.lower()))


def table_of_contents(text: list[str], chrome: list[bool], fenced: list[bool]) -> list[int]:
    """The lines of a table of contents near the top of a guide.

    Either a "Contents" title and the list under it, or, untitled, a run of at
    least three short entries that are each asked again further down (its
    questions, or its section titles) and that are mostly question-like.
    """
    found: list[int] = []
    for i, line in enumerate(text):
        if not fenced[i] and not chrome[i] and TOC_TITLE.match(line):
            found.append(i)
            linked = True  # so far every entry links to an anchor on the page
            listed: set[str] = set()
            for k in range(i + 1, len(text)):
                line = text[k]
                if not line.strip():
                    continue
                if toc_key(line) and toc_key(line) in listed:
                    break  # an entry listed again: the questions themselves have begun
                listed.add(toc_key(line))
                if ANCHOR_LINK.search(line) or PIPE.match(line):
                    found.append(k)
                elif LIST_MARK.match(line) and not LISTED_HEADING.match(line) and not (linked and len(found) > 1):
                    found.append(k)
                    linked = False
                else:
                    break
            break
    if found:
        return found
    # Only lines near the top may be entries; any line further down may ask one again.
    limit = min(len(text) // 2, TOC_REACH)
    reach = min(len(text), limit + TOC_REACH)
    keys = [""] * len(text)
    for i in range(reach):
        if 0 < len(text[i].strip()) <= 160 and not fenced[i]:
            key = toc_key(text[i])
            keys[i] = key if _entry_like(text[i], key) else ""
    wanted = {key for key in keys if key}
    if not wanted or not _may_hold_a_run(text, keys, chrome, limit):
        return []  # no three entries in a row near the top: nothing to look for further down
    last: dict[str, int] = {}
    for i, line in enumerate(text):
        if not fenced[i] and 0 < len(line.strip()) <= 160:
            key = toc_key(line) if i < reach else quick_key(line)
            if key in wanted:
                last[key] = i
    i = 0
    while i < limit:
        if not keys[i] or chrome[i] or last[keys[i]] == i:
            i += 1
            continue
        run = [i]
        k = i + 1
        while k < len(text) and (not text[k].strip() or chrome[k] or (keys[k] and last[keys[k]] > k)):
            if keys[k] and not chrome[k]:
                run.append(k)
            k += 1
        run = _asked_again_after(run, keys, last)
        asking = sum(1 for r in run if "?" in text[r] or ANCHOR_LINK.search(text[r]))
        if len(run) >= 3 and 2 * asking >= len(run):
            return run
        i = k
    return []


def _may_hold_a_run(text: list[str], keys: list[str], chrome: list[bool], limit: int) -> bool:
    """Three entries or more in a row (blank lines and chrome between them allowed), two of them asking.

    What a table of contents needs at the least, tested before the costly
    search for the entries asked again further down.
    """
    run = asking = 0
    for i in range(len(keys)):
        if keys[i] and not chrome[i]:
            run += 1
            asking += "?" in text[i] or bool(ANCHOR_LINK.search(text[i]))
            if run >= 3 and asking >= 2:
                return True
        elif text[i].strip() and not chrome[i]:
            if i >= limit:
                return False
            run = asking = 0
    return False


def quick_key(line: str) -> str:
    """``toc_key`` for a line further down, where entries are not looked for: one regex, not five."""
    words = WORD.findall(line.lower())
    if words and (words[0].isdigit() or re.fullmatch(r"q\d+|question", words[0])):
        words = words[1:] if not (words[0] == "question" and len(words) > 1 and words[1].isdigit()) else words[2:]
    return " ".join(words)


WORD = re.compile(r"[a-z0-9]+")


def _asked_again_after(run: list[int], keys: list[str], last: dict[str, int]) -> list[int]:
    """The longest start of ``run`` whose every entry occurs again after the run's end."""
    best, lowest = 0, len(keys)
    for length, index in enumerate(run, 1):
        lowest = min(lowest, last[keys[index]])
        if lowest > index:
            best = length
    return run[:best]


def _entry_like(line: str, key: str) -> bool:
    stripped = line.strip()
    return len(key.split()) >= 3 and not stripped.endswith(".") and code.line_language(stripped) is None
