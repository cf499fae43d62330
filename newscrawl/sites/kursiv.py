"""kz.kursiv.media (Kursiv): WordPress with Yoast; editions ``/`` (ru), ``/kk/``, ``/en/``.

Articles at ``/{ed}YYYY-MM-DD/{slug}/`` (the Almaty publication day); everything else is the
WordPress kit's. Two templates are live: ``single`` (current) and ``subcat-article`` (older,
printed local dates without an offset, no view counter); the layout is told by markup.
"""

from __future__ import annotations

from newscrawl.extract.layout import Layout
from newscrawl.kits.wordpress import wordpress_site
from newscrawl.sites.base import Edition

SINGLE = Layout(
    name="single",
    marker="article.single div.single-body",
    title="article.single h1.single-header__title",
    lead="article.single p.single-header__excerpt",
    date_attr="article.single time.single-publishing-time__date::attr(datetime)",
    date_text="article.single time.single-publishing-time__date",
    views="article.single .single-views__count",
    authors="article.single .author-card__name",
    breadcrumbs="article.single a.single-header__category",
    tags="article.single .single-tags a",
    main_image="article.single figure.single-header__image",
    body="article.single div.single-body",
)

SUBCAT_ARTICLE = Layout(
    name="subcat-article",
    marker="article.subcat-article div.single-content",
    title="article.subcat-article h1",
    lead="article.subcat-article div.subcat-article__lead",
    date_text="article.subcat-article div.subcat-article__header__date",
    authors="article.subcat-article div.subcat-article__header__author-info p",
    breadcrumbs="article.subcat-article div.subcat-article__header__category a",
    tags="article.subcat-article div.subcat-article__tags a",
    main_image="article.subcat-article div.subcat-article__image",
    main_image_credit="p.subcat-article__image-source",
    body="article.subcat-article div.single-content",
)

KURSIV = wordpress_site(
    name="kursiv",
    domain="kz.kursiv.media",
    base_url="https://kz.kursiv.media",
    editions=(Edition("ru", "ru", "/"), Edition("kk", "kk", "/kk/"), Edition("en", "en", "/en/")),
    zone="Asia/Almaty",
    article_path=r"^/(?P<path>(?:(?P<edition>kk|en)/)?(?P<day>\d{4}-\d{2}-\d{2})/[^/]+)/?$",
    container="div.archive__list",
    item_links="div.archive__list article.post-card a.post-card__link::attr(href)",
    # /sitemaps/{ed}/sitemap.xml (an edition's index), /sitemaps/{ed}/posts-YYYY-MM.xml (a month)
    sitemap_child=r"/sitemaps/(?P<edition>[a-z]{2})/(?:sitemap|posts-(?P<year>\d{4})-(?P<month>\d{2}))\.xml$",
    not_article_paths=("/special/",),
    layouts=(SINGLE, SUBCAT_ARTICLE),
    own_names=("kz.kursiv.media", "kursiv.kz", "Kursiv Media", "Kursiv", "Курсив", "kursivkz"),
    title_suffixes=("Kursiv Media Казахстан", "Kursiv Media Қазақстан", "Kursiv Media Kazakhstan"),
    example_article="/2024-03-01/nacbank-sohranil-bazovuyu-stavku/",
)
