"""End to end: ``scrapy crawl tengrinews`` over the local tengrinews copy, export vs. what the copy served."""

from __future__ import annotations

import re
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

from newscrawl.demo.server import serve
from newscrawl.demo.tengrinews import build_copy
from newscrawl.demo.tengrinews.copy import TengrinewsCopy
from newscrawl.demo.tengrinews.data import WINDOWS


@pytest.fixture(scope="module")
def site() -> TengrinewsCopy:
    return build_copy()


@pytest.fixture(scope="module", params=sorted(WINDOWS))
def backfill(request: pytest.FixtureRequest, site: TengrinewsCopy,
             tmp_path_factory: pytest.TempPathFactory) -> tuple[Crawl, list[dict]]:
    return backfill_window(site, WINDOWS[request.param], tmp_path_factory.mktemp(request.param))


def test_backfill_exports_exactly_the_articles_of_the_window_once(backfill: tuple[Crawl, list[dict]]) -> None:
    assert_exports_the_window_once(*backfill)


def test_backfill_records_equal_the_copy_field_for_field(backfill: tuple[Crawl, list[dict]]) -> None:
    assert_records_equal_the_copy(*backfill)


def test_the_windows_hold_every_kind_of_page_the_copy_serves(site: TengrinewsCopy) -> None:
    """Else the tests above would pass without meeting them: both layouts, longreads, a
    windows-1251 page (one under a utf-8 header), an old slug and a link without its slash in the
    2024 window."""
    since, until = WINDOWS["2024"]
    served = [a for a in site.articles if since <= a.day <= until]
    assert {a.layout for a in served} == {"layout_l", "layout_t", "fallback"}
    assert any(a.cp1251 for a in served) and any(a.utf8_header for a in served)
    listed = [a.listed_as for a in served if a.listed_as]
    assert any("staryi-zagolovok" in href for href in listed) and any(not href.endswith("/") for href in listed)


def test_windows_1251_page_under_a_utf8_header_is_decoded_counted_and_logged(backfill: tuple[Crawl, list[dict]],
                                                                            site: TengrinewsCopy) -> None:
    crawl, expected = backfill
    wrong = [a for a in site.articles if a.utf8_header and site.record(a) in expected]
    assert crawl.stat("newscrawl/encoding/fixed") == len(wrong)
    records = {record["url"]: record for record in crawl.records}
    for article in wrong:
        assert records[site.record(article)["url"]] == site.record(article)
        assert re.search(rf"declared utf-8 but its bytes are cp1251.*http://127\.0\.0\.1:\d+{article.path}", crawl.log)


def test_once_faults_are_retried_to_a_record(backfill: tuple[Crawl, list[dict]], site: TengrinewsCopy) -> None:
    crawl, expected = backfill
    urls = {record["url"] for record in expected}
    by_path = {a.path: a for a in site.articles}
    for path, status in ((site.faults.error_500_once, 500), (site.faults.rate_limit_429_once, 429)):
        if site.record(by_path[path])["url"] in urls:
            assert [code for _, asked, code in crawl.requests if asked.split("?")[0] == path] == [status, 200]


def test_a_removed_article_is_counted_and_an_old_slug_redirects(backfill: tuple[Crawl, list[dict]],
                                                                site: TengrinewsCopy) -> None:
    crawl, expected = backfill
    gone = next(item for item in site.data.items if item.id in site.data.gone)
    renamed = next(a for a in site.articles if a.listed_as and "staryi-zagolovok" in a.listed_as)
    if str(gone.day) not in {str(record["published_at"])[:10] for record in expected}:
        pytest.skip("the removed and renamed articles are in the 2024 window")
    answers = [(path.split("?")[0], code) for _, path, code in crawl.requests]
    assert (gone.path, 404) in answers and "article gone (404)" in crawl.log
    assert (renamed.listed_as, 301) in answers and (renamed.path, 200) in answers
    assert site.record(renamed)["url"] in {record["url"] for record in crawl.records}


def test_incremental_rerun_fetches_no_article_page(site: TengrinewsCopy, tmp_path: Path) -> None:
    first = assert_rerun_fetches_no_article_page(site, tmp_path)
    assert sorted(r["url"] for r in first.records) == sorted(r["url"] for r in site.expected_records())


def test_canary_extracts_the_newest_articles(site: TengrinewsCopy, tmp_path: Path) -> None:
    with serve(site) as server:
        canary = run_crawl(server, tmp_path, "-a", "canary=5", spider="tengrinews")
    assert canary.returncode == 0, canary.log[-3000:]
    assert "canary: ok" in canary.log
    assert len(canary.article_requests()) == 5
