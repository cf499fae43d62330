"""A cheap generated copy of the site for scale runs: N articles, pages rendered on request.

The demo site (``newscrawl.demo``) builds ~326 articles and keeps them; a scale run needs
100,000, so this site keeps nothing but N: article ``i`` is generated from ``Random(i)`` by the
demo's own generator and rendered by the demo's own layout-A/B templates when asked for.
Run it in its own process (``python bench/scale_site.py --articles 100000``) so the crawler's
RSS is the crawler's alone.

For incremental runs it also serves what they read: ``/sitemap.xml`` (one monthly sitemap
``/sitemap/ru-YYYY-MM.xml`` a month, lastmod = the month's newest article), the monthly
sitemaps (each article with its published time as lastmod) and ``/ru/rss`` (the newest 50).
An article's published time comes from its index alone and its slug is memoised, so a
sitemap of a month (~3,000 articles) never generates the articles it lists.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from newscrawl.demo.content import LAYOUT_A, LAYOUT_B, Article, Noise, almaty, iso
from newscrawl.demo.generate import Generator
from newscrawl.demo.listings import PAGE_SIZE, Entry, render_archive, render_plain, render_rss, render_sitemap_index
from newscrawl.demo.noise import TG_BLOCK
from newscrawl.demo.pages import render_layout_a, render_layout_b
from newscrawl.demo.phrases import slugify
from newscrawl.demo.server import DemoServer

HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/xml; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}
FIRST_DAY = date(2019, 1, 1)
RSS_ITEMS = 50
_ARTICLE_PATH = re.compile(r"^/ru/last/[a-z0-9-]*?-(\d+)$")
_MONTHLY_SITEMAP = re.compile(r"^/sitemap/ru-(\d{4})-(\d{2})\.xml$")

Answer = tuple[int, dict[str, str], bytes]


class ScaleSite:
    """``articles`` ru articles, ``per_day`` a day from ``FIRST_DAY``, layouts A and B alternating."""

    def __init__(self, articles: int, per_day: int = 100) -> None:
        self.count = articles
        self.per_day = per_day
        self._slugs: dict[int, str] = {}  # index -> slug: ~100k short strings at most

    @property
    def days(self) -> tuple[date, date]:
        """The first and last day that have articles."""
        return FIRST_DAY, FIRST_DAY + timedelta(days=(self.count - 1) // self.per_day)

    def published(self, index: int) -> datetime:
        """Article ``index``'s published time, from its index alone (no article generated)."""
        day = FIRST_DAY + timedelta(days=index // self.per_day)
        minute = 7 * 60 + (index % self.per_day) * (16 * 60 // self.per_day)
        return almaty(day.year, day.month, day.day, minute // 60, minute % 60)

    def article(self, index: int) -> Article:
        """Article ``index``, the same on every call (its own random stream)."""
        article = Generator(seed=index).article("ru", self.published(index), serial=1)
        article.layout = LAYOUT_B if index % 2 else LAYOUT_A
        article.kind = "last"
        article.slug = f"{slugify(article.title, 6)}-{index}"
        article.blocks.append(Noise("promo_tg_block", TG_BLOCK))
        return article

    def respond(self, path_with_query: str, *, host: str | None = None, fired: set[str] | None = None) -> Answer:
        """Answer one GET the way ``newscrawl.demo.server`` expects of a site."""
        split = urlsplit(path_with_query)
        base = f"http://{host}" if host else "http://127.0.0.1"
        if split.path == "/ru/lastnews":
            return self._archive(parse_qs(split.query))
        if split.path == "/sitemap.xml":
            return 200, XML, render_sitemap_index(self._monthly_lastmods(), base).encode()
        if split.path == "/ru/rss":
            newest = [self.article(i) for i in range(self.count - 1, max(self.count - RSS_ITEMS, 0) - 1, -1)]
            return 200, RSS, render_rss("ru", newest, base).encode()
        monthly = _MONTHLY_SITEMAP.match(split.path)
        if monthly and (indexes := self._month(int(monthly[1]), int(monthly[2]))):
            return 200, XML, self._sitemap(indexes, base).encode()
        match = _ARTICLE_PATH.match(split.path)
        if match and int(match[1]) < self.count:
            article = self.article(int(match[1]))
            render = render_layout_b if article.layout == LAYOUT_B else render_layout_a
            return 200, HTML, render(article).encode()
        return 404, HTML, render_plain("404", "Страница не найдена").encode()

    def _archive(self, query: dict[str, list[str]]) -> Answer:
        day = date.fromisoformat(query.get("date", [self.days[1].isoformat()])[0])
        page = int(query.get("page", ["1"])[0])
        first = (day - FIRST_DAY).days * self.per_day
        indexes = [i for i in range(first, first + self.per_day) if 0 <= i < self.count][::-1]
        shown = indexes[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        entries = [Entry(f"/ru/last/{self.slug(i)}", f"Статья {i}", "12:00") for i in shown]
        more = page * PAGE_SIZE < len(indexes)
        next_href = f"/ru/lastnews?date={day.isoformat()}&page={page + 1}" if more else None
        return 200, HTML, render_archive("ru", day, entries, page, next_href).encode()

    def slug(self, index: int) -> str:
        """Article ``index``'s slug, generated once (it needs the article's title)."""
        if (slug := self._slugs.get(index)) is None:
            slug = self._slugs[index] = self.article(index).slug
        return slug

    def _month(self, year: int, month: int) -> range:
        """The indexes of the articles published in that month (empty if none)."""
        start = date(year, month, 1)
        end = date(year + month // 12, month % 12 + 1, 1)
        first = max((start - FIRST_DAY).days, 0) * self.per_day
        stop = max((end - FIRST_DAY).days, 0) * self.per_day
        return range(min(first, self.count), min(stop, self.count))

    def _monthly_lastmods(self) -> dict[str, datetime]:
        """``ru-YYYY-MM`` -> the newest published time of that month, for every month with articles."""
        files, (first, last) = {}, self.days
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            if indexes := self._month(year, month):
                files[f"ru-{year:04d}-{month:02d}"] = self.published(indexes[-1])
            year, month = year + month // 12, month % 12 + 1
        return files

    def _sitemap(self, indexes: range, base: str) -> str:
        """A monthly sitemap: each article's URL on this host and its published time as lastmod
        (the layout of ``listings.render_sitemap``, without generating the articles)."""
        entries = "".join(f"<url><loc>{base}/ru/last/{self.slug(i)}</loc><lastmod>{iso(self.published(i))}</lastmod>"
                          "</url>\n" for i in indexes)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-day", type=int, default=100)
    options = parser.parse_args(argv)
    site = ScaleSite(options.articles, options.per_day)
    server = DemoServer(site)  # type: ignore[arg-type]  # any object with respond() will do
    server.requests = _NoLog()  # 100k request tuples would be the server's memory, not the point
    first, last = site.days
    print(f"{server.base_url} {first} {last}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


class _NoLog(list):
    """A request log that keeps only the count."""

    count = 0

    def append(self, item: object) -> None:
        self.count += 1


if __name__ == "__main__":
    sys.exit(main())
