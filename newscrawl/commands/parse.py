"""``scrapy parse URL``: Scrapy's parse, printing the record an export would write for the page.

* Items go through the item pipelines as in a crawl (Scrapy's ``--pipelines``, on by default
  here): the printed record is cleaned, has passed the required-field check, and holds the
  exported fields (``FEED_EXPORT_FIELDS``) only; a dropped item is printed with its reason.
  ``--nopipelines`` prints the callback's items as they come out of extraction. Records are
  printed as JSON, in the export's field order.
* A site's spider (``--spider=NAME``, or found by the URL's domain) parses a page of the real
  site or of a copy: a URL on another host is taken as a copy at that root (``-a base_url``),
  and a URL of the real site is read from the copy named by ``-a base_url``.
* The article store is never opened (no store file, lock or run record).
"""

from __future__ import annotations

import argparse
import json
from typing import Any
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.commands.parse import Command as ScrapyParseCommand
from scrapy.exceptions import UsageError
from scrapy.http import Request
from scrapy.spiders import Spider
from scrapy.utils import display

from newscrawl.arguments import ArgumentError
from newscrawl.extract.canonical import on_site
from newscrawl.sites import site_of
from newscrawl.spider import SiteSpider


def origin(url: str) -> str:
    """``http://127.0.0.1:8000/ru/x`` -> ``http://127.0.0.1:8000``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Command(ScrapyParseCommand):
    """Scrapy's parse through the item pipelines, for the sites' spiders on real sites and copies."""

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--nopipelines", dest="nopipelines", action="store_true",
                            help="print items as the callback returns them (before cleaning and checks)")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        self.settings.set("NEWSCRAWL_STATE_ENABLED", False, priority="cmdline")
        self.through_pipelines = not opts.nopipelines
        opts.pipelines = False  # items reach the pipelines through the engine, as in a crawl
        self.exported: list[Any] = []
        self.dropped: list[tuple[str, str]] = []

    def set_spidercls(self, url: str, opts: argparse.Namespace) -> None:
        """A site's spider: a URL off the site is a copy's (its root is ``base_url``); no spider,
        or bad ``-a`` arguments, are refused (exit code 2) before anything is fetched."""
        super().set_spidercls(url, opts)
        if self.spidercls is None:
            assert self.crawler_process is not None
            names = ", ".join(self.crawler_process.spider_loader.list())
            wanted = f"--spider={opts.spider} is no spider" if opts.spider else f"{url} is on no site's host"
            raise UsageError(f"{wanted}: expected --spider= one of {names} (a page of a local copy needs it)",
                             print_help=False)
        if not issubclass(self.spidercls, SiteSpider):
            return
        site = self.spidercls.site
        if "base_url" not in opts.spargs and on_site(url, site, None) is None:
            opts.spargs["base_url"] = origin(url)
        try:
            self.spidercls.check_arguments(**opts.spargs)
        except ArgumentError as error:
            raise UsageError(str(error), print_help=False) from None

    def prepare_request(self, spider: Spider, request: Request, opts: argparse.Namespace) -> Request:
        """The page on the crawled root (a real-site URL on the copy of ``-a base_url``); the
        items that pass the pipelines and those dropped are collected for printing."""
        if site_of(spider) is not None:
            request = request.replace(url=spider.on_crawled_site(request.url))  # type: ignore[attr-defined]
        spider.crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        spider.crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        return super().prepare_request(spider, request, opts)

    def item_scraped(self, item: Any) -> None:
        self.exported.append(item)

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        self.dropped.append((str(ItemAdapter(item).get("url")), str(exception)))

    def scraped_data(self, args: tuple[Any, ...]) -> list[Any]:
        """Items go on to the engine (its pipelines, and ``-o`` feeds when given)."""
        items, opts = args[0], args[2]
        data = super().scraped_data(args)  # type: ignore[arg-type]
        return [*items, *data] if self.through_pipelines and not opts.output else data

    def print_items(self, lvl: int | None = None, colour: bool = True) -> None:
        if not self.through_pipelines:
            super().print_items(lvl, colour)
            return
        raw = [item for level, items in self.items.items() if lvl in (None, level) for item in items]
        ids = {id(item) for item in raw}
        fields = self.settings.getlist("FEED_EXPORT_FIELDS") if self.settings else []
        records = [{name: ItemAdapter(item).get(name) for name in fields} if fields else ItemAdapter(item).asdict()
                   for item in self.exported if lvl is None or id(item) in ids]
        print("# Scraped Items ", "-" * 60)  # Scrapy's heading; here, each record as a feed exports it
        print(json.dumps(records, ensure_ascii=False, indent=2))
        if self.dropped and lvl in (None, self.max_level):
            print("# Dropped Items ", "-" * 60)
            display.pprint(self.dropped, colorize=colour)
