"""Generate the kursiv copy's posts from a seeded ``random.Random`` (same seed, same copy).

Two windows of days: 2023-11-14..16, and 2024-02-28..03-02 across Almaty's change from UTC+6 to
UTC+5. The template of each page is drawn per post, never from its date.
"""

from __future__ import annotations

import html
import random
from collections import deque
from datetime import date, datetime, timedelta

from newscrawl.demo.content import ListBlock, Noise, Text, almaty, collapse
from newscrawl.demo.kursiv import words
from newscrawl.demo.kursiv.example import nacbank_article
from newscrawl.demo.kursiv.model import CDN, LONGREAD, SINGLE, SUBCAT, Article, Figure, Image
from newscrawl.demo.kursiv.noise import INLINE_NOISE, LOOKALIKES, PROMOS
from newscrawl.demo.noise import NoiseVariant
from newscrawl.demo.phrases import slugify

DAYS = (date(2023, 11, 14), date(2023, 11, 15), date(2023, 11, 16),
        date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1), date(2024, 3, 2))
#: Posts per day and edition: ru fills two archive pages a day, kk one, en is small.
DAY_COUNTS = {"ru": (24, 21, 27, 22, 26, 23, 21), "kk": (7, 5, 8, 6, 9, 7, 5), "en": (3, 2, 3, 2, 3, 3, 2)}
#: Fixed local times (minutes after midnight): 23:50 at UTC+6, then 00:05 and the spec example
#: at 00:20 at UTC+5 (its UTC stamp is the day before).
FIXED_MINUTES = {("ru", date(2024, 2, 29)): [23 * 60 + 50], ("ru", date(2024, 3, 1)): [5, 20],
                 ("kk", date(2024, 3, 1)): [12]}
EXAMPLE_AT = ("ru", almaty(2024, 3, 1, 0, 20))
#: Every n-th post is a stray longread page (neither template).
LONGREAD_EVERY = 29


