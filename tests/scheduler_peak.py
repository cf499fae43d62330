"""A test extension (``-s EXTENSIONS``): the most requests the scheduler held at once, as the
stat ``test/scheduler_peak``, read each time a request is scheduled (public signal and API)."""

from __future__ import annotations

from typing import Any

from scrapy import signals

PEAK_STAT = "test/scheduler_peak"


class SchedulerPeak:
    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> SchedulerPeak:
        extension = cls(crawler)
        crawler.signals.connect(extension.scheduled, signal=signals.request_scheduled)
        return extension

    def scheduled(self, request: Any, spider: Any) -> None:
        scheduler = self.crawler.engine.scheduler
        if scheduler is not None:
            self.crawler.stats.max_value(PEAK_STAT, len(scheduler))
