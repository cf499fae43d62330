"""All incremental-crawl state in one place: the store, this run's record, and what to skip.

``RunState`` (an extension) owns the store for the run; ``SkipKnownMiddleware`` (a spider
middleware) drops requests for articles and sitemaps the store already has in that
version; ``pipelines.StorePipeline`` hands it each article. Spiders never touch the store:
they only mark requests (``meta``) with what the store needs to decide.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FeedExporter
from scrapy.http import Request
from scrapy.utils.project import data_path

from newscrawl.dates import parse_iso
from newscrawl.items import Article, article_from_record, export_record
from newscrawl.outcome import exit_code_for, judge_run
from newscrawl.store import ArticleStore, content_hash, describe, hold_run_lock, is_shared, open_store

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

#: Request meta keys a spider sets (the only contract between spiders and the store).
ARTICLE_KEY = "newscrawl_article"  # the record URL the article will have (store key)
SOURCE_KEY = "newscrawl_source"  # a sitemap's store key
LASTMOD_KEY = "newscrawl_lastmod"  # the lastmod a sitemap gave for the article or sitemap
SKIP_KNOWN_KEY = "newscrawl_skip_known"  # True in incremental runs: skip what the store has

#: Exit codes of ``scrapy crawl`` (set by commands/crawl.py from the stats).
EXIT_FAILED, EXIT_LOCKED, EXIT_STORE = 1, 3, 4


def store_location(settings: Any) -> str | Path:
    """``NEWSCRAWL_STATE`` (a ``postgresql://`` URL is kept as is), else
    ``.scrapy/newscrawl/state.sqlite`` in the project (in the working folder when Scrapy
    finds the project by ``SCRAPY_SETTINGS_MODULE`` alone, without a ``scrapy.cfg``)."""
    location = settings.get("NEWSCRAWL_STATE")
    if location and is_shared(location):
        return str(location)
    if location:
        return Path(location)
    try:
        folder = Path(data_path("newscrawl", createdir=True))
    except NotConfigured:
        folder = Path(".scrapy", "newscrawl")
        folder.mkdir(parents=True, exist_ok=True)
    return folder / "state.sqlite"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _newer(lastmod: str | None, than: str | None) -> bool:
    """Whether ``lastmod`` is later than ``than`` (unknown counts as newer: fetch to be safe)."""
    new, old = parse_iso(lastmod), parse_iso(than)
    return new is None or old is None or new > old


class RunState:
    """The run's store, its run record and outcome; switched on by ``NEWSCRAWL_STATE_ENABLED``."""

    def __init__(self, crawler: Crawler, location: str | Path) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.location = location
        self.lock = hold_run_lock(location)  # None for a shared store: workers run at once
        self.store: ArticleStore = open_store(location)
        self.run_id: int | None = None
        self.mode = "incremental"
        self.sources_read: dict[str, str] = {}
        self._closing: dict[str, bool] = {"spider": False, "feeds": False}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunState:
        if not crawler.settings.getbool("NEWSCRAWL_STATE_ENABLED"):
            raise NotConfigured
        state = cls(crawler, store_location(crawler.settings))
        crawler.signals.connect(state.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(state.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(state.feeds_closed, signal=signals.feed_exporter_closed)
        return state

    # -- decisions --------------------------------------------------------------------------
    def knows_article(self, url: str, lastmod: str | None) -> bool:
        """The store has this article, exported (or being exported by this run), at least as
        new as ``lastmod`` (when given)."""
        stored = self.store.get(url)
        if stored is None or stored.pending_run not in (None, self.run_id):
            return False
        # Stored from a feed or listing (no sitemap lastmod yet): the page's own stamps stand in.
        known = stored.lastmod or stored.record.get("modified_at") or stored.record.get("published_at")
        return lastmod is None or not _newer(lastmod, known)

    def knows_source(self, key: str, lastmod: str | None) -> bool:
        """A sitemap read completely at this ``lastmod`` before (its articles are in the store)."""
        return lastmod is not None and not _newer(lastmod, self.store.source_lastmod(key))

    def source_passed(self, key: str, lastmod: str | None) -> None:
        """Remember a sitemap's lastmod, to be stored when the run ends cleanly."""
        if lastmod:
            self.sources_read[key] = lastmod

    def undelivered(self) -> Iterator[Article]:
        """Articles a killed run stored but never delivered in a complete export: this run
        exports them again, without fetching them again."""
        for url in self.store.pending_urls():
            stored = self.store.get(url)
            if stored is not None and stored.pending_run != self.run_id:
                self.stats.inc_value("newscrawl/store/redelivered")
                yield article_from_record(stored.record, stored.lastmod)

    def keep_article(self, article: Article) -> bool:
        """Store an article; whether the run exports it (new, changed, not yet exported, or backfill)."""
        record = export_record(article)
        previous = self.store.get(article.url)
        if previous is None:
            change = "new"
        elif previous.content_hash != content_hash(record):
            change = "changed"
        else:
            change = "unchanged"
        undelivered = previous is not None and previous.pending_run is not None
        export = self.mode == "backfill" or change != "unchanged" or undelivered
        claimed = self.store.upsert(record, lastmod=article.lastmod, seen_at=_now(),
                                    exported_in=self.run_id if export else None)
        self.stats.inc_value(f"newscrawl/store/{change}")
        # False: another live worker of a shared store already exports this very version.
        return export and claimed is not False

    # -- the run record -----------------------------------------------------------------------
    def spider_opened(self, spider: Any) -> None:
        # Without feeds there is no export to wait for before confirming this run's versions.
        self._closing["feeds"] = self.crawler.get_extension(FeedExporter) is None
        self.mode = getattr(spider, "crawl_mode", "incremental")
        self.run_id = self.store.start_run(spider.name, self.mode, _now())
        logger.info("article store %s: run %d (%s)", describe(self.location), self.run_id, self.mode)

    def spider_closed(self, spider: Any, reason: str) -> None:
        outcome = self.outcome(reason)
        exit_code = exit_code_for(outcome)
        self.stats.set_value("newscrawl/outcome", outcome)
        self.stats.set_value("newscrawl/exit_code", exit_code)
        if outcome == "ok" and self.sources_read:
            self.store.set_source_lastmods(self.sources_read)
        counts = {key.removeprefix("newscrawl/"): value for key, value in self.stats.get_stats().items()
                  if key.startswith("newscrawl/") and isinstance(value, int)}
        assert self.run_id is not None
        self.store.finish_run(self.run_id, ended_at=_now(), outcome=outcome, counts=counts)
        self._close("spider")

    def feeds_closed(self) -> None:
        self._close("feeds")

    def _close(self, part: str) -> None:
        """Once the spider and the feed files are closed, this run's exports are complete."""
        self._closing[part] = True
        if all(self._closing.values()):
            # A run that did not end ok publishes no -O file (feeds.py): the next run re-delivers.
            if self.run_id is not None and self.stats.get_value("newscrawl/outcome") == "ok":
                self.store.confirm_exports(self.run_id)
            self.store.close()
            if self.lock is not None:
                self.lock.release()

    def outcome(self, reason: str) -> str:
        """``ok``; ``interrupted`` (stopped before the end); ``failed`` (site unreachable or too
        many failures): ``outcome.judge_run``, shared with runs without the store."""
        return judge_run(self.stats, self.crawler.settings, reason).outcome

def run_state(crawler: Crawler) -> RunState:
    """The run's store state, for the components that need it; NotConfigured when it is off."""
    state = crawler.get_extension(RunState)
    if state is None:
        raise NotConfigured("the article store is off (NEWSCRAWL_STATE_ENABLED)")
    return state


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
            self.state.source_passed(meta[SOURCE_KEY], lastmod)
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

    def _filter(self, result: Iterable[Any]) -> Iterator[Any]:
        for output in result:
            if not isinstance(output, Request) or self.wanted(output):
                yield output

    def process_spider_output(self, response: Any, result: Iterable[Any]) -> Iterator[Any]:
        return self._filter(result)

    async def process_spider_output_async(self, response: Any, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in result:
            if not isinstance(output, Request) or self.wanted(output):
                yield output
