"""Article pages of the kursiv copy: Yoast's head, the ``single`` and ``subcat-article`` templates,
and a stray longread page in neither (markup of kursiv-site.md and examples/kursiv/)."""

from __future__ import annotations

import json
from html import escape

from newscrawl.demo.content import ListBlock, Noise, Text
from newscrawl.demo.kursiv import words
from newscrawl.demo.kursiv.model import EDITIONS, REAL_ORIGIN, SINGLE, SUBCAT, Article, Figure, Image, prefix, utc
from newscrawl.demo.kursiv.noise import MODAL, SIDEBAR

PLACEHOLDER = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
SIZE = ' width="1280" height="720"'


def attr(text: str) -> str:
    return escape(text, quote=True)


def text(value: str) -> str:
    return escape(value, quote=False)


def json_ld(article: Article) -> str:
    """Yoast's ``@graph``: NewsArticle (UTC dates, author one object or a list, sections and
    keywords as lists), WebPage, ImageObject, BreadcrumbList."""
    url, lang = article.canonical, EDITIONS[article.edition][1]
    node: dict = {"@type": "NewsArticle", "@id": f"{url}#article", "isPartOf": {"@id": url},
                  "headline": article.title, "datePublished": utc(article.published), "mainEntityOfPage": {"@id": url},
                  "inLanguage": lang, "publisher": {"@id": f"{REAL_ORIGIN}/#organization"}}
    if article.modified:
        node["dateModified"] = utc(article.modified)
    people = [{"@type": "Person", "name": name, "@id": f"{REAL_ORIGIN}/#/schema/person/{i}"}
              for i, name in enumerate(article.authors)]
    if people:
        node["author"] = people[0] if len(people) == 1 else people
    node["articleSection"] = [name for name, _ in article.sections]
    if article.tags:
        node["keywords"] = list(article.tags)
    node["image"] = {"@id": f"{url}#primaryimage"}
    title = f"{article.title} - {EDITIONS[article.edition][2]}"
    graph = [node, {"@type": "WebPage", "@id": url, "url": url, "name": title, "datePublished": utc(article.published),
                    "inLanguage": lang},
             {"@type": "ImageObject", "@id": f"{url}#primaryimage", "url": article.main_image.url,
              "contentUrl": article.main_image.url, "width": 1280, "height": 720},
             {"@type": "BreadcrumbList", "itemListElement": [
                 {"@type": "ListItem", "position": 1, "name": words.HOME[article.edition],
                  "item": f"{REAL_ORIGIN}{prefix(article.edition)}/"},
                 {"@type": "ListItem", "position": 2, "name": article.title}]}]
    data = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
    return f'<script type="application/ld+json" class="yoast-schema-graph">{data}</script>\n'


def head(article: Article) -> str:
    _, lang, suffix = EDITIONS[article.edition]
    title, description = attr(f"{article.title} - {suffix}"), attr(article.description())
    modified = (f'<meta property="article:modified_time" content="{utc(article.modified)}">\n'
                if article.modified else "")
    author = f'<meta name="author" content="{attr(", ".join(article.authors))}">\n' if article.authors else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<link rel=\"canonical\" href=\"{article.canonical}\">\n"
        f'<link rel="shortlink" href="{REAL_ORIGIN}/?p={article.post_id}">\n'
        f'<meta name="description" content="{description}">\n'
        f'<meta property="og:locale" content="{lang.replace("-", "_")}">\n<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{title}">\n<meta property="og:description" content="{description}">\n'
        f'<meta property="og:url" content="{article.canonical}">\n<meta property="og:site_name" content="{suffix}">\n'
        f'<meta property="article:published_time" content="{utc(article.published)}">\n{modified}'
        f'<meta property="og:image" content="{article.main_image.url}">\n{author}'
        '<meta name="twitter:card" content="summary_large_image">\n' + json_ld(article) +
        "<link rel='stylesheet' id='kursiv-main-css' href='/wp-content/themes/kursiv/dist/main.css' media='all' />\n"
        "</head>\n"
    )


