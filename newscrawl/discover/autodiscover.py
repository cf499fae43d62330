"""Where an unknown site lists its articles: sitemaps, feeds, the WordPress REST API.

Pure functions over bodies the spider fetched (no network here): candidate URLs to try, the
entries each source gives with the date it gives them, the articles of a date range, and
whether a URL looks like an article at all. Order of trust for an entry's date: the news
sitemap's publication date or the feed's, then the sitemap's ``lastmod``, then the URL's date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from lxml import etree
from parsel import Selector

from newscrawl.extract.date_parsing import date_in_url, parse_stamp

#: Where sites keep sitemaps when robots.txt names none (WordPress core, Yoast, Rank Math, news).
SITEMAP_PATHS: tuple[str, ...] = (
    "/sitemap.xml", "/sitemap_index.xml", "/wp-sitemap.xml", "/sitemap-index.xml",
    "/news-sitemap.xml", "/sitemap-news.xml", "/sitemap_news.xml",
)
FEED_PATHS: tuple[str, ...] = ("/feed/", "/rss", "/rss.xml", "/news.rss", "/feed.xml", "/atom.xml")
FEED_TYPES: tuple[str, ...] = ("application/rss+xml", "application/atom+xml")
WORDPRESS_API_REL = "https://api.w.org/"
#: Path segments of pages that list or describe, never an article.
NOT_ARTICLE_SEGMENTS: frozenset[str] = frozenset(
    "tag tags category categories author authors page search feed rss wp-content wp-admin wp-json "
    "wp-includes wp-login.php login register account subscribe about contact privacy terms cart "
    "topics rubric rubrics section sections archive comments".split()
)
_NOT_ARTICLE_FILES = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|xml|rss|css|js|json|zip|mp[34]|docx?|xlsx?)$", re.I)
#: Query parameters of searches and listing pages.
LISTING_PARAMETERS: frozenset[str] = frozenset({"s", "q", "page", "paged", "search", "tag", "cat"})
#: A path segment that is an article's id: digits, or a slug ending in digits (``news-12345``).
_ID_SEGMENT = re.compile(r"(?:^|[-_])\d{4,}(?:\.s?html?)?$")
#: A slug of at least this many words separated by hyphens or underscores names one article.
SLUG_WORDS = 3
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=True)


@dataclass(frozen=True)
class Entry:
    """One URL a source gave, with the moment it gave for it (None: it gave none)."""

    url: str
    when: datetime | None
    source: str  # "sitemap", "sitemap-news", "feed", "wp-api"


def robots_sitemaps(robots_txt: str, base_url: str) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt, absolute, in order."""
    found = [line.split(":", 1)[1].strip() for line in robots_txt.splitlines() if line.lower().startswith("sitemap:")]
    return list(dict.fromkeys(urljoin(base_url, url) for url in found if url))


def sitemap_candidates(base_url: str, robots_txt: str | None = None) -> list[str]:
    """Sitemaps to try: those robots.txt names first, then the usual places."""
    named = robots_sitemaps(robots_txt or "", base_url)
    return list(dict.fromkeys([*named, *(urljoin(base_url, path) for path in SITEMAP_PATHS)]))


def page_feeds(selector: Selector, page_url: str) -> list[str]:
    """Feeds a page announces with ``<link rel="alternate" type="application/rss+xml">`` (or Atom)."""
    hrefs = [
        link.attrib.get("href", "")
        for link in selector.xpath("//link[@href]")
        if "alternate" in link.attrib.get("rel", "").lower().split()
        and link.attrib.get("type", "").lower().strip() in FEED_TYPES
    ]
    return list(dict.fromkeys(urljoin(page_url, href.strip()) for href in hrefs if href.strip()))


def feed_candidates(base_url: str, home: Selector | None = None) -> list[str]:
    """Feeds to try: those the home page announces first, then the usual places."""
    announced = page_feeds(home, base_url) if home is not None else []
    return list(dict.fromkeys([*announced, *(urljoin(base_url, path) for path in FEED_PATHS)]))


def wordpress_api_root(selector: Selector | None, page_url: str, link_header: str | None = None) -> str | None:
    """The WordPress REST API root a page announces (``<link rel="https://api.w.org/">`` or the
    same in its ``Link`` header), e.g. ``https://site.kz/wp-json/``; None when it is not WordPress."""
    hrefs = selector.xpath(f'//link[@rel="{WORDPRESS_API_REL}"]/@href').getall() if selector is not None else []
    match = re.search(r'<([^>]+)>\s*;\s*rel="?' + re.escape(WORDPRESS_API_REL), link_header or "")
    href = (hrefs[0] if hrefs else None) or (match[1] if match else None)
    return urljoin(page_url, href.strip()) if href and href.strip() else None


def wordpress_posts_url(api_root: str, since: date | None, until: date | None, page: int = 1) -> str:
    """The REST API page of posts published in the range (``after``/``before`` are exclusive)."""
    query: dict[str, str | int] = {"per_page": 100, "page": page, "orderby": "date", "order": "desc",
                                   "_fields": "link,date,date_gmt,modified_gmt"}
    if since:
        query["after"] = f"{since.isoformat()}T00:00:00"
    if until:
        query["before"] = f"{until.isoformat()}T23:59:59"
    # a site without pretty permalinks announces ``/?rest_route=/``: the route goes in the query
    joiner = "&" if "?" in api_root else "?"
    return f"{api_root.rstrip('/')}/wp/v2/posts{joiner}{urlencode(query)}"


