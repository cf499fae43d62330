"""What every WordPress site shares: date archives, ``/feed/``, Yoast sitemaps, the REST API.

A WordPress site's declaration is ``wordpress_site(...)`` with its own domain, editions,
article path, archive item markup and layouts; the rest comes from here.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from newscrawl.sites.base import Discovery, ListingMarkup, Site

#: Date archive of one day (``/2024/03/01/``, next pages ``/2024/03/01/page/2/``).
DAY_ARCHIVE = "{prefix}{day:%Y/%m/%d}/"
#: ``paginate_links()`` marks the next page so in every theme.
NEXT_PAGE_CSS = "a.next.page-numbers::attr(href)"
#: RSS 2.0 of the newest posts (older ones with ``?paged=N``).
FEED = "{prefix}feed/"
#: Yoast SEO's sitemap index: children per post type (and per language with a multilingual plugin).
SITEMAP_INDEX = "/sitemap.xml"
#: Never articles on any WordPress site.
NOT_ARTICLE_PATHS: tuple[str, ...] = ("/wp-content/", "/wp-admin/", "/wp-json/", "/wp-includes/", "/feed/",
                                      "/category/", "/tag/", "/author/", "/page/")
#: The REST API's posts route; ``per_page`` is at most 100.
API_POSTS = "/wp-json/wp/v2/posts"
API_PER_PAGE = 100


def wordpress_site(*, container: str, item_links: str, sitemap_child: str | None = None,
                   not_article_paths: tuple[str, ...] = (), **declaration: Any) -> Site:
    """A WordPress site: WordPress's discovery and URL conventions plus the site's own ``declaration``
    (``Site`` fields) and its archive markup (``container``, ``item_links``)."""
    return Site(
        discovery=Discovery(day_archive=DAY_ARCHIVE, latest=None, missing_day_is_empty=True,
                            sitemap_index=SITEMAP_INDEX, sitemap_child=sitemap_child, feeds=(FEED,)),
        listing=ListingMarkup(container=container, item_links=item_links, next_page=NEXT_PAGE_CSS),
        trailing_slash=True,
        not_article_paths=NOT_ARTICLE_PATHS + not_article_paths,
        **declaration,
    )


def api_posts_url(root: str, since: date, until: date, page: int = 1, language: str | None = None) -> str:
    """The REST API page of posts published on the days ``since``..``until`` (the site's own days:
    WordPress reads ``after``/``before`` without an offset in the site's zone; both are exclusive)."""
    after = datetime.combine(since, time()) - timedelta(seconds=1)
    before = datetime.combine(until + timedelta(days=1), time())
    query: dict[str, str | int] = {"after": after.isoformat(), "before": before.isoformat(),
                                   "per_page": API_PER_PAGE, "page": page}
    if language:
        query["lang"] = language
    return f"{root.rstrip('/')}{API_POSTS}?{urlencode(query)}"


def api_posts(body: bytes) -> list[tuple[str, str | None]]:
    """``(link, modified)`` of each post of an API answer; ``modified`` is ``modified_gmt`` as an
    ISO stamp with its UTC offset (the sitemap's ``lastmod`` counterpart)."""
    try:
        posts = json.loads(body)
    except ValueError:
        return []
    found: list[tuple[str, str | None]] = []
    for post in posts if isinstance(posts, list) else []:
        link = post.get("link") if isinstance(post, dict) else None
        if isinstance(link, str) and link:
            modified = post.get("modified_gmt")
            found.append((link, f"{modified}+00:00" if isinstance(modified, str) and modified else None))
    return found


def api_total_pages(value: bytes | str | None) -> int:
    """``X-WP-TotalPages`` as a number (1 when absent or malformed: the answer is all there is)."""
    text = value.decode("latin-1") if isinstance(value, bytes) else (value or "")
    return int(text) if text.strip().isdigit() else 1
