"""The editorial layer: people's decisions about content, as validated data.

Every entry is checked before anything is written: an id that names no
question, a topic that is not a page, a change without its reason. Errors
carry the file and line of the offending key.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import fences, frontmatter, merge, safe, textfile, yamldata
from .errors import GuideError
from .model import Markdown, Place, Question, Reference
from .words import ADVANCED_WORDS, BEGINNER_OPENERS

DIFFICULTIES = ("beginner", "intermediate", "advanced")
REWRITE_KINDS = ("factual-fix", "outdated-api", "python-fundamentals", "merged", "completed-example", "clarity")
KEYS = {
    "title",
    "title_reason",
    "topic",
    "difficulty",
    "tags",
    "aliases",
    "merge_reason",
    "rewrite",
    "distinct",
    "distinct_reason",
    "authored",
    "short",
    "essential",
    "references",
}
# What a question the team writes must say for itself, having no source to fall back on.
AUTHORED_NEEDS = ("title", "topic", "difficulty", "short", "references")
ID_PATTERN = safe.ID
# Names of pages the normaliser writes or the site keeps by hand: a topic slug
# that took one of them would overwrite it.
RESERVED_SLUGS = {
    "index",
    "all-questions",
    "tags",
    "essentials",
    "generated",
    "practice",
    "downloads",
    "print",
    "q",
    "assets",
    "404",
    "search",
    "sitemap",
    "about",
}
SITE_KEYS = ("title", "headline", "lead", "repository", "description", "flask_version", "intro", "about_sections")
# The site.yml keys that hold Markdown; the others are plain text.
SITE_MARKDOWN = ("intro", "about_sections")
SHORT_MAX_WORDS = 80
REFERENCE_SCHEMES = ("https://", "http://")


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str
    keywords: tuple[str, ...]
    tag: str = ""


@dataclass
class Entry:
    """One question's editorial file."""

    id: str
    path: str
    lines: dict[str, int]
    title: str = ""
    title_reason: str = ""
    topic: str = ""
    difficulty: str = ""
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    merge_reason: str = ""
    rewrite_kind: str = ""
    rewrite_reason: str = ""
    distinct: tuple[str, ...] = ()
    distinct_reason: str = ""
    body: str = ""
    body_line: int = 1  # the line of the file where the body starts
    authored: bool = False
    short: str = ""
    essential: bool = False
    references: tuple[Reference, ...] = ()

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


@dataclass
class Editorial:
    topics: list[Topic]
    entries: dict[str, Entry] = field(default_factory=dict)
    site: dict = field(default_factory=dict)

    def topic(self, slug: str) -> Topic:
        return next(t for t in self.topics if t.slug == slug)


def _yaml(display: str, text: str, offset: int = 0):
    return yamldata.load(display, text, offset)


def _key_lines(text: str, key: str) -> list[int]:
    """Lines where ``key:`` starts a mapping entry (or a list item's first entry)."""
    pattern = re.compile(rf"^\s*-?\s*{re.escape(key)}\s*:")
    return [number for number, line in enumerate(text.split("\n"), 1) if pattern.match(line)]


def load_topics(path: Path, display: str) -> list[Topic]:
    source = textfile.read_text(path, display)
    data = _yaml(display, source)
    if not isinstance(data, list) or not data:
        raise GuideError(display, 1, "expected a list of topics")
    slug_lines = _key_lines(source, "slug")
    topics: list[Topic] = []
    for number, item in enumerate(data, 1):
        line = slug_lines[number - 1] if number <= len(slug_lines) else 1
        if not isinstance(item, dict) or not {"slug", "title", "description"} <= set(item):
            raise GuideError(display, line, "each topic needs slug, title and description")
        slug = yamldata.text(item["slug"], display, line, "slug").strip()
        if not ID_PATTERN.match(slug) or len(slug) > 72:
            raise GuideError(
                display, line, f"topic slug '{slug}' is its page's file name: lower-case words and hyphens only"
            )
        if slug in RESERVED_SLUGS:
            raise GuideError(display, line, f"topic slug '{slug}' is the name of another page of the site")
        if any(t.slug == slug for t in topics):
            raise GuideError(display, line, f"topic slug '{slug}' is listed twice")
        tag = yamldata.text(item.get("tag"), display, line, "tag").strip()
        if tag and not ID_PATTERN.match(tag):
            raise GuideError(display, line, f"tag '{tag}' must be lower-case words and hyphens")
        title = yamldata.text(item["title"], display, line, "title").strip()
        description = yamldata.text(item["description"], display, line, "description").strip()
        if not title or not description:
            raise GuideError(display, line, "a topic's title and description may not be empty")
        keywords = yamldata.texts(item.get("keywords"), display, line, "keywords")
        topics.append(Topic(slug, title, description, keywords, tag))
    return topics


