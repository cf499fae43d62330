"""What every local site copy shares: the answer type, once-faults, and the records it served.

A copy (``SiteCopy``) holds its articles as data and renders them with its own templates; the
one HTTP server (``server.py``) calls ``respond`` and keeps the log and the set of fired faults.
``expected_records`` is written here once: a copy only says how one article becomes a record.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from html import escape
from typing import ClassVar, Protocol

#: (status, headers, body) of one answer.
Response = tuple[int, dict[str, str], bytes]
HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
JSON = "application/json; charset=UTF-8"


class Served(Protocol):
    """An article as a copy holds it: what ``expected_records`` filters and orders on."""

    edition: str
    published: datetime

    @property
    def path(self) -> str: ...

    @property
    def day(self) -> date: ...


class SiteCopy(ABC):
    """A local copy of one site: its articles (data), how it answers a GET (its templates and
    faults), and the record a crawl must export for each article it serves."""

    #: The spider that crawls it (``scrapy crawl NAME``) and the name ``--site`` takes.
    name: ClassVar[str]
    #: The real site's domain, as records give it.
    domain: ClassVar[str]
    articles: Sequence[Served]

    @abstractmethod
    def respond(self, path_with_query: str, *, host: str | None = None, fired: set[str] | None = None) -> Response:
        """Answer one GET. ``fired`` is the server's record of once-faults already fired;
        without it no once-fault fires (a test then sees every page as it finally answers)."""

    @abstractmethod
    def record(self, article: Served) -> dict:
        """The record newscrawl must export for ``article``, written from the copy's data."""

    @property
    def days(self) -> list[date]:
        """Sorted days (the site's time zone) that have articles."""
        return sorted({a.day for a in self.articles})

    def windows(self) -> list[tuple[date, date]]:
        """The runs of consecutive days the copy holds every article of (it has gaps between)."""
        return day_windows(self.days)

    def expected_records(self, since: date | None = None, until: date | None = None,
                         editions: Iterable[str] | None = None) -> list[dict]:
        """The records a crawl must export for articles published in [since, until] (days by the
        site's clock) of ``editions`` (edition codes as in URLs; default all), oldest first."""
        wanted = set(editions) if editions is not None else None
        chosen = [a for a in self.articles if (wanted is None or a.edition in wanted)
                  and (since is None or a.day >= since) and (until is None or a.day <= until)]
        return [self.record(a) for a in sorted(chosen, key=lambda a: (a.published, a.path))]


def day_windows(days: Sequence[date]) -> list[tuple[date, date]]:
    """``[d1, d2, d3, d7]`` -> ``[(d1, d3), (d7, d7)]``: first and last day of each consecutive run."""
    windows: list[tuple[date, date]] = []
    for day in sorted(days):
        if windows and (day - windows[-1][1]).days == 1:
            windows[-1] = (windows[-1][0], day)
        else:
            windows.append((day, day))
    return windows


def fire_once(fired: set[str] | None, key: str) -> bool:
    """True the first time ``key`` is met in ``fired`` (then remembered); never without a set."""
    if fired is None or key in fired:
        return False
    fired.add(key)
    return True


def html_response(page: str, status: int = 200, **headers: str) -> Response:
    return status, {"Content-Type": HTML, **headers}, page.encode()


def json_response(data: object, status: int = 200, **headers: str) -> Response:
    return status, {"Content-Type": JSON, **headers}, json.dumps(data, ensure_ascii=False).encode()


def redirect(location: str, status: int = 301) -> Response:
    return status, {"Location": location, "Content-Type": HTML}, b""


def plain_page(title: str, text: str, lang: str = "ru", links: Sequence[tuple[str, str]] = ()) -> str:
    """A small page that is not an article (fronts, rubrics, errors), with optional links."""
    items = "".join(f'<li><a href="{escape(href)}">{escape(label, quote=False)}</a></li>' for href, label in links)
    listing = f"<ul>{items}</ul>" if items else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"</head>\n<body><h1>{escape(title)}</h1><p>{escape(text)}</p>{listing}</body>\n</html>\n")


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render_urlset(urls: Iterable[tuple[str, str | None]]) -> str:
    """A sitemap file: one ``<url>`` per (loc, lastmod), without ``<lastmod>`` where it is None."""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n{_entries("url", urls)}</urlset>\n'


def render_sitemapindex(files: Iterable[tuple[str, str | None]]) -> str:
    """A sitemap index: one ``<sitemap>`` per (loc, lastmod), without ``<lastmod>`` where it is None."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">\n'
            f'{_entries("sitemap", files)}</sitemapindex>\n')


def _entries(tag: str, entries: Iterable[tuple[str, str | None]]) -> str:
    return "".join(f"<{tag}><loc>{loc}</loc>{f'<lastmod>{lastmod}</lastmod>' if lastmod else ''}</{tag}>\n"
                   for loc, lastmod in entries)
