"""Finding an unknown site's sitemaps, feeds and WordPress API, and its articles of a range."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from parsel import Selector

from newscrawl.discover.autodiscover import (
    Entry,
    child_sitemap_wanted,
    choose_articles,
    feed_candidates,
    feed_entries,
    looks_like_article,
    page_feeds,
    robots_sitemaps,
    sitemap_candidates,
    sitemap_entries,
    wordpress_api_root,
    wordpress_posts,
    wordpress_posts_url,
)

BASE = "https://news.example.kz/"

ROBOTS = """User-agent: *
Disallow: /wp-admin/
Sitemap: https://news.example.kz/sitemap_index.xml
sitemap: /news-sitemap.xml
"""

HOME = Selector(text="""<html><head>
<link rel="alternate" type="application/rss+xml" title="Feed" href="/feed/">
<link rel="alternate" type="application/atom+xml" href="https://news.example.kz/atom.xml">
<link rel="alternate" hreflang="kk" href="/kz/">
<link rel="https://api.w.org/" href="https://news.example.kz/wp-json/">
</head><body></body></html>""")

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example.kz/2024/03/01/first-story-of-march</loc><lastmod>2024-03-01T10:00:00+05:00</lastmod></url>
  <url><loc>https://news.example.kz/news/987654-second-story</loc>
    <lastmod>2024-03-09T10:00:00+05:00</lastmod>
    <news:news><news:publication_date>2024-02-28T23:30:00+05:00</news:publication_date></news:news></url>
  <url><loc> https://news.example.kz/about/ </loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.kz/post-sitemap-2024-02.xml</loc><lastmod>2024-02-29T12:00:00Z</lastmod></sitemap>
<sitemap><loc>https://news.example.kz/post-sitemap-2024-03.xml</loc><lastmod>2024-03-09T12:00:00Z</lastmod></sitemap>
</sitemapindex>"""

