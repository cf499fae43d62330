"""The canary: a small crawl of each edition's newest articles that says whether extraction
still works, so a redesign of the site is noticed the day it happens.

``scrapy crawl inbusiness -a canary=5`` (5 newest per edition); this extension reports, per
field, how many records came out filled and by which extraction path, and makes the run exit
non-zero when a required field fails or too many pages needed the generic fallback.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from scrapy import signals

from newscrawl.items import RECORD_FIELDS, REQUIRED_FIELDS

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class CanaryReport:
    """Per-field fill counts by extraction path for a canary run, and its verdict."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.active = False
        self.paths: Counter[str] = Counter()
        self.filled: dict[str, Counter[str]] = defaultdict(Counter)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CanaryReport:
        report = cls(crawler)
        crawler.signals.connect(report.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(report.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(report.spider_closed, signal=signals.spider_closed)
        return report

    def spider_opened(self, spider: Any) -> None:
        self.active = getattr(spider, "crawl_mode", None) == "canary"

    def item_scraped(self, item: Any) -> None:
        if not self.active:
            return
        path = getattr(item, "extraction", "?")
        self.paths[path] += 1
        for name in RECORD_FIELDS:
            value = getattr(item, name, None)
            if value not in (None, "", []):
                self.filled[name][path] += 1

    def table(self) -> str:
        """One line per field: filled/total, then per extraction path."""
        total = sum(self.paths.values())
        paths = sorted(self.paths)
        lines = [f"{'field':<14} {'filled':>8}  " + "  ".join(f"{p:>10}" for p in paths)]
        for name in RECORD_FIELDS:
            counts = self.filled[name]
            cells = "  ".join(f"{counts[p]:>4}/{self.paths[p]:<5}" for p in paths)
            lines.append(f"{name:<14} {sum(counts.values()):>4}/{total:<3}  {cells}")
        return "\n".join(lines)

    def problems(self) -> list[str]:
        """What makes the canary fail: no article, a required field missing, too much fallback."""
        stats = self.crawler.stats
        assert stats is not None
        total = sum(self.paths.values())
        found: list[str] = []
        missing = stats.get_value("newscrawl/dropped/missing_field", 0)
        if missing:
            found.append(f"{missing} page(s) dropped for a missing required field")
        if stats.get_value("newscrawl/listing_unrecognised", 0):
            found.append("listing markup not recognised: article links were guessed from the whole page")
        if not total:
            found.append("no article extracted")
            return found
        for name in REQUIRED_FIELDS:
            if sum(self.filled[name].values()) < total:
                found.append(f"required field {name!r} empty in {total - sum(self.filled[name].values())} record(s)")
        fallback_share = self.paths["fallback"] / total
        limit = self.crawler.settings.getfloat("NEWSCRAWL_CANARY_MAX_FALLBACK")
        if fallback_share > limit:
            found.append(f"layout detection: {fallback_share:.0%} of pages needed the generic fallback "
                         f"(NEWSCRAWL_CANARY_MAX_FALLBACK {limit:.0%}): has the site been redesigned?")
        return found

    def spider_closed(self, reason: str) -> None:
        if not self.active:
            return
        problems = self.problems()
        stats = self.crawler.stats
        assert stats is not None
        stats.set_value("newscrawl/outcome", "canary_failed" if problems else "ok")
        stats.set_value("newscrawl/exit_code", 1 if problems else 0)
        logger.info("canary: %d articles by extraction path %s\n%s", sum(self.paths.values()),
                    dict(sorted(self.paths.items())), self.table())
        for problem in problems:
            logger.error("canary: %s", problem)
        if not problems:
            logger.info("canary: ok")
