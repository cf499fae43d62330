"""End to end: the real ``scrapy crawl`` over the local copy of the site, export vs. what it served."""

from __future__ import annotations

import re
import socket
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from crawling import Crawl, assert_exports_the_window_once, assert_records_equal_the_copy, backfill_window, run_crawl

from newscrawl.demo.server import serve
from newscrawl.demo.site import Site, build_site

WINDOWS = {
    "2022": (date(2022, 10, 17), date(2022, 10, 19)),
    "2024": (date(2024, 2, 28), date(2024, 3, 2)),
    # One day whose archive also lists an article of the day before: it is not exported.
    "2022-10-19": (date(2022, 10, 19), date(2022, 10, 19)),
}


def crawl_site(site: Site, workdir: Path, *arguments: str, since: date | None = None,
               until: date | None = None) -> Crawl:
    with serve(site) as server:
        return run_crawl(server, workdir, *arguments, since=since, until=until)


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site()


@pytest.fixture(scope="module", params=sorted(WINDOWS))
def backfill(request: pytest.FixtureRequest, site: Site, tmp_path_factory: pytest.TempPathFactory) -> tuple[Crawl, list[dict]]:
    return backfill_window(site, WINDOWS[request.param], tmp_path_factory.mktemp(request.param))


def test_backfill_exports_exactly_the_articles_the_site_served(backfill: tuple[Crawl, list[dict]]) -> None:
    assert_exports_the_window_once(*backfill)


def test_backfill_records_equal_the_site_ground_truth_field_for_field(backfill: tuple[Crawl, list[dict]]) -> None:
    assert_records_equal_the_copy(*backfill)


def test_no_page_is_fetched_twice_except_for_a_retry(backfill: tuple[Crawl, list[dict]]) -> None:
    crawl, _ = backfill
    answered = Counter(path for _, path, status in crawl.requests if status not in (429, 500))
    assert [path for path, count in answered.items() if count > 1] == []


def test_summary_line_counts_paths_404s_and_retries(backfill: tuple[Crawl, list[dict]]) -> None:
    crawl, expected = backfill
    summary = crawl.summary()
    assert summary["exported"] == len(expected)
    paths = Counter(record["extraction"] for record in expected)
    assert (summary["layout_a"], summary["layout_b"], summary["fallback"]) == (
        paths["layout_a"], paths["layout_b"], paths["fallback"])
    faults = Counter(status for _, _, status in crawl.requests)
    assert summary["retries"] == faults[500] + faults[429]
    assert summary["missing_field"] == 0


def test_missing_edition_is_skipped_with_a_log_line(backfill: tuple[Crawl, list[dict]]) -> None:
    crawl, _ = backfill
    assert re.search(r"edition 'en' has no archive at http://127\.0\.0\.1:\d+/en/lastnews\?date=", crawl.log)
    # Only the probe of the missing edition was requested, not every day of it.
    assert sum(1 for _, path, _ in crawl.requests if path.startswith("/en/")) == 1


def test_all_faults_fired_and_were_survived(site: Site, tmp_path: Path) -> None:
    since, until = date(2022, 10, 17), date(2024, 3, 2)
    crawl = crawl_site(site, tmp_path, "-a", "editions=ru,kz", since=since, until=until)
    statuses = Counter(status for _, _, status in crawl.requests)
    assert statuses[500] >= 1 and statuses[429] >= 1 and statuses[301] >= 1 and statuses[404] >= 1
    assert "waiting 1.0s (Retry-After) before retrying" in crawl.log
    assert re.search(r"article gone \(404\): http://127\.0\.0\.1:\d+/\S+", crawl.log)
    assert crawl.summary()["not_found_404"] == statuses[404]
    assert sorted(r["url"] for r in crawl.records) == sorted(r["url"] for r in site.expected_records(since, until))


def test_editions_argument_limits_the_export(site: Site, tmp_path: Path) -> None:
    day = WINDOWS["2022"][0]
    crawl = crawl_site(site, tmp_path, "-a", "editions=kz", since=day, until=day)
    assert crawl.records and {record["language"] for record in crawl.records} == {"kk"}
    assert sorted(r["url"] for r in crawl.records) == sorted(
        r["url"] for r in site.expected_records(day, day, editions=("kz",)))


def test_dead_server_ends_the_crawl_with_logged_failures(site: Site, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    day = WINDOWS["2022"][0]
    crawl = run_crawl(dead, tmp_path, "-a", "editions=ru", "-s", "RETRY_TIMES=1", since=day, until=day)
    assert crawl.records == []
    assert crawl.returncode == 1, "a run that reached nothing must fail for cron"
    assert f"listing failed: {dead}/ru/lastnews?date={day}" in crawl.log
