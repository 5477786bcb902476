"""scripts/bench_site.py: the pure parts (reading reports, medians, tables,
budgets, page choice) and the local server. No timing is asserted."""

from __future__ import annotations

import gzip
import urllib.request

import bench_site as bench


def report(scores: dict, *, weight=100_000, fcp=900.0, lcp=1200.0, tbt=50.0, urls=None, audits=None):
    """A minimal Lighthouse report with what bench_site reads."""
    urls = urls if urls is not None else ["http://127.0.0.1:8000/", "http://127.0.0.1:8000/a.css"]
    all_audits = {
        "total-byte-weight": {"numericValue": weight},
        "first-contentful-paint": {"numericValue": fcp},
        "largest-contentful-paint": {"numericValue": lcp},
        "total-blocking-time": {"numericValue": tbt},
        "network-requests": {"details": {"items": [{"url": u} for u in urls]}},
        **(audits or {}),
    }
    categories = {
        key: {"score": value, "auditRefs": [{"id": a, "weight": w} for a, w in refs]}
        for key, (value, refs) in scores.items()
    }
    return {"requestedUrl": "http://127.0.0.1:8000/", "audits": all_audits, "categories": categories}


def test_median_ignores_missing_values_and_is_none_for_none():
    assert bench.median([3, 1, 2]) == 2
    assert bench.median([1, None, 5]) == 3
    assert bench.median([None]) is None
    assert bench.median([]) is None


def test_ratio_is_ours_over_baseline():
    assert bench.ratio(50, 100) == 0.5
    assert bench.ratio(None, 1) is None
    assert bench.ratio(0, 0) == 1.0
    assert bench.ratio(3, 0) is None


def test_figures_read_scores_weight_timings_and_other_hosts():
    lhr = report(
        {"performance": (0.97, []), "accessibility": (1, []), "best-practices": (0.96, []), "seo": (1, [])},
        weight=123_456,
        urls=["http://127.0.0.1:8000/", "https://fonts.googleapis.com/css", "data:image/svg+xml,x"],
    )
    got = bench.figures(lhr)
    assert got["performance"] == 97 and got["best-practices"] == 96 and got["seo"] == 100
    assert got["bytes"] == 123_456
    assert (got["fcp"], got["lcp"], got["tbt"]) == (900.0, 1200.0, 50.0)
    assert got["requests"] == 2  # data: URLs are not requests
    assert got["other_hosts"] == 1