def _line_of(path: Path, key: str, occurrence: int = 1) -> int:
    lines = _key_lines(textfile.read_text(path, str(path)), key)
    return lines[occurrence - 1] if occurrence <= len(lines) else 1


def load_entry(path: Path, display: str) -> Entry:
    text = textfile.read_text(path, display)
    if not text.startswith("---\n"):
        raise GuideError(display, 1, "an editorial file starts with YAML front matter between '---' lines")
    try:
        parts = frontmatter.split(text)
    except frontmatter.Unclosed as unclosed:
        raise GuideError(display, 1, str(unclosed)) from None
    front, rest = parts.yaml or "", parts.body
    body = rest.strip("\n").rstrip()
    body_line = parts.body_line + (len(rest) - len(rest.lstrip("\n")))
    data = _yaml(display, front, offset=1) or {}
    if not isinstance(data, dict):
        raise GuideError(display, 2, "front matter must be a mapping of keys")
    lines = {}
    for number, line in enumerate(front.split("\n"), 2):
        match = re.match(r"^([A-Za-z_]+)\s*:", line)
        if match:
            lines[match.group(1)] = number
    entry = Entry(id=path.stem, path=display, lines=lines, body=body, body_line=body_line)
    for key in data:
        if key not in KEYS:
            raise GuideError(display, entry.line(str(key)), f"unknown key '{key}' (known: {', '.join(sorted(KEYS))})")

    def one(key: str) -> str:
        return yamldata.text(data.get(key), display, entry.line(key), key).strip()

    def many(key: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in yamldata.texts(data.get(key), display, entry.line(key), key))

    entry.title = " ".join(one("title").split())
    entry.title_reason = one("title_reason")
    entry.topic = one("topic")
    entry.difficulty = one("difficulty")
    entry.tags = many("tags")
    entry.aliases = many("aliases")
    entry.merge_reason = one("merge_reason")
    entry.distinct = many("distinct")
    entry.distinct_reason = one("distinct_reason")
    entry.authored = _flag(entry, data, "authored")
    entry.essential = _flag(entry, data, "essential")
    entry.short = " ".join(one("short").split())
    entry.references = _references(entry, data.get("references"))
    rewrite = data.get("rewrite")
    if rewrite is not None:
        if not isinstance(rewrite, dict):
            raise GuideError(display, entry.line("rewrite"), "rewrite needs 'kind' and 'reason'")
        entry.rewrite_kind = yamldata.text(rewrite.get("kind"), display, entry.line("rewrite"), "kind").strip()
        entry.rewrite_reason = yamldata.text(rewrite.get("reason"), display, entry.line("rewrite"), "reason").strip()
    _check_entry(entry)
    for tag in entry.tags:
        if not ID_PATTERN.match(tag):
            raise GuideError(display, entry.line("tags"), f"tag '{tag}' must be lower-case words and hyphens")
    safe.check_markdown(entry.short, display, entry.line("short"), block=False)
    safe.check_markdown(entry.body, display, entry.body_line)
    return entry


