"""Listing and discovery pages of the tengrinews copy: day archives, RSS, robots.txt, sitemaps.

Pure functions; ``base`` is the copy's origin (``http://127.0.0.1:8002``): listings link on this
host, article pages keep the real site's canonical. Markup as in examples/tengrinews/news-*.html.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from email.utils import format_datetime
from html import escape

from newscrawl.demo.core import render_sitemapindex, render_urlset
from newscrawl.demo.tengrinews.content import ALMATY, TengriArticle, iso
from newscrawl.demo.tengrinews.pages import MONTHS, SIDEBAR, description

#: Items per day-archive page (assumed by the spec).
PAGE_SIZE = 20
#: The RSS feed holds the newest items.
RSS_SIZE = 50
#: Section fronts listed by ``sitemap-pages.xml``.
SECTIONS = ("kazakhstan_news", "world_news", "events", "science")


def full_date(moment: datetime) -> str:
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M}"


def listing_time(item: TengriArticle, served: date | None) -> str:
    """What an item's meta line prints: ``Сегодня, 10:45``, ``Вчера, 18:20`` or a full date.
    ``served`` is the Almaty day the page is served on (None: always the full date)."""
    moment = item.published.astimezone(ALMATY)
    if served is not None and (served - moment.date()).days in (0, 1):
        return f"{'Сегодня' if moment.date() == served else 'Вчера'}, {moment:%H:%M}"
    return full_date(moment) if item.kind == "article" else ""


def day_pages(items: list[TengriArticle]) -> list[list[TengriArticle]]:
    """A day's items newest first, cut into archive pages (one empty page for an empty day)."""
    ordered = sorted(items, key=lambda item: item.published.timestamp(), reverse=True)
    return [ordered[i : i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)] or [[]]


def render_listing(path: str, title: str, items: list[TengriArticle], page: int, pages: int, base: str,
                   served: date | None = None, tracking: bool = False) -> str:
    """Page ``page`` of a listing at ``path`` (``/news/YYYY/MM/DD/``, ``/news/``): ``div.content_main_item``
    items, ``a.pagination_next`` and ``<link rel="next">`` unless last, and a sidebar of other days'
    articles (never the listed ones). ``tracking`` puts ``utm_*`` on the item links."""
    query = "?utm_source=tengrinews&utm_medium=lenta" if tracking else ""
    day_archive = path != "/news/"  # an old slug or a slash-less link stays on an old day's page only
    lines = []
    for item in items:
        href = escape((item.listed_as if day_archive and item.listed_as else item.path) + (query if item.is_article else ""))
        image = f'<picture><img src="{item.main_image.src}" alt=""></picture>' if item.main_image else ""
        lines.append(f'<div class="content_main_item"><a href="{href}">{image}</a><span class="content_main_item_title">'
                     f'<a href="{href}">{escape(item.title)}</a></span><span class="content_main_item_announce">'
                     f'{escape(item.lead or "")}</span>\n<div class="content_main_item_meta"><span>'
                     f"{listing_time(item, served)}</span></div></div>\n")
    numbers = "".join(f'<span class="pagination_item active">{n}</span>' if n == page else
                      f'<a class="pagination_item" href="{path}{"" if n == 1 else f"page/{n}/"}">{n}</a>'
                      for n in range(1, pages + 1))
    more = page < pages
    next_href = f"{path}page/{page + 1}/"
    link = f'<link rel="next" href="{base}{next_href}">' if more else ""
    button = f'<a class="pagination_next" rel="next" href="{next_href}">Следующая</a>' if more else ""
    return (f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>{title} | Tengrinews.kz</title>{link}'
            f'</head>\n<body>\n<div class="container"><main class="content_main"><h1 class="content_main_title">{title}'
            f'</h1>\n<div class="content_main_items">\n{"".join(lines)}</div>\n<div class="pagination">{numbers}{button}'
            f"</div></main>{SIDEBAR}\n</div>\n</body>\n</html>\n")


def render_day_archive(day: date, items: list[TengriArticle], page: int, pages: int,
                       base: str, served: date | None = None, tracking: bool = False) -> str:
    """Page ``page`` of ``/news/YYYY/MM/DD/`` (``items``: that page's, newest first)."""
    title = f"Новости за {day.day} {MONTHS[day.month - 1]} {day.year}"
    return render_listing(f"/news/{day:%Y/%m/%d}/", title, items, page, pages, base, served, tracking)


def render_rss(articles: list[TengriArticle], base: str) -> str:
    """``/news.rss``: the newest articles, RFC 822 pubDate with ``+0600``/``+0500``, links on this host."""
    newest = sorted((a for a in articles if a.is_article), key=lambda a: a.published.timestamp(), reverse=True)[:RSS_SIZE]
    items = "".join(
        f"<item><title>{escape(a.title)}</title><link>{base}{a.path}</link><guid>{base}{a.path}</guid>"
        f"<pubDate>{format_datetime(a.published.astimezone(ALMATY))}</pubDate>"
        f"<description>{escape(description(a))}</description><category>{escape(a.section)}</category></item>\n"
        for a in newest)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Tengrinews.kz</title>'
            f"<link>{base}/</link><description>Новости Казахстана</description>\n{items}</channel></rss>\n")


def render_robots(base: str) -> str:
    return f"User-agent: *\nDisallow: /search/\n\nSitemap: {base}/sitemap-index.xml\n"


def news_sitemap_name(moment: datetime) -> str:
    """The news sitemap of a month (assumed name: the crawler reads the names from the index)."""
    return f"sitemap-news-{moment.astimezone(ALMATY):%Y-%m}.xml"


def news_sitemaps(articles: list[TengriArticle]) -> dict[str, list[TengriArticle]]:
    """Articles by news sitemap (month of publication), each file newest first."""
    files: dict[str, list[TengriArticle]] = defaultdict(list)
    for article in sorted((a for a in articles if a.is_article), key=lambda a: a.published.timestamp(), reverse=True):
        files[news_sitemap_name(article.published)].append(article)
    return dict(files)


def render_sitemap_index(articles: list[TengriArticle], base: str) -> str:
    """``/sitemap-index.xml``: the news sitemaps (newest lastmod each) and ``sitemap-pages.xml``."""
    files: list[tuple[str, str | None]] = [
        (f"{base}/{name}", iso(max((a.lastmod for a in items), key=datetime.timestamp)))
        for name, items in sorted(news_sitemaps(articles).items())]
    return render_sitemapindex([*files, (f"{base}/sitemap-pages.xml", None)])


def render_news_sitemap(items: list[TengriArticle], base: str) -> str:
    """One news sitemap: each article's URL on this host and its ``lastmod`` (modified, else published)."""
    return render_urlset((f"{base}{a.path}", iso(a.lastmod)) for a in items)


def render_pages_sitemap(base: str) -> str:
    """``sitemap-pages.xml``: section fronts, never articles."""
    return render_urlset((f"{base}/{section}/", None) for section in SECTIONS)