def test_lost_points_lists_weighted_imperfect_and_errored_audits_only():
    lhr = report(
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
    assert bench.lost_points(lhr) == [
        ("performance", "total-blocking-time", 0.5),
        ("performance", "speed-index", None),
        ("accessibility", "color-contrast", 0.0),
    ]
    lines = bench.lost_points_summary([lhr, lhr])
    assert "accessibility: color-contrast (2/2 runs, worst score 0.00)" in lines
    assert "performance: speed-index (2/2 runs, errored in 2)" in lines


def test_table_aligns_columns():
    text = bench.table([["a", "1"], ["bbb", "100"]], ["name", "n"], right={1})
    assert text.splitlines() == ["name    n", "----  ---", "a       1", "bbb   100"]


def test_comparison_rows_show_ours_baseline_and_ratio():
    medians = {
        "ours": {"topic": {"performance": 100, "bytes": 120_000, "fcp": 800.0}},
        "baseline": {"topic": {"performance": 80, "bytes": 240_000, "fcp": 1600.0}},
    }
    rows = bench.comparison_rows([("topic", "/basics/")], medians)
    assert rows[0] == ["topic /basics/", "performance", "100", "80", "1.25"]
    by_metric = {row[1]: row for row in rows}
    assert by_metric["transferred"][2:] == ["120.0 kB", "240.0 kB", "0.50"]
    assert by_metric["first contentful paint"][2:] == ["800 ms", "1,600 ms", "0.50"]
    assert by_metric["requests"][2:] == ["-", "-", "-"]


def _medians(ours: dict, baseline: dict) -> dict:
    full = {
        "performance": 100,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
        "bytes": 100_000,
        "fcp": 1000.0,
        "lcp": 1000.0,
        "tbt": 100.0,
    }
    return {"ours": {"topic": {**full, **ours}}, "baseline": {"topic": {**full, **baseline}}}


def test_budgets_met():
    results = bench.budgets([("topic", "/t/")], _medians({"bytes": 90_000, "fcp": 900.0}, {}))
    assert [met for _, met, _ in results] == [True, True, True, True]


def test_budgets_name_what_is_missed():
    medians = _medians({"performance": 97, "bytes": 260_000, "tbt": 300.0}, {"bytes": 200_000})
    results = {name: (met, detail) for name, met, detail in bench.budgets([("topic", "/t/")], medians)}
    assert results["every category at 100 on every page"] == (False, "topic: performance 97")
    assert results["topic page first load at most 250 kB"] == (False, "260.0 kB of 250 kB")
    assert results["lighter than the baseline on every page"] == (False, "topic x1.30")
    met, detail = results["as fast as the baseline or faster (FCP, LCP, TBT) on every page"]
    assert not met and detail == "topic TBT x3.00"


def test_longest_topic_page_skips_the_other_pages():
    files = {"index.md": "x" * 900, "basics.md": "x" * 50, "routing.md": "x" * 80, "all-questions.md": "x" * 999}
    assert bench.longest_topic_page(files, {"index.md", "all-questions.md"}) == "routing.md"


def test_short_link_for_a_page():
    redirects = (
        "plugins:\n  redirects:\n    redirect_maps:\n"
        "      q/one.md: basics.md#one\n"
        "      q/two.md: routing.md#two\n"
        "      q/three.md: routing.md#three\n"
    )
    assert bench.short_link_for(redirects, "routing.md") == "q/two/"


def test_progress_lines_of_the_node_runner():
    assert bench.progress("done 3 12.5\n") == ("done", 3, "12.5", "")
    assert bench.progress("failed 0 1.0 Error: no page\n") == ("failed", 0, "1.0", "Error: no page")
    assert bench.progress("something else\n")[0] == ""


def test_server_gzips_text_and_sets_a_cache_lifetime(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>" * 100, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG....")
    server = bench.serve(tmp_path)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        request = urllib.request.Request(base + "/page/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Cache-Control"] == "max-age=600"
            assert gzip.decompress(response.read()).decode() == "<p>hello</p>" * 100
        request = urllib.request.Request(base + "/image.png", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] is None
            assert response.read() == b"\x89PNG...."
    finally:
        server.shutdown()
        server.server_close()


def test_other_hosts_say_which_requests_failed():
    lhr = report({}, urls=[])
    lhr["audits"]["network-requests"]["details"]["items"] = [
        {"url": "http://127.0.0.1:8000/", "statusCode": 200},
        {"url": "https://fonts.googleapis.com/css", "statusCode": -1},
        {"url": "https://cdn.example/x.js", "statusCode": 200},
    ]
    assert bench.other_hosts(lhr) == {"https://fonts.googleapis.com/css": True, "https://cdn.example/x.js": False}


def test_report_text_has_the_builds_the_table_and_the_budgets():
    lhr = report(
        {
            "performance": (0.9, [("total-blocking-time", 30)]),
            "accessibility": (1, []),
            "best-practices": (1, []),
            "seo": (1, []),
        },
        audits={"total-blocking-time": {"score": 0.4, "scoreDisplayMode": "numeric", "numericValue": 50}},
    )
    results = bench.Results(
        builds=[bench.Build("real guide", 0.5, 2.0, 150_000, bench.Path("site"), 90)],
        pages=[("topic", "/basics/")],
        reports={"ours": {"topic": [lhr]}, "baseline": {"topic": [lhr]}},
        medians={site: {"topic": bench.figures(lhr)} for site in ("ours", "baseline")},
    )
    text = bench.report_text(results, 1, "12.2.3", 1000.0, "1.0 1.0 1.0")
    assert "real guide" in text and "150.0 kB" in text
    assert "topic /basics/" in text and "1.00" in text
    assert "[NOT met] every category at 100 on every page: topic: performance 90" in text
    assert "performance: total-blocking-time (1/1 runs, worst score 0.40)" in text
