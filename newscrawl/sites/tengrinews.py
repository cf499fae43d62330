"""tengrinews.kz: the Russian edition on the main host, its own CMS (../shared/spec/tengrinews-site.md).

Articles at ``/{section}/{slug}-{id}/`` (the id decides; videos, galleries and special projects
have ids too and are never records). Day archives ``/news/YYYY/MM/DD/``, latest ``/news/``, news
sitemaps named in robots.txt's index, RSS ``/news.rss``. Layouts L (live) and T (older) are
served side by side: told by markup. A longread template goes to the generic path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lxml import etree
from parsel import Selector

from newscrawl.clean.promo import is_promo
from newscrawl.clean.text import collapse_whitespace, has_promo_link
from newscrawl.extract.blocks import element_text
from newscrawl.extract.layout import Layout, select
from newscrawl.extract.structured import json_ld_persons
from newscrawl.items import Article
from newscrawl.sites.base import Discovery, Edition, ListingMarkup, Site

#: The live template (2023 on): ``content_main_*`` blocks, JSON-LD and ``article:*`` meta.
LAYOUT_L = Layout(
    name="layout_l", marker="div.content_main_text", title="h1.head-single", lead="div.content_main_desc",
    date_text="span.breadcrumbs__item--date",  # may be relative ("Сегодня, 10:45"): last resort
    views=".head-single-views",  # not .head-single-comments: the comment count is no views
    authors="a.head-single-author", breadcrumbs="div.breadcrumbs a.breadcrumbs__item",
    tags=".content_main_text_tags a", main_image="div.content_main_thumb", image_caption=".content_main_thumb_alt",
    body="div.content_main_text", body_skip=".content_main_text_tags, .tn-inpage, .tn-discussed-now-block",
    body_end="#comm",  # the comments widget may sit inside the text container
)

#: The older template (2022, some 2024 pages): ``tn-*`` classes, text dates, no JSON-LD, no
#: standfirst, author or modified date; its last paragraph is a promo line.
LAYOUT_T = Layout(
    name="layout_t", marker="div.tn-news-content .tn-news-text", title="h1.tn-content-title",
    title_skip="span",  # the comment count (span.tn-hidden)
    date_text="ul.tn-data-list time", views="ul.tn-data-list .tn-icon-eye + .tn-text",
    breadcrumbs="ul.tn-breadcrumb-list a", tags=".tn-tag-list a",
    main_image="div.tn-news-content div.tn-image-container", image_caption=".tn-image-caption",
    body="div.tn-news-content .tn-news-text", body_skip=".tn-comment-list, .tn-inpage, .tn-discussed-now-block",
)


@dataclass(frozen=True)
class Tengrinews(Site):
    def refine(self, article: Article, selector: Selector) -> Article:
        """JSON-LD persons are the authors (an Organization: none); a page without a standfirst
        has no lead (its description is the first paragraph cut); T ends with a bold promo line."""
        if article.extraction == LAYOUT_T.name:
            article.lead, article.authors, article.modified_at = None, [], None
            last = (select(selector, "div.tn-news-content .tn-news-text > p") or [None])[-1]
            texts = [index for index, block in enumerate(article.content) if isinstance(block, str)]
            if last is not None and texts and article.content[texts[-1]] == element_text(last) and is_trailing_promo(last):
                del article.content[texts[-1]]
        elif article.extraction == LAYOUT_L.name and not select(selector, LAYOUT_L.lead):
            article.lead = None
        persons = json_ld_persons(selector)
        own = {name.casefold() for name in self.own_names}
        article.authors = [name for name in (article.authors if persons is None else persons) if name.casefold() not in own]
        return article


def is_trailing_promo(paragraph: etree._Element) -> bool:
    """Layout T's last paragraph is its promo line when wholly bold (a subheading is never last),
    a link to a messenger, or promo wording; anything else is the article's last words."""
    text = element_text(paragraph)
    bold = collapse_whitespace(" ".join(element_text(node) for node in paragraph.xpath("./strong | ./b")))
    links = " ".join(node.get("href", "") for node in paragraph.iter("a"))
    return bool(text) and (bold == text or has_promo_link(links) or is_promo(text))


TENGRINEWS = Tengrinews(
    name="tengrinews", domain="tengrinews.kz", base_url="https://tengrinews.kz",
    editions=(Edition("ru", "ru", "/"),), zone="Asia/Almaty",
    article_path=r"^/(?P<path>[a-z][a-z0-9_-]*/[a-z0-9][a-z0-9-]*-(?P<id>\d{5,}))/?$", trailing_slash=True,
    not_article_paths=("/video/", "/photo/", "/special/", "/tag/", "/author/", "/search/", "/news/"),
    discovery=Discovery(day_archive="{prefix}news/{day:%Y/%m/%d}/", latest="{prefix}news/",
                        sitemap_index="/robots.txt", sitemap_child=r"sitemap-news[^/]*$",
                        sitemap_unmatched_children=False, feeds=("{prefix}news.rss",)),
    listing=ListingMarkup(container="div.content_main_item",
                          item_links="div.content_main_item span.content_main_item_title a::attr(href)",
                          next_page="a.pagination_next::attr(href), link[rel=next]::attr(href)"),
    layouts=(LAYOUT_L, LAYOUT_T),
    own_names=("Tengrinews.kz", "Tengrinews", "Тенгриньюс", "Тенгри Ньюс", "Tengri TV", "Tengri News",
               "tengrinewskz", "tengrinews_kz", "tengritv"),
    title_suffixes=("Новости Казахстана | Tengrinews.kz",),
    # `scrapy check tengrinews`: an article the local copy serves (the copy has no page of the spec's example)
    example_article="/science/pravitelstvo-rk-rassmatrivaet-stroitelstvo-novyh-shkol-531075/",
    example_day=date(2024, 2, 29),
)