class Generator:
    """Holds the random stream and what must stay unique (titles, slugs, post IDs)."""

    def __init__(self, seed: int = 2024) -> None:
        self.rng = random.Random(seed)
        self.titles: set[str] = set()
        self.slugs: set[str] = set()
        self.next_id = 100100
        self.credits = {ed: deque(forms) for ed, forms in words.CREDIT_FORMS.items()}

    def articles(self) -> list[Article]:
        posts: list[Article] = []
        for ed, counts in DAY_COUNTS.items():
            for day, count in zip(DAYS, counts):
                fixed = FIXED_MINUTES.get((ed, day), [])
                free = [m for m in range(6 * 60, 23 * 60 + 45) if m not in fixed]
                for minute in sorted(fixed + self.rng.sample(free, count - len(fixed))):
                    moment = almaty(day.year, day.month, day.day, minute // 60, minute % 60)
                    posts.append(nacbank_article() if (ed, moment) == EXAMPLE_AT else self.post(ed, moment, len(posts)))
        spread_noise(posts, self)
        return posts

    def credit(self, ed: str) -> tuple[str, str]:
        forms = self.credits[ed]
        forms.rotate(-1)
        return forms[-1]

    def post(self, ed: str, published: datetime, serial: int) -> Article:
        rng = self.rng
        template = LONGREAD if serial % LONGREAD_EVERY == 7 else SINGLE if rng.random() < 0.64 else SUBCAT
        while (title := words.headline(ed, rng)) in self.titles:
            pass
        self.titles.add(title)
        slug = slugify(title)
        while slug in self.slugs:
            slug = f"{slugify(title)}-{rng.randint(2, 99)}"
        self.slugs.add(slug)
        sections = rng.sample(words.SECTIONS[ed], 2 if rng.random() < 0.2 else 1)
        excerpt: str | None = " ".join(words.sentence(ed, rng) for _ in range(rng.randint(1, 2)))
        if template == LONGREAD or rng.random() < 0.35:
            excerpt = None  # Yoast fills the description with the cut body opening: no lead
        modified = published + timedelta(minutes=rng.randint(10, 900)) if rng.random() < 0.6 else None
        authors = rng.sample(words.AUTHORS[ed], rng.choice((0, 1, 1, 1, 2, 2) if template != SUBCAT else (0, 1, 1)))
        views = rng.choice((rng.randint(40, 999), rng.randint(1000, 48000), rng.randint(1000, 9999)))
        self.next_id += rng.randint(1, 9)
        tags = rng.sample(words.TAGS[ed], rng.randint(0, 4))
        main_image, blocks = self.main_image(ed, published, template), self.blocks(ed, template, published)
        if excerpt in [collapse(block.text) for block in blocks if isinstance(block, Text)]:
            excerpt += " " + words.sentence(ed, rng)  # a lead repeated as a paragraph would be ambiguous
        return Article(
            post_id=self.next_id, edition=ed, slug=slug, title=title, excerpt=excerpt, published=published,
            modified=modified, sections=sections, tags=tags, authors=authors, main_image=main_image,
            blocks=blocks, views=views, views_text=views_text(views, rng), template=template,
            text_date_numeric=rng.random() < 0.5)

    def image_url(self, published: datetime) -> str:
        token = "".join(self.rng.choice("abcdefghkmnprstuvxyz0123456789") for _ in range(10))
        return f"{CDN}/{published:%Y/%m}/{token}-1280x720.jpg"

    def main_image(self, ed: str, published: datetime, template: str) -> Image:
        rng = self.rng
        image = Image(self.image_url(published), rng.choice(words.CAPTIONS[ed]) if rng.random() < 0.8 else None)
        if template == SINGLE and rng.random() < 0.2:
            image.lazy = "data-lazy-src"
        roll = rng.random()
        if roll < 0.6 or (template == SUBCAT and roll < 0.85):
            image.credit_raw, image.credit = self.credit(ed)
            image.credit_at = "span"
        elif roll < 0.85 and template == SINGLE:
            image.credit_raw, image.credit = self.credit(ed)
            image.credit_at = "caption"
        return image

    def figure(self, ed: str, published: datetime, template: str) -> Figure:
        rng = self.rng
        image = Image(self.image_url(published), rng.choice(words.CAPTIONS[ed]) if rng.random() < 0.8 else None)
        image.lazy = rng.choice(("data-src", "data-lazy-src")) if rng.random() < (0.6 if template == SINGLE else 0.3) \
            else None
        roll = rng.random()
        if roll < 0.7:
            image.credit_raw, image.credit = self.credit(ed)
            image.credit_at = "caption" if roll < 0.4 or image.caption is None else "line"
        return Figure(image)

    def paragraph(self, ed: str) -> Text:
        """One to three sentences; entities, no-break spaces and inline markup as WordPress prints them."""
        rng = self.rng
        sentences = [words.sentence(ed, rng) for _ in range(rng.randint(1, 3))]
        text = " ".join(sentences)
        markup = html.escape(text, quote=False)
        if rng.random() < 0.5:
            markup = markup.replace("«", "&laquo;").replace("»", "&raquo;")
        if rng.random() < 0.4:  # typographic no-break spaces after short words
            for short in (" в ", " на ", " и ", " с ", " к ", " to ", " of "):
                text = text.replace(short, short[:-1] + "\u00a0")
                markup = markup.replace(short, short[:-1] + "&nbsp;")
        if len(sentences) > 1 and rng.random() < 0.3:
            first = html.escape(sentences[0], quote=False)
            markup = markup.replace(first, f"<strong>{first}</strong>", 1) if first in markup else markup
        return Text("p", text, markup)

    def blocks(self, ed: str, template: str, published: datetime) -> list:
        rng = self.rng
        blocks: list = [self.paragraph(ed) for _ in range(rng.randint(3, 7))]
        if template == LONGREAD:
            return blocks
        extras: list = []
        if rng.random() < 0.35:
            heading = words.heading(ed, rng)
            extras.append(Text(rng.choice(("h2", "h3")), heading, html.escape(heading)))
        if rng.random() < 0.3:
            extras.append(ListBlock([Text("li", item, html.escape(item)) for item in words.list_items(ed, rng)]))
        if rng.random() < 0.3:
            quote = words.quote(ed, rng)
            extras.append(Text("blockquote", quote, html.escape(quote)))
        extras += [self.figure(ed, published, template) for _ in range(rng.choice((0, 0, 1, 1, 2)))]
        for extra in extras:
            blocks.insert(rng.randint(1, len(blocks)), extra)
        return blocks


def views_text(views: int, rng: random.Random) -> str:
    """``1 234`` with a space, no-break space, thin space, narrow no-break space or an entity."""
    if views < 1000:
        return str(views)
    separator = rng.choice((" ", "\u00a0", "\u2009", "\u202f", "&nbsp;", "&#8201;"))
    return f"{views // 1000}{separator}{views % 1000:03d}"


def text_spots(article: Article) -> list[int]:
    """Where a block may go: after text, never between an image and its credit line."""
    return [i for i in range(1, len(article.blocks) + 1) if isinstance(article.blocks[i - 1], (Text, ListBlock))]


def spread_noise(posts: list[Article], gen: Generator) -> None:
    """Give each page a closing promo, some noise between paragraphs and look-alikes, cycling
    variants per (edition, template) so that every variant is met several times."""
    rng = gen.rng
    pools: dict[tuple[str, str], deque[NoiseVariant]] = {}
    for post in posts:
        if post.post_id == nacbank_article().post_id:
            continue
        ed, others = post.edition, [p for p in posts if p.edition == post.edition and p is not post]
        post.read_also = [(p.path, p.title) for p in rng.sample(others, rng.randint(1, 2))]
        promos = pools.setdefault((ed, "promo"), deque(v for v in PROMOS if ed in v.editions))
        promos.rotate(-1)
        if post.template == LONGREAD:
            post.blocks.append(Noise(promos[-1].name, promos[-1].html))
            continue
        if rng.random() < 0.9:
            post.blocks.append(Noise(promos[-1].name, promos[-1].html))
        inline = pools.setdefault((ed, post.template), deque(v for v in INLINE_NOISE if ed in v.editions))
        for _ in range(rng.randint(1, 3)):
            inline.rotate(-1)
            variant = inline[-1]
            if variant.name == "credit_orphan" and (post.figures() or post.main_image.credit is None):
                continue  # an image without a credit could claim it: only where none can
            related = rng.choice(others)
            markup = variant.html.format(path=related.path, title=html.escape(related.title, quote=False),
                                         credit=gen.credit(ed)[0])
            post.blocks.insert(rng.choice(text_spots(post)), Noise(variant.name, markup))
        if rng.random() < 0.4:
            sentence = rng.choice(LOOKALIKES[ed])
            post.blocks.insert(rng.choice(text_spots(post)), Text("p", sentence, sentence))
