"""The PDF: every question in reading order, numbered pages, a linked
contents list, bookmarks, and metadata that does not change between builds."""

from __future__ import annotations

import html
import io
import re

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import Destination

from site_build import pdf, project


def normalise(text: str) -> str:
    """Text as a PDF gives it back: markup gone, whitespace collapsed."""
    text = html.unescape(text).replace("`", "")
    text = re.sub(r"\\(.)", r"\1", text)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"(\w)- (\w)", r"\1-\2", text).strip()


@pytest.fixture(scope="module")
def reader(built) -> PdfReader:
    return PdfReader(built.pdf)


def outline_tree(items: list) -> list[tuple[Destination, list]]:
    """Bookmarks as ``(entry, children)`` pairs (pypdf lists an entry's children
    as a list right after it)."""
    tree: list[tuple[Destination, list]] = []
    for item in items:
        if isinstance(item, list):
            tree[-1] = (tree[-1][0], outline_tree(item))
        else:
            tree.append((item, []))
    return tree


def test_the_pdf_has_many_pages_and_the_build_reported_them(built, reader):
    assert len(reader.pages) > 1
    assert len(reader.pages) == built.pdf_pages


def test_the_first_page_is_a_title_page(reader):
    first = normalise(reader.pages[0].extract_text())
    site = project.site()
    assert first.startswith(site.name)
    assert site.url in first


def test_every_page_is_numbered_in_its_footer(reader):
    total = len(reader.pages)
    for number in (1, total // 2, total):
        text = normalise(reader.pages[number - 1].extract_text())
        assert f"Page {number} of {total}" in text


def test_every_question_title_is_in_the_text_in_reading_order(reader, questions):
    """Each title is in the text of the page its link target names, and the
    targets follow the reading order (one page's text is read, not the whole PDF's)."""
    tree = outline_tree(reader.outline)
    first_topic = next(entry for entry, _ in tree if entry.title == questions[0].topic.title)
    assert reader.get_destination_page_number(first_topic) > 0, "the first topic should follow the title page"
    named = {name.lstrip("/"): dest for name, dest in reader.named_destinations.items()}
    texts: dict[int, str] = {}
    place = (0, 0)
    for question in questions:
        number = reader.get_destination_page_number(named[question.id])
        if number not in texts:
            texts[number] = normalise(reader.pages[number].extract_text())
        found = texts[number].find(normalise(question.title), place[1] if number == place[0] else 0)
        assert found >= 0, f"{question.title!r} is not on page {number + 1}, after the question before it"
        assert (number, found) >= place, f"{question.title!r} comes before the question before it"
        place = (number, found + 1)


def test_the_bookmarks_are_the_topics_with_their_questions(reader, questions):
    tree = outline_tree(reader.outline)
    topics = [t for t in project.topics() if any(q.topic == t for q in questions)]
    entries = {entry.title: children for entry, children in tree}
    assert [entry.title for entry, _ in tree if entry.title in {t.title for t in topics}] == [t.title for t in topics]
    for topic in topics:
        children = [normalise(child.title) for child, _ in entries[topic.title]]
        assert children == [normalise(q.title) for q in questions if q.topic == topic]


def test_the_contents_list_links_to_every_question_inside_the_pdf(reader, questions):
    tree = outline_tree(reader.outline)
    first_topic = next(entry for entry, _ in tree if entry.title == questions[0].topic.title)
    contents_pages = reader.pages[1 : reader.get_destination_page_number(first_topic)]
    targets = []
    for page in contents_pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                targets.append(str(annotation["/Dest"]).lstrip("/"))
    assert [t for t in targets if not t.startswith("topic-")] == [q.id for q in questions]
    named = {name.lstrip("/"): dest for name, dest in reader.named_destinations.items()}
    for question in questions:
        assert question.id in named, f"no destination for {question.id}"
        assert reader.get_destination_page_number(named[question.id]) >= 1


def test_the_metadata_names_the_guide_and_the_build_time(built, reader):
    site = project.site()
    meta = reader.metadata
    assert meta.title == site.name
    assert meta["/CreationDate"] == meta["/ModDate"]
    assert meta.creation_date.timestamp() == built.epoch


def test_normalising_the_same_pdf_twice_gives_the_same_bytes(built):
    # The first pages of the built PDF: what is tested is the function, and
    # the whole PDF takes seconds each time (the build's own run checks that one).
    first = PdfWriter()
    for page in PdfReader(built.pdf).pages[:4]:
        first.add_page(page)
    out = io.BytesIO()
    first.write(out)
    data = out.getvalue()
    once = pdf.normalise(data, title="T", subject="S", epoch=1_700_000_000)
    assert once == pdf.normalise(data, title="T", subject="S", epoch=1_700_000_000)
    assert once != pdf.normalise(data, title="T", subject="S", epoch=1_700_000_001)