def wordpress_posts(body: bytes) -> list[Entry]:
    """Entries of a REST API posts page (``link`` and ``date``); ``[]`` for anything else."""
    try:
        posts = json.loads(body)
    except ValueError:
        return []
    entries = []
    for post in posts if isinstance(posts, list) else []:
        if isinstance(post, dict) and isinstance(post.get("link"), str):
            entries.append(Entry(post["link"], parse_stamp(post.get("date")), "wp-api"))
    return entries


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child_text(element: etree._Element, *names: str) -> str | None:
    for child in element.iter():
        if _local(child) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def sitemap_entries(body: bytes) -> tuple[str, list[Entry]]:
    """A sitemap's kind (``sitemapindex`` or ``urlset``) and its entries: a news sitemap's
    publication date first, else ``lastmod``. Entity expansion and network access are off."""
    try:
        root = etree.fromstring(body, parser=_XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return "", []
    if root is None:
        return "", []
    kind, entries = _local(root), []
    for item in root:
        if _local(item) not in ("url", "sitemap"):
            continue
        loc = _child_text(item, "loc")
        published = _child_text(item, "publication_date")
        if loc:
            stamp = published or _child_text(item, "lastmod")
            entries.append(Entry(loc, parse_stamp(stamp), "sitemap-news" if published else "sitemap"))
    return kind, entries


def feed_entries(body: bytes) -> list[Entry]:
    """Items of an RSS 2.0 feed (``link``, ``pubDate``/``dc:date``) or entries of an Atom feed."""
    selector = Selector(body=body, type="xml")
    selector.remove_namespaces()
    entries = []
    for item in selector.xpath("//item"):
        link = (item.xpath("link/text()").get() or item.xpath("guid[not(@isPermaLink='false')]/text()").get() or "")
        stamp = item.xpath("pubDate/text()").get() or item.xpath("date/text()").get()
        if link.strip():
            entries.append(Entry(link.strip(), parse_stamp(stamp), "feed"))
    for item in selector.xpath("//entry"):
        link = item.xpath("link[@rel='alternate' or not(@rel)]/@href").get() or ""
        stamp = item.xpath("published/text()").get() or item.xpath("updated/text()").get()
        if link.strip():
            entries.append(Entry(link.strip(), parse_stamp(stamp), "feed"))
    return entries


def entry_day(entry: Entry) -> date | None:
    """The day an entry belongs to: the date its source gave, else the date in its URL."""
    if entry.when is not None:
        return entry.when.date()
    in_url = date_in_url(entry.url)
    return in_url.date() if in_url else None


def in_range(day: date | None, since: date | None, until: date | None) -> bool:
    return day is not None and (since is None or day >= since) and (until is None or day <= until)


def choose_articles(
    entries: Iterable[Entry], since: date | None, until: date | None, host: str | None = None
) -> tuple[list[str], list[str]]:
    """Article URLs of the range (each once, in source order) and the undated article-looking
    ones the range cannot be decided for (the spider fetches them and reads their date)."""
    chosen: dict[str, None] = {}
    undated: dict[str, None] = {}
    for entry in entries:
        if not looks_like_article(entry.url, host):
            continue
        day = entry_day(entry)
        if day is None:
            undated.setdefault(entry.url, None)
        elif in_range(day, since, until):
            chosen.setdefault(entry.url, None)
    return list(chosen), [url for url in undated if url not in chosen]


def child_sitemap_wanted(entry: Entry, since: date | None, until: date | None) -> bool:
    """Whether a sitemap index's child can hold articles of the range: not when it was last
    changed before the range began, nor when its name dates it to a month outside the range."""
    if since is not None and entry.when is not None and entry.when.date() < since:
        return False
    month = re.search(r"((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])(?!\d)", urlsplit(entry.url).path)
    if not month:
        return True
    key = (int(month[1]), int(month[2]))
    return (since is None or key >= (since.year, since.month)) and (until is None or key <= (until.year, until.month))


def looks_like_article(url: str, host: str | None = None) -> bool:
    """Whether a URL of an unknown site names one article: on the site, not a listing, tag,
    author, search, feed or file, and carrying a date, an id or a slug of several words."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or (host and parts.hostname and not _same_site(parts.hostname, host)):
        return False
    query = parse_qs(parts.query)
    if LISTING_PARAMETERS.intersection(query):
        return False
    if query.get("p", [""])[0].isdigit():  # WordPress without pretty permalinks: /?p=123
        return True
    segments = [segment for segment in parts.path.lower().split("/") if segment]
    if not segments or _NOT_ARTICLE_FILES.search(parts.path) or NOT_ARTICLE_SEGMENTS.intersection(segments):
        return False
    if re.fullmatch(r"\d{1,2}", segments[-1]):  # a day or month archive, a page number
        return False
    if date_in_url(url) is not None or any(_ID_SEGMENT.search(segment) for segment in segments):
        return True
    return len(re.split(r"[-_]", segments[-1].split(".")[0])) >= SLUG_WORDS


def _same_site(hostname: str, host: str) -> bool:
    """``www.site.kz``, ``site.kz`` and ``m.site.kz`` are one site."""
    hostname, host = hostname.lower().removeprefix("www."), host.lower().removeprefix("www.")
    return hostname == host or hostname.endswith("." + host)
