"""Dates and bylines of pages of unknown sites: declared first, printed last, offsets kept."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from parsel import Selector

from newscrawl.extract.authors_generic import find_authors
from newscrawl.extract.date_parsing import date_in_url, parse_printed, parse_stamp
from newscrawl.extract.date_words import month_number
from newscrawl.extract.dates_generic import FoundDate, find_modified, find_published


def page(head: str = "", body: str = "") -> Selector:
    return Selector(text=f"<html><head>{head}</head><body>{body}</body></html>")


def test_json_ld_stamp_keeps_the_offset_the_page_gives() -> None:
    found = find_published(page('<script type="application/ld+json">{"@type": "NewsArticle", '
                                '"datePublished": "2023-03-05T09:30:00+05:00"}</script>'))
    assert found == FoundDate(datetime(2023, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=5))), "json-ld")
    assert not found.needs_zone
    assert found.resolve(ZoneInfo("Europe/Kyiv")) == found.moment


def test_json_ld_date_of_a_webpage_in_a_graph_counts_and_placeholders_do_not() -> None:
    ld = ('{"@graph": [{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"},'
          ' {"@type": "WebPage", "datePublished": "2018-04-18T14:39:09+02:00"}]}')
    found = find_published(page(f'<script type="application/ld+json">{ld}</script>'))
    assert found is not None and found.moment.isoformat() == "2018-04-18T14:39:09+02:00"


@pytest.mark.parametrize(("meta", "expected"), [
    ('<meta property="article:published_time" content="2019-11-19T11:00:09.000Z">', "2019-11-19T11:00:09+00:00"),
    ('<meta property="article:published" itemprop="datePublished dateCreated" content="2019-11-19T11:00:09Z">',
     "2019-11-19T11:00:09+00:00"),
    ('<meta name="parsely-pub-date" content="2019-11-18T21:05:00-0500">', "2019-11-18T21:05:00-05:00"),
    ('<meta name="sailthru.date" content="2019-11-18 21:05:00">', "2019-11-18T21:05:00"),
    ('<meta name="DC.date.issued" content="2019-11-18">', "2019-11-18T00:00:00"),
    ('<meta name="parsely-page" content=\'{"pub_date": "2019-11-18T10:00:00Z"}\'>', "2019-11-18T10:00:00+00:00"),
])
def test_meta_tags_publishers_write(meta: str, expected: str) -> None:
    found = find_published(page(meta))
    assert found is not None and found.moment.isoformat() == expected


def test_time_element_datetime() -> None:
    found = find_published(page(body='<article><time datetime="2024-02-29T23:10:00+06:00">вчера</time></article>'))
    assert found is not None and found.source == "time" and found.moment.utcoffset() == timedelta(hours=6)


@pytest.mark.parametrize(("printed", "languages", "expected"), [
    ("18 октября 2022, 10:45", ("ru",), datetime(2022, 10, 18, 10, 45)),
    ("18 окт. 2022 г. в 10:45", ("ru",), datetime(2022, 10, 18, 10, 45)),
    ("1 мая 2021", ("ru",), datetime(2021, 5, 1)),
    ("2022 жылғы 18 қазан 10:45", ("kk",), datetime(2022, 10, 18, 10, 45)),
    ("5 листопада 2023 р. о 14:20", ("uk",), datetime(2023, 11, 5, 14, 20)),
    ("2024-жылдын 25-январы", ("ky",), datetime(2024, 1, 25)),
    ("12 sentabr 2023, 08:05", ("uz",), datetime(2023, 9, 12, 8, 5)),
    ("Written by Rachael Link on November 14, 2019", ("en",), datetime(2019, 11, 14)),
    ("Nov. 19, 2019 at 3:05 p.m.", (), datetime(2019, 11, 19, 15, 5)),
    ("Опубликовано: 05.10.2018 12:00", (), datetime(2018, 10, 5, 12, 0)),
])
def test_printed_dates_in_the_pages_language_are_naive(printed: str, languages: tuple[str, ...],
                                                       expected: datetime) -> None:
    moment, day_only = parse_printed(printed, languages)
    assert moment == expected and moment.tzinfo is None
    assert day_only == (expected.hour == expected.minute == 0)


def test_printed_date_is_read_in_the_zone_the_caller_names() -> None:
    found = find_published(page(body='<div class="article-date">18 октября 2022, 10:45</div>'), languages=("ru",))
    assert found is not None and found.source == "text" and found.needs_zone
    assert found.resolve(None) is None
    assert found.resolve(ZoneInfo("Asia/Almaty")).isoformat() == "2022-10-18T10:45:00+06:00"


def test_declared_date_wins_over_printed_and_url() -> None:
    selector = page('<meta property="article:published_time" content="2022-10-17T08:00:00+06:00">',
                    '<span class="date">18 октября 2022</span>')
    found = find_published(selector, url="https://site.kz/2022/10/19/slug")
    assert found is not None and found.source == "meta:article:published_time" and found.moment.day == 17


def test_url_date_is_the_last_resort_and_a_day_only() -> None:
    found = find_published(page(body="<p>No date here.</p>"), url="https://site.kz/news/2019/nov/19/slug/")
    assert found == FoundDate(datetime(2019, 11, 19), "url", day_only=True)
    assert find_published(page(body="<p>No date here.</p>"), url="https://site.kz/news/slug") is None


@pytest.mark.parametrize(("url", "expected"), [
    ("https://a.kz/2019/11/19/slug", datetime(2019, 11, 19)),
    ("https://a.kz/story/2019-11-19/slug", datetime(2019, 11, 19)),
    ("https://a.kz/news/20191119/12345.html", datetime(2019, 11, 19)),
    ("https://a.kz/2019/13/40/slug", None),
    ("https://a.kz/news/123456-slug", None),
])
def test_date_in_url(url: str, expected: datetime | None) -> None:
    assert date_in_url(url) == expected


def test_stamps_in_rfc_2822_and_junk() -> None:
    assert parse_stamp("Tue, 19 Nov 2019 10:00:00 GMT") == datetime(2019, 11, 19, 10, tzinfo=timezone.utc)
    assert parse_stamp("yesterday") is None
    assert parse_stamp("0000-00-00") is None


def test_modified_date() -> None:
    found = find_modified(page('<meta property="article:modified_time" content="2020-01-02T03:04:05+03:00">'))
    assert found is not None and found.moment.isoformat() == "2020-01-02T03:04:05+03:00"


def test_month_words_are_data_per_language() -> None:
    assert month_number("марта", ("ru",)) == 3 and month_number("мая", ("ru",)) == 5
    assert month_number("наурыздың", ("kk",)) == 3
    assert month_number("березня", ("uk",)) == 3
    assert month_number("March", ()) == 3
    assert month_number("погода", ("ru",)) is None


@pytest.mark.parametrize(("html", "expected"), [
    ('<meta name="parsely-author" content="Ana Swanson">', ["Ana Swanson"]),
    ('<meta name="byl" content="By Jamelle Bouie">', ["Jamelle Bouie"]),
    ('<div class="byline">By LISA MASCARO and ERIC TUCKER | Nov. 19, 2019</div>', ["LISA MASCARO", "ERIC TUCKER"]),
    ('<span itemprop="author"><span itemprop="name">Айгерим Сейтова</span></span>', ["Айгерим Сейтова"]),
    ('<p class="article-author">Автор: Иван Петров, 18 октября 2022</p>', ["Иван Петров"]),
    ('<div class="comments"><span class="comment-author">Guest Reader</span></div>'
     '<form><label class="author">Name *</label></form>', []),
])
def test_bylines_where_structured_data_names_nobody(html: str, expected: list[str]) -> None:
    assert find_authors(page(body=html) if "<meta" not in html else page(head=html)) == expected
