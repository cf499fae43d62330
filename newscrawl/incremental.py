"""All incremental-crawl state in one place: the store, this run's record, and what to skip.

``RunState`` (an extension) owns the store for the run; ``known.SkipKnownMiddleware`` (a
spider middleware) drops requests for articles and sitemaps the store already has in that
version; ``pipelines.StorePipeline`` hands it each article. Spiders never touch the store:
they only mark requests (``meta``) with what the store needs to decide, and stamp each
article with how it was fetched (``note_fetch``).

What is remembered is what was done, never what was asked for: a sitemap counts as read
(its ``lastmod`` kept) only once its response was parsed to the end and every article it
listed was stored or answered 404/410 in this run; anything else is due again next run.
A store that fails to write fails the run (outcome ``store_failed``, exit code 4).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FeedExporter, FileFeedStorage
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.project import data_path

from newscrawl.dates import parse_iso
from newscrawl.items import Article, article_from_record, export_record
from newscrawl.outcome import (
    EXIT_CODE_STAT,
    OUTCOME_OK,
    OUTCOME_STAT,
    OUTCOME_STORE_FAILED,
    STORE_FAILED_STAT,
    exit_code_for,
    judge_run,
)
from newscrawl.sites import site_of
from newscrawl.store import (
    ArticleStore,
    StoreError,
    content_hash,
    describe,
    hold_run_lock,
    is_shared,
    open_store,
)

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

#: Request meta keys a spider sets (the only contract between spiders and the store).
ARTICLE_KEY = "newscrawl_article"  # the record URL the article will have (store key)
SOURCE_KEY = "newscrawl_source"  # a sitemap's store key
LASTMOD_KEY = "newscrawl_lastmod"  # the lastmod a sitemap gave for the article or sitemap
SKIP_KNOWN_KEY = "newscrawl_skip_known"  # True in incremental runs: skip what the store has



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


def note_fetch(article: Article, response: Response, store_key: Callable[[str], str]) -> None:
    """Stamp an article with what the store needs: the sitemap ``lastmod`` it was listed
    with, and every URL it was listed or fetched under (the request's key, redirects, the
    final URL), so that the next run recognises it by any of them. ``store_key`` maps a
    URL of the crawled copy to the site's own (the spider's rebasing)."""
    meta = response.meta
    article.lastmod = meta.get(LASTMOD_KEY)
    keys = [meta.get(ARTICLE_KEY), *(store_key(url) for url in meta.get("redirect_urls", ())), store_key(response.url)]
    article.fetched_as = [key for key in dict.fromkeys(keys) if key and key != article.url]


def delivered(run_started: str, paths: Iterable[str], writing: Iterable[str] = ()) -> bool:
    """Whether every feed file of a run got its final name: written since the run started,
    and no ``NAME.part`` left (``feeds.AtomicFileFeedStorage`` renames ``NAME.part`` to NAME),
    except the ``NAME.part`` of a file the current run is ``writing`` itself (``-O`` to one name)."""
    started = parse_iso(run_started)
    paths, writing = list(paths), set(writing)
    for path in paths:
        final = Path(path)
        if (path not in writing and Path(f"{path}.part").exists()) or not final.is_file() or started is None:
            return False
        if datetime.fromtimestamp(final.stat().st_mtime, timezone.utc) < started:
            return False
    return bool(paths)


class RunState:
    """The run's store, its run record and outcome; switched on by ``NEWSCRAWL_STATE_ENABLED``."""

    def __init__(self, crawler: Crawler, location: str | Path) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.location = location
        site = site_of(crawler.spidercls)
        #: The crawled site's domain: this run's lock and the records it may redeliver.
        self.scope = site.domain if site else None
        self.lock = hold_run_lock(location, self.scope)  # None for a shared store: workers run at once
        self.store: ArticleStore = open_store(location)
        self.run_id: int | None = None
        self.mode = "incremental"
        self.now = _now()  # lastmods later than the run's start are clamped to it
        #: Sources read to the end this run: key -> (lastmod, store keys of the articles it listed).
        self.sources: dict[str, tuple[str | None, list[str]]] = {}
        #: Store keys (and aliases) of the articles stored or gone (404/410) in this run.
        self.settled: set[str] = set()
        self.outcome_reached: str | None = None  # set when the spider closes (or the store fails)
        self.feed_paths: list[str] = []  # the files this run's export will be renamed to
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
    def clamp(self, lastmod: str | None) -> str | None:
        """A ``lastmod`` no later than the run's start: one in the future, remembered as is,
        would hide every later edit of the article (or sitemap)."""
        if lastmod and _newer(lastmod, self.now) and parse_iso(lastmod) is not None:
            self.stats.inc_value("newscrawl/lastmod_in_future")
            logger.info("lastmod %s is in the future: taken as %s", lastmod, self.now)
            return self.now
        return lastmod

    def knows_article(self, url: str, lastmod: str | None) -> bool:
        """The store has this article (under ``url`` or an alias of it), exported (or being
        exported by this run), at least as new as ``lastmod`` (when given)."""
        try:
            stored = self.store.get(url)
        except StoreError as error:
            self.store_failed(error, url)
            return False
        if stored is None or stored.pending_run not in (None, self.run_id):
            return False
        # Stored from a feed or listing (no sitemap lastmod yet): the page's own stamps stand in.
        known = stored.lastmod or stored.record.get("modified_at") or stored.record.get("published_at")
        return lastmod is None or not _newer(lastmod, known)

    def knows_source(self, key: str, lastmod: str | None) -> bool:
        """A sitemap read completely at this ``lastmod`` before (its articles are in the store)."""
        try:
            return lastmod is not None and not _newer(lastmod, self.store.source_lastmod(key))
        except StoreError as error:
            self.store_failed(error, key)
            return False

    def source_read(self, key: str, lastmod: str | None, listed: list[str]) -> None:
        """A sitemap parsed to its end, with the store keys of the articles (or child sitemaps) it listed:
        its ``lastmod`` is kept at the run's end if every one of them was stored or gone."""
        self.sources[key] = (self.clamp(lastmod), listed)

    def gone(self, key: str) -> None:
        """An article answered 404/410: counted gone, it does not keep its sitemap due."""
        self.settled.add(key)

    def redirected(self, key: str, target_key: str) -> None:
        """An article URL redirects to another: the old one is an alias of the new one."""
        try:
            self.store.add_aliases(target_key, [key])
        except StoreError as error:
            self.store_failed(error, key)

    def undelivered(self) -> Iterator[Article]:
        """Articles a killed run stored but never delivered in a complete export: this run
        exports them again, without fetching them again. A run killed after its feed files
        got their final names (before it could confirm them) did deliver: confirmed now."""
        try:
            yield from self._undelivered()
        except StoreError as error:
            self.store_failed(error, describe(self.location))

    def _undelivered(self) -> Iterator[Article]:
        confirmed: dict[int, bool] = {}
        for url in self.store.pending_urls():
            stored = self.store.get(url)
            if stored is None or stored.pending_run is None or stored.pending_run == self.run_id:
                continue
            if self.scope and stored.record.get("site") != self.scope:
                continue  # another site's run left it: that site's next run delivers it
            run = stored.pending_run
            if run not in confirmed:
                record = self.store.get_run(run)
                confirmed[run] = record is not None and delivered(record.started_at, record.deliveries,
                                                                  writing=self.feed_paths)
                if confirmed[run]:
                    logger.info("run %d was killed after its export files got their names: confirmed", run)
                    self.store.confirm_exports(run)
            if not confirmed[run]:
                self.stats.inc_value("newscrawl/store/redelivered")
                yield article_from_record(stored.record, stored.lastmod)

    def keep_article(self, article: Article) -> bool:
        """Store an article; whether the run exports it (new, changed, not yet exported, or
        backfill). StoreError (counted, logged, the run stopped) if the store cannot keep it."""
        record = export_record(article)
        try:
            previous = self.store.get(article.url)
            if previous is None:
                change = "new"
            elif previous.content_hash != content_hash(record):
                change = "changed"
            else:
                change = "unchanged"
            undelivered = previous is not None and previous.pending_run is not None
            export = self.mode == "backfill" or change != "unchanged" or undelivered
            claimed = self.store.upsert(record, lastmod=self.clamp(article.lastmod), seen_at=_now(),
                                        exported_in=self.run_id if export else None)
            self.store.add_aliases(article.url, article.fetched_as)
        except StoreError as error:
            self.store_failed(error, article.url)
            raise
        self.settled.update([article.url, *article.fetched_as])
        self.stats.inc_value(f"newscrawl/store/{change}")
        # False: another live worker of a shared store already exports this very version.
        return export and claimed is not False

    def keep_aliases(self, article: Article) -> None:
        """A second copy of an article this run already stored: its URLs become aliases."""
        try:
            self.store.add_aliases(article.url, article.fetched_as)
        except StoreError as error:
            self.store_failed(error, article.url)
            return
        self.settled.update([article.url, *article.fetched_as])

    def _settled(self, key: str) -> bool:
        """Stored or gone in this run; or stored since it started by another worker of a shared store."""
        if key in self.settled:
            return True
        try:
            stored = self.store.get(key)
        except StoreError:
            return False
        return stored is not None and stored.last_seen >= self.now

    def complete_sources(self) -> dict[str, str | None]:
        """The sources read to their end whose every article was stored or gone, and every
        child sitemap (an index of indexes) complete too; key -> lastmod."""
        settled = {key for _, listed in self.sources.values() for key in listed
                   if key not in self.sources and self._settled(key)}
        complete: dict[str, str | None] = {}
        while True:  # an index is complete once its children are: a few rounds at most
            found = {key: lastmod for key, (lastmod, listed) in self.sources.items()
                     if key not in complete and all(item in settled or item in complete for item in listed)}
            if not found:
                return complete
            complete.update(found)

    def store_failed(self, error: StoreError, url: str) -> None:
        """A store that cannot be read or written: counted, logged with the URL, and the run
        stops (outcome ``store_failed``, exit code 4): going on would only lose more."""
        self.stats.inc_value(STORE_FAILED_STAT)
        logger.error("could not store %s: %s", url, error)
        if self.outcome_reached != OUTCOME_STORE_FAILED:
            self.outcome_reached = OUTCOME_STORE_FAILED
            engine = self.crawler.engine
            if engine is not None and engine.spider is not None:
                deferred_from_coro(engine.close_spider_async(reason=OUTCOME_STORE_FAILED))

    # -- the run record -----------------------------------------------------------------------
    def spider_opened(self, spider: Any) -> None:
        feeds = self.crawler.get_extension(FeedExporter)
        # Without feeds there is no export to wait for before confirming this run's versions.
        self._closing["feeds"] = feeds is None
        self.mode = getattr(spider, "crawl_mode", "incremental")
        try:
            self.run_id = self.store.start_run(spider.name, self.mode, self.now)
            # Where each feed file will get its name: the next run checks it (``delivered``).
            self.feed_paths = [str(Path(slot.storage.path).absolute()) for slot in (feeds.slots if feeds else [])
                               if isinstance(slot.storage, FileFeedStorage)]
            if self.feed_paths:
                self.store.set_deliveries(self.run_id, self.feed_paths)
        except StoreError as error:
            self.store_failed(error, describe(self.location))
            return
        logger.info("article store %s: run %d (%s)", describe(self.location), self.run_id, self.mode)

    def spider_closed(self, spider: Any, reason: str) -> None:
        outcome = self.outcome_reached = self.outcome(reason)
        self.stats.set_value(OUTCOME_STAT, outcome)
        self.stats.set_value(EXIT_CODE_STAT, exit_code_for(outcome))
        complete = self.complete_sources()
        for key in self.sources.keys() - complete.keys():
            self.stats.inc_value("newscrawl/source_due_again")
            logger.info("sitemap %s: not every article it listed was stored: due again next run", key)
        counts = {key.removeprefix("newscrawl/"): value for key, value in self.stats.get_stats().items()
                  if key.startswith("newscrawl/") and isinstance(value, int)}
        try:
            lastmods = {key: lastmod for key, lastmod in complete.items() if lastmod}
            if lastmods and outcome != OUTCOME_STORE_FAILED:
                self.store.set_source_lastmods(lastmods)
            if self.run_id is not None:
                self.store.finish_run(self.run_id, ended_at=_now(), outcome=outcome, counts=counts)
        except StoreError as error:
            logger.error("could not record the run's end in the store: %s", error)
        self._close("spider")

    def feeds_closed(self) -> None:
        self._close("feeds")

    def _close(self, part: str) -> None:
        """Once the spider and the feed files are closed, this run's exports are complete."""
        self._closing[part] = True
        if all(self._closing.values()):
            try:
                # Not ok: the feed storage keeps the files from their names (feeds.py); the next
                # run checks whether they got them (``undelivered``) and confirms or re-exports.
                if self.run_id is not None and self.outcome_reached == OUTCOME_OK:
                    self.store.confirm_exports(self.run_id)
                self.store.close()
            except StoreError as error:
                logger.error("could not confirm the run's exports in the store: %s", error)
            if self.lock is not None:
                self.lock.release()

    def outcome(self, reason: str) -> str:
        """This run's outcome: ``outcome.judge_run``, shared with runs without the store."""
        return judge_run(self.stats, self.crawler.settings, reason).outcome


def run_state(crawler: Crawler) -> RunState:
    """The run's store state, for the components that need it; NotConfigured when it is off."""
    state = crawler.get_extension(RunState)
    if state is None:
        raise NotConfigured("the article store is off (NEWSCRAWL_STATE_ENABLED)")
    return state
