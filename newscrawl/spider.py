"""The one crawl engine: a base spider that crawls any site from its declaration (``Site``).

A site's spider is ``class XSpider(SiteSpider): name = "x"; site = X``. Backfill reads every
page of each day archive of the range; an incremental run reads the sitemap index (with
``lastmod``), the feeds and the latest listing and lets the store skip what it has; a canary
extracts each edition's newest articles. Every problem is a log line with its URL and a stat.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import date
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.python.failure import Failure

from newscrawl.arguments import ArgumentError, CrawlArguments, parse_arguments
from newscrawl.dates import parse_iso
from newscrawl.discover.archive import archive_url, next_page_url, read_listing
from newscrawl.discover.feeds import rss_links, sitemap_entries
from newscrawl.discover.sitemaps import sitemap_child_wanted
from newscrawl.extract.article import extract_page
from newscrawl.extract.canonical import on_site
from newscrawl.extract.notarticle import LISTING_KEY
from newscrawl.feeding import room_for
from newscrawl.incremental import ARTICLE_KEY, LASTMOD_KEY, SKIP_KNOWN_KEY, SOURCE_KEY, note_fetch
from newscrawl.items import Article
from newscrawl.progress import LISTING_DAY_KEY
from newscrawl.sites.base import Site
from newscrawl.urls import article_request_url, canonical_url, edition_of, rebase, site_domain, url_day

logger = logging.getLogger(__name__)


def failed_request(failure: Failure) -> Request:
    """The request an errback's failure is about (Scrapy sets it on the failure)."""
    return failure.request  # type: ignore[attr-defined,no-any-return]


def failed_status(failure: Failure) -> int | None:
    """The HTTP status of a failed request, None for a transport failure."""
    return failure.value.response.status if failure.check(HttpError) else None


