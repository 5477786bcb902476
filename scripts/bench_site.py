"""Measure the site's speed, weight and quality beside a default Material site.

    python scripts/bench_site.py [--runs 5] [--pages home topic quiz all practice short]
                                 [--synthetic 10000] [--json FILE] [--reports DIR]

The benchmark itself is the package scripts/site_bench/ (its docstring says
what it measures and how); this file is its command, as in the README and
the publishing workflow.
"""

from __future__ import annotations

import sys

from site_bench.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
