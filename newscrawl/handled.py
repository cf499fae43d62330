"""When Scrapy is done with a request, from its public hooks: for the Redis scheduler, which
keeps each request it hands out in Redis until then (a worker killed meanwhile loses nothing).

Scrapy has no signal for "this request is finished"; its engine's bookkeeping of it is
private (``engine._slot.inprogress``) and changes between releases. These two middlewares
send newscrawl's own signals (Scrapy's documented way for components to talk), with no cost
when nothing listens:

* ``request_handled``: a response's callback output went through (its requests are
  scheduled) and each item it yielded left the item pipelines (scraped, dropped or failed);
* ``request_failed``: a download attempt failed; its errback runs next, or a retry is
  scheduled at once.

A request that ends some other way (a redirect or a status retry answered by a downloader
middleware, a response dropped by one) is settled when the worker is next idle: then Scrapy
holds nothing at all. Until then it stays in flight: a worker killed meanwhile has it
fetched again, never lost.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.http import Response

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

#: Signals (arguments: ``request``).
request_handled = object()
request_failed = object()


class HandledRequestsMiddleware:
    """Spider middleware closest to the engine: sends ``request_handled`` once a response's
    callback output is consumed and its items are through the pipelines."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.items: Counter[Request] = Counter()  # items still in the pipelines, per request
        self.consuming: set[Request] = set()  # callback output still being read

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HandledRequestsMiddleware:
        middleware = cls(crawler)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(middleware.item_done, signal=signal)
        return middleware

    def _consuming(self, response: Response) -> Request | None:
        if response.request is not None:
            self.consuming.add(response.request)
        return response.request

    def _yielded(self, request: Request | None, output: Any) -> None:
        if request is not None and output is not None and not isinstance(output, Request):
            self.items[request] += 1

    def _consumed(self, request: Request | None) -> None:
        if request is not None:
            self.consuming.discard(request)
            self._settle(request)

    def _settle(self, request: Request) -> None:
        if request not in self.consuming and self.items[request] <= 0:
            self.items.pop(request, None)
            self.crawler.signals.send_catch_log(request_handled, request=request)

    def item_done(self, item: Any, response: Any = None) -> None:
        request = response.request if isinstance(response, Response) else None
        if request is not None and request in self.items:
            self.items[request] -= 1
            self._settle(request)

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterator[Any]:
        request = self._consuming(response)
        try:
            for output in result:
                self._yielded(request, output)
                yield output
        finally:
            self._consumed(request)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        request = self._consuming(response)
        try:
            async for output in result:
                self._yielded(request, output)
                yield output
        finally:
            self._consumed(request)

    def process_spider_exception(self, response: Response, exception: Exception) -> None:
        self._consumed(response.request)


class FailedRequestsMiddleware:
    """Downloader middleware closest to the downloader: sends ``request_failed`` for every
    failed download attempt (before any retry middleware answers it)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailedRequestsMiddleware:
        return cls(crawler)

    def process_exception(self, request: Request, exception: Exception) -> None:
        self.crawler.signals.send_catch_log(request_failed, request=request)
