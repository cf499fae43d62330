"""A page layout as data: which selectors hold which field.

A site module declares one ``Layout`` per template; ``read_layout`` is the one function
that applies any of them, so a new template is a handful of selectors, not new code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from newscrawl.extract.blocks import content_blocks, element_text, figure_image
from newscrawl.items import ContentBlock, Image

_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class Layout:
    """CSS selectors of one article template. ``marker`` must match for the layout to apply."""

    name: str
    marker: str
    title: str
    body: str
    lead: str | None = None
    date_attr: str | None = None
    date_text: str | None = None
    views: str | None = None
    authors: str | None = None
    breadcrumbs: str | None = None
    tags: str | None = None
    main_image: str | None = None
    #: The main image's credit when it sits outside a figcaption (``p.image-source`` in the container).
    main_image_credit: str | None = None


@dataclass
class LayoutFields:
    """What a layout's selectors found on a page (raw: cleaning comes later)."""

    title: str | None = None
    lead: str | None = None
    date: str | None = None
    views: int | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    main_image: Image | None = None
    content: list[ContentBlock] = field(default_factory=list)
    inline_images: list[Image] = field(default_factory=list)


@functools.lru_cache(maxsize=256)
def _compiled(css: str) -> etree.XPath:
    return etree.XPath(HTMLTranslator().css_to_xpath(css))


def select(selector: Selector, css: str | None) -> list[Any]:
    """Elements (or attribute values, with ``::attr()``) matching ``css``. The selector is
    compiled once per process: layouts are applied to every page of a crawl."""
    if not css or not isinstance(selector.root, etree._Element):
        return []
    return list(_compiled(css)(selector.root))


def select_in(element: etree._Element, css: str | None) -> list[Any]:
    """Elements matching ``css`` inside ``element`` (itself included)."""
    return list(_compiled(css)(element)) if css else []


def detect_layout(selector: Selector, layouts: tuple[Layout, ...]) -> Layout | None:
    """The first layout whose marker is on the page: chosen by markup, never by date."""
    return next((layout for layout in layouts if select(selector, layout.marker)), None)


def _texts(selector: Selector, css: str | None) -> list[str]:
    return [text for text in (element_text(node) for node in select(selector, css)) if text]


def _first_text(selector: Selector, css: str | None) -> str | None:
    texts = _texts(selector, css)
    return texts[0] if texts else None


def parse_views(text: str | None) -> int | None:
    """``878``, ``1 234`` (any space between thousands) -> int; None when there is no count."""
    compact = re.sub(r"\s", "", text or "")
    return int(compact) if _DIGITS.fullmatch(compact) else None


def _is_home_link(href: str) -> bool:
    path = urlsplit(href).path.strip("/")
    return path == "" or ("/" not in path and len(path) == 2)


def section_from_breadcrumbs(selector: Selector, css: str | None) -> str | None:
    """The first breadcrumb after the home link (``Главная / Политика`` -> ``Политика``)."""
    for link in select(selector, css):
        if not _is_home_link(link.get("href", "")):
            text = element_text(link)
            if text:
                return text
    return None


def read_layout(selector: Selector, layout: Layout, base_url: str) -> LayoutFields:
    """Apply a layout's selectors; a field whose selector finds nothing stays empty."""
    fields = LayoutFields(
        title=_first_text(selector, layout.title),
        lead=_first_text(selector, layout.lead),
        views=parse_views(_first_text(selector, layout.views)),
        authors=list(dict.fromkeys(_texts(selector, layout.authors))),
        section=section_from_breadcrumbs(selector, layout.breadcrumbs),
        tags=list(dict.fromkeys(_texts(selector, layout.tags))),
    )
    stamps = select(selector, layout.date_attr)
    fields.date = (str(stamps[0]) if stamps else None) or _first_text(selector, layout.date_text)
    containers = select(selector, layout.main_image)
    if containers:
        fields.main_image = figure_image(containers[0], base_url)
        credits = [element_text(node) for node in select_in(containers[0], layout.main_image_credit)]
        if fields.main_image and not fields.main_image.get("credit") and any(credits):
            fields.main_image["credit"] = next(text for text in credits if text)
    body = select(selector, layout.body)
    if body:
        fields.content, fields.inline_images = content_blocks(body[0], base_url)
    return fields
