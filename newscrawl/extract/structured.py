"""Structured data a page declares about itself: canonical link, JSON-LD, OpenGraph, meta.

It survives redesigns better than any CSS selector, so extraction reads it first.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from parsel import Selector

logger = logging.getLogger(__name__)

_ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"})


@dataclass
class StructuredData:
    """What the page's head says; every field optional."""

    canonical: str | None = None
    title: str | None = None
    description: str | None = None
    image: str | None = None
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def _metas(selector: Selector) -> dict[str, list[str]]:
    """Every ``<meta property|name content>`` of the page, read in one pass."""
    metas: dict[str, list[str]] = {}
    root = selector.root
    if not isinstance(root, etree._Element):
        return metas
    for meta in root.iter("meta"):
        name, content = meta.get("property") or meta.get("name"), (meta.get("content") or "").strip()
        if name and content:
            metas.setdefault(name.strip().lower(), []).append(content)
    return metas


def _meta(metas: dict[str, list[str]], *names: str) -> str | None:
    return next((metas[name][0] for name in names if name in metas), None)


def _walk_json_ld(document: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON-LD document, including those inside ``@graph`` and lists, in
    document order. A loop over a stack, not recursion: nesting has no depth limit here."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            yield node
            stack.append(node.get("@graph", []))


def article_json_ld(selector: Selector) -> dict[str, Any]:
    """The page's NewsArticle (or Article) JSON-LD object; ``{}`` when there is none."""
    for script in selector.xpath('//script[@type="application/ld+json"]/text()').getall():
        try:
            document = json.loads(script, strict=False)
        except (ValueError, RecursionError):  # nested deeper than the parser's stack: not data
            logger.debug("Unparseable JSON-LD block skipped")
            continue
        for node in _walk_json_ld(document):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if _ARTICLE_TYPES.intersection(t for t in types if isinstance(t, str)):
                return node
    return {}


def _names(value: Any) -> list[str]:
    """Names from a JSON-LD author: a string, a Person/Organization, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return names


def json_ld_persons(selector: Selector) -> list[str] | None:
    """The JSON-LD article's author names that are no Organization (the publisher named as the
    author is no author); None when it names no author at all."""
    authors = article_json_ld(selector).get("author")
    if authors is None:
        return None
    items = authors if isinstance(authors, list) else [authors]
    return _names([item for item in items if not (isinstance(item, dict) and _is_organization(item))])


def _is_organization(item: dict[str, Any]) -> bool:
    types = item.get("@type")
    return any(str(kind).endswith("Organization") for kind in (types if isinstance(types, list) else [types]))


def _first_url(value: Any) -> str | None:
    """The first URL of a JSON-LD image: a string, an ImageObject, or a list of them."""
    for item in value if isinstance(value, list) else [value]:
        url = item.get("url") if isinstance(item, dict) else item
        if isinstance(url, str) and url.strip():
            return url.strip()
    return None


def _keywords(value: Any) -> list[str]:
    items = value if isinstance(value, list) else str(value or "").split(",")
    return [" ".join(str(item).split()) for item in items if str(item).strip()]


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def read_structured(selector: Selector) -> StructuredData:
    """Collect canonical link, JSON-LD NewsArticle, OpenGraph and ``article:*`` meta."""
    ld = article_json_ld(selector)
    metas = _metas(selector)
    canonical = selector.xpath('//link[@rel="canonical"]/@href').get()
    return StructuredData(
        canonical=canonical.strip() if canonical and canonical.strip() else None,
        title=_text(ld.get("headline")) or _meta(metas, "og:title", "twitter:title"),
        description=_text(ld.get("description")) or _meta(metas, "og:description", "description", "twitter:description"),
        image=_first_url(ld.get("image")) or _meta(metas, "og:image", "twitter:image"),
        published=_meta(metas, "article:published_time") or _text(ld.get("datePublished")),
        modified=_meta(metas, "article:modified_time") or _text(ld.get("dateModified")),
        section=_meta(metas, "article:section") or _text(ld.get("articleSection")),
        language=_text(ld.get("inLanguage")) or selector.xpath("/html/@lang").get(),
        authors=_names(ld.get("author")) or _names(_meta(metas, "author")),
        tags=metas.get("article:tag") or _keywords(ld.get("keywords")),
    )
