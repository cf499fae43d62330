"""tengrinews.kz: its two article templates as selectors, and what selectors cannot say.

Both templates are served side by side (some 2024 pages are still in the older one), so the
layout is told by markup, never by date (../shared/spec/tengrinews-site.md). A longread
template matches neither and goes to the generic path.
"""

from __future__ import annotations

from lxml import etree
from parsel import Selector

from newscrawl.clean.promo import is_promo
from newscrawl.clean.text import collapse_whitespace, has_promo_link
from newscrawl.extract.article import extract_article
from newscrawl.extract.blocks import element_text
from newscrawl.extract.layout import Layout, select
from newscrawl.extract.structured import article_json_ld
from newscrawl.items import Article

SITE = "tengrinews.kz"
#: The site's own names as printed, for cleaning (TEAM.md ``own_names``): the brand, its TV
#: and its channel handles, so that "Читайте Tengrinews.kz в Google News" reads as a promo.
OWN_NAMES: tuple[str, ...] = (
    "Tengrinews.kz", "Tengrinews", "Тенгриньюс", "Тенгри Ньюс", "Tengri TV", "Tengri News",
    "tengrinews", "tengrinewskz", "tengrinews_kz", "tengritv",
)

#: The live template (2023 on): ``content_main_*`` blocks, JSON-LD and ``article:*`` meta.
LAYOUT_L = Layout(
    name="layout_l",
    marker="div.content_main_text",
    title="h1.head-single",
    lead="div.content_main_desc",
    date_text="span.breadcrumbs__item--date",  # may be relative ("Сегодня, 10:45"): last resort
    views=".head-single-views",  # not .head-single-comments: the comment count is no views
    authors="a.head-single-author",
    breadcrumbs="div.breadcrumbs a.breadcrumbs__item",
    tags=".content_main_text_tags a",
    main_image="div.content_main_thumb",
    image_caption=".content_main_thumb_alt",
    body="div.content_main_text",
    body_skip=".content_main_text_tags, .tn-inpage, .tn-discussed-now-block",  # tags, related cards
    body_end="#comm",  # the comments widget may sit inside the text container
)

#: The older template (2022, some 2024 pages): ``tn-*`` classes, text dates, no JSON-LD.
LAYOUT_T = Layout(
    name="layout_t",
    marker="div.tn-news-content .tn-news-text",
    title="h1.tn-content-title",
    title_skip="span",  # the comment count (span.tn-hidden); public scrapers drop any span of this h1
    date_text="ul.tn-data-list time",
    views="ul.tn-data-list .tn-icon-eye + .tn-text",  # the other .tn-text is the comment count
    breadcrumbs="ul.tn-breadcrumb-list a",
    tags=".tn-tag-list a",
    main_image="div.tn-news-content div.tn-image-container",
    image_caption=".tn-image-caption",
    body="div.tn-news-content .tn-news-text",
    body_skip=".tn-comment-list",
)

LAYOUTS: tuple[Layout, ...] = (LAYOUT_L, LAYOUT_T)


def person_authors(selector: Selector) -> list[str] | None:
    """JSON-LD author names that are persons; None when JSON-LD names no author at all.

    ``{"@type": "Organization", "name": "Tengrinews.kz"}`` is the publisher, not an author."""
    authors = article_json_ld(selector).get("author")
    if authors is None:
        return None
    items = authors if isinstance(authors, list) else [authors]
    names = (item if isinstance(item, str) else item.get("name") if isinstance(item, dict) and not _is_organization(item)
             else None for item in items)
    return [collapse_whitespace(name) for name in names if isinstance(name, str) and name.strip()]


def _is_organization(item: dict[str, object]) -> bool:
    types = item.get("@type")
    return any(str(kind).endswith("Organization") for kind in (types if isinstance(types, list) else [types]))


def is_trailing_promo(paragraph: etree._Element) -> bool:
    """Whether layout T's last paragraph is its promo line: wholly bold (a subheading is never
    last), a link to a messenger, or promo wording. Anything else is the article's last words."""
    text = element_text(paragraph)
    if not text:
        return False
    bold = " ".join(element_text(node) for node in paragraph.xpath("./strong | ./b"))
    links = " ".join(node.get("href", "") for node in paragraph.iter("a"))
    return collapse_whitespace(bold) == text or has_promo_link(links) or is_promo(text)


def _last_t_paragraph_text(selector: Selector) -> str | None:
    paragraphs = select(selector, "div.tn-news-content .tn-news-text > p")
    if paragraphs and is_trailing_promo(paragraphs[-1]):
        return element_text(paragraphs[-1])
    return None


def refine(article: Article, selector: Selector) -> Article:
    """What the layout data cannot say, applied to an extracted (uncleaned) Article."""
    if article.extraction == LAYOUT_T.name:
        article.lead = None  # T prints no standfirst: the description is the first paragraph cut
        article.authors = []
        article.modified_at = None
        promo = _last_t_paragraph_text(selector)
        if promo is not None:
            texts = [index for index, block in enumerate(article.content) if isinstance(block, str)]
            if texts and article.content[texts[-1]] == promo:
                del article.content[texts[-1]]
    else:
        persons = person_authors(selector)
        if persons is not None:  # JSON-LD decides: an Organization alone means no author
            article.authors = persons
        if article.extraction == LAYOUT_L.name and not select(selector, LAYOUT_L.lead):
            article.lead = None  # og/meta description then hold the first paragraph cut short
    own = {name.casefold() for name in OWN_NAMES}
    article.authors = [name for name in article.authors if name.casefold() not in own]
    return article


def extract_tengrinews(selector: Selector, url: str, layouts: tuple[Layout, ...] = LAYOUTS) -> Article:
    """A tengrinews page -> uncleaned Article (today's ``extract_article`` plus ``refine``)."""
    return refine(extract_article(selector, url, site=SITE, layouts=layouts), selector)
