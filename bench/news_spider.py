"""``scrapy crawl news`` on the local copies of our sites, read as sites we know nothing about.

For each copy, the real ``scrapy crawl news`` over its newest window (served on 127.0.0.1 from
this process's thread, politeness off), twice: ``-a url=`` the copy itself (what a user types for
a site they found), and ``-a url=`` the real site with ``-a base_url=`` the copy (a copy whose
robots.txt and sitemaps name the real host, as kursiv's do). Reported against the copy's own
expected records of the window (what the site's declared spider exports): articles found,
articles exported outside them, mean token F1 of the bodies of the found ones, requests the
server answered per expected article, seconds (two Scrapy start-ups' worth included).

    python bench/news_spider.py [--site NAME]
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
    requests: int
    seconds: float


def news_command(url: str, since: date, until: date, workdir: Path, base_url: str | None = None) -> list[str]:
    """The ``scrapy crawl news`` command line of one window, its store and export in ``workdir``."""
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={url}", "-a", f"since={since}",
               "-a", f"until={until}", "-O", str(workdir / "out.jsonl"), "-s", f"NEWSCRAWL_STATE={workdir / 's.sqlite'}",
               "-s", f"LOG_FILE={workdir / 'crawl.log'}"]
    if base_url:
        command += ["-a", f"base_url={base_url}"]
    for setting in FAST_SETTINGS:
        command += ["-s", setting]
    return command


def score(expected: list[dict], exported: list[dict]) -> tuple[int, int, list[float]]:
    """(found, exported outside the expected ones, body F1 of each found one)."""
    by_url = {record["url"]: record for record in exported}
    found = [record for record in expected if record["url"] in by_url]
    f1s = [token_f1(record["body"], by_url[record["url"]]["body"]) for record in found]
    return len(found), len(set(by_url) - {record["url"] for record in expected}), f1s


def crawl(copy: SiteCopy, as_real: bool) -> Result:
    since, until = copy.windows()[-1]
    expected = copy.expected_records(since, until)
    with tempfile.TemporaryDirectory(prefix="news-bench-") as folder, serve(copy) as server:
        workdir = Path(folder)
        url, base_url = (f"https://{copy.domain}", server.base_url) if as_real else (server.base_url, None)
        started = time.monotonic()
        subprocess.run(news_command(url, since, until, workdir, base_url), cwd=REPO, check=True,
                       capture_output=True, timeout=600)
        seconds = time.monotonic() - started
        output = workdir / "out.jsonl"
        exported = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line.strip()]
        requests = len(server.requests)
    found, extra, f1s = score(expected, exported)
    return Result(found, len(expected), extra, statistics.fmean(f1s) if f1s else 0.0, min(f1s, default=0.0),
                  requests, seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", choices=sorted(COPIES), action="append", help="a copy (default: all)")
    options = parser.parse_args(argv)
    print("| site (window) | -a url= | found / expected | other exported | body F1 mean (min) "
          "| requests / article | seconds |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name in options.site or sorted(COPIES):
        copy = build_copy(name)
        since, until = copy.windows()[-1]
        for as_real in (False, True):
            result = crawl(copy, as_real)
            mode = f"https://{copy.domain} + base_url" if as_real else "the copy"
            print(f"| {name} ({since}..{until}) | {mode} | {result.found} / {result.expected} | {result.extra} "
                  f"| {result.body_f1:.3f} ({result.min_f1:.3f}) | {result.requests / result.expected:.2f} "
                  f"| {result.seconds:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
