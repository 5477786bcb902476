"""The publishing build behind ``python scripts/build.py``.

One module per job: ``project`` (what the build reads from the repository),
``printpage`` (the one-page edition), ``downloads`` (the downloads page's
links and sizes), ``mkdocs_run`` (one MkDocs build of a staged copy of docs/),
``pdf`` (Chromium prints the one-page edition), ``archive`` (a reproducible
zip), ``chromium`` (where the browser is and how it is started) and
``serve`` (a built site on 127.0.0.1 as GitHub Pages serves it, for the
benchmark and the browser tests).

Two of them are also MkDocs hooks, named in mkdocs.yml and kept here, out
of overrides/, which Zensical publishes file by file: ``search_ranking``
(answers first in search; a step run after a Zensical build too) and
``edition`` (the footer's facts).
"""
