"""Lighthouse reports made up for the benchmark's tests: only what site_bench reads."""

from __future__ import annotations

from site_bench.figures import Measured
from site_bench.pages import Page

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_report(scores=None, *, weight=100_000, fcp=900.0, lcp=1200.0, tbt=50.0, cls=0.0, urls=None, audits=None):
    """A minimal Lighthouse report. ``scores``: {category id: (score 0-1, [(audit id, weight)])}."""
    urls = urls if urls is not None else ["http://127.0.0.1:8000/", "http://127.0.0.1:8000/a.css"]
    all_audits = {
        "total-byte-weight": {"numericValue": weight},
        "first-contentful-paint": {"numericValue": fcp},
        "largest-contentful-paint": {"numericValue": lcp},
        "total-blocking-time": {"numericValue": tbt},
        "cumulative-layout-shift": {"numericValue": cls},
        "network-requests": {"details": {"items": [{"url": u} for u in urls]}},
        **(audits or {}),
    }
    scores = scores if scores is not None else {key: (1, []) for key in CATEGORIES}
    categories = {
        key: {"score": value, "auditRefs": [{"id": a, "weight": w} for a, w in refs]}
        for key, (value, refs) in scores.items()
    }
    return {"requestedUrl": "http://127.0.0.1:8000/", "audits": all_audits, "categories": categories}


def measured(name="topic", path="/basics/", *, ours=None, baseline=None, runs=1) -> Measured:
    """One page measured once on each site (both reports perfect unless given)."""
    return Measured(
        Page(name, path),
        runs,
        ours=[ours if ours is not None else lighthouse_report()],
        baseline=[baseline if baseline is not None else lighthouse_report()],
    )
