"""The run's outcome and exit code: the ``newscrawl/outcome`` and ``newscrawl/exit_code``
stats ``incremental.RunState`` sets when the spider closes, which the crawl command (exit
code) and the feed storage (whether the ``-O`` file gets its final name) read."""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)

#: Exit codes of ``scrapy crawl`` (set by commands/crawl.py from the stats).
EXIT_FAILED, EXIT_LOCKED, EXIT_STORE = 1, 3, 4
#: Run outcomes (the ``newscrawl/outcome`` stat).
OUTCOME_OK, OUTCOME_FAILED, OUTCOME_INTERRUPTED, OUTCOME_STORE_FAILED = "ok", "failed", "interrupted", "store_failed"
EXIT_CODES: dict[str, int] = {OUTCOME_OK: 0, OUTCOME_FAILED: EXIT_FAILED, OUTCOME_INTERRUPTED: EXIT_FAILED,
                              OUTCOME_STORE_FAILED: EXIT_STORE}
#: The stat counting store reads and writes that failed; any makes the run ``store_failed``.
STORE_FAILED_STAT = "newscrawl/store_failed"
#: Stats of pages that failed, against the pages answered, for ``NEWSCRAWL_MAX_ERROR_RATE``.
FAILURE_STATS: tuple[str, ...] = tuple(f"newscrawl/{name}" for name in (
    "article_failed", "listing_failed", "source_failed", "extraction_error"))


def run_outcome(stats: Any, settings: Any, reason: str) -> str:
    """``ok``; ``store_failed`` (the store could not be read or written: whatever else
    happened, that is what cron must hear); ``interrupted`` (stopped before the end);
    ``failed`` (site unreachable, or over ``NEWSCRAWL_MAX_ERROR_RATE`` of the pages failed)."""
    get = stats.get_value
    if get(STORE_FAILED_STAT, 0):
        return OUTCOME_STORE_FAILED
    if reason != "finished":
        return OUTCOME_INTERRUPTED
    failures = sum(get(name, 0) for name in FAILURE_STATS)
    answered = get("downloader/response_status_count/200", 0)
    if not answered and failures:
        return OUTCOME_FAILED
    rate = failures / max(1, failures + answered)
    if rate > settings.getfloat("NEWSCRAWL_MAX_ERROR_RATE"):
        logger.error("run failed: %d of %d pages failed (NEWSCRAWL_MAX_ERROR_RATE %s)", failures,
                     failures + answered, settings.get("NEWSCRAWL_MAX_ERROR_RATE"))
        return OUTCOME_FAILED
    return OUTCOME_OK
