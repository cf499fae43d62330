"""Page -> Article: structured data first, then the layout's selectors, then the generic extractor."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from parsel import Selector

from newscrawl.clean.text import collapse_whitespace
from newscrawl.dates import parse_iso, parse_text_date, to_iso
from newscrawl.extract.canonical import PageUrl, page_url
from newscrawl.extract.generic import generic_fields as generic_page_fields
from newscrawl.extract.layout import LayoutFields, detect_layout, read_layout
from newscrawl.extract.structured import StructuredData, read_structured
from newscrawl.items import Article, ContentBlock, Image
from newscrawl.urls import edition_of

if TYPE_CHECKING:
    from newscrawl.sites.base import Site

FALLBACK = "fallback"
#: An ISO 639-1 code: a page's declared language is one, or it is not taken (it names a folder).
LANGUAGE_CODE = re.compile(r"[a-z]{2}")


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
    declared = (structured.language or "").strip().lower()[:2]
    return declared if LANGUAGE_CODE.fullmatch(declared) else ""


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


def extract_article(selector: Selector, response_url: str, *, site: Site, copy_root: str | None = None,
                    redirected_from: Sequence[str] = ()) -> Article:
    """Extract every record field a page of ``site`` gives (then the site's ``refine``); cleaning and
    validation come after."""
    return extract_page(selector, response_url, site=site, copy_root=copy_root, redirected_from=redirected_from)[0]


def extract_page(selector: Selector, response_url: str, *, site: Site, copy_root: str | None = None,
                 redirected_from: Sequence[str] = ()) -> tuple[Article, PageUrl]:
    """The page's article, and how its URL was decided (``extract.canonical``: the canonical link
    only where it can be trusted; ``copy_root`` is the copy being crawled, ``redirected_from`` the
    URLs a redirect led from). Stamps with an offset keep their instant, printed dates are read in
    the site's zone."""
    structured = read_structured(selector)
    page = page_url(structured.canonical, response_url, site, copy_root=copy_root, redirected_from=redirected_from)
    url = page.url
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
    article = Article(
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
    )
    return site.refine(article, selector), page
