"""The pages the benchmark measures, and how each one is opened.

Six pages, each at the same address on both sites: the home page, the
longest topic page, that page again in quiz mode, All questions, Practice,
and a short link (``q/<id>/``) into the longest topic page. Quiz mode is the
reader's choice, remembered in localStorage: its page is opened with that
entry already set, as a returning reader who switched it on would open it.
The baseline ignores the entry; its quiz page is the plain topic page a
reader could have had instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Quiz mode, as docs/assets/javascripts/practice.js stores it: the key is the
# site's root path followed by ".practice" (the sites are served at "/"), the
# value a JSON object with "quiz": true. The only thing the benchmark knows
# about the practice script; tests/bench checks that the key is still there.
QUIZ_MODE_KEY_SUFFIX = ".practice"
QUIZ_MODE_VALUE = '{"quiz": true}'

NAMES = ("home", "topic", "quiz", "all", "practice", "short")

# Generated pages that are not topic pages.
NOT_TOPICS = frozenset({"index.md", "about.md", "essentials.md", "all-questions.md", "tags.md"})


@dataclass(frozen=True)
class Page:
    name: str
    path: str  # from the site's root, starting with "/"
    local_storage: tuple[tuple[str, str], ...] = ()  # (key, value) set before the page loads

    @property
    def label(self) -> str:
        return f"{self.name} {self.path}" + (" (quiz mode)" if self.local_storage else "")


def quiz_mode_storage(root: str = "/") -> tuple[tuple[str, str], ...]:
    """The localStorage entry that switches quiz mode on for a site served at ``root``."""
    return ((root + QUIZ_MODE_KEY_SUFFIX, QUIZ_MODE_VALUE),)


def longest_topic_page(files: dict[str, str], not_topics: set[str] | frozenset[str]) -> str:
    """The generated topic page with the most Markdown, as a page name (basics.md)."""
    pages = [name for name in files if name.endswith(".md") and "/" not in name and name not in not_topics]
    return max(sorted(pages), key=lambda name: len(files[name]))


def short_link_for(redirects_yml: str, page: str) -> str:
    """The first short link (q/<id>/) of the redirect map that points into ``page``."""
    for match in re.finditer(r"^\s+(q/[^:\s]+)\.md:\s+(\S+?)(?:#\S*)?\s*$", redirects_yml, re.MULTILINE):
        if match.group(2) == page:
            return match.group(1) + "/"
    raise ValueError(f"no short link points into {page}")


def choose(docs: Path, hand_written: set[str], names: list[str] | tuple[str, ...] = NAMES) -> list[Page]:
    """The pages called ``names``, in the order of NAMES, for the generated ``docs``.

    ``hand_written`` are the page names the normaliser does not write (the
    Practice page, the downloads page...): none of them is a topic page.
    """
    files = {p.name: p.read_text(encoding="utf-8") for p in docs.glob("*.md")}
    topic = longest_topic_page(files, NOT_TOPICS | hand_written)
    topic_path = "/" + topic.removesuffix(".md") + "/"
    redirects = (docs / "generated.yml").read_text(encoding="utf-8")
    every = {
        "home": Page("home", "/"),
        "topic": Page("topic", topic_path),
        "quiz": Page("quiz", topic_path, quiz_mode_storage()),
        "all": Page("all", "/all-questions/"),
        "practice": Page("practice", "/practice/"),
        "short": Page("short", "/" + short_link_for(redirects, topic)),
    }
    return [every[name] for name in NAMES if name in names]
