"""Real Redis and PostgreSQL servers for the distributed tests, on free ports of 127.0.0.1.

Each runs from a temporary directory and is stopped (and the directory removed) when its
context exits. ``ServerUnavailable`` says why a server cannot run here, for ``pytest.skip``.
PostgreSQL refuses to run as root: as root, the cluster is owned by and run as the
``postgres`` user that Debian's package creates (``runuser``).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newscrawl.demo.server import running


class ServerUnavailable(Exception):
    """A server binary is missing or cannot be run here (the reason is the message)."""


def server_or_skip(start: Callable[[], AbstractContextManager[str]]) -> Iterator[str]:
    """For a fixture: the URL of the server ``start`` runs, until the fixture ends. Where it cannot
    run, the test skips naming why; with ``NEWSCRAWL_REQUIRE_SERVERS=1`` (CI) it fails instead."""
    try:
        with start() as url:
            yield url
    except ServerUnavailable as reason:
        if os.environ.get("NEWSCRAWL_REQUIRE_SERVERS") == "1":
            pytest.fail(f"NEWSCRAWL_REQUIRE_SERVERS=1 but {reason}")
        pytest.skip(str(reason))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerUnavailable(f"{what} exited with code {process.returncode} on start")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise ServerUnavailable(f"{what} did not listen on port {port} within {timeout:.0f}s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def _serving(process: subprocess.Popen[bytes], port: int, workdir: str | Path, name: str) -> Iterator[None]:
    """Until the block ends: the server answers on ``port``; then it is stopped and its folder removed."""
    try:
        _wait_for_port(port, process, name)
        yield
    finally:
        _stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


@contextmanager
def redis_server() -> Iterator[str]:
    """A throwaway ``redis-server`` (no persistence); yields its ``redis://`` URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise ServerUnavailable("redis-server is not installed (Debian: apt-get install redis-server)")
    workdir, port = tempfile.mkdtemp(prefix="newscrawl-redis-"), free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", workdir, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    with _serving(process, port, workdir, "redis-server"):
        yield f"redis://127.0.0.1:{port}/0"


def postgres_bindir() -> Path:
    """Where ``initdb`` and ``postgres`` are: PATH, else Debian's newest ``/usr/lib/postgresql/<ver>/bin``."""
    initdb = shutil.which("initdb")
    if initdb:
        return Path(os.path.realpath(initdb)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not candidates:
        raise ServerUnavailable("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    return Path(candidates[-1]).parent


def _as_server_user(command: list[str]) -> list[str]:
    """The command run as a user PostgreSQL accepts: ourselves, or ``postgres`` when we are root."""
    if os.geteuid() != 0:
        return command
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise ServerUnavailable("running as root and there is no 'postgres' user to run PostgreSQL as") from None
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster (trust auth, user ``newscrawl``); yields a URL of its
    ``postgres`` database (tests create their own databases in it)."""
    bindir = postgres_bindir()
    workdir, port = Path(tempfile.mkdtemp(prefix="newscrawl-pg-")), free_port()
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    data = workdir / "data"
    initdb = subprocess.run(
        _as_server_user([str(bindir / "initdb"), "-D", str(data), "-U", "newscrawl", "--auth=trust",
                         "--encoding=UTF8", "--no-sync"]),
        capture_output=True, text=True,
    )
    if initdb.returncode != 0:
        shutil.rmtree(workdir, ignore_errors=True)
        raise ServerUnavailable(f"initdb failed: {initdb.stderr.strip()[-300:]}")
    process = subprocess.Popen(
        _as_server_user([str(bindir / "postgres"), "-D", str(data), "-p", str(port), "-h", "127.0.0.1",
                         "-k", str(workdir), "-c", "fsync=off", "-c", "max_connections=100"]),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    with _serving(process, port, workdir, "postgres"):
        _wait_until_accepting(bindir, port)
        yield f"postgresql://newscrawl@127.0.0.1:{port}/postgres"


def _wait_until_accepting(bindir: Path, port: int, timeout: float = 30) -> None:
    """A listening PostgreSQL may still answer "the database system is starting up" (seen on a
    loaded machine): wait for ``pg_isready`` to say it accepts connections."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = subprocess.run([str(bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port), "-q"])
        if ready.returncode == 0:
            return
        time.sleep(0.1)
    raise ServerUnavailable(f"postgres on port {port} did not accept connections within {timeout:.0f}s")


class Elsewhere(ThreadingHTTPServer):
    """Another site (another port or loopback address): it records every path that reaches it,
    so a request that escaped the crawl is seen, not lost. It answers 200 with no body."""

    daemon_threads = True

    def __init__(self, host: str) -> None:
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        super().__init__((host, 0), Handler)

    @property
    def base_url(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}"


@contextmanager
def serve_elsewhere(host: str = "127.0.0.1") -> Iterator[Elsewhere]:
    """An ``Elsewhere`` on a free port of ``host`` until the block ends."""
    with running(Elsewhere(host)) as server:
        yield server
