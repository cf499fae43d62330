"""Article pages of the demo site: layout A, layout B, an unknown layout, and AMP copies.

The markup follows ../shared/spec/inbusiness-site.md and examples/lavrov-klin.layout-a.html.
"""

from __future__ import annotations

import json
from html import escape

from newscrawl.demo.content import REAL_ORIGIN, Article, Figure, Image, ListBlock, Noise, Text, iso
from newscrawl.demo.noise import POPUP, RELATED_HEADING

MONTHS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
    "kz": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split(),
}
HOME = {"ru": "Главная", "kz": "Басты бет"}
SECTION_MENU = {
    "ru": [("politika", "Политика"), ("ekonomika", "Экономика"), ("finansy", "Финансы"), ("obshchestvo", "Общество")],
    "kz": [("sayasat", "Саясат"), ("ekonomika", "Экономика"), ("qarzhy", "Қаржы"), ("qogam", "Қоғам")],
}


def attr(text: str) -> str:
    return escape(text, quote=True)


def text_date(article: Article, numeric: bool = False) -> str:
    """The printed date: ``18 октября 2022, 10:45``, ``18 қазан 2022, 10:45`` or ``18.10.2022 10:45``."""
    moment = article.published
    if numeric:
        return f"{moment:%d.%m.%Y %H:%M}"
    return f"{moment.day} {MONTHS[article.edition][moment.month - 1]} {moment.year}, {moment:%H:%M}"


def header(ed: str) -> str:
    menu = " ".join(f'<a href="/{ed}/cat/{slug}">{name}</a>' for slug, name in SECTION_MENU[ed])
    return (f'<header class="header">\n  <a class="logo" href="/{ed}">inbusiness.kz</a>\n'
            f'  <nav class="menu">{menu} <a href="/{ed}/tv_programs/">ТВ</a></nav>\n'
            '  <div class="lang"><a href="/ru">RU</a> <a href="/kz">KZ</a></div>\n</header>')


def head(article: Article, charset: str, extra: str = "", description: str | None = None) -> str:
    description = description if description is not None else article.lead or ""
    return (
        f'<!DOCTYPE html>\n<html lang="{article.language}">\n<head>\n<meta charset="{charset}">\n'
        f"<title>{escape(article.title, quote=False)} - inbusiness.kz</title>\n"
        f'<link rel="canonical" href="{article.canonical}">\n'
        f'<meta name="description" content="{attr(description.strip())}">\n'
        f'<meta property="og:type" content="article">\n<meta property="og:title" content="{attr(article.title)}">\n'
        f'<meta property="og:image" content="{REAL_ORIGIN}{article.main_image.src}">\n{extra}'
        '<link rel="stylesheet" href="/static/css/main.css">\n'
        "<script>window.dataLayer = window.dataLayer || [];</script>\n</head>\n<body>\n"
    )


def tail(article: Article) -> str:
    year = article.published.year
    return (f'{POPUP[article.edition]}\n<footer class="footer">© {year} inbusiness.kz. Все права защищены.</footer>\n'
            '<script src="/static/js/app.js"></script>\n</body>\n</html>\n')


def figcaption(image: Image) -> str:
    """``CAPTION Фото: CREDIT``, the caption alone or the credit alone."""
    text = " ".join(escape(part, quote=False) for part in (image.caption, image.credit_raw) if part)
    return f"<figcaption>{text}</figcaption>" if text else ""


