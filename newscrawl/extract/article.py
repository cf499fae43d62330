"""Page -> Article: structured data first, then the layout's selectors, then the generic extractor."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from newscrawl.clean.text import collapse_whitespace
from newscrawl.dates import parse_iso, parse_text_date, to_iso
from newscrawl.extract.generic import generic_fields as generic_page_fields
from newscrawl.extract.layout import Layout, LayoutFields, detect_layout, read_layout
from newscrawl.extract.structured import StructuredData, read_structured
from newscrawl.items import Article, ContentBlock, Image
from newscrawl.urls import EDITION_LANGUAGES, canonical_url, edition_of

FALLBACK = "fallback"


def record_url(structured: StructuredData, response_url: str) -> str:
    """The canonical link when it is a web URL, else the fetched URL without tracking."""
    if structured.canonical:
        url = urljoin(response_url, structured.canonical)
        if urlsplit(url).scheme in ("http", "https"):
            return canonical_url(url)
    return canonical_url(response_url)


def strip_site_suffix(title: str | None, site: str) -> str | None:
    """``Headline - inbusiness.kz`` -> ``Headline``."""
    if not title:
        return None
    suffix = re.compile(rf"\s*[-–—|:]\s*(?:www\.)?{re.escape(site)}\s*$", re.IGNORECASE)
    return collapse_whitespace(suffix.sub("", title)) or None


def language_of(url: str, structured: StructuredData) -> str:
    """ISO 639-1 from the edition in the URL (``/kz/`` is ``kk``), else the page's own."""
    edition = edition_of(url)
    if edition:
        return EDITION_LANGUAGES[edition]
    declared = (structured.language or "").strip().lower()[:2]
    return EDITION_LANGUAGES.get(declared, declared)


def lead_or_none(lead: str | None, description: str | None, content: list[ContentBlock]) -> str | None:
    """The layout's standfirst; else the page description unless it merely opens the body."""
    if lead:
        return lead
    if not description:
        return None
    opening = next((block for block in content if isinstance(block, str)), "")
    stem = collapse_whitespace(description).rstrip(".… ")
    return None if opening.startswith(stem) else collapse_whitespace(description)


def generic_fields(selector: Selector, base_url: str) -> LayoutFields:
    """What a page in an unknown layout yields without selectors."""
    return generic_page_fields(selector, base_url)


def _images(main: Image | None, fields: LayoutFields) -> tuple[list[Image], list[ContentBlock]]:
    """Main image first, then inline ones; content indexes shift to match."""
    if main is None:
        return fields.inline_images, fields.content
    shifted = [block + 1 if isinstance(block, int) else block for block in fields.content]
    return [main, *fields.inline_images], shifted


def extract_article(selector: Selector, response_url: str, *, site: str, layouts: tuple[Layout, ...]) -> Article:
    """Extract every record field a page gives; cleaning and validation come after."""
    structured = read_structured(selector)
    url = record_url(structured, response_url)
    layout = detect_layout(selector, layouts)
    fields = read_layout(selector, layout, url) if layout else generic_fields(selector, url)
    title = strip_site_suffix(structured.title or fields.title, site)
    published = parse_iso(structured.published) or parse_iso(fields.date) or parse_text_date(fields.date)
    modified = parse_iso(structured.modified)
    main_image = fields.main_image
    if main_image is None and structured.image:
        main_image = Image(url=urljoin(url, structured.image), caption=None, credit=None)
    images, content = _images(main_image, fields)
    lead = lead_or_none(fields.lead, structured.description, content)
    return Article(
        url=url,
        site=site,
        language=language_of(url, structured),
        title=title or "",
        lead=lead,
        published_at=to_iso(published) if published else None,
        modified_at=to_iso(modified) if modified else None,
        authors=structured.authors or fields.authors,
        section=structured.section or fields.section,
        tags=fields.tags or structured.tags,
        images=images,
        views=fields.views,
        extraction=layout.name if layout else FALLBACK,
        content=[block for block in content if block not in (title, lead)],
    )
