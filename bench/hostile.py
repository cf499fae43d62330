"""Hostile input at scale: a day archive of 100,000 links and a sitemap of 300,000 URLs.

Each figure is printed beside the reference measured in the same run: the code before issue 13
(a listing deduplicated by scanning the list of links so far, read by the not-article
middleware and again by the spider; a sitemap parsed whole by ``scrapy.utils.sitemap.Sitemap``
into a list). Each measurement runs in a fresh process, so its peak RSS (the kernel's
high-water mark, over the process's state once the input is built) is its own.

    python bench/hostile.py            # reference listing at 10k links only (it is quadratic)
    python bench/hostile.py --full     # also the reference at 100k links (about 2.5 minutes)
    python bench/hostile.py --crawl    # a real incremental crawl of a site whose one sitemap lists
                                       # 300,000 URLs, scheduled whole (the reference) and in batches
                                       # (NEWSCRAWL_FEED_BATCH, --batch): seconds to the first article
                                       # request, peak RSS until then and in the --window
                                       # seconds after it (default 20)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector

REPO = Path(__file__).resolve().parents[1]
#: Per site: a listing page, and the markup of a listing of ``n`` items in that site's own classes.
LISTINGS = {
    "inbusiness": ("https://inbusiness.kz/ru/lastnews?date=2022-10-18",
                   lambda n: (f'<div class="news-item"><a class="news-item__title" href="/ru/last/article-{n}">'
                              f"Заголовок {n}</a></div>"), "news-list"),
    "kursiv": ("https://kz.kursiv.media/2024/03/01/",
               lambda n: (f'<article class="post-card"><a class="post-card__link" href="/2024-03-01/article-{n}/">'
                          f"Заголовок {n}</a></article>"), "archive__list"),
}


def listing_html(site: str, links: int) -> str:
    _, item, container = LISTINGS[site]
    items = "".join(item(n) for n in range(links))
    return f'<html><body><div class="{container}">{items}</div></body></html>'


def sitemap_xml(urls: int) -> bytes:
    entries = "".join(f"<url><loc>https://inbusiness.kz/ru/last/a-{n}</loc>"
                      f"<lastmod>2024-03-01T10:00:00+05:00</lastmod></url>\n" for n in range(urls))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"\n{entries}</urlset>\n").encode()


def reference_read_listing(selector: Selector, page_url: str, site: Any) -> Any:
    """``discover.archive.read_listing`` before issue 13: the site's CSS chain, which libxml2
    runs in quadratic time, then ``not in`` a list, per link."""
    from newscrawl.discover.archive import Listing
    from newscrawl.urls import article_request_url

    listing = Listing()
    host = urlsplit(page_url).hostname
    for href in selector.css(site.listing.item_links).getall():
        url = urljoin(page_url, href.strip())
        article_url = article_request_url(url, site)
        if urlsplit(url).hostname == host and article_url is not None and article_url not in listing.links:
            listing.links.append(article_url)
    return listing


def reference_sitemap_entries(body: bytes) -> tuple[str, list[tuple[str, str | None]]]:
    """``discover.feeds.sitemap_entries`` before issue 13: the whole tree, then a list."""
    from scrapy.utils.sitemap import Sitemap

    sitemap = Sitemap(body)
    entries = [(entry["loc"].strip(), (entry.get("lastmod") or "").strip() or None) for entry in sitemap]
    return sitemap.type or "", entries


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, size: int, reference: bool) -> dict[str, float]:
    """One measurement, in this (fresh) process: seconds and peak RSS growth over the input.
    ``kind``: ``sitemap`` or ``listing-SITE`` (the site's own listing markup)."""
    import newscrawl.extract.notarticle as notarticle
    from newscrawl.discover.archive import read_listing
    from newscrawl.discover.feeds import sitemap_entries
    from newscrawl.sites import get_site

    if kind.startswith("listing-"):
        site = get_site(kind.removeprefix("listing-"))
        page = LISTINGS[site.name][0]
        html = listing_html(site.name, size)
        read = reference_read_listing if reference else read_listing
        notarticle.read_listing = read  # type: ignore[assignment]  # what the middleware calls
        before = peak_mb()
        started = time.perf_counter()
        selector = Selector(text=html)  # one parse: the middleware and the spider share the response's
        notarticle.page_problem(selector, page, listing=site)  # NotArticleMiddleware
        links = len(read(selector, page, site).links)  # the spider
    else:
        body = sitemap_xml(size)
        before = peak_mb()
        started = time.perf_counter()
        if reference:
            links = len(reference_sitemap_entries(body)[1])
        else:
            links = sum(1 for _ in sitemap_entries(body)[1])
    return {"seconds": time.perf_counter() - started, "peak_mb": peak_mb() - before, "links": links}


def run(kind: str, size: int, reference: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", kind, str(size), "reference" if reference else "now"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(done.stdout)


class BigSitemapSite:
    """A site whose sitemap index names one sitemap of 300,000 URLs; everything else is 404."""

    def __init__(self, urls: int) -> None:
        self.body = sitemap_xml(urls)
        self.first_article: float | None = None
        self.articles = 0

    def respond(self, path: str, *, host: str | None = None, fired: set[str] | None = None) -> Any:
        xml = {"Content-Type": "application/xml"}
        if path == "/sitemap.xml":
            return 200, xml, (f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
                              f"<loc>http://{host}/sitemap/ru-2024-03.xml</loc></sitemap></sitemapindex>").encode()
        if path == "/sitemap/ru-2024-03.xml":
            return 200, xml, self.body.replace(b"https://inbusiness.kz", f"http://{host}".encode())
        if "/last/" in path:
            self.articles += 1
            if self.first_article is None:
                self.first_article = time.monotonic()
        return 404, {"Content-Type": "text/html"}, b"<html><body>404</body></html>"


def crawl_big_sitemap(urls: int, settings: list[str], after: float) -> dict[str, float]:
    """The real ``scrapy crawl``, incremental, on an empty store, with these ``-s`` settings: seconds
    to its first article request,
    peak RSS until then and over the ``after`` seconds that follow, articles requested by then."""
    import tempfile

    import psutil

    from newscrawl.demo.__main__ import crawl_command
    from newscrawl.demo.server import serve

    site = BigSitemapSite(urls)
    with serve(site) as server, tempfile.TemporaryDirectory() as workdir:  # type: ignore[arg-type]
        command = crawl_command(server.base_url, None, None, Path(workdir, "out.jsonl"),
                                state=Path(workdir, "state.sqlite"), log=Path(workdir, "log"))
        started = time.monotonic()
        process = psutil.Popen([*command, "-a", "editions=ru", *(f"-s{setting}" for setting in settings)], cwd=REPO)
        peak = peak_after = 0
        while process.poll() is None and time.monotonic() - started < 600:
            rss = process.memory_info().rss
            if site.first_article is None:
                peak = max(peak, rss)
            elif time.monotonic() - site.first_article < after:
                peak_after = max(peak_after, rss)
            else:
                break
            time.sleep(0.05)
        seconds = (site.first_article or time.monotonic()) - started
        if process.poll() is None:
            process.kill()
        elif site.first_article is None:
            print(Path(workdir, "log").read_text(encoding="utf-8")[-2000:])
        process.wait()
    return {"seconds": seconds, "peak_mb": peak / 2**20, "peak_after_mb": peak_after / 2**20,
            "articles": site.articles}


def crawl_side_by_side(urls: int, batch: int, after: float) -> None:
    """The crawl of one big sitemap as before issue 13 case 8 (scheduled whole, and the engine
    fetching nothing while the scraper held more than Scrapy's default 5 MB of responses, which
    the sitemap alone is), scheduled whole with today's scraper room, and in batches (now)."""
    print(f"crawl, one sitemap of {urls:,} URLs ({after:.0f} s window after the first article request)")
    print(f"{'sitemap scheduled':<28} {'first article s':>15} {'peak MB before':>14} "
          f"{'peak MB window':>14} {'articles':>9}")
    cases = (("whole, 5 MB slot (before)", ["NEWSCRAWL_FEED_BATCH=0", "SCRAPER_SLOT_MAX_ACTIVE_SIZE=5000000"]),
             ("whole", ["NEWSCRAWL_FEED_BATCH=0"]), (f"in batches of {batch:,} (now)", [f"NEWSCRAWL_FEED_BATCH={batch}"]))
    for label, settings in cases:
        figures = crawl_big_sitemap(urls, settings, after)
        print(f"{label:<28} {figures['seconds']:>15.1f} {figures['peak_mb']:>14.0f} "
              f"{figures['peak_after_mb']:>14.0f} {figures['articles']:>9,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also the quadratic reference at 100k links")
    parser.add_argument("--crawl", action="store_true", help="the crawl of a 300k-URL sitemap, to its first article")
    parser.add_argument("--batch", type=int, default=2000, help="NEWSCRAWL_FEED_BATCH of the crawl (default 2000)")
    parser.add_argument("--window", type=float, default=20.0, help="seconds of crawl measured after the first article")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.crawl:
        crawl_side_by_side(300_000, options.batch, options.window)
        return
    if options.one:
        kind, size, which = options.one
        print(json.dumps(measure(kind, int(size), which == "reference")))
        return
    cases = [(f"listing-{site}", size, reference) for site in LISTINGS
             for size, reference in ((10_000, True), (10_000, False), (100_000, False))]
    cases += [("sitemap", 300_000, True), ("sitemap", 300_000, False)]
    if options.full:
        cases += [(f"listing-{site}", 100_000, True) for site in LISTINGS]
    print(f"{'input':<36} {'code':<10} {'seconds':>8} {'peak MB':>8} {'links':>8}")
    for kind, size, reference in cases:
        figures = run(kind, size, reference)
        print(f"{kind + f' of {size:,} links':<36} {'before' if reference else 'now':<10} "
              f"{figures['seconds']:>8.2f} {figures['peak_mb']:>8.0f} {figures['links']:>8,.0f}")


if __name__ == "__main__":
    main()
