"""Day archives and the latest feed: where article links come from. No parsing of articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode, urljoin, urlsplit

from parsel import Selector

from newscrawl.urls import article_request_url


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


#: Links of a listing's items (``div.news-list div.news-item a.news-item__title``); the generic
#: fallback is every article-shaped link. Written as ancestor tests on the link, not as that
#: CSS: libxml2 merges the node sets of a ``div div a`` chain in quadratic time (8 s for a
#: listing of 100,000 items; this form: 0.35 s).
ITEM_LINKS_XPATH = (f"//a[{_has_class('news-item__title')}]"
                    f"[ancestor::div[{_has_class('news-item')}][ancestor::div[{_has_class('news-list')}]]]/@href")
NEXT_PAGE_CSS = "a.pagination__next::attr(href)"


def archive_url(base_url: str, edition: str, day: date | None = None) -> str:
    """``/{edition}/lastnews?date=YYYY-MM-DD``, or the latest feed when ``day`` is None."""
    url = f"{base_url.rstrip('/')}/{edition}/lastnews"
    return f"{url}?{urlencode({'date': day.isoformat()})}" if day else url


@dataclass
class Listing:
    """What a listing page offers: article URLs to fetch, and the item links refused with why."""

    links: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    #: False when the listing markup was not found and links were taken from the whole page.
    recognised: bool = True


def read_listing(selector: Selector, page_url: str) -> Listing:
    """Article URLs of a listing page (deduplicated, canonical form), and the refused items:
    ``scheme`` (``javascript:``, ``mailto:``), ``offsite`` (another host), ``not_article``."""
    hrefs = selector.xpath(ITEM_LINKS_XPATH).getall()
    listing = Listing(recognised=bool(hrefs) or bool(selector.css("div.news-list")))
    if not listing.recognised:  # the whole page's links: only article-shaped ones are taken
        hrefs = selector.css("a::attr(href)").getall()
    host = urlsplit(page_url).hostname
    seen: set[str] = set()  # a set, not the list: a listing of 100,000 links stays linear
    for href in hrefs:
        url = urljoin(page_url, href.strip())
        parts = urlsplit(url)
        article_url = article_request_url(url)
        if parts.scheme not in ("http", "https"):
            reason = "scheme"
        elif parts.hostname != host:
            reason = "offsite"
        elif article_url is None:
            reason = "not_article"
        else:
            if article_url not in seen:
                seen.add(article_url)
                listing.links.append(article_url)
            continue
        if listing.recognised:
            listing.refused.append((href, reason))
    return listing


def next_page_url(selector: Selector, page_url: str) -> str | None:
    """The listing's next page, absent on the last one."""
    href = selector.css(NEXT_PAGE_CSS).get()
    return urljoin(page_url, href.strip()) if href and href.strip() else None