def _flag(entry: Entry, data: dict, key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise GuideError(entry.path, entry.line(key), f"{key} is true or false")
    return value


def _references(entry: Entry, value: object) -> tuple[Reference, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise GuideError(entry.path, entry.line("references"), "references is a list of {title, url}")
    found = []
    for item in value:
        if not isinstance(item, dict) or not item.get("title") or not item.get("url"):
            raise GuideError(entry.path, entry.line("references"), "each reference needs a title and a url")
        url = yamldata.text(item["url"], entry.path, entry.line("references"), "a reference's url").strip()
        if not url.startswith(REFERENCE_SCHEMES) or any(c in url for c in ' <>"\n\\`') or not url.isprintable():
            raise GuideError(
                entry.path, entry.line("references"), f"a reference is a web address (https://...): '{url}'"
            )
        title = yamldata.text(item["title"], entry.path, entry.line("references"), "a reference's title")
        found.append(Reference(" ".join(title.split()), url))
    return tuple(found)


def _check_authored(entry: Entry) -> None:
    if not ID_PATTERN.match(entry.id) or len(entry.id) > 72:
        raise GuideError(
            entry.path,
            1,
            "an authored question's file name is its id: lower-case words and hyphens, 72 characters at most",
        )
    for key in AUTHORED_NEEDS:
        if not getattr(entry, key):
            raise GuideError(entry.path, entry.line("authored"), f"an authored question needs '{key}'")
    if not entry.body:
        raise GuideError(entry.path, entry.line("authored"), "an authored question needs its answer as the file's body")
    for key in ("aliases", "distinct", "rewrite", "title_reason"):
        if key in entry.lines:
            raise GuideError(
                entry.path, entry.line(key), f"'{key}' is for source questions; an authored question has no source"
            )


def _check_entry(entry: Entry) -> None:
    if entry.authored:
        _check_authored(entry)
    if len(entry.short.split()) > SHORT_MAX_WORDS:
        raise GuideError(
            entry.path, entry.line("short"), f"a short answer is one or two sentences ({SHORT_MAX_WORDS} words at most)"
        )
    if entry.difficulty and entry.difficulty not in DIFFICULTIES:
        raise GuideError(entry.path, entry.line("difficulty"), f"difficulty must be one of {', '.join(DIFFICULTIES)}")
    if entry.aliases and not entry.merge_reason:
        raise GuideError(entry.path, entry.line("aliases"), "aliases need a merge_reason")
    if entry.distinct and not entry.distinct_reason:
        raise GuideError(entry.path, entry.line("distinct"), "distinct needs a distinct_reason")
    if entry.body and not entry.rewrite_kind and not entry.authored:
        raise GuideError(entry.path, 1, "a body replaces the answer: say why with rewrite: {kind, reason}")
    if entry.rewrite_kind and not entry.body:
        raise GuideError(entry.path, entry.line("rewrite"), "rewrite given but the file has no body")
    if entry.rewrite_kind and entry.rewrite_kind not in REWRITE_KINDS:
        raise GuideError(entry.path, entry.line("rewrite"), f"rewrite kind must be one of {', '.join(REWRITE_KINDS)}")
    if entry.rewrite_kind and not entry.rewrite_reason:
        raise GuideError(entry.path, entry.line("rewrite"), "rewrite needs a reason")
    prose = fences.outside(entry.body)
    empty_header = re.search(r"(?m)^\|\s*\|.*\n\|\s*:?-{3,}", prose)
    if empty_header:
        line = prose.count("\n", 0, empty_header.start()) + entry.body_line
        raise GuideError(entry.path, line, "a table header cell is empty: name the column (screen readers announce it)")
    if re.search(r"(?m)^#{1,2} ", prose):
        raise GuideError(entry.path, 1, "answers may not use '#' or '##' headings: questions are the page's headings")


def load(directory: Path, display_root: str, with_entries: bool = True) -> Editorial:
    topics_path = directory / "topics.yml"
    if not topics_path.exists():
        raise GuideError(f"{display_root}/topics.yml", 1, "missing: the topic pages are listed here")
    topics = load_topics(topics_path, f"{display_root}/topics.yml")
    editorial = Editorial(topics)
    site_path = directory / "site.yml"
    if site_path.exists():
        editorial.site = load_site(site_path, f"{display_root}/site.yml")
    slugs = {t.slug for t in topics}
    for path in sorted((directory / "questions").glob("*.md")) if with_entries else ():
        entry = load_entry(path, f"{display_root}/questions/{path.name}")
        if entry.topic and entry.topic not in slugs:
            raise GuideError(entry.path, entry.line("topic"), f"unknown topic '{entry.topic}' (see topics.yml)")
        editorial.entries[entry.id] = entry
    return editorial


def load_site(path: Path, display: str) -> dict[str, str]:
    """site.yml: the home and About pages' words, each a text; intro and about_sections are Markdown."""
    source = textfile.read_text(path, display)
    data = _yaml(display, source)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GuideError(display, 1, "site.yml is a mapping of keys: " + ", ".join(SITE_KEYS))
    site: dict[str, str] = {}
    for key, value in data.items():
        line = next(iter(_key_lines(source, str(key))), 1)
        if key not in SITE_KEYS:
            raise GuideError(display, line, f"unknown key '{key}' (known: {', '.join(SITE_KEYS)})")
        site[key] = yamldata.text(value, display, line, key)
        if key in SITE_MARKDOWN:
            safe.check_markdown(site[key], display, line + 1)
        if key == "repository" and site[key] and not re.match(r"^https?://[A-Za-z0-9][^\s<>\"'`]*$", site[key]):
            raise GuideError(display, line, f"repository is a web address (https://...): '{site[key]}'")
    return site


def authored(editorial: Editorial) -> list[Entry]:
    """The questions the team wrote, in file-name order."""
    return [entry for entry in editorial.entries.values() if entry.authored]


def check_titles(editorial: Editorial, questions: list[Question]) -> None:
    """A title that changes a source question's wording says why, in title_reason."""
    asked: dict[str, str] = {}
    for question in questions:
        asked.setdefault(question.id, " ".join(question.source_text.split()))
    for entry in editorial.entries.values():
        if entry.authored or not entry.title or entry.title_reason or entry.id not in asked:
            continue
        if entry.title != asked[entry.id]:
            raise GuideError(
                entry.path,
                entry.line("title"),
                f"this title changes the source's wording ({asked[entry.id]!r}): say why in title_reason",
            )


def check_ids(editorial: Editorial, known: set[str]) -> None:
    """Every id an entry names must be a question in the sources; an authored id must be none of them."""
    alias_of: dict[str, str] = {}
    for entry in editorial.entries.values():
        if entry.authored:
            if entry.id in known:
                raise GuideError(
                    entry.path, 1, f"id collision: '{entry.id}' is also the id of a source question (see --report)"
                )
            continue
        if entry.id not in known:
            raise GuideError(entry.path, 1, f"'{entry.id}' is not the id of any source question (see --report)")
        for alias in entry.aliases:
            if alias not in known:
                raise GuideError(
                    entry.path, entry.line("aliases"), f"alias '{alias}' is not the id of any source question"
                )
            if alias in alias_of:
                raise GuideError(
                    entry.path, entry.line("aliases"), f"alias '{alias}' is already merged into '{alias_of[alias]}'"
                )
            alias_of[alias] = entry.id
        for other in entry.distinct:
            if other not in known:
                raise GuideError(entry.path, entry.line("distinct"), f"'{other}' is not the id of any source question")
    for alias, owner in alias_of.items():
        if alias in editorial.entries and editorial.entries[alias].authored:
            raise GuideError(editorial.entries[alias].path, 1, f"id collision: '{alias}' is also an alias of '{owner}'")
        if alias in editorial.entries and alias != owner:
            raise GuideError(
                editorial.entries[alias].path, 1, f"'{alias}' is merged into '{owner}': edit that file instead"
            )


def merge_rules(editorial: Editorial) -> merge.Rules:
    """The entries' aliases and distinct pairs, for guide.merge.group."""
    entries = editorial.entries.values()
    return merge.Rules(
        aliases={entry.id: tuple(entry.aliases) for entry in entries if entry.aliases},
        distinct=tuple((entry.id, other) for entry in entries for other in entry.distinct),
    )


def authored_questions(editorial: Editorial) -> list[Question]:
    """The questions the team wrote, as records with no source text; apply() gives them their answers."""
    return [
        Question(entry.id, entry.title, entry.title, Place(entry.path, 1, 0), [], authored=True)
        for entry in authored(editorial)
    ]


def apply(question: Question, editorial: Editorial) -> None:
    """What the entry for this question says (title, answer, topic...); first guesses for what none says."""
    entry = editorial.entries.get(question.id)
    if entry is not None:
        if entry.title:
            question.title = entry.title
        if entry.body:
            question.blocks = [Markdown(entry.body)]
        question.topic = entry.topic
        question.difficulty = entry.difficulty
        question.tags = entry.tags
        question.short = entry.short
        question.essential = entry.essential
        question.references = entry.references
    if not question.topic:
        question.topic = guess_topic(question, editorial.topics)
    if not question.difficulty:
        question.difficulty = guess_difficulty(question.source_text)
    if not question.tags:
        tag = editorial.topic(question.topic).tag
        question.tags = (tag,) if tag else ()


def pages(editorial: Editorial, questions: list[Question]) -> list[tuple[Topic, list[Question]]]:
    """The topic pages in topics.yml order, each with its questions: beginner first, then source order."""
    out = []
    for topic in editorial.topics:
        on_page = sorted(
            (q for q in questions if q.topic == topic.slug),
            key=lambda q: DIFFICULTIES.index(q.difficulty) if q.difficulty in DIFFICULTIES else 1,
        )
        if on_page:
            out.append((topic, on_page))
    return out


BEGINNER = re.compile(r"^(" + "|".join(BEGINNER_OPENERS) + r")\b", re.I)
ADVANCED = re.compile(r"\b(" + "|".join(ADVANCED_WORDS) + r")\b", re.I)


def guess_difficulty(text: str) -> str:
    """A first guess for a question nobody has rated yet: definitions are for beginners."""
    if ADVANCED.search(text):
        return "advanced"
    if BEGINNER.match(text):
        return "beginner"
    return "intermediate"


def guess_topic(question: Question, topics: list[Topic]) -> str:
    """The topic whose keywords the question's wording matches best (first topic on a tie)."""
    text = " " + re.sub(r"[^a-z0-9_@]+", " ", question.source_text.lower()) + " "
    best, score = topics[0].slug, 0
    for topic in topics:
        hits = len(_keyword_pattern(topic.keywords).findall(text))
        if hits > score:
            best, score = topic.slug, hits
    return best


@functools.cache
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted({re.sub(r"[^a-z0-9_@]+", " ", k.lower()).strip() for k in keywords}, key=len, reverse=True)
    return re.compile(r"(?<= )(?:" + "|".join(re.escape(w) for w in words if w) + r")s?(?= )")
