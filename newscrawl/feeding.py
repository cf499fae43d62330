"""Backpressure for a callback that lists many requests (a sitemap of 300,000 URLs).

Scrapy consumes a callback's output without backpressure: every request it yields goes
through the spider middlewares into the scheduler at once. A sitemap of 300k URLs so held
~900 MB of requests, and took ~50 s to schedule them, before its first article was fetched.
An asynchronous callback that awaits ``room_for`` after each batch keeps under two batches
waiting in the scheduler (the next is fed once fewer than one wait), while the requests still leave through the spider
middlewares (each gets its skip decision; a sitemap counts its articles as before).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

#: Seconds between two looks at the scheduler while a batch drains.
POLL = 0.05
#: Looks in a row with requests waiting but nothing downloading before feeding anyway: the
#: engine pulls nothing while it backs out (e.g. responses larger than
#: ``SCRAPER_SLOT_MAX_ACTIVE_SIZE`` in the scraper), and waiting then would never end.
STALLED_LOOKS = 10
#: The stat counting batches fed without room (the engine stalled).
STALLED_STAT = "newscrawl/feed_stalled"


def waiting(crawler: Crawler) -> int:
    """Requests in the scheduler (with the Redis scheduler: in the crawl job's shared queue)."""
    scheduler = crawler.engine.scheduler if crawler.engine else None
    return len(scheduler) if scheduler is not None else 0  # type: ignore[arg-type]


async def room_for(crawler: Crawler, batch: int) -> bool:
    """Return once fewer than ``batch`` requests wait in the scheduler: True; False at once when
    the engine stops (Ctrl-C: what is left goes to the scheduler, to a JOBDIR's disk queue, or to
    the Redis queue, rather than be lost), or once it stalled (fetching nothing: a spider closing
    for another reason fetches nothing more, and must not wait for batches that never drain)."""
    from twisted.internet import reactor  # the one Scrapy installed (importing it earlier installs the default)

    stalled = 0
    while waiting(crawler) >= batch and crawler.engine is not None and crawler.engine.running:
        stalled = stalled + 1 if not crawler.engine.downloader.active else 0
        if stalled >= STALLED_LOOKS:
            crawler.stats.inc_value(STALLED_STAT)
            return False
        await maybe_deferred_to_future(deferLater(reactor, POLL, lambda: None))
    return crawler.engine is not None and crawler.engine.running
