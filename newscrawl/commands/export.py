"""``scrapy export``: a dataset (JSONL, Parquet or CSV) from the article store.

A project command, so it reads the same settings as ``scrapy crawl`` (``NEWSCRAWL_STATE``,
``-s``). It only reads the store, without its run lock: a cron crawl may run meanwhile, and
the export reads one consistent snapshot. Exit codes: 0 written (an empty selection too, said
on stdout); 1 the export failed (nothing replaced); 2 a bad option; 4 no usable store.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newscrawl.export import ExportError, OptionError, export_dataset, make_options
from newscrawl.export.options import FORMATS, LANGUAGES, PARTITIONS
from newscrawl.export.select import iter_selected
from newscrawl.incremental import store_location
from newscrawl.outcome import EXIT_FAILED, EXIT_STORE
from newscrawl.progress import ExportProgress
from newscrawl.store import StoreError, is_shared, open_store
from newscrawl.store.sqlite import check_store_file


class Command(ScrapyCommand):
    """Export the store's articles as a dataset directory with a manifest and a dataset card."""

    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "-o DIR [--site DOMAIN] [--format jsonl|parquet|csv] [--since D] [--until D] [--language ru,kk] [options]"

    def short_desc(self) -> str:
        return "Write a dataset (JSONL, Parquet or CSV) from the article store"

    def long_desc(self) -> str:
        return ("Write the articles of the store (NEWSCRAWL_STATE) as a dataset in DIR: each article once, "
                "its latest version, sorted by publication time then URL; by default one file per edition and "
                "month, in a folder per site (DIR/inbusiness.kz/ru/2022-10.jsonl; the edition folder as the site's "
                "URLs call it: inbusiness's Kazakh in kz/, Kursiv's in kk/), with manifest.json (files, "
                "counts, sha256, field coverage) and a README.md dataset card. DIR is replaced atomically, "
                "and only if it is empty or an earlier export.")

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        group = parser.add_argument_group(title="Export Options")
        group.add_argument("-o", "--output", metavar="DIR", help="the export directory (required)")
        group.add_argument("--format", default="jsonl", metavar="FORMAT",
                           help=f"one of {', '.join(FORMATS)} (default jsonl; parquet needs the export extra)")
        group.add_argument("--site", metavar="DOMAINS",
                           help="comma-separated sites to export, by domain or name (default every site in the store)")
        group.add_argument("--since", metavar="YYYY-MM-DD", help="first publication day (the site's own), inclusive")
        group.add_argument("--until", metavar="YYYY-MM-DD", help="last publication day (the site's own), inclusive")
        group.add_argument("--language", metavar="CODES",
                           help=f"comma-separated ISO codes among {','.join(LANGUAGES)} (default all)")
        group.add_argument("--partition", default="month", metavar="HOW",
                           help=f"{' or '.join(PARTITIONS)}: one file per edition and month (default), "
                                "or one file SITE/articles.EXT")
        group.add_argument("--gzip", action="store_true", help="gzip jsonl or csv files (.jsonl.gz)")
        group.add_argument("--report", action="store_true",
                           help="also write report.html: articles per day, field coverage, extraction, runs")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError(f"unexpected argument(s): {' '.join(args)}", print_help=False)
        if not opts.output:
            raise UsageError("-o DIR is required: the directory to write the dataset to", print_help=False)
        try:
            options = make_options(format=opts.format, since=opts.since, until=opts.until, language=opts.language,
                                   partition=opts.partition, gzip=opts.gzip, report=opts.report, site=opts.site)
            if options.format == "parquet":
                from newscrawl.export.parquet import require_pyarrow

                require_pyarrow()
        except (OptionError, ImportError) as error:
            raise UsageError(str(error), print_help=False) from None
        assert self.settings is not None
        location = store_location(self.settings)
        try:
            if not is_shared(location):
                if not Path(location).is_file():
                    raise StoreError(f"no store at {location}: run scrapy crawl first (or set NEWSCRAWL_STATE)")
                check_store_file(Path(location))
            store = open_store(location)
        except StoreError as error:
            self._fail(str(error), EXIT_STORE)
            return
        # On a terminal a bar (the selection counted first for its total), else plain lines.
        progress = ExportProgress.on(sys.stderr, lambda: sum(1 for _ in iter_selected(store, options)))
        try:
            result = export_dataset(progress.watch(store), Path(opts.output), options)
        except OptionError as error:
            raise UsageError(str(error), print_help=False) from None
        except (ExportError, OSError) as error:
            self._fail(f"export failed, nothing replaced: {error}", EXIT_FAILED)
            return
        finally:
            progress.finish()
            store.close()
        manifest = result.manifest
        if result.empty:
            print(f"empty selection: no article in {location} matched; wrote an empty dataset to {result.output}")
        else:
            print(f"exported {manifest['records']} articles in {len(manifest['files'])} {options.format} files "
                  f"to {result.output}")

    def _fail(self, message: str, code: int) -> None:
        print(f"scrapy export: error: {message}", file=sys.stderr)
        self.exitcode = code
