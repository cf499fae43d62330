"""``scrapy crawl`` with clear failures and exit codes for people and cron.

* a bad ``-a`` argument: one line naming it, exit code 2 (Scrapy itself prints a
  traceback and exits 0);
* the article store used by another run, or not a newscrawl store: one line, exit code
  3 or 4, before any feed file is opened or any page fetched;
* a run that failed (site unreachable, too many failed pages) or was interrupted: 1; one
  whose store failed during the run: 4; a worker that joined a finished crawl job: 5
  (the table is ``newscrawl/outcome.py``'s).
"""

from __future__ import annotations

import argparse
import logging

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from newscrawl.arguments import ArgumentError
from newscrawl.commands import CRAWL_SETTINGS
from newscrawl.incremental import store_location
from newscrawl.outcome import EXIT_CODE_STAT, EXIT_FAILED, EXIT_LOCKED, EXIT_STORE
from newscrawl.sites import site_of
from newscrawl.store import StoreError, StoreLocked, check_store

logger = logging.getLogger(__name__)


class Command(ScrapyCrawlCommand):
    """Scrapy's crawl, plus argument and store checks up front and a meaningful exit code."""

    default_settings = {**ScrapyCrawlCommand.default_settings, **CRAWL_SETTINGS}

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1 or self.crawler_process is None:
            super().run(args, opts)
            return
        try:
            spider_class = self.crawler_process.spider_loader.load(args[0])
        except KeyError:
            raise UsageError(f"unknown site {args[0]!r}: expected one of "
                             f"{', '.join(self.crawler_process.spider_loader.list())}", print_help=False) from None
        check = getattr(spider_class, "check_arguments", None)
        arguments = None
        if check is not None:
            try:
                arguments = check(**opts.spargs)
            except ArgumentError as error:
                raise UsageError(str(error), print_help=False) from None
        assert self.settings is not None
        if self.settings.getbool("NEWSCRAWL_STATE_ENABLED") and getattr(arguments, "uses_store", True):
            location = store_location(self.settings)
            try:
                site = site_of(spider_class)  # two sites' runs share a store: the lock is the site's
                check_store(location, site.domain if site else None)  # kept; the store extension takes it over
            except StoreError as error:
                logger.error("%s", error)
                self.exitcode = EXIT_LOCKED if isinstance(error, StoreLocked) else EXIT_STORE
                return
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = EXIT_FAILED
        elif crawler.stats is not None:
            self.exitcode = crawler.stats.get_value(EXIT_CODE_STAT, 0)
