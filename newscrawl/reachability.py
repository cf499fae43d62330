"""A site that never answers ends the run at once, with one line that says why.

Without this, an unreachable site (a DNS name that does not resolve, a refused connection,
a timeout) costs every request of the run its retries, each with an ERROR line (and a
chained traceback from the robots.txt middleware), and the run ends minutes later without
saying why. ``UnreachableSiteMiddleware`` sits before Scrapy's retries (its
``process_exception`` sees each attempt first) and, for a host that has not answered once in
this run:

* a DNS failure is final at once (retrying a name that does not resolve changes nothing);
* any other transport failure is retried as usual (``RETRY_TIMES``) and final at the last
  attempt;
* on a final failure the host is marked unreachable: one ERROR line, the stat
  ``newscrawl/unreachable`` (the reason the summary line and the outcome give), its further
  requests are dropped before any connection, and when no host of the run ever answered the
  run closes with the finish reason ``site_unreachable`` (outcome ``failed``, exit code 1).

A host that answered once (any status) is never declared unreachable: later failures of
a live site go through the normal retries and failure counts. Switched on by
``NEWSCRAWL_STOP_UNREACHABLE`` (``scrapy crawl`` sets it): an interactive ``scrapy shell``
keeps Scrapy's own behaviour, and can fetch a host again once it answers.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotConfigured,
)
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import ConnectError, DNSLookupError

from newscrawl.outcome import SITE_UNREACHABLE, UNREACHABLE_STAT

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

logger = logging.getLogger(__name__)

#: Transport failures that mean "no connection to the site", with the words the log uses.
#: (Scrapy 2.13+ wraps Twisted's errors in its own; the Twisted ones are kept for older wraps.)
NO_CONNECTION: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((CannotResolveHostError, DNSLookupError), "DNS lookup failed"),
    ((DownloadConnectionRefusedError,), "connection refused"),
    ((DownloadTimeoutError,), "timed out"),
    ((ConnectError,), "could not connect"),
)


def no_connection(exception: BaseException) -> str | None:
    """Why no connection was made (``DNS lookup failed``, ...), or None for other failures."""
    for types, cause in NO_CONNECTION:
        if isinstance(exception, types):
            return cause
    return None


class UnreachableSiteMiddleware:
    """Downloader middleware (priority above RetryMiddleware's 550): see the module."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.retries = crawler.settings.getint("RETRY_TIMES") if crawler.settings.getbool("RETRY_ENABLED") else 0
        self.answered: set[str] = set()
        self.unreachable: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UnreachableSiteMiddleware:
        if not crawler.settings.getbool("NEWSCRAWL_STOP_UNREACHABLE"):
            raise NotConfigured
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        cause = self.unreachable.get(urlparse_cached(request).netloc)
        if cause:
            raise IgnoreRequest(f"site unreachable: {cause}")

    def process_response(self, request: Request, response: Response) -> Response:
        self.answered.add(urlparse_cached(request).netloc)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        host = urlparse_cached(request).netloc
        cause = no_connection(exception)
        if cause is None or host in self.answered or not self.last_attempt(request, exception):
            return  # not a connection failure, a live site, or RetryMiddleware tries again
        if host not in self.unreachable:
            self.declare(host, cause, request)
        raise IgnoreRequest(f"site unreachable: {self.unreachable[host]}")

    def last_attempt(self, request: Request, exception: Exception) -> bool:
        if isinstance(exception, CannotResolveHostError | DNSLookupError) or request.meta.get("dont_retry"):
            return True
        return int(request.meta.get("retry_times", 0)) >= int(request.meta.get("max_retry_times", self.retries))

    def declare(self, host: str, cause: str, request: Request) -> None:
        self.unreachable[host] = cause
        attempts = int(request.meta.get("retry_times", 0)) + 1
        logger.error("site unreachable: %s for %s (%d attempt(s) at %s, no answer in this run): its requests are "
                     "dropped", cause, host, attempts, request.url)
        stats = self.crawler.stats
        assert stats is not None
        stats.set_value(UNREACHABLE_STAT, f"site unreachable: {cause}")
        stats.inc_value("newscrawl/unreachable_hosts")
        if not self.answered and self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=SITE_UNREACHABLE))