RSS = b"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<item><title>A</title><link>https://news.example.kz/economy/tenge-falls-against-dollar</link>
<pubDate>Mon, 04 Mar 2024 09:15:00 +0500</pubDate></item>
<item><title>B</title><link>https://news.example.kz/sport/12345</link><dc:date>2024-03-02T08:00:00Z</dc:date></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><link rel="alternate" href="https://news.example.kz/2024/03/03/atom-story"/>
<published>2024-03-03T07:00:00+05:00</published></entry></feed>"""


def test_robots_txt_sitemaps_come_first_then_the_usual_places() -> None:
    assert robots_sitemaps(ROBOTS, BASE) == [
        "https://news.example.kz/sitemap_index.xml", "https://news.example.kz/news-sitemap.xml"]
    candidates = sitemap_candidates(BASE, ROBOTS)
    assert candidates[:2] == robots_sitemaps(ROBOTS, BASE)
    assert "https://news.example.kz/sitemap.xml" in candidates and "https://news.example.kz/wp-sitemap.xml" in candidates
    assert len(candidates) == len(set(candidates))
    assert sitemap_candidates(BASE)[0] == "https://news.example.kz/sitemap.xml"


def test_feeds_the_page_announces_then_the_usual_places() -> None:
    assert page_feeds(HOME, BASE) == ["https://news.example.kz/feed/", "https://news.example.kz/atom.xml"]
    candidates = feed_candidates(BASE, HOME)
    assert candidates[:2] == page_feeds(HOME, BASE) and "https://news.example.kz/rss.xml" in candidates


def test_wordpress_rest_api_from_link_tag_or_header() -> None:
    assert wordpress_api_root(HOME, BASE) == "https://news.example.kz/wp-json/"
    header = '<https://blog.example.kz/wp-json/>; rel="https://api.w.org/"'
    assert wordpress_api_root(None, "https://blog.example.kz/", header) == "https://blog.example.kz/wp-json/"
    assert wordpress_api_root(Selector(text="<html><head></head></html>"), BASE) is None


def test_wordpress_posts_url_and_page() -> None:
    url = wordpress_posts_url("https://news.example.kz/wp-json/", date(2024, 3, 1), date(2024, 3, 9), page=2)
    assert url.startswith("https://news.example.kz/wp-json/wp/v2/posts?")
    assert "after=2024-03-01T00%3A00%3A00" in url and "before=2024-03-09T23%3A59%3A59" in url and "page=2" in url
    plain = wordpress_posts_url("https://news.example.kz/?rest_route=/", None, None)
    assert plain.startswith("https://news.example.kz/?rest_route=/wp/v2/posts&")
    body = json.dumps([{"link": "https://news.example.kz/?p=42", "date": "2024-03-02T10:00:00"}]).encode()
    assert wordpress_posts(body) == [Entry("https://news.example.kz/?p=42", datetime(2024, 3, 2, 10), "wp-api")]
    assert wordpress_posts(b"<html>not json</html>") == [] and wordpress_posts(b'{"code": "rest_no_route"}') == []


def test_sitemap_entries_prefer_the_news_publication_date() -> None:
    kind, entries = sitemap_entries(URLSET)
    plus5 = timezone(timedelta(hours=5))
    assert kind == "urlset"
    assert entries == [
        Entry("https://news.example.kz/2024/03/01/first-story-of-march", datetime(2024, 3, 1, 10, tzinfo=plus5),
              "sitemap"),
        Entry("https://news.example.kz/news/987654-second-story", datetime(2024, 2, 28, 23, 30, tzinfo=plus5),
              "sitemap-news"),
        Entry("https://news.example.kz/about/", None, "sitemap"),
    ]
    assert sitemap_entries(b"not xml at all")[1] == []


def test_sitemap_index_children_outside_the_range_are_skipped() -> None:
    kind, children = sitemap_entries(INDEX)
    assert kind == "sitemapindex"
    wanted = [child.url.rsplit("-", 1)[1] for child in children if child_sitemap_wanted(child, date(2024, 3, 1), None)]
    assert wanted == ["03.xml"]
    assert all(child_sitemap_wanted(child, None, None) for child in children)
    assert not child_sitemap_wanted(Entry("https://x.kz/sitemap-2024-04.xml", None, "sitemap"), None, date(2024, 3, 31))


def test_feed_entries_rss_and_atom() -> None:
    assert [(entry.url, entry.when.isoformat()) for entry in feed_entries(RSS)] == [
        ("https://news.example.kz/economy/tenge-falls-against-dollar", "2024-03-04T09:15:00+05:00"),
        ("https://news.example.kz/sport/12345", "2024-03-02T08:00:00+00:00"),
    ]
    assert [entry.url for entry in feed_entries(ATOM)] == ["https://news.example.kz/2024/03/03/atom-story"]


def test_articles_of_a_range_from_every_source_each_once() -> None:
    entries = [*sitemap_entries(URLSET)[1], *feed_entries(RSS), *feed_entries(ATOM), *feed_entries(RSS),
               Entry("https://news.example.kz/2024/03/05/dated-by-url-only", None, "sitemap"),
               Entry("https://news.example.kz/opinion/undated-long-slug-here", None, "sitemap"),
               Entry("https://other.example.com/2024/03/02/offsite-story", None, "feed")]
    chosen, undated = choose_articles(entries, date(2024, 3, 1), date(2024, 3, 4), host="news.example.kz")
    assert chosen == [
        "https://news.example.kz/2024/03/01/first-story-of-march",
        "https://news.example.kz/economy/tenge-falls-against-dollar",
        "https://news.example.kz/sport/12345",
        "https://news.example.kz/2024/03/03/atom-story",
    ]
    assert undated == ["https://news.example.kz/opinion/undated-long-slug-here"]


@pytest.mark.parametrize("url", [
    "https://site.kz/2024/03/01/story",
    "https://site.kz/news/123456",
    "https://site.kz/ru/news/zhanaozen-residents-protest-gas-prices-12345.html",
    "https://site.kz/economy/tenge-falls-against-dollar",
    "https://www.site.kz/?p=42",
    "https://m.site.kz/politics/parliament-passes-budget-law",
])
def test_article_urls(url: str) -> None:
    assert looks_like_article(url, "site.kz")


@pytest.mark.parametrize("url", [
    "https://site.kz/", "https://site.kz/tag/economy", "https://site.kz/category/news/page/2",
    "https://site.kz/author/ivan-petrov-smith", "https://site.kz/?s=tenge", "https://site.kz/news?page=3",
    "https://site.kz/feed/", "https://site.kz/wp-content/uploads/2024/03/01/photo-of-the-day.jpg",
    "https://site.kz/economy", "https://other.kz/2024/03/01/story", "mailto:editor@site.kz",
    "https://site.kz/search/long-query-words-here", "https://site.kz/2024/03/01/",
    "https://site.kz/economy/tenge-falls-against-dollar?page=2",
])
def test_not_article_urls(url: str) -> None:
    assert not looks_like_article(url, "site.kz")
