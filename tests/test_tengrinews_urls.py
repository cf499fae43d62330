"""tengrinews.kz URL rules and listing markup (spec: tengrinews-site.md, "URL map")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from parsel import Selector

from newscrawl.discover.tengrinews import (
    article_id,
    article_request_url,
    day_archive_url,
    day_of_archive,
    listing_date,
    news_sitemaps,
    next_page_url,
    read_listing,
)
from newscrawl.urls import canonical_url

ARCHIVE = Path(__file__).parent / "fixtures" / "tengrinews" / "listing-2024-02-29.html"
BASE = "http://127.0.0.1:8002"
ZHANDOSOVA = "/kazakhstan_news/v-almatyi-perekroyut-ulitsu-zhandosova-do-kontsa-marta-529843/"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://tengrinews.kz" + ZHANDOSOVA, "529843"),
    ("https://tengrinews.kz/world_news/slug-478001", "478001"),  # no trailing slash: same page
    ("https://tengrinews.kz/events/pojar-v-almatyi-584000/?utm_source=tg#comm", "584000"),
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
    assert article_id(url) == expected


def test_request_form_keeps_the_trailing_slash_and_drops_tracking() -> None:
    assert (article_request_url(BASE + "/world_news/slug-478001?utm_source=tengrinews&utm_medium=lenta#x")
            == BASE + "/world_news/slug-478001/")
    assert article_request_url(BASE + ZHANDOSOVA + "?page=2&fbclid=1") == BASE + ZHANDOSOVA + "?page=2"
    assert article_request_url(BASE + "/video/obzor-529820/") is None


def test_record_form_has_no_tracking_and_no_trailing_slash() -> None:
    url = "https://tengrinews.kz" + ZHANDOSOVA + "?utm_source=tengrinews&utm_medium=lenta"
    assert canonical_url(url) == "https://tengrinews.kz" + ZHANDOSOVA.rstrip("/")


def test_day_archive_urls_round_trip() -> None:
    day = date(2024, 2, 29)
    assert day_archive_url(BASE + "/", day) == BASE + "/news/2024/02/29/"
    assert day_archive_url(BASE, day, page=3) == BASE + "/news/2024/02/29/page/3/"
    assert day_of_archive(day_archive_url(BASE, day, 3)) == (day, 3)
    assert day_of_archive(BASE + "/news/2024/02/30/") is None
    assert day_of_archive(BASE + ZHANDOSOVA) is None


def test_listing_takes_only_the_days_items_and_refuses_the_video() -> None:
    page = BASE + "/news/2024/02/29/"
    listing = read_listing(Selector(text=ARCHIVE.read_text(encoding="utf-8")), page)
    assert listing.recognised
    assert listing.links == [
        BASE + ZHANDOSOVA,
        BASE + "/kazakhstan_news/sinoptiki-poobeschali-poteplenie-na-yuge-stranyi-529830/",
        BASE + "/kazakhstan_news/v-karagande-otkryili-novyiy-tsentr-obsluzhivaniya-naseleniya-529811/",
        BASE + "/kazakhstan_news/kurs-dollara-na-29-fevralya-529790/",
    ]
    assert listing.refused == [("/video/obzor-sobyitiy-dnya-529820/", "not_article")]
    assert not any("528101" in link for link in listing.links)  # the sidebar's "Самое читаемое"


def test_next_page_from_the_pagination_link_or_the_head_link() -> None:
    page = BASE + "/news/2024/02/29/"
    assert next_page_url(Selector(text=ARCHIVE.read_text(encoding="utf-8")), page) == page + "page/2/"
    head_only = '<html><head><link rel="next" href="https://tengrinews.kz/news/2024/02/29/page/3/"></head></html>'
    assert next_page_url(Selector(text=head_only), page) == "https://tengrinews.kz/news/2024/02/29/page/3/"
    assert next_page_url(Selector(text="<div class='pagination'><span>1</span></div>"), page) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Сегодня, 10:45", "2024-03-01T10:45:00+05:00"),
    ("Вчера, 23:55", "2024-02-29T23:55:00+06:00"),
    ("29 февраля 2024, 23:55", "2024-02-29T23:55:00+06:00"),
    ("", None),
])
def test_listing_dates_relative_to_the_day_served(text: str, expected: str | None) -> None:
    moment = listing_date(text, today=date(2024, 3, 1))
    assert (moment.isoformat() if moment else None) == expected


def test_news_sitemaps_are_the_index_children_named_sitemap_news() -> None:
    children = [BASE + "/sitemap-news-2024-02.xml", BASE + "/sitemap-pages.xml", BASE + "/sitemaps/sitemap-news3.xml",
                BASE + "/sitemap-news/../sitemap-pages2.xml"]
    assert news_sitemaps(children) == [BASE + "/sitemap-news-2024-02.xml", BASE + "/sitemaps/sitemap-news3.xml"]
