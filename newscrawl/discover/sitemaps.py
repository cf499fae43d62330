"""Which child sitemaps of an index a crawl reads: by the site's rule for their names."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from newscrawl.sites.base import Site


def sitemap_child_wanted(url: str, site: Site, editions: tuple[str, ...], since: date | None) -> bool:
    """Whether a child sitemap can hold articles of these editions from ``since`` on. Its name
    says its edition and month where the site's ``sitemap_child`` pattern has those groups; a
    child the pattern does not match is read or skipped as the site declares."""
    pattern = site.discovery.sitemap_child
    if pattern is None:
        return True
    match = re.search(pattern, urlsplit(url).path)
    if match is None:
        return site.discovery.sitemap_unmatched_children
    groups = match.groupdict()
    if groups.get("edition") and groups["edition"] not in editions:
        return False
    if since is None or not groups.get("year") or not groups.get("month"):
        return True
    return (int(groups["year"]), int(groups["month"])) >= (since.year, since.month)
