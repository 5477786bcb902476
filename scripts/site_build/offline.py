"""The offline build's own file: the iframe-worker shim, kept in docs/.

See docs/assets/vendor/iframe-worker/README.md for why the shim exists and
why it is kept here rather than installed; overrides/main.html points every
offline build at it.
"""

from __future__ import annotations

from . import project

VERSION = "1.0.4"
# Where the shim is in docs/ (and so in every site). The offline plugin looks
# for "iframe-worker" in the polyfills' addresses.
SHIM = "assets/vendor/iframe-worker/shim.js"
VENDOR = (project.DOCS / SHIM).parent
