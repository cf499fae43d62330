"""``scrapy crawl news`` on the local copies of our sites, read as sites we know nothing about.

For each copy, the real ``scrapy crawl news`` over its newest window (``--all-windows``: each
window; served on 127.0.0.1 from this process's thread, politeness off), twice: ``-a url=`` the
copy itself (what a user types for a site they found), and ``-a url=`` the real site with
``-a base_url=`` the copy and ``-a timezone=Asia/Almaty`` (a copy whose robots.txt and sitemaps
name the real host, as kursiv's do). Reported against the copy's own expected records of the
window (what the site's declared spider exports): articles found, articles exported outside
them, mean token F1 of the bodies of the found ones, ``published_at`` written the same, requests
the server answered per expected article, seconds (a Scrapy start-up included).

    python bench/news_spider.py [--site NAME] [--all-windows]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newscrawl.demo.__main__ import FAST_SETTINGS
from newscrawl.demo.core import SiteCopy
from newscrawl.demo.server import serve
from newscrawl.demo.sites import COPIES, build_copy
from newscrawl.extract.metrics import token_f1

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Result:
    found: int
    expected: int
    extra: int
    body_f1: float
    min_f1: float
    same_published: int
    requests: int
    seconds: float


def news_command(url: str, since: date, until: date, workdir: Path, *extra: str) -> list[str]:
    """The ``scrapy crawl news`` command line of one window, its store and export in ``workdir``."""
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={url}", "-a", f"since={since}",
               "-a", f"until={until}", "-O", str(workdir / "out.jsonl"), "-s", f"NEWSCRAWL_STATE={workdir / 's.sqlite'}",
               "-s", f"LOG_FILE={workdir / 'crawl.log'}"]
    command += extra
    for setting in FAST_SETTINGS:
        command += ["-s", setting]
    return command


def score(expected: list[dict], exported: list[dict]) -> tuple[int, int, list[float], int]:
    """(found, exported outside the expected ones, body F1 of each found one, same published_at)."""
    by_url = {record["url"]: record for record in exported}
    found = [record for record in expected if record["url"] in by_url]
    f1s = [token_f1(record["body"], by_url[record["url"]]["body"]) for record in found]
    same = sum(record["published_at"] == by_url[record["url"]]["published_at"] for record in found)
    return len(found), len(set(by_url) - {record["url"] for record in expected}), f1s, same


def crawl(copy: SiteCopy, since: date, until: date, as_real: bool) -> Result:
    expected = copy.expected_records(since, until)
    with tempfile.TemporaryDirectory(prefix="news-bench-") as folder, serve(copy) as server:
        workdir = Path(folder)
        url = f"https://{copy.domain}" if as_real else server.base_url
        extra = ("-a", f"base_url={server.base_url}", "-a", "timezone=Asia/Almaty") if as_real else ()
        started = time.monotonic()
        subprocess.run(news_command(url, since, until, workdir, *extra), cwd=REPO, check=True,
                       capture_output=True, timeout=600)
        seconds = time.monotonic() - started
        output = workdir / "out.jsonl"
        exported = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line.strip()]
        requests = len(server.requests)
    found, others, f1s, same = score(expected, exported)
    return Result(found, len(expected), others, statistics.fmean(f1s) if f1s else 0.0, min(f1s, default=0.0),
                  same, requests, seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", choices=sorted(COPIES), action="append", help="a copy (default: all)")
    parser.add_argument("--all-windows", action="store_true", help="every window of each copy (default: the newest)")
    options = parser.parse_args(argv)
    print("| site (window) | -a url= | found / expected | other exported | body F1 mean (min) "
          "| published_at same | requests / article | seconds |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name in options.site or sorted(COPIES):
        copy = build_copy(name)
        for since, until in copy.windows() if options.all_windows else copy.windows()[-1:]:
            for as_real in (False, True):
                r = crawl(copy, since, until, as_real)
                mode = f"https://{copy.domain} + base_url, timezone" if as_real else "the copy"
                print(f"| {name} ({since}..{until}) | {mode} | {r.found} / {r.expected} | {r.extra} "
                      f"| {r.body_f1:.3f} ({r.min_f1:.3f}) | {r.same_published} / {r.found} "
                      f"| {r.requests / r.expected:.2f} | {r.seconds:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
