"""A run's outcome, from its failure accounting: one verdict for the store's run record, the
exit code, the summary line and the feed storage (which publishes ``-O`` files only when ok).

The names of the stats that carry it are constants here: the contract between the modules
that write them (``incremental.RunState``, ``canary``) and those that read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings
    from scrapy.statscollectors import StatsCollector

#: Stats: the outcome (``ok``, ``failed``, ``interrupted``, ``canary_failed``, ...), the exit code
#: of ``scrapy crawl``, and why the run did not end ok.
OUTCOME_STAT, EXIT_CODE_STAT, REASON_STAT = "newscrawl/outcome", "newscrawl/exit_code", "newscrawl/outcome_reason"
#: Set by ``reachability.UnreachableSiteMiddleware`` to its reason (``site unreachable: ...``).
UNREACHABLE_STAT = "newscrawl/unreachable"
#: The finish reason of a run closed early because the site never answered.
SITE_UNREACHABLE = "site_unreachable"
#: Set by ``distributed.RedisScheduler`` (to the job's name) when a worker found its crawl job
#: already over: it queued and fetched nothing. Outcome ``joined_nothing``, exit code 5.
JOINED_NOTHING_STAT = "newscrawl/distributed/joined_nothing"
EXIT_JOINED_NOTHING = 5
#: Failed pages, by the spider's counts.
FAILURE_STATS = ("article_failed", "listing_failed", "source_failed", "extraction_error")


@dataclass(frozen=True)
class Verdict:
    """A run's outcome and, unless ok, why."""

    outcome: str
    reason: str | None = None

    @property
    def exit_code(self) -> int:
        return exit_code_for(self.outcome)


def exit_code_for(outcome: str) -> int:
    """``scrapy crawl``'s exit code: 0 ok, 5 a worker that joined nothing, else 1."""
    return {"ok": 0, "joined_nothing": EXIT_JOINED_NOTHING}.get(outcome, 1)


def judge_run(stats: StatsCollector, settings: BaseSettings, finish_reason: str) -> Verdict:
    """``failed`` when the site was unreachable, nothing answered, or more than
    ``NEWSCRAWL_MAX_ERROR_RATE`` of the pages failed; ``interrupted`` when stopped before the
    end (Ctrl-C, a close reason); else ``ok``."""
    unreachable = stats.get_value(UNREACHABLE_STAT)
    if finish_reason == SITE_UNREACHABLE:
        return Verdict("failed", unreachable or "site unreachable")
    if finish_reason != "finished":
        return Verdict("interrupted", f"stopped before the end ({finish_reason})")
    failures = sum(stats.get_value(f"newscrawl/{name}", 0) for name in FAILURE_STATS)
    answered = stats.get_value("downloader/response_status_count/200", 0)
    if not answered and (failures or unreachable):
        return Verdict("failed", unreachable or f"no page answered: {failures} failed")
    if stats.get_value(JOINED_NOTHING_STAT) and not stats.get_value("item_scraped_count"):
        return Verdict("joined_nothing", f"crawl job {stats.get_value(JOINED_NOTHING_STAT)} was already over")
    limit = settings.getfloat("NEWSCRAWL_MAX_ERROR_RATE")
    if failures / max(1, failures + answered) > limit:
        return Verdict("failed", f"{failures} of {failures + answered} pages failed (NEWSCRAWL_MAX_ERROR_RATE {limit})")
    return Verdict("ok")

