"""Article pages of the tengrinews copy: layout L (live), layout T (older), the longread template.

Pure functions of a ``TengriArticle``; markup as in ../shared/spec/tengrinews-site.md and
examples/tengrinews/zhandosova.layout-l.html. ``page_bytes`` gives what the server sends:
a windows-1251 page is encoded so and says it only in ``<meta http-equiv>``.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from html import escape

from newscrawl.demo.tengrinews.content import (
    LAYOUT_T,
    LONGREAD,
    REAL_ORIGIN,
    Noise,
    Photo,
    TengriArticle,
    Text,
    iso,
)
from newscrawl.demo.tengrinews.noise import T_PROMO_LINES

MONTHS = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
SIDEBAR = ('<aside class="tn-side-bar"><h3>Самое читаемое</h3><ul>'
           '<li><a href="/kazakhstan_news/kurs-dollara-na-segodnya-528101/">Курс доллара на сегодня</a></li></ul></aside>')
FOOTER = ('<footer class="tn-footer"><p>© 2025 Tengrinews.kz. Все права защищены.</p><p>При полном или частичном '
          "использовании материалов ссылка на Tengrinews.kz обязательна.</p></footer>\n</body>\n</html>\n")


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def printed_date(article: TengriArticle) -> str:
    """``29 февраля 2024 23:55``; ``Сегодня, 10:45`` when relative; T's three styles."""
    moment = article.published
    if article.relative_date:
        return f"Сегодня, {moment:%H:%M}"
    if article.layout == LAYOUT_T and article.date_style == 2:
        return f"{moment:%d.%m.%Y %H:%M}"
    comma = "," if article.layout == LAYOUT_T and article.date_style == 1 else ""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}{comma} {moment:%H:%M}"


def description(article: TengriArticle) -> str:
    """The lead, else the first paragraph cut short (what the site puts in og/meta description)."""
    first = next(iter(article.body_texts()), article.title)
    return article.lead or (first[:90].rsplit(" ", 1)[0] + "…" if len(first) > 90 else first)


def head(article: TengriArticle, extra: str = "") -> str:
    charset = ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">' if article.cp1251
               else '<meta charset="utf-8">')
    image = f'<meta property="og:image" content="{REAL_ORIGIN}{article.main_image.src}">\n' if article.main_image else ""
    return (f'<!DOCTYPE html>\n<html lang="ru">\n<head>\n{charset}\n'
            f"<title>{_e(article.title)} - Новости Казахстана | Tengrinews.kz</title>\n"
            f'<link rel="canonical" href="{article.canonical}">\n'
            f'<meta name="description" content="{_e(description(article))}">\n'
            f'<meta property="og:title" content="{_e(article.title)}">\n{image}{extra}</head>\n')


def _stamp(moment: datetime | None, utc: bool) -> str | None:
    """ISO 8601 with the Almaty offset, or in UTC with ``Z`` (some pages do that)."""
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if utc else iso(moment)


def json_ld(article: TengriArticle) -> str:
    """NewsArticle JSON-LD: persons, or the Organization when the page names no author."""
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": article.canonical,
        "headline": article.title, "datePublished": _stamp(article.published, article.utc_json_ld),
        "dateModified": _stamp(article.modified, article.utc_json_ld),
        "author": [{"@type": "Person", "name": n} for n in article.authors] or {"@type": "Organization",
                                                                               "name": "Tengrinews.kz"},
        "publisher": {"@type": "Organization", "name": "Tengrinews.kz"}, "description": description(article),
        "image": {"@type": "ImageObject", "url": REAL_ORIGIN + article.main_image.src} if article.main_image else None,
    }
    data = {key: value for key, value in data.items() if value is not None}
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'