def site_header(article: Article) -> str:
    ed = prefix(article.edition)
    menu = " ".join(f'<a href="{ed}/category/{slug}/">{text(name)}</a>' for name, slug in words.SECTIONS[article.edition])
    return (f'<header class="site-header"><a class="site-header__logo" href="{ed}/">Kursiv</a><nav class="main-menu">'
            f'{menu} <a href="/special/kursiv-guide/">Kursiv Guide</a></nav><div class="lang-switcher"><a href="/">RU'
            '</a> <a href="/kk/">KZ</a> <a href="/en/">EN</a></div></header>\n')


def img(image: Image, extra: str = "") -> str:
    alt = attr(image.caption or "")
    if image.lazy:
        return f'<img src="{PLACEHOLDER}" {image.lazy}="{image.url}" alt="{alt}" class="lazyload"{extra}>'
    return f'<img src="{image.url}" alt="{alt}"{extra}>'


def caption_text(image: Image) -> str:
    """The caption as printed: with the credit glued to its end when the credit sits there."""
    glued = image.credit_raw if image.credit_at == "caption" else None
    return " ".join(text(part) for part in (image.caption, glued) if part)


def credit_line(image: Image) -> str:
    if image.credit_at != "line" or not image.credit_raw:
        return ""
    if len(image.url) % 2:
        return f'<p class="has-text-align-right">{text(image.credit_raw)}</p>'
    return f"<p><em>{text(image.credit_raw)}</em></p>"


