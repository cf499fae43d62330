"""The crawl strategy of a site we have no module for: its sources are found, not declared.

``SiteSpider`` with the declaration made at run time from ``-a url=`` (``sites/news.py``) and
discovery overridden: robots.txt's sitemaps (else the usual places), the feeds the home page
announces (else the usual places), the WordPress REST API when the home page announces one.
The articles of the range are chosen by the dates the sources give (sitemap ``lastmod``, feed
and API dates, the date in the URL); undated ones are fetched and their page's date decides.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scrapy.http import Request, Response, TextResponse

from newscrawl.arguments import ArgumentError, CrawlArguments, parse_arguments
from newscrawl.discover.autodiscover import (
    Entry,
    child_sitemap_wanted,
    choose_articles,
    feed_candidates,
    feed_entries,
    page_feeds,
    robots_sitemaps,
    sitemap_candidates,
    sitemap_entries,
    wordpress_api_root,
    wordpress_posts,
    wordpress_posts_url,
)
from newscrawl.incremental import LASTMOD_KEY, SOURCE_KEY
from newscrawl.kits.wordpress import api_total_pages
from newscrawl.sites.news import NewsSite, site_for_url
from newscrawl.spider import SiteSpider
from newscrawl.urls import article_request_url, site_domain

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewsArguments(CrawlArguments):
    """The crawl arguments and the site they name."""

    site: NewsSite | None = None


def parse_site_url(value: str | None) -> str:
    """The news site's address: ``http(s)://host[:port]`` (a path is dropped)."""
    if not value:
        raise ArgumentError("-a url= is required: the news site to crawl, e.g. -a url=https://site.kz")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArgumentError(f"-a url={value!r} is not a web address: expected http(s)://host[:port]")
    return f"{parts.scheme}://{parts.netloc}"


def parse_zone(value: str | None) -> str | None:
    """An IANA zone name (``Asia/Almaty``) for the dates a page prints without an offset."""
    if value is None:
        return None
    try:
        ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ArgumentError(f"-a timezone={value!r} is not a time zone: expected an IANA name such as "
                            "Asia/Almaty") from None
    return value.strip()


