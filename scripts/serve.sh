#!/usr/bin/env bash
# Build and serve the site locally on a fresh machine:
# http://127.0.0.1:8000/flask-interview-guide/ (the path comes from site_url)
#
#   bash scripts/serve.sh
#
# Creates .venv (Python 3.11) with the hashed lock requirements.txt,
# regenerates docs/ from the sources and the editorial layer, and runs
# `mkdocs serve`, which rebuilds on every change to docs/ or mkdocs.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
.venv/bin/python scripts/normalise.py
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
exec .venv/bin/python -m mkdocs serve -a 127.0.0.1:8000 "$@"
