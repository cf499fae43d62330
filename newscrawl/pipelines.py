"""Item pipelines: thin steps that call ``newscrawl.clean`` and guard the export.

Order (settings.ITEM_PIPELINES): clean the text, drop records missing a required field,
drop a second record of the same article, keep it in the store (and drop it there when an
incremental run has it already).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem, NotConfigured

from newscrawl.clean import clean_article
from newscrawl.incremental import RunState, run_state
from newscrawl.items import Article, missing_fields
from newscrawl.sites import site_of
from newscrawl.store import StoreError

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


class _StatsPipeline:
    """Base for pipelines that count what they do in the crawl stats."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> _StatsPipeline:
        assert crawler.stats is not None
        return cls(crawler.stats)


class CleanTextPipeline(_StatsPipeline):
    """Remove promo blocks, credits, related links, embeds and ads; build ``body``. A promo call
    naming the crawled site ("Следите за inbusiness.kz") is told by the site's ``own_names``."""

    def __init__(self, stats: StatsCollector, own_names: tuple[str, ...] = ()) -> None:
        super().__init__(stats)
        self.own_names = own_names

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanTextPipeline:
        assert crawler.stats is not None
        site = site_of(crawler.spider)
        return cls(crawler.stats, site.own_names if site else ())

    def process_item(self, item: Article) -> Article:
        report = clean_article(item, own_names=self.own_names)
        for name, count in asdict(report).items():
            if count:
                self.stats.inc_value(f"newscrawl/cleaned/{name}", count)
        return item


class RequiredFieldsPipeline(_StatsPipeline):
    """Never export half a record: a page without url, title, body or date is dropped."""

    def process_item(self, item: Article) -> Article:
        missing = missing_fields(item)
        if missing:
            self.stats.inc_value("newscrawl/dropped/missing_field")
            for name in missing:
                self.stats.inc_value(f"newscrawl/dropped/missing_field/{name}")
            raise DropItem(f"missing required field(s) {', '.join(missing)} ({item.extraction})")
        return item


class DuplicatesPipeline(_StatsPipeline):
    """One record per canonical URL, whatever links, days or redirects led to it (the other
    URLs are kept in the store as aliases, so the next run skips them too)."""

    def __init__(self, stats: StatsCollector, state: RunState | None = None) -> None:
        super().__init__(stats)
        self.state = state
        self.seen_urls: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DuplicatesPipeline:
        assert crawler.stats is not None
        try:
            state: RunState | None = run_state(crawler)
        except NotConfigured:
            state = None
        return cls(crawler.stats, state)

    def process_item(self, item: Article) -> Article:
        if item.url in self.seen_urls:
            self.stats.inc_value("newscrawl/dropped/duplicate")
            if self.state is not None:
                self.state.keep_aliases(item)
            raise DropItem("duplicate of an article already exported")
        self.seen_urls.add(item.url)
        return item


class StorePipeline:
    """Keep every article in the store; in an incremental run, export only new or changed ones."""

    def __init__(self, state: RunState) -> None:
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(run_state(crawler))

    def process_item(self, item: Article) -> Article:
        """An article the store could not keep is not exported either (and the run fails)."""
        try:
            exported = self.state.keep_article(item)
        except StoreError as error:
            raise DropItem(f"not stored, so not exported: {error}") from None
        if not exported:
            raise DropItem("unchanged since the store's version", log_level="DEBUG")
        return item
