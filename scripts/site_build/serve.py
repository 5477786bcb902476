"""A built site served on 127.0.0.1 the way GitHub Pages serves it.

One helper for every local server the project starts (the benchmark and the
browser test suites), so that what the tests check and what the benchmark
measures is the site as readers get it:

- under a path prefix, as the site is under site_url's path (``/`` by default);
- ``404.html`` with status 404 for any address without a file, and for any
  address outside the prefix;
- text (HTML, CSS, JavaScript, JSON, SVG, XML) gzipped when the browser
  accepts it, everything else as it is;
- ``Cache-Control: max-age=600`` on every response, Pages' ten minutes.

Threaded, silent, on a free port::

    with serve(site, prefix="/flask-interview-guide/") as server:
        urllib.request.urlopen(server.url + "basics/")
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO
from urllib.parse import urlsplit

CACHE_CONTROL = "max-age=600"
COMPRESSIBLE = frozenset(
    {
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "text/xml",
        "application/xml",
        "image/svg+xml",
        "text/plain",
    }
)


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` under ``prefix``; see the module's docstring."""

    prefix = "/"

    def __init__(self, *args: Any, prefix: str = "/", **kwargs: Any) -> None:
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            # No file has this name (a NUL byte), so the answer is the 404 page.
            return str(Path(self.directory) / "\0outside-the-prefix")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        self._send(404, "text/html", page.read_bytes())

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        # The stdlib opens the file before checking that it exists; a name it
        # cannot open (the NUL above) is a 404 as well.
        try:
            return super().send_head()
        except ValueError:
            self.send_error(404)
            return None

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if path.is_file() and ctype in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            self._send(200, ctype, path.read_bytes(), compress=True)
        else:
            super().do_GET()

    def _send(self, status: int, ctype: str, body: bytes, *, compress: bool = False) -> None:
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class Server:
    """A running server; ``url`` is its address with the prefix, ending in "/"."""

    httpd: http.server.ThreadingHTTPServer
    prefix: str
    _thread: threading.Thread = field(repr=False)

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Server:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def serve(site: Path, prefix: str = "/") -> Server:
    """Start serving ``site`` under ``prefix`` (which starts and ends with "/")."""
    if not (prefix.startswith("/") and prefix.endswith("/")):
        raise ValueError(f"the prefix must start and end with '/': {prefix!r}")
    handler = functools.partial(PagesHandler, directory=str(site), prefix=prefix)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name=f"serve {site}", daemon=True)
    thread.start()
    return Server(httpd, prefix, thread)
