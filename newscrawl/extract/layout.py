"""A page layout as data: which selectors hold which field.

A site module declares one ``Layout`` per template; ``read_layout`` is the one function
that applies any of them, so a new template is a handful of selectors, not new code.
"""

from __future__ import annotations

import copy
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
    #: Inside the title: elements that are no headline (a comment counter printed in the h1).
    title_skip: str | None = None
    #: Inside the body: elements that are no text (a tag list, a share bar).
    body_skip: str | None = None
    #: Inside the body: where the text ends (a comments widget); it and all after it go.
    body_end: str | None = None
    #: Inside the main image container: the caption element (a credit may be glued to it).
    #: When given, the img ``alt`` (often the headline) is never taken for the caption.
    image_caption: str | None = None


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


def _drop(node: etree._Element, keep_tail: bool) -> None:
    """Remove ``node``; its tail (the text after it) stays in place when ``keep_tail``."""
    parent = node.getparent()
    if parent is None:
        return
    if keep_tail and node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _pruned(element: etree._Element, skip: str | None, end: str | None) -> etree._Element:
    """A copy of ``element`` without its ``skip`` elements, cut at its first ``end`` element
    (that element and everything after it in document order go). Unchanged without either."""
    if not skip and not end:
        return element
    pruned = copy.deepcopy(element)
    for node in select_in(pruned, end)[:1]:
        for ancestor in (node, *node.iterancestors()):
            if ancestor is pruned:
                break
            for sibling in list(ancestor.itersiblings()):
                _drop(sibling, keep_tail=False)
            ancestor.tail = None
        _drop(node, keep_tail=False)
    for node in select_in(pruned, skip):
        _drop(node, keep_tail=True)
    return pruned


def _main_image(container: etree._Element, layout: Layout, base_url: str) -> Image | None:
    """The main image; with ``image_caption`` its caption is that element's text, never the alt."""
    image = figure_image(container, base_url)
    if image is None or not layout.image_caption:
        return image
    captions = select_in(container, layout.image_caption)
    image["caption"] = (element_text(captions[0]) if captions else "") or None
    return image


def read_layout(selector: Selector, layout: Layout, base_url: str) -> LayoutFields:
    """Apply a layout's selectors; a field whose selector finds nothing stays empty."""
    titles = (element_text(_pruned(node, layout.title_skip, None)) for node in select(selector, layout.title))
    fields = LayoutFields(
        title=next((title for title in titles if title), None),
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
        fields.main_image = _main_image(containers[0], layout, base_url)
        credits = [element_text(node) for node in select_in(containers[0], layout.main_image_credit)]
        if fields.main_image and not fields.main_image.get("credit") and any(credits):
            fields.main_image["credit"] = next(text for text in credits if text)
    body = select(selector, layout.body)
    if body:
        fields.content, fields.inline_images = content_blocks(
            _pruned(body[0], layout.body_skip, layout.body_end), base_url
        )
    return fields
