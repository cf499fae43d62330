"""The tengrinews copy's data: two date windows of articles, deterministic from a seed.

Window ``2024`` (2024-02-28 .. 2024-03-02) crosses the switch of 2024-03-01 (UTC+6 -> UTC+5,
the hour 23:00-23:59 of 2024-02-29 happened twice): an article at 23:55+06:00 on the 29th, one
at 23:30+05:00 in the repeated hour, one at 00:03+05:00 on 2024-03-01. Window ``2022``
(2022-10-17 .. 2022-10-19) is in layout T. Days around each window hold items too, so that a
crawl must keep to the window. Every noise variant and credit form comes several times.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from newscrawl.demo.phrases import HEADINGS, LIST_ITEMS, QUOTES, headline, sentence, slugify
from newscrawl.demo.tengrinews.content import (
    ALMATY,
    LAYOUT_L,
    LAYOUT_T,
    LONGREAD,
    NOT_ARTICLE_KINDS,
    Block,
    Noise,
    Photo,
    TengriArticle,
    Text,
    almaty,
)
from newscrawl.demo.tengrinews.noise import CREDIT_FORMS, LOOKALIKES, NOISE_VARIANTS

WINDOWS: dict[str, tuple[date, date]] = {
    "2024": (date(2024, 2, 28), date(2024, 3, 2)),
    "2022": (date(2022, 10, 17), date(2022, 10, 19)),
}
SECTIONS = (("kazakhstan_news", "Казахстан"), ("world_news", "Мир"), ("events", "Происшествия"), ("science", "Наука"))
AUTHORS = ("Айжан Тулеуова", "Данияр Ахметов", "Ольга Ким", "Ержан Калиев")
TAGS = ("Алматы", "Астана", "МЧС", "тенге", "погода", "паводки", "ремонт дорог")
#: Items per day: the 29th fills two archive pages.
PER_DAY = {date(2024, 2, 29): 24}


@dataclass
class CopyData:
    """Items of the copy, the days an item is listed on besides its own, and removed items (404)."""

    items: list[TengriArticle]
    relisted: dict[date, list[TengriArticle]] = field(default_factory=dict)
    gone: set[int] = field(default_factory=set)

    def day_items(self, day: date) -> list[TengriArticle]:
        """What the day archive lists: the day's items and those re-listed on it."""
        return [item for item in self.items if item.day == day] + self.relisted.get(day, [])

    def expected_records(self, since: date, until: date) -> list[dict[str, object]]:
        """Each article published in the window (Almaty days, inclusive) once; removed ones not."""
        return [item.expected_record() for item in self.items
                if item.is_article and item.id not in self.gone and since <= item.day <= until]


def _body(rng: random.Random, index: int, layout: str) -> list[Block]:
    """Paragraphs, a subheading, list, quote, look-alike, a photo with its credit line, noise."""
    blocks: list[Block] = [Text("p", sentence("ru", rng)) for _ in range(rng.randint(2, 4))]
    if layout == LONGREAD:
        return [*blocks, Text("h2", rng.choice(HEADINGS["ru"])), Text("p", sentence("ru", rng) + " " + sentence("ru", rng))]
    raw, credit = CREDIT_FORMS[index % len(CREDIT_FORMS)]
    caption = None if layout == LAYOUT_T or index % 3 else "Место событий"
    blocks.insert(1, Photo(f"/userdata/news/inline/photo_{index}.jpeg", caption, raw, credit, credit_line=True))
    blocks.append(Text("h2", rng.choice(HEADINGS["ru"])))
    blocks.append(Text("p", LOOKALIKES[index % len(LOOKALIKES)]))
    if index % 2:
        blocks += [Text("li", item.format(x="5,5", k=3)) for item in LIST_ITEMS["ru"][:2]]
    blocks.append(Text("quote", QUOTES["ru"][index % 2]))
    variants = [v for v in NOISE_VARIANTS if not v.at_end]
    middle = variants[index % len(variants)]
    blocks.insert(len(blocks) - 1, Noise(middle.name, middle.html))
    if layout == LAYOUT_L:
        promos = [v for v in NOISE_VARIANTS if v.at_end]
        promo = promos[index % len(promos)]
        blocks.append(Noise(promo.name, promo.html))
    return blocks


