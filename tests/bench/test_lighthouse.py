"""site_bench.lighthouse: the jobs for run.mjs, its progress lines, the reports grouped back."""

from __future__ import annotations

from fake_reports import lighthouse_report

from site_bench import lighthouse
from site_bench.pages import Page, quiz_mode_storage

PAGES = [Page("topic", "/basics/"), Page("quiz", "/basics/", quiz_mode_storage())]
ORIGINS = {"ours": "http://127.0.0.1:1", "baseline": "http://127.0.0.1:2"}


def test_progress_lines_of_the_node_runner():
    assert lighthouse.progress("done 3 12.5\n") == lighthouse.Progress("done", 3, "12.5")
    assert lighthouse.progress("failed 0 1.0 Error: no page\n") == lighthouse.Progress(
        "failed", 0, "1.0", "Error: no page"
    )
    assert lighthouse.progress("something else\n") is None


def test_the_sites_alternate_run_by_run_and_page_by_page():
    jobs = lighthouse.jobs(PAGES, ORIGINS, runs=2)
    assert [job.label for job in jobs] == [
        "run 1 topic ours",
        "run 1 topic baseline",
        "run 1 quiz ours",
        "run 1 quiz baseline",
        "run 2 topic ours",
        "run 2 topic baseline",
        "run 2 quiz ours",
        "run 2 quiz baseline",
    ]
    assert jobs[1].url == "http://127.0.0.1:2/basics/"


def test_the_runner_is_told_which_storage_to_set_before_a_page_loads(tmp_path):
    spec = lighthouse.spec(lighthouse.jobs(PAGES, ORIGINS, runs=1), tmp_path)
    assert spec["chromeFlags"][0] == "--headless=new"
    first, _, quiz, _ = spec["jobs"]
    assert first == {
        "url": "http://127.0.0.1:1/basics/",
        "output": str(tmp_path / "lighthouse-0.json"),
        "localStorage": {},
    }
    assert quiz["localStorage"] == {"/.practice": '{"quiz": true}'}


def test_reports_are_grouped_by_page_and_site_and_failed_runs_left_out(tmp_path):
    jobs = lighthouse.jobs(PAGES, ORIGINS, runs=2)
    reports = [lighthouse_report(weight=i) for i in range(len(jobs))]
    reports[2] = None  # run 1 quiz ours failed
    measured = lighthouse.collect(PAGES, 2, jobs, reports)
    assert [m.page.name for m in measured] == ["topic", "quiz"]
    topic, quiz = measured
    assert [r["audits"]["total-byte-weight"]["numericValue"] for r in topic.ours] == [0, 4]
    assert [r["audits"]["total-byte-weight"]["numericValue"] for r in quiz.ours] == [6]
    assert len(quiz.baseline) == 2 and quiz.runs == 2

    lighthouse.keep(jobs, reports, tmp_path / "kept")
    kept = sorted(p.name for p in (tmp_path / "kept").iterdir())
    assert "quiz-ours-1.json" not in kept and "ours-quiz-2.json" in kept and len(kept) == 7
