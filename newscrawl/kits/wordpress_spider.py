"""The WordPress crawl strategy: a backfill asks the REST API for the window's posts.

One API page lists 100 posts of the window, where day archives take a request per day and
edition (and per 20 posts). Where the API does not answer (disabled, blocked), that edition
falls back to its day archives; the window is still decided by the date in each article URL.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

from scrapy.http import Request, Response
from twisted.python.failure import Failure

from newscrawl.kits.wordpress import api_posts, api_posts_url, api_total_pages
from newscrawl.spider import SiteSpider, failed_request, failed_status
from newscrawl.urls import article_request_url


class WordPressSpider(SiteSpider):
    """A site on the WordPress kit: backfills through the REST API, else like any site."""

    def edition_start(self, edition: str) -> Iterator[Request]:
        if self.crawl_mode != "backfill":
            yield from super().edition_start(edition)
            return
        yield self.api_request(edition, 1)

    def api_request(self, edition: str, page: int) -> Request:
        assert self.arguments.since is not None and self.arguments.until is not None
        # A day wider on each side: whether a copy or a plugin reads after/before as local time or
        # UTC, no post of the window is left out; the date in each URL then decides (``wanted``).
        since, until = self.arguments.since - timedelta(days=1), self.arguments.until + timedelta(days=1)
        url = api_posts_url(self.root(edition), since, until, page, edition)
        return Request(url, callback=self.parse_api, errback=self.api_failed,
                       cb_kwargs={"edition": edition, "page": page})

    def parse_api(self, response: Response, edition: str, page: int) -> Iterator[Request]:
        """One page of posts: their article pages (with ``modified_gmt`` as lastmod); after the
        first page, every other page the ``X-WP-TotalPages`` header announces (bounded)."""
        self.crawler.stats.inc_value("newscrawl/api_pages")
        for link, modified in api_posts(response.body):
            url = article_request_url(self.on_crawled_site(link), self.site)
            if url and self.wanted(url):
                yield self.article_request(url, modified)
        if page == 1:
            total = api_total_pages(response.headers.get("X-WP-TotalPages"))
            max_pages = self.settings.getint("NEWSCRAWL_MAX_LISTING_PAGES")
            if total > max_pages:
                self.count_and_log("listing_page_limit", "API announces %d pages, reading %d "
                                   "(NEWSCRAWL_MAX_LISTING_PAGES): %s", total, max_pages, response.url,
                                   level=logging.WARNING)
            for next_page in range(2, min(total, max_pages) + 1):
                yield self.api_request(edition, next_page)

    def api_failed(self, failure: Failure) -> Iterator[Request]:
        """The API's first page failed: the edition's day archives instead. A later page that
        failed is a failed listing (its posts may be missing)."""
        request = failed_request(failure)
        edition, page = request.cb_kwargs["edition"], request.cb_kwargs["page"]
        if page == 1:
            self.count_and_log("api_unavailable", "REST API did not answer (%s): reading the day archives of "
                               "edition %r instead: %s", failed_status(failure) or failure.getErrorMessage(),
                               edition, request.url, level=logging.WARNING)
            yield from super().edition_start(edition)
        else:
            self.count_and_log("listing_failed", "listing failed: %s: %s", request.url,
                               failure.getErrorMessage(), level=logging.ERROR)
