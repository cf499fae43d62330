"""Hostile crawl input: the crawl stays on the site, ends, and reports what it refused.

One crawl of two days. The first day's archive links to another domain, to ``javascript:`` and
``mailto:`` URLs, to itself, to a redirect chain that ends on another domain and to a page
over ``DOWNLOAD_MAXSIZE``, and its "next page" is itself. The second day's archive paginates
for 10,000 pages. "Another domain" is a second server on 127.0.0.2 (loopback too), so a
request that escaped would be seen, not lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from crawling import Crawl, run_crawl
from servers import Elsewhere, serve_elsewhere

from newscrawl.demo.listings import PAGE_SIZE, Entry, render_archive
from newscrawl.demo.server import serve
from newscrawl.demo.site import Site, build_site

LOOP_DAY, ENDLESS_DAY = date(2022, 10, 17), date(2022, 10, 18)
ENDLESS_PAGES = 10_000
MAX_SIZE = 1_000_000
HTML = {"Content-Type": "text/html; charset=utf-8"}


class HostileSite:
    """The demo site with hostile archives, a redirect chain off the site and an oversized page."""

    def __init__(self, site: Site, elsewhere: str) -> None:
        self.site = site
        self.elsewhere = elsewhere

    def respond(self, path: str, *, host: str | None = None, fired: set[str] | None = None):
        split = urlsplit(path)
        day = parse_qs(split.query).get("date", [""])[0]
        if split.path == "/ru/lastnews" and day == str(LOOP_DAY):
            return 200, HTML, self.loop_archive().encode()
        if split.path == "/ru/lastnews" and day == str(ENDLESS_DAY):
            return 200, HTML, self.endless_archive(int(parse_qs(split.query).get("page", ["1"])[0])).encode()
        if split.path == "/ru/last/redirect-chain-1":
            return 301, {"Location": "/ru/last/redirect-chain-2"}, b""
        if split.path == "/ru/last/redirect-chain-2":
            return 301, {"Location": f"{self.elsewhere}/ru/last/stolen-article"}, b""
        if split.path == "/ru/last/huge-page":
            return 200, HTML, b"<html><body><p>" + b"x" * (MAX_SIZE * 2) + b"</p></body></html>"
        return self.site.respond(path, host=host, fired=fired)

    def loop_archive(self) -> str:
        hostile = [
            Entry(f"{self.elsewhere}/ru/last/offsite-article", "Чужой сайт", "10:00"),
            Entry("javascript:alert(document.cookie)", "Скрипт", "10:00"),
            Entry("mailto:editor@inbusiness.kz", "Почта", "10:00"),
            Entry(f"/ru/lastnews?date={LOOP_DAY}", "Эта же страница", "10:00"),
            Entry("/ru/last/redirect-chain-1", "Переадресация", "10:00"),
            Entry("/ru/last/huge-page", "Огромная страница", "10:00"),
        ]
        entries = self.site.archive_entries("ru", LOOP_DAY)[:PAGE_SIZE] + hostile
        return render_archive("ru", LOOP_DAY, entries, 1, next_href=f"/ru/lastnews?date={LOOP_DAY}")

    def endless_archive(self, page: int) -> str:
        real = self.site.archive_entries("ru", ENDLESS_DAY)
        start = ((page - 1) * PAGE_SIZE) % len(real)
        next_href = f"/ru/lastnews?date={ENDLESS_DAY}&page={page + 1}" if page < ENDLESS_PAGES else None
        return render_archive("ru", ENDLESS_DAY, real[start:start + PAGE_SIZE], page, next_href)


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[Elsewhere]:
    with serve_elsewhere("127.0.0.2") as server:
        yield server


@pytest.fixture(scope="module")
def hostile_crawl(elsewhere: Elsewhere, tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    hostile = HostileSite(build_site(), elsewhere.base_url)
    with serve(hostile) as server:
        return run_crawl(server, tmp_path_factory.mktemp("hostile"), "-a", "editions=ru",
                         "-s", f"DOWNLOAD_MAXSIZE={MAX_SIZE}", since=LOOP_DAY, until=ENDLESS_DAY)


def test_hostile_crawl_ends(hostile_crawl: Crawl) -> None:
    assert hostile_crawl.returncode == 0, hostile_crawl.log[-3000:]
    assert "finish_reason=finished" in hostile_crawl.log


def test_nothing_outside_the_site_is_fetched(hostile_crawl: Crawl, elsewhere: Elsewhere) -> None:
    assert elsewhere.requests == []
    assert hostile_crawl.stat("newscrawl/refused_link/offsite") >= 1  # the offsite item link
    assert hostile_crawl.stat("offsite/filtered") >= 1  # the redirect chain's end
    assert hostile_crawl.stat("newscrawl/refused_link/scheme") >= 2  # javascript: and mailto:
    assert re.search(r"link not followed \(scheme\): javascript:\S* on http://127\.0\.0\.1", hostile_crawl.log)
    assert not [path for _, path, _ in hostile_crawl.requests if "javascript" in path or "mailto" in path]


def test_redirect_chain_is_followed_on_the_site_only(hostile_crawl: Crawl) -> None:
    paths = [path for _, path, _ in hostile_crawl.requests]
    assert paths.count("/ru/last/redirect-chain-1") == 1 and paths.count("/ru/last/redirect-chain-2") == 1


def test_archive_linking_to_itself_is_fetched_once(hostile_crawl: Crawl) -> None:
    paths = [path for _, path, _ in hostile_crawl.requests]
    assert paths.count(f"/ru/lastnews?date={LOOP_DAY}") == 1
    assert hostile_crawl.stat("dupefilter/filtered") >= 1


def test_endless_pagination_stops_at_the_page_limit_with_a_warning(hostile_crawl: Crawl) -> None:
    pages = [path for _, path, _ in hostile_crawl.requests if path.startswith(f"/ru/lastnews?date={ENDLESS_DAY}")]
    assert len(pages) == 50  # NEWSCRAWL_MAX_LISTING_PAGES
    assert re.search(r"stopped following pagination after 50 pages \(NEWSCRAWL_MAX_LISTING_PAGES\): "
                     rf"http://127\.0\.0\.1:\d+/ru/lastnews\?date={ENDLESS_DAY}&page=50", hostile_crawl.log)


def test_response_over_download_maxsize_is_refused_and_reported_with_its_url(hostile_crawl: Crawl) -> None:
    assert re.search(r"larger than download max size \(1000000\) in request "
                     r"<GET http://127\.0\.0\.1:\d+/ru/last/huge-page>", hostile_crawl.log)
    assert re.search(r"article failed: http://127\.0\.0\.1:\d+/ru/last/huge-page", hostile_crawl.log)
    assert hostile_crawl.summary()["failed"] >= 1


def test_real_articles_of_hostile_archives_are_still_exported(hostile_crawl: Crawl) -> None:
    site = build_site()
    endless_day = {r["url"] for r in site.expected_records(ENDLESS_DAY, ENDLESS_DAY, editions=("ru",))}
    exported = {r["url"] for r in hostile_crawl.records}
    assert endless_day <= exported
    assert exported <= {r["url"] for r in site.expected_records(LOOP_DAY, ENDLESS_DAY, editions=("ru",))}
