"""The command line: --check, --report, --sources/--out, and bad input refused cleanly."""

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "normalise.py"
GOOD = b"1) What is Flask?\nFlask is a micro web framework.\n\n2) How do you install Flask?\nRun this:\npip install Flask\n"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True)


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def sources(tmp_path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_docs_are_current():
    result = run("--check")
    assert result.returncode == 0, result.stderr


def test_report_maps_all_74_source_questions_to_existing_anchors():
    lines = [line for line in run("--report").stdout.splitlines() if not line.endswith("\tauthored")]
    assert len(lines) == 74
    for line in lines:
        place, target = line.split("\t")
        assert re.fullmatch(r"sources/[\w.]+\.txt:\d+", place)
        page, anchor = target.split("#")
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert f"{{#{anchor}}}" in text, f"{target} has no heading with that id"


def test_report_lines_point_at_the_question_line_in_the_source():
    for line in run("--report").stdout.splitlines():
        if line.endswith("\tauthored"):
            continue  # no source line: the place is the editorial file
        place = line.split("\t")[0]
        path, number = place.rsplit(":", 1)
        source_line = (ROOT / path).read_text(encoding="utf-8").split("\n")[int(number) - 1]
        assert re.match(r"^(Q\s*#\s*)?\d+[).]", source_line), place


def test_sources_and_out_run_anywhere_without_touching_docs(tmp_path):
    before = tree(ROOT / "docs")
    out = tmp_path / "out"
    result = run("--sources", str(sources(tmp_path, {"a.txt": GOOD})), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "```bash\npip install Flask\n```" in (out / "basics.md").read_text()
    assert tree(ROOT / "docs") == before


def test_two_runs_give_byte_identical_output(tmp_path):
    src = sources(tmp_path, {"a.txt": GOOD})
    run("--sources", str(src), "--out", str(tmp_path / "one"))
    run("--sources", str(src), "--out", str(tmp_path / "two"))
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_check_names_the_stale_file(tmp_path):
    src, out = sources(tmp_path, {"a.txt": GOOD}), tmp_path / "out"
    run("--sources", str(src), "--out", str(out))
    assert run("--sources", str(src), "--out", str(out), "--check").returncode == 0
    (out / "basics.md").write_text((out / "basics.md").read_text() + "edited by hand\n")
    result = run("--sources", str(src), "--out", str(out), "--check")
    assert result.returncode == 1 and "basics.md" in result.stderr


@pytest.mark.parametrize(
    "data, line, message",
    [
        (b"", 1, "empty"),
        (b"\x00\x01binary", 1, "binary"),
        ("1) What is Flask?\nIt\u2019s small.\n".encode("cp1252"), 2, "not UTF-8"),
        (b"Just prose, no numbered question.\n", 1, "no recognisable question"),
        (
            b"1) What is the difference between the application context and the request context in Flask?\nA.\n"
            b"2) What is the difference between the application context and the request context in Django?\nB.\n",
            3,
            "id collision",
        ),
    ],
)
def test_bad_input_is_refused_with_path_line_and_nothing_written(tmp_path, data, line, message):
    src, out = sources(tmp_path, {"bad.txt": data}), tmp_path / "out"
    out.mkdir()
    (out / "keep.md").write_text("untouched")
    before = tree(out)
    result = run("--sources", str(src), "--out", str(out))
    assert result.returncode == 2
    assert re.match(rf"^\S*bad\.txt:{line}: .*{message}", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert tree(out) == before


def test_the_same_question_asked_twice_is_one_answer_not_a_collision(tmp_path):
    src, out = sources(tmp_path, {"a.txt": b"1) What is Flask?\nA.\n2) What is flask\nB.\n"}), tmp_path / "out"
    assert run("--sources", str(src), "--out", str(out)).returncode == 0
    assert (out / "basics.md").read_text().count("{#what-is-flask}") == 1


def test_bom_and_crlf_are_handled(tmp_path):
    data = b"\xef\xbb\xbf" + GOOD.replace(b"\n", b"\r\n")
    src, out = sources(tmp_path, {"a.txt": data}), tmp_path / "out"
    assert run("--sources", str(src), "--out", str(out)).returncode == 0
    assert "## What is Flask? {#what-is-flask}" in (out / "basics.md").read_text()


def test_a_bad_editorial_entry_is_refused_with_its_file(tmp_path):
    editorial = tmp_path / "ed"
    (editorial / "questions").mkdir(parents=True)
    (editorial / "topics.yml").write_text("- slug: basics\n  title: Basics\n  description: B.\n")
    (editorial / "questions" / "no-such-id.md").write_text("---\ntopic: basics\n---\n")
    result = run(
        "--sources",
        str(sources(tmp_path, {"a.txt": GOOD})),
        "--out",
        str(tmp_path / "o"),
        "--editorial",
        str(editorial),
    )
    assert result.returncode == 2
    assert "no-such-id.md:1:" in result.stderr and "not the id of any source question" in result.stderr
    assert not (tmp_path / "o").exists()


def test_questions_without_editorial_entries_get_proposed_difficulty_and_tag(tmp_path):
    data = b"1) What is a blueprint?\nA group of routes.\n2) How do you scale a Flask app in production?\nWorkers.\n"
    src, out = sources(tmp_path, {"a.txt": data}), tmp_path / "out"
    assert run("--sources", str(src), "--out", str(out)).returncode == 0
    architecture = (out / "architecture.md").read_text()
    assert 'data-difficulty="beginner"' in architecture and "[architecture](tags.md#tag-architecture)" in architecture
    assert 'data-difficulty="advanced"' in (out / "deployment-and-scaling.md").read_text()


def authored_editorial(tmp_path: Path, ident: str = "how-do-you-log-errors-in-flask") -> Path:
    editorial = tmp_path / "ed"
    (editorial / "questions").mkdir(parents=True)
    (editorial / "topics.yml").write_text(
        "- slug: basics\n  title: Basics\n  description: B.\n- slug: errors\n  title: Errors\n  description: E.\n"
    )
    (editorial / "questions" / f"{ident}.md").write_text(
        "---\nauthored: true\ntitle: How do you log errors in Flask?\ntopic: errors\ndifficulty: intermediate\n"
        "essential: true\nshort: Use `app.logger`; Flask logs unhandled exceptions itself.\n"
        "references:\n  - {title: 'Flask: Logging', url: 'https://flask.palletsprojects.com/en/stable/logging/'}\n"
        "---\nConfigure logging with `dictConfig` before the app is created.\n"
    )
    return editorial


def test_an_authored_question_flows_into_pages_data_links_and_report(tmp_path):
    src, out = sources(tmp_path, {"a.txt": GOOD}), tmp_path / "out"
    args = ("--sources", str(src), "--editorial", str(authored_editorial(tmp_path)))
    assert run(*args, "--out", str(out)).returncode == 0
    page = (out / "errors.md").read_text()
    assert "## How do you log errors in Flask? {#how-do-you-log-errors-in-flask}" in page
    assert '<p class="short-answer" markdown="span"><strong>Short answer:</strong> Use `app.logger`' in page
    assert "[Flask: Logging](https://flask.palletsprojects.com/en/stable/logging/)" in page
    assert (
        "q/how-do-you-log-errors-in-flask.md: errors.md#how-do-you-log-errors-in-flask"
        in (out / "generated.yml").read_text()
    )
    assert '      - "Errors (1)": errors.md' in (out / "generated.yml").read_text()
    essentials = (out / "essentials.md").read_text()
    assert "[How do you log errors in Flask?](errors.md#how-do-you-log-errors-in-flask)" in essentials
    assert "Use `app.logger`" in essentials
    data = (out / "assets/javascripts/questions-data.js").read_text()
    assert '"id":"how-do-you-log-errors-in-flask"' in data and '"essential":true' in data
    assert "Use `app.logger`" in (out / "all-questions.md").read_text()

    report = run(*args, "--report").stdout.splitlines()
    assert len(report) == 3  # the two source questions first, as before, then the authored one
    assert [line.count("\t") for line in report] == [1, 1, 2]
    assert report[-1].endswith("errors.md#how-do-you-log-errors-in-flask\tauthored")
    assert "ed/questions/how-do-you-log-errors-in-flask.md:1" in report[-1]


def test_an_authored_id_colliding_with_a_source_question_is_refused(tmp_path):
    src, out = sources(tmp_path, {"a.txt": GOOD}), tmp_path / "out"
    result = run(
        "--sources", str(src), "--out", str(out), "--editorial", str(authored_editorial(tmp_path, "what-is-flask"))
    )
    assert result.returncode == 2
    assert "what-is-flask.md:1: id collision" in result.stderr
    assert not out.exists()


def test_the_report_still_lists_the_74_source_questions_first():
    lines = run("--report").stdout.splitlines()
    assert [line for line in lines if not line.endswith("\tauthored")] == lines[:74]
    assert all(line.startswith("sources/") for line in lines[:74])
