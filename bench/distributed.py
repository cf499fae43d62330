"""Distributed crawl throughput: articles/s with 1, 2 and 3 workers sharing Redis and PostgreSQL,
and the cost of the Redis scheduler against Scrapy's own at one worker.

Each run seeds an empty PostgreSQL store from the whole local site (an incremental run on an
empty store: sitemaps, then every article), served with a fixed delay per page so that the
crawl, not the CPU, is the bottleneck; each worker keeps a polite per-site concurrency.
Throughput is measured from the first to the last page the site served (process start-up
is reported apart). Redis and PostgreSQL are started as in the tests (``tests/servers.py``).

Each run gets a fresh server, so the site's once-faults (a 500, a 429 with ``Retry-After: 1``)
hit every run alike. The scheduler overhead is also measured flat out (no delay, 16 requests
at a time), where the crawl is CPU-bound and any per-request cost shows.

    python bench/distributed.py [--delay 0.2] [--concurrency 2] [--repeat 2]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import redis

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from servers import postgres_server, redis_server  # noqa: E402

from newscrawl.demo.__main__ import crawl_command  # noqa: E402
from newscrawl.demo.server import DemoServer, serve  # noqa: E402
from newscrawl.demo.site import Site, build_site  # noqa: E402


@dataclass
class Run:
    workers: int
    scheduler: str
    articles: int
    crawl_seconds: float  # first to last page served
    wall_seconds: float  # workers started to all exited

    @property
    def rate(self) -> float:
        return self.articles / self.crawl_seconds


def watch(server: DemoServer, stop: threading.Event, marks: list[float]) -> None:
    """Record when the first and the last page were served (10 ms resolution)."""
    seen = 0
    while not stop.is_set():
        if len(server.requests) != seen:
            seen = len(server.requests)
            marks.append(time.monotonic())
        time.sleep(0.01)


def crawl(site: Site, delay: float, workers: int, distributed: bool, pg_root: str, redis_url: str,
          concurrency: int, workdir: Path) -> Run:
    with serve(site, delay=delay) as server:
        return _crawl(server, workers, distributed, pg_root, redis_url, concurrency, workdir)


def _crawl(server: DemoServer, workers: int, distributed: bool, pg_root: str, redis_url: str,
           concurrency: int, workdir: Path) -> Run:
    database = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_root, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {database}")
    redis.Redis.from_url(redis_url).flushdb()
    store = pg_root.rsplit("/", 1)[0] + f"/{database}"
    extra = ["-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}", "-s", "NEWSCRAWL_CRAWL_LINGER=0"]
    if distributed:
        extra += ["-s", "SCHEDULER=newscrawl.distributed.RedisScheduler", "-s", f"REDIS_URL={redis_url}"]
    first, marks, stop = len(server.requests), [], threading.Event()
    watcher = threading.Thread(target=watch, args=(server, stop, marks), daemon=True)
    watcher.start()
    started = time.monotonic()
    processes = []
    for n in range(workers):
        command = crawl_command(server.base_url, None, None, workdir / f"{database}-{n}.jsonl", state=Path("x"),
                                log=workdir / f"{database}-{n}.log")
        command[command.index("NEWSCRAWL_STATE=x")] = f"NEWSCRAWL_STATE={store}"
        processes.append(subprocess.Popen([*command, *extra], cwd=REPO, stdout=subprocess.DEVNULL))
    codes = [process.wait() for process in processes]
    wall = time.monotonic() - started
    stop.set()
    watcher.join()
    if any(codes) or len(server.requests) == first:
        raise SystemExit(f"a worker failed ({codes}); logs in {workdir}")
    articles = sum(1 for n in range(workers) for line in open(workdir / f"{database}-{n}.jsonl") if line.strip())
    return Run(workers, "redis" if distributed else "scrapy", articles, marks[-1] - marks[0], wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay", type=float, default=0.2, help="server seconds per page (default 0.2)")
    parser.add_argument("--concurrency", type=int, default=2,
                        help="requests at a time per worker (default 2, the real site's setting)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per configuration; the median is shown")
    options = parser.parse_args()
    site = build_site()
    workdir = Path(tempfile.mkdtemp(prefix="newscrawl-bench-distributed-"))
    configurations = [(1, False), (1, True), (2, True), (3, True)]
    print(f"site: {len(site.articles)} articles; server delay {options.delay}s/page; "
          f"{options.concurrency} requests at a time per worker; median of {options.repeat}")
    with redis_server() as redis_url, postgres_server() as pg_root:
        results: dict[tuple[int, bool], list[Run]] = {}
        for delay, concurrency in ((options.delay, options.concurrency), (0.0, 16)):
            for workers, distributed in configurations if delay else configurations[:2]:
                runs = [crawl(site, delay, workers, distributed, pg_root, redis_url, concurrency, workdir)
                        for _ in range(options.repeat)]
                results[(workers, distributed, delay)] = runs  # type: ignore[index]
                rate = statistics.median(run.rate for run in runs)
                crawl_s = statistics.median(run.crawl_seconds for run in runs)
                wall = statistics.median(run.wall_seconds for run in runs)
                print(f"delay {delay:>4}s x{concurrency:<2} {workers} worker(s), {runs[0].scheduler:>6} scheduler: "
                      f"{runs[0].articles} articles, crawl {crawl_s:6.2f}s, {rate:6.1f} articles/s "
                      f"(wall incl. start-up {wall:6.2f}s)", flush=True)
    base = statistics.median(r.rate for r in results[(1, False, options.delay)])  # type: ignore[index]
    for workers in (1, 2, 3):
        rate = statistics.median(r.rate for r in results[(workers, True, options.delay)])  # type: ignore[index]
        print(f"{workers} worker(s): {rate / base:4.2f}x the single Scrapy-scheduler worker")
    for delay in (options.delay, 0.0):
        own = statistics.median(r.crawl_seconds for r in results[(1, False, delay)])  # type: ignore[index]
        shared = statistics.median(r.crawl_seconds for r in results[(1, True, delay)])  # type: ignore[index]
        print(f"Redis scheduler overhead at 1 worker, delay {delay}s: {100 * (shared / own - 1):+.1f}% crawl time")


if __name__ == "__main__":
    main()
