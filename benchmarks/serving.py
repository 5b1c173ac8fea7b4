"""Serve a built site the way a static host does, and measure what a browser transfers.

Used by benchmarks/run.py and tests/test_performance.py (plain standard library plus
Playwright; no MkDocs).

- `serve(directory)` runs a small threaded HTTP server on 127.0.0.1 that compresses text
  responses with gzip (as GitHub Pages, Netlify and Cloudflare do), answers conditional
  requests with 304, and sends caching headers like GitHub Pages: ``max-age=600`` for
  everything, and for the paths the site's ``_headers`` file marks ``immutable`` (Material's
  content-hashed assets) a year.
- `visit(page, site, path)` loads one page in a Playwright page and returns what crossed
  the network, counted by the server itself: status line, headers and (compressed) body
  of every response, web worker scripts included. What the browser answered from its
  cache never reaches the server, so it costs nothing, as on a real visit.
"""
from __future__ import annotations

import contextlib
import email.utils
import fnmatch
import gzip
import http.server
import mimetypes
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from support import CHROMIUM, CHROMIUM_ARGS, site_pages  # noqa: E402,F401  (shared with the tests)

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml", "application/manifest+json")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/json", ".json")
mimetypes.add_type("image/svg+xml", ".svg")


@dataclass
class Request:
    url: str
    bytes: int = 0  # on the wire: headers and (compressed) body
    status: int = 0
    from_cache: bool = False
    type: str = ""


class Log:
    """What the server sent, request by request (thread-safe)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._items: list[Request] = []

    def add(self, item: Request):
        with self._lock:
            self._items.append(item)

    def take(self) -> list[Request]:
        with self._lock:
            items, self._items = self._items, []
        return items


def _cache_rules(root: Path) -> list[tuple[str, str]]:
    """(path pattern, Cache-Control) pairs from a Netlify-style _headers file."""
    rules = []
    headers = root / "_headers"
    if not headers.is_file():
        return rules
    pattern = None
    for line in headers.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            pattern = line.strip()
        elif pattern and line.strip().lower().startswith("cache-control:"):
            rules.append((pattern, line.split(":", 1)[1].strip()))
    return rules


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    root: Path
    rules: list[tuple[str, str]]
    gzip_cache: dict
    log: "Log"

    def log_message(self, *args):
        pass

    def send_response(self, code, message=None):
        self._status = code
        super().send_response(code, message)

    def end_headers(self):
        self._header_bytes = sum(len(h) for h in getattr(self, "_headers_buffer", []))
        super().end_headers()

    def handle_one_request(self):
        self._status, self._header_bytes, self._body_bytes = 0, 0, 0
        super().handle_one_request()
        if self._status:
            self.log.add(Request(unquote(urlparse(self.path).path), self._header_bytes
                                 + self._body_bytes, self._status))

    def _write(self, data: bytes):
        self._body_bytes += len(data)
        self.wfile.write(data)

    def _file(self) -> tuple[Path | None, str]:
        path = unquote(urlparse(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if self.root not in target.parents and target != self.root:
            return None, path
        if target.is_dir():
            if not path.endswith("/"):
                return target, path  # redirect below
            target = target / "index.html"
        return (target if target.is_file() else None), path

    def do_HEAD(self):
        self.do_GET(body=False)

    def do_GET(self, body: bool = True):
        target, path = self._file()
        if target is not None and target.is_dir():
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if target is None:
            missing = self.root / "404.html"
            data = missing.read_bytes() if missing.is_file() else b"Not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if body:
                self._write(data)
            return
        stat = target.stat()
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        since = self.headers.get("If-Modified-Since")
        if since:
            with contextlib.suppress(TypeError, ValueError):
                if email.utils.parsedate_to_datetime(since).timestamp() >= int(stat.st_mtime):
                    self.send_response(304)
                    self._cache_headers(path, modified)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        data = target.read_bytes()
        encoding = None
        if ("gzip" in self.headers.get("Accept-Encoding", "")
                and ctype.startswith(COMPRESSIBLE) and len(data) > 256):
            key = (str(target), stat.st_mtime_ns)
            if key not in self.gzip_cache:
                self.gzip_cache[key] = gzip.compress(data, compresslevel=6, mtime=0)
            data, encoding = self.gzip_cache[key], "gzip"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self._cache_headers(path, modified)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self._write(data)

    def _cache_headers(self, path: str, modified: str):
        control = "max-age=600"
        for pattern, value in self.rules:
            if fnmatch.fnmatch(path, pattern):
                control = value
        self.send_header("Cache-Control", control)
        self.send_header("Last-Modified", modified)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser that hangs up early is not an error of the site


class Site(str):
    """The base URL of a served site (a str), with the server's request log."""
    log: Log


@contextlib.contextmanager
def serve(directory: Path | str):
    """Serve `directory` on a free port of 127.0.0.1; yields a `Site`: the base URL
    (ending in /) with `.log`, what the server sent."""
    root = Path(directory).resolve()
    log = Log()
    handler = type("Handler", (_Handler,), {"root": root, "rules": _cache_rules(root),
                                            "gzip_cache": {}, "log": log})
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site = Site(f"http://127.0.0.1:{server.server_address[1]}/")
    site.log = log
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()




@dataclass
class Visit:
    url: str
    requests: list[Request] = field(default_factory=list)  # what reached the server
    browser_urls: list[str] = field(default_factory=list)  # everything the page asked for

    @property
    def bytes(self) -> int:
        return sum(r.bytes for r in self.requests)

    def foreign(self) -> list[str]:
        return [u for u in self.browser_urls
                if urlparse(u).scheme not in ("data", "blob", "about", "chrome-extension")
                and urlparse(u).hostname != "127.0.0.1"]

    def fetched(self, suffix: str) -> bool:
        return any(r.url.endswith(suffix) for r in self.requests)

    def table(self) -> str:
        rows = [f"{r.bytes:>8} {r.status:>4} {r.url}" for r in sorted(self.requests, key=lambda r: -r.bytes)]
        return "\n".join(rows + [f"{self.bytes:>8} bytes in {len(self.requests)} requests"])


def visit(page, site: "Site", path: str = "", settle: float = 0.4) -> Visit:
    """Load `path` of a served `site` in a Playwright `page` (reusing its context's cache)
    and return what crossed the network until it was idle."""
    asked: list[str] = []
    listener = lambda request: asked.append(request.url)  # noqa: E731
    page.on("request", listener)
    site.log.take()
    try:
        page.goto(site + path, wait_until="networkidle")
        time.sleep(settle)  # anything started just after the network went idle
    finally:
        page.remove_listener("request", listener)
    return Visit(site + path, site.log.take(), asked)




def chromium_args() -> list[str]:
    return list(CHROMIUM_ARGS)
