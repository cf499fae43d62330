"""The demo site's article model, and the record newscrawl must export for each article.

An article is held as printed: text blocks with their inner HTML, inline images, and the
noise the page carries inside its body. ``expected_record`` derives the clean export from
that model (never from the rendered HTML), so the site knows what it served.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from newscrawl.items import EXPORT_FIELDS

ALMATY = ZoneInfo("Asia/Almaty")
#: The real site's origin: canonical links name it, as a saved copy of a page would.
REAL_ORIGIN = "https://inbusiness.kz"
SITE_DOMAIN = "inbusiness.kz"
#: Edition path segment -> ISO 639-1 language of its articles.
EDITION_LANGUAGES = {"ru": "ru", "kz": "kk", "en": "en"}

LAYOUT_A, LAYOUT_B, LAYOUT_UNKNOWN = "layout_a", "layout_b", "fallback"


def collapse(text: str) -> str:
    """Collapse whitespace as the export does (NBSP, thin spaces become plain spaces)."""
    return " ".join(text.split())


def almaty(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """An aware datetime in Asia/Almaty (UTC+6 before 2024-03-01, UTC+5 from then on)."""
    return datetime(year, month, day, hour, minute, tzinfo=ALMATY)


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the offset in force at that moment, seconds included."""
    return moment.isoformat(timespec="seconds") if moment else None


@dataclass
class Text:
    """One block of article text: ``tag`` is p, h2, li or blockquote; ``html`` its inner HTML."""

    tag: str
    text: str
    html: str


@dataclass
class ListBlock:
    """A ``<ul>``; each item is one block of the body."""

    items: list[Text]


@dataclass
class Image:
    """An image as printed: relative ``src``, its caption and credit (raw and normalised)."""

    src: str
    caption: str | None = None
    credit_raw: str | None = None  # as printed, label included: "Фото: © Shutterstock"
    credit: str | None = None  # as exported: "Shutterstock"


@dataclass
class Figure:
    """An inline image, optionally followed by a credit line paragraph that belongs to it."""

    image: Image
    credit_line: tuple[str, str] | None = None  # (raw line, normalised credit)

    @property
    def credit(self) -> str | None:
        return self.image.credit or (self.credit_line[1] if self.credit_line else None)


@dataclass
class Noise:
    """Markup inside the body that is not article text (promo, credit line, embed, ad...)."""

    variant: str
    html: str


Block = Text | ListBlock | Figure | Noise


class PrintedArticle:
    """What an article of the inbusiness and kursiv copies derives from its data alone (both hold
    their text as ``Text`` and ``ListBlock`` blocks): its day, its sitemap lastmod, its body."""

    published: datetime
    modified: datetime | None
    blocks: Sequence[object]

    @property
    def day(self) -> date:
        return self.published.date()

    @property
    def lastmod(self) -> datetime:
        """What the sitemap gives: the modified time, else the published one."""
        return self.modified or self.published

    def body_texts(self) -> list[str]:
        """The body blocks as exported, in page order."""
        texts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Text):
                texts.append(collapse(block.text))
            elif isinstance(block, ListBlock):
                texts.extend(collapse(item.text) for item in block.items)
        return [text for text in texts if text]


