"""Discovery pages of the kursiv copy: day archives, RSS feeds, Yoast sitemaps, the WordPress REST
API and robots.txt. Sitemaps, robots and the API name the real site (as a saved copy would); the
crawler rebases them onto the copy. Feeds link this host, with ``utm_*``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import format_datetime
from html import escape

from newscrawl.demo.kursiv import pages, words
from newscrawl.demo.kursiv.model import EDITIONS, REAL_ORIGIN, Article, prefix, utc

PAGE_SIZE = 20
FEED_SIZE = 20
FEED_TRACKING = "?utm_source=rss&utm_medium=rss&utm_campaign={slug}"
NEXT = {"ru": "Далее", "kk": "Келесі", "en": "Next"}


@dataclass(frozen=True)
class Card:
    """One card of a day archive: its link, title and ``time[datetime]``; partner cards have none."""

    href: str
    title: str
    published: datetime | None = None


def render_archive(edition: str, day: date, cards: list[Card], next_href: str | None) -> str:
    """One page of ``/{ed}YYYY/MM/DD/``: ``article.post-card`` items, ``a.next.page-numbers`` if more."""
    items = []
    for card in cards:
        cls, stamp = "post-card", ""
        if card.published is None:
            cls += " post-card--partner"
        else:
            stamp = (f'\n<time class="post-card__date" datetime="{card.published.isoformat()}">'
                     f"{card.published:%H:%M}</time>")
        items.append(f'<article class="{cls}">\n<a class="post-card__link" href="{escape(card.href)}">\n'
                     f'<h3 class="post-card__title">{escape(card.title, quote=False)}</h3>\n</a>{stamp}\n</article>\n')
    nav = (f'<nav class="navigation pagination"><div class="nav-links"><a class="next page-numbers" '
           f'href="{escape(next_href)}">{NEXT[edition]}</a></div></nav>\n' if next_href else "")
    heading = f"{words.HOME[edition]}: {day.isoformat()}"
    return (f'<!DOCTYPE html>\n<html lang="{EDITIONS[edition][1]}">\n<head>\n<meta charset="UTF-8">\n'
            f"<title>{heading} - {EDITIONS[edition][2]}</title>\n<meta name=\"robots\" content=\"noindex, follow\">\n"
            f'</head>\n<body class="archive date">\n<header class="site-header"><a class="site-header__logo" '
            f'href="{prefix(edition)}/">Kursiv</a></header>\n<main class="archive">\n<h1 class="archive__title">'
            f'{heading}</h1>\n<div class="archive__list">\n{"".join(items)}</div>\n{nav}</main>\n'
            '<footer class="site-footer">© Kursiv Media</footer>\n</body>\n</html>\n')


def render_feed(edition: str, posts: list[Article], base: str, page: int) -> str:
    """RSS 2.0 of one page of an edition's newest posts: links on this host with ``utm_*``,
    ``pubDate`` in GMT, the excerpt (or Yoast's cut opening) as description, no full text."""
    items = []
    for post in posts:
        link = base + post.path + FEED_TRACKING.format(slug=post.slug)
        categories = "".join(f"<category><![CDATA[{name}]]></category>" for name, _ in post.sections)
        items.append(f"<item><title>{escape(post.title)}</title><link>{escape(link)}</link>"
                     f"<dc:creator><![CDATA[{', '.join(post.authors)}]]></dc:creator>"
                     f"<pubDate>{format_datetime(post.published.astimezone(timezone.utc))}</pubDate>{categories}"
                     f'<guid isPermaLink="false">{REAL_ORIGIN}/?p={post.post_id}</guid>'
                     f"<description><![CDATA[{post.description()}]]></description></item>\n")
    self_link = f"{base}{prefix(edition)}/feed/" + (f"?paged={page}" if page > 1 else "")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel><title>Kursiv Media</title>'
            f'<atom:link href="{escape(self_link)}" rel="self" type="application/rss+xml"/>'
            f"<link>{base}{prefix(edition)}/</link><description>Kursiv Media</description>"
            f"<language>{EDITIONS[edition][1]}</language>\n{''.join(items)}</channel></rss>\n")


def render_sitemap_root(languages: list[str]) -> str:
    """``/sitemap.xml``: an index of the per-language indexes."""
    entries = "".join(f"<sitemap><loc>{REAL_ORIGIN}/sitemaps/{lang}/sitemap.xml</loc></sitemap>\n" for lang in languages)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n')


def render_sitemap_index(lang: str, months: dict[str, datetime]) -> str:
    """``/sitemaps/{lang}/sitemap.xml``: monthly files, each with its newest lastmod in UTC."""
    entries = "".join(f"<sitemap>\n<loc>{REAL_ORIGIN}/sitemaps/{lang}/posts-{month}.xml</loc>\n"
                      f"<lastmod>{utc(lastmod)}</lastmod>\n</sitemap>\n" for month, lastmod in sorted(months.items()))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="/main-sitemap.xsl"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n')


def render_sitemap(entries: list[tuple[str, datetime, str | None]]) -> str:
    """A monthly file: (path, lastmod, image URL) per ``<url>``, lastmod in UTC."""
    urls = []
    for path, lastmod, image in entries:
        picture = f"<image:image>\n<image:loc>{image}</image:loc>\n</image:image>\n" if image else ""
        urls.append(f"<url>\n<loc>{REAL_ORIGIN}{path}</loc>\n<lastmod>{utc(lastmod)}</lastmod>\n{picture}</url>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n{"".join(urls)}</urlset>\n')


def api_post(post: Article) -> dict:
    """A post as ``/wp-json/wp/v2/posts`` gives it: ``date`` local without offset, ``*_gmt`` in UTC."""
    def naive(moment: datetime) -> str:
        return moment.replace(tzinfo=None).isoformat(timespec="seconds")

    lastmod = post.lastmod
    return {
        "id": post.post_id, "date": naive(post.published),
        "date_gmt": naive(post.published.astimezone(timezone.utc)),
        "modified": naive(lastmod), "modified_gmt": naive(lastmod.astimezone(timezone.utc)),
        "slug": post.slug, "status": "publish", "type": "post", "link": post.canonical,
        "title": {"rendered": escape(post.title, quote=False)},
        "excerpt": {"rendered": f"<p>{escape(post.description(), quote=False)}</p>\n", "protected": False},
        "content": {"rendered": pages.body(post, "wp-block-image", "wp-element-caption", True), "protected": False},
        "lang": post.edition,
    }


def render_robots() -> str:
    sitemaps = "".join(f"Sitemap: {REAL_ORIGIN}/sitemaps/{lang}/sitemap.xml\n" for lang in EDITIONS)
    return (f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\nDisallow: /?s=\n\n"
            f"Sitemap: {REAL_ORIGIN}/sitemap.xml\n{sitemaps}")

