"""``python -m newscrawl.demo``: serve the local copy of the site and crawl it with ``scrapy crawl``.

A new user sees a real crawl without the internet, and whether it exported exactly
the articles the site holds. ``--serve`` only serves the site (for crawling by hand).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from newscrawl.demo.server import serve
from newscrawl.demo.site import Site, build_site

#: Crawl the local site flat out: politeness is for the real one.
FAST_SETTINGS: tuple[str, ...] = (
    "AUTOTHROTTLE_ENABLED=0",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
)


def crawl_command(
    base_url: str, since: date | None, until: date | None, output: Path, *, state: Path, log: Path | None = None
) -> list[str]:
    """The ``scrapy crawl`` command line that crawls the local site into ``output``, with the
    article store at ``state`` (without a range: an incremental run)."""
    command = [sys.executable, "-m", "scrapy", "crawl", "inbusiness", "-a", f"base_url={base_url}", "-O", str(output)]
    if since and until:
        command += ["-a", f"since={since}", "-a", f"until={until}"]
    for setting in (*FAST_SETTINGS, f"NEWSCRAWL_STATE={state}"):
        command += ["-s", setting]
    if log is not None:
        command += ["-s", f"LOG_FILE={log}"]
    return command


def compare(site: Site, since: date, until: date, output: Path) -> tuple[int, list[str], list[str], list[str]]:
    """(records, missing URLs, unexpected URLs, URLs exported twice) of an export against the site."""
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line.strip()]
    urls = [record["url"] for record in lines]
    expected = {record["url"] for record in site.expected_records(since, until)}
    twice = sorted({url for url in urls if urls.count(url) > 1})
    return len(lines), sorted(expected - set(urls)), sorted(set(urls) - expected), twice


def latest_window(days: list[date]) -> tuple[date, date]:
    """The newest run of consecutive days the site has articles for (the site has gaps)."""
    first = days[-1]
    for day in reversed(days[:-1]):
        if (first - day).days != 1:
            break
        first = day
    return first, days[-1]


def main(argv: list[str] | None = None) -> int:
    site = build_site()
    since, until = latest_window(site.days)
    parser = argparse.ArgumentParser(prog="python -m newscrawl.demo", description=__doc__)
    parser.add_argument("--since", type=date.fromisoformat, default=since, help="first day (YYYY-MM-DD)")
    parser.add_argument("--until", type=date.fromisoformat, default=until, help="last day (YYYY-MM-DD)")
    parser.add_argument("-o", "--output", type=Path, default=Path("demo-articles.jsonl"), help="JSONL export")
    parser.add_argument("--serve", action="store_true", help="only serve the site until Ctrl-C")
    options = parser.parse_args(argv)
    with serve(site) as server:
        if options.serve:
            print(f"Serving the demo site at {server.base_url} (days {site.days[0]} .. {site.days[-1]}); Ctrl-C stops.")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return 0
        # The demo keeps its article store apart from a real one.
        state = Path(tempfile.mkdtemp(prefix="newscrawl-demo-")) / "state.sqlite"
        command = crawl_command(server.base_url, options.since, options.until, options.output, state=state)
        print("$", " ".join(command), flush=True)
        started = time.monotonic()
        # Outside the project folder Scrapy finds the project through this variable.
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
        result = subprocess.run(command, check=False, env=env)
        seconds = time.monotonic() - started
        requests = len(server.requests)
    if result.returncode != 0:
        print(f"scrapy crawl failed with exit code {result.returncode}", file=sys.stderr)
        return result.returncode
    records, missing, unexpected, twice = compare(site, options.since, options.until, options.output)
    print(
        f"\nExported {records} articles to {options.output} in {seconds:.1f}s with {requests} requests "
        f"({requests / max(records, 1):.2f} per article). Against what the site holds: "
        f"{len(missing)} missing, {len(unexpected)} unexpected, {len(twice)} exported twice."
    )
    return 0 if not (missing or unexpected or twice) else 1


if __name__ == "__main__":
    sys.exit(main())
