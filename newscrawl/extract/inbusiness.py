"""inbusiness.kz: its two live article templates, as selectors.

Old articles keep the template they were published with, so a backfill meets both;
the layout is told by markup, never by date.
"""

from __future__ import annotations

from newscrawl.extract.layout import Layout

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

LAYOUTS: tuple[Layout, ...] = (LAYOUT_B, LAYOUT_A)
