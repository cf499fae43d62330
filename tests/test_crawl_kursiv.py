"""End to end: ``scrapy crawl kursiv`` over the local kursiv copy, export vs. what the copy served."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from crawling import (
    Crawl,
    assert_exports_the_window_once,
    assert_records_equal_the_copy,
    assert_rerun_fetches_no_article_page,
    backfill_window,
    run_crawl,
)

from newscrawl.demo.kursiv import build_copy
from newscrawl.demo.kursiv.copy import KursivCopy
from newscrawl.demo.server import serve

WINDOWS = {
    "2023-11": (date(2023, 11, 14), date(2023, 11, 16)),
    "2024-03": (date(2024, 2, 28), date(2024, 3, 2)),  # across Almaty's UTC+6 -> UTC+5 change
    # One day whose archive also lists a post of the day before: that post is not exported.
    "2023-11-16": (date(2023, 11, 16), date(2023, 11, 16)),
}


@pytest.fixture(scope="module")
def site() -> KursivCopy:
    return build_copy()


@pytest.fixture(scope="module", params=sorted(WINDOWS))
def backfill(request: pytest.FixtureRequest, site: KursivCopy,
             tmp_path_factory: pytest.TempPathFactory) -> tuple[Crawl, list[dict]]:
    return backfill_window(site, WINDOWS[request.param], tmp_path_factory.mktemp(request.param))


def test_backfill_exports_exactly_the_articles_of_the_window_once(backfill: tuple[Crawl, list[dict]]) -> None:
    assert_exports_the_window_once(*backfill)


def test_backfill_records_equal_the_copy_field_for_field(backfill: tuple[Crawl, list[dict]]) -> None:
    assert_records_equal_the_copy(*backfill)


def test_once_faults_are_retried_to_a_record(backfill: tuple[Crawl, list[dict]], site: KursivCopy) -> None:
    crawl, expected = backfill
    urls = {record["url"] for record in expected}
    for path, status in ((site.faults.error_500_once, 500), (site.faults.rate_limit_429_once, 429)):
        if site.record(site.by_path[path])["url"] in urls:
            assert [code for _, asked, code in crawl.requests if asked.split("?")[0] == path] == [status, 200]


def test_incremental_rerun_fetches_no_article_page(site: KursivCopy, tmp_path: Path) -> None:
    assert_rerun_fetches_no_article_page(site, tmp_path)


def test_incremental_run_after_an_edit_and_a_new_post_exports_just_those(tmp_path: Path) -> None:
    copy = build_copy()
    with serve(copy) as server:
        seed = run_crawl(server, tmp_path, name="seed", spider="kursiv")
        edited = copy.edit(next(a.path for a in copy.articles if a.edition == "ru" and a.day == copy.days[-1]))
        published = copy.publish("kk")
        again = run_crawl(server, tmp_path, name="again", spider="kursiv")
    assert seed.returncode == 0 and again.returncode == 0, again.log[-3000:]
    # Field by field is the backfill tests' business: here, which articles and how many fetches.
    assert sorted(r["url"] for r in again.records) == sorted([edited["url"], published["url"]])
    assert next(r for r in again.records if r["url"] == edited["url"])["modified_at"] == edited["modified_at"]
    assert len(again.article_requests()) == 2