@dataclass
class Article(PrintedArticle):
    """One article of the demo site, with the presentation choices its page makes."""

    edition: str
    kind: str  # "last" or "news"
    slug: str
    title: str
    lead: str | None
    published: datetime
    modified: datetime | None
    section: str
    section_slug: str
    tags: list[str]
    authors: list[str]
    main_image: Image
    blocks: list[Block]
    views: int | None
    layout: str
    views_text: str = ""  # the counter as printed ("1 234" with a NBSP, thin space...)
    date_style: int = 0  # which text date format a layout-A page prints
    related: list[tuple[str, str]] = field(default_factory=list)  # (path, title) after the text

    @property
    def path(self) -> str:
        return f"/{self.edition}/{self.kind}/{self.slug}"

    @property
    def canonical(self) -> str:
        return REAL_ORIGIN + self.path

    @property
    def language(self) -> str:
        return EDITION_LANGUAGES[self.edition]

    def figures(self) -> list[Figure]:
        return [block for block in self.blocks if isinstance(block, Figure)]

    def expected_record(self) -> dict:
        """The record newscrawl must export for this page: record.md order, then extraction."""
        main = self.main_image
        if self.layout == LAYOUT_UNKNOWN:
            images = [{"url": REAL_ORIGIN + main.src, "caption": None, "credit": None}]
        else:
            images = [{"url": REAL_ORIGIN + main.src, "caption": main.caption, "credit": main.credit}]
            images += [
                {"url": REAL_ORIGIN + fig.image.src, "caption": fig.image.caption or None, "credit": fig.credit}
                for fig in self.figures()
            ]
        record = {
            "url": self.canonical,
            "site": SITE_DOMAIN,
            "language": self.language,
            "title": collapse(self.title),
            "lead": collapse(self.lead) if self.lead else None,
            "body": "\n\n".join(self.body_texts()),
            "published_at": iso(self.published),
            "modified_at": None if self.layout == LAYOUT_A else iso(self.modified),
            "authors": [] if self.layout == LAYOUT_A else list(self.authors),
            "section": self.section,
            "tags": list(self.tags),
            "images": images,
            "views": self.views,
            "extraction": self.layout,
        }
        assert tuple(record) == EXPORT_FIELDS
        return record


#: The spec example article (examples/lavrov-klin.*), kept as data so the demo serves it.
LAVROV_SLUG = "lavrov-zayavil-chto-nikomu-ne-pod-silu-vbit-klin-mezhdu-kazahstanom-i-rossiej"
LAVROV_TITLE = "Лавров заявил, что никому не под силу \"вбить клин\" между Казахстаном и Россией"
LAVROV_LEAD = "Глава МИД РФ Сергей Лавро высказался о сотрудничества и партнерстве Казахстана и России. "  # printed with a trailing space
LAVROV_PARAGRAPHS = (
    "Об этом он рассказал авторам журнала \"Международная жизнь\" по случаю 30-летия установления дипломатических отношений между двумя странами, передает inbusiness.kz со ссылкой на сайт Министерства по иностранным делам РФ.",
    "\"Убежден: нам есть что предъявить российской и казахстанской общественности. За прошедшие три десятилетия общими усилиями удалось не только сохранить, но и укрепить объединяющие наши народы многовековые узы дружбы и добрососедства. И на этой основе выстроить современную, динамичную модель межгосударственного взаимодействия во всех сферах двустороннего сотрудничества, а также на различных многосторонних площадках\", - сказал Лавров.",
    "Он добавил, что сейчас между РК и РФ отношения продолжают поступательно развиваться в духе стратегического партнерства и союзничества. Глава российского МИДа отметил, что реализуются крупные совместные проекты в жизненно важных для двух экономик отраслях, в научно-образовательной сфере. Кроме того, он акцентировал внимание читателей на эффективности использования преимуществ транзитного потенциала на территории обеих стран. Также расширяются связи по линии малого и среднего бизнеса.",
    "\"Ярким примером подлинно стратегического партнерства остается совместное использование космодрома \"Байконур\". Одноименный город по праву может считаться символом российско-казахстанской дружбы и привилегированного наукоемкого сотрудничества. Динамично продвигаются культурно-гуманитарные обмены. На регулярной основе проводятся Дни России в Казахстане. Равно как и Дни Казахстана в России – в текущем юбилейном году они пройдут в Москве, Астрахани и Казани.",
    "Особо хотел бы отметить плодотворное сотрудничество Москвы и Астаны на евразийском пространстве. Предпринимаются планомерные шаги по углублению интеграции в рамках Евразийского экономического союза, упрочению региональной безопасности и стабильности, прежде всего по линии ОДКБ. Множество взаимовыгодных инициатив осуществляется в нашем общем объединении – СНГ\", - сказал Сергей Лавров.",
    "Перспективы будущих двусторонних отношений он охарактеризовал как оптимистичные.",
    "\"Вбить клин\" между нами никому не под силу. Сложившийся уровень взаимного доверия позволяет откровенно обсуждать любые, даже самые непростые вопросы, которые жизнь порой ставит перед нашими странами, и договариваться о взаимоприемлемых путях их решения. При этом на достигнутом останавливаться мы не собираемся\", - заявил министр.",
    "Он отметил нацеленность на вывод отношений на новые рубежи – в интересах народов Казахстана и России и во имя упрочения региональной безопасности и стабильности.",
)
