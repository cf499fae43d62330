"""The exported article record (../shared/spec/record.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

#: The contract fields of record.md, in export order.
RECORD_FIELDS: tuple[str, ...] = (
    "url",
    "site",
    "language",
    "title",
    "lead",
    "body",
    "published_at",
    "modified_at",
    "authors",
    "section",
    "tags",
    "images",
    "views",
)
#: Fields this project adds after the contract ones.
EXTRA_FIELDS: tuple[str, ...] = ("extraction",)
#: What a feed export writes (``content`` is working state, never exported).
EXPORT_FIELDS: tuple[str, ...] = RECORD_FIELDS + EXTRA_FIELDS

#: Fields without which a record is not an article: such a page is dropped.
REQUIRED_FIELDS: tuple[str, ...] = ("url", "title", "body", "published_at")


class Image(TypedDict):
    """One image of an article: main image first, then inline ones in order."""

    url: str
    caption: str | None
    credit: str | None


#: A block of article content before cleaning: a text block, or the index of an
#: inline image in ``Article.images`` (so a credit line knows its image).
ContentBlock = str | int


class MarkupBlock(str):
    """A text block walked from a page's markup: still a ``str`` for every consumer, but it says
    the markup was there, so cleaning can ask whether the block is all link (``LinkOnly``).
    Plain ``str`` blocks (content built from text) carry no such information."""

    __slots__ = ()


class LinkOnly(MarkupBlock):
    """A ``<p>``, ``<li>`` or ``<div>`` whose text all sits inside links: a related headline or a
    list of them, where a bare "Читайте также" label ends when the next block is not one."""

    __slots__ = ()


def same_kind(block: str, text: str) -> str:
    """``text`` (an edited copy of ``block``) keeping what the markup said of ``block``."""
    return text if type(block) is str or type(text) is type(block) else type(block)(text)


@dataclass
class Article:
    """One article. Extraction fills ``content``; cleaning turns it into ``body``."""

    url: str
    site: str
    language: str
    title: str
    lead: str | None = None
    body: str = ""
    published_at: str | None = None
    modified_at: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    views: int | None = None
    extraction: str = "fallback"
    content: list[ContentBlock] = field(default_factory=list)
    #: The sitemap ``lastmod`` this version was listed with (store bookkeeping, never exported).
    lastmod: str | None = None
    #: Other URLs (store keys) it was listed or fetched under: the store's aliases of ``url``.
    fetched_as: list[str] = field(default_factory=list)


def missing_fields(article: Article) -> list[str]:
    """The required fields an article lacks; a record with any is not exported."""
    return [name for name in REQUIRED_FIELDS if not getattr(article, name)]


def export_record(article: Article) -> dict[str, object]:
    """The article as one exported line holds it (``FEED_EXPORT_FIELDS`` order)."""
    return {name: getattr(article, name) for name in EXPORT_FIELDS}


def article_from_record(record: dict[str, object], lastmod: str | None = None) -> Article:
    """An exported record back as an Article (to export a stored version again). Its body
    becomes content blocks, which cleaning leaves as they are: clean text stays clean."""
    fields = {name: record[name] for name in EXPORT_FIELDS if name in record}
    body = str(fields.pop("body", "") or "")
    return Article(**fields, content=[block for block in body.split("\n\n") if block], lastmod=lastmod)  # type: ignore[arg-type]
