"""The inbusiness.kz copy: routing, transport faults, and the records a crawl of it must export.

``Site.respond`` is the routing function the HTTP server calls. Faults that fire once track
what fired in a set the caller owns (one per ``serve``), so a fresh server fires them again;
called without that set, ``respond`` shows every article as it finally answers. Its data and
templates are ``content``, ``generate``, ``phrases``, ``noise``, ``pages`` and ``listings``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from newscrawl.demo.content import LAVROV_SLUG, LAYOUT_A, LAYOUT_B, LAYOUT_UNKNOWN, Article, Text
from newscrawl.demo.core import HTML, XML, Response, SiteCopy, fire_once
from newscrawl.demo.generate import TOKAEV, Generator, text_spots
from newscrawl.demo.listings import (
    PAGE_SIZE,
    Entry,
    render_archive,
    render_plain,
    render_robots,
    render_rss,
    render_sitemap,
    render_sitemap_index,
)
from newscrawl.demo.pages import render_amp, render_layout_a, render_layout_b, render_unknown

EDITIONS = ("ru", "kz")  # /en/ does not exist on this copy: every /en/... path answers 404
NOT_ARTICLE_SECTIONS = {"tv_programs", "hr", "ratings", "specprojects", "authors", "tag", "cat"}
TRACKING = "?utm_source=lenta&utm_medium=news"
UPDATE_NOTE = {"ru": "Материал обновлен: в ведомстве уточнили детали.",
               "kz": "Жаңалық толықтырылды: ведомство мәліметтерді нақтылады."}


@dataclass(frozen=True)
class Faults:
    """The transport faults and listing quirks the site serves, by path (tests refer to them)."""

    error_500_once: str  # article answering 500 on its first request, then 200
    rate_limit_429_once: str  # article answering 429 + Retry-After: 1 on its first request
    redirect_old: str  # old URL a day archive lists; answers 301 to ``redirect_target``
    redirect_target: str
    cp1251: str  # article served as windows-1251 (header and <meta charset>)
    listed_twice: str  # article on its own day's archive and on the next day's
    removed: str  # archive entry answering 404: not an article, not in the expected records
    amp_listed: str  # archive entry linking to an AMP copy of an article also listed normally
    tracking_links: tuple[str, ...]  # archive hrefs carrying utm_* parameters
    trailing_slash: str  # archive href with a trailing slash


class Site(SiteCopy):
    """What the inbusiness.kz copy serves, and what it knows it served."""

    name = "inbusiness"
    domain = "inbusiness.kz"
    articles: list[Article]

    def __init__(self, generator: Generator, articles: list[Article]) -> None:
        self._generator = generator
        self.articles = articles
        self.by_path = {a.path: a for a in articles}
        self.faults = self._pick_faults()

    # -- content -------------------------------------------------------------------------
    def edition_articles(self, ed: str) -> list[Article]:
        """An edition's articles, newest first."""
        return sorted((a for a in self.articles if a.edition == ed), key=lambda a: a.published, reverse=True)

    def record(self, article: Article) -> dict:  # type: ignore[override]
        return article.expected_record()

    def article(self, url_or_path: str) -> Article:
        """The article behind a path or URL (query and trailing slash ignored)."""
        return self.by_path["/" + urlsplit(url_or_path).path.strip("/")]

    def edit(self, url_or_path: str) -> dict:
        """Change an article's text and set its modified time to the site's "now" (sitemap lastmods
        follow); its new record."""
        article = self.article(url_or_path)
        note = UPDATE_NOTE[article.edition]
        article.blocks.insert(text_spots(article)[-1], Text("p", note, html.escape(note)))
        # Edited "now": later than anything the site has, as on a live site, so the monthly
        # sitemap's own lastmod in the index moves too.
        article.modified = max(a.lastmod for a in self.articles) + timedelta(hours=1)
        return article.expected_record()

    def publish(self, edition: str = "ru") -> dict:
        """Add a new article on the newest day, after that edition's newest one; its record."""
        newest = max(a.published for a in self.articles if a.edition == edition)
        day_end = newest.replace(hour=23, minute=59)
        article = self._generator.article(edition, min(newest + timedelta(minutes=7), day_end), serial=1)
        article.related = [(a.path, a.title) for a in self.edition_articles(edition)[:2]]
        self.articles.append(article)
        self.by_path[article.path] = article
        return article.expected_record()

    def redesign(self) -> None:
        """Serve every article in the unknown layout, as after a redesign (for the canary)."""
        for article in self.articles:
            article.layout = LAYOUT_UNKNOWN

    # -- faults and listings ---------------------------------------------------------------
    def _pick_faults(self) -> Faults:
        fixed = {LAVROV_SLUG, TOKAEV[1]}  # the spec example and its related article stay plain

        def nth(ed: str, day: date, index: int, layout: str | None = None) -> Article:
            found = [a for a in self.articles if a.edition == ed and a.day == day and a.slug not in fixed
                     and (layout is None or a.layout == layout)]
            return found[index]

        oct17, oct18, oct19 = date(2022, 10, 17), date(2022, 10, 18), date(2022, 10, 19)
        feb29, mar1 = date(2024, 2, 29), date(2024, 3, 1)
        target = nth("ru", oct18, 7)
        special = {nth("ru", oct17, 3).path, nth("ru", feb29, 5, LAYOUT_B).path, target.path,
                   nth("ru", oct18, -1).path, nth("ru", feb29, 12).path, nth("ru", mar1, 2).path}
        cp1251 = next(a for a in self.articles if a.edition == "ru" and a.day == oct19 and a.layout == LAYOUT_A
                      and a.path not in special and _encodes(render_layout_a(a, "windows-1251")))
        tracking = tuple(a.path + TRACKING for i, a in enumerate(self.articles)
                         if i % 23 == 4 and a.path not in special | {cp1251.path} and a.slug not in fixed)
        return Faults(
            error_500_once=nth("ru", oct17, 3).path, rate_limit_429_once=nth("ru", feb29, 5, LAYOUT_B).path,
            redirect_old="/ru/last/old-slug-" + target.slug[:24].rstrip("-"), redirect_target=target.path,
            cp1251=cp1251.path, listed_twice=nth("ru", oct18, -1).path,
            removed="/ru/last/minfin-otozval-soobshchenie-o-novyh-nalogah",
            amp_listed="/amp" + nth("ru", feb29, 12).path, tracking_links=tracking,
            trailing_slash=nth("ru", mar1, 2).path + "/")

    def archive_entries(self, ed: str, day: date) -> list[Entry]:
        """A day archive's lines, newest first, with the listing quirks of ``self.faults``."""
        f, timed = self.faults, []
        for a in self.articles:
            if a.edition == ed and a.day == day:
                href = {f.redirect_target: f.redirect_old, f.trailing_slash[:-1]: f.trailing_slash}.get(a.path, a.path)
                href = a.path + TRACKING if a.path + TRACKING in f.tracking_links else href
                timed.append((a.published, Entry(href, a.title, f"{a.published:%H:%M}")))
                if "/amp" + a.path == f.amp_listed:
                    timed.append((a.published - timedelta(minutes=1), Entry(f.amp_listed, a.title, f"{a.published:%H:%M}")))
                if a.path == f.error_500_once and ed == "ru":
                    removed_at = a.published + timedelta(minutes=2)
                    timed.append((removed_at, Entry(f.removed, "Минфин отозвал сообщение о новых налогах",
                                                    f"{removed_at:%H:%M}")))
        twice = self.by_path[f.listed_twice]
        if (ed, day) == (twice.edition, twice.day + timedelta(days=1)):
            timed.append((twice.published, Entry(twice.path, twice.title, f"{twice.published:%H:%M}")))
        entries = [entry for _, entry in sorted(timed, key=lambda pair: pair[0], reverse=True)]
        if entries:
            promo = "Спецпроект: Бизнес-2024" if ed == "ru" else "Арнайы жоба: Бизнес-2024"
            entries.insert(min(3, len(entries)), Entry(f"/{ed}/specprojects/biznes-{day.year}", promo))
            if day.day % 2:
                entries.insert(min(12, len(entries)), Entry(f"/{ed}/tv_programs/delovoe-utro", "Деловое утро"))
        return entries

    # -- routing -------------------------------------------------------------------------
    def respond(self, path_with_query: str, *, host: str | None = None, fired: set[str] | None = None) -> Response:
        """Answer one GET: (status, headers, body). ``fired`` is the caller's record of the
        once-faults already fired (a server's own set); without it no once-fault fires."""
        split = urlsplit(path_with_query)
        path, query = split.path, parse_qs(split.query)
        base = f"http://{host}" if host else "http://127.0.0.1"
        parts = [p for p in path.split("/") if p]
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, render_robots(base).encode()
        if path == "/sitemap.xml":
            return 200, {"Content-Type": XML}, render_sitemap_index(self._sitemap_files(), base).encode()
        if match := re.fullmatch(r"/sitemap/(ru|kz)-(\d{4}-\d{2})\.xml", path):
            chosen = [a for a in self.edition_articles(match[1]) if f"{a.published:%Y-%m}" == match[2]]
            if chosen:
                return 200, {"Content-Type": XML}, render_sitemap(chosen, base).encode()
        elif parts[:1] == ["amp"] and len(parts) == 4 and (article := self.by_path.get("/" + "/".join(parts[1:]))):
            return 200, {"Content-Type": HTML}, render_amp(article).encode()
        elif parts and parts[0] in EDITIONS:
            return self._edition_page(parts, query, base, fired)
        return not_found()

    def _edition_page(self, parts: list[str], query: dict, base: str, fired: set[str] | None) -> Response:
        ed = parts[0]
        if len(parts) == 1:
            return 200, {"Content-Type": HTML}, render_plain("inbusiness.kz", "Деловой портал", ed).encode()
        if parts[1:] == ["lastnews"]:
            return self._archive(ed, query)
        if parts[1:] == ["rss"]:
            body = render_rss(ed, self.edition_articles(ed), base)
            return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, body.encode()
        if parts[1] in NOT_ARTICLE_SECTIONS:
            return 200, {"Content-Type": HTML}, render_plain(parts[-1], "Раздел сайта", ed).encode()
        if parts[1] in ("last", "news") and len(parts) == 3:
            return self._article_page("/" + "/".join(parts), fired)
        return not_found()

    def _article_page(self, path: str, fired: set[str] | None) -> Response:
        f, article = self.faults, self.by_path.get(path)
        if path == f.redirect_old:
            return 301, {"Location": f.redirect_target, "Content-Type": HTML}, b""
        if article is None:
            return not_found()
        for once, status, headers in ((f.error_500_once, 500, {}), (f.rate_limit_429_once, 429, {"Retry-After": "1"})):
            if path == once and fire_once(fired, path):
                page = render_plain("Ошибка", "Попробуйте позже")
                return status, {"Content-Type": HTML, **headers}, page.encode()
        charset = "windows-1251" if path == f.cp1251 else "utf-8"
        if article.layout == LAYOUT_UNKNOWN:
            teasers = [a for a in self.edition_articles(article.edition) if a is not article][:6]
            page = render_unknown(article, teasers, charset)
        else:
            page = (render_layout_a if article.layout == LAYOUT_A else render_layout_b)(article, charset)
        return 200, {"Content-Type": f"text/html; charset={charset}"}, page.encode(charset)

    def _archive(self, ed: str, query: dict) -> Response:
        latest = "date" not in query
        try:
            day = self.days[-1] if latest else date.fromisoformat(query["date"][0])
            page = int(query.get("page", ["1"])[0])
        except ValueError:
            return 400, {"Content-Type": HTML}, render_plain("400", "Неверная дата").encode()
        entries = self.archive_entries(ed, day)
        pages = max(1, -(-len(entries) // PAGE_SIZE))
        if not 1 <= page <= pages:
            return not_found()
        shown = entries[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        if latest:  # the feed of "today" prints relative dates
            today = "Сегодня" if ed == "ru" else "Бүгін"
            shown = [Entry(e.href, e.title, e.time and f"{today}, {e.time}") for e in shown]
        next_href = None
        if page < pages:
            next_href = f"/{ed}/lastnews?page={page + 1}" if latest else \
                f"/{ed}/lastnews?date={day.isoformat()}&page={page + 1}"
        return 200, {"Content-Type": HTML}, render_archive(ed, day, shown, page, next_href).encode()

    def _sitemap_files(self) -> dict:
        files: dict = {}
        for a in self.articles:
            name = f"{a.edition}-{a.published:%Y-%m}"
            files[name] = max(files.get(name, a.lastmod), a.lastmod)
        return files


def not_found() -> Response:
    return 404, {"Content-Type": HTML}, render_plain("404", "Страница не найдена").encode()


def _encodes(page: str) -> bool:
    try:
        page.encode("windows-1251")
    except UnicodeEncodeError:
        return False
    return True


def build_site(seed: int = 2024) -> Site:
    """The demo site: same seed, same articles, pages and faults."""
    generator = Generator(seed)
    return Site(generator, generator.articles())
