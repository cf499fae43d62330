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
import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime
from typing import Any

from lxml import etree
from parsel import Selector

from newscrawl.extract.date_words import TIME_WORDS, YEAR_WORDS, month_number

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
#: Stamps outside these years are placeholders (``0001-01-01``) or typos, not publication dates.
PLAUSIBLE_YEARS = range(1990, 2100)
#: Elements whose text is worth reading for a printed date.
_DATE_LIKE = etree.XPath(
    "//*[self::time or contains(translate(@class, 'DATEPUBLISHTMOR', 'datepublishtmor'), 'date')"
    " or contains(@class, 'time') or contains(@class, 'publish') or contains(@class, 'posted')"
    " or contains(@class, 'byline') or contains(@class, 'meta') or contains(@itemprop, 'date')]"
)
_TIME_STAMPS = etree.XPath("//*[@itemprop='datePublished']/@datetime | //time/@datetime")
MAX_DATE_LIKE_ELEMENTS = 30
MAX_DATE_TEXT_CHARS = 300

_OFFSET = re.compile(r"([+-]\d{2}):?(\d{2})$")
_FRACTION = re.compile(r"(\.\d{1,6})\d*")
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2]|[a-z]{3,9})[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)", re.IGNORECASE
)
_WORD_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?:\s*-?(?:" + "|".join(YEAR_WORDS) + r")\b\.?)?"
_TIME = (r"(?:[\s,|–—-]+(?:(?:" + "|".join(TIME_WORDS) + r")\s+)?(?P<hour>[01]?\d|2[0-3])[:.h](?P<minute>[0-5]\d)"
         r"(?:\s*(?P<ampm>[ap])\.?m\.?)?)?")
_PRINTED: tuple[re.Pattern[str], ...] = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    r"(?P<day>[0-3]?\d)(?:-?(?:го|ші|сы|st|nd|rd|th))?[\s-]+" + _WORD_MONTH + r",?\s+" + _YEAR + _TIME,
    _WORD_MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + _YEAR + _TIME,
    _YEAR + r"[\s,]+(?P<day>[0-3]?\d)[\s-]+" + _WORD_MONTH + _TIME,
    r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d{2})" + _TIME,
    r"(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)" + _TIME,
))


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


def parse_stamp(value: object) -> datetime | None:
    """A machine-readable stamp (ISO 8601 in its usual variants, RFC 2822); its offset kept."""
    moment = _parse_stamp(value)
    return moment if moment is not None and moment.year in PLAUSIBLE_YEARS else None


def _parse_stamp(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = _FRACTION.sub(r"\1", text.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", text) else text)
    iso = re.sub(r"Z$", "+00:00", iso, flags=re.IGNORECASE)
    iso = _OFFSET.sub(r"\1:\2", iso) if "T" in iso else iso
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def parse_printed(text: str | None, languages: tuple[str, ...] = ()) -> tuple[datetime, bool] | None:
    """A date as a page prints it, naive, and whether it had no time of day."""
    cleaned = " ".join((text or "").split())
    for pattern in _PRINTED:
        for match in pattern.finditer(cleaned):
            month = match["month"]
            number = int(month) if month.isdigit() else month_number(month, languages)
            hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
            if match["ampm"] and match["ampm"].lower() == "p" and hour < 12:
                hour += 12
            elif match["ampm"] and hour == 12:
                hour = 0
            try:
                moment = datetime(int(match["year"]), number or 0, int(match["day"]), hour, minute)
            except ValueError:
                continue
            return moment, match["hour"] is None
    return None


def date_in_url(url: str | None) -> datetime | None:
    """``/2019/11/19/``, ``/2019-11-19-slug``, ``/20191119/``, ``/2019/nov/19/``: that day, naive."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = match.groups()
    number = int(month) if month.isdigit() else month_number(month, ("en",))
    try:
        return datetime(int(year), number or 0, int(day))
    except ValueError:
        return None


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

