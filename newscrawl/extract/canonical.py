"""Which URL names a page's record: its canonical link, when that can be trusted, else the fetched URL.

A page's canonical link is the page's own claim. It is taken only when it is an article URL of
the crawled site on one of the site's hosts (or on the copy being crawled, then rebased to the
site), and, when it names another article than the fetched URL, only when the fetched URL is an
alias of it: the same article id (the site's ``article_path`` group ``id``, where its URLs
carry one), else the same article path once tracking, slash and AMP prefix are gone (group
``path``), or a URL a redirect came from (the server said they are one page).
Otherwise a hostile or broken page could file itself under another site, replace another
article's record, or put a record outside its edition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from newscrawl.urls import canonical_url, rebase

if TYPE_CHECKING:
    from newscrawl.sites.base import Site

#: Why a canonical link was not taken (the stat ``newscrawl/canonical_untrusted/<reason>``).
NOT_WEB, FOREIGN_HOST, NOT_ARTICLE, OTHER_ARTICLE = "not_web", "foreign_host", "not_article", "other_article"


@dataclass(frozen=True)
class PageUrl:
    """The record's URL, and why the page's canonical link (``canonical``, resolved) was not taken
    (None: taken, or none)."""

    url: str
    untrusted: str | None = None
    canonical: str | None = None


def own_hosts(site: Site) -> frozenset[str]:
    """The hosts of the site itself: its domain (with ``www.``), its root's and its editions' hosts."""
    hosts = {site.domain, f"www.{site.domain}", urlsplit(site.base_url).hostname or ""}
    return frozenset(hosts | {edition.host for edition in site.editions if edition.host})


def on_site(url: str, site: Site, copy_root: str | None) -> str | None:
    """``url`` as on the real site: as it is on one of the site's hosts (in the site's scheme, and
    on its root's port), rebased to the site on the copy being crawled (same host and port); None elsewhere."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    if copy_root and parts.netloc.lower() == urlsplit(copy_root).netloc.lower():
        return rebase(url, site.base_url)
    if parts.hostname in own_hosts(site):
        root = urlsplit(site.base_url)  # the root's port stays (a site served on one, as a copy is)
        return rebase(url, f"{root.scheme}://{root.netloc if parts.hostname == root.hostname else parts.hostname}")
    return None


def article_key(url: str, site: Site) -> str | None:
    """What tells one article of the site from another: the id its URL carries (group ``id`` of
    the site's rule: a renamed slug keeps it), else its path as the site's rule keeps it."""
    match = site.match_article(urlsplit(url).path)
    if match is None:
        return None
    return match.groupdict().get("id") or match["path"].strip("/")


def page_url(canonical: str | None, fetched: str, site: Site, *, copy_root: str | None = None,
             redirected_from: Sequence[str] = ()) -> PageUrl:
    """The record URL of a page fetched at ``fetched`` that names ``canonical`` (may be relative).
    ``copy_root``: the root of the copy being crawled; ``redirected_from``: the URLs a redirect
    led from to ``fetched``."""
    own = canonical_url(on_site(fetched, site, copy_root) or fetched)
    if not canonical:
        return PageUrl(own)
    target = urljoin(fetched, canonical)
    if urlsplit(target).scheme not in ("http", "https"):
        return PageUrl(own, NOT_WEB, target)
    target_on_site = on_site(target, site, copy_root)
    if target_on_site is None:
        return PageUrl(own, FOREIGN_HOST, target)
    key = article_key(target_on_site, site)
    if key is None:
        return PageUrl(own, NOT_ARTICLE, target)
    aliases = {article_key(url, site) for url in (fetched, *redirected_from)} - {None}
    if aliases and key not in aliases:
        return PageUrl(own, OTHER_ARTICLE, target)
    return PageUrl(canonical_url(target_on_site), None, target)