def body(article: Article, figure_class: str, caption_class: str, block_class: bool) -> str:
    """The blocks in page order; Gutenberg classes in ``single``, classic-editor HTML in ``subcat``."""
    out, heading = [], ' class="wp-block-heading"' if block_class else ""
    for block in article.blocks:
        if isinstance(block, Text) and block.tag == "blockquote":
            cls = ' class="wp-block-quote"' if block_class else ""
            out.append(f"<blockquote{cls}><p>{block.html}</p></blockquote>")
        elif isinstance(block, Text):
            out.append(f"<{block.tag}{heading if block.tag != 'p' else ''}>{block.html}</{block.tag}>")
        elif isinstance(block, ListBlock):
            cls = ' class="wp-block-list"' if block_class else ""
            out.append(f"<ul{cls}>" + "".join(f"<li>{item.html}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Noise):
            out.append(block.html)
        elif isinstance(block, Figure):
            image, caption = block.image, caption_text(block.image)
            figcaption = f'<figcaption class="{caption_class}">{caption}</figcaption>' if caption else ""
            out.append(f'<figure class="{figure_class}">{img(image)}{figcaption}</figure>{credit_line(image)}')
    return "\n".join(out)


def chrome_after(article: Article) -> str:
    path, title = article.read_also[0] if article.read_also else ("/", "Kursiv")
    return (f"</main>\n{SIDEBAR.format(path=path, title=text(title))}\n{MODAL}\n"
            f'<footer class="site-footer">© {article.published.year} Kursiv Media. Все права защищены. 18+</footer>\n'
            "<script src='/wp-content/themes/kursiv/dist/main.js'></script>\n</body>\n</html>\n")


def tags(article: Article, cls: str) -> str:
    links = "".join(f'<a rel="tag" href="{prefix(article.edition)}/tag/t{i}/">{text(tag)}</a>'
                    for i, tag in enumerate(article.tags))
    return f'<div class="{cls}">{links}</div>'


def render_single(article: Article) -> str:
    ed, image = prefix(article.edition), article.main_image
    section, slug = article.sections[0]
    excerpt = f'<p class="single-header__excerpt">{text(article.excerpt)}</p>\n' if article.excerpt else ""
    authors = "".join(f'<div class="author-card"><div class="author-card__name"><a href="{ed}/author/a{i}/">'
                      f"{text(name)}</a></div></div>" for i, name in enumerate(article.authors))
    caption = f'<span class="single-header__caption">{caption_text(image)}</span>' if caption_text(image) else ""
    source = (f' <span class="single-header__source">{text(image.credit_raw)}</span>'
              if image.credit_at == "span" and image.credit_raw else "")
    read_also = "".join(f'<a class="single-read-also__item" href="{path}">{text(title)}</a>'
                        for path, title in article.read_also)
    return (
        head(article) + f'<body class="post-template-default single single-post postid-{article.post_id}">\n'
        + site_header(article) + '<main class="site-main">\n<article class="single">\n<header class="single-header">\n'
        f'<a class="single-header__category" href="{ed}/category/{slug}/">{text(section)}</a>\n'
        f'<h1 class="single-header__title">{text(article.title)}</h1>\n{excerpt}'
        f'<div class="single-publishing-time"><time class="single-publishing-time__date" '
        f'datetime="{article.published.isoformat()}">{words.text_date(article.edition, article.published)}</time>'
        f'<span class="single-views"><svg class="icon-eye"></svg><span class="single-views__count">'
        f"{article.views_text}</span></span></div>\n{authors}\n"
        f'<figure class="single-header__image">{img(image, SIZE)}'
        f"<figcaption>{caption}{source}</figcaption></figure>\n</header>\n"
        f'<div class="single-body">\n{body(article, "wp-block-image size-large", "wp-element-caption", True)}\n</div>\n'
        f'<div class="single-read-also"><h3 class="single-read-also__title">{words.READ_ALSO[article.edition]}</h3>'
        f"{read_also}</div>\n"
        f'<div class="single-footer">{tags(article, "single-tags")}<div class="single-share"><a href='
        '"https://t.me/share/url">Telegram</a> <a href="https://wa.me/">WhatsApp</a></div></div>\n</article>\n'
        + chrome_after(article)
    )


def render_subcat(article: Article) -> str:
    ed, image = prefix(article.edition), article.main_image
    section, slug = article.sections[0]
    author = (f'<div class="subcat-article__header__author-info"><img src="/wp-content/uploads/authors/a.jpg" alt="">'
              f"<p>{text(article.authors[0])}</p></div>\n" if article.authors else "")
    lead = f'<div class="subcat-article__lead">{text(article.excerpt)}</div>\n' if article.excerpt else ""
    source = (f'<p class="subcat-article__image-source">{text(image.credit_raw)}</p>'
              if image.credit_at == "span" and image.credit_raw else "")
    printed = words.text_date(article.edition, article.published, numeric=article.text_date_numeric)
    return (
        head(article) + f'<body class="post-template-default single single-post postid-{article.post_id}">\n'
        + site_header(article) + '<main class="site-main">\n<article class="subcat-article">\n'
        '<div class="subcat-article__header">\n'
        f'<div class="subcat-article__header__category"><a href="{ed}/category/{slug}/">{text(section)}</a></div>\n'
        f"<h1>{text(article.title)}</h1>\n<div class=\"subcat-article__header__date\"><p>{printed}</p></div>\n"
        f"{author}</div>\n{lead}"
        f'<div class="subcat-article__image">{img(image)}{source}</div>\n'
        f'<div class="single-content">\n{body(article, "wp-caption", "wp-caption-text", False)}\n</div>\n'
        f'{tags(article, "subcat-article__tags")}\n</article>\n' + chrome_after(article)
    )


def render_longread(article: Article) -> str:
    """A special-project page in neither template: Yoast's head is all that is reliable."""
    paragraphs = "\n".join(f"<p>{block.html}</p>" if isinstance(block, Text) else block.html
                           for block in article.blocks if isinstance(block, Text | Noise))
    return (
        head(article) + f'<body class="page-template-longread postid-{article.post_id}">\n' + site_header(article)
        + '<main class="lr">\n'
        f'<section class="lr-cover" style="background-image:url({article.main_image.url})">'
        f'<span class="lr-cover__rubric">{text(article.sections[0][0])}</span>'
        f'<h1 class="lr-cover__title">{text(article.title)}</h1></section>\n'
        f'<div class="lr-body">\n{paragraphs}\n</div>\n' + chrome_after(article)
    )


def render_article(article: Article) -> str:
    """The page of ``article`` in its template."""
    if article.template == SINGLE:
        return render_single(article)
    return render_subcat(article) if article.template == SUBCAT else render_longread(article)
