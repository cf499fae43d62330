"""The run's one-line summary: what a cron mail or a person reads first, with the outcome and,
unless ok, why (``outcome=failed reason="site unreachable: DNS lookup failed"``)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals

from newscrawl.outcome import EXIT_CODE_STAT, OUTCOME_OK, OUTCOME_STAT, REASON_STAT, judge_run
from newscrawl.sites import site_of

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

#: (label, stats key) pairs of the summary line, in the order printed.
SUMMARY_FIELDS: tuple[tuple[str, str], ...] = (
    ("exported", "item_scraped_count"),
    ("new", "newscrawl/store/new"),
    ("changed", "newscrawl/store/changed"),
    ("unchanged", "newscrawl/store/unchanged"),
    ("redelivered", "newscrawl/store/redelivered"),
    # here: one figure per layout of the crawled site (``newscrawl/exported/<layout>``)
    ("fallback", "newscrawl/exported/fallback"),
    ("duplicates_dropped", "newscrawl/dropped/duplicate"),
    ("missing_field", "newscrawl/dropped/missing_field"),
    ("not_found_404", "newscrawl/article_404"),
    ("failed", "newscrawl/article_failed"),
    ("not_article", "newscrawl/not_article"),
    ("retries", "retry/count"),
    ("requests", "downloader/request_count"),
)


class RunSummary:
    """Counts exported articles per extraction path and logs one summary line at close.

    It closes after the store's ``RunState`` and the canary, which set the outcome; a run
    without either (the store switched off) gets its outcome here, from the same failure
    accounting, so that its exit code and its ``-O`` file follow it too.
    """

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.stats: StatsCollector = crawler.stats
        self.settings = crawler.settings
        self.layouts: list[str] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunSummary:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Any) -> None:
        site = site_of(spider)
        self.layouts = sorted(layout.name for layout in site.layouts) if site else []

    def item_scraped(self, item: Any) -> None:
        path = getattr(item, "extraction", None)
        if path:
            self.stats.inc_value(f"newscrawl/exported/{path}")

    def summary_line(self) -> str:
        """``newscrawl summary: exported=12 layout_a=8 ...``: every figure, zeros included."""
        at = [label for label, _ in SUMMARY_FIELDS].index("fallback")
        layouts = [(name, f"newscrawl/exported/{name}") for name in self.layouts]
        fields = [*SUMMARY_FIELDS[:at], *layouts, *SUMMARY_FIELDS[at:]]
        figures = " ".join(f"{label}={self.stats.get_value(key, 0)}" for label, key in fields)
        return f"newscrawl summary: {figures}"

    def spider_closed(self, reason: str) -> None:
        verdict = judge_run(self.stats, self.settings, reason)
        if self.stats.get_value(OUTCOME_STAT) is None:
            self.stats.set_value(OUTCOME_STAT, verdict.outcome)
            self.stats.set_value(EXIT_CODE_STAT, verdict.exit_code)
        outcome = self.stats.get_value(OUTCOME_STAT)
        why = verdict.reason if outcome != OUTCOME_OK else None
        if why:
            self.stats.set_value(REASON_STAT, why)
        logger.log(logging.INFO if outcome == OUTCOME_OK else logging.ERROR, "%s outcome=%s%s finish_reason=%s",
                   self.summary_line(), outcome, f' reason="{why}"' if why else "", reason)
