"""Listing and discovery pages of the demo site: day archive, RSS, sitemaps, robots.txt, plain pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from email.utils import format_datetime
from html import escape

from newscrawl.demo.content import Article, iso
from newscrawl.demo.core import render_sitemapindex, render_urlset

PAGE_SIZE = 20
ARCHIVE_TEXT = {
    "ru": ("Лента новостей", "Далее", "января февраля марта апреля мая июня июля августа сентября октября ноября "
                                      "декабря"),
    "kz": ("Жаңалықтар таспасы", "Келесі", "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан "
                                           "қараша желтоқсан"),
}


@dataclass(frozen=True)
class Entry:
    """One line of a day archive: where it links, its title, its printed time; promos have none."""

    href: str
    title: str
    time: str | None = None

    @property
    def promo(self) -> bool:
        return self.time is None


def render_archive(ed: str, day: date, entries: list[Entry], page: int, next_href: str | None) -> str:
    """One page of ``/{ed}/lastnews``: ``div.news-item`` lines and ``a.pagination__next`` if more."""
    heading, next_text, months = ARCHIVE_TEXT[ed]
    lines = []
    for entry in entries:
        cls = "news-item news-item--promo" if entry.promo else "news-item"
        time = f'\n   <span class="news-item__time">{entry.time}</span>' if entry.time else ""
        lines.append(f'  <div class="{cls}">\n   <a class="news-item__title" href="{escape(entry.href)}">'
                     f"{escape(entry.title, quote=False)}</a>{time}\n  </div>\n")
    pagination = (f'  <a class="pagination__next" href="{escape(next_href)}">{next_text}</a>\n'
                  if next_href else "")
    title = f"{heading} - {day.day} {months.split()[day.month - 1]} {day.year}"
    return (
        f'<!DOCTYPE html>\n<html lang="{"kk" if ed == "kz" else ed}">\n<head><meta charset="utf-8">'
        f"<title>{title} - inbusiness.kz</title></head>\n<body>\n"
        f'<header class="header"><a class="logo" href="/{ed}">inbusiness.kz</a></header>\n<div class="container">\n'
        f' <h1>{heading}</h1>\n <form class="date-picker" action="/{ed}/lastnews">'
        f'<input type="date" name="date" value="{day.isoformat()}"></form>\n'
        f' <div class="news-list">\n{"".join(lines)} </div>\n <div class="pagination">\n{pagination} </div>\n'
        f'</div>\n<footer class="footer">© {day.year} inbusiness.kz</footer>\n</body>\n</html>\n'
    )


def render_rss(ed: str, articles: list[Article], base: str) -> str:
    """RSS 2.0 of the newest 50 articles of an edition, links on this host."""
    items = []
    for article in articles[:50]:
        description = article.lead or article.body_texts()[0]
        items.append(
            f"<item><title>{escape(article.title)}</title><link>{base}{article.path}</link>"
            f'<guid isPermaLink="true">{base}{article.path}</guid>'
            f"<pubDate>{format_datetime(article.published)}</pubDate>"
            f"<description>{escape(description)}</description><category>{escape(article.section)}</category>"
            f'<enclosure url="{base}{article.main_image.src}" type="image/jpeg" length="0"/></item>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>inbusiness.kz</title><link>{base}/{ed}</link><description>inbusiness.kz</description>\n"
            f'{"".join(items)}</channel></rss>\n')


def render_sitemap_index(files: dict[str, datetime], base: str) -> str:
    """``/sitemap.xml``: the monthly files, each with the newest lastmod it holds."""
    return render_sitemapindex((f"{base}/sitemap/{name}.xml", iso(lastmod)) for name, lastmod in sorted(files.items()))


def render_sitemap(articles: list[Article], base: str) -> str:
    """One monthly file: each article's URL on this host and its lastmod (modified, else published)."""
    return render_urlset((f"{base}{a.path}", iso(a.lastmod)) for a in articles)


def render_robots(base: str) -> str:
    return f"User-agent: *\nDisallow: /search\n\nSitemap: {base}/sitemap.xml\n"


def render_plain(title: str, text: str, lang: str = "ru") -> str:
    """A small page that is not an article (special projects, TV, home, errors)."""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8"><title>{escape(title)} - '
            f"inbusiness.kz</title></head>\n<body><h1>{escape(title)}</h1><p>{escape(text)}</p></body>\n</html>\n")
