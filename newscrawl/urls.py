"""URL rules: one article has one URL, whatever link led to it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import url_query_cleaner

if TYPE_CHECKING:
    from newscrawl.sites.base import Site

#: Query parameters that only track the reader; removed before a request and in records.
TRACKING_PARAMS: tuple[str, ...] = (
    "fbclid",
    "gclid",
    "yclid",
    "dclid",
    "msclkid",
    "igshid",
    "_ga",
    "_openstat",
    "from",
    "ref",
)
_TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)


def _is_tracking(name: str) -> bool:
    return name in TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES)


def strip_tracking(url: str) -> str:
    """Remove ``utm_*``, ``fbclid`` and the like, keeping every other parameter."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    names = [p.split("=", 1)[0] for p in parts.query.split("&") if p]
    tracking = [n for n in names if _is_tracking(n)]
    if not tracking:
        return url
    return url_query_cleaner(url, tracking, remove=True, unique=False, keep_fragments=False)


def canonical_url(url: str) -> str:
    """The record form of a URL: no tracking parameters, fragment or trailing slash."""
    parts = urlsplit(strip_tracking(url))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, parts.query, ""))


def rebase(url: str, origin: str) -> str:
    """The same path and query under another origin (a copy of the site <-> the real one)."""
    parts = urlsplit(url)
    return origin.rstrip("/") + parts.path + (f"?{parts.query}" if parts.query else "")


def site_domain(url: str) -> str:
    """``https://www.example.kz/ru`` -> ``example.kz``: the record's ``site``."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def article_request_url(url: str, site: Site) -> str | None:
    """The one URL to fetch for an article link of ``site``, or None when the link is no article.

    Tracking parameters, a fragment and whatever the site's rule leaves out of the path (an AMP
    prefix) go, and the trailing slash follows the site's policy, so that Scrapy's duplicate
    filter sees one URL per article.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    match = site.match_article(parts.path)
    if match is None:
        return None
    slash = parts.path.endswith("/") if site.trailing_slash is None else site.trailing_slash
    path = "/" + match["path"].strip("/") + ("/" if slash else "")
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, urlsplit(strip_tracking(url)).query, ""))


def edition_of(url: str, site: Site) -> str | None:
    """The edition (``ru``, ``kz``, ...) of an article URL of ``site``; None for no article."""
    match = site.match_article(urlsplit(url).path)
    edition = site.edition(match.groupdict().get("edition")) if match else None
    return edition.name if edition else None


def url_day(url: str, site: Site) -> date | None:
    """The publication day in an article URL, when the site's URLs carry one."""
    match = site.match_article(urlsplit(url).path)
    return site.url_day(match) if match else None
