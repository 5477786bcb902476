"""site_bench.figures: a Lighthouse report read into typed figures, medians and ratios."""

from __future__ import annotations

from fake_reports import lighthouse_report, measured

from site_bench.figures import Figures, errored_audits, lost_points, lost_points_summary, median, other_hosts, ratio


def test_median_ignores_missing_values_and_is_none_for_none():
    assert median([3, 1, 2]) == 2
    assert median([1, None, 5]) == 3
    assert median([None]) is None
    assert median([]) is None


def test_ratio_is_ours_over_baseline():
    assert ratio(50, 100) == 0.5
    assert ratio(None, 1) is None
    assert ratio(0, 0) == 1.0
    assert ratio(3, 0) is None


def test_figures_read_scores_weight_timings_layout_shift_and_other_hosts():
    report = lighthouse_report(
        {"performance": (0.97, []), "accessibility": (1, []), "best-practices": (0.96, []), "seo": (1, [])},
        weight=123_456,
        cls=0.004,
        urls=["http://127.0.0.1:8000/", "https://fonts.googleapis.com/css", "data:image/svg+xml,x"],
    )
    got = Figures.from_report(report)
    assert (got.performance, got.best_practices, got.seo) == (97, 96, 100)
    assert got.bytes == 123_456
    assert (got.fcp, got.lcp, got.tbt, got.cls) == (900.0, 1200.0, 50.0, 0.004)
    assert got.requests == 2  # data: URLs are not requests
    assert got.other_hosts == 1


def test_figures_of_an_empty_report_are_all_unknown():
    assert Figures.from_report({}) == Figures()


def test_the_median_of_runs_is_taken_figure_by_figure():
    runs = [Figures(lcp=1000.0, tbt=10.0), Figures(lcp=3000.0, tbt=None), Figures(lcp=2000.0, tbt=30.0)]
    got = Figures.median_of(runs)
    assert (got.lcp, got.tbt, got.cls) == (2000.0, 20.0, None)


def test_a_measured_page_gives_medians_per_site_and_the_ratio():
    page = measured(ours=lighthouse_report(weight=90_000), baseline=lighthouse_report(weight=120_000))
    assert page.median("ours").bytes == 90_000
    assert page.ratio("bytes") == 0.75
    assert page.reports("baseline") == page.baseline


def test_lost_points_lists_weighted_imperfect_and_errored_audits_only():
    report = lighthouse_report(
        {
            "performance": (0.9, [("total-blocking-time", 30), ("dom-size", 0), ("speed-index", 10)]),
            "accessibility": (0.95, [("color-contrast", 7), ("image-alt", 10)]),
        },
        audits={
            "total-blocking-time": {"score": 0.5, "scoreDisplayMode": "numeric", "numericValue": 50},
            "dom-size": {"score": 0, "scoreDisplayMode": "numeric"},
            "speed-index": {"score": None, "scoreDisplayMode": "error"},
            "color-contrast": {"score": 0, "scoreDisplayMode": "binary"},
            "image-alt": {"score": None, "scoreDisplayMode": "notApplicable"},
        },
    )
    assert lost_points(report) == [
        ("performance", "total-blocking-time", 0.5),
        ("performance", "speed-index", None),
        ("accessibility", "color-contrast", 0.0),
    ]
    lines = lost_points_summary([report, report])
    assert "accessibility: color-contrast (2/2 runs, worst score 0.00)" in lines
    assert "performance: speed-index (2/2 runs, errored in 2)" in lines
    assert errored_audits(report) == ["speed-index"]


def test_other_hosts_say_which_requests_failed():
    report = lighthouse_report(urls=[])
    report["audits"]["network-requests"]["details"]["items"] = [
        {"url": "http://127.0.0.1:8000/", "statusCode": 200},
        {"url": "https://fonts.googleapis.com/css", "statusCode": -1},
        {"url": "https://cdn.example/x.js", "statusCode": 200},
    ]
    assert other_hosts(report) == {"https://fonts.googleapis.com/css": True, "https://cdn.example/x.js": False}
