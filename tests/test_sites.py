"""Site declarations: the registry, URL rules per site, and what a WordPress site shares."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newscrawl.kits.wordpress import api_posts, api_posts_url, api_total_pages
from newscrawl.sites import UnknownSite, all_sites, get_site, site_by_domain
from newscrawl.sites.kursiv import KURSIV
from newscrawl.urls import article_request_url, edition_of, url_day

REPO = Path(__file__).resolve().parents[1]


def test_registry_lists_every_site_and_names_the_known_ones_for_an_unknown_one() -> None:
    assert [site.name for site in all_sites()][:2] == ["inbusiness", "kursiv"]
    assert site_by_domain("kz.kursiv.media") is KURSIV and site_by_domain("example.org") is None
    with pytest.raises(UnknownSite, match="unknown site 'kursive': expected one of inbusiness, kursiv"):
        get_site("kursive")


def test_importing_the_registry_loads_no_site_module() -> None:
    code = "import sys, newscrawl.sites; print(any(m.startswith('newscrawl.sites.') and m != 'newscrawl.sites.base' " \
           "for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("link", "expected", "edition", "day"),
    [
        ("https://kz.kursiv.media/2024-03-01/nacbank/", "https://kz.kursiv.media/2024-03-01/nacbank/", "ru",
         date(2024, 3, 1)),
        ("https://kz.kursiv.media/2024-03-01/nacbank", "https://kz.kursiv.media/2024-03-01/nacbank/", "ru",
         date(2024, 3, 1)),
        ("http://127.0.0.1:8001/kk/2022-11-15/slug/?utm_source=kursiv&utm_medium=archive#c",
         "http://127.0.0.1:8001/kk/2022-11-15/slug/", "kk", date(2022, 11, 15)),
        ("https://KZ.kursiv.media/en/2024-02-29/leap/?fbclid=x", "https://kz.kursiv.media/en/2024-02-29/leap/", "en",
         date(2024, 2, 29)),
    ],
)
def test_kursiv_article_links_map_to_one_slashed_url_with_edition_and_day(
    link: str, expected: str, edition: str, day: date
) -> None:
    url = article_request_url(link, KURSIV)
    assert url == expected
    assert edition_of(url, KURSIV) == edition and url_day(url, KURSIV) == day


@pytest.mark.parametrize(
    "link",
    [
        "https://kz.kursiv.media/",
        "https://kz.kursiv.media/kk/",
        "https://kz.kursiv.media/category/finance/",
        "https://kz.kursiv.media/tag/nacbank/",
        "https://kz.kursiv.media/author/a0/",
        "https://kz.kursiv.media/page/2/",
        "https://kz.kursiv.media/special/kursiv-guide-2024/",
        "https://kz.kursiv.media/wp-content/uploads/2024/03/x.jpg",
        "https://kz.kursiv.media/?s=tenge",
        "https://kz.kursiv.media/?p=100001",
        "https://kz.kursiv.media/2024/03/01/",
        "https://kz.kursiv.media/2024-03-01/slug/extra/",
        "https://kz.kursiv.media/de/2024-03-01/slug/",
        "https://kz.kursiv.media/ru/2024-03-01/slug/",
    ],
)
def test_kursiv_non_articles_are_refused(link: str) -> None:
    assert article_request_url(link, KURSIV) is None


def test_kursiv_discovery_urls_follow_wordpress() -> None:
    root = "http://127.0.0.1:8001"
    assert KURSIV.listing_url(KURSIV.discovery.day_archive, root, "ru", date(2024, 3, 1)) == f"{root}/2024/03/01/"
    assert KURSIV.listing_url(KURSIV.discovery.day_archive, root, "kk", date(2024, 3, 1)) == f"{root}/kk/2024/03/01/"
    assert [KURSIV.listing_url(feed, root, "en") for feed in KURSIV.discovery.feeds] == [f"{root}/en/feed/"]
    assert KURSIV.discovery.sitemap_index == "/sitemap.xml" and KURSIV.discovery.missing_day_is_empty
    assert KURSIV.edition_folder("kk") == "kk" and get_site("inbusiness").edition_folder("kk") == "kz"


def test_wordpress_api_asks_for_whole_local_days_and_reads_links_with_their_lastmod() -> None:
    url = api_posts_url("http://127.0.0.1:8001/", date(2024, 2, 27), date(2024, 3, 2), page=2, language="kk")
    assert url == ("http://127.0.0.1:8001/wp-json/wp/v2/posts?after=2024-02-26T23%3A59%3A59"
                   "&before=2024-03-03T00%3A00%3A00&per_page=100&page=2&lang=kk")
    body = (b'[{"id": 1, "link": "https://kz.kursiv.media/2024-03-01/a/", "date": "2024-03-01T00:20:00",'
            b' "date_gmt": "2024-02-29T19:20:00", "modified_gmt": "2024-03-01T04:05:00"},'
            b' {"id": 2, "link": "https://kz.kursiv.media/2024-03-01/b/"}]')
    assert api_posts(body) == [("https://kz.kursiv.media/2024-03-01/a/", "2024-03-01T04:05:00+00:00"),
                               ("https://kz.kursiv.media/2024-03-01/b/", None)]
    assert api_posts(b'{"code": "rest_post_invalid_page_number"}') == [] and api_posts(b"<html>") == []
    assert api_total_pages(b"3") == 3 and api_total_pages(None) == 1


def test_a_third_site_of_another_shape_is_only_a_declaration() -> None:
    """A site with day archives under /news/, ids in article URLs, sitemaps named in robots.txt
    and one RSS feed (tengrinews.kz's shape) needs no code beyond its declaration."""
    from scrapy.http import TextResponse

    from newscrawl.discover.sitemaps import sitemap_child_wanted
    from newscrawl.sites import Discovery, Edition, ListingMarkup, Site
    from newscrawl.spider import SiteSpider

    site = Site(
        name="idsite", domain="ids.example", base_url="https://ids.example", editions=(Edition("ru", "ru", "/"),),
        zone="Asia/Almaty", article_path=r"^/(?P<path>[a-z_]+/[^/]+-(?P<id>\d{5,}))/?$", trailing_slash=True,
        not_article_paths=("/video/", "/photo/", "/special/", "/news/"),
        discovery=Discovery(day_archive="{prefix}news/{day:%Y/%m/%d}/", latest="{prefix}news/",
                            sitemap_index="/robots.txt", sitemap_child=r"sitemap-news",
                            sitemap_unmatched_children=False, feeds=("{prefix}news.rss",)),
        listing=ListingMarkup(container="div.content_main", item_links="div.content_main_item "
                              "span.content_main_item_title a::attr(href)", next_page="a.pagination_next::attr(href)"),
        layouts=(),
    )
    assert article_request_url("https://ids.example/kazakhstan_news/v-almaty-529843?utm_source=x", site) == (
        "https://ids.example/kazakhstan_news/v-almaty-529843/")
    assert article_request_url("https://ids.example/video/v-almaty-529844/", site) is None
    assert site.listing_url(site.discovery.day_archive, "http://127.0.0.1:8002", "ru", date(2024, 2, 29)) == (
        "http://127.0.0.1:8002/news/2024/02/29/")
    assert sitemap_child_wanted("https://ids.example/sitemap-news-2.xml", site, ("ru",), None)
    assert not sitemap_child_wanted("https://ids.example/sitemap-pages.xml", site, ("ru",), None)

    class IdSpider(SiteSpider):
        name = "idsite"

    IdSpider.site = site
    spider = IdSpider(base_url="http://127.0.0.1:8002")
    robots = TextResponse("http://127.0.0.1:8002/robots.txt", body=b"User-agent: *\nDisallow: /search/\n"
                          b"Sitemap: https://ids.example/sitemap-index.xml\n")
    assert [r.url for r in spider.parse_robots(robots)] == ["http://127.0.0.1:8002/sitemap-index.xml"]