def blocks_html(article: TengriArticle, related: tuple[str, str]) -> str:
    """Text blocks, photos (a credit line as the next paragraph) and noise, in page order."""
    out, items = [], []
    for block in article.blocks:
        if isinstance(block, Text) and block.tag == "li":
            items.append(f"<li>{escape(block.text)}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if isinstance(block, Text):
            sub = "<p><strong>{}</strong></p>" if article.layout == LAYOUT_T else "<h2>{}</h2>"
            out.append({"p": "<p>{}</p>", "h2": sub, "quote": "<blockquote><p>{}</p></blockquote>"}[block.tag]
                       .format(escape(block.text)))
        elif isinstance(block, Photo):
            out.append(f'<p><img src="{block.src}" alt="{_e(block.caption)}"></p>')
            if block.credit_line:
                out.append(f'<p style="text-align: right;">{escape(block.credit_raw or "")}</p>')
        elif isinstance(block, Noise):
            out.append(block.html.replace("{path}", related[0]).replace("{title}", escape(related[1])))
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(out) + "\n"


def _tags(article: TengriArticle, css: str, link_class: str = "") -> str:
    links = ", ".join(f'<a{link_class} href="/tag/{i}/">{escape(t)}</a>' for i, t in enumerate(article.tags))
    return f'<div class="{css}"><span>Теги:</span> {links}</div>\n' if article.tags else ""


def render_layout_l(article: TengriArticle, related: tuple[str, str] = ("/", "")) -> str:
    """The live template: article:* meta (unless JSON-LD dates come in UTC), JSON-LD, ``content_main_*``."""
    meta = "" if article.utc_json_ld else f'<meta property="article:published_time" content="{iso(article.published)}">\n'
    if article.modified and not article.utc_json_ld:
        meta += f'<meta property="article:modified_time" content="{iso(article.modified)}">\n'
    meta += f'<meta property="article:section" content="{_e(article.section)}">\n' + "".join(
        f'<meta property="article:tag" content="{_e(t)}">\n' for t in article.tags) + json_ld(article)
    authors = ", ".join(f'<a class="head-single-author" href="/author/{i + 3}/">{escape(n)}</a>'
                        for i, n in enumerate(article.authors))
    views = (f'<span class="head-single-views" title="Просмотры"><i class="icon-eye"></i>{article.views_text}</span>'
             if article.views is not None else "")
    main = article.main_image
    thumb = ""
    if main:
        alt = " ".join(part for part in (main.caption, main.credit_raw) if part)
        thumb = (f'<div class="content_main_thumb"><picture><img src="{main.src}" alt="{_e(article.title)}"></picture>'
                 + (f'<span class="content_main_thumb_alt">{escape(alt)}</span>' if alt else "") + "</div>\n")
    lead = f'<div class="content_main_desc"><p>{escape(article.lead)}</p></div>\n' if article.lead else ""
    comments = (f'<div id="comm"><div class="comm-title">Комментарии ({article.comments})</div><div class="comm-form">'
                "<p>Чтобы оставить комментарий, авторизуйтесь</p><button>Войти</button></div><div class=\"comm-item\">"
                '<b class="comm-author">Гость</b><p>Спасибо за новость, давно ждали.</p></div></div>\n')
    return (
        head(article, meta) + '<body>\n<div class="container"><main class="content_main">\n'
        f'<div class="breadcrumbs"><a class="breadcrumbs__item" href="/">Главная</a> <a class="breadcrumbs__item" '
        f'href="/{article.section_slug}/">{escape(article.section)}</a> '
        f'<span class="breadcrumbs__item breadcrumbs__item--date">{printed_date(article)}</span></div>\n'
        f'<h1 class="head-single">{escape(article.title)}</h1>\n<div class="head-single-meta">{authors} {views} '
        f'<a class="head-single-comments" href="#comm"><i class="icon-comment"></i>{article.comments}</a></div>\n'
        f'{lead}{thumb}<div class="content_main_text" itemprop="articleBody">\n{blocks_html(article, related)}'
        f'{_tags(article, "content_main_text_tags")}{comments}</div>\n</main>\n{SIDEBAR}\n</div>\n' + FOOTER
    )


def render_layout_t(article: TengriArticle, related: tuple[str, str] = ("/", "")) -> str:
    """The older template: text date, ``tn-*`` classes, a count in the h1, a promo as the last line."""
    main = article.main_image
    image = (f'<div class="tn-image-container"><picture><img src="{main.src}" alt="{_e(article.title)}"></picture>'
             + (f'<span class="tn-image-caption">{escape(main.credit_raw)}</span>' if main.credit_raw else "")
             + "</div>\n") if main else ""
    views = (f'<li><span class="tn-icon-eye"></span><span class="tn-text">{article.views_text}</span></li>'
             if article.views is not None else "")
    promo = T_PROMO_LINES[article.id % len(T_PROMO_LINES)]
    tags = "".join(f'<a class="tn-tag" href="/tag/{i}/">{escape(t)}</a> ' for i, t in enumerate(article.tags))
    return (
        head(article) + '<body>\n<div class="tn-container">\n<ul class="tn-breadcrumb-list"><li><a href="/">Главная</a>'
        f'</li><li><a href="/{article.section_slug}/">{escape(article.section)}</a></li></ul>\n'
        f'<h1 class="tn-content-title">{escape(article.title)} <span class="tn-hidden">{article.comments}</span></h1>\n'
        f'<ul class="tn-data-list"><li><time>{printed_date(article)}</time></li>{views}<li><a href="#comments">'
        f'<span class="tn-icon-comment"></span><span class="tn-text">{article.comments}</span></a></li></ul>\n'
        f'<div class="tn-news-content">\n{image}<article class="tn-news-text">\n{blocks_html(article, related)}{promo}\n'
        f'</article>\n<div class="tn-tag-list">{tags}</div>\n</div>\n<div class="tn-comment-list"><div class="tn-comment">'
        f"<b>Гость</b><p>Интересно, что будет дальше.</p></div></div>\n{SIDEBAR}\n</div>\n" + FOOTER
    )


def render_longread(article: TengriArticle) -> str:
    """A special-project template (``body.longread``): JSON-LD, a hero h1, sections of text."""
    paragraphs = "".join(f'<h2 class="lr-h">{escape(b.text)}</h2>' if b.tag == "h2" else
                         f'<p class="lr-p">{escape(b.text)}</p>' for b in article.blocks if isinstance(b, Text))
    cover = article.main_image.src if article.main_image else ""
    return (
        head(article, json_ld(article)) + '<body class="longread">\n<section class="lr-hero" style="background-image:url('
        f'{cover})"><h1 class="lr-title">{escape(article.title)}</h1><div class="lr-subtitle">{_e(article.lead)}'
        f'</div></section>\n<div class="lr-body"><section class="lr-chapter">{paragraphs}</section></div>\n' + FOOTER
    )


def render_article(article: TengriArticle, related: tuple[str, str] = ("/", "")) -> str:
    """The page of an article in its layout."""
    if article.layout == LONGREAD:
        return render_longread(article)
    return (render_layout_t if article.layout == LAYOUT_T else render_layout_l)(article, related)


def page_bytes(article: TengriArticle, related: tuple[str, str] = ("/", "")) -> tuple[bytes, str]:
    """(body, Content-Type) as served: windows-1251 pages name no charset in the header, or a wrong one."""
    html = render_article(article, related)
    if article.cp1251:
        header = "text/html; charset=utf-8" if article.utf8_header else "text/html"
        return html.encode("cp1251", errors="xmlcharrefreplace"), header  # e.g. a thin space: &#8201;
    return html.encode("utf-8"), "text/html; charset=utf-8"
