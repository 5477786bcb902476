"""What a Lighthouse report says, as typed figures, and the medians of several runs.

A report is Lighthouse's JSON result (``Report``, a plain dict); everything
the benchmark prints comes from it through :class:`Figures`.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .pages import Page

Report = dict[str, Any]


@dataclass(frozen=True)
class Metric:
    key: str  # a field of Figures
    label: str
    unit: str = ""  # "kB", "ms", or a plain number
    digits: int = 0
    category: str = ""  # the Lighthouse category id, for a category score


METRICS = (
    Metric("performance", "performance", category="performance"),
    Metric("accessibility", "accessibility", category="accessibility"),
    Metric("best_practices", "best practices", category="best-practices"),
    Metric("seo", "SEO", category="seo"),
    Metric("bytes", "transferred", "kB"),
    Metric("requests", "requests"),
    Metric("other_hosts", "requests to other hosts"),
    Metric("fcp", "first contentful paint", "ms"),
    Metric("lcp", "largest contentful paint", "ms"),
    Metric("tbt", "total blocking time", "ms"),
    Metric("cls", "cumulative layout shift", digits=3),
)
BY_KEY = {metric.key: metric for metric in METRICS}
CATEGORIES = tuple(metric for metric in METRICS if metric.category)
TIMINGS = ("fcp", "lcp", "tbt")
AUDITS = {
    "bytes": "total-byte-weight",
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "cls": "cumulative-layout-shift",
}


def median(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def ratio(ours: float | None, baseline: float | None) -> float | None:
    """ours / baseline; 1 when both are 0, None when it cannot be said."""
    if ours is None or baseline is None:
        return None
    if baseline == 0:
        return 1.0 if ours == 0 else None
    return ours / baseline


@dataclass(frozen=True)
class Figures:
    """The figures of one run, or the medians of several (None: not measured)."""

    performance: float | None = None  # category scores, 0-100
    accessibility: float | None = None
    best_practices: float | None = None
    seo: float | None = None
    bytes: float | None = None  # transferred
    requests: float | None = None
    other_hosts: float | None = None  # requests to another host than the page's
    fcp: float | None = None  # ms
    lcp: float | None = None  # ms
    tbt: float | None = None  # ms
    cls: float | None = None  # unitless

    def get(self, key: str) -> float | None:
        value: float | None = getattr(self, key)
        return value

    @classmethod
    def from_report(cls, report: Report) -> Figures:
        audits = report.get("audits", {})
        categories = report.get("categories", {})
        values: dict[str, float | None] = {}
        for metric in CATEGORIES:
            score = categories.get(metric.category, {}).get("score")
            values[metric.key] = round(score * 100) if score is not None else None
        for key, audit_id in AUDITS.items():
            value = audits.get(audit_id, {}).get("numericValue")
            values[key] = float(value) if value is not None else None
        items = audits.get("network-requests", {}).get("details", {}).get("items")
        if items is not None:
            own = urlsplit(report.get("requestedUrl", "")).netloc
            urls = [item.get("url", "") for item in items if item.get("url", "").startswith("http")]
            values["requests"] = float(len(urls))
            values["other_hosts"] = float(sum(1 for url in urls if urlsplit(url).netloc != own))
        return cls(**values)

    @classmethod
    def median_of(cls, runs: Sequence[Figures]) -> Figures:
        return cls(**{f.name: median(run.get(f.name) for run in runs) for f in dataclasses.fields(cls)})


@dataclass
class Measured:
    """One page on both sites: the reports of the runs that finished, and how many were asked for."""

    page: Page
    runs: int
    ours: list[Report] = dataclasses.field(default_factory=list)
    baseline: list[Report] = dataclasses.field(default_factory=list)

    def reports(self, site: str) -> list[Report]:
        reports: list[Report] = getattr(self, site)
        return reports

    def median(self, site: str) -> Figures:
        return Figures.median_of([Figures.from_report(r) for r in self.reports(site)])

    def ratio(self, key: str) -> float | None:
        return ratio(self.median("ours").get(key), self.median("baseline").get(key))


SITES = ("ours", "baseline")


def lost_points(report: Report) -> list[tuple[str, str, float | None]]:
    """(category, audit id, score) of every scored audit that is not perfect.

    Scored: it has a weight in its category. An audit that errored counts too
    (score None): its category score is not to be trusted.
    """
    audits = report.get("audits", {})
    found: list[tuple[str, str, float | None]] = []
    for metric in CATEGORIES:
        for ref in report.get("categories", {}).get(metric.category, {}).get("auditRefs", []):
            if not ref.get("weight"):
                continue
            audit = audits.get(ref["id"], {})
            mode, score = audit.get("scoreDisplayMode"), audit.get("score")
            if mode == "error":
                found.append((metric.category, ref["id"], None))
            elif mode in ("binary", "numeric", "metricSavings") and score is not None and score < 1:
                found.append((metric.category, ref["id"], float(score)))
    return found


def lost_points_summary(reports: list[Report]) -> list[str]:
    """One line per audit that cost points in any run: category, id, runs, worst score."""
    seen: dict[tuple[str, str], list[float | None]] = {}
    for report in reports:
        for category, audit_id, score in lost_points(report):
            seen.setdefault((category, audit_id), []).append(score)
    lines = []
    for (category, audit_id), scores in sorted(seen.items()):
        numbers = [s for s in scores if s is not None]
        notes = [f"worst score {min(numbers):.2f}"] if numbers else []
        if len(numbers) < len(scores):
            notes.append(f"errored in {len(scores) - len(numbers)}")
        lines.append(f"{category}: {audit_id} ({len(scores)}/{len(reports)} runs, {', '.join(notes)})")
    return lines


def other_hosts(report: Report) -> dict[str, bool]:
    """Each URL the page requested from another host -> whether it failed (no response)."""
    own = urlsplit(report.get("requestedUrl", "")).netloc
    items = report.get("audits", {}).get("network-requests", {}).get("details", {}).get("items", [])
    return {
        item["url"]: (item.get("statusCode") or -1) < 0
        for item in items
        if item.get("url", "").startswith("http") and urlsplit(item["url"]).netloc != own
    }


def errored_audits(report: Report) -> list[str]:
    return sorted(k for k, a in report.get("audits", {}).items() if a.get("scoreDisplayMode") == "error")
