"""``scrapy crawl`` that rejects bad ``-a`` arguments before the crawl starts.

Scrapy reports an exception from a spider's ``__init__`` as a traceback with exit
code 0; a user (or cron) needs one line that names the argument, and a failing status.
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from newscrawl.arguments import ArgumentError


class Command(ScrapyCrawlCommand):
    """Scrapy's crawl, plus the spider's own ``check_arguments`` (exit code 2 on error)."""

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 1 and self.crawler_process is not None:
            spider_class = self.crawler_process.spider_loader.load(args[0])
            check = getattr(spider_class, "check_arguments", None)
            if check is not None:
                try:
                    check(**opts.spargs)
                except ArgumentError as error:
                    raise UsageError(str(error), print_help=False) from None
        super().run(args, opts)
