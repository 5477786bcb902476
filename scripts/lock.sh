#!/usr/bin/env bash
# Write the hashed lock files from the short input files:
#
#   requirements.in       -> requirements.txt        (site build and normaliser)
#   requirements-test.in  -> requirements-test.txt   (all of the above, the tests, the examples' Flask stack)
#
# Every install (scripts/serve.sh, scripts/test.sh, .ci/run, the Pages
# workflow) uses the .txt files with --require-hashes, so a file replaced on the
# index is refused. To upgrade a dependency, change its pin in a .in file, or:
#
#   bash scripts/lock.sh --upgrade-package NAME
#
# The site lock is constrained by the test lock (a superset of it), so the two
# agree on every package they share.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=${UV:-.venv/bin/uv}
[ -x "$uv" ] || uv=$(command -v uv)
compile() {
  "$uv" pip compile --quiet --generate-hashes --python-version 3.11.7 --python-platform linux "$@"
}
compile "$@" requirements-test.in -o requirements-test.txt
compile "$@" requirements.in --constraint requirements-test.txt -o requirements.txt
