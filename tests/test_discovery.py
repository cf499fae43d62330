"""Where article URLs come from: listings, sitemaps, RSS — pure functions over saved bodies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parsel import Selector
from scrapy.http import XmlResponse

from newscrawl.discover.archive import archive_url, next_page_url, read_listing
from newscrawl.discover.feeds import monthly_sitemap_wanted, rss_links, sitemap_entries
from newscrawl.incremental import LASTMOD_KEY, SOURCE_KEY
from spiders.inbusiness import InbusinessSpider

LISTING = Path(__file__).parent / "fixtures" / "inbusiness" / "listing-2022-10-18.html"
PAGE = "http://127.0.0.1:8000/ru/lastnews?date=2022-10-18"


def test_listing_gives_article_urls_without_tracking_and_refuses_the_special_project() -> None:
    listing = read_listing(Selector(text=LISTING.read_text(encoding="utf-8")), PAGE)
    assert listing.recognised
    assert listing.links == [
        "http://127.0.0.1:8000/ru/last/kurs-tenge-na-18-oktyabrya",
        "http://127.0.0.1:8000/ru/news/chto-budet-s-cenami-na-benzin-zimoj",
        "http://127.0.0.1:8000/ru/last/lavrov-zayavil-chto-nikomu-ne-pod-silu-vbit-klin-mezhdu-kazahstanom-i-rossiej",
    ]
    assert listing.refused == [("/ru/specprojects/biznes-2022", "not_article")]
    assert next_page_url(Selector(text=LISTING.read_text(encoding="utf-8")), PAGE) == PAGE + "&page=2"


def test_listing_refuses_other_schemes_and_hosts_with_a_reason() -> None:
    html = """<div class="news-list">
      <div class="news-item"><a class="news-item__title" href="javascript:void(0)">x</a></div>
      <div class="news-item"><a class="news-item__title" href="mailto:a@b.kz">x</a></div>
      <div class="news-item"><a class="news-item__title" href="https://evil.example/ru/last/x">x</a></div>
      <div class="news-item"><a class="news-item__title" href="/ru/last/ok/">x</a></div></div>"""
    listing = read_listing(Selector(text=html), PAGE)
    assert listing.links == ["http://127.0.0.1:8000/ru/last/ok"]
    assert [reason for _, reason in listing.refused] == ["scheme", "scheme", "offsite"]


def test_unknown_listing_markup_falls_back_to_article_shaped_links() -> None:
    html = '<ul class="feed"><li><a href="/kz/last/a">a</a></li><li><a href="/kz/tag/b">b</a></li></ul>'
    listing = read_listing(Selector(text=html), PAGE)
    assert not listing.recognised and listing.links == ["http://127.0.0.1:8000/kz/last/a"]


def test_archive_urls() -> None:
    assert archive_url("https://inbusiness.kz/", "kz", date(2024, 3, 1)) == "https://inbusiness.kz/kz/lastnews?date=2024-03-01"
    assert archive_url("https://inbusiness.kz", "ru") == "https://inbusiness.kz/ru/lastnews"


SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://inbusiness.kz/sitemap/ru-2024-03.xml</loc><lastmod>2024-03-02T22:00:00+05:00</lastmod></sitemap>
<sitemap><loc>https://inbusiness.kz/sitemap/kz-2024-03.xml</loc><lastmod>2024-03-02T21:00:00+05:00</lastmod></sitemap>
<sitemap><loc>https://inbusiness.kz/sitemap/ru-2023-12.xml</loc><lastmod>2023-12-31T20:00:00+06:00</lastmod></sitemap>
</sitemapindex>"""
URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://inbusiness.kz/ru/last/new-one</loc><lastmod>2024-03-02T10:00:00+05:00</lastmod></url>
<url><loc>https://inbusiness.kz/ru/specprojects/x</loc></url>
<url><loc>https://inbusiness.kz/ru/news/old-one</loc><lastmod>2024-02-01T10:00:00+06:00</lastmod></url>
</urlset>"""


def test_sitemap_entries_and_monthly_selection() -> None:
    kind, streamed = sitemap_entries(SITEMAP_INDEX)
    entries = list(streamed)
    assert kind == "sitemapindex" and entries[0] == ("https://inbusiness.kz/sitemap/ru-2024-03.xml",
                                                     "2024-03-02T22:00:00+05:00")
    wanted = [loc for loc, _ in entries if monthly_sitemap_wanted(loc, ("ru",), date(2024, 3, 1))]
    assert wanted == ["https://inbusiness.kz/sitemap/ru-2024-03.xml"]


def test_sitemaps_of_a_copy_that_name_the_real_site_are_crawled_on_the_copy() -> None:
    spider = InbusinessSpider(base_url="http://127.0.0.1:8000", editions="ru", since="2024-02-15")
    index = XmlResponse("http://127.0.0.1:8000/sitemap.xml", body=SITEMAP_INDEX)
    (monthly,) = list(spider.parse_sitemap(index))
    assert monthly.url == "http://127.0.0.1:8000/sitemap/ru-2024-03.xml"
    assert monthly.meta[SOURCE_KEY] == "https://inbusiness.kz/sitemap/ru-2024-03.xml"
    month = XmlResponse(monthly.url, body=URLSET)
    (article,) = list(spider.parse_sitemap(month))  # the special project and the pre-`since` one are left
    assert article.url == "http://127.0.0.1:8000/ru/last/new-one"
    assert article.meta[LASTMOD_KEY] == "2024-03-02T10:00:00+05:00"


def test_rss_item_links() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel>
      <item><title>a</title><link>https://inbusiness.kz/kz/last/a?utm_source=rss</link></item>
      <item><title>b</title><link> https://inbusiness.kz/kz/news/b </link></item></channel></rss>"""
    assert list(rss_links(rss)) == ["https://inbusiness.kz/kz/last/a?utm_source=rss", "https://inbusiness.kz/kz/news/b"]
