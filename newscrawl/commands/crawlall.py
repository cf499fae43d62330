"""``scrapy crawlall``: every registered site (or ``--sites a,b``) in one process, for cron.

``-a`` arguments go to every site; ``-a SITE:NAME=VALUE`` to one (``-a kursiv:base_url=…``).
``-O out/%(name)s.jsonl``: one file per site (Scrapy fills ``%(name)s`` with the spider's name).
At the end one summary line per site, and one exit status: 0 when every site ran ok, else
the worst site's code (1 failed, 3 store locked, 4 not a usable store); 2 for a bad argument.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from scrapy.commands import BaseRunSpiderCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from newscrawl.arguments import ArgumentError
from newscrawl.commands import CRAWL_SETTINGS
from newscrawl.incremental import store_location
from newscrawl.outcome import EXIT_CODE_STAT, EXIT_FAILED, EXIT_LOCKED, EXIT_STORE, OUTCOME_STAT, REASON_STAT
from newscrawl.sites import SITE_MODULES, site_of
from newscrawl.spider import SiteSpider
from newscrawl.store import StoreError, StoreLocked, check_store

logger = logging.getLogger(__name__)


def site_arguments(spargs: dict[str, str], names: list[str]) -> dict[str, dict[str, str]]:
    """Each site's ``-a`` arguments: the shared ones, then its own (``SITE:NAME=VALUE``)."""
    shared = {key: value for key, value in spargs.items() if ":" not in key}
    arguments = {name: dict(shared) for name in names}
    for key, value in spargs.items():
        if ":" in key:
            name, argument = key.split(":", 1)
            if name not in arguments:
                raise UsageError(f"-a {key}: {name!r} is not a site of this run: expected one of "
                                 f"{', '.join(names)}", print_help=False)
            arguments[name][argument] = value
    return arguments


class Command(BaseRunSpiderCommand):
    """Crawl several sites at once, one summary line per site, one exit status."""

    requires_project = True
    # The store, the progress line and the early end on an unreachable site, as in scrapy crawl.
    default_settings = {**BaseRunSpiderCommand.default_settings, **CRAWL_SETTINGS}

    def syntax(self) -> str:
        return "[--sites NAME,NAME] [-a NAME=VALUE] [-a SITE:NAME=VALUE] [-O FILE-%%(name)s.jsonl]"

    def short_desc(self) -> str:
        return "Crawl every registered site (or --sites) in one process"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--sites", metavar="NAMES", help=f"comma-separated sites (default all: "
                                                             f"{', '.join(SITE_MODULES)})")

    def chosen_sites(self, value: str | None) -> list[str]:
        assert self.crawler_process is not None
        known = [name for name in SITE_MODULES if name in self.crawler_process.spider_loader.list()]
        names = list(dict.fromkeys(n.strip() for n in value.split(",") if n.strip())) if value else known
        unknown = [name for name in names if name not in known] or ([] if names else ["(none given)"])
        if unknown:
            raise UsageError(f"--sites {unknown[0]!r} is not a site: expected a comma-separated list of "
                             f"{', '.join(known)}", print_help=False)
        return names

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError(f"unexpected argument(s): {' '.join(args)}: choose sites with --sites", print_help=False)
        assert self.crawler_process is not None and self.settings is not None
        names = self.chosen_sites(opts.sites)
        feeds = self.settings.getdict("FEEDS")
        if len(names) > 1 and any("%(name)s" not in str(uri) for uri in feeds):
            raise UsageError("-o/-O with several sites needs %(name)s in the file name (one file per site), "
                             "e.g. -O out/%(name)s.jsonl", print_help=False)
        arguments = site_arguments(opts.spargs, names)
        spiders = {name: self.crawler_process.spider_loader.load(name) for name in names}
        uses_store: dict[str, bool] = {}
        for name, spidercls in spiders.items():
            if not issubclass(spidercls, SiteSpider):
                raise UsageError(f"{name} is not a site spider", print_help=False)
            try:
                uses_store[name] = spidercls.check_arguments(**arguments[name]).uses_store
            except ArgumentError as error:
                raise UsageError(f"{name}: {error}", print_help=False) from None
        if self.settings.getbool("NEWSCRAWL_STATE_ENABLED") and self.check_stores(spiders, uses_store):
            return
        crawlers: dict[str, Crawler] = {}
        for name in names:
            crawlers[name] = self._create_crawler(name)
            self.crawler_process.crawl(crawlers[name], **arguments[name])
        self.crawler_process.start()
        self.exitcode = max((self.report(name, crawler) for name, crawler in crawlers.items()), default=0)
        if self.crawler_process.bootstrap_failed:
            self.exitcode = max(self.exitcode, EXIT_FAILED)

    def check_stores(self, spiders: dict[str, Any], uses_store: dict[str, bool]) -> bool:
        """Take each site's run lock on the store before anything starts; True (and the exit code
        set) when one cannot be had."""
        location = store_location(self.settings)
        for name, spidercls in spiders.items():
            site = site_of(spidercls)
            if not uses_store[name]:
                continue
            try:
                check_store(location, site.domain if site else None)
            except StoreError as error:
                logger.error("%s: %s", name, error)
                self.exitcode = EXIT_LOCKED if isinstance(error, StoreLocked) else EXIT_STORE
                return True
        return False

    @staticmethod
    def report(name: str, crawler: Crawler) -> int:
        """The site's summary line (stdout and log); its exit code."""
        stats = crawler.stats.get_stats() if crawler.stats is not None else {}
        code = int(stats.get(EXIT_CODE_STAT, EXIT_FAILED if not stats else 0))
        reason = stats.get(REASON_STAT)
        line = (f"crawlall: {name} outcome={stats.get(OUTCOME_STAT, '-')} exit_code={code} "
                f"exported={stats.get('item_scraped_count', 0)} requests={stats.get('downloader/request_count', 0)} "
                f"finish_reason={stats.get('finish_reason', '-')}" + (f' reason="{reason}"' if reason else ""))
        print(line, flush=True)
        logger.info("%s", line)
        return code
