"""tengrinews.kz URL rules and listing markup: which links are articles, where the days are.

Plain functions over URLs and parsel Selectors (../shared/spec/tengrinews-site.md, "URL map");
no article parsing. The record form of a URL is the shared ``canonical_url`` (record.md: no
tracking, no trailing slash); the request form keeps the slash the site serves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from urllib.parse import urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from parsel import Selector

from newscrawl.dates import parse_text_date
from newscrawl.discover.archive import Listing
from newscrawl.urls import strip_tracking

#: ``/{section}/{slug}-{id}/``: the id (5+ digits, growing with time) identifies the article.
_ARTICLE_PATH = re.compile(r"^/(?P<section>[a-z][a-z0-9_-]*)/(?P<slug>[a-z0-9][a-z0-9-]*)-(?P<id>\d{5,})/?$")
#: First path segments that are never articles, even with a numeric id: videos, galleries,
#: special projects, tags, authors, search, and the listings under /news/.
NOT_ARTICLE_SECTIONS: frozenset[str] = frozenset({"video", "photo", "special", "tag", "author", "search", "news"})
_DAY_ARCHIVE_PATH = re.compile(r"^/news/(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})/(?:page/(?P<page>\d+)/?)?$")

#: Listing items of a day archive or the latest feed; the sidebar ("Самое читаемое") is not one.
ITEM_LINKS_CSS = "div.content_main_item span.content_main_item_title a::attr(href)"
ITEM_CSS = "div.content_main_item"
NEXT_PAGE_CSS = "a.pagination_next::attr(href)"
NEXT_LINK_CSS = "link[rel=next]::attr(href)"
#: The sitemap index's children that list articles (the others list section pages).
NEWS_SITEMAP_MARK = "sitemap-news"
SITEMAP_INDEX_PATH = "/sitemap-index.xml"
RSS_PATH = "/news.rss"
LATEST_PATH = "/news/"
ALMATY = ZoneInfo("Asia/Almaty")


def article_id(url: str) -> str | None:
    """The numeric id of an article URL; None for anything that is not an article."""
    parts = urlsplit(url)
    match = _ARTICLE_PATH.match(parts.path)
    if parts.scheme not in ("http", "https") or not match or match["section"] in NOT_ARTICLE_SECTIONS:
        return None
    return match["id"]


def article_request_url(url: str) -> str | None:
    """The one URL to fetch for an article link (tracking and fragment gone, trailing slash
    kept), or None when the link is no article."""
    if article_id(url) is None:
        return None
    parts = urlsplit(strip_tracking(url))
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, parts.query, ""))


def day_archive_url(base_url: str, day: date, page: int = 1) -> str:
    """``/news/YYYY/MM/DD/``, page N at ``/news/YYYY/MM/DD/page/N/``."""
    url = f"{base_url.rstrip('/')}/news/{day:%Y/%m/%d}/"
    return url if page <= 1 else f"{url}page/{page}/"


def day_of_archive(url: str) -> tuple[date, int] | None:
    """(day, page) of a day-archive URL; None for any other URL or an impossible date."""
    match = _DAY_ARCHIVE_PATH.match(urlsplit(url).path)
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"])), int(match["page"] or 1)
    except ValueError:
        return None


def read_listing(selector: Selector, page_url: str) -> Listing:
    """Article URLs of the listing's items (request form, deduplicated) and refused items
    (``scheme``, ``offsite``, ``not_article``: a video or a gallery of the day)."""
    hrefs = selector.css(ITEM_LINKS_CSS).getall()
    listing = Listing(recognised=bool(selector.css(ITEM_CSS)))
    host = urlsplit(page_url).hostname
    for href in hrefs:
        url = urljoin(page_url, href.strip())
        parts = urlsplit(url)
        request_url = article_request_url(url)
        if parts.scheme not in ("http", "https"):
            listing.refused.append((href, "scheme"))
        elif parts.hostname != host:
            listing.refused.append((href, "offsite"))
        elif request_url is None:
            listing.refused.append((href, "not_article"))
        elif request_url not in listing.links:
            listing.links.append(request_url)
    return listing


def next_page_url(selector: Selector, page_url: str) -> str | None:
    """``a.pagination_next``, else ``<link rel="next">``; None on the last page."""
    href = (selector.css(NEXT_PAGE_CSS).get() or selector.css(NEXT_LINK_CSS).get() or "").strip()
    return urljoin(page_url, href) if href else None


def listing_date(text: str | None, today: date, zone: tzinfo = ALMATY) -> datetime | None:
    """A listing's printed time: ``Сегодня, 10:45``, ``Вчера, 18:20`` (relative to ``today``,
    the day the page was served in the site's ``zone``) or a full date; None when there is none."""
    cleaned = " ".join((text or "").split()).lower()
    relative = re.fullmatch(r"(сегодня|вчера),?\s*(?:в\s+)?(\d{1,2}):(\d{2})", cleaned)
    if relative:
        day = today - timedelta(days=1 if relative[1] == "вчера" else 0)
        return datetime(day.year, day.month, day.day, int(relative[2]), int(relative[3]), tzinfo=zone)
    printed = parse_text_date(cleaned)  # wall time as printed, read in the site's zone
    return printed.replace(tzinfo=zone) if printed else None


def news_sitemaps(children: Iterable[str]) -> list[str]:
    """The sitemap index's children that list articles: their name holds ``sitemap-news``."""
    return [url for url in children if NEWS_SITEMAP_MARK in urlsplit(url).path.rsplit("/", 1)[-1]]
