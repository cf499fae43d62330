"""Day archives and the latest feed: where article links come from. No parsing of articles."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode, urljoin

from parsel import Selector

from newscrawl.urls import article_request_url

#: Links of a listing's items; the generic fallback is every article-shaped link.
ITEM_LINKS_CSS = "div.news-list div.news-item a.news-item__title::attr(href)"
NEXT_PAGE_CSS = "a.pagination__next::attr(href)"


def archive_url(base_url: str, edition: str, day: date | None = None) -> str:
    """``/{edition}/lastnews?date=YYYY-MM-DD``, or the latest feed when ``day`` is None."""
    url = f"{base_url.rstrip('/')}/{edition}/lastnews"
    return f"{url}?{urlencode({'date': day.isoformat()})}" if day else url


def listing_links(selector: Selector, page_url: str) -> tuple[list[str], bool]:
    """Article URLs of a listing page (deduplicated, canonical form) and whether the
    listing markup was recognised (False: links were taken from the whole page)."""
    hrefs = selector.css(ITEM_LINKS_CSS).getall()
    recognised = bool(hrefs) or bool(selector.css("div.news-list"))
    if not recognised:
        hrefs = selector.css("a::attr(href)").getall()
    urls = (article_request_url(urljoin(page_url, href.strip())) for href in hrefs)
    return list(dict.fromkeys(url for url in urls if url)), recognised


def next_page_url(selector: Selector, page_url: str) -> str | None:
    """The listing's next page, absent on the last one."""
    href = selector.css(NEXT_PAGE_CSS).get()
    return urljoin(page_url, href.strip()) if href and href.strip() else None
