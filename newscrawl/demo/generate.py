"""Generate the demo site's articles from a seeded ``random.Random`` (same seed, same site)."""

from __future__ import annotations

import html
import random
from collections import deque
from datetime import date, datetime, timedelta
from typing import Any

from newscrawl.demo import phrases as ph
from newscrawl.demo.content import (
    LAVROV_LEAD,
    LAVROV_PARAGRAPHS,
    LAVROV_SLUG,
    LAVROV_TITLE,
    LAYOUT_A,
    LAYOUT_B,
    LAYOUT_UNKNOWN,
    Article,
    Block,
    Figure,
    Image,
    ListBlock,
    Noise,
    Text,
    almaty,
)
from newscrawl.demo.noise import LOOKALIKES, NOISE_VARIANTS, TG_BLOCK, UNKNOWN_LAYOUT_NOISE

DAYS = tuple(date(2022, 10, d) for d in (17, 18, 19)) + (
    date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1), date(2024, 3, 2))
#: Articles per day and edition (ru: 2-3 archive pages a day; kz: 1-2).
DAY_COUNTS = {"ru": (41, 33, 27, 30, 44, 28, 36), "kz": (12, 7, 18, 5, 22, 9, 14)}
#: /last/ items published from this day on use layout B; long reads under /news/ keep layout A.
LAYOUT_B_FROM = date(2023, 6, 1)
#: Every n-th 2024 /last/ item is in an unknown layout (about 1 in 25 articles overall).
UNKNOWN_EVERY = 12
#: Fixed times (minutes after midnight): the 2024-03-01 offset change, the spec example.
FIXED_MINUTES = {("ru", date(2024, 2, 29)): [23 * 60 + 50], ("ru", date(2024, 3, 1)): [15],
                 ("ru", date(2022, 10, 18)): [10 * 60 + 45]}
TOKAEV = ("Токаев провел телефонный разговор с Путиным", "tokaev-provel-telefonnyj-razgovor-s-putinym")


