"""Transport: retries that honour ``Retry-After``, pages that answer 200 but are not the page,
the port in the offsite check, gzipped sitemap files, and encodings the bytes contradict.

Scrapy's RetryMiddleware (2.19) retries a 429 or 503 at once, ignoring ``Retry-After``;
a site that asks us to wait would only throttle us harder. This subclass waits first.
A bot challenge or maintenance page comes with status 200, so no status-based retry sees it:
``NotArticleMiddleware`` reads the page (``extract/notarticle.py``) and retries or drops it.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, urlsplit

from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message

from newscrawl.encodings import UNDECODABLE, true_encoding
from newscrawl.extract.notarticle import EMPTY_LISTING, listing_site, page_problem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - (now or datetime.now(timezone.utc))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Retry like Scrapy does, but on 429/503 first wait what ``Retry-After`` asks.

    The wait is capped by ``RETRY_AFTER_MAX`` seconds (a hostile or broken header must
    not stall a crawl for hours); above the cap the request is retried after the cap.
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    async def process_response(  # type: ignore[override]  # a coroutine, as Scrapy allows
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = retry_after_seconds(response.headers.get("Retry-After")) if response.status in (429, 503) else None
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if wait:
            wait = min(wait, self.max_wait)
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("newscrawl/retry_after/waits")
            self.crawler.stats.inc_value("newscrawl/retry_after/seconds", wait)  # type: ignore[arg-type]
            logger.info("%s answered %d: waiting %.1fs (Retry-After) before retrying", request.url, response.status, wait)
            await asyncio.sleep(wait)
        return retry


class NotArticleMiddleware:
    """Retry a 200 page that is not the page asked for (bot challenge, maintenance page, empty
    JavaScript shell, a day archive listing nothing): it is often gone on a second try.

    When retries run out the page is reported with its URL and counted under
    ``newscrawl/not_article/<reason>``: a challenge, maintenance or shell page is dropped
    (``IgnoreRequest``: the request's errback counts it as a failed article or listing), never
    exported as an empty article; an empty listing goes on to the spider, which reads it as a
    day without items, but never silently. Retries count in ``retry/count`` like any other.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_retries = crawler.settings.getint("NEWSCRAWL_NOT_ARTICLE_RETRIES", 2)
        self.empty_listing_retries = crawler.settings.getint("NEWSCRAWL_EMPTY_LISTING_RETRIES", 1)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NotArticleMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status != 200 or not isinstance(response, HtmlResponse) or request.meta.get("dont_retry"):
            return response
        reason = page_problem(response.selector, response.url, listing=listing_site(request.meta))
        if reason is None:
            return response
        empty_listing = reason == EMPTY_LISTING
        assert self.crawler.spider is not None and self.crawler.stats is not None
        retry = get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=f"not_article/{reason}",
            max_retry_times=self.empty_listing_retries if empty_listing else self.max_retries,
            give_up_log_level=logging.DEBUG,  # the line below says it, with the reason
        )
        if retry is not None:
            return retry
        self.crawler.stats.inc_value("newscrawl/not_article")  # the total, for the summary line
        self.crawler.stats.inc_value(f"newscrawl/not_article/{reason}")
        if empty_listing:
            logger.warning("archive lists no articles, also on retry (a day without news, or a broken "
                           "listing): %s", response.url)
            return response
        logger.error("not the page asked for but a %s page, also on retry: dropped: %s", reason, response.url)
        raise IgnoreRequest(f"{reason} page instead of the requested one")


_DEFAULT_PORTS = {"http": 80, "https": 443}
#: The spider attribute listing the origins (scheme, host, port) it crawls, e.g. its ``base_url``.
ALLOWED_ORIGINS_ATTR = "allowed_origins"


def _port(parts: Any) -> int | None:
    return parts.port or _DEFAULT_PORTS.get(parts.scheme)


@functools.lru_cache(maxsize=8)
def _origins(origins: tuple[str, ...]) -> list[SplitResult]:
    return [urlsplit(origin) for origin in origins]


class PortOffsiteMiddleware(OffsiteMiddleware):
    """Scrapy's offsite check, plus the port, which it ignores: on the host of one of the
    spider's ``allowed_origins`` (``ALLOWED_ORIGINS_ATTR``) only that origin's port is followed (80 and 443 both when it
    uses a default one, for http -> https), so a redirect to another service of the same
    host (``127.0.0.1:6379``) is refused as offsite."""

    def should_follow(self, request: Request, spider: Any) -> bool:
        if not super().should_follow(request, spider):
            return False
        origins = _origins(tuple(getattr(spider, ALLOWED_ORIGINS_ATTR, ())))
        parts = urlparse_cached(request)
        ports = {_port(origin) for origin in origins if origin.hostname == parts.hostname}
        if not ports:
            return True  # not an origin's host (an allowed subdomain): the host rule decides
        if ports <= set(_DEFAULT_PORTS.values()):
            ports |= set(_DEFAULT_PORTS.values())
        return _port(parts) in ports


class GunzipSitemapMiddleware:
    """A gzipped file (``sitemap-1.xml.gz``, served as a file, not with Content-Encoding),
    unpacked within ``DOWNLOAD_MAXSIZE`` (a gzip bomb is refused, the request's errback
    counts it); Scrapy's own SitemapSpider does the same with ``scrapy.utils.gz.gunzip``."""

    def __init__(self, max_size: int) -> None:
        self.max_size = max_size

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GunzipSitemapMiddleware:
        return cls(crawler.settings.getint("DOWNLOAD_MAXSIZE"))

    def process_response(self, request: Request, response: Response) -> Response:
        if not gzip_magic_number(response):
            return response
        max_size = request.meta.get("download_maxsize", self.max_size)
        try:
            body = gunzip(response.body, max_size=max_size)
        except ValueError:
            raise IgnoreRequest(f"gzipped file larger than DOWNLOAD_MAXSIZE ({max_size}) when unpacked: "
                                f"{response.url}") from None
        except (OSError, EOFError) as error:
            raise IgnoreRequest(f"not a readable gzip file ({error}): {response.url}") from None
        return response.replace(body=body)


class EncodingMiddleware:
    """Decode a page by what its bytes are when they contradict its declared encoding
    (``encodings.true_encoding``): counted under ``newscrawl/encoding/fixed``. Bytes in no
    encoding we can tell are counted under ``newscrawl/encoding/undecodable`` and logged with
    the URL: their text may hold replacement characters."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EncodingMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, HtmlResponse):
            return response
        encoding = true_encoding(response.body, response.encoding)
        if encoding is None:
            return response
        assert self.crawler.stats is not None
        if encoding == UNDECODABLE:
            self.crawler.stats.inc_value("newscrawl/encoding/undecodable")
            logger.warning("page has invalid bytes for its encoding %s (its text may hold \ufffd): %s",
                           response.encoding, response.url)
            return response
        self.crawler.stats.inc_value("newscrawl/encoding/fixed")
        logger.info("page declared %s but its bytes are %s: decoded as %s: %s", response.encoding, encoding,
                    encoding, response.url)
        return response.replace(encoding=encoding)
