"""Measure the site's speed, weight and quality beside a default Material site.

    python scripts/bench_site.py [--runs 5] [--pages home topic quiz all practice short]
                                 [--synthetic 10000] [--json FILE] [--reports DIR]

What it does, all in a temporary folder (the work tree is never written to):

1. Runs the normaliser on sources/ and builds the site with the repository's
   mkdocs.yml; then builds the same generated Markdown with a default Material
   configuration, the baseline (``theme: material`` and nothing else, except
   the redirect maps, so that the short links exist on both sites). Both
   builds are timed, with the size of site/search/search_index.json.
2. Does the same for a synthetic guide of 10,000 questions (the generator of
   scripts/bench_normalise.py): normaliser and ``mkdocs build`` seconds, and
   the search index size.
3. Serves both sites on 127.0.0.1 the way GitHub Pages does (site_build.serve:
   gzip for text, ``Cache-Control: max-age=600``) and runs Lighthouse with its
   default mobile settings on the home page, the longest topic page, the same
   page in quiz mode, All questions, Practice and a short link (q/<id>/),
   alternating the two sites run by run.
4. Prints the median of each category score, the bytes transferred, the
   requests, first and largest contentful paint, total blocking time and
   cumulative layout shift, ours beside the baseline with the ratio
   ours / baseline; which budget is met; and the audits that cost our pages
   points.

Figures, not a test: Lighthouse's timings vary with the machine (its
benchmark index is printed), which is why each figure is a median and both
sites are measured in the same run.

One module per job: ``pages`` (which pages, and quiz mode's localStorage
entry), ``builds`` (staging, the baseline configuration, timed builds),
``lighthouse`` (the runs, through tools/lighthouse/run.mjs), ``figures``
(reading a report into typed figures, medians, ratios) and ``report`` (the
tables, the budgets, the JSON); ``__main__`` puts them together. The local
server is the project's one, site_build.serve.
"""
