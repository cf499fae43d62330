"""URL rules: one article has one URL, whatever link led to it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import url_query_cleaner

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
    """``https://www.inbusiness.kz/ru`` -> ``inbusiness.kz``."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


# Article paths on inbusiness.kz: /{edition}/last/{slug} and /{edition}/news/{slug},
# optionally under /amp/ (a lighter copy whose canonical is the plain path).
_ARTICLE_PATH = re.compile(r"^/(?:amp/)?(?P<edition>[a-z]{2})/(?P<kind>last|news)/(?P<slug>[^/?#]+)/?$")

#: Edition path segment -> ISO 639-1 language of its records.
EDITION_LANGUAGES: dict[str, str] = {"ru": "ru", "kz": "kk", "en": "en"}


def article_request_url(url: str) -> str | None:
    """The one URL to fetch for an article link, or None when the link is no article.

    Tracking parameters and a trailing slash go, and an AMP copy is swapped for the
    true page, so that Scrapy's duplicate filter sees one URL per article.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    match = _ARTICLE_PATH.match(parts.path)
    if not match or match["edition"] not in EDITION_LANGUAGES:
        return None
    path = f"/{match['edition']}/{match['kind']}/{match['slug']}"
    return canonical_url(urlunsplit((parts.scheme, parts.netloc, path, parts.query, "")))


def edition_of(url: str) -> str | None:
    """The edition segment (``ru``, ``kz``, ``en``) of an article URL."""
    match = _ARTICLE_PATH.match(urlsplit(url).path)
    return match["edition"] if match else None
