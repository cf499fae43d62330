"""Page -> Article: structured data first, then the layout's selectors, then the generic extractor."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from newscrawl.clean.text import collapse_whitespace
from newscrawl.dates import parse_iso, parse_text_date, to_iso
from newscrawl.extract.generic import generic_fields as generic_page_fields
from newscrawl.extract.layout import LayoutFields, detect_layout, read_layout
from newscrawl.extract.structured import StructuredData, read_structured
from newscrawl.items import Article, ContentBlock, Image
from newscrawl.urls import canonical_url, edition_of

if TYPE_CHECKING:
    from newscrawl.sites.base import Site

FALLBACK = "fallback"


def record_url(structured: StructuredData, response_url: str) -> str:
    """The canonical link when it is a web URL, else the fetched URL without tracking."""
    if structured.canonical:
        url = urljoin(response_url, structured.canonical)
        if urlsplit(url).scheme in ("http", "https"):
            return canonical_url(url)
    return canonical_url(response_url)


def strip_site_suffix(title: str | None, site: Site) -> str | None:
    """``Headline - example.kz`` or ``Headline - Kursiv Media Казахстан`` -> ``Headline``."""
    if not title:
        return None
    names = "|".join(re.escape(name) for name in (site.domain, *site.title_suffixes))
    suffix = re.compile(rf"\s*[-–—|:]\s*(?:www\.)?(?:{names})\s*$", re.IGNORECASE)
    return collapse_whitespace(suffix.sub("", title)) or None


def language_of(url: str, structured: StructuredData, site: Site) -> str:
    """ISO 639-1 of the edition in the URL (inbusiness's ``/kz/`` is ``kk``); for a URL of no
    known edition, the language the page declares (``ru-RU`` is ``ru``)."""
    name = edition_of(url, site)
    edition = site.edition(name) if name else None
    if edition and edition.language:
        return edition.language
    return (structured.language or "").strip().lower()[:2]


def opens_body(description: str, content: list[ContentBlock]) -> bool:
    """Whether a page description is only the body's opening, as SEO plugins fill it: cut
    anywhere (``…``), also past the first paragraph, leaving out blocks cleaning removes later
    (an ad label, a related link)."""
    rest = collapse_whitespace(description).rstrip(".… ")
    started = False
    for block in (collapse_whitespace(block) for block in content if isinstance(block, str)):
        if block.startswith(rest):
            return True
        if rest.startswith(block):
            rest, started = rest[len(block):].lstrip(), True
            if not rest:
                return True
        elif not started:
            return False
    return False


def lead_or_none(lead: str | None, description: str | None, content: list[ContentBlock]) -> str | None:
    """The layout's standfirst; else the page description unless it merely opens the body."""
    if lead:
        return lead
    if not description or opens_body(description, content):
        return None
    return collapse_whitespace(description)


def generic_fields(selector: Selector, base_url: str, site: Site) -> LayoutFields:
    """What a page in an unknown layout yields without selectors (printed dates in the site's languages)."""
    languages = tuple(dict.fromkeys(edition.language for edition in site.editions if edition.language))
    return generic_page_fields(selector, base_url, languages)


def _images(main: Image | None, fields: LayoutFields) -> tuple[list[Image], list[ContentBlock]]:
    """Main image first, then inline ones; content indexes shift to match."""
    if main is None:
        return fields.inline_images, fields.content
    shifted = [block + 1 if isinstance(block, int) else block for block in fields.content]
    return [main, *fields.inline_images], shifted


def extract_article(selector: Selector, response_url: str, *, site: Site) -> Article:
    """Extract every record field a page of ``site`` gives (then the site's ``refine``); cleaning
    and validation come after. Stamps with an offset keep their instant, printed dates are read in the site's zone."""
    structured = read_structured(selector)
    url = record_url(structured, response_url)
    layout = detect_layout(selector, site.layouts)
    fields = read_layout(selector, layout, url) if layout else generic_fields(selector, url, site)
    title = strip_site_suffix(structured.title or fields.title, site)
    zone = site.tz
    published = (parse_iso(structured.published, zone) or parse_iso(fields.date, zone)
                 or parse_text_date(fields.date, zone))
    modified = parse_iso(structured.modified, zone)
    main_image = fields.main_image
    if main_image is None and structured.image:
        main_image = Image(url=urljoin(url, structured.image), caption=None, credit=None)
    images, content = _images(main_image, fields)
    lead = lead_or_none(fields.lead, structured.description, content)
    return site.refine(Article(
        url=url,
        site=site.domain,
        language=language_of(url, structured, site),
        title=title or "",
        lead=lead,
        published_at=to_iso(published, zone) if published else None,
        modified_at=to_iso(modified, zone) if modified else None,
        authors=structured.authors or fields.authors,
        section=structured.section or fields.section,
        tags=fields.tags or structured.tags,
        images=images,
        views=fields.views,
        extraction=layout.name if layout else FALLBACK,
        content=[block for block in content if block not in (title, lead)],
    ), selector)
