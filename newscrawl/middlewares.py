"""Transport: retries that honour ``Retry-After``.

Scrapy's RetryMiddleware (2.19) retries a 429 or 503 at once, ignoring ``Retry-After``;
a site that asks us to wait would only throttle us harder. This subclass waits first.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.response import response_status_message

if TYPE_CHECKING:
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

    async def process_response(self, request: Request, response: Response) -> Request | Response:
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
            self.crawler.stats.inc_value("newscrawl/retry_after/seconds", wait)
            logger.info("%s answered %d: waiting %.1fs (Retry-After) before retrying", request.url, response.status, wait)
            await asyncio.sleep(wait)
        return retry