class NewsSpider(SiteSpider):
    """Crawl any news site from its address: ``scrapy crawl news -a url=https://site.kz``.

    Arguments (``-a``): ``url`` (required: the site; records carry its domain), ``timezone``
    (IANA name: printed dates are read in it, stamps written in it; default: each stamp keeps
    the page's own offset), ``since``/``until`` (``YYYY-MM-DD``: a backfill of the range;
    neither: an incremental run), ``base_url`` (a copy of the site to fetch instead), ``canary``
    (N: the N newest articles of each source, checked field by field).
    """

    argument_names = ("url", "timezone", "since", "until", "base_url", "canary")
    custom_settings = {"NEWSCRAWL_CANARY_MAX_FALLBACK": 1.0}  # no layouts: every page is generic

    @property  # type: ignore[override]  # the class has no site: the arguments make it
    def site(self) -> NewsSite:  # type: ignore[override]
        return self.arguments.site  # type: ignore[attr-defined,no-any-return]

    @classmethod
    def handles_request(cls, request: Request) -> bool:
        """No URL names this spider's site before ``-a url=`` does: ``scrapy parse`` takes it only
        as ``--spider=news``, never for a page of a site that has a module of its own."""
        return False

    @classmethod
    def check_arguments(cls, **arguments: str) -> CrawlArguments:
        unknown = sorted(set(arguments) - set(cls.argument_names))
        if unknown:
            raise ArgumentError(f"unknown argument -a {unknown[0]}: expected one of {', '.join(cls.argument_names)}")
        site = site_for_url(parse_site_url(arguments.get("url")), parse_zone(arguments.get("timezone")))
        parsed = parse_arguments(site=site, since=arguments.get("since"), until=arguments.get("until"),
                                 editions=None, base_url=arguments.get("base_url"), canary=arguments.get("canary"))
        return NewsArguments(**{field.name: getattr(parsed, field.name) for field in fields(parsed)}, site=site)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if site_domain(self.arguments.base_url) == self.site.domain:  # not a copy: www., bare, subdomains
            self.allowed_domains = [self.site.domain]

    def on_site(self, url: str) -> bool:
        """A URL of the crawled host, or of the site's domain or a subdomain of it."""
        host = urlsplit(url).hostname or ""
        domain = site_domain(url)
        return host == urlsplit(self.arguments.base_url).hostname or domain == self.site.domain or (
            domain.endswith("." + self.site.domain))

    async def start(self) -> AsyncIterator[Request]:
        """robots.txt (its sitemaps) and the home page (its feeds, the WordPress API)."""
        root = self.arguments.base_url
        yield Request(root + "/robots.txt", callback=self.parse_robots, errback=self.robots_failed)
        yield Request(root + "/", callback=self.parse_home, errback=self.home_failed)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        text = response.text if isinstance(response, TextResponse) else ""
        yield from self.sitemap_requests(robots_sitemaps(text, response.url)
                                         or sitemap_candidates(self.arguments.base_url + "/"))

    def robots_failed(self, failure: Any) -> Iterator[Request]:
        self.source_failed(failure)
        yield from self.sitemap_requests(sitemap_candidates(self.arguments.base_url + "/"))

    def sitemap_requests(self, urls: Iterable[str], lastmod: str | None = None) -> Iterator[Request]:
        for url in urls:
            url = self.on_crawled_site(url)
            if not self.on_site(url):
                self.count_and_log("source_offsite", "sitemap on another host, not followed: %s (is that the "
                                   "site's own name? crawl -a url= it, -a base_url= this copy)", url,
                                   level=logging.WARNING)
                continue
            yield Request(url, callback=self.parse_sitemap, errback=self.source_failed,
                          meta={SOURCE_KEY: self.store_key(url), LASTMOD_KEY: lastmod})

    def parse_home(self, response: Response) -> Iterator[Request]:
        """The feeds the page announces (else the usual places); the REST API when announced."""
        selector = response.selector if isinstance(response, TextResponse) else None
        link = response.headers.get("Link")
        api = wordpress_api_root(selector, response.url, link.decode("latin-1") if link else None)
        if api:
            yield self.api_request(self.on_crawled_site(api), 1)
        announced = page_feeds(selector, response.url) if selector is not None else []
        for url in announced or feed_candidates(self.arguments.base_url + "/"):
            yield Request(self.on_crawled_site(url), callback=self.parse_feed, errback=self.source_failed)

    def home_failed(self, failure: Any) -> Iterator[Request]:
        self.source_failed(failure)
        yield from (Request(url, callback=self.parse_feed, errback=self.source_failed)
                    for url in feed_candidates(self.arguments.base_url + "/"))

    def api_request(self, api_root: str, page: int) -> Request:
        url = wordpress_posts_url(api_root, self.arguments.since, self.arguments.until, page)
        return Request(url, callback=self.parse_api, errback=self.source_failed,
                       cb_kwargs={"api_root": api_root, "page": page})

    def parse_api(self, response: Response, api_root: str, page: int) -> Iterator[Request]:
        """One page of posts; in a backfill, the other pages ``X-WP-TotalPages`` announces (bounded)."""
        self.crawler.stats.inc_value("newscrawl/api_pages")
        yield from self.entry_requests(wordpress_posts(response.body), response.url, publication_dates=True)
        if page == 1 and self.crawl_mode == "backfill":
            total = min(api_total_pages(response.headers.get("X-WP-TotalPages")),
                        self.settings.getint("NEWSCRAWL_MAX_LISTING_PAGES"))
            yield from (self.api_request(api_root, n) for n in range(2, total + 1))

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """A sitemap index (the children that can hold the range) or a sitemap of articles."""
        kind, entries = sitemap_entries(response.body)
        entries = [Entry(self.on_crawled_site(urljoin(response.url, e.url)), e.when, e.source) for e in entries]
        if kind == "sitemapindex":
            for entry in entries:
                if child_sitemap_wanted(entry, self.arguments.since, self.arguments.until):
                    yield from self.sitemap_requests([entry.url], entry.when.isoformat() if entry.when else None)
            return
        # lastmod can be after the range for an article published in it: the page's date decides
        news = all(entry.source == "sitemap-news" for entry in entries)
        yield from self.entry_requests(entries, response.url, publication_dates=news)

    def parse_feed(self, response: Response) -> Iterator[Request]:
        yield from self.entry_requests(feed_entries(response.body), response.url, publication_dates=True)

    def entry_requests(self, entries: list[Entry], source: str, *, publication_dates: bool) -> Iterator[Request]:
        """Article requests for the entries of the range (their dates are publication dates, or
        modification dates that only bound the range from below); the newest N for a canary."""
        entries = [Entry(self.on_crawled_site(urljoin(self.arguments.base_url, e.url)), e.when, e.source)
                   for e in entries]
        if self.arguments.canary:
            entries = sorted(entries, key=lambda e: e.when.timestamp() if e.when else 0, reverse=True)
        until = self.arguments.until if publication_dates else None
        host = urlsplit(self.arguments.base_url).hostname
        chosen, undated = choose_articles(entries, self.arguments.since, until, host)
        urls = [*chosen, *undated][: self.arguments.canary or None]
        logger.info("source %s: %d entries, %d of the range, %d undated", source, len(entries), len(chosen),
                    len(undated))
        lastmods = {e.url: e.when.isoformat() for e in entries if e.when and e.source == "sitemap"}
        for url in urls:
            request_url = article_request_url(url, self.site)
            if request_url:
                yield self.article_request(request_url, lastmods.get(url))
        self.crawler.stats.inc_value("newscrawl/undated_entries", len(undated))
