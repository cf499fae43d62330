"""Where article URLs come from: listings, sitemaps, RSS — pure functions over saved bodies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parsel import Selector
from scrapy.http import XmlResponse

from newscrawl.discover.archive import archive_url, next_page_url, read_listing
from newscrawl.discover.feeds import rss_links, sitemap_entries
from newscrawl.discover.sitemaps import sitemap_child_wanted
from newscrawl.incremental import ARTICLE_KEY, LASTMOD_KEY, SOURCE_KEY
from newscrawl.sites.inbusiness import INBUSINESS
from newscrawl.sites.kursiv import KURSIV
from spiders.inbusiness import InbusinessSpider
from spiders.kursiv import KursivSpider

LISTING = Path(__file__).parent / "fixtures" / "inbusiness" / "listing-2022-10-18.html"
PAGE = "http://127.0.0.1:8000/ru/lastnews?date=2022-10-18"


def test_listing_gives_article_urls_without_tracking_and_refuses_the_special_project() -> None:
    listing = read_listing(Selector(text=LISTING.read_text(encoding="utf-8")), PAGE, INBUSINESS)
    assert listing.recognised
    assert listing.links == [
        "http://127.0.0.1:8000/ru/last/kurs-tenge-na-18-oktyabrya",
        "http://127.0.0.1:8000/ru/news/chto-budet-s-cenami-na-benzin-zimoj",
        "http://127.0.0.1:8000/ru/last/lavrov-zayavil-chto-nikomu-ne-pod-silu-vbit-klin-mezhdu-kazahstanom-i-rossiej",
    ]
    assert listing.refused == [("/ru/specprojects/biznes-2022", "not_article")]
    assert next_page_url(Selector(text=LISTING.read_text(encoding="utf-8")), PAGE, INBUSINESS) == PAGE + "&page=2"


def test_listing_refuses_other_schemes_and_hosts_with_a_reason() -> None:
    html = """<div class="news-list">
      <div class="news-item"><a class="news-item__title" href="javascript:void(0)">x</a></div>
      <div class="news-item"><a class="news-item__title" href="mailto:a@b.kz">x</a></div>
      <div class="news-item"><a class="news-item__title" href="https://evil.example/ru/last/x">x</a></div>
      <div class="news-item"><a class="news-item__title" href="/ru/last/ok/">x</a></div></div>"""
    listing = read_listing(Selector(text=html), PAGE, INBUSINESS)
    assert listing.links == ["http://127.0.0.1:8000/ru/last/ok"]
    assert [reason for _, reason in listing.refused] == ["scheme", "scheme", "offsite"]


def test_unknown_listing_markup_falls_back_to_article_shaped_links() -> None:
    html = '<ul class="feed"><li><a href="/kz/last/a">a</a></li><li><a href="/kz/tag/b">b</a></li></ul>'
    listing = read_listing(Selector(text=html), PAGE, INBUSINESS)
    assert not listing.recognised and listing.links == ["http://127.0.0.1:8000/kz/last/a"]


def test_archive_urls() -> None:
    assert archive_url("https://inbusiness.kz/", INBUSINESS, "kz", date(2024, 3, 1)) == "https://inbusiness.kz/kz/lastnews?date=2024-03-01"
    assert archive_url("https://inbusiness.kz", INBUSINESS, "ru") == "https://inbusiness.kz/ru/lastnews"


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
    wanted = [loc for loc, _ in entries if sitemap_child_wanted(loc, INBUSINESS, ("ru",), date(2024, 3, 1))]
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


# -- kursiv (WordPress): the spec's day archive and sitemaps ----------------------------------

KURSIV_FIXTURES = Path(__file__).parent / "fixtures" / "kursiv"


def test_kursiv_day_archive_gives_its_articles_slashed_without_tracking_and_refuses_the_partner_card() -> None:
    page = "http://127.0.0.1:8001/2024/03/01/"
    selector = Selector(text=(KURSIV_FIXTURES / "archive-2024-03-01.html").read_text(encoding="utf-8"))
    listing = read_listing(selector, page, KURSIV)
    assert listing.recognised
    assert listing.links == [  # the copy is crawled, though the archive links the real site
        "http://127.0.0.1:8001/2024-03-01/air-astana-uvelichit-chislo-rejsov/",
        "http://127.0.0.1:8001/2024-03-01/tenge-ukrepilsya-k-dollaru/",
        "http://127.0.0.1:8001/2024-03-01/nacbank-sohranil-bazovuyu-stavku/",
    ]
    assert listing.refused == [("/special/kursiv-guide-2024/", "not_article")]
    assert next_page_url(selector, page, KURSIV) is None  # the last page
    paged = '<div class="archive__list"></div><a class="next page-numbers" href="/2024/03/01/page/2/">Далее</a>'
    assert next_page_url(Selector(text=paged), page, KURSIV) == "http://127.0.0.1:8001/2024/03/01/page/2/"


def test_kursiv_sitemaps_by_edition_and_month() -> None:
    spider = KursivSpider(base_url="http://127.0.0.1:8001", editions="ru,kk", since="2024-03-01")
    top = f"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      {''.join(f'<sitemap><loc>https://kz.kursiv.media/sitemaps/{ed}/sitemap.xml</loc></sitemap>' for ed in ('ru', 'kk', 'en'))}
      <sitemap><loc>https://kz.kursiv.media/sitemaps/ru/posts-2024-02.xml</loc></sitemap>
      </sitemapindex>""".encode()
    children = [r.url for r in spider.parse_sitemap(XmlResponse("http://127.0.0.1:8001/sitemap.xml", body=top))]
    assert children == ["http://127.0.0.1:8001/sitemaps/ru/sitemap.xml", "http://127.0.0.1:8001/sitemaps/kk/sitemap.xml"]
    index, month = (KURSIV_FIXTURES / "sitemap-ru.xml").read_text(encoding="utf-8").split(
        "<!-- /sitemaps/ru/posts-2024-03.xml -->")
    index_body = index.split("-->", 1)[1].strip().encode()
    (monthly,) = spider.parse_sitemap(XmlResponse("http://127.0.0.1:8001/sitemaps/ru/sitemap.xml", body=index_body))
    assert monthly.url == "http://127.0.0.1:8001/sitemaps/ru/posts-2024-03.xml"
    assert monthly.meta[SOURCE_KEY] == "https://kz.kursiv.media/sitemaps/ru/posts-2024-03.xml"
    articles = list(spider.parse_sitemap(XmlResponse(monthly.url, body=month.strip().encode())))
    assert [(a.url, a.meta[LASTMOD_KEY], a.meta[ARTICLE_KEY]) for a in articles][0] == (
        "http://127.0.0.1:8001/2024-03-01/nacbank-sohranil-bazovuyu-stavku/", "2024-03-01T04:05:00+00:00",
        "https://kz.kursiv.media/2024-03-01/nacbank-sohranil-bazovuyu-stavku")
    assert len(articles) == 3


def test_kursiv_sitemap_article_before_since_by_its_url_date_is_left_out() -> None:
    spider = KursivSpider(base_url="http://127.0.0.1:8001", since="2024-03-02")
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://kz.kursiv.media/2024-03-01/edited-later/</loc><lastmod>2024-03-05T10:00:00+00:00</lastmod></url>
      <url><loc>https://kz.kursiv.media/kk/2024-03-02/jana/</loc><lastmod>2024-03-02T10:00:00+00:00</lastmod></url>
      <url><loc>https://kz.kursiv.media/2024-03-02/after-midnight/</loc><lastmod>2024-03-01T19:20:00+00:00</lastmod></url>
      </urlset>"""
    urls = [r.url for r in spider.parse_sitemap(XmlResponse("http://127.0.0.1:8001/sitemaps/kk/posts-2024-03.xml",
                                                            body=urlset))]
    # 19:20 UTC on March 1 is 00:20 on March 2 in Almaty: a lastmod in UTC does not leave it out
    assert urls == ["http://127.0.0.1:8001/kk/2024-03-02/jana/", "http://127.0.0.1:8001/2024-03-02/after-midnight/"]
