"""Every bad input and bad environment ends in ``path:line: message`` and exit 2, in bounded time.

One test per case of the README's bad-input table that the command line has
to get right; the output folder is checked to be exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "normalise.py"
GOOD = b"1) What is Flask?\nFlask is a micro web framework.\n\n2) How do you install Flask?\nRun this:\npip install Flask\n"
TOPICS = "- slug: basics\n  title: Basics\n  description: B.\n"


def run(*args, env=None, timeout=120):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def refused(result, path_end: str, line: int, message: str) -> None:
    err = result.stderr.decode("utf-8", "backslashreplace")
    assert result.returncode == 2, err
    assert "Traceback" not in err, err
    assert re.search(rf"^\S*{re.escape(path_end)}:{line}: .*{message}", err, re.M), err


@pytest.fixture
def src(tmp_path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD)
    return folder


@pytest.fixture
def out(tmp_path, src) -> Path:
    """An output folder already written from ``src``, with a hand-written page."""
    folder = tmp_path / "out"
    assert run("--sources", src, "--out", folder).returncode == 0
    (folder / "practice.md").write_text("hand-written")
    return folder


def editorial(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "ed"
    (folder / "questions").mkdir(parents=True)
    files = {"topics.yml": TOPICS, **files}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return folder


def with_editorial(tmp_path, src, out, files):
    before = tree(out)
    result = run("--sources", src, "--out", out, "--editorial", editorial(tmp_path, files))
    assert tree(out) == before
    return result


# --- --check against a broken output ---------------------------------------------


def test_check_against_a_page_that_is_a_folder(src, out):
    (out / "basics.md").unlink()
    (out / "basics.md").mkdir()
    refused(run("--sources", src, "--out", out, "--check"), "out/basics.md", 1, "is a folder")


def test_check_against_a_page_that_is_not_utf8(src, out):
    (out / "basics.md").write_bytes(b"---\n\xff\n")
    refused(run("--sources", src, "--out", out, "--check"), "out/basics.md", 2, "not UTF-8")


def test_check_against_a_page_that_is_a_fifo_does_not_hang(src, out):
    (out / "basics.md").unlink()
    os.mkfifo(out / "basics.md")
    refused(run("--sources", src, "--out", out, "--check", timeout=30), "out/basics.md", 1, "not a regular file")


# (an unreadable page: tests/guide/test_output.py, since root reads everything)


# --- names and locales -------------------------------------------------------------


@pytest.mark.parametrize("env", [{"LC_ALL": "C.UTF-8"}, {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"}])
def test_report_with_a_file_name_that_is_not_utf8(tmp_path, env):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9-\xff.txt")).write_bytes(GOOD)
    (folder / "naïve.txt").write_bytes(GOOD.replace(b"install", b"deploy"))
    result = run("--sources", folder, "--report", env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("ascii", "strict" if "PYTHONIOENCODING" in env else "backslashreplace").splitlines()
    assert any("caf\\xe9-\\xff.txt:1\t" in line for line in lines), lines
    assert len(lines) == 4


def test_a_source_in_a_file_with_cr_line_ends_is_located_at_the_right_line(tmp_path, out):
    folder = tmp_path / "cr"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"1) What is Flask?\rIt is small.\rIt\x92s fine.\r")
    refused(run("--sources", folder, "--out", out), "cr/a.txt", 3, "not UTF-8")
    (folder / "a.txt").write_bytes(b"1) What is Flask?\r\rIt is\x00 small.\r")
    refused(run("--sources", folder, "--out", out), "cr/a.txt", 3, "binary")


# --- editorial data ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["topics.yml", "site.yml", "questions/what-is-flask.md"])
def test_editorial_files_that_are_not_utf8(tmp_path, src, out, name):
    data = b"---\ntopic: basics\ntitle: caf\xe9\n---\n" if name.endswith(".md") else b"title: caf\xe9\n"
    if name == "topics.yml":
        data = TOPICS.encode() + b"  keywords: [caf\xe9]\n"
    line = 3 if name.endswith(".md") else (4 if name == "topics.yml" else 1)
    refused(with_editorial(tmp_path, src, out, {name: data}), name, line, "not UTF-8")


def test_site_yml_that_is_a_list(tmp_path, src, out):
    refused(with_editorial(tmp_path, src, out, {"site.yml": "- title: x\n"}), "site.yml", 1, "is a mapping")


@pytest.mark.parametrize("value", ["[one, two]", "{a: 1}", "true"])
def test_site_intro_of_the_wrong_type(tmp_path, src, out, value):
    result = with_editorial(tmp_path, src, out, {"site.yml": f"title: T\nintro: {value}\n"})
    refused(result, "site.yml", 2, "intro is a text")


def test_topic_keywords_of_the_wrong_type(tmp_path, src, out):
    result = with_editorial(tmp_path, src, out, {"topics.yml": TOPICS + "  keywords: flask\n"})
    refused(result, "topics.yml", 1, "keywords is a list")


@pytest.mark.parametrize("value", ["security", "{a: b}", "[1, [2]]"])
def test_entry_tags_of_the_wrong_type(tmp_path, src, out, value):
    entry = f"---\ntopic: basics\ntags: {value}\n---\n"
    result = with_editorial(tmp_path, src, out, {"questions/what-is-flask.md": entry})
    refused(result, "what-is-flask.md", 3, "tags|tag")


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path, src, out):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for name, ref in zip("bcdefghij", "abcdefghi", strict=True):
        bomb += f"{name}: &{name} [*{ref},*{ref},*{ref},*{ref},*{ref},*{ref},*{ref},*{ref},*{ref}]\n"
    bomb += "intro: *j\n"
    started = time.monotonic()
    refused(with_editorial(tmp_path, src, out, {"site.yml": bomb}), "site.yml", 2, "aliases")
    assert time.monotonic() - started < 30


def test_yaml_nested_too_deep(tmp_path, src, out):
    result = with_editorial(tmp_path, src, out, {"site.yml": "intro: " + "[" * 5000 + "]" * 5000 + "\n"})
    refused(result, "site.yml", 1, "nested deeper")


@pytest.mark.parametrize("slug", ["../x", "/tmp/evil", "a/b", "index", "practice", "Basics"])
def test_a_topic_slug_that_would_write_outside_or_over_another_page(tmp_path, src, out, slug):
    topics = f"- slug: '{slug}'\n  title: X\n  description: Y.\n"
    refused(with_editorial(tmp_path, src, out, {"topics.yml": topics}), "topics.yml", 1, "topic slug")
    assert not (tmp_path / "x.md").exists() and not Path("/tmp/evil.md").exists()


@pytest.mark.parametrize(
    "body, line, message",
    [
        ("Fine.\n\n<script>alert(1)</script>\n", 9, "<script>"),
        ("Fine.\n\n[x](javascript:alert(1))\n", 9, "href"),
        ("Fine.\n\n`x`{onclick=alert(1)}\n", 9, "onclick"),
        ("Fine.\n\n![t](https://tracker.example/p.png)\n", 9, "img"),
        ("Fine.\n\n<!-- hidden -->\n", 9, "comment"),
    ],
)
def test_editorial_answers_with_scripts_or_event_handlers(tmp_path, src, out, body, line, message):
    entry = f"---\ntopic: basics\nrewrite:\n  kind: clarity\n  reason: r\n---\n{body}"
    result = with_editorial(tmp_path, src, out, {"questions/what-is-flask.md": entry})
    refused(result, "what-is-flask.md", line, re.escape(message))


def test_editorial_answers_keep_admonitions_tables_code_and_links(tmp_path, src, out):
    body = (
        '!!! note "Changed in Flask 2.3"\n    `FLASK_ENV` was removed.\n\n| a | b |\n| --- | :-: |\n| 1 | 2 |\n\n'
        "```python\nprint(1)\n```\n\nSee [the docs](https://flask.palletsprojects.com/) and [basics](basics.md).\n"
    )
    entry = f"---\ntopic: basics\nrewrite:\n  kind: clarity\n  reason: r\n---\n{body}"
    result = run(
        "--sources", src, "--out", out, "--editorial", editorial(tmp_path, {"questions/what-is-flask.md": entry})
    )
    assert result.returncode == 0, result.stderr
    assert '!!! note "Changed in Flask 2.3"' in (out / "basics.md").read_text()


def test_a_short_answer_with_raw_html_is_refused(tmp_path, src, out):
    entry = "---\ntopic: basics\nshort: Use it.</p><img src=x onerror=alert(1)>\n---\n"
    result = with_editorial(tmp_path, src, out, {"questions/what-is-flask.md": entry})
    refused(result, "what-is-flask.md", 3, "not allowed")


# --- pathological sources: bounded time ---------------------------------------------


def source(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "patho"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    return folder


def timed(*args) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    result = run(*args, timeout=300)
    return result, time.monotonic() - started


def test_lists_nested_600_deep_are_refused(tmp_path):
    lines = [
        "1) What is Flask?",
        *(" " * i + "1. step" for i in range(600)),
        *(" " * i + "2. step" for i in range(599, -1, -1)),
    ]
    result, _ = timed("--sources", source(tmp_path, "\n".join(lines) + "\n"), "--out", tmp_path / "o")
    refused(result, "a.txt", 15, "nested deeper than 12")


def test_a_50000_term_expression_is_shown_as_text(tmp_path):
    text = "1) What is Flask?\nx = " + " + ".join(["1"] * 50000) + "\n"
    result, _ = timed("--sources", source(tmp_path, text), "--out", tmp_path / "o")
    assert result.returncode == 0, result.stderr
    assert b"does not parse" in result.stderr and b"Traceback" not in result.stderr


def test_a_5_mb_line_without_a_full_stop(tmp_path):
    text = "1) What is Flask?\n" + "is it shown in the below image? " * 160000 + "\n"
    result, seconds = timed("--sources", source(tmp_path, text), "--out", tmp_path / "o")
    assert result.returncode == 0, result.stderr
    assert seconds < 60, seconds  # quadratic before: over 120 s


def test_repeated_questions_in_bulk(tmp_path):
    para = "Flask is a lightweight WSGI web application framework designed to make getting started quick and easy.\n"
    text = "".join(f"{n}) What is Flask?\n{para}\n" for n in range(1, 20001))
    result, seconds = timed("--sources", source(tmp_path, text), "--out", tmp_path / "o")
    assert result.returncode == 0, result.stderr
    assert seconds < 60, seconds


def test_a_source_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    with (folder / "a.txt").open("wb") as handle:
        handle.write(GOOD)
        handle.truncate(50 * 1024 * 1024)
    result, seconds = timed("--sources", folder, "--out", tmp_path / "o")
    refused(result, "a.txt", 1, "too large")
    assert seconds < 30


def test_10000_questions_whose_pairs_all_score_one_half(tmp_path):
    text = "".join(f"{n}) What is alpha beta zq{n:05d}x?\nAn answer.\n" for n in range(1, 10001))
    result, seconds = timed("--sources", source(tmp_path, text), "--out", tmp_path / "o", "--proposals")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) <= 10 * 10000
    assert seconds < 90, seconds