class SiteSpider(scrapy.Spider):
    """Crawl the site of ``site`` (or a copy of it at ``-a base_url=``).

    Arguments (``-a``):

    * ``since``, ``until``: ``YYYY-MM-DD``, inclusive days of the site's zone (the date in the
      article URL where the site's URLs carry one). Both: a backfill of every page of each day
      archive of the range (a WordPress site: its REST API), exported whatever the store holds.
      Neither: an incremental run (sitemaps, feeds, the latest listing) that fetches and exports
      only what is new or changed since the store's version; ``since`` alone limits it.
    * ``editions``: comma-separated subset of the site's editions (default all).
    * ``base_url``: the site root to crawl (default the real site); records keep the site's domain.
    * ``canary``: N: extract only the N newest articles of each edition and report whether
      every field still comes out (exit code 1 if not); the store is left alone.
    """

    site: ClassVar[Site]
    argument_names: ClassVar[tuple[str, ...]] = ("since", "until", "editions", "base_url", "canary")

    def __init__(self, **kwargs: Any) -> None:
        arguments = {name: kwargs.pop(name) for name in self.argument_names if name in kwargs}
        super().__init__(**kwargs)
        self.arguments = self.check_arguments(**arguments)
        self.crawl_mode = self.arguments.mode
        self.allowed_domains = list(dict.fromkeys(
            urlsplit(self.root(edition)).hostname or "" for edition in self.arguments.editions))
        # middlewares.PortOffsiteMiddleware: the port counts too (Scrapy's offsite check ignores it).
        self.allowed_origins = self.origins()

    @classmethod
    def check_arguments(cls, **arguments: str) -> CrawlArguments:
        """Parse the ``-a`` arguments; ArgumentError names the first bad one."""
        unknown = sorted(set(arguments) - set(cls.argument_names))
        if unknown:
            raise ArgumentError(
                f"unknown argument -a {unknown[0]}: expected one of {', '.join(cls.argument_names)}"
            )
        return parse_arguments(site=cls.site, since=arguments.get("since"), until=arguments.get("until"),
                               editions=arguments.get("editions"), base_url=arguments.get("base_url"),
                               canary=arguments.get("canary"))

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if not spider.arguments.uses_store:  # settings are not frozen yet at this point
            crawler.settings.set("NEWSCRAWL_STATE_ENABLED", False, priority="spider")
        return spider

    @classmethod
    def handles_request(cls, request: Request) -> bool:
        """A page on one of the site's hosts: ``scrapy parse URL`` finds the site's spider by it."""
        return on_site(request.url, cls.site, None) is not None

    def root(self, edition: str) -> str:
        """The root an edition is crawled under: its own host on the real site, else ``base_url``."""
        host = self.site.edition(edition).host  # type: ignore[union-attr]
        if host and self.arguments.base_url == self.site.base_url.rstrip("/"):
            return f"{urlsplit(self.site.base_url).scheme}://{host}"
        return self.arguments.base_url

    def origins(self) -> list[str]:
        """Every host the site declares (its editions' own hosts too), on the crawled root's
        scheme and port: a redirect to another port of one of them is offsite."""
        base = urlsplit(self.arguments.base_url)
        hosts = [base.hostname, *(urlsplit(self.root(edition)).hostname for edition in self.site.edition_names)]
        port = f":{base.port}" if base.port else ""
        return [f"{base.scheme}://{host}{port}" for host in dict.fromkeys(hosts) if host]

    async def start(self) -> AsyncIterator[Request]:
        """Backfill: one listing per edition first (it tells whether the edition exists).
        Incremental: the sitemap index, and each edition's latest listing (then its feeds)."""
        index = self.site.discovery.sitemap_index
        if self.crawl_mode == "incremental" and index:
            callback = self.parse_robots if index.endswith("robots.txt") else self.read_sitemap
            yield Request(self.arguments.base_url + index, callback=callback, errback=self.source_failed)
        for edition in self.arguments.editions:
            for request in self.edition_start(edition):
                yield request

    def edition_start(self, edition: str) -> Iterator[Request]:
        """An edition's first requests: its first listing (a probe), or its feeds when the site
        has no latest listing. A crawl strategy of a kit overrides this."""
        days = self.arguments.days()
        listing = self.listing_request(edition, days[0] if days else None, probe=True)
        if listing is not None:
            yield listing
        else:  # no latest listing (a WordPress site): its feeds give the newest articles
            yield from self.after_probe(edition)

    def on_crawled_site(self, url: str) -> str:
        """A sitemap or feed of a copy of the site may name the real site's URLs: crawl the copy."""
        return rebase(url, self.arguments.base_url) if site_domain(url) == self.site.domain else url

    @property
    def copy_root(self) -> str | None:
        """The root of the copy being crawled (``-a base_url``), None on the real site."""
        base_url = self.arguments.base_url
        return None if base_url == self.site.base_url.rstrip("/") else base_url

    def store_key(self, url: str) -> str:
        """The URL a page of the real site has: the store's key, whichever copy is crawled."""
        return rebase(url, self.site.base_url)

    def article_key(self, url: str) -> str:
        """The record URL of an article fetched or listed at ``url``: its key in the store."""
        return canonical_url(self.store_key(url))

    def article_request(self, url: str, lastmod: str | None = None) -> Request:
        """An article page; the meta tells the store what it needs to skip a known version."""
        return Request(url, callback=self.parse_article, errback=self.article_failed, meta={
            ARTICLE_KEY: self.article_key(url), LASTMOD_KEY: lastmod,
            SKIP_KNOWN_KEY: self.crawl_mode == "incremental"})

    def wanted(self, url: str | None) -> bool:
        """An article URL of a chosen edition whose URL day (when it carries one) is in the range."""
        if not url:
            return False
        edition = edition_of(url, self.site)
        return edition is not None and edition in self.arguments.editions and (
            self.arguments.in_range(None, url_day(url, self.site)))

    def parse_robots(self, response: Response) -> Iterator[Request]:
        """``robots.txt``: its ``Sitemap:`` lines are the sitemap indexes.

        @example robots
        @returns requests 1
        """
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield Request(self.on_crawled_site(url), callback=self.read_sitemap, errback=self.source_failed)

    async def read_sitemap(self, response: Response) -> AsyncIterator[Request]:
        """``parse_sitemap`` paced for the crawl: after each ``NEWSCRAWL_FEED_BATCH`` requests, wait
        until fewer than that wait in the scheduler (feeding.py: a 300k-URL sitemap scheduled at once
        held ~900 MB before its first article). The spider middlewares still see every request.
        An engine that stops or stalls gets the rest at once (never dropped: the sitemap's list of
        articles must stay whole, or it would count as read)."""
        batch = self.settings.getint("NEWSCRAWL_FEED_BATCH")
        pacing = batch > 0
        for count, request in enumerate(self.parse_sitemap(response), 1):
            yield request
            if pacing and count % batch == 0 and not await room_for(self.crawler, batch):
                pacing = False
                logger.info("engine stopped or fetching nothing: the rest of %s scheduled at once", response.url)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """A sitemap index (child sitemaps, by edition and ``since``) or a sitemap of articles
        (all at once: the crawl reads it through ``read_sitemap``).

        @example sitemap
        @returns requests 1
        """
        kind, entries = sitemap_entries(response.body)
        since = self.arguments.since
        for loc, lastmod in entries:
            loc = self.on_crawled_site(urljoin(response.url, loc))
            if kind == "sitemapindex":
                if sitemap_child_wanted(loc, self.site, self.arguments.editions, since):
                    yield Request(loc, callback=self.read_sitemap, errback=self.source_failed,
                                  meta={SOURCE_KEY: self.store_key(loc), LASTMOD_KEY: lastmod})
                continue
            url = article_request_url(loc, self.site)
            if not self.wanted(url):
                continue
            modified = parse_iso(lastmod, self.site.tz)
            if since and modified and modified.date() < since:
                continue  # not modified since `since` (the site's day: lastmod may be UTC), so not published since
            yield self.article_request(url, lastmod)  # type: ignore[arg-type]

    def parse_rss(self, response: Response) -> Iterator[Request]:
        """The newest items of an edition (a canary takes its first N).

        @example feed
        @returns requests 1
        """
        links = (self.on_crawled_site(urljoin(response.url, link)) for link in rss_links(response.body))
        urls = [url for url in dict.fromkeys(article_request_url(link, self.site) for link in links)
                if url and self.wanted(url)]
        if self.arguments.canary:
            urls = urls[: self.arguments.canary]
        yield from (self.article_request(url) for url in urls)

    def source_failed(self, failure: Failure) -> None:
        """A sitemap or feed that failed: the other sources still run; counted and logged.
        One that does not exist (404) is noted, not a failure: the listings still cover the site."""
        url = failed_request(failure).url
        if failed_status(failure) == 404:
            self.count_and_log("source_missing", "no sitemap or feed at %s (404)", url, level=logging.WARNING)
        else:
            self.count_and_log("source_failed", "sitemap or feed failed: %s: %s", url, failure.getErrorMessage(),
                               level=logging.ERROR)

    def listing_request(self, edition: str, day: date | None, *, url: str | None = None, page: int = 1,
                        probe: bool = False) -> Request | None:
        """A day archive (or latest listing) page, handled by ``parse_listing``; None when the
        site has no latest listing. Its day in the meta is the progress line's "days listed"."""
        url = url or archive_url(self.root(edition), self.site, edition, day)
        if url is None:
            return None
        return Request(url, callback=self.parse_listing, errback=self.listing_failed,
                       cb_kwargs={"edition": edition, "day": day, "page": page},
                       meta={"probe": probe, LISTING_KEY: self.site.name,
                             LISTING_DAY_KEY: day.isoformat() if day else None})

    def after_probe(self, edition: str) -> Iterator[Request]:
        """Once an edition's first listing answered: the rest of the range, or its feeds."""
        if self.crawl_mode == "incremental" or (self.crawl_mode == "canary" and not self.site.discovery.latest):
            for feed in self.site.discovery.feeds:
                yield Request(self.site.listing_url(feed, self.root(edition), edition), callback=self.parse_rss,
                              errback=self.source_failed)
        for day in self.arguments.days()[1:]:
            yield self.listing_request(edition, day)  # type: ignore[misc]

    def parse_listing(self, response: Response, edition: str | None = None, day: date | None = None,
                      page: int = 1) -> Iterator[Request]:
        """Article links and the next page of a listing; after a probe, the other days. (Without
        arguments, as ``scrapy parse -c parse_listing URL`` calls it: one listing page.)

        @example listing
        @listing
        @returns requests 1
        """
        if response.meta.get("probe"):
            yield from self.after_probe(edition)  # type: ignore[arg-type]
        if not isinstance(response, TextResponse):
            self.count_and_log("listing_not_html", "listing is not HTML: %s", response.url, level=logging.ERROR)
            return
        listing = read_listing(response.selector, response.url, self.site)
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
        next_url = next_page_url(response.selector, response.url, self.site)
        if next_url and not self.arguments.canary:
            max_pages = self.settings.getint("NEWSCRAWL_MAX_LISTING_PAGES")
            if page >= max_pages:
                self.count_and_log("listing_page_limit", "stopped following pagination after %d pages "
                                   "(NEWSCRAWL_MAX_LISTING_PAGES): %s", max_pages, response.url,
                                   level=logging.WARNING)
            else:
                yield self.listing_request(edition, day, url=next_url, page=page + 1)  # type: ignore[arg-type,misc]

    def listing_failed(self, failure: Failure) -> Iterator[Request]:
        """A listing that failed: a missing edition is skipped, a day without posts (where the
        site answers 404 for one) is an empty day, any other failure is reported."""
        request = failed_request(failure)
        edition, day = request.cb_kwargs["edition"], request.cb_kwargs["day"]
        status, probe = failed_status(failure), request.meta.get("probe")
        if status == 404 and day is not None and self.site.discovery.missing_day_is_empty:
            if request.cb_kwargs["page"] == 1:
                self.count_and_log("listing_empty", "no articles listed (404): %s", request.url, level=logging.INFO)
        elif probe and status == 404:
            self.count_and_log("edition_missing", "edition %r has no archive at %s (404): edition skipped",
                               edition, request.url, level=logging.WARNING)
            return
        else:
            self.count_and_log("listing_failed", "listing failed: %s: %s", request.url,
                               failure.getErrorMessage(), level=logging.ERROR)
        if probe:
            yield from self.after_probe(edition)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Article]:
        """An article page (``scrapy parse URL``)."""
        return self.parse_article(response)

    def parse_article(self, response: Response) -> Iterator[Article]:
        """Hand the page to extraction; a page that breaks it is logged and counted, never fatal.

        @example article
        @layout
        @returns items 1 1
        @exported url site language title lead body published_at
        """
        if not isinstance(response, TextResponse):
            self.count_and_log("article_not_html", "article is not HTML: %s", response.url, level=logging.ERROR)
            return
        try:
            article, page = extract_page(response.selector, response.url, site=self.site, copy_root=self.copy_root,
                                         redirected_from=response.meta.get("redirect_urls", ()))
        except Exception:  # noqa: BLE001 - one bad page must not end the crawl
            logger.exception("extraction failed: %s", response.url)
            self.crawler.stats.inc_value("newscrawl/extraction_error")
            return
        if page.untrusted:
            self.count_and_log(f"canonical_untrusted/{page.untrusted}", "canonical link not trusted (%s): %s "
                               "names %s; the record keeps %s", page.untrusted, response.url,
                               page.canonical, article.url,
                               level=logging.WARNING)
        if self.arguments.in_range(article.published_at, url_day(article.url, self.site)):
            note_fetch(article, response, self.article_key)  # lastmod and every URL it came under
            yield article
        else:
            # Listed in the range (e.g. again on the next day) but published outside it.
            self.count_and_log("out_of_range", "published %s, outside the range: %s", article.published_at,
                               response.url, level=logging.DEBUG)

    def article_failed(self, failure: Failure) -> None:
        """A removed article (404/410) is counted apart from a transport failure."""
        url = failed_request(failure).url
        status = failed_status(failure)
        if status in (404, 410):
            self.count_and_log("article_404", "article gone (%s): %s", status, url, level=logging.WARNING)
        else:
            self.count_and_log("article_failed", "article failed: %s: %s", url, failure.getErrorMessage(),
                               level=logging.ERROR)

    def count_and_log(self, stat: str, message: str, *args: Any, level: int) -> None:
        """Every problem is both a log line naming the URL and a ``newscrawl/`` stat."""
        self.crawler.stats.inc_value(f"newscrawl/{stat}")
        logger.log(level, message, *args)