def render_blocks(article: Article, figure_class: str | None) -> str:
    """Body blocks; an inline image is ``<p><img></p>`` (layout A) or a figure (layout B)."""
    out = []
    for block in article.blocks:
        if isinstance(block, Text):
            out.append(f"<{block.tag}>{block.html}</{block.tag}>")
        elif isinstance(block, ListBlock):
            out.append("<ul>" + "".join(f"<li>{item.html}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Noise):
            out.append(block.html)
        elif isinstance(block, Figure):
            image = block.image
            img = f'<img src="{image.src}" alt="{attr(image.caption or "")}">'
            out.append(f'<figure class="{figure_class}">{img}{figcaption(image)}</figure>'
                       if figure_class else f"<p>{img}</p>")
            if block.credit_line:
                out.append(f"<p>{escape(block.credit_line[0], quote=False)}</p>")
    return "".join(f"   {line}\n" for line in out)


def related(article: Article) -> str:
    links = "".join(f'\n  <a href="{path}">{escape(title, quote=False)}</a>' for path, title in article.related)
    return f'<div class="related"><h3>{RELATED_HEADING[article.edition]}</h3>{links}\n </div>'


def tag_links(article: Article) -> str:
    from newscrawl.demo.phrases import slugify
    return " ".join(f'<a href="/{article.edition}/tag/{slugify(tag)}">{escape(tag)}</a>' for tag in article.tags)


def render_layout_a(article: Article, charset: str = "utf-8") -> str:
    """The classic template: text date, div.newscont, div.text; no JSON-LD, no article:* meta."""
    ed, image = article.edition, article.main_image
    first = next((b.text for b in article.blocks if isinstance(b, Text) and b.tag == "p"), "")
    description = article.lead or first[:150].rsplit(" ", 1)[0]
    lead = f'  <div class="lead">{escape(article.lead, quote=False)}</div>\n' if article.lead else ""
    credit = f'\n    <span class="copyright">{escape(image.credit_raw)}</span>' if image.credit_raw else ""
    tags = f'  <div class="tags">{tag_links(article)}</div>\n' if article.tags else ""
    return (
        head(article, charset, description=description) + header(ed) + '\n<div class="container">\n'
        f' <div class="breadcrumbs"><a href="/{ed}">{HOME[ed]}</a> / '
        f'<a href="/{ed}/cat/{article.section_slug}">{article.section}</a></div>\n'
        f' <div class="newscont">\n  <h1>{escape(article.title, quote=False)}</h1>\n  <div class="extra">\n'
        f"    <time>{text_date(article, numeric=article.date_style == 1)}</time>\n"
        f'    <span class="views"><i class="icon-eye"></i>{article.views_text}</span>\n  </div>\n{lead}'
        f'  <div class="main-img">\n    <img src="{image.src}" alt="{attr(image.caption or "")}">{credit}\n  </div>\n'
        f'  <div class="text">\n{render_blocks(article, None)}  </div>\n{tags} </div>\n'
        f" {related(article)}\n</div>\n" + tail(article)
    )


def json_ld(article: Article, keys: tuple[str, ...]) -> str:
    """A NewsArticle JSON-LD script holding ``keys`` (absent values left out)."""
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
        "datePublished": iso(article.published), "dateModified": iso(article.modified),
        "author": [{"@type": "Person", "name": name} for name in article.authors] or None,
        "image": [REAL_ORIGIN + article.main_image.src], "articleSection": article.section,
        "keywords": ", ".join(article.tags) or None, "inLanguage": article.language,
        "description": article.lead, "mainEntityOfPage": article.canonical,
    }
    data = {k: v for k, v in data.items() if k in keys + ("@context", "@type") and v is not None}
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'


def render_layout_b(article: Article, charset: str = "utf-8") -> str:
    """The current template: article:* meta, JSON-LD, article.article with BEM classes."""
    ed, image = article.edition, article.main_image
    meta = f'<meta property="article:published_time" content="{iso(article.published)}">\n'
    if article.modified:
        meta += f'<meta property="article:modified_time" content="{iso(article.modified)}">\n'
    meta += f'<meta property="article:section" content="{attr(article.section)}">\n'
    meta += json_ld(article, ("headline", "datePublished", "dateModified", "author", "image", "articleSection",
                              "keywords", "inLanguage", "description"))
    views = (f'    <span class="article__views" title="Просмотры">{article.views_text}</span>\n'
             if article.views is not None else "")
    authors = "".join(f'    <a class="article__author" href="/{ed}/authors/{i + 1}">{escape(name)}</a>\n'
                      for i, name in enumerate(article.authors))
    tags = f'  <div class="article__tags">{tag_links(article)}</div>\n' if article.tags else ""
    return (
        head(article, charset, meta) + header(ed) + '\n<div class="container">\n<article class="article">\n'
        f'  <nav class="breadcrumbs"><a href="/{ed}">{HOME[ed]}</a> '
        f'<a href="/{ed}/cat/{article.section_slug}">{article.section}</a></nav>\n'
        f'  <h1 class="article__title">{escape(article.title, quote=False)}</h1>\n  <div class="article__meta">\n'
        f'    <time class="article__date" datetime="{iso(article.published)}">{text_date(article)}</time>\n'
        f"{views}{authors}  </div>\n"
        f'  <div class="article__lead">{escape(article.lead or "", quote=False)}</div>\n'
        f'  <figure class="article__image"><img src="{image.src}" alt="{attr(image.caption or "")}">'
        f"{figcaption(image)}</figure>\n"
        f'  <div class="article__body">\n{render_blocks(article, "article__inline-image")}  </div>\n{tags}'
        f"</article>\n {related(article)}\n</div>\n" + tail(article)
    )


def render_unknown(article: Article, teasers: list[Article], charset: str = "utf-8") -> str:
    """A page neither A nor B (a special-project template): only structured data is reliable."""
    ed = article.edition
    keys = ("headline", "datePublished", "dateModified", "author", "image", "articleSection", "keywords",
            "description")
    nav = " ".join(f'<a href="/{ed}/cat/{slug}">{name}</a>' for slug, name in SECTION_MENU[ed] * 2)
    rail = "".join(f'<li><a href="{t.path}">{escape(t.title, quote=False)}</a> <span>{t.published:%H:%M}</span></li>'
                   for t in teasers)
    paragraphs = render_blocks(article, figure_class="sp-figure")
    return (
        head(article, charset, json_ld(article, keys)) + header(ed) + '\n<main class="sp-page">\n'
        f'<aside class="sp-rail"><nav class="sp-nav">{nav}</nav><ul class="sp-teasers">{rail}</ul></aside>\n'
        f'<div class="sp-hero" style="background-image:url({article.main_image.src})">'
        f'<span class="sp-rubric">{article.section}</span><h1 class="sp-h">{escape(article.title, quote=False)}</h1>'
        f'<div class="sp-kicker">{escape(article.lead or "", quote=False)}</div></div>\n'
        f'<div class="sp-content"><section>{paragraphs}</section></div>\n'
        f'<aside class="sp-more"><h4>Популярное</h4><ul>{rail}</ul></aside>\n</main>\n' + tail(article)
    )


def render_amp(article: Article) -> str:
    """A light copy: canonical names the true page; no views, rubric or tags."""
    paragraphs = "".join(f"<p>{escape(text, quote=False)}</p>" for text in article.body_texts())
    return (f'<!DOCTYPE html>\n<html amp lang="{article.language}">\n<head><meta charset="utf-8">'
            f"<title>{escape(article.title, quote=False)} - inbusiness.kz</title>"
            f'<link rel="canonical" href="{article.canonical}"></head>\n'
            f"<body><h1>{escape(article.title, quote=False)}</h1>{paragraphs}</body>\n</html>\n")
