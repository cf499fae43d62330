"""``scrapy check SITE [-a base_url=COPY]``: Scrapy's contracts (``newscrawl/contracts.py``)
against the site's example pages, on the real site or a copy; the article store stays closed."""

from __future__ import annotations

import argparse

from scrapy.commands.check import Command as ScrapyCheckCommand


class Command(ScrapyCheckCommand):
    """Scrapy's check, never opening the article store (no store file, lock or run record)."""

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        self.settings.set("NEWSCRAWL_STATE_ENABLED", False, priority="cmdline")
