"""The guide as flash cards to take away: an Anki package and a CSV of the same.

Both are made from the normaliser's records (the same questions, short
answers and answers as the site), not scraped back out of the built pages.
The Anki package is written by genanki. Its note ids are stable: every
note's GUID is derived from the question's stable id, so importing an
updated deck updates the cards a reader already has instead of adding
copies, and the package's internal ids and dates come from the build's
timestamp, so two builds of one commit give identical notes.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

import genanki
import markdown
import nh3

from guide import pipeline, render
from guide.model import Question

from . import project

APKG_NAME = "flask-interview-guide.apkg"
CSV_NAME = "flask-interview-guide.csv"
CSV_COLUMNS = ("id", "question", "short_answer", "answer", "topic", "difficulty", "tags", "link")

# Fixed ids: Anki recognises the deck and the note type across versions by them.
DECK_ID = 1_733_050_801
MODEL_ID = 1_733_050_802
MODEL = genanki.Model(
    MODEL_ID,
    "Flask Interview Guide question",
    fields=[
        {"name": "Question"},
        {"name": "ShortAnswer"},
        {"name": "Answer"},
        {"name": "Topic"},
        {"name": "Difficulty"},
        {"name": "Link"},
        {"name": "Id"},
    ],
    templates=[
        {
            "name": "Question first",
            "qfmt": '<div class="topic">{{Topic}} · {{Difficulty}}</div><h2>{{Question}}</h2>',
            "afmt": '{{FrontSide}}<hr id="answer"><p class="short"><b>{{ShortAnswer}}</b></p>'
            '<div class="answer">{{Answer}}</div><p><a href="{{Link}}">Read it in the guide</a></p>',
        }
    ],
    css=".card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left; }"
    " .topic { color: #666; font-size: 14px; } pre { white-space: pre-wrap; font-size: 14px; }",
    sort_field_index=0,
)

# What an answer's HTML may hold on a card: the site's own Markdown, as text and structure.
ALLOWED_TAGS = {
    "p", "a", "code", "pre", "em", "strong", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "h3", "h4", "blockquote", "div", "span", "br", "hr", "kbd",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "div": {"class"}, "span": {"class"}, "code": {"class"}}
_EXTENSIONS = ["fenced_code", "tables", "admonition", "attr_list", "md_in_html", "sane_lists"]
_PAGE_LINK = re.compile(r'href="([a-z0-9-]+)\.md(#[^"]*)?"')


@dataclass(frozen=True)
class Card:
    id: str
    question: str
    short: str
    answer_markdown: str
    answer_html: str
    topic: str
    difficulty: str
    tags: tuple[str, ...]
    link: str


def cards(site_url: str, root: Path = project.ROOT) -> list[Card]:
    """One card per question of the guide, in reading order."""
    result = pipeline.build(root / "sources", root / "scripts" / "editorial")
    found = []
    for topic, questions in result.pages:
        for q in questions:
            answer = render.answer_markdown(q.blocks)
            found.append(
                Card(
                    id=q.id,
                    question=q.title,
                    short=q.short,
                    answer_markdown=answer,
                    answer_html=answer_html(answer, site_url),
                    topic=topic.title,
                    difficulty=q.difficulty,
                    tags=anki_tags(q, topic.slug),
                    link=f"{site_url}q/{q.id}/",
                )
            )
    return found


def answer_html(answer: str, site_url: str) -> str:
    """The answer as HTML for a card: links to other answers made absolute, nothing live."""
    text = markdown.markdown(answer, extensions=_EXTENSIONS)
    text = _PAGE_LINK.sub(lambda m: f'href="{site_url}{m.group(1)}/{m.group(2) or ""}"', text)
    return nh3.clean(text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"})


def anki_tags(question: Question, topic: str) -> tuple[str, ...]:
    """Anki tags have no spaces: the question's tags, its topic and its difficulty."""
    words = [*question.tags, topic, question.difficulty, *(["essential"] if question.essential else [])]
    return tuple(dict.fromkeys(re.sub(r"\s+", "-", w) for w in words if w))


def write_apkg(found: list[Card], path: Path, name: str, epoch: int) -> None:
    deck = genanki.Deck(DECK_ID, name)
    for card in found:
        deck.add_note(
            genanki.Note(
                model=MODEL,
                fields=[
                    html.escape(card.question),
                    html.escape(card.short),
                    card.answer_html,
                    html.escape(card.topic),
                    card.difficulty,
                    card.link,
                    card.id,
                ],
                tags=list(card.tags),
                guid=genanki.guid_for(card.id),
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path), timestamp=float(epoch))


def csv_text(found: list[Card]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in found:
        writer.writerow([c.id, c.question, c.short, c.answer_markdown, c.topic, c.difficulty, " ".join(c.tags), c.link])
    return out.getvalue()


def write(folder: Path, name: str, site_url: str, epoch: int) -> tuple[Path, Path]:
    """The Anki package and the CSV in ``folder``; their paths."""
    found = cards(site_url)
    apkg, table = folder / APKG_NAME, folder / CSV_NAME
    write_apkg(found, apkg, name, epoch)
    table.write_text(csv_text(found), encoding="utf-8", newline="")
    return apkg, table