class Generator:
    """Holds the random stream and what must stay unique (titles, slugs, image names)."""

    def __init__(self, seed: int = 2024) -> None:
        self.rng = random.Random(seed)
        self.titles: set[str] = set()
        self.slugs: set[str] = set()
        self.credit_cycle = {ed: deque(forms) for ed, forms in ph.CREDIT_FORMS.items()}

    def articles(self) -> list[Article]:
        """All articles of both editions, day by day, with noise spread over them."""
        articles = []
        for ed in ("ru", "kz"):
            for day, count in zip(DAYS, DAY_COUNTS[ed]):
                fixed = FIXED_MINUTES.get((ed, day), [])
                free = [m for m in range(7 * 60, 23 * 60 + 40) if m not in fixed]
                for minute in sorted(fixed + self.rng.sample(free, count - len(fixed))):
                    moment = almaty(day.year, day.month, day.day, minute // 60, minute % 60)
                    if (ed, moment) == ("ru", almaty(2022, 10, 18, 10, 45)):
                        articles.append(lavrov_article(moment))
                    else:
                        articles.append(self.article(ed, moment, len(articles)))
        tokaev = next(a for a in articles if a.edition == "ru" and a.kind == "last")
        tokaev.title, tokaev.slug = TOKAEV
        spread_noise(articles, self)
        return articles

    def unique(self, make, seen: set[str]) -> str:
        while (value := make()) in seen:
            pass
        seen.add(value)
        return value

    def credit(self, ed: str) -> tuple[str, str]:
        forms = self.credit_cycle[ed]
        forms.rotate(-1)
        return forms[-1]

    def article(self, ed: str, published: datetime, serial: int) -> Article:
        rng = self.rng
        kind = "news" if rng.random() < 0.15 else "last"
        layout = LAYOUT_B if kind == "last" and published.date() >= LAYOUT_B_FROM else LAYOUT_A
        if layout == LAYOUT_B and serial % UNKNOWN_EVERY == 0:
            layout = LAYOUT_UNKNOWN
        title = self.unique(lambda: ph.headline(ed, rng), self.titles)
        slug = ph.slugify(title)
        slug = self.unique(lambda: f"{slug}-{rng.randint(2, 99)}", self.slugs) if slug in self.slugs else slug
        self.slugs.add(slug)
        section, section_slug = rng.choice(ph.SECTIONS[ed])
        lead: str | None = " ".join(ph.sentence(ed, rng) for _ in range(2))
        if layout == LAYOUT_A and rng.random() < 0.25:
            lead = None
        modified = None
        if layout != LAYOUT_A and rng.random() < 0.65:
            modified = published + timedelta(minutes=rng.randint(10, 600))
        views: int | None = rng.randint(90, 9800)
        if layout == LAYOUT_UNKNOWN or (layout == LAYOUT_B and rng.random() < 0.25):
            views = None
        authors = [] if layout == LAYOUT_A else rng.sample(ph.AUTHORS[ed], rng.choice((1, 1, 2)))
        return Article(
            edition=ed, kind=kind, slug=slug, title=title, lead=lead, published=published,
            modified=modified, section=section, section_slug=section_slug,
            tags=rng.sample(ph.TAGS[ed], rng.randint(0, 4)), authors=authors,
            main_image=self.main_image(ed, title, published, layout), blocks=self.blocks(ed, layout, published),
            views=views, layout=layout, views_text=views_text(views, rng), date_style=rng.randint(0, 1))

    def image_src(self, published: datetime) -> str:
        token = "".join(self.rng.choice("abcdefghkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))
        return f"/uploads/{published:%Y-%m}/{token}.jpg"

    def main_image(self, ed: str, title: str, published: datetime, layout: str) -> Image:
        rng, image = self.rng, Image(self.image_src(published))
        if layout == LAYOUT_UNKNOWN:
            return image
        image.caption = title if rng.random() < 0.5 else rng.choice(ph.CAPTIONS[ed])
        if layout == LAYOUT_B and rng.random() < 0.3:
            image.caption = None  # credit only
        if not (layout == LAYOUT_B and image.caption and rng.random() < 0.3):  # else caption only
            image.credit_raw, image.credit = self.credit(ed)
        return image

    def blocks(self, ed: str, layout: str, published: datetime) -> list:
        rng = self.rng
        blocks: list = [self.paragraph(ed) for _ in range(rng.randint(3, 8))]
        if layout == LAYOUT_UNKNOWN:
            return blocks
        extras: list[Block] = []
        if rng.random() < 0.3:
            extras.append(Text("h2", heading := rng.choice(ph.HEADINGS[ed]), html.escape(heading)))
        if rng.random() < 0.25:
            items = [ph.fill(t, rng) for t in rng.sample(ph.LIST_ITEMS[ed], rng.randint(2, 4))]
            extras.append(ListBlock([Text("li", item, html.escape(item)) for item in items]))
        if rng.random() < 0.25:
            quote = rng.choice(ph.QUOTES[ed])
            extras.append(Text("blockquote", quote, html.escape(quote)))
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            extras.append(self.figure(ed, layout, published))
        for extra in extras:
            blocks.insert(rng.randint(1, len(blocks)), extra)
        return blocks

    def paragraph(self, ed: str) -> Text:
        """A paragraph of 1-3 sentences, some with inline markup, entities and odd spaces."""
        rng = self.rng
        sentences = [ph.sentence(ed, rng) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.3:
            sentences = [s.replace(" млрд", "\u00a0млрд").replace("%", "\u2009%") for s in sentences]
        escape_quotes = rng.random() < 0.5
        pieces = [html.escape(s, quote=escape_quotes) for s in sentences]
        if rng.random() < 0.25:
            pieces[0] = f"<b>{pieces[0]}</b>"
        if len(pieces) > 1 and rng.random() < 0.3:
            pieces[-1] = f'<a href="/{ed}/tag/{ph.slugify(rng.choice(ph.TAGS[ed]))}">{pieces[-1]}</a>'
        if len(pieces) > 1 and rng.random() < 0.3:
            return Text("p", "\u00a0".join(sentences), "&nbsp;".join(pieces))
        return Text("p", " ".join(sentences), " ".join(pieces))

    def figure(self, ed: str, layout: str, published: datetime) -> Figure:
        rng, image = self.rng, Image(self.image_src(published))
        image.caption = rng.choice(ph.CAPTIONS[ed])
        if layout == LAYOUT_A:  # <p><img alt></p>, the credit only in a line after it
            if rng.random() < 0.25:
                image.caption = None
            return Figure(image, self.credit(ed) if rng.random() < 0.6 else None)
        roll = rng.random()
        if roll < 0.25:
            return Figure(image, self.credit(ed))  # caption only, credit line after the figure
        if roll < 0.6 or roll >= 0.8:  # caption and credit glued, or (from 0.8) the credit alone
            image.credit_raw, image.credit = self.credit(ed)
        if roll >= 0.8:
            image.caption = None
        return Figure(image)


def views_text(views: int | None, rng: random.Random) -> str:
    """The counter as printed: thousands split by a NBSP, thin space, narrow NBSP or entity."""
    if views is None or views < 1000:
        return "" if views is None else str(views)
    separator = rng.choice(["\u00a0", "\u2009", "\u202f", "&nbsp;"])
    return f"{views // 1000}{separator}{views % 1000:03d}"


def lavrov_article(published: datetime) -> Article:
    """The spec example article, as the example page prints it."""
    paragraphs: list = [Text("p", p, html.escape(p, quote=False)) for p in LAVROV_PARAGRAPHS]
    return Article(
        edition="ru", kind="last", slug=LAVROV_SLUG, title=LAVROV_TITLE, lead=LAVROV_LEAD,
        published=published, modified=None, section="Политика", section_slug="politika",
        tags=["Казахстан", "Россия", "МИД"], authors=[],
        main_image=Image("/uploads/2022-10/kX9a2LmQ.jpg", LAVROV_TITLE, "Фото: politnavigator.net",
                         "politnavigator.net"),
        blocks=paragraphs + [Noise("promo_tg_block", TG_BLOCK)], views=878, layout=LAYOUT_A,
        views_text="878", date_style=0,
        related=[(f"/ru/last/{TOKAEV[1]}", TOKAEV[0])])


def spread_noise(articles: list[Article], gen: Generator) -> None:
    """Give each page noise and look-alikes, cycling variants per (edition, layout)."""
    rng = gen.rng
    pools: dict[tuple[str, str], deque[Any]] = {}
    keep: dict[tuple[str, str], deque[Any]] = {}
    for article in articles:
        if article.slug == LAVROV_SLUG:
            continue
        ed, layout = article.edition, article.layout
        others = [a for a in articles if a.edition == ed and a is not article]
        article.related = [(a.path, a.title) for a in rng.sample(others, rng.randint(1, 2))]
        if layout == LAYOUT_UNKNOWN:
            names = [n for n in UNKNOWN_LAYOUT_NOISE if ed in _variant(n).editions]
            add_noise(article, _variant(rng.choice(names)), rng, others, gen)
            continue
        pool = pools.setdefault((ed, layout), deque(v for v in NOISE_VARIANTS if ed in v.editions))
        for _ in range(rng.randint(1, 3)):
            for _ in range(len(pool)):
                pool.rotate(-1)
                if applicable(pool[-1], article):
                    add_noise(article, pool[-1], rng, others, gen)
                    break
        if rng.random() < 0.4:
            sentences = keep.setdefault((ed, layout), deque(LOOKALIKES[ed]))
            sentences.rotate(-1)
            article.blocks.insert(rng.choice(text_spots(article)), Text("p", sentences[-1], sentences[-1]))


def _variant(name: str):
    return next(v for v in NOISE_VARIANTS if v.name == name)


def applicable(variant, article: Article) -> bool:
    """A credit line with no image before it only where no image could claim it."""
    if variant.name != "credit_orphan":
        return True
    return not article.figures() and article.main_image.credit is not None


def add_noise(article: Article, variant, rng: random.Random, others: list[Article], gen: Generator) -> None:
    related = rng.choice(others)
    markup = variant.html.format(path=related.path, title=html.escape(related.title, quote=False),
                                 credit=gen.credit(article.edition)[0]) if "{" in variant.html else variant.html
    noise = Noise(variant.name, markup)
    if variant.at_end:
        article.blocks.append(noise)
        return
    article.blocks.insert(rng.choice(text_spots(article)), noise)


def text_spots(article: Article) -> list[int]:
    """Where a block may go: after text, never right after an image (whose credit line it would split)."""
    return [i for i in range(1, len(article.blocks) + 1) if isinstance(article.blocks[i - 1], (Text, ListBlock))]
