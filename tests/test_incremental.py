"""Cron runs end to end: seed, no-op, edit + publish, kill -9, overlap, bad store files."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from crawling import REPO, Crawl, command_for, read_export, run_crawl

from newscrawl.demo.server import DemoServer, serve
from newscrawl.demo.site import Site, build_site
from newscrawl.store import open_store


def urls(records: list[dict]) -> list[str]:
    return sorted(record["url"] for record in records)


@pytest.fixture(scope="module")
def cron(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Three runs on one store: seed, no-op, and after one edit and one new article."""
    site, workdir = build_site(), tmp_path_factory.mktemp("cron")
    with serve(site) as server:
        seed = run_crawl(server, workdir, name="seed")
        noop = run_crawl(server, workdir, name="noop")
        edited = site.edit(site.expected_records(editions=("kz",))[3]["url"])
        published = site.publish("ru")
        update = run_crawl(server, workdir, name="update")
    return {"site": site, "seed": seed, "noop": noop, "update": update, "edited": edited,
            "published": published, "store": workdir / "state.sqlite"}


def test_seed_run_exports_every_article_the_sitemaps_list(cron: dict) -> None:
    seed: Crawl = cron["seed"]
    assert seed.returncode == 0, seed.log[-2000:]
    site: Site = cron["site"]
    before_changes = [r for r in site.expected_records() if r["url"] != cron["published"]["url"]]
    assert len(before_changes) == len(site.articles) - 1
    assert urls(seed.records) == urls(before_changes)


def test_no_op_run_fetches_no_article_and_exports_nothing(cron: dict) -> None:
    noop: Crawl = cron["noop"]
    assert noop.returncode == 0, noop.log[-2000:]
    assert noop.article_requests() == []
    assert noop.records == []
    assert len(noop.requests) <= 12, noop.requests  # robots, sitemap index, feeds, latest listings


def test_edit_and_publish_fetch_and_export_exactly_those_two(cron: dict) -> None:
    update: Crawl = cron["update"]
    assert update.returncode == 0, update.log[-2000:]
    changed = {cron["edited"]["url"], cron["published"]["url"]}
    assert {record["url"] for record in update.records} == changed
    assert len(update.article_requests()) == 2
    exported = {record["url"]: record for record in update.records}
    assert exported[cron["edited"]["url"]] == cron["edited"]
    assert exported[cron["published"]["url"]] == cron["published"]


def test_edited_article_replaces_its_old_version_in_the_store(cron: dict) -> None:
    store = open_store(cron["store"])
    try:
        stored = store.get(cron["edited"]["url"])
        assert stored is not None
        assert {k: v for k, v in stored.record.items()} == cron["edited"]
        runs = list(store.iter_runs())
    finally:
        store.close()
    assert [(run.mode, run.outcome) for run in runs] == [("incremental", "ok")] * 3
    assert runs[0].counts["store/new"] == len(cron["site"].articles) - 1
    assert runs[2].counts["store/changed"] == 1 and runs[2].counts["store/new"] == 1


def test_backfill_exports_the_range_whatever_the_store_holds(cron: dict, tmp_path: Path) -> None:
    site: Site = cron["site"]
    day = date(2022, 10, 18)
    with serve(site) as server:
        backfill = run_crawl(server, tmp_path, "-a", "editions=ru", since=day, until=day, state=cron["store"])
    assert backfill.returncode == 0, backfill.log[-2000:]
    assert urls(backfill.records) == urls(site.expected_records(day, day, editions=("ru",)))


