"""Crawl cost: a backfill of the local site with politeness off; articles/s and requests/article.

The real ``scrapy crawl inbusiness`` over both dense windows of the demo site (2022-10-17..19,
2024-02-28..03-02: every day has articles), served on 127.0.0.1 from this process's thread.
Every request the server answered counts: robots.txt, archive pages, the missing edition's
probe, retries, redirects and 404s. References measured in the same run: the fewest requests
a backfill could make (one per article and per archive page), and extraction alone in articles/s.

    python bench/crawl.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from newscrawl.demo.__main__ import crawl_command
from newscrawl.demo.server import serve
from newscrawl.demo.site import Site, build_site
from newscrawl.records import record_from_html
from newscrawl.sites import get_site

REPO = Path(__file__).resolve().parents[1]
WINDOWS = ((date(2022, 10, 17), date(2022, 10, 19)), (date(2024, 2, 28), date(2024, 3, 2)))
REQUESTS_PER_ARTICLE_TARGET = 1.1
_ARCHIVE = re.compile(r"^/(ru|kz)/lastnews\?")


def backfill(site: Site, since: date, until: date, workdir: Path) -> tuple[int, list[tuple[str, str, int]], float]:
    """(articles exported, requests the server answered, seconds) of one backfill."""
    output = workdir / f"{since}.jsonl"
    with serve(site) as server:
        command = crawl_command(server.base_url, since, until, output, state=workdir / f"{since}.sqlite",
                                log=workdir / f"{since}.log")
        started = time.monotonic()
        subprocess.run(command, cwd=REPO, check=True, capture_output=True)
        seconds = time.monotonic() - started
        requests = list(server.requests)
    exported = sum(1 for line in output.read_text(encoding="utf-8").splitlines() if json.loads(line))
    return exported, requests, seconds


def extraction_rate(site: Site) -> float:
    """Articles per second of extraction and cleaning alone, on the same pages."""
    pages = [(a.path, site.respond(a.path)) for a in site.articles]
    started = time.perf_counter()
    for path, (_, headers, body) in pages:
        record_from_html(body, f"http://127.0.0.1{path}", site=get_site("inbusiness"), headers=headers)
    return len(pages) / (time.perf_counter() - started)


def main() -> int:
    site = build_site()
    exported, requests, seconds = 0, [], 0.0
    with tempfile.TemporaryDirectory(prefix="newscrawl-crawl-") as tmp:
        for since, until in WINDOWS:
            count, answered, spent = backfill(site, since, until, Path(tmp))
            exported, requests, seconds = exported + count, requests + answered, seconds + spent
    expected = sum(len(site.expected_records(since, until)) for since, until in WINDOWS)
    archive_pages = sum(1 for _, path, status in requests if _ARCHIVE.match(path) and status == 200)
    floor = exported + archive_pages
    per_article = len(requests) / exported
    rate, extraction = exported / seconds, extraction_rate(site)
    print(f"Backfill of the demo site, politeness off: {exported} articles exported of {expected} expected, "
          f"{len(requests)} requests ({archive_pages} archive pages), {seconds:.1f} s (incl. 2 Scrapy start-ups)")
    print("| measure | value | reference | ratio |\n|---|---:|---:|---:|")
    print(f"| requests per article (all) | {per_article:.3f} | target {REQUESTS_PER_ARTICLE_TARGET} | "
          f"{per_article / REQUESTS_PER_ARTICLE_TARGET:.2f} |")
    print(f"| requests | {len(requests)} | floor: articles + archive pages = {floor} | {len(requests) / floor:.3f} |")
    print(f"| articles/s, whole crawl | {rate:.0f} | extraction + cleaning alone: {extraction:.0f}/s | "
          f"{rate / extraction:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
