"""Fixture pages and their expected records: ``tests/fixtures/<site>/<layout>-<YYYY-MM-DD>.html``
beside the ``.json`` record it must give.

``python -m newscrawl.fixtures record [SITE ...]`` re-records the expected JSON with the code
the crawl runs, so that a change of extraction or cleaning shows as a diff to review, never as
JSON typed by hand. A page is extracted as served by a local copy with tracking parameters
(its canonical link, put on 127.0.0.1), as a crawl of a copy would meet it.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from parsel import Selector

from newscrawl.records import record_from_html
from newscrawl.sites import SITE_MODULES, Site, get_site
from newscrawl.urls import rebase

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
#: Where fixture pages are served from, as a local copy would be.
COPY_ROOT = "http://127.0.0.1:8000"
#: Pages in a site's fixture folder that are not articles (listings, archives).
NOT_ARTICLE_PREFIXES = ("listing", "archive", "sitemap")
#: Fixtures that are byte copies of the spec's examples (``/work/shared/spec/examples``): their
#: expected record is the spec's, never re-recorded.
SPEC_COPIES: dict[str, str] = {
    "inbusiness/layout_a-2022-10-18.html": "lavrov-klin.layout-a.html",
    "inbusiness/layout_a-2022-10-18.json": "lavrov-klin.expected.json",
    "kursiv/single-2024-03-01.html": "kursiv/nacbank-stavka.single.html",
    "kursiv/single-2024-03-01.json": "kursiv/nacbank-stavka.expected.json",
    "kursiv/archive-2024-03-01.html": "kursiv/archive-2024-03-01.html",
    "kursiv/sitemap-ru.xml": "kursiv/sitemap-ru.xml",
    "tengrinews/layout_l-2024-02-29.html": "tengrinews/zhandosova.layout-l.html",
    "tengrinews/listing-2024-02-29.html": "tengrinews/news-2024-02-29.html",
}


@dataclass(frozen=True)
class FixturePage:
    """One saved page: its site, the layout its name says it is in, its expected record file."""

    site: Site
    html: Path

    @property
    def layout(self) -> str:
        """``subcat-article-2022-11-15.html`` -> ``subcat-article`` (the name ends in a date)."""
        return self.html.stem[: -len("-YYYY-MM-DD")]

    @property
    def expected(self) -> Path:
        return self.html.with_suffix(".json")

    @property
    def from_spec(self) -> bool:
        """Whether the expected record is the spec's own (a copy of its example)."""
        return f"{self.site.name}/{self.expected.name}" in SPEC_COPIES

    def served_url(self) -> str:
        """The page's canonical URL on a local copy, with tracking parameters."""
        canonical = Selector(body=self.html.read_bytes()).css('link[rel="canonical"]::attr(href)').get()
        path = urlsplit(canonical).path if canonical else "/"
        return rebase(path, COPY_ROOT) + "?utm_source=fixture&utm_medium=test"

    def record(self) -> dict[str, object] | None:
        return record_from_html(self.html.read_bytes(), self.served_url(), site=self.site)


def fixture_pages(names: list[str] | None = None) -> list[FixturePage]:
    """Every article fixture page of the given sites (all registered sites by default)."""
    pages = []
    for name in names or list(SITE_MODULES):
        site = get_site(name)
        for html in sorted((FIXTURES / name).glob("*.html")):
            if not html.name.startswith(NOT_ARTICLE_PREFIXES):
                pages.append(FixturePage(site, html))
    return pages


def record_expected(names: list[str] | None = None) -> list[Path]:
    """Write each page's record as its expected JSON (the spec's examples excepted); the files
    written (changed or not)."""
    written = []
    for page in fixture_pages(names):
        if page.from_spec:
            continue
        record = page.record()
        text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        page.expected.write_text(text, encoding="utf-8")
        written.append(page.expected)
    return written


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "record" or any(name not in SITE_MODULES for name in argv[1:]):
        print(f"usage: python -m newscrawl.fixtures record [SITE ...]  (sites: {', '.join(SITE_MODULES)})",
              file=sys.stderr)
        return 2
    for path in record_expected(argv[1:] or None):
        print(f"recorded {path.relative_to(FIXTURES.parent.parent)}")
    print("review the change: git diff tests/fixtures")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