def wait_for_article_requests(server: DemoServer, count: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if sum(1 for _, path, _ in server.requests if "/last/" in path or "/news/" in path) >= count:
            return
        time.sleep(0.05)
    raise AssertionError("the crawl did not reach the expected point")


def test_killed_run_loses_nothing_and_exports_nothing_twice(tmp_path: Path) -> None:
    site = build_site()
    with serve(site, delay=0.02) as server:
        first = subprocess.Popen(command_for(server, tmp_path, name="killed"), cwd=REPO,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_article_requests(server, 120, first)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        assert not (tmp_path / "killed.jsonl").exists(), "a killed run left a final-looking export"
        rerun = run_crawl(server, tmp_path, name="rerun")
    assert rerun.returncode == 0, rerun.log[-2000:]
    exports = read_export(tmp_path / "killed.jsonl") + rerun.records
    assert Counter(urls(exports)).most_common(1)[0][1] == 1
    assert sorted(exports, key=lambda r: r["url"]) == sorted(site.expected_records(), key=lambda r: r["url"])
    assert rerun.summary()["exported"] == len(site.articles)
    # Articles the killed run fetched and stored were not fetched again, unless it could not deliver them.
    assert len(rerun.article_requests()) < len(site.articles)


def test_second_run_on_the_same_store_stops_at_once_without_touching_it(tmp_path: Path) -> None:
    site = build_site()
    with serve(site, delay=0.05) as server:
        first = subprocess.Popen(command_for(server, tmp_path, name="first"), cwd=REPO,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_article_requests(server, 5, first)
            started = time.monotonic()
            second = run_crawl(server, tmp_path, name="second")
            assert time.monotonic() - started < 30
        finally:
            first.send_signal(signal.SIGINT)
            first.wait(timeout=60)
    assert second.returncode == 3
    assert "another newscrawl run is using the store" in second.log
    assert not (tmp_path / "second.jsonl").exists()
    store = open_store(tmp_path / "state.sqlite")
    try:
        assert [run.id for run in store.iter_runs()] == [1]
    finally:
        store.close()


def _foreign_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.commit()
    connection.close()


def _newer_store(path: Path) -> None:
    open_store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.write_text("my notes, not a database\n"), "is not a newscrawl store"),
        (_foreign_sqlite, "SQLite database of another application"),
        (_newer_store, "newer than this newscrawl's"),
    ],
    ids=["text-file", "foreign-sqlite", "newer-schema"],
)
def test_store_file_that_is_not_ours_stops_the_run_untouched(tmp_path: Path, make, message: str) -> None:
    store = tmp_path / "state.sqlite"
    make(store)
    before = store.read_bytes()
    with serve(build_site()) as server:
        crawl = run_crawl(server, tmp_path, state=store)
        assert crawl.requests == []
    assert crawl.returncode == 4
    assert message in crawl.log
    assert store.read_bytes() == before


def test_backfill_paused_with_jobdir_resumes_where_it_stopped(tmp_path: Path) -> None:
    site = build_site()
    since, until = date(2024, 2, 28), date(2024, 3, 2)
    jobdir = ("-s", f"JOBDIR={tmp_path / 'job'}")
    with serve(site, delay=0.02) as server:
        first = subprocess.Popen(command_for(server, tmp_path, *jobdir, since=since, until=until, name="part1"),
                                 cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_article_requests(server, 40, first)
        first.send_signal(signal.SIGINT)  # Ctrl-C once: Scrapy stops cleanly and keeps its queue
        assert first.wait(timeout=60) == 1, "an interrupted run reports it"
        fetched_before = len(server.requests)
        resumed = run_crawl(server, tmp_path, *jobdir, since=since, until=until, name="part2")
        article_fetches = Counter(path for _, path, status in server.requests
                                  if status == 200 and ("/last/" in path or "/news/" in path))
    assert resumed.returncode == 0, resumed.log[-2000:]
    assert len(server.requests) > fetched_before
    exports = read_export(tmp_path / "part1.jsonl") + resumed.records
    assert Counter(urls(exports)).most_common(1)[0][1] == 1
    assert urls(exports) == urls(site.expected_records(since, until))
    assert max(article_fetches.values()) == 1, "no article page fetched twice across pause and resume"
