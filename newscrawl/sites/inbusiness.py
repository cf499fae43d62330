"""inbusiness.kz: three editions under /ru/, /kz/ (Kazakh) and /en/, its own CMS.

Day archives ``/{ed}/lastnews?date=YYYY-MM-DD`` paginated by ``a.pagination__next``, monthly
sitemaps ``/sitemap/{ed}-YYYY-MM.xml`` under ``/sitemap.xml``, RSS at ``/{ed}/rss``. Articles
at ``/{ed}/last/{slug}`` and ``/{ed}/news/{slug}`` (also under ``/amp/``: same article).
Old articles keep the template they were published with, so a backfill meets both layouts;
the layout is told by markup, never by date.
"""

from __future__ import annotations

from datetime import date

from newscrawl.extract.layout import Layout
from newscrawl.sites.base import Discovery, Edition, ListingMarkup, Site

#: The classic template: older articles, and long reads under ``/news/`` to this day.
LAYOUT_A = Layout(
    name="layout_a",
    marker="div.newscont div.text",
    title="div.newscont h1",
    lead="div.newscont div.lead",
    date_text="div.newscont div.extra time",
    views="div.newscont .views",
    breadcrumbs="div.breadcrumbs a",
    tags="div.newscont div.tags a",
    main_image="div.newscont div.main-img",
    body="div.newscont div.text",
)

#: The current template, with ``article:*`` meta and JSON-LD in the head.
LAYOUT_B = Layout(
    name="layout_b",
    marker="article.article div.article__body",
    title="article.article h1.article__title",
    lead="article.article div.article__lead",
    date_attr="article.article time.article__date::attr(datetime)",
    date_text="article.article time.article__date",
    views="article.article .article__views",
    authors="article.article .article__author",
    breadcrumbs="article.article .breadcrumbs a",
    tags="article.article .article__tags a",
    main_image="article.article figure.article__image",
    body="article.article div.article__body",
)

INBUSINESS = Site(
    name="inbusiness",
    domain="inbusiness.kz",
    base_url="https://inbusiness.kz",
    editions=(Edition("ru", "ru", "/ru/"), Edition("kz", "kk", "/kz/"), Edition("en", "en", "/en/")),
    zone="Asia/Almaty",
    # /{edition}/last/{slug}, /{edition}/news/{slug}, optionally under /amp/ (its canonical is the plain path)
    article_path=r"^/(?:amp/)?(?P<path>(?P<edition>[a-z]{2})/(?:last|news)/[^/?#]+)/?$",
    discovery=Discovery(
        day_archive="{prefix}lastnews?date={day:%Y-%m-%d}",
        latest="{prefix}lastnews",
        sitemap_index="/sitemap.xml",
        sitemap_child=r"/sitemap/(?P<edition>[a-z]{2})-(?P<year>\d{4})-(?P<month>\d{2})\.xml$",
        feeds=("{prefix}rss",),
    ),
    listing=ListingMarkup(
        container="div.news-list",
        item_links="div.news-list div.news-item a.news-item__title::attr(href)",
        next_page="a.pagination__next::attr(href)",
    ),
    layouts=(LAYOUT_B, LAYOUT_A),
    own_names=("inbusiness.kz", "inbusiness", "Инбизнес", "inbusinesskz"),
    example_article="/ru/last/lavrov-zayavil-chto-nikomu-ne-pod-silu-vbit-klin-mezhdu-kazahstanom-i-rossiej",
    example_day=date(2022, 10, 18),
)
