"""Crawls spanning workers: scrapy-redis's shared frontier and the PostgreSQL article store,
against real ``redis-server`` and PostgreSQL started here (``servers.py``).

Without the servers or the ``distributed`` extra these tests skip, naming what is missing;
with ``NEWSCRAWL_REQUIRE_SERVERS=1`` (CI) they fail instead, so they cannot be skipped silently.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from crawling import REPO, command_for, read_export
from servers import redis_server, server_or_skip

from newscrawl.demo.server import DemoServer, serve
from newscrawl.demo.site import Site, build_site
from newscrawl.store import StoreError, open_store

psycopg = pytest.importorskip("psycopg", reason="the distributed extra is not installed: pip install -e '.[distributed]'")
redis = pytest.importorskip("redis", reason="the distributed extra is not installed: pip install -e '.[distributed]'")

#: Articles, whichever edition and path form.
ARTICLE_PATH = ("/ru/last/", "/kz/last/", "/en/last/", "/ru/news/", "/kz/news/", "/en/news/")


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    yield from server_or_skip(redis_server)


@pytest.fixture
def frontier(redis_url: str) -> str:
    """The Redis server, emptied."""
    redis.Redis.from_url(redis_url).flushdb()
    return redis_url


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site()


@pytest.fixture(scope="module")
def slow_server(site: Site) -> Iterator[DemoServer]:
    with serve(site, delay=0.05) as server:
        yield server


# -- the store, through the same cases as SQLite ----------------------------------------------------
def record(url: str = "https://inbusiness.kz/ru/last/a", **fields: object) -> dict[str, object]:
    base: dict[str, object] = {"url": url, "site": "inbusiness.kz", "language": "ru", "title": "T", "body": "B",
                               "published_at": "2024-02-29T23:50:00+06:00", "views": 1}
    return {**base, **fields}


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "state.sqlite")
    return request.getfixturevalue("database")


def test_upsert_replaces_the_record_and_keeps_first_seen(location: str) -> None:
    store = open_store(location)
    store.upsert(record(title="Old"), lastmod="2024-03-01T10:00:00+05:00", seen_at="t1", exported_in=None)
    store.upsert(record(title="New"), lastmod=None, seen_at="t2", exported_in=None)
    stored = store.get("https://inbusiness.kz/ru/last/a")
    store.close()
    assert stored is not None and stored.record["title"] == "New"
    assert (stored.first_seen, stored.last_seen) == ("t1", "t2")
    assert stored.lastmod == "2024-03-01T10:00:00+05:00"


def test_pending_exports_are_confirmed_per_run(location: str) -> None:
    store = open_store(location)
    first, second = store.start_run("inbusiness", "backfill", "t"), store.start_run("inbusiness", "backfill", "t")
    store.upsert(record(url="u1"), lastmod=None, seen_at="t", exported_in=first)
    store.upsert(record(url="u2"), lastmod=None, seen_at="t", exported_in=second)
    store.confirm_exports(first)
    assert [store.get(url).pending_run for url in ("u1", "u2")] == [None, second]
    store.close()


def test_articles_iterate_in_publication_order_across_the_offset_change(location: str) -> None:
    store = open_store(location)
    for url, language, published in [("late", "ru", "2024-03-01T00:10:00+05:00"),
                                     ("early", "ru", "2024-02-29T23:30:00+06:00"),
                                     ("kk", "kk", "2024-02-28T09:00:00+06:00"),
                                     ("Z-upper", "ru", "2024-02-28T09:00:00+06:00")]:
        store.upsert(record(url=url, language=language, published_at=published), lastmod=None, seen_at="t",
                     exported_in=None)
    assert [a.url for a in store.iter_articles()] == ["Z-upper", "kk", "early", "late"], "byte order, as SQLite"
    assert [a.url for a in store.iter_articles(since="2024-02-29", languages=("ru",))] == ["early", "late"]
    assert [a.url for a in store.iter_articles(until="2024-02-29")] == ["Z-upper", "kk", "early"]
    store.close()


def test_runs_and_source_lastmods_are_recorded(location: str) -> None:
    store = open_store(location)
    run = store.start_run("inbusiness", "incremental", "t0")
    store.finish_run(run, ended_at="t1", outcome="ok", counts={"store/new": 3})
    store.set_source_lastmods({"sitemap/ru-2024-03.xml": "2024-03-02T22:00:00+05:00"})
    (recorded,) = list(store.iter_runs())
    assert (recorded.mode, recorded.ended_at, recorded.outcome, recorded.counts) == (
        "incremental", "t1", "ok", {"store/new": 3})
    assert store.source_lastmod("sitemap/ru-2024-03.xml") == "2024-03-02T22:00:00+05:00"
    assert store.source_lastmod("other") is None
    store.close()


# -- PostgreSQL only: versioning, and runs of workers that live at once ---------------------------
def test_database_of_another_application_is_refused_untouched(database: str) -> None:
    with psycopg.connect(database, autocommit=True) as connection:
        connection.execute("CREATE TABLE articles (id int)")
    with pytest.raises(StoreError, match="tables of another application"):
        open_store(database)
    with psycopg.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (1,)


def test_newer_schema_is_refused(database: str) -> None:
    open_store(database).close()
    with psycopg.connect(database, autocommit=True) as connection:
        connection.execute("UPDATE newscrawl_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this newscrawl's"):
        open_store(database)


def test_live_workers_articles_are_not_redelivered_by_another(database: str) -> None:
    live, other = open_store(database), open_store(database)
    run = live.start_run("inbusiness", "backfill", "t")
    other.start_run("inbusiness", "backfill", "t")
    live.upsert(record(url="u1"), lastmod=None, seen_at="t", exported_in=run)
    assert other.pending_urls() == []
    live.close()
    other.close()


def test_dead_runs_articles_are_adopted_by_exactly_one_worker(database: str) -> None:
    dead = open_store(database)
    dead_run = dead.start_run("inbusiness", "backfill", "t")
    dead.upsert(record(url="u1"), lastmod=None, seen_at="t", exported_in=dead_run)
    dead.close()  # the connection is gone: as after kill -9
    first, second = open_store(database), open_store(database)
    runs = [first.start_run("inbusiness", "incremental", "t"), second.start_run("inbusiness", "incremental", "t")]
    assert (first.pending_urls(), second.pending_urls()) == (["u1"], [])
    # The adopter exports it; a worker that fetched the same version meanwhile does not.
    assert second.upsert(record(url="u1"), lastmod=None, seen_at="t", exported_in=runs[1]) is False
    assert first.upsert(record(url="u1"), lastmod=None, seen_at="t", exported_in=runs[0]) is True
    assert second.upsert(record(url="u1", body="changed"), lastmod=None, seen_at="t", exported_in=runs[1]) is True
    first.close()
    second.close()


# -- crawls with several workers -------------------------------------------------------------------
def worker_command(server: DemoServer, workdir: Path, name: str, store: str, redis_url: str, *arguments: str
                   ) -> list[str]:
    """One ``scrapy crawl`` worker sharing the frontier in Redis and the store in PostgreSQL; a
    polite concurrency, so that a crawl of the site outlasts the start-up of its workers."""
    command = command_for(server, workdir, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4",
                          "-s", "SCHEDULER=newscrawl.distributed.RedisScheduler",
                          "-s", f"REDIS_URL={redis_url}", "-s", "NEWSCRAWL_WORKER_TIMEOUT=2", *arguments, name=name)
    command[command.index(f"NEWSCRAWL_STATE={workdir / 'state.sqlite'}")] = f"NEWSCRAWL_STATE={store}"
    return command


def worker(server: DemoServer, workdir: Path, name: str, store: str, redis_url: str, *arguments: str
           ) -> subprocess.Popen:
    command = worker_command(server, workdir, name, store, redis_url, *arguments)
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def at_signal(go: Path, process_args: list[str]) -> subprocess.Popen:
    """Start the command once ``go`` exists (polled every 10 ms): workers started at one moment."""
    waiting = ["sh", "-c", 'while [ ! -e "$0" ]; do sleep 0.01; done; exec "$@"', str(go), *process_args]
    return subprocess.Popen(waiting, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finish(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        _, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, stderr[-2000:]


def article_fetches(server: DemoServer, first: int = 0) -> Counter[str]:
    return Counter(path for _, path, status in server.requests[first:]
                   if status == 200 and path.startswith(ARTICLE_PATH))


def by_url(records: list[dict]) -> list[dict]:
    return sorted(records, key=lambda record: record["url"])


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_share_one_crawl_each_article_fetched_and_exported_once(
    workers: int, site: Site, slow_server: DemoServer, database: str, frontier: str, tmp_path: Path
) -> None:
    first = len(slow_server.requests)
    finish([worker(slow_server, tmp_path, f"w{n}", database, frontier) for n in range(workers)])
    exports = [read_export(tmp_path / f"w{n}.jsonl") for n in range(workers)]
    assert sum(1 for export in exports if export) >= 2, "the workers shared the crawl"
    assert by_url([r for export in exports for r in export]) == by_url(site.expected_records())
    fetches = article_fetches(slow_server, first)
    assert sum(fetches.values()) == len(site.articles) and max(fetches.values()) == 1
    left = redis.Redis.from_url(frontier)
    (job,) = {key.rsplit(b":", 1)[0] for key in left.keys("inbusiness:*")}
    assert sorted(left.keys("inbusiness:*")) == [job + b":counts", job + b":dupefilter"], \
        "the finished crawl left no queue, no workers"
    for key in (b":counts", b":dupefilter"):
        assert 0 < left.ttl(job + key) <= 60, "its seen-set expires: the next crawl starts afresh"
    store = open_store(database)
    try:
        assert sum(1 for _ in store.iter_articles()) == len(site.articles)
        assert [run.outcome for run in store.iter_runs()] == ["ok"] * workers
    finally:
        store.close()


def test_killed_worker_loses_nothing_and_nothing_is_exported_twice(
    site: Site, slow_server: DemoServer, database: str, frontier: str, tmp_path: Path
) -> None:
    first = len(slow_server.requests)
    survivors = [worker(slow_server, tmp_path, f"w{n}", database, frontier) for n in range(2)]
    victim = worker(slow_server, tmp_path, "victim", database, frontier)
    deadline = time.monotonic() + 60
    while sum(article_fetches(slow_server, first).values()) < len(site.articles) // 3:
        assert time.monotonic() < deadline and victim.poll() is None, "the crawl did not get going"
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    # Its supervisor starts it again: the new worker re-delivers what the dead one stored (and,
    # should the others have finished the crawl by then, finds the crawl done: nothing is fetched twice).
    survivors.append(worker(slow_server, tmp_path, "restarted", database, frontier))
    finish(survivors)
    assert not (tmp_path / "victim.jsonl").exists()
    exports = [r for name in ("w0", "w1", "restarted") for r in read_export(tmp_path / f"{name}.jsonl")]
    assert Counter(r["url"] for r in exports).most_common(1)[0][1] == 1
    assert by_url(exports) == by_url(site.expected_records())
    store = open_store(database)
    try:
        requeued = sum(run.counts.get("distributed/requeued", 0) for run in store.iter_runs())
    finally:
        store.close()
    # Only what the killed worker held (downloading, or downloaded and not yet handled) is fetched again.
    assert requeued > 0
    assert len(site.articles) <= sum(article_fetches(slow_server, first).values()) <= len(site.articles) + requeued


def test_incremental_runs_on_the_shared_store_fetch_only_what_is_new(
    site: Site, database: str, frontier: str, tmp_path: Path
) -> None:
    no_linger = ("-s", "NEWSCRAWL_CRAWL_LINGER=0")
    with serve(site) as server:
        # The seen-set is dropped at the end, not kept a minute: the next run must fetch the listings again.
        finish([worker(server, tmp_path, f"seed{n}", database, frontier, *no_linger) for n in range(2)])
        seeded = sum(len(read_export(tmp_path / f"seed{n}.jsonl")) for n in range(2))
        first = len(server.requests)
        finish([worker(server, tmp_path, "noop", database, frontier, *no_linger)])
        noop = server.requests[first:]
    assert seeded == len(site.articles)
    assert read_export(tmp_path / "noop.jsonl") == []
    assert not article_fetches(server, first) and 0 < len(noop) <= 12, noop


# -- crawl jobs: named by their arguments; the start of a fresh job -------------------------------
def dequeued(workdir: Path, name: str) -> int:
    found = re.search(r"'scheduler/dequeued/redis': (\d+)", (workdir / f"{name}.log").read_text(encoding="utf-8"))
    return int(found.group(1)) if found else 0


def days(first: str, last: str) -> tuple[str, ...]:
    return ("-a", f"since={first}", "-a", f"until={last}", "-a", "editions=ru")


def test_two_workers_starting_together_both_stay_to_the_end_of_the_job(
    site: Site, slow_server: DemoServer, database: str, frontier: str, tmp_path: Path
) -> None:
    expected = sorted(r["url"] for r in site.expected_records(date(2022, 10, 17), date(2022, 10, 18), editions=("ru",)))
    for attempt in range(3):  # the race was seen once in six tries: a few fresh jobs, each started at once
        go = tmp_path / f"go{attempt}"
        names = [f"r{attempt}w{n}" for n in range(2)]
        processes = [at_signal(go, worker_command(slow_server, tmp_path, name, database, frontier, *days("2022-10-17", "2022-10-18"),
                                          "-s", f"NEWSCRAWL_JOB=race-{attempt}"))
                     for name in names]
        go.touch()
        finish(processes)
        assert all(dequeued(tmp_path, name) > 0 for name in names), "a worker left the fresh job without work"
        assert sorted(r["url"] for name in names for r in read_export(tmp_path / f"{name}.jsonl")) == expected
        assert redis.Redis.from_url(frontier).keys(f"race-{attempt}:*"), "the job's keys carry its NEWSCRAWL_JOB name"


def test_jobs_with_other_arguments_do_not_collide_and_a_late_worker_says_it_joined_nothing(
    site: Site, slow_server: DemoServer, database: str, frontier: str, tmp_path: Path
) -> None:
    finish([worker(slow_server, tmp_path, "first", database, frontier, *days("2022-10-17", "2022-10-18"))])
    # Within NEWSCRAWL_CRAWL_LINGER of its end: the same job again, and a job of overlapping days.
    late = worker(slow_server, tmp_path, "late", database, frontier, *days("2022-10-17", "2022-10-18"))
    _, stderr = late.communicate(timeout=120)
    assert late.returncode == 5, stderr[-2000:]
    log = (tmp_path / "late.log").read_text(encoding="utf-8")
    assert re.search(r"crawl job inbusiness:\w+ was already over when this worker started", log)
    assert "outcome=joined_nothing" in log and not (tmp_path / "late.jsonl").exists()
    finish([worker(slow_server, tmp_path, "other", database, frontier, *days("2022-10-18", "2022-10-19"))])
    assert sorted(r["url"] for r in read_export(tmp_path / "other.jsonl")) == sorted(
        r["url"] for r in site.expected_records(date(2022, 10, 18), date(2022, 10, 19), editions=("ru",)))


def test_requests_leave_the_in_flight_set_once_handled_not_only_when_the_worker_idles(
    slow_server: DemoServer, database: str, frontier: str, tmp_path: Path
) -> None:
    first = len(slow_server.requests)
    process = worker(slow_server, tmp_path, "solo", database, frontier, "-a", "since=2022-10-17", "-a", "until=2022-10-19")
    client, largest, deadline = redis.Redis.from_url(frontier), 0, time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        largest = max([largest, *(client.zcard(key) for key in client.keys("inbusiness:*:inflight:*"))])
        time.sleep(0.02)
    finish([process])
    served = slow_server.requests[first:]
    # In flight: what the engine holds (CONCURRENT_REQUESTS, 16), what finished since the last
    # tick (0.25 s), and requests answered by a redirect or retry (settled when the worker
    # idles); never the whole crawl, as when requests left it only at the end.
    assert 0 < largest < len(served) // 2, (largest, len(served))
