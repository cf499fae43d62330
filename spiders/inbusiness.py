"""``scrapy crawl inbusiness``: inbusiness.kz listings, sitemaps and feeds -> articles."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newscrawl.arguments import ArgumentError, CrawlArguments, parse_arguments
from newscrawl.discover.archive import archive_url, next_page_url, read_listing
from newscrawl.discover.feeds import monthly_sitemap_wanted, rss_links, sitemap_entries
from newscrawl.extract.article import extract_article
from newscrawl.extract.inbusiness import LAYOUTS
from newscrawl.incremental import ARTICLE_KEY, LASTMOD_KEY, SKIP_KNOWN_KEY, SOURCE_KEY
from newscrawl.items import Article
from newscrawl.progress import LISTING_DAY_KEY
from newscrawl.urls import article_request_url, edition_of, rebase, site_domain

logger = logging.getLogger(__name__)


def failed_request(failure: Failure) -> Request:
    """The request an errback's failure is about (Scrapy sets it on the failure)."""
    return failure.request  # type: ignore[attr-defined,no-any-return]


class InbusinessSpider(scrapy.Spider):
    """Crawl inbusiness.kz (or a copy of it at ``-a base_url=``).

    Arguments (``-a``):

    * ``since``, ``until``: ``YYYY-MM-DD``, inclusive. Both: a backfill of every page of
      each day archive of the range, exported whatever the store holds. Neither: an
      incremental run (sitemaps, RSS, the latest archive) that fetches and exports only
      what is new or changed since the store's version; ``since`` alone limits it.
    * ``editions``: comma-separated subset of ``ru,kz,en`` (default all three).
    * ``base_url``: the site root to crawl (default ``https://inbusiness.kz``);
      records still say ``site: inbusiness.kz``.
    * ``canary``: N: extract only the N newest articles of each edition and report whether
      every field still comes out (exit code 1 if not); the store is left alone.
    """

    name = "inbusiness"
    site = "inbusiness.kz"
    default_base_url = "https://inbusiness.kz"
    known_editions = ("ru", "kz", "en")
    layouts = LAYOUTS
    argument_names = ("since", "until", "editions", "base_url", "canary")

    def __init__(self, **kwargs: Any) -> None:
        arguments = {name: kwargs.pop(name) for name in self.argument_names if name in kwargs}
        super().__init__(**kwargs)
        self.arguments = self.check_arguments(**arguments)
        self.crawl_mode = self.arguments.mode
        self.allowed_domains = [urlsplit(self.arguments.base_url).hostname or ""]

    @classmethod
    def check_arguments(cls, **arguments: str) -> CrawlArguments:
        """Parse the ``-a`` arguments; ArgumentError names the first bad one."""
        unknown = sorted(set(arguments) - set(cls.argument_names))
        if unknown:
            raise ArgumentError(
                f"unknown argument -a {unknown[0]}: expected one of {', '.join(cls.argument_names)}"
            )
        return parse_arguments(
            since=arguments.get("since"),
            until=arguments.get("until"),
            editions=arguments.get("editions"),
            base_url=arguments.get("base_url") or cls.default_base_url,
            known_editions=cls.known_editions,
            canary=arguments.get("canary"),
        )

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> InbusinessSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if not spider.arguments.uses_store:  # settings are not frozen yet at this point
            crawler.settings.set("NEWSCRAWL_STATE_ENABLED", False, priority="spider")
        return spider

    async def start(self) -> AsyncIterator[Request]:
        """Backfill: one listing per edition first (it tells whether the edition exists).
        Incremental: the sitemap index, and each edition's latest listing (then its RSS)."""
        days = self.arguments.days()
        if self.crawl_mode == "incremental":
            yield Request(f"{self.arguments.base_url}/sitemap.xml", callback=self.parse_sitemap,
                          errback=self.source_failed)
        for edition in self.arguments.editions:
            yield self.listing_request(edition, days[0] if days else None, probe=True)

    def on_crawled_site(self, url: str) -> str:
        """A sitemap or feed of a copy of the site may name the real site's URLs: crawl the copy."""
        return rebase(url, self.arguments.base_url) if site_domain(url) == self.site else url

    def store_key(self, url: str) -> str:
        """The URL a page of the real site has: the store's key, whichever copy is crawled."""
        return rebase(url, self.default_base_url)

    def article_request(self, url: str, lastmod: str | None = None) -> Request:
        """An article page; the meta tells the store what it needs to skip a known version."""
        return Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            meta={ARTICLE_KEY: self.store_key(url), LASTMOD_KEY: lastmod, SKIP_KNOWN_KEY: self.crawl_mode == "incremental"},
        )

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """A sitemap index (monthly sitemaps, by edition and ``since``) or one month's articles."""
        kind, entries = sitemap_entries(response.body)
        since = self.arguments.since
        for loc, lastmod in entries:
            loc = self.on_crawled_site(urljoin(response.url, loc))
            if kind == "sitemapindex":
                if monthly_sitemap_wanted(loc, self.arguments.editions, since):
                    yield Request(loc, callback=self.parse_sitemap, errback=self.source_failed,
                                  meta={SOURCE_KEY: self.store_key(loc), LASTMOD_KEY: lastmod})
                continue
            url = article_request_url(loc)
            if not url or edition_of(url) not in self.arguments.editions:
                continue
            if since and lastmod and lastmod[:10] < since.isoformat():
                continue  # not modified since `since`, so not published since then either
            yield self.article_request(url, lastmod)

    def parse_rss(self, response: Response) -> Iterator[Request]:
        """The newest items of an edition."""
        links = (self.on_crawled_site(urljoin(response.url, link)) for link in rss_links(response.body))
        urls = (article_request_url(link) for link in links)
        yield from (self.article_request(url) for url in dict.fromkeys(urls) if url)

    def source_failed(self, failure: Failure) -> None:
        """A sitemap or feed that failed: the other sources still run; counted and logged.
        One that does not exist (404) is noted, not a failure: the listings still cover the site."""
        url = failed_request(failure).url
        if failure.check(HttpError) and failure.value.response.status == 404:
            self.count_and_log("source_missing", "no sitemap or feed at %s (404)", url, level=logging.WARNING)
        else:
            self.count_and_log("source_failed", "sitemap or feed failed: %s: %s", url, failure.getErrorMessage(),
                               level=logging.ERROR)

    def listing_request(
        self, edition: str, day: date | None, *, url: str | None = None, page: int = 1, probe: bool = False
    ) -> Request:
        """A day archive (or latest feed) page, handled by ``parse_listing``."""
        return Request(
            url or archive_url(self.arguments.base_url, edition, day),
            callback=self.parse_listing,
            errback=self.listing_failed,
            cb_kwargs={"edition": edition, "day": day, "page": page},
            meta={"probe": probe, LISTING_DAY_KEY: day.isoformat() if day else None},
        )

    def after_probe(self, edition: str) -> Iterator[Request]:
        """Once an edition's first listing answered: the rest of the range, or its RSS feed."""
        if self.crawl_mode == "incremental":
            yield Request(f"{self.arguments.base_url}/{edition}/rss", callback=self.parse_rss,
                          errback=self.source_failed)
        for day in self.arguments.days()[1:]:
            yield self.listing_request(edition, day)

    def parse_listing(self, response: Response, edition: str, day: date | None, page: int) -> Iterator[Request]:
        """Article links and the next page of a listing; after a probe, the other days."""
        if response.meta.get("probe"):
            yield from self.after_probe(edition)
        if not isinstance(response, TextResponse):
            self.count_and_log("listing_not_html", "listing is not HTML: %s", response.url, level=logging.ERROR)
            return
        listing = read_listing(response.selector, response.url)
        if not listing.recognised:
            self.count_and_log("listing_unrecognised", "listing markup not recognised, took article links "
                               "from the whole page: %s", response.url, level=logging.WARNING)
        for href, reason in listing.refused:  # special projects, TV etc. are expected: debug only
            self.count_and_log(f"refused_link/{reason}", "link not followed (%s): %s on %s", reason, href,
                               response.url, level=logging.DEBUG if reason == "not_article" else logging.INFO)
        links = listing.links
        if not links and page == 1:
            self.count_and_log("listing_empty", "no articles listed: %s", response.url, level=logging.INFO)
        self.crawler.stats.inc_value("newscrawl/listing_pages")
        if self.arguments.canary:  # the newest articles only: no pagination
            links = links[: self.arguments.canary]
        for url in links:
            yield self.article_request(url)
        next_url = next_page_url(response.selector, response.url)
        if next_url and not self.arguments.canary:
            max_pages = self.settings.getint("NEWSCRAWL_MAX_LISTING_PAGES")
            if page >= max_pages:
                self.count_and_log("listing_page_limit", "stopped following pagination after %d pages "
                                   "(NEWSCRAWL_MAX_LISTING_PAGES): %s", max_pages, response.url,
                                   level=logging.WARNING)
            else:
                yield self.listing_request(edition, day, url=next_url, page=page + 1)

    def listing_failed(self, failure: Failure) -> Iterator[Request]:
        """A listing that failed: a missing edition is skipped, any other failure is reported."""
        request = failed_request(failure)
        edition = request.cb_kwargs["edition"]
        status = failure.value.response.status if failure.check(HttpError) else None
        if request.meta.get("probe") and status == 404:
            self.count_and_log("edition_missing", "edition %r has no archive at %s (404): edition skipped",
                               edition, request.url, level=logging.WARNING)
            return
        self.count_and_log("listing_failed", "listing failed: %s: %s", request.url,
                           failure.getErrorMessage(), level=logging.ERROR)
        if request.meta.get("probe"):
            yield from self.after_probe(edition)

    def parse_article(self, response: Response) -> Iterator[Article]:
        """Hand the page to extraction; a page that breaks it is logged and counted, never fatal."""
        if not isinstance(response, TextResponse):
            self.count_and_log("article_not_html", "article is not HTML: %s", response.url, level=logging.ERROR)
            return
        try:
            article = extract_article(response.selector, response.url, site=self.site, layouts=self.layouts)
        except Exception:  # noqa: BLE001 - one bad page must not end the crawl
            logger.exception("extraction failed: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/extraction_error")
            return
        if self.arguments.in_range(article.published_at):
            article.lastmod = response.meta.get(LASTMOD_KEY)
            yield article
        else:
            # Listed in the range (e.g. again on the next day) but published outside it.
            self.count_and_log("out_of_range", "published %s, outside the range: %s", article.published_at,
                               response.url, level=logging.DEBUG)

    def article_failed(self, failure: Failure) -> None:
        """A removed article (404/410) is counted apart from a transport failure."""
        url = failed_request(failure).url
        status = failure.value.response.status if failure.check(HttpError) else None
        if status in (404, 410):
            self.count_and_log("article_404", "article gone (%s): %s", status, url, level=logging.WARNING)
        else:
            self.count_and_log("article_failed", "article failed: %s: %s", url, failure.getErrorMessage(),
                               level=logging.ERROR)

    def count_and_log(self, stat: str, message: str, *args: Any, level: int) -> None:
        """Every problem is both a log line naming the URL and a ``newscrawl/`` stat."""
        self.crawler.stats.inc_value(f"newscrawl/{stat}")
        logger.log(level, message, *args)
