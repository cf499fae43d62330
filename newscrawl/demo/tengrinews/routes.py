"""Which page the tengrinews copy answers for a request path: a pure function, no server.

To plug the copy into the demo server (issue 9, engineer ``copies``): build ``demo_data()`` once
and answer each GET with ``respond(data, request_target, base, served=…)``'s status, headers and
body. ``base`` is the copy's origin (``http://127.0.0.1:8002``); ``served`` the Almaty day the
copy pretends it is (listings then print "Сегодня"/"Вчера"; None prints full dates).

Paths (tengrinews-site.md, "URL map"): ``/robots.txt``, ``/sitemap-index.xml`` and its children,
``/news.rss``, ``/news/`` (+ ``page/N/``), ``/news/YYYY/MM/DD/`` (+ ``page/N/``), articles with or
without the trailing slash (200, same page), an old slug (301 to the true URL: the id decides),
a removed article (404: gone from sitemaps, feed and latest news, still linked by its day
archive), videos/galleries/special projects (a page that is no article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html import escape
from urllib.parse import urlsplit

from newscrawl.demo.tengrinews.content import TengriArticle
from newscrawl.demo.tengrinews.data import CopyData
from newscrawl.demo.tengrinews.listings import (
    day_pages,
    news_sitemaps,
    render_day_archive,
    render_listing,
    render_news_sitemap,
    render_pages_sitemap,
    render_robots,
    render_rss,
    render_sitemap_index,
)
from newscrawl.demo.tengrinews.pages import page_bytes

_ITEM = re.compile(r"^/(?P<section>[a-z_]+)/(?P<slug>[a-z0-9-]+)-(?P<id>\d{5,})/?$")
_DAY = re.compile(r"^/news/(\d{4})/(\d{2})/(\d{2})/(?:page/(\d+)/)?$")
_LATEST = re.compile(r"^/news/(?:page/(\d+)/)?$")
HTML, XML = "text/html; charset=utf-8", "application/xml; charset=utf-8"


@dataclass
class Reply:
    """What to send: status, headers, body."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def _ok(text: str, content_type: str = HTML) -> Reply:
    return Reply(200, text.encode("utf-8"), {"Content-Type": content_type})


def _not_found() -> Reply:
    return Reply(404, b"<html><body><h1>404</h1></body></html>", {"Content-Type": HTML})


def _paged(pages: list[list[TengriArticle]], number: str | None) -> tuple[int, list[TengriArticle]] | None:
    page = int(number or 1)
    return (page, pages[page - 1]) if 1 <= page <= len(pages) else None


def _article(data: CopyData, path: str) -> Reply:
    match = _ITEM.match(path)
    item = next((i for i in data.items if match and str(i.id) == match["id"]), None)
    if item is None or item.id in data.gone:
        return _not_found()
    if path.rstrip("/") != item.path.rstrip("/"):
        return Reply(301, b"", {"Location": item.path})  # an old slug or section: the id decides
    if not item.is_article:
        title = escape(item.title)
        return _ok(f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{title}</title></head>'
                   f'<body class="{item.kind}"><h1>{title}</h1><div class="player"></div></body></html>')
    articles = [i for i in data.items if i.is_article]
    neighbour = articles[articles.index(item) - 1]
    body, content_type = page_bytes(item, (neighbour.path, neighbour.title))
    return Reply(200, body, {"Content-Type": content_type})


def respond(data: CopyData, target: str, base: str, served: date | None = None) -> Reply:
    """The copy's answer to ``GET target`` (path and query; the query is ignored, as tracking)."""
    path = urlsplit(target).path
    live = [item for item in data.items if item.id not in data.gone]  # a removed article leaves the
    # sitemaps, the feed and the latest news; the day archive it was listed on may still link it
    if path == "/robots.txt":
        return _ok(render_robots(base), "text/plain; charset=utf-8")
    if path == "/sitemap-index.xml":
        return _ok(render_sitemap_index(live, base), XML)
    if path == "/sitemap-pages.xml":
        return _ok(render_pages_sitemap(base), XML)
    files = news_sitemaps(live)
    if path.lstrip("/") in files:
        return _ok(render_news_sitemap(files[path.lstrip("/")], base), XML)
    if path == "/news.rss":
        return _ok(render_rss(live, base), "application/rss+xml; charset=utf-8")
    day_match, latest = _DAY.match(path), _LATEST.match(path)
    if day_match:
        try:
            day = date(int(day_match[1]), int(day_match[2]), int(day_match[3]))
        except ValueError:
            return _not_found()
        pages = day_pages(data.day_items(day))
        found = _paged(pages, day_match[4])
        return _ok(render_day_archive(day, found[1], found[0], len(pages), base, served,
                                      tracking=found[0] == 2)) if found else _not_found()
    if latest:
        pages = day_pages(live)
        found = _paged(pages, latest[1])
        return _ok(render_listing("/news/", "Последние новости", found[1], found[0], len(pages), base,
                                  served)) if found else _not_found()
    return _article(data, path)
