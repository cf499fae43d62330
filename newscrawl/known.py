"""The request side of incremental state (``incremental.RunState`` decides, these ask).

``SkipKnownMiddleware`` (spider middleware) drops requests for what the store already has,
and tells the state which sitemap was read to its end and which articles it listed;
``StoreAliasMiddleware`` (downloader middleware) tells it which article URLs redirect where
and which are gone (404/410), before Scrapy's redirect and error handling hide that.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Request, Response

from newscrawl.discover.feeds import SitemapError
from newscrawl.incremental import ARTICLE_KEY, LASTMOD_KEY, SKIP_KNOWN_KEY, SOURCE_KEY, RunState, run_state
from newscrawl.urls import canonical_url, rebase

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class SkipKnownMiddleware:
    """Drops, before they are scheduled, requests for what the store already has in that version."""

    def __init__(self, state: RunState, stats: Any) -> None:
        self.state = state
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SkipKnownMiddleware:
        return cls(run_state(crawler), crawler.stats)

    def wanted(self, request: Request) -> bool:
        meta = request.meta
        lastmod = meta.get(LASTMOD_KEY)
        if SOURCE_KEY in meta:
            if self.state.knows_source(meta[SOURCE_KEY], lastmod):
                self.stats.inc_value("newscrawl/skipped/known_source")
                return False
        elif meta.get(SKIP_KNOWN_KEY) and ARTICLE_KEY in meta:
            if self.state.knows_article(meta[ARTICLE_KEY], lastmod):
                self.stats.inc_value("newscrawl/skipped/known_article")
                return False
        return True

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        """First what a killed run left undelivered, then the spider's own start requests."""
        for article in self.state.undelivered():
            yield article
        async for output in start:
            if not isinstance(output, Request) or self.wanted(output):
                yield output

    def _pass(self, output: Any, listed: list[str] | None) -> bool:
        if not isinstance(output, Request):
            return True
        if not self.wanted(output):
            return False
        # What a sitemap lists: its articles, or (an index of indexes) its child sitemaps.
        if listed is not None and (key := output.meta.get(ARTICLE_KEY) or output.meta.get(SOURCE_KEY)):
            listed.append(key)
        return True

    def _failed(self, response: Response, error: SitemapError) -> None:
        self.stats.inc_value("newscrawl/source_failed")
        logger.error("sitemap or feed failed: %s: %s", response.url, error)

    def _read(self, response: Response, listed: list[str] | None) -> None:
        if listed is not None:
            self.state.source_read(response.meta[SOURCE_KEY], response.meta.get(LASTMOD_KEY), listed)

    @staticmethod
    def _listing(response: Response) -> list[str] | None:
        """A list to collect a sitemap's articles in, if this is a sitemap that answered (an
        errback's output comes through here too, with the failed response)."""
        return [] if SOURCE_KEY in response.meta and 200 <= response.status < 300 else None

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        """Known requests dropped; a sitemap counts as read only once parsed to its end."""
        listed = self._listing(response)
        try:
            yield from (output for output in result if self._pass(output, listed))
        except SitemapError as error:
            self._failed(response, error)
            return
        self._read(response, listed)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        listed = self._listing(response)
        try:
            async for output in result:
                if self._pass(output, listed):
                    yield output
        except SitemapError as error:
            self._failed(response, error)
            return
        self._read(response, listed)


class StoreAliasMiddleware:
    """An article URL that redirects on its own host becomes an alias of the target (so the
    next run skips it even when this run's duplicate filter dropped the redirected request);
    one answering 404/410 is counted gone, so it does not keep its sitemap due."""

    def __init__(self, state: RunState) -> None:
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoreAliasMiddleware:
        return cls(run_state(crawler))

    def process_response(self, request: Request, response: Response) -> Response:
        key = request.meta.get(ARTICLE_KEY)
        if not key:
            return response
        if response.status in (404, 410):
            self.state.gone(key)
        elif 300 <= response.status < 400 and (location := response.headers.get("Location")):
            target = urljoin(response.url, location.decode("latin-1"))
            if urlsplit(target).netloc == urlsplit(response.url).netloc:
                origin = "{0.scheme}://{0.netloc}".format(urlsplit(key))
                self.state.redirected(key, canonical_url(rebase(target, origin)))
        return response
