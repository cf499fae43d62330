"""The tengrinews copy's article model, and the record newscrawl must export for each article.

An article is held as the site prints it (blocks, images, noise, presentation choices);
``expected_record`` derives the clean export from the data, never from rendered HTML, so the
copy knows what it served. Renderers: ``tengrinews_pages`` and ``tengrinews_listings``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from newscrawl.items import EXPORT_FIELDS

ALMATY = ZoneInfo("Asia/Almaty")
#: Canonical links name the real site, as a saved copy of a page would.
REAL_ORIGIN = "https://tengrinews.kz"
SITE_DOMAIN = "tengrinews.kz"
LAYOUT_L, LAYOUT_T, LONGREAD = "layout_l", "layout_t", "fallback"
#: Items of a day archive that are never records, though they carry a numeric id.
NOT_ARTICLE_KINDS = ("video", "photo", "special")


def almaty(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """An aware Asia/Almaty time (UTC+6 before 2024-03-01, UTC+5 from then on)."""
    return datetime(year, month, day, hour, minute, tzinfo=ALMATY)


def iso(moment: datetime | None) -> str | None:
    return moment.astimezone(ALMATY).isoformat(timespec="seconds") if moment else None


def collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Photo:
    """An image: relative ``src``; ``caption``; ``credit_raw`` as printed ("Фото: © X"), ``credit``
    as exported ("X"). Inline, ``credit_line`` prints the credit as the next paragraph."""

    src: str
    caption: str | None = None
    credit_raw: str | None = None
    credit: str | None = None
    credit_line: bool = False


@dataclass(frozen=True)
class Text:
    """A block of text: ``p``, ``h2`` (a subheading; layout T prints ``<p><strong>``), ``li``, ``quote``."""

    tag: str
    text: str


@dataclass(frozen=True)
class Noise:
    """Markup inside the text that is no article text (see ``tengrinews_noise``)."""

    name: str
    html: str


Block = Text | Photo | Noise


@dataclass
class TengriArticle:
    """One item of the copy: an article, or a video/gallery/special page a listing shows."""

    id: int
    section_slug: str  # kazakhstan_news, world_news, events, …
    section: str  # Казахстан, Мир, Происшествия, …
    slug: str
    title: str
    published: datetime
    lead: str | None = None
    modified: datetime | None = None
    authors: list[str] = field(default_factory=list)  # [] with an Organization in JSON-LD
    tags: list[str] = field(default_factory=list)
    main_image: Photo | None = None
    blocks: list[Block] = field(default_factory=list)
    views: int | None = None
    comments: int = 0
    layout: str = LAYOUT_L
    kind: str = "article"  # or one of NOT_ARTICLE_KINDS
    #: Presentation: JSON-LD dates in UTC (``Z``); the printed date relative ("Сегодня, …");
    #: the T date format (0: ``18 октября 2022 10:45``, 1: with a comma, 2: ``18.10.2022 10:45``);
    #: windows-1251 declared only in ``<meta http-equiv>`` (and, with ``utf8_header``, a header that
    #: says utf-8: the bytes must win over it); the views' thousands separator.
    utc_json_ld: bool = False
    relative_date: bool = False
    date_style: int = 0
    cp1251: bool = False
    utf8_header: bool = False
    views_separator: str = "\u00a0"
    #: The href its day archive lists it under when not its path (an old slug, no trailing slash).
    listed_as: str | None = None
    #: The copy's one edition (``SiteCopy`` filters on it).
    edition: str = "ru"

    @property
    def path(self) -> str:
        section = self.kind if self.kind in NOT_ARTICLE_KINDS else self.section_slug
        return f"/{section}/{self.slug}-{self.id}/"

    @property
    def canonical(self) -> str:
        return REAL_ORIGIN + self.path

    @property
    def is_article(self) -> bool:
        return self.kind == "article"

    @property
    def day(self) -> date:
        return self.published.astimezone(ALMATY).date()

    @property
    def lastmod(self) -> datetime:
        return self.modified or self.published

    @property
    def views_text(self) -> str:
        return f"{self.views:,}".replace(",", self.views_separator) if self.views is not None else ""

    def body_texts(self) -> list[str]:
        return [collapse(block.text) for block in self.blocks if isinstance(block, Text) and collapse(block.text)]

    def expected_record(self) -> dict[str, object]:
        """What newscrawl must export for this page (record.md order, then ``extraction``)."""
        assert self.is_article, f"{self.path} is no article: it has no record"
        layout_t, longread = self.layout == LAYOUT_T, self.layout == LONGREAD
        main = self.main_image
        images = []
        if main is not None:
            images.append({"url": REAL_ORIGIN + main.src, "caption": None if longread else main.caption,
                           "credit": None if longread else main.credit})
        if not longread:
            images += [{"url": REAL_ORIGIN + b.src, "caption": b.caption, "credit": b.credit}
                       for b in self.blocks if isinstance(b, Photo)]
        record: dict[str, object] = {
            "url": self.canonical.rstrip("/"),
            "site": SITE_DOMAIN,
            "language": "ru",
            "title": collapse(self.title),
            "lead": None if layout_t or not self.lead else collapse(self.lead),
            "body": "\n\n".join(self.body_texts()),
            "published_at": iso(self.published),
            "modified_at": None if layout_t else iso(self.modified),
            "authors": [] if layout_t else list(self.authors),
            "section": None if longread else self.section,
            "tags": [] if longread else list(self.tags),
            "images": images,
            "views": None if longread else self.views,
            "extraction": self.layout,
        }
        assert tuple(record) == EXPORT_FIELDS
        return record
