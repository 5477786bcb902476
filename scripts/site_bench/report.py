"""What the benchmark prints: build times, ours beside the baseline, budgets, lost points.

Every figure of a page is the median of its runs, ours beside the baseline's
with the ratio ours / baseline, all from the same run of the benchmark.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .builds import Build
from .figures import BY_KEY, CATEGORIES, METRICS, SITES, TIMINGS, Measured, Metric, errored_audits, lost_points_summary
from .figures import other_hosts as requests_to_other_hosts
from .figures import ratio as ratio_of

# Budgets (issues 7 and 13): every category at 100 on every page, a topic
# page's first load at most 250 kB, lighter and faster than the baseline, and
# no layout shift to speak of.
TOPIC_PAGE_BUDGET = 250_000
CLS_BUDGET = 0.01


@dataclass
class Results:
    builds: list[Build] = field(default_factory=list)
    measured: list[Measured] = field(default_factory=list)
    runs: int = 0
    lighthouse_version: str = "-"
    benchmark_index: float | None = None  # Lighthouse's, the median of every run
    load: str = ""  # the machine's load average when the runs ended


@dataclass(frozen=True)
class Budget:
    name: str
    met: bool
    detail: str


def fmt(value: float | None, metric: Metric) -> str:
    if value is None:
        return "-"
    if metric.unit == "kB":
        return f"{value / 1000:,.1f} kB"
    if metric.unit == "ms":
        return f"{value:,.0f} ms"
    return f"{value:,.{metric.digits}f}"


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(rows: list[list[str]], header: list[str], right: set[int] | None = None) -> str:
    """A plain text table; columns in ``right`` are right-aligned."""
    right = right or set()
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            str(c).rjust(widths[i]) if i in right else str(c).ljust(widths[i]) for i, c in enumerate(cells)
        ).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def build_table(builds: Sequence[Build]) -> str:
    rows = [
        [
            b.name,
            "-" if b.normaliser_s is None else f"{b.normaliser_s:.1f}",
            f"{b.mkdocs_s:.1f}",
            f"{b.search_index / 1000:,.1f} kB",
            f"{b.html_pages:,}",
        ]
        for b in builds
    ]
    return table(rows, ["build", "normaliser s", "mkdocs build s", "search_index.json", "HTML files"], {1, 2, 3, 4})


def comparison_rows(measured: Sequence[Measured]) -> list[list[str]]:
    """Rows of the side-by-side table: page, metric, ours, baseline, ratio."""
    rows = []
    for m in measured:
        ours, base = m.median("ours"), m.median("baseline")
        for i, metric in enumerate(METRICS):
            o, b = ours.get(metric.key), base.get(metric.key)
            rows.append(
                [
                    m.page.label if i == 0 else "",
                    metric.label,
                    fmt(o, metric),
                    fmt(b, metric),
                    fmt_ratio(ratio_of(o, b)),
                ]
            )
    return rows


def budgets(measured: Sequence[Measured]) -> list[Budget]:
    """Each budget, met or not, from the medians."""
    ours = {m.page.name: m.median("ours") for m in measured}
    base = {m.page.name: m.median("baseline") for m in measured}

    def failing(key: str, ok: Callable[[float], bool]) -> list[str]:
        """The pages whose ratio ours / baseline for ``key`` is not ``ok`` (or unknown)."""
        found = []
        for name in ours:
            r = ratio_of(ours[name].get(key), base[name].get(key))
            if r is None or not ok(r):
                found.append(f"{name}{'' if key == 'bytes' else ' ' + key.upper()} x{fmt_ratio(r)}")
        return found

    short = [
        f"{name}: {metric.label} {fmt(figures.get(metric.key), metric)}"
        for name, figures in ours.items()
        for metric in CATEGORIES
        if (figures.get(metric.key) or 0) < 100
    ]
    results = [Budget("every category at 100 on every page", not short, "; ".join(short) or "all 100")]

    if "topic" in ours:
        weight = ours["topic"].bytes
        detail = f"{fmt(weight, BY_KEY['bytes'])} of {TOPIC_PAGE_BUDGET / 1000:.0f} kB"
        results.append(Budget("topic page first load at most 250 kB", (weight or 1e12) <= TOPIC_PAGE_BUDGET, detail))

    # Lighter: strictly, as issue 7 asks; a page that weighs the same is not lighter.
    heavier = failing("bytes", lambda r: r < 1)
    results.append(Budget("lighter than the baseline on every page", not heavier, ", ".join(heavier) or "all lighter"))

    slower = [item for key in TIMINGS for item in failing(key, lambda r: r <= 1)]
    results.append(
        Budget(
            "as fast as the baseline or faster (FCP, LCP, TBT) on every page", not slower, ", ".join(slower) or "all"
        )
    )

    score = BY_KEY["performance"]
    behind = [
        f"{name} {fmt(ours[name].performance, score)} vs {fmt(base[name].performance, score)}"
        for name in ours
        if (ours[name].performance or 0) < (base[name].performance or 0)
    ]
    results.append(Budget("performance at least the baseline's on every page", not behind, ", ".join(behind) or "all"))

    shift = BY_KEY["cls"]
    shifting = [f"{name} {fmt(f.cls, shift)}" for name, f in ours.items() if f.cls is None or f.cls > CLS_BUDGET]
    results.append(
        Budget(f"layout shift (CLS) at most {CLS_BUDGET} on every page", not shifting, ", ".join(shifting) or "all")
    )
    return results


def report_text(results: Results) -> str:
    parts = ["Build speed", build_table(results.builds), ""]
    if not results.measured:
        return "\n".join(parts) + "\n"
    machine = ", ".join(
        item
        for item in (
            f"benchmark index {results.benchmark_index:.0f}" if results.benchmark_index else "",
            f"load average {results.load}" if results.load else "",
        )
        if item
    )
    parts += [
        f"Lighthouse {results.lighthouse_version}, default mobile settings, median of {results.runs} run(s) per page "
        "and site; ratio = ours / baseline" + (f" ({machine})" if machine else ""),
        table(comparison_rows(results.measured), ["page", "metric", "ours", "baseline", "ratio"], {2, 3, 4}),
    ]
    missing = [
        f"{m.page.name} {site} {len(m.reports(site))}/{m.runs}"
        for m in results.measured
        for site in SITES
        if len(m.reports(site)) < m.runs
    ]
    if missing:
        parts.append("Runs that finished, where some failed: " + ", ".join(missing))
    parts += ["", "Budgets"]
    parts += [f"  [{'met' if b.met else 'NOT met'}] {b.name}: {b.detail}" for b in budgets(results.measured)]

    parts += ["", "Audits that cost our pages points (category: audit id, runs, worst score)"]
    for m in results.measured:
        lines = lost_points_summary(m.ours)
        parts.append(f"  {m.page.label}: " + ("none" if not lines else ""))
        parts += [f"    {line}" for line in lines]
    for site in SITES:
        found: dict[str, bool] = {}
        for m in results.measured:
            for r in m.reports(site):
                for url, failed in requests_to_other_hosts(r).items():
                    found[url] = found.get(url, False) or failed
        for url, failed in sorted(found.items()):
            note = "failed here (no network): its bytes are missing from the figures" if failed else "loaded"
            parts.append(f"Request to another host ({site}): {url} - {note}")
    errored = sorted(
        {a for m in results.measured for site in SITES for r in m.reports(site) for a in errored_audits(r)}
    )
    if errored:
        parts += [
            "",
            "Audits Lighthouse could not run (no effect on the scores above unless listed there): "
            + ", ".join(errored),
        ]
    return "\n".join(parts) + "\n"


def as_json(results: Results) -> dict[str, Any]:
    """Every figure, for --json: the builds, each page's medians and ratios, the budgets."""
    return {
        "lighthouse": results.lighthouse_version,
        "runs": results.runs,
        "benchmark_index": results.benchmark_index,
        "builds": [
            {
                "name": b.name,
                "normaliser_s": b.normaliser_s,
                "mkdocs_s": b.mkdocs_s,
                "search_index_bytes": b.search_index,
                "html_files": b.html_pages,
            }
            for b in results.builds
        ],
        "pages": [
            {
                "name": m.page.name,
                "path": m.page.path,
                "local_storage": dict(m.page.local_storage),
                "finished_runs": {site: len(m.reports(site)) for site in SITES},
                "medians": {site: dataclasses.asdict(m.median(site)) for site in SITES},
                "ratios": {metric.key: m.ratio(metric.key) for metric in METRICS},
            }
            for m in results.measured
        ],
        "budgets": [dataclasses.asdict(b) for b in budgets(results.measured)] if results.measured else [],
    }
