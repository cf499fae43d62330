"""The one HTTP server of every site copy: serves a ``SiteCopy`` on 127.0.0.1, logging each request."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

from newscrawl.demo.core import SiteCopy

ServerT = TypeVar("ServerT", bound=ThreadingHTTPServer)


class DemoServer(ThreadingHTTPServer):
    """A threading HTTP server over one site copy; its once-faults and request log are its own."""

    daemon_threads = True

    def __init__(self, site: SiteCopy, delay: float = 0.0, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), DemoHandler)
        self.site = site
        self.delay = delay  # seconds before each answer: a slow site, for kill and overlap tests
        self.requests: list[tuple[str, str, int]] = []  # (method, path_with_query, status), in order
        self.fired: set[str] = set()
        self.lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A crawler killed mid-request resets its connections: expected here, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class DemoHandler(BaseHTTPRequestHandler):
    server: DemoServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        server = self.server
        if server.delay:
            time.sleep(server.delay)
        with server.lock:  # routing is fast; the lock keeps faults and the log consistent
            status, headers, body = server.site.respond(self.path, host=self.headers.get("Host"), fired=server.fired)
            server.requests.append((self.command, self.path, status))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # quiet: tests read server.requests
        pass


@contextmanager
def serve(site: SiteCopy, delay: float = 0.0, port: int = 0) -> Iterator[DemoServer]:
    """Run ``site`` on ``port`` of 127.0.0.1 (0: a free one) in a daemon thread until the block exits."""
    with running(DemoServer(site, delay, port)) as server:
        yield server


@contextmanager
def running(server: ServerT) -> Iterator[ServerT]:
    """Serve with ``server`` in a daemon thread until the block exits; then stop and close it
    (tests run their own small servers through it too)."""
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
