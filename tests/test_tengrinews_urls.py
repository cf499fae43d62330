"""tengrinews.kz URL rules and listing markup, from its declaration (spec: tengrinews-site.md, "URL map")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from parsel import Selector

from newscrawl.discover.archive import archive_url, next_page_url, read_listing
from newscrawl.discover.sitemaps import sitemap_child_wanted
from newscrawl.sites.tengrinews import TENGRINEWS
from newscrawl.urls import article_request_url, canonical_url

ARCHIVE = Path(__file__).parent / "fixtures" / "tengrinews" / "listing-2024-02-29.html"
BASE = "http://127.0.0.1:8002"
ZHANDOSOVA = "/kazakhstan_news/v-almatyi-perekroyut-ulitsu-zhandosova-do-kontsa-marta-529843/"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://tengrinews.kz" + ZHANDOSOVA, "https://tengrinews.kz" + ZHANDOSOVA),
    ("https://tengrinews.kz/world_news/slug-478001", "https://tengrinews.kz/world_news/slug-478001/"),  # same page
    ("https://tengrinews.kz/events/pojar-v-almatyi-584000/?utm_source=tg#comm", "https://tengrinews.kz/events/pojar-v-almatyi-584000/"),
    ("https://tengrinews.kz/video/obzor-sobyitiy-dnya-529820/", None),
    ("https://tengrinews.kz/photo/zima-v-astane-529822/", None),
    ("https://tengrinews.kz/special/proekt-529823/", None),
    ("https://tengrinews.kz/tag/almatyi-52984/", None),
    ("https://tengrinews.kz/author/12345/", None),
    ("https://tengrinews.kz/search/?q=529843", None),
    ("https://tengrinews.kz/kazakhstan_news/", None),  # a section front
    ("https://tengrinews.kz/kazakhstan_news/page/2/", None),
    ("https://tengrinews.kz/news/2024/02/29/", None),
    ("https://tengrinews.kz/kazakhstan_news/slug-1234/", None),  # ids have 5+ digits
    ("https://tengrinews.kz/kazakhstan_news/slug-529843/comments/", None),
    ("mailto:news@tengrinews.kz", None),
])
def test_article_is_told_by_section_slug_and_numeric_id(url: str, expected: str | None) -> None:
    assert article_request_url(url, TENGRINEWS) == expected


def test_request_form_keeps_the_trailing_slash_and_drops_tracking() -> None:
    assert (article_request_url(BASE + "/world_news/slug-478001?utm_source=tengrinews&utm_medium=lenta#x", TENGRINEWS)
            == BASE + "/world_news/slug-478001/")
    assert article_request_url(BASE + ZHANDOSOVA + "?page=2&fbclid=1", TENGRINEWS) == BASE + ZHANDOSOVA + "?page=2"


def test_record_form_has_no_tracking_and_no_trailing_slash() -> None:
    url = "https://tengrinews.kz" + ZHANDOSOVA + "?utm_source=tengrinews&utm_medium=lenta"
    assert canonical_url(url) == "https://tengrinews.kz" + ZHANDOSOVA.rstrip("/")


def test_day_archive_and_latest_urls() -> None:
    assert archive_url(BASE + "/", TENGRINEWS, "ru", date(2024, 2, 29)) == BASE + "/news/2024/02/29/"
    assert archive_url(BASE, TENGRINEWS, "ru") == BASE + "/news/"


def test_listing_takes_only_the_days_items_and_refuses_the_video() -> None:
    page = BASE + "/news/2024/02/29/"
    listing = read_listing(Selector(text=ARCHIVE.read_text(encoding="utf-8")), page, TENGRINEWS)
    assert listing.recognised
    assert listing.links == [
        BASE + ZHANDOSOVA,
        BASE + "/kazakhstan_news/sinoptiki-poobeschali-poteplenie-na-yuge-stranyi-529830/",
        BASE + "/kazakhstan_news/v-karagande-otkryili-novyiy-tsentr-obsluzhivaniya-naseleniya-529811/",
        BASE + "/kazakhstan_news/kurs-dollara-na-29-fevralya-529790/",
    ]
    assert listing.refused == [("/video/obzor-sobyitiy-dnya-529820/", "not_article")]
    assert not any("528101" in link for link in listing.links)  # the sidebar's "Самое читаемое"


def test_next_page_from_the_pagination_link_or_the_head_link_on_the_crawled_host() -> None:
    page = BASE + "/news/2024/02/29/"
    assert next_page_url(Selector(text=ARCHIVE.read_text(encoding="utf-8")), page, TENGRINEWS) == page + "page/2/"
    head_only = '<html><head><link rel="next" href="https://tengrinews.kz/news/2024/02/29/page/3/"></head></html>'
    assert next_page_url(Selector(text=head_only), page, TENGRINEWS) == page + "page/3/"
    assert next_page_url(Selector(text="<div class='pagination'><span>1</span></div>"), page, TENGRINEWS) is None


@pytest.mark.parametrize(("child", "read"), [
    ("/sitemap-news-2024-02.xml", True), ("/sitemaps/sitemap-news3.xml", True),
    ("/sitemap-pages.xml", False), ("/sitemap-news/../sitemap-pages2.xml", False),
])
def test_only_the_index_children_named_sitemap_news_are_read(child: str, read: bool) -> None:
    assert sitemap_child_wanted(BASE + child, TENGRINEWS, ("ru",), None) is read
