"""A cheap generated copy of the site for scale runs: N articles, pages rendered on request.

The demo site (``newscrawl.demo``) builds ~326 articles and keeps them; a scale run needs
100,000, so this site keeps nothing but N: article ``i`` is generated from ``Random(i)`` by the
demo's own generator and rendered by the demo's own layout-A/B templates when asked for.
Run it in its own process (``python bench/scale_site.py --articles 100000``) so the crawler's
RSS is the crawler's alone.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from newscrawl.demo.content import LAYOUT_A, LAYOUT_B, Article, Noise, almaty
from newscrawl.demo.generate import Generator
from newscrawl.demo.listings import PAGE_SIZE, Entry, render_archive, render_plain
from newscrawl.demo.noise import TG_BLOCK
from newscrawl.demo.pages import render_layout_a, render_layout_b
from newscrawl.demo.phrases import slugify
from newscrawl.demo.server import DemoServer

HTML = {"Content-Type": "text/html; charset=utf-8"}
FIRST_DAY = date(2019, 1, 1)
_ARTICLE_PATH = re.compile(r"^/ru/last/[a-z0-9-]*?-(\d+)$")

Answer = tuple[int, dict[str, str], bytes]


class ScaleSite:
    """``articles`` ru articles, ``per_day`` a day from ``FIRST_DAY``, layouts A and B alternating."""

    def __init__(self, articles: int, per_day: int = 100) -> None:
        self.count = articles
        self.per_day = per_day

    @property
    def days(self) -> tuple[date, date]:
        """The first and last day that have articles."""
        return FIRST_DAY, FIRST_DAY + timedelta(days=(self.count - 1) // self.per_day)

    def article(self, index: int) -> Article:
        """Article ``index``, the same on every call (its own random stream)."""
        day = FIRST_DAY + timedelta(days=index // self.per_day)
        minute = 7 * 60 + (index % self.per_day) * (16 * 60 // self.per_day)
        moment = almaty(day.year, day.month, day.day, minute // 60, minute % 60)
        article = Generator(seed=index).article("ru", moment, serial=1)
        article.layout = LAYOUT_B if index % 2 else LAYOUT_A
        article.kind = "last"
        article.slug = f"{slugify(article.title, 6)}-{index}"
        article.blocks.append(Noise("promo_tg_block", TG_BLOCK))
        return article

    def respond(self, path_with_query: str, *, host: str | None = None, fired: set[str] | None = None) -> Answer:
        """Answer one GET the way ``newscrawl.demo.server`` expects of a site."""
        split = urlsplit(path_with_query)
        if split.path == "/ru/lastnews":
            return self._archive(parse_qs(split.query))
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
        return self.article(index).slug


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
