#!/usr/bin/env bash
# Run the whole test suite on a fresh machine: install what it needs, then test.
#
#   bash scripts/test.sh [pytest arguments]
#
# Creates .venv (Python 3.11) with the hashed lock requirements-test.txt,
# installs Debian's chromium for the browser tests when it is missing and this
# user may (root with apt-get), runs ruff and mypy, then pytest over tests/. The browser is
# /usr/bin/chromium unless CHROMIUM_PATH names another. With CI=true a missing
# browser fails the browser tests instead of skipping them.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-}
if [ -z "$python" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python=$candidate; break; fi
  done
fi
if [ -z "$python" ]; then echo "test.sh: Python 3.11 is needed" >&2; exit 1; fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt

browser=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$browser" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# Lint, format and types first: they take seconds and name the line at fault.
echo "test.sh: ruff check, ruff format --check, mypy, zizmor"
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
.venv/bin/mypy
# The publishing workflow, audited offline: nothing above "informational" passes.
.venv/bin/zizmor --offline --min-severity low --quiet .github/

export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
# Each browser suite runs in a pytest process of its own: Playwright's sync API
# allows one running instance per process, and each suite (and the PDF build the
# downloads suite runs) holds one for its whole session.
exec .venv/bin/python scripts/run_tests.py "$@"
