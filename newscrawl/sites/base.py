"""A news site as data: what the crawl engine, extraction and export need to know about it.

A site module declares one ``Site`` (Fundus-style: data, plus a method overridden where data
cannot say it). Shared code takes the site as an argument and never names one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from zoneinfo import ZoneInfo

from parsel import Selector

from newscrawl.extract.layout import Layout
from newscrawl.items import Article


@dataclass(frozen=True)
class Edition:
    """One edition: its name in URLs and ``-a editions=`` (``kz``), its ISO 639-1 language (``kk``),
    the path prefix of its pages (``/kz/``; ``/`` for a site's main edition), and the host that
    serves it when that is not the site's main host (``kaz.tengrinews.kz``)."""

    name: str
    language: str
    prefix: str
    host: str | None = None


@dataclass(frozen=True)
class ListingMarkup:
    """A listing page (day archive, latest news): its item links and the link to the next page."""

    #: The list itself: when absent, the markup is not recognised (a redesign, a broken page).
    container: str
    #: ``::attr(href)`` of each item's link.
    item_links: str
    #: ``::attr(href)`` of the next page; absent on the last page.
    next_page: str


@dataclass(frozen=True)
class Discovery:
    """Where article URLs come from, as URL templates under the crawled root.

    Templates take ``{prefix}`` (the edition's path prefix, starting and ending with ``/``) and
    ``{day}`` (a ``date``: ``{day:%Y/%m/%d}``)."""

    #: One day's articles of an edition (backfill); paginated by ``ListingMarkup.next_page``.
    day_archive: str
    #: The newest articles of an edition, same markup (incremental, canary); None: none.
    latest: str | None = None
    #: WordPress answers 404 for a day without posts: then a 404 is an empty day, not an error.
    missing_day_is_empty: bool = False
    #: The sitemap index (``/sitemap.xml``); ``/robots.txt`` reads its ``Sitemap:`` lines.
    sitemap_index: str | None = None
    #: Which child sitemaps to read: a regex over the child's path with optional groups
    #: ``edition``, ``year``, ``month`` (children of other editions or months before ``since`` are
    #: skipped). None: every child.
    sitemap_child: str | None = None
    #: Whether a child whose path the pattern does not match is read (an index of indexes).
    sitemap_unmatched_children: bool = True
    #: RSS/Atom feeds of an edition (``{prefix}feed/``).
    feeds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Site:
    """One news site. ``article_path`` is a regex over a URL path: a match is an article. Its
    group ``path`` is the part kept in the request URL, ``edition`` names the edition (absent:
    the first edition), ``day`` (``YYYY-MM-DD``) is the publication day when the URL carries it,
    ``id`` the article's id where its URLs carry one (two URLs with one id are one article: a
    canonical link naming the other is trusted)."""

    #: The spider's name (``scrapy crawl NAME``).
    name: str
    #: The record's ``site``: the domain without ``www.``.
    domain: str
    #: The real site's root, the default ``-a base_url``.
    base_url: str
    editions: tuple[Edition, ...]
    #: ZoneInfo name: printed dates are read in it, every stamp is written in it (None: a site of
    #: unknown zone, whose stamps keep the offset the page gives).
    zone: str | None
    article_path: str
    discovery: Discovery
    listing: ListingMarkup
    layouts: tuple[Layout, ...]
    #: Request URLs of articles end with ``/`` (WordPress) or not; records never do. None: as linked.
    trailing_slash: bool | None = False
    #: Path prefixes that are never articles, even when ``article_path`` matches.
    not_article_paths: tuple[str, ...] = ()
    #: The site's own names for cleaning (name, brand spellings, channel handles).
    own_names: tuple[str, ...] = ()
    #: Title suffixes to strip besides `` - domain`` (``Kursiv Media Казахстан``).
    title_suffixes: tuple[str, ...] = ()
    #: The path of a real article that ``scrapy check`` reads (the spec's example: the site's
    #: copy serves it too), and the day whose archive lists it (None: the day its URL carries).
    example_article: str | None = None
    example_day: date | None = None

    @cached_property
    def tz(self) -> ZoneInfo | None:
        return ZoneInfo(self.zone) if self.zone else None

    @cached_property
    def article_pattern(self) -> re.Pattern[str]:
        return re.compile(self.article_path)

    @property
    def edition_names(self) -> tuple[str, ...]:
        return tuple(edition.name for edition in self.editions)

    def edition(self, name: str | None) -> Edition | None:
        """The edition called ``name``; None (no edition in the URL) is the first edition."""
        if name is None:
            return self.editions[0]
        return next((edition for edition in self.editions if edition.name == name), None)

    def edition_folder(self, language: str) -> str:
        """The export folder of a language: the edition's name as the site's URLs call it."""
        return next((edition.name for edition in self.editions if edition.language == language), language)

    def match_article(self, path: str) -> re.Match[str] | None:
        """A URL path's match when it is an article (override where a regex cannot say it)."""
        if self.not_article_paths and path.startswith(self.not_article_paths):
            return None
        match = self.article_pattern.match(path)
        if match is None or self.edition(match.groupdict().get("edition")) is None:
            return None
        return match

    def url_day(self, match: re.Match[str]) -> date | None:
        """The publication day an article URL carries (None when its URL has none)."""
        day = match.groupdict().get("day")
        try:
            return date.fromisoformat(day) if day else None
        except ValueError:
            return None

    def refine(self, article: Article, selector: Selector) -> Article:
        """What the layout data cannot say, applied to a page's extracted (uncleaned) Article.
        Override in a ``Site`` subclass (Fundus's ``V1_1(V1)`` style); the default changes nothing."""
        return article

    def listing_url(self, template: str, root: str, edition: str, day: date | None = None) -> str:
        """A discovery URL of an edition under the crawled root."""
        prefix = self.edition(edition).prefix  # type: ignore[union-attr]
        return root.rstrip("/") + template.format(prefix=prefix, day=day)
