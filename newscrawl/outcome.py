"""A run's outcome, from its failure accounting: one verdict for the store's run record, the
exit code, the summary line and the feed storage (which publishes ``-O`` files only when ok).

The outcome names, the exit codes and the names of the stats that carry them are constants
here: the contract between the modules that write them (``incremental.RunState``, ``canary``,
``reachability``, ``distributed``, ``extensions.RunSummary``) and those that read them (the
commands, ``feeds``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings
    from scrapy.statscollectors import StatsCollector

#: Run outcomes (the ``newscrawl/outcome`` stat; the canary adds ``canary_failed``).
OUTCOME_OK, OUTCOME_FAILED, OUTCOME_INTERRUPTED = "ok", "failed", "interrupted"
OUTCOME_STORE_FAILED, OUTCOME_JOINED_NOTHING = "store_failed", "joined_nothing"
#: Exit codes of ``scrapy crawl``/``crawlall``/``export``: ok, failed or interrupted, bad argument,
#: store locked by another run, store unusable or failed, a worker that joined nothing.
EXIT_OK, EXIT_FAILED, EXIT_ARGUMENT, EXIT_LOCKED, EXIT_STORE, EXIT_JOINED_NOTHING = 0, 1, 2, 3, 4, 5
EXIT_CODES: dict[str, int] = {OUTCOME_OK: EXIT_OK, OUTCOME_FAILED: EXIT_FAILED, OUTCOME_INTERRUPTED: EXIT_FAILED,
                              OUTCOME_STORE_FAILED: EXIT_STORE, OUTCOME_JOINED_NOTHING: EXIT_JOINED_NOTHING}

#: Stats: the outcome, the exit code of ``scrapy crawl``, and why the run did not end ok.
OUTCOME_STAT, EXIT_CODE_STAT, REASON_STAT = "newscrawl/outcome", "newscrawl/exit_code", "newscrawl/outcome_reason"
#: Counts store reads and writes that failed; any makes the run ``store_failed``.
STORE_FAILED_STAT = "newscrawl/store_failed"
#: Set by ``reachability.UnreachableSiteMiddleware`` to its reason (``site unreachable: ...``).
UNREACHABLE_STAT = "newscrawl/unreachable"
#: The finish reason of a run closed early because the site never answered.
SITE_UNREACHABLE = "site_unreachable"
#: Set by ``distributed.RedisScheduler`` (to the job's name) when a worker found its crawl job
#: already over: it queued and fetched nothing.
JOINED_NOTHING_STAT = "newscrawl/distributed/joined_nothing"
#: Failed pages, by the spider's counts, against the pages answered for ``NEWSCRAWL_MAX_ERROR_RATE``.
FAILURE_STATS: tuple[str, ...] = tuple(f"newscrawl/{name}" for name in (
    "article_failed", "listing_failed", "source_failed", "extraction_error"))


@dataclass(frozen=True)
class Verdict:
    """A run's outcome and, unless ok, why."""

    outcome: str
    reason: str | None = None

    @property
    def exit_code(self) -> int:
        return exit_code_for(self.outcome)


def exit_code_for(outcome: str) -> int:
    """``scrapy crawl``'s exit code for an outcome (any other outcome, e.g. ``canary_failed``: 1)."""
    return EXIT_CODES.get(outcome, EXIT_FAILED)


def judge_run(stats: StatsCollector, settings: BaseSettings, finish_reason: str) -> Verdict:
    """``store_failed`` when the store could not be read or written (whatever else happened,
    that is what cron must hear); ``failed`` when the site was unreachable, nothing answered,
    or more than ``NEWSCRAWL_MAX_ERROR_RATE`` of the pages failed; ``interrupted`` when stopped
    before the end (Ctrl-C, a close reason); ``joined_nothing`` for a worker that found its
    crawl job over; else ``ok``."""
    get = stats.get_value
    if get(STORE_FAILED_STAT, 0):
        return Verdict(OUTCOME_STORE_FAILED, f"{get(STORE_FAILED_STAT)} store read(s)/write(s) failed")
    unreachable = get(UNREACHABLE_STAT)
    if finish_reason == SITE_UNREACHABLE:
        return Verdict(OUTCOME_FAILED, unreachable or "site unreachable")
    if finish_reason != "finished":
        return Verdict(OUTCOME_INTERRUPTED, f"stopped before the end ({finish_reason})")
    failures = sum(get(name, 0) for name in FAILURE_STATS)
    answered = get("downloader/response_status_count/200", 0)
    if not answered and (failures or unreachable):
        return Verdict(OUTCOME_FAILED, unreachable or f"no page answered: {failures} failed")
    if get(JOINED_NOTHING_STAT) and not get("item_scraped_count"):
        return Verdict(OUTCOME_JOINED_NOTHING, f"crawl job {get(JOINED_NOTHING_STAT)} was already over")
    limit = settings.getfloat("NEWSCRAWL_MAX_ERROR_RATE")
    if failures / max(1, failures + answered) > limit:
        return Verdict(OUTCOME_FAILED,
                       f"{failures} of {failures + answered} pages failed (NEWSCRAWL_MAX_ERROR_RATE {limit})")
    return Verdict(OUTCOME_OK)
