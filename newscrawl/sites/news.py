"""Any news site: a declaration made at run time from its URL (``scrapy crawl news -a url=``).

A site we have no module for yet is a ``Site`` with no layouts (every page goes down the generic
path), one edition whose language the pages declare, no zone unless one is named (stamps keep
the page's offset), and article URLs told by their shape (``looks_like_article``) instead of a
regex. Its discovery is found at run time (``kits/news_spider.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newscrawl.discover.autodiscover import looks_like_article
from newscrawl.sites.base import Discovery, Edition, ListingMarkup, Site
from newscrawl.urls import site_domain

#: Found at run time; the day archive of a known site has no counterpart here.
NO_DISCOVERY = Discovery(day_archive="")
#: Links of a page that lists articles (a home page): any link, no pagination.
ANY_LINKS = ListingMarkup(container="body", item_links="a::attr(href)", next_page="a[rel=next]::attr(href)")


@dataclass(frozen=True)
class NewsSite(Site):
    """A site known only by its URL: an article is any path shaped like one."""

    def match_article(self, path: str) -> re.Match[str] | None:
        if not looks_like_article(self.base_url + path):
            return None
        return super().match_article(path)


def bare_name(domain: str) -> str:
    """``tengrinews.kz`` -> ``tengrinews``, ``kz.kursiv.media`` -> ``kursiv``: the name a site
    signs its pages with."""
    labels = domain.split(".")
    return max(labels[:-1] or labels, key=len)


def site_for_url(url: str, zone: str | None = None) -> NewsSite:
    """The declaration of the site at ``url`` (``http(s)://host[:port]``, any path dropped)."""
    parts = urlsplit(url)
    domain = site_domain(url)
    return NewsSite(
        name="news",
        domain=domain,
        base_url=f"{parts.scheme}://{parts.netloc}",
        editions=(Edition(name="main", language="", prefix="/"),),
        zone=zone,
        article_path=r"^/(?P<path>.+?)/?$",
        discovery=NO_DISCOVERY,
        listing=ANY_LINKS,
        layouts=(),
        trailing_slash=None,
        own_names=tuple(dict.fromkeys((domain, bare_name(domain)))),
    )
