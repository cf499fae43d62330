"""Day archives and latest-news listings: where article links come from. No parsing of articles.

The markup is the site's (``Site.listing``); these functions only apply it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from newscrawl.urls import article_request_url, rebase, site_domain

if TYPE_CHECKING:
    from newscrawl.sites.base import Site


def archive_url(base_url: str, site: Site, edition: str, day: date | None = None) -> str | None:
    """An edition's day archive, or its latest listing when ``day`` is None (None: the site has none)."""
    template = site.discovery.day_archive if day else site.discovery.latest
    return site.listing_url(template, base_url, edition, day) if template else None


@dataclass
class Listing:
    """What a listing page offers: article URLs to fetch, and the item links refused with why."""

    links: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    #: False when the listing markup was not found and links were taken from the whole page.
    recognised: bool = True


#: A chain of simple selectors joined by descendant combinators, then ``::attr(name)``.
_DESCENDANT_CHAIN = re.compile(r"^(?P<chain>[^\s>+~,\[\]()'\"]+(?:\s+[^\s>+~,\[\]()'\"]+)+)::attr\((?P<attr>[\w-]+)\)$")


@lru_cache(maxsize=32)
def linear_xpath(css: str) -> str | None:
    """The XPath of a descendant chain ``A B C::attr(x)`` as ancestor tests on its last step,
    ``//C[ancestor::B[ancestor::A]]/@x`` (the same nodes, in document order). libxml2 merges
    the node sets of ``A B C`` in quadratic time: 8 s for a listing of 100,000 items, against
    0.35 s this way. None for any other selector (read as CSS)."""
    match = _DESCENDANT_CHAIN.match(css.strip())
    if match is None:
        return None
    translate = HTMLTranslator().css_to_xpath
    *ancestors, last = (translate(step, prefix="") for step in match["chain"].split())
    condition = ""
    for step in ancestors:  # the outermost first: each one is an ancestor of the next
        condition = f"ancestor::{step}{f'[{condition}]' if condition else ''}"
    return f"//{last}[{condition}]/@{match['attr']}"


def item_links(selector: Selector, css: str) -> list[str]:
    """The hrefs a listing's ``css`` selects, in linear time where the selector allows it."""
    xpath = linear_xpath(css)
    return selector.xpath(xpath).getall() if xpath else selector.css(css).getall()


def read_listing(selector: Selector, page_url: str, site: Site) -> Listing:
    """Article URLs of a listing page (deduplicated, request form), and the refused items:
    ``scheme`` (``javascript:``, ``mailto:``), ``offsite`` (another host), ``not_article``.
    Links to the real site's domain are read on the crawled host (a local copy names the real site)."""
    hrefs = item_links(selector, site.listing.item_links)
    listing = Listing(recognised=bool(hrefs) or bool(selector.css(site.listing.container)))
    if not listing.recognised:  # the whole page's links: only article-shaped ones are taken
        hrefs = selector.css("a::attr(href)").getall()
    page = urlsplit(page_url)
    host = page.hostname
    seen: set[str] = set()  # a set, not the list: a listing of 100,000 links stays linear
    for href in hrefs:
        url = urljoin(page_url, href.strip())
        if site_domain(url) == site.domain:  # a copy of the site may link the real site's URLs
            url = rebase(url, f"{page.scheme}://{page.netloc}")
        parts = urlsplit(url)
        article_url = article_request_url(url, site)
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


def next_page_url(selector: Selector, page_url: str, site: Site) -> str | None:
    """The listing's next page, absent on the last one; on the crawled host (a copy of the site
    may name the real site's URL, as in a ``<link rel="next">``)."""
    href = (selector.css(site.listing.next_page).get() or "").strip()
    if not href:
        return None
    url = urljoin(page_url, href)
    page = urlsplit(page_url)
    return rebase(url, f"{page.scheme}://{page.netloc}") if site_domain(url) == site.domain else url
