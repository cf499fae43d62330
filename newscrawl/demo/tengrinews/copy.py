"""The tengrinews.kz copy: ``routes.respond`` behind the one demo server, plus once-faults.

Faults that fire once per server (``fired``): a 500 and a 429 with ``Retry-After``, each on its
own article of the 2024 window. Permanent quirks live in the data (``data.demo_data``): a removed
article (404, still on its day archive), an old slug (301), a link without its trailing slash,
an item listed on two days, a windows-1251 page under a header that says utf-8, videos and
galleries with ids among the items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from newscrawl.demo.core import Response, SiteCopy, fire_once, html_response, plain_page
from newscrawl.demo.tengrinews.content import TengriArticle
from newscrawl.demo.tengrinews.data import WINDOWS, CopyData
from newscrawl.demo.tengrinews.routes import respond


@dataclass(frozen=True)
class TengriFaults:
    """Once-faults by article path (tests refer to them)."""

    error_500_once: str
    rate_limit_429_once: str


class TengrinewsCopy(SiteCopy):
    """What the tengrinews copy serves, and what it knows it served."""

    name = "tengrinews"
    domain = "tengrinews.kz"
    articles: list[TengriArticle]

    def __init__(self, data: CopyData) -> None:
        self.data = data
        self.articles = [item for item in data.items if item.is_article and item.id not in data.gone]
        first_day = [a for a in self.articles if a.day == WINDOWS["2024"][0] and not a.listed_as]
        self.faults = TengriFaults(error_500_once=first_day[0].path, rate_limit_429_once=first_day[1].path)
        #: The day the copy pretends it is: its listings print "Сегодня"/"Вчера" relative to it.
        self.served: date = self.days[-1]

    def record(self, article: TengriArticle) -> dict:  # type: ignore[override]
        return article.expected_record()

    def respond(self, path_with_query: str, *, host: str | None = None, fired: set[str] | None = None) -> Response:
        path = urlsplit(path_with_query).path
        if path == self.faults.error_500_once and fire_once(fired, path):
            return html_response(plain_page("500", "Internal Server Error"), 500)
        if path == self.faults.rate_limit_429_once and fire_once(fired, path):
            return html_response(plain_page("429", "Too Many Requests"), 429, **{"Retry-After": "1"})
        reply = respond(self.data, path_with_query, f"http://{host or '127.0.0.1'}", self.served)
        return reply.status, reply.headers, reply.body
