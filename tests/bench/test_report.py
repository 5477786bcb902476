"""site_bench.report: the tables, the budgets, the text and the JSON."""

from __future__ import annotations

from pathlib import Path

from fake_reports import lighthouse_report, measured

from site_bench import report
from site_bench.builds import Build


def test_table_aligns_columns():
    text = report.table([["a", "1"], ["bbb", "100"]], ["name", "n"], right={1})
    assert text.splitlines() == ["name    n", "----  ---", "a       1", "bbb   100"]


def test_comparison_rows_show_ours_baseline_and_ratio():
    page = measured(
        ours=lighthouse_report({"performance": (1, [])}, weight=120_000, fcp=800.0, urls=[]),
        baseline=lighthouse_report({"performance": (0.8, [])}, weight=240_000, fcp=1600.0, urls=[]),
    )
    page.ours[0]["audits"].pop("network-requests")
    rows = report.comparison_rows([page])
    assert rows[0] == ["topic /basics/", "performance", "100", "80", "1.25"]
    by_metric = {row[1]: row for row in rows}
    assert by_metric["transferred"][2:] == ["120.0 kB", "240.0 kB", "0.50"]
    assert by_metric["first contentful paint"][2:] == ["800 ms", "1,600 ms", "0.50"]
    assert by_metric["cumulative layout shift"][2:] == ["0.000", "0.000", "1.00"]
    assert by_metric["requests"][2:] == ["-", "0", "-"]


def test_budgets_met():
    page = measured(ours=lighthouse_report(weight=90_000, fcp=800.0), baseline=lighthouse_report())
    assert [(b.name, b.met) for b in report.budgets([page])] == [
        ("every category at 100 on every page", True),
        ("topic page first load at most 250 kB", True),
        ("lighter than the baseline on every page", True),
        ("as fast as the baseline or faster (FCP, LCP, TBT) on every page", True),
        ("performance at least the baseline's on every page", True),
        ("layout shift (CLS) at most 0.01 on every page", True),
    ]


def test_budgets_name_what_is_missed():
    scores = {"performance": (0.97, []), "accessibility": (1, []), "best-practices": (1, []), "seo": (1, [])}
    page = measured(
        ours=lighthouse_report(scores, weight=260_000, tbt=300.0, cls=0.05),
        baseline=lighthouse_report(weight=200_000, tbt=100.0),
    )
    got = {b.name: (b.met, b.detail) for b in report.budgets([page])}
    assert got["every category at 100 on every page"] == (False, "topic: performance 97")
    assert got["topic page first load at most 250 kB"] == (False, "260.0 kB of 250 kB")
    assert got["lighter than the baseline on every page"] == (False, "topic x1.30")
    assert got["as fast as the baseline or faster (FCP, LCP, TBT) on every page"] == (False, "topic TBT x3.00")
    assert got["performance at least the baseline's on every page"] == (False, "topic 97 vs 100")
    assert got["layout shift (CLS) at most 0.01 on every page"] == (False, "topic 0.050")


def test_as_heavy_as_the_baseline_is_not_lighter():
    [_, _, lighter, *_] = report.budgets([measured()])
    assert not lighter.met and lighter.detail == "topic x1.00"


def _results() -> report.Results:
    scores = {
        "performance": (0.9, [("total-blocking-time", 30)]),
        "accessibility": (1, []),
        "best-practices": (1, []),
        "seo": (1, []),
    }
    audits = {"total-blocking-time": {"score": 0.4, "scoreDisplayMode": "numeric", "numericValue": 50}}
    page = measured(ours=lighthouse_report(scores, audits=audits), runs=2)
    return report.Results(
        builds=[Build("real guide", 0.5, 2.0, 150_000, Path("site"), 90)],
        measured=[page],
        runs=2,
        lighthouse_version="12.2.3",
        benchmark_index=1000.0,
        load="1.0 1.0 1.0",
    )


def test_report_text_has_the_builds_the_table_the_budgets_and_the_lost_points():
    text = report.report_text(_results())
    assert "real guide" in text and "150.0 kB" in text
    assert "median of 2 run(s) per page and site; ratio = ours / baseline (benchmark index 1000" in text
    assert "topic /basics/" in text and "0.90" in text
    assert "Runs that finished, where some failed: topic ours 1/2, topic baseline 1/2" in text
    assert "[NOT met] every category at 100 on every page: topic: performance 90" in text
    assert "performance: total-blocking-time (1/1 runs, worst score 0.40)" in text


def test_report_text_of_the_builds_only():
    text = report.report_text(report.Results(builds=_results().builds))
    assert text.startswith("Build speed\n") and "Budgets" not in text


def test_json_has_each_page_with_medians_ratios_and_the_budgets():
    data = report.as_json(_results())
    [page] = data["pages"]
    assert (page["name"], page["path"], page["finished_runs"]) == ("topic", "/basics/", {"ours": 1, "baseline": 1})
    assert page["medians"]["ours"]["performance"] == 90 and page["medians"]["baseline"]["performance"] == 100
    assert page["ratios"]["performance"] == 0.9
    assert data["builds"][0]["search_index_bytes"] == 150_000
    assert {"name", "met", "detail"} <= set(data["budgets"][0])
