"""Scrapy contracts (``scrapy check SITE``) that work for every site from its declaration.

The callbacks are shared by all sites (``spider.SiteSpider``), so their docstrings cannot
carry a site's URL (``@url``). ``@example KIND`` asks the spider for the request it would make
for the site's example page of that kind (``Site.example_article``, its day's archive, the
sitemap index or robots.txt, a feed) under the crawled root: the real site, or a copy with ``-a base_url=``.
The other contracts fail when extraction breaks: no layout recognises the example article, a
required or named field is empty once the item pipelines' cleaning ran, the listing markup is
not recognised. Registered in ``SPIDER_CONTRACTS``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.contracts import Contract
from scrapy.exceptions import ContractFail
from scrapy.http import Request, Response, TextResponse

from newscrawl.clean import clean_article
from newscrawl.discover.archive import read_listing
from newscrawl.extract.layout import detect_layout
from newscrawl.items import Article, missing_fields
from newscrawl.urls import article_request_url, edition_of, url_day

if TYPE_CHECKING:
    from newscrawl.spider import SiteSpider

#: What ``@example`` can ask for.
EXAMPLE_KINDS: tuple[str, ...] = ("article", "listing", "sitemap", "robots", "feed")


def example_request(spider: SiteSpider, kind: str) -> Request | None:
    """The request the spider makes for its site's example page of ``kind`` under the crawled
    root; None when the site has none (no example declared, no feed; ``sitemap`` or ``robots``:
    whichever its sitemap index is)."""
    site = spider.site
    if site.example_article is None:
        return None
    edition = edition_of(site.base_url + site.example_article, site) or site.editions[0].name
    root = spider.root(edition)
    if kind == "article":
        url = article_request_url(root + site.example_article, site)
        return spider.article_request(url) if url else None
    if kind == "listing":
        day = site.example_day or url_day(site.base_url + site.example_article, site)
        return spider.listing_request(edition, day)
    index = site.discovery.sitemap_index
    if index and kind == ("robots" if index.endswith("robots.txt") else "sitemap"):
        return Request(spider.arguments.base_url + index)
    if kind == "feed" and site.discovery.feeds:
        return Request(site.listing_url(site.discovery.feeds[0], root, edition))
    return None


class SiteContract(Contract):
    """A contract that reads the site of the spider whose callback it checks."""

    def __init__(self, method: Callable[..., Any], *args: Any) -> None:
        super().__init__(method, *args)
        self.spider: SiteSpider = method.__self__  # type: ignore[attr-defined]


class ExampleContract(SiteContract):
    """``@example article|listing|sitemap|robots|feed``: the site's example page of that kind, requested
    as the crawl requests it (meta, callback arguments). A site without one is not checked there."""

    name = "example"

    def __init__(self, method: Callable[..., Any], *args: Any) -> None:
        super().__init__(method, *args)
        if len(self.args) != 1 or self.args[0] not in EXAMPLE_KINDS:
            raise ValueError(f"@example takes one of {', '.join(EXAMPLE_KINDS)}, got {' '.join(self.args)!r}")

    def adjust_request_args(self, args: dict[str, Any]) -> dict[str, Any]:
        request = example_request(self.spider, self.args[0])
        if request is not None:
            args.update(url=request.url, meta=dict(request.meta), cb_kwargs=dict(request.cb_kwargs))
        return args


class LayoutContract(SiteContract):
    """``@layout``: one of the site's layouts recognises the page (not the generic fallback):
    fails on a redesign or a marker selector that no longer matches."""

    name = "layout"

    def pre_process(self, response: Response) -> None:
        site = self.spider.site
        if not isinstance(response, TextResponse) or detect_layout(response.selector, site.layouts) is None:
            names = ", ".join(layout.name for layout in site.layouts)
            raise ContractFail(f"no layout of {site.name} ({names}) recognises {response.url}")


class ExportedContract(SiteContract):
    """``@exported FIELD ...``: every item, cleaned as the item pipelines clean it, has every
    required field and each named one filled (what ``-O`` would write)."""

    name = "exported"

    def post_process(self, output: list[Any]) -> None:
        for item in output:
            if not isinstance(item, Article):
                continue
            article = copy.deepcopy(item)
            clean_article(article, own_names=self.spider.site.own_names)
            record = ItemAdapter(article)
            empty = sorted(set(missing_fields(article)) | {name for name in self.args if not record.get(name)})
            if empty:
                raise ContractFail(f"{article.url}: empty once cleaned: {', '.join(empty)}")


class ListingContract(SiteContract):
    """``@listing``: the site's listing markup is on the page and its item links give articles
    (not links guessed from the whole page)."""

    name = "listing"

    def pre_process(self, response: Response) -> None:
        if not isinstance(response, TextResponse):
            raise ContractFail(f"listing is not HTML: {response.url}")
        listing = read_listing(response.selector, response.url, self.spider.site)
        if not listing.recognised or not listing.links:
            raise ContractFail(f"listing markup of {self.spider.site.name} not recognised or no article "
                               f"links: {response.url}")