def _item(rng: random.Random, item_id: int, moment: datetime, index: int) -> TengriArticle:
    layout = LAYOUT_T if moment.year < 2023 or index % 9 == 4 else LONGREAD if index % 11 == 7 else LAYOUT_L
    section_slug, section = SECTIONS[index % len(SECTIONS)]
    title = headline("ru", rng)
    main_raw, main_credit = CREDIT_FORMS[(index + 5) % len(CREDIT_FORMS)]
    caption = None if layout == LAYOUT_T or index % 4 == 0 else "Иллюстрация к новости"
    return TengriArticle(
        id=item_id, section_slug=section_slug, section=section, slug=slugify(title), title=title, published=moment,
        lead=None if layout == LAYOUT_T or index % 5 == 1 else sentence("ru", rng),
        modified=moment + timedelta(hours=3) if index % 3 == 0 else None,
        authors=[] if index % 6 == 2 else [AUTHORS[index % len(AUTHORS)]],
        tags=[] if layout == LONGREAD else [TAGS[index % len(TAGS)], TAGS[(index + 3) % len(TAGS)]],
        main_image=Photo(f"/userdata/news/{moment.year}/news_{item_id}/thumb_m/photo_{item_id}.jpeg", caption,
                         main_raw if index % 4 else None, main_credit if index % 4 else None),
        blocks=_body(rng, index, layout), views=None if index % 10 == 3 else rng.randint(50, 250_000),
        comments=rng.randint(0, 60), layout=layout, utc_json_ld=index % 7 == 2,
        relative_date=layout == LAYOUT_L and index % 8 == 5,
        date_style=index % 3, cp1251=index % 13 == 6, views_separator=("\u00a0", "\u2009", " ")[index % 3],
    )


def _extra(item_id: int, moment: datetime, kind: str) -> TengriArticle:
    """A video, gallery or special project the day archive lists: numeric id, never a record."""
    return TengriArticle(id=item_id, section_slug=kind, section="", slug=f"{kind}-dnya", title=f"{kind}: обзор дня",
                         published=moment, kind=kind)


def demo_data(seed: int = 10) -> CopyData:
    """Both windows and a day either side of each; ids grow with time, as on the site."""
    rng, items, index = random.Random(seed), [], 0
    for since, until in WINDOWS.values():
        day = since - timedelta(days=1)
        while day <= until + timedelta(days=1):
            for n in range(PER_DAY.get(day, 5)):
                moment = almaty(day.year, day.month, day.day, 8 + (n * 37) // 60 % 14, (n * 37) % 60)
                items.append(_item(rng, 470_000 + 10 * index if day.year < 2024 else 529_000 + 10 * index, moment, index))
                index += 1
            kind = NOT_ARTICLE_KINDS[index % len(NOT_ARTICLE_KINDS)]
            items.append(_extra(529_001 + 10 * index, almaty(day.year, day.month, day.day, 12, 0), kind))
            day += timedelta(days=1)
    edge = [almaty(2024, 2, 29, 23, 55), datetime(2024, 2, 29, 23, 30, fold=1, tzinfo=ALMATY), almaty(2024, 3, 1, 0, 3)]
    for moment in edge:  # the switch: both sides of it, and the hour that happened twice
        items.append(_item(rng, 531_000 + index, moment, index))
        index += 1
    midnight = items[-3]  # 23:55 on the 29th is re-listed on 1 March (updated after midnight)
    gone = next(item for item in items if item.is_article and item.day == date(2024, 3, 2))
    # Listed under an old slug (301: the id decides) and without the trailing slash (same page).
    renamed, unslashed = [item for item in items if item.is_article and item.day == date(2024, 3, 2)][1:3]
    renamed.listed_as = f"/{renamed.section_slug}/staryi-zagolovok-{renamed.id}/"
    unslashed.listed_as = unslashed.path.rstrip("/")
    since, until = WINDOWS["2024"]  # the last windows-1251 page of the window comes under a utf-8 header
    [item for item in items if item.cp1251 and since <= item.day <= until][-1].utf8_header = True
    return CopyData(items=items, relisted={date(2024, 3, 1): [midnight]}, gone={gone.id})
