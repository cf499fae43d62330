"""When a page of an unknown site was published: what it declares first, what it prints last.

Order: JSON-LD ``datePublished``, then the meta tags publishers and their CMSs write
(``article:published_time``, ``itemprop=datePublished``, Parse.ly, Sailthru, Dublin Core …),
then ``<time datetime>``, then a date printed in a date-like element in the page's language, then
the date in the URL. A stamp with an offset keeps that offset (an unknown site has no zone of
its own); a stamp or printed date without one is naive, and the caller names the zone it is
read in (the crawl's ``-a timezone=``): ``FoundDate.resolve(zone)``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from lxml import etree
from parsel import Selector

from newscrawl.extract.date_parsing import date_in_url, parse_printed, parse_stamp

#: Meta names and properties that carry the publication stamp, most specific first.
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time", "article:published", "og:article:published_time", "og:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dcterms.created", "dc.date.created", "pubdate", "publishdate", "publish-date", "publish_date",
    "article.published", "article_date_original", "originalpublicationdate", "cxenseparse:recs:publishtime",
    "date", "pub_date",
)
MODIFIED_META: tuple[str, ...] = (
    "article:modified_time", "article:modified", "og:updated_time", "datemodified", "dc.date.modified",
)
_ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"})
#: Elements whose text is worth reading for a printed date.
_DATE_LIKE = etree.XPath(
    "//*[self::time or contains(translate(@class, 'DATEPUBLISHTMOR', 'datepublishtmor'), 'date')"
    " or contains(@class, 'time') or contains(@class, 'publish') or contains(@class, 'posted')"
    " or contains(@class, 'byline') or contains(@class, 'meta') or contains(@itemprop, 'date')]"
)
_TIME_STAMPS = etree.XPath("//*[@itemprop='datePublished']/@datetime | //time/@datetime")
MAX_DATE_LIKE_ELEMENTS = 30
MAX_DATE_TEXT_CHARS = 300

@dataclass(frozen=True)
class FoundDate:
    """A date found on a page: aware when the page gave an offset, else naive."""

    moment: datetime
    source: str  # "json-ld", "meta:<name>", "time", "text", "url"
    day_only: bool = False  # a URL or a printed day without a time

    @property
    def needs_zone(self) -> bool:
        return self.moment.tzinfo is None

    def resolve(self, zone: tzinfo | None) -> datetime | None:
        """The aware moment: as given when it has an offset, else read in ``zone`` (None: unknown)."""
        if not self.needs_zone:
            return self.moment
        return self.moment.replace(tzinfo=zone) if zone is not None else None


def _metas(selector: Selector) -> dict[str, str]:
    """First ``content`` of each meta name, property and itemprop (one meta may carry all three,
    an itemprop may list several: ``datePublished dateCreated``), names lower-cased."""
    found: dict[str, str] = {}
    root = selector.root
    if isinstance(root, etree._Element):
        for meta in root.iter("meta"):
            content = (meta.get("content") or "").strip()
            names = f"{meta.get('property') or ''} {meta.get('name') or ''} {meta.get('itemprop') or ''}"
            for name in names.lower().split() if content else ():
                found.setdefault(name, content)
    return found


def _parsely_page(metas: dict[str, str]) -> str | None:
    """The ``pub_date`` inside Parse.ly's JSON ``parsely-page`` meta."""
    try:
        page = json.loads(metas.get("parsely-page", ""))
    except ValueError:
        return None
    return page.get("pub_date") if isinstance(page, dict) else None


def json_ld_nodes(selector: Selector) -> list[dict[str, Any]]:
    """Every object of the page's JSON-LD, article types first (a WebPage in an ``@graph``
    often carries the only ``datePublished``). Parsed once for all the fields read from it."""
    nodes: list[dict[str, Any]] = []
    root = selector.root
    scripts = root.iter("script") if isinstance(root, etree._Element) else ()
    for script in scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            pending: list[Any] = [json.loads(script.text, strict=False)]
        except ValueError:
            continue
        while pending:
            node = pending.pop(0)
            if isinstance(node, list):
                pending.extend(node)
            elif isinstance(node, dict):
                nodes.append(node)
                pending.extend(value for value in node.values() if isinstance(value, (list, dict)))
    return sorted(nodes, key=lambda node: not _ARTICLE_TYPES.intersection(_types(node)))


def _types(node: dict[str, Any]) -> list[str]:
    types = node.get("@type")
    return [t for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)]


def _declared(
    nodes: list[dict[str, Any]], metas: dict[str, str], ld_key: str, names: tuple[str, ...]
) -> FoundDate | None:
    for value in (node.get(ld_key) for node in nodes):
        stamp = parse_stamp(value)
        if stamp:
            return FoundDate(stamp, "json-ld", day_only=len(str(value).strip()) <= 10)
    for name in names:
        stamp = parse_stamp(metas.get(name))
        if stamp:
            return FoundDate(stamp, f"meta:{name}", day_only=len(metas[name]) <= 10)
    return None


def find_published(
    selector: Selector,
    url: str | None = None,
    languages: tuple[str, ...] = (),
    nodes: list[dict[str, Any]] | None = None,
) -> FoundDate | None:
    """The page's publication date, from the most to the least trustworthy place it can be.
    ``nodes``: the page's ``json_ld_nodes`` when the caller has them already."""
    metas = _metas(selector)
    found = _declared(json_ld_nodes(selector) if nodes is None else nodes, metas, "datePublished", PUBLISHED_META)
    if found:
        return found
    stamp = parse_stamp(_parsely_page(metas))
    if stamp:
        return FoundDate(stamp, "meta:parsely-page")
    root = selector.root
    for value in _TIME_STAMPS(root) if isinstance(root, etree._Element) else ():
        stamp = parse_stamp(str(value))
        if stamp:
            return FoundDate(stamp, "time", day_only=len(value.strip()) <= 10)
    if isinstance(root, etree._Element):
        for element in _DATE_LIKE(root)[:MAX_DATE_LIKE_ELEMENTS]:
            text = " ".join(element.itertext())
            printed = parse_printed(text, languages) if len(text) <= MAX_DATE_TEXT_CHARS else None
            if printed:
                return FoundDate(printed[0], "text", day_only=printed[1])
    day = date_in_url(url)
    return FoundDate(day, "url", day_only=True) if day else None


def find_modified(selector: Selector) -> FoundDate | None:
    """When the page says it was last changed (JSON-LD ``dateModified``, modified-time meta)."""
    return _declared(json_ld_nodes(selector), _metas(selector), "dateModified", MODIFIED_META)

