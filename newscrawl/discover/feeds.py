"""Sitemaps and RSS: article URLs with their ``lastmod``, for incremental runs. No article parsing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

from parsel import Selector
from scrapy.utils.sitemap import Sitemap

#: ``/sitemap/{edition}-YYYY-MM.xml``: one month of one edition.
_MONTHLY = re.compile(r"/sitemap/(?P<edition>[a-z]{2})-(?P<year>\d{4})-(?P<month>\d{2})\.xml$")


def sitemap_entries(body: bytes) -> tuple[str, list[tuple[str, str | None]]]:
    """The sitemap's type (``sitemapindex`` or ``urlset``) and its ``(loc, lastmod)`` entries."""
    sitemap = Sitemap(body)
    entries = [(entry["loc"].strip(), (entry.get("lastmod") or "").strip() or None) for entry in sitemap]
    return sitemap.type or "", entries


def monthly_sitemap_wanted(url: str, editions: tuple[str, ...], since: date | None) -> bool:
    """Whether a monthly sitemap can hold articles of these editions from ``since`` on.
    A sitemap whose name does not follow the monthly pattern is always read."""
    match = _MONTHLY.search(urlsplit(url).path)
    if not match:
        return True
    if match["edition"] not in editions:
        return False
    return since is None or (int(match["year"]), int(match["month"])) >= (since.year, since.month)


def rss_links(body: bytes) -> Iterator[str]:
    """The item links of an RSS 2.0 feed (or Atom entry links)."""
    selector = Selector(body=body, type="xml")
    selector.remove_namespaces()
    yield from (link.strip() for link in selector.xpath("//item/link/text()").getall() if link.strip())
    yield from (href.strip() for href in selector.xpath("//entry/link/@href").getall() if href.strip())
