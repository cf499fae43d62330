"""The kursiv copy's article model, and the record newscrawl must export for each article.

An article is held as printed (blocks with their inner HTML, images with the credit as printed
and where it sits, the noise inside its body); ``record`` derives the clean export from that data,
never from the rendered HTML (../shared/spec/record.md, kursiv-site.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from newscrawl.demo.content import ListBlock, Noise, PrintedArticle, Text, collapse, iso
from newscrawl.items import EXPORT_FIELDS

REAL_ORIGIN = "https://kz.kursiv.media"
CDN = "https://cdn-kz.kursiv.media/wp-content/uploads"
SITE_DOMAIN = "kz.kursiv.media"
#: Edition code (URL prefix without slashes; "ru" has none) -> ISO 639-1, <html lang>, title suffix.
EDITIONS = {
    "ru": ("ru", "ru-RU", "Kursiv Media Казахстан"),
    "kk": ("kk", "kk", "Kursiv Media Қазақстан"),
    "en": ("en", "en-US", "Kursiv Media Kazakhstan"),
}
#: Templates: the two live ones and a stray longread page (neither). Values are the record's
#: ``extraction``, the name the crawler gives the path it extracted the page with.
SINGLE, SUBCAT, LONGREAD = "single", "subcat-article", "fallback"


def prefix(edition: str) -> str:
    """URL prefix of an edition: ``""`` for ru, ``"/kk"``, ``"/en"``."""
    return "" if edition == "ru" else f"/{edition}"


def utc(moment: datetime) -> str:
    """``2024-02-29T19:20:00+00:00``: how Yoast, sitemaps and the API's ``*_gmt`` print a time."""
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Image:
    """An image as printed. ``credit_at``: "span" (source span / subcat source line), "caption"
    (glued to the caption's end), "line" (a paragraph after an inline figure), or None."""

    url: str
    caption: str | None = None
    credit_raw: str | None = None  # as printed, label included: "Фото: © Depositphotos"
    credit: str | None = None  # as exported: "Depositphotos"
    credit_at: str | None = None
    lazy: str | None = None  # "data-src" or "data-lazy-src": src is a data: placeholder


@dataclass
class Figure:
    """An inline image in the body (its credit line, if any, follows it)."""

    image: Image


Block = Text | ListBlock | Figure | Noise


@dataclass
class Article(PrintedArticle):
    """One post of the copy, with the presentation choices its page makes."""

    post_id: int
    edition: str
    slug: str
    title: str
    excerpt: str | None  # the editors' excerpt: the lead, and Yoast's description
    published: datetime  # aware, Asia/Almaty
    modified: datetime | None
    sections: list[tuple[str, str]]  # (name, slug); the first is the printed rubric
    tags: list[str]
    authors: list[str]
    main_image: Image
    blocks: list[Block]
    views: int | None
    views_text: str
    template: str
    text_date_numeric: bool = False  # subcat-article: "15.11.2022, 18:05" or "15 ноября 2022, 18:05"
    old_slug: str | None = None
    read_also: list[tuple[str, str]] = field(default_factory=list)  # (path, title) in .single-read-also

    @property
    def path(self) -> str:
        return f"{prefix(self.edition)}/{self.published:%Y-%m-%d}/{self.slug}/"

    @property
    def canonical(self) -> str:
        return REAL_ORIGIN + self.path

    @property
    def language(self) -> str:
        return EDITIONS[self.edition][0]

    def description(self) -> str:
        """Yoast's description: the excerpt, else the body's opening cut at a word, ending in "…"."""
        if self.excerpt:
            return self.excerpt
        opening = " ".join(self.body_texts())
        return opening[:140].rsplit(" ", 1)[0].rstrip(",.;:—-") + "…"

    def figures(self) -> list[Figure]:
        return [block for block in self.blocks if isinstance(block, Figure)]

    def record(self) -> dict:
        """The record newscrawl must export for this page (record.md order, then ``extraction``)."""
        main = self.main_image
        if self.template == LONGREAD:  # only structured data is reliable: og:image, no caption
            images = [{"url": main.url, "caption": None, "credit": None}]
        else:
            images = [{"url": image.url, "caption": image.caption, "credit": image.credit}
                      for image in [main, *(figure.image for figure in self.figures())]]
        record = {
            "url": self.canonical.rstrip("/"),
            "site": SITE_DOMAIN,
            "language": self.language,
            "title": collapse(self.title),
            "lead": collapse(self.excerpt) if self.excerpt and self.template != LONGREAD else None,
            "body": "\n\n".join(self.body_texts()),
            "published_at": iso(self.published),
            "modified_at": iso(self.modified),
            "authors": list(self.authors),
            "section": self.sections[0][0],
            "tags": list(self.tags),
            "images": images,
            "views": self.views if self.template == SINGLE else None,
            "extraction": self.template,
        }
        assert tuple(record) == EXPORT_FIELDS
        return record
