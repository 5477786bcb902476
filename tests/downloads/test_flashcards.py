"""The Anki package and the CSV: one card per question, stable note ids, nothing live."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from pathlib import Path

import pytest

from site_build import downloads, flashcards

FIELDS = ["Question", "ShortAnswer", "Answer", "Topic", "Difficulty", "Link", "Id"]
URL = "https://guide.example/"


def notes(apkg: Path, tmp_path: Path) -> list[dict]:
    with zipfile.ZipFile(apkg) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        rows = db.execute("select id, guid, flds, tags from notes order by id").fetchall()
    return [
        {"id": nid, "guid": guid, "tags": tags.split(), **dict(zip(FIELDS, flds.split("\x1f"), strict=True))}
        for nid, guid, flds, tags in rows
    ]


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, Path, list[flashcards.Card]]:
    folder = tmp_path_factory.mktemp("cards")
    apkg, table = flashcards.write(folder, "Flask Interview Guide", URL, 1_700_000_000)
    return apkg, table, flashcards.cards(URL)


def test_the_package_holds_one_note_per_question_with_its_fields(made, questions, tmp_path):
    apkg, _, cards = made
    found = notes(apkg, tmp_path)
    assert [n["Id"] for n in found] == [q.id for q in questions]
    by_id = {c.id: c for c in cards}
    for note in found:
        card = by_id[note["Id"]]
        assert note["Link"] == f"{URL}q/{card.id}/"
        assert note["Difficulty"] in ("beginner", "intermediate", "advanced")
        assert card.difficulty in note["tags"] and note["Topic"]
        assert note["Answer"].startswith("<") and len(note["Answer"]) > 40
        assert " " not in "".join(note["tags"])


def test_two_builds_give_identical_note_ids_and_guids(made, tmp_path):
    apkg, _, _ = made
    again, _ = flashcards.write(tmp_path / "again", "Flask Interview Guide", URL, 1_700_000_000)
    first, second = notes(apkg, tmp_path / "a"), notes(again, tmp_path / "b")
    assert [(n["id"], n["guid"]) for n in first] == [(n["id"], n["guid"]) for n in second]


def test_a_note_guid_depends_only_on_the_question_id(made, tmp_path):
    apkg, _, _ = made
    later, _ = flashcards.write(tmp_path / "later", "Renamed deck", URL, 1_800_000_000)
    assert {n["Id"]: n["guid"] for n in notes(apkg, tmp_path / "a")} == {
        n["Id"]: n["guid"] for n in notes(later, tmp_path / "b")
    }


def test_links_between_answers_point_at_the_site_and_nothing_is_live():
    html = flashcards.answer_html(
        "See [sessions](sessions-cookies-and-contexts.md#how-to-use-a-session-in-flask).\n\n"
        '<img src=x onerror="alert(1)"> [x](javascript:alert(1)) <script>alert(2)</script>',
        URL,
    )
    assert f'href="{URL}sessions-cookies-and-contexts/#how-to-use-a-session-in-flask"' in html
    assert "onerror" not in html and "<script" not in html and "javascript:" not in html and "<img" not in html


def test_the_csv_has_the_same_cards(made):
    _, table, cards = made
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == flashcards.CSV_COLUMNS
    assert [r["id"] for r in rows] == [c.id for c in cards]
    assert all(r["question"] and r["answer"] and r["link"].startswith(URL) for r in rows)


def test_the_published_site_offers_both_with_their_sizes(built):
    page = (built.site / "downloads" / "index.html").read_text(encoding="utf-8")
    for name in (flashcards.APKG_NAME, flashcards.CSV_NAME):
        published = built.site / downloads.FOLDER / name
        assert published.stat().st_size > 1000
        assert f'href="{name}"' in page or f'href="./{name}"' in page or name in page
        assert downloads.human_size(published.stat().st_size) in page
