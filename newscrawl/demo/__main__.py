"""``python -m newscrawl.demo [--site NAME]``: serve a local copy of a site and crawl it with ``scrapy crawl``.

A new user sees a real crawl without the internet, and whether it exported exactly the articles
the copy holds. ``--serve`` only serves the copy (``--port`` to choose where), for crawling by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import date
from pathlib import Path

from newscrawl.demo.core import SiteCopy
from newscrawl.demo.server import serve
from newscrawl.demo.sites import COPIES, build_copy

#: Crawl the local site flat out: politeness is for the real one.
FAST_SETTINGS: tuple[str, ...] = (
    "AUTOTHROTTLE_ENABLED=0",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
)


def crawl_command(
    base_url: str, since: date | None, until: date | None, output: Path, *, state: Path, log: Path | None = None,
    spider: str = "inbusiness",
) -> list[str]:
    """The ``scrapy crawl`` command line that crawls the local copy into ``output``, with the
    article store at ``state`` (without a range: an incremental run)."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"base_url={base_url}", "-O", str(output)]
    if since and until:
        command += ["-a", f"since={since}", "-a", f"until={until}"]
    for setting in (*FAST_SETTINGS, f"NEWSCRAWL_STATE={state}"):
        command += ["-s", setting]
    if log is not None:
        command += ["-s", f"LOG_FILE={log}"]
    return command


def compare(site: SiteCopy, since: date, until: date, output: Path) -> tuple[int, list[str], list[str], list[str]]:
    """(records, missing URLs, unexpected URLs, URLs exported twice) of an export against the site."""
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line.strip()]
    urls = [record["url"] for record in lines]
    expected = {record["url"] for record in site.expected_records(since, until)}
    twice = sorted({url for url in urls if urls.count(url) > 1})
    return len(lines), sorted(expected - set(urls)), sorted(set(urls) - expected), twice


def held_days(site: SiteCopy) -> str:
    """The day ranges the copy holds every article of: ``2022-10-17..2022-10-19, 2024-02-28..2024-03-02``."""
    return ", ".join(f"{first}..{last}" for first, last in site.windows())


def known_spiders() -> list[str]:
    """The spiders this project's Scrapy settings load (the crawl side of a copy needs its spider)."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    return list(SpiderLoader.from_settings(settings).list())


def parse_options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m newscrawl.demo", description=__doc__)
    parser.add_argument("--site", choices=sorted(COPIES), default="inbusiness", help="which site's copy (default: %(default)s)")
    parser.add_argument("--since", type=date.fromisoformat, help="first day (YYYY-MM-DD; default: the copy's newest window)")
    parser.add_argument("--until", type=date.fromisoformat, help="last day (YYYY-MM-DD)")
    parser.add_argument("-o", "--output", type=Path, default=Path("demo-articles.jsonl"), help="JSONL export")
    parser.add_argument("--serve", action="store_true", help="only serve the copy until Ctrl-C")
    parser.add_argument("--port", type=int, default=0, help="port of 127.0.0.1 to serve on (default: a free one)")
    options = parser.parse_args(argv)
    if not 0 <= options.port <= 65535:
        parser.error(f"--port: expected 0..65535, got {options.port}")
    return options


def main(argv: list[str] | None = None) -> int:
    options = parse_options(argv)
    site = build_copy(options.site)
    since, until = site.windows()[-1]
    since, until = options.since or since, options.until or until
    if since > until:
        print(f"--since {since} is after --until {until}", file=sys.stderr)
        return 2
    if not options.serve and site.name not in known_spiders():
        print(f"Cannot crawl the {site.name} copy: this project has no spider named {site.name!r} yet "
              f"(scrapy list). `--serve` serves the copy.", file=sys.stderr)
        return 1
    with ExitStack() as stack:
        try:
            server = stack.enter_context(serve(site, port=options.port))
        except OSError as error:
            print(f"--port {options.port}: cannot listen on 127.0.0.1 ({error.strerror})", file=sys.stderr)
            return 2
        if options.serve:
            print(f"Serving the {site.name} copy ({site.domain}) at {server.base_url}; it holds every article of "
                  f"{held_days(site)}. Ctrl-C stops.", flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return 0
        # The demo keeps its article store apart from a real one, and removes it afterwards.
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="newscrawl-demo-")))
        command = crawl_command(server.base_url, since, until, options.output, state=workdir / "state.sqlite",
                                spider=site.name)
        print(f"The {site.name} copy at {server.base_url} holds every article of {held_days(site)}; "
              f"crawling {since}..{until}:")
        print("$", shlex.join(command), flush=True)
        started = time.monotonic()
        # Outside the project folder Scrapy finds the project through this variable.
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
        result = subprocess.run(command, check=False, env=env)
        seconds = time.monotonic() - started
        requests = len(server.requests)
    if result.returncode != 0:
        print(f"scrapy crawl failed with exit code {result.returncode}", file=sys.stderr)
        return result.returncode
    records, missing, unexpected, twice = compare(site, since, until, options.output)
    print(
        f"\nExported {records} articles to {options.output} in {seconds:.1f}s with {requests} requests "
        f"({requests / max(records, 1):.2f} per article). Against what the site holds: "
        f"{len(missing)} missing, {len(unexpected)} unexpected, {len(twice)} exported twice."
    )
    return 0 if not (missing or unexpected or twice) else 1


if __name__ == "__main__":
    sys.exit(main())
