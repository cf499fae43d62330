"""The kz.kursiv.media copy: WordPress routing, its redirects and transport faults, by path.

Faults that fire once (a 500, a 429 with ``Retry-After``) fire per server (``fired``); redirects
and listing quirks are permanent and named in ``KursivFaults`` so tests refer to them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from newscrawl.demo.content import ALMATY, Text
from newscrawl.demo.core import XML, Response, SiteCopy, fire_once, html_response, plain_page, redirect
from newscrawl.demo.kursiv import listings
from newscrawl.demo.kursiv.api import api_posts
from newscrawl.demo.kursiv.faults import pick_faults
from newscrawl.demo.kursiv.generate import Generator, text_spots
from newscrawl.demo.kursiv.listings import PAGE_SIZE, Card
from newscrawl.demo.kursiv.model import EDITIONS, REAL_ORIGIN, Article, prefix
from newscrawl.demo.kursiv.pages import render_article

ARCHIVE_TRACKING = "?utm_source=kursiv&utm_medium=archive"
NOT_ARTICLE_SECTIONS = ("category", "tag", "author", "special")
#: The old domain: every path answers 301 to the same path on kz.kursiv.media.
OLD_HOSTS = ("kursiv.kz", "www.kursiv.kz")
UPDATE_NOTE = {"ru": "Материал дополнен комментарием регулятора.", "kk": "Мақала реттеушінің пікірімен толықтырылды.",
               "en": "This story was updated with the regulator's comment."}
_ED = r"(?:/(kk|en))?"
ARTICLE = re.compile(_ED + r"/(\d{4}-\d\d-\d\d)/([^/]+)(/?)")
ARCHIVE = re.compile(_ED + r"/(\d{4})/(\d\d)/(\d\d)/(?:page/(\d+)/)?")
FEED = re.compile(_ED + r"/feed/")
SITEMAP = re.compile(r"/sitemaps/(ru|kk|en)/(?:sitemap|posts-(\d{4}-\d\d))\.xml")


class KursivCopy(SiteCopy):
    """What the kursiv copy serves, and what it knows it served."""

    name = "kursiv"
    domain = "kz.kursiv.media"
    articles: list[Article]

    def __init__(self, generator: Generator, articles: list[Article]) -> None:
        self._generator = generator
        self.articles = articles
        self.by_path = {a.path: a for a in articles}
        self.by_id = {a.post_id: a for a in articles}
        self.faults = pick_faults(articles)
        target = self.by_path[self.faults.old_slug_target]
        self.redirects = {self.faults.old_slug: target.path}

    def record(self, article: Article) -> dict:  # type: ignore[override]
        return article.record()

    def edit(self, path: str) -> dict:
        """Add a paragraph to a post and set its modified time to the copy's "now" (later than
        anything it holds: sitemap lastmods and the API follow); its new record."""
        post = self.by_path[path]
        note = UPDATE_NOTE[post.edition]
        post.blocks.insert(text_spots(post)[-1], Text("p", note, note))
        post.modified = max(a.lastmod for a in self.articles) + timedelta(hours=1)
        return post.record()

    def publish(self, edition: str = "ru") -> dict:
        """Add a post on the newest day, after that edition's newest one; its record."""
        newest = max(a.published for a in self.articles if a.edition == edition)
        post = self._generator.post(edition, min(newest + timedelta(minutes=7), newest.replace(hour=23, minute=59)),
                                    serial=1)
        post.read_also = [(a.path, a.title) for a in self.edition_posts(edition)[:2]]
        self.articles.append(post)
        self.by_path[post.path], self.by_id[post.post_id] = post, post
        return post.record()

    def edition_posts(self, edition: str) -> list[Article]:
        """An edition's posts, newest first."""
        return sorted((a for a in self.articles if a.edition == edition), key=lambda a: a.published, reverse=True)

    # -- listings ----------------------------------------------------------------------------
    def archive_cards(self, edition: str, day: date) -> list[Card]:
        """A day archive's cards, newest first, with the listing quirks of ``self.faults``."""
        f, timed = self.faults, []
        posts = [a for a in self.articles if a.edition == edition and a.day == day]
        twice = self.by_path[f.archive_twice]
        if twice.edition == edition and twice.day + timedelta(days=1) == day:
            posts.append(twice)
        for index, post in enumerate(posts):
            href = {f.old_slug_target: f.old_slug, f.unslashed + "/": f.unslashed}.get(post.path, post.path)
            if href == post.path and index % 5 == 1:
                href = REAL_ORIGIN + post.path + (ARCHIVE_TRACKING if index % 10 == 1 else "")
            timed.append(Card(href, post.title, post.published))
        if (edition, day) == ("ru", date.fromisoformat(f.removed[1:11])):
            timed.append(Card(f.removed, "Минфин отозвал сообщение о налогах", posts[0].published + timedelta(minutes=3)))
        cards = sorted(timed, key=lambda card: card.published or datetime.min, reverse=True)
        if cards:
            cards.insert(min(3, len(cards)), Card(f"/special/kursiv-guide-{day.year}/", "Kursiv Guide: лучшие работодатели"))
        return cards

    def sitemap_entries(self, lang: str, month: str) -> list[tuple[str, datetime, str | None]]:
        """A monthly sitemap's (path, lastmod, image URL), with the listing quirks of ``self.faults``."""
        f, entries = self.faults, list[tuple[str, datetime, str | None]]()
        for post in self.edition_posts(lang):
            if f"{post.published:%Y-%m}" == month:
                entries.append((post.path, post.lastmod, post.main_image.url))
                if post.path == f.sitemap_twice:
                    entries.append((post.path, post.lastmod, None))
        if lang == "ru" and month == f.removed[1:8]:
            moment = datetime.fromisoformat(f.removed[1:11]).replace(hour=12, tzinfo=ALMATY)
            entries.append((f.removed, moment, None))
        return entries

    def sitemap_months(self, lang: str) -> dict[str, datetime]:
        months: dict[str, datetime] = {}
        for post in self.edition_posts(lang):
            month = f"{post.published:%Y-%m}"
            months[month] = max(months.get(month, post.lastmod), post.lastmod)
        return months

    # -- routing -----------------------------------------------------------------------------
    def respond(self, path_with_query: str, *, host: str | None = None, fired: set[str] | None = None) -> Response:
        split = urlsplit(path_with_query)
        path, query = split.path, parse_qs(split.query)
        base = f"http://{host}" if host else "http://127.0.0.1"
        if host and host.split(":")[0] in OLD_HOSTS:
            return redirect(REAL_ORIGIN + path_with_query)
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, listings.render_robots().encode()
        if path == "/sitemap.xml":
            return 200, {"Content-Type": XML}, listings.render_sitemap_root(list(EDITIONS)).encode()
        if match := SITEMAP.fullmatch(path):
            return self._sitemap(match[1], match[2])
        if path == "/wp-json/wp/v2/posts":
            return api_posts(self.articles, query)
        if path == "/" and "p" in query:
            post = self.by_id.get(int(query["p"][0])) if query["p"][0].isdigit() else None
            return redirect(base + post.path) if post else not_found()
        if path in ("/", "/kk/", "/en/"):
            edition = path.strip("/") or "ru"
            links = [(a.path, a.title) for a in self.edition_posts(edition)[:10]]
            return html_response(plain_page("Kursiv Media", EDITIONS[edition][2], edition, links))
        if match := FEED.fullmatch(path):
            return self._feed(match[1] or "ru", query, base)
        if match := ARCHIVE.fullmatch(path):
            return self._archive(match[1] or "ru", match[2], match[3], match[4], int(match[5] or 1))
        if match := ARTICLE.fullmatch(path):
            return self._article(path, match[4] == "", base, fired)
        parts = path.strip("/").split("/")
        if parts[0] in ("kk", "en"):
            parts = parts[1:]
        if parts and parts[0] in NOT_ARTICLE_SECTIONS:
            return html_response(plain_page(parts[-1], "Раздел сайта"))
        return not_found()

    def _article(self, path: str, unslashed: bool, base: str, fired: set[str] | None) -> Response:
        if unslashed:
            return redirect(base + path + "/") if path + "/" in self.by_path else not_found()
        if path in self.redirects:
            return redirect(base + self.redirects[path])
        post = self.by_path.get(path)
        if post is None:
            return not_found()
        f = self.faults
        if path == f.error_500_once and fire_once(fired, path):
            return html_response(plain_page("500", "Internal Server Error"), 500)
        if path == f.rate_limit_429_once and fire_once(fired, path):
            return html_response(plain_page("429", "Too Many Requests"), 429, **{"Retry-After": "1"})
        return html_response(render_article(post))

    def _archive(self, edition: str, year: str, month: str, day: str, page: int) -> Response:
        try:
            cards = self.archive_cards(edition, date(int(year), int(month), int(day)))
        except ValueError:
            return not_found()
        pages = -(-len(cards) // PAGE_SIZE)
        if not 1 <= page <= pages:
            return not_found()
        day_path = f"{prefix(edition)}/{year}/{month}/{day}/"
        next_href = f"{day_path}page/{page + 1}/" if page < pages else None
        shown = cards[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        return html_response(listings.render_archive(edition, date(int(year), int(month), int(day)), shown, next_href))

    def _feed(self, edition: str, query: dict, base: str) -> Response:
        paged = query.get("paged", ["1"])[0]
        page = int(paged) if paged.isdigit() else 0
        posts = self.edition_posts(edition)[(page - 1) * listings.FEED_SIZE: page * listings.FEED_SIZE]
        if page < 1 or not posts:
            return not_found()
        body = listings.render_feed(edition, posts, base, page)
        return 200, {"Content-Type": "application/rss+xml; charset=UTF-8"}, body.encode()

    def _sitemap(self, lang: str, month: str | None) -> Response:
        if month is None:
            return 200, {"Content-Type": XML}, listings.render_sitemap_index(lang, self.sitemap_months(lang)).encode()
        entries = self.sitemap_entries(lang, month)
        return (200, {"Content-Type": XML}, listings.render_sitemap(entries).encode()) if entries else not_found()


def not_found() -> Response:
    return html_response(plain_page("Страница не найдена - Kursiv Media Казахстан", "404"), 404)
