"""Progress a person can read during long work.

* ``CrawlProgress`` (extension): every ``NEWSCRAWL_PROGRESS_INTERVAL`` seconds (60 in
  ``scrapy crawl``, off in Scrapy's other commands; 0 switches it off) one log line: days of the range listed, articles stored and exported,
  articles per minute, and the time left, estimated from the requests still to come.
* ``ExportProgress``: ``scrapy export``'s progress on stderr: a bar redrawn in place on a
  terminal (the selection is counted first, for the total), plain lines every few seconds
  otherwise (cron mail, a log file).

A backfill's spider marks each listing request with ``LISTING_DAY_KEY`` (``meta``, the
day as ``YYYY-MM-DD``) and gives its range as ``arguments.days()``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Protocol, cast

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response

    from newscrawl.store import ArticleStore, StoredArticle

logger = logging.getLogger(__name__)

#: Request meta: the day (``YYYY-MM-DD``) a listing page lists.
LISTING_DAY_KEY = "newscrawl_listing_day"


class HasDays(Protocol):
    def days(self) -> list[Any]: ...


def duration(seconds: float) -> str:
    """``2h05m``, ``4m10s``, ``12s``."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def time_left(elapsed: float, requests_done: int, requests_queued: int, days: int, days_listed: int) -> float | None:
    """Seconds left: the requests queued, plus for each day not yet listed as many as a listed day
    has cost so far, at the run's request rate; None before there is a rate to go by."""
    if not requests_done or elapsed <= 0 or (days and not days_listed):
        return None
    per_day = requests_done / days_listed if days_listed else 0
    remaining = requests_queued + per_day * max(0, days - days_listed)
    return remaining / (requests_done / elapsed)


class CrawlProgress:
    """Logs a progress line every ``NEWSCRAWL_PROGRESS_INTERVAL`` seconds (see the module)."""

    def __init__(self, crawler: Crawler, interval: float) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.interval = interval
        self.listed: set[str] = set()
        self.days = 0
        self.started = time.monotonic()
        self.ticker = LoopingCall(self.log_progress)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        interval = crawler.settings.getfloat("NEWSCRAWL_PROGRESS_INTERVAL", 0.0)
        if interval <= 0:
            raise NotConfigured
        progress = cls(crawler, interval)
        crawler.signals.connect(progress.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.response_received, signal=signals.response_received)
        crawler.signals.connect(progress.spider_closed, signal=signals.spider_closed)
        return progress

    def spider_opened(self, spider: Any) -> None:
        arguments = cast("HasDays | None", getattr(spider, "arguments", None))
        self.days = len(arguments.days()) if arguments is not None and hasattr(arguments, "days") else 0
        self.started = time.monotonic()
        self.ticker.start(self.interval, now=False)

    def response_received(self, response: Response, request: Request) -> None:
        day = request.meta.get(LISTING_DAY_KEY)
        if day:
            self.listed.add(str(day))

    def spider_closed(self) -> None:
        if self.ticker.running:
            self.ticker.stop()

    def progress_line(self) -> str:
        get = self.stats.get_value
        elapsed = time.monotonic() - self.started
        exported = get("item_scraped_count", 0)
        stored = sum(get(f"newscrawl/store/{change}", 0) for change in ("new", "changed", "unchanged"))
        # Scrapy's scheduler counts scheduler/*; the Redis one, shared by workers, scheduler/*/redis.
        done = get("scheduler/dequeued", 0) or get("scheduler/dequeued/redis", 0)
        queued = get("scheduler/enqueued", 0) - get("scheduler/dequeued", 0)
        parts = []
        if self.days:
            listed = len(self.listed)
            parts.append(f"days {listed}/{self.days} listed ({listed / self.days:.0%})")
        parts.append(f"articles {stored} stored, {exported} exported, {exported / max(elapsed, 1e-9) * 60:.1f}/min")
        parts.append(f"requests {done} done, {max(queued, 0)} queued")
        left = time_left(elapsed, done, max(queued, 0), self.days, len(self.listed))
        parts.append(f"time left ~{duration(left)}" if left is not None else "time left: not known yet")
        return "progress: " + " | ".join(parts)

    def log_progress(self) -> None:
        logger.info("%s", self.progress_line())


class ExportProgress:
    """Records written by ``scrapy export``: a bar on a terminal, plain lines otherwise."""

    def __init__(self, stream: IO[str], total: int | None, *, every: float = 5.0) -> None:
        self.stream, self.total, self.every = stream, total, every
        self.count = 0
        self.started = self.shown = time.monotonic()

    @classmethod
    def on(cls, stream: IO[str], count: Any) -> ExportProgress:
        """A bar if ``stream`` is a terminal (``count()`` gives its total), plain lines if not."""
        terminal = stream.isatty()
        return cls(stream, count() if terminal else None, every=0.2 if terminal else 5.0)

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.count / elapsed if elapsed > 0 else 0.0
        if self.total is None:
            return f"export: {self.count:,} articles written ({rate:,.0f}/s)"
        share = self.count / self.total if self.total else 1.0
        bar = "#" * int(share * 30)
        left = (self.total - self.count) / rate if rate else 0.0
        return (f"export [{bar:<30}] {share:4.0%} {self.count:,}/{self.total:,} articles, {rate:,.0f}/s, "
                f"{duration(left)} left")

    def advance(self) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.shown >= self.every:
            self.shown = now
            self.show()

    def show(self, end: str = "") -> None:
        if self.total is None:
            print(self.line(), file=self.stream, flush=True)
        else:
            print("\r" + self.line(), end=end, file=self.stream, flush=True)

    def finish(self) -> None:
        if self.total is not None:
            self.show(end="\n")

    def watch(self, store: ArticleStore) -> ArticleStore:
        """``store``, whose ``iter_articles`` advances this progress at each article read."""
        return cast("ArticleStore", _WatchedStore(store, self))


class _WatchedStore:
    """A store whose article iteration reports to an ``ExportProgress``; the rest as is."""

    def __init__(self, store: ArticleStore, progress: ExportProgress) -> None:
        self._store, self._progress = store, progress

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def iter_articles(self, **selection: Any) -> Iterator[StoredArticle]:
        for article in self._store.iter_articles(**selection):
            yield article
            self._progress.advance()
