"""Sitemaps and RSS: article URLs with their ``lastmod``, for incremental runs. No article parsing."""

from __future__ import annotations

from collections.abc import Iterator

from parsel import Selector
from scrapy.utils.sitemap import Sitemap


def sitemap_entries(body: bytes) -> tuple[str, list[tuple[str, str | None]]]:
    """The sitemap's type (``sitemapindex`` or ``urlset``) and its ``(loc, lastmod)`` entries."""
    sitemap = Sitemap(body)
    entries = [(entry["loc"].strip(), (entry.get("lastmod") or "").strip() or None) for entry in sitemap]
    return sitemap.type or "", entries


def rss_links(body: bytes) -> Iterator[str]:
    """The item links of an RSS 2.0 feed (or Atom entry links)."""
    selector = Selector(body=body, type="xml")
    selector.remove_namespaces()
    yield from (link.strip() for link in selector.xpath("//item/link/text()").getall() if link.strip())
    yield from (href.strip() for href in selector.xpath("//entry/link/@href").getall() if href.strip())
