"""The kursiv copy itself: what it lists answers, its listings agree, its faults behave as
declared, and the records it expects are what its pages show."""

from __future__ import annotations

import html
import json
import re
import time
import urllib.request
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from parsel import Selector

from newscrawl.demo.kursiv import build_copy
from newscrawl.demo.kursiv.copy import KursivCopy
from newscrawl.demo.kursiv.model import LONGREAD, REAL_ORIGIN, SINGLE, SUBCAT, utc
from newscrawl.demo.kursiv.noise import INLINE_NOISE, LOOKALIKES, PROMOS
from newscrawl.demo.server import serve
from newscrawl.items import EXPORT_FIELDS

# The spec sits beside the repository (../shared); a worktree is one level deeper.
EXAMPLE = next((found for parent in Path(__file__).resolve().parents[2:4]
                if (found := parent / "shared/spec/examples/kursiv/nacbank-stavka.expected.json").exists()), None)
NACBANK = "/2024-03-01/nacbank-sohranil-bazovuyu-stavku/"
WINDOWS = ((date(2023, 11, 14), date(2023, 11, 16)), (date(2024, 2, 28), date(2024, 3, 2)))
EDITIONS = ("ru", "kk", "en")


@pytest.fixture(scope="module")
def site() -> KursivCopy:
    return build_copy()


def get(site: KursivCopy, path: str, fired: set[str] | None = None) -> tuple[int, dict[str, str], str]:
    status, headers, body = site.respond(path, host="127.0.0.1:8000", fired=fired)
    return status, headers, body.decode()


def visible_text(markup: str) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def local(url: str) -> str:
    """A link as a path with query on the copy (hrefs name the real site, this host or nothing)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def settle(site: KursivCopy, path: str) -> tuple[int, str]:
    """Follow the copy's redirects: (final status, final path without query)."""
    for _ in range(3):
        status, headers, _ = get(site, path)
        if status != 301:
            return status, urlsplit(path).path
        path = local(headers["Location"])
    raise AssertionError(f"redirect loop at {path}")


def archive_links(site: KursivCopy, edition: str, day: date) -> list[str]:
    prefix = "" if edition == "ru" else f"/{edition}"
    path, links = f"{prefix}/{day:%Y/%m/%d}/", []
    while path:
        status, _, body = get(site, path)
        assert status == 200, path
        page = Selector(text=body)
        links += [local(href) for href in page.css("article.post-card:not(.post-card--partner) a::attr(href)").getall()]
        path = page.css("a.next.page-numbers::attr(href)").get()
    return links


def sitemap_links(site: KursivCopy, edition: str) -> list[str]:
    status, _, root = get(site, "/sitemap.xml")
    assert status == 200
    index = next(loc for loc in re.findall(r"<loc>(.*?)</loc>", root) if f"/sitemaps/{edition}/" in loc)
    links = []
    for monthly in re.findall(r"<loc>(.*?)</loc>", get(site, local(index))[2]):
        status, _, body = get(site, local(monthly))
        assert status == 200, monthly
        links += [local(loc) for loc in re.findall(r"<loc>(.*?)</loc>", body)]
    return links


def api_links(site: KursivCopy, edition: str, since: date, until: date) -> list[str]:
    links, page = [], 1
    while True:
        query = f"after={since}T00:00:00&before={until}T23:59:59&per_page=7&page={page}&lang={edition}"
        status, headers, body = get(site, f"/wp-json/wp/v2/posts?{query}")
        if status == 400:
            assert page > 1 and page == int(headers.get("X-WP-TotalPages", page)) + 1 or "invalid_page" in body
            return links
        assert status == 200
        links += [local(post["link"]) for post in json.loads(body)]
        page += 1


def in_window(path: str, since: date, until: date) -> bool:
    found = re.search(r"/(\d{4}-\d\d-\d\d)/", path)
    return bool(found) and since <= date.fromisoformat(found[1]) <= until


def test_build_is_deterministic_and_fast() -> None:
    started = time.perf_counter()
    first = build_copy()
    assert time.perf_counter() - started < 1
    assert first.expected_records() == build_copy().expected_records()


def test_two_windows_three_editions_english_small(site: KursivCopy) -> None:
    assert site.windows() == list(WINDOWS)
    per_edition = Counter(a.edition for a in site.articles)
    assert per_edition["ru"] > 2 * per_edition["kk"] > 4 * per_edition["en"] > 0


def test_spec_example_record_is_served(site: KursivCopy) -> None:
    if EXAMPLE is None:
        pytest.skip("spec example examples/kursiv/nacbank-stavka.expected.json not found beside the repository")
    record = next(r for r in site.expected_records() if r["url"] == REAL_ORIGIN + NACBANK.rstrip("/"))
    assert record.pop("extraction") == SINGLE
    assert record == json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_post_at_0020_local_is_the_previous_day_in_utc_everywhere_but_its_url(site: KursivCopy) -> None:
    page = Selector(text=get(site, NACBANK)[2])
    assert page.css('meta[property="article:published_time"]::attr(content)').get() == "2024-02-29T19:20:00+00:00"
    assert page.css("time.single-publishing-time__date::attr(datetime)").get() == "2024-03-01T00:20:00+05:00"
    assert NACBANK in sitemap_links(site, "ru") and "/sitemaps/ru/posts-2024-03.xml" in get(site, "/sitemaps/ru/sitemap.xml")[2]
    assert "Thu, 29 Feb 2024 19:20:00 +0000" in get(site, "/feed/?paged=" + str(feed_page_of(site, NACBANK)))[2]
    offsets = {r["published_at"][-6:] for r in site.expected_records(date(2024, 2, 29), date(2024, 2, 29))}
    assert offsets == {"+06:00"}
    assert {r["published_at"][-6:] for r in site.expected_records(date(2024, 3, 1), date(2024, 3, 1))} == {"+05:00"}


def feed_page_of(site: KursivCopy, path: str) -> int:
    return [a.path for a in site.edition_posts("ru")].index(path) // 20 + 1


@pytest.mark.parametrize("window", WINDOWS, ids=str)
@pytest.mark.parametrize("edition", EDITIONS)
def test_archives_sitemaps_and_api_agree_on_a_window(site: KursivCopy, window: tuple[date, date], edition: str) -> None:
    since, until = window
    expected = {r["url"] for r in site.expected_records(since, until, [edition])}
    days = [d for d in site.days if since <= d <= until]

    def articles(links: list[str]) -> set[str]:
        found = set()
        for link in links:
            status, path = settle(site, link)
            if status == 200 and in_window(path, since, until):
                found.add(REAL_ORIGIN + path.rstrip("/"))
        return found

    from_archives = articles([link for day in days for link in archive_links(site, edition, day)])
    from_sitemaps = articles([link for link in sitemap_links(site, edition) if in_window(link, since, until)])
    from_api = {REAL_ORIGIN + urlsplit(link).path.rstrip("/") for link in api_links(site, edition, since, until)}
    assert expected and from_archives == from_sitemaps == from_api == expected


def test_every_listed_url_answers_except_the_taken_down_post(site: KursivCopy) -> None:
    listed = {link for ed in EDITIONS for day in site.days for link in archive_links(site, ed, day)}
    listed |= {link for ed in EDITIONS for link in sitemap_links(site, ed)}
    answers = {link: settle(site, link)[0] for link in listed}
    assert {link for link, status in answers.items() if status != 200} == {site.faults.removed}
    assert answers[site.faults.removed] == 404


def test_listing_quirks_are_listed(site: KursivCopy) -> None:
    f = site.faults
    archives = [link for ed in EDITIONS for day in site.days for link in archive_links(site, ed, day)]
    assert f.old_slug in archives and f.unslashed in archives and f.removed in archives
    assert sum(urlsplit(link).path == f.archive_twice for link in archives) == 2
    assert any("utm_" in link for link in archives)
    ru_month = get(site, f"/sitemaps/ru/posts-{f.sitemap_twice[1:8]}.xml")[2]
    assert ru_month.count(f"<loc>{REAL_ORIGIN}{f.sitemap_twice}</loc>") == 2
    partner = Selector(text=get(site, "/2024/03/01/")[2]).css("article.post-card--partner a::attr(href)").get()
    assert partner.startswith("/special/") and get(site, partner)[0] == 200


def test_redirects(site: KursivCopy) -> None:
    f, post = site.faults, site.by_path[NACBANK]
    assert get(site, f.unslashed)[:2] == (301, {"Location": f"http://127.0.0.1:8000{f.unslashed}/",
                                                 "Content-Type": "text/html; charset=utf-8"})
    assert get(site, f.old_slug)[1]["Location"].endswith(f.old_slug_target)
    assert get(site, f"/?p={post.post_id}")[1]["Location"] == "http://127.0.0.1:8000" + NACBANK
    assert get(site, "/?p=1")[0] == 404 and get(site, "/2024-03-01/no-such-post/")[0] == 404


def test_old_domain_answers_301_to_the_same_path_on_the_new_one(site: KursivCopy) -> None:
    status, headers, _ = site.respond(NACBANK + "?utm_source=x", host="kursiv.kz")
    assert (status, headers["Location"]) == (301, f"{REAL_ORIGIN}{NACBANK}?utm_source=x")


def test_edit_and_publish_change_what_is_expected() -> None:
    copy = build_copy()
    before = {r["url"]: r for r in copy.expected_records()}
    post = next(a for a in copy.articles if a.edition == "kk" and a.template == SUBCAT)
    edited, new = copy.edit(post.path), copy.publish("ru")
    after = {r["url"]: r for r in copy.expected_records()}
    assert set(after) - set(before) == {new["url"]} and after[edited["url"]] == edited
    assert edited["body"].startswith(before[edited["url"]]["body"][:40]) and edited["body"] != before[edited["url"]]["body"]
    assert edited["modified_at"] > max(r["modified_at"] or r["published_at"] for r in before.values())
    month = get(copy, f"/sitemaps/kk/posts-{post.published:%Y-%m}.xml")[2]
    assert f"<loc>{REAL_ORIGIN}{post.path}</loc>\n<lastmod>{utc(post.modified)}</lastmod>" in month
    assert get(copy, urlsplit(new["url"]).path + "/")[0] == 200


def test_once_faults_fire_once_per_server(site: KursivCopy) -> None:
    f, fired = site.faults, set()
    assert get(site, f.error_500_once, fired)[0] == 500
    assert get(site, f.error_500_once, fired)[0] == 200
    status, headers, _ = get(site, f.rate_limit_429_once, fired)
    assert (status, headers["Retry-After"]) == (429, "1")
    assert get(site, f.rate_limit_429_once, fired)[0] == 200
    assert get(site, f.error_500_once)[0] == 200  # without a server's set nothing fires


def test_feeds_api_and_robots(site: KursivCopy) -> None:
    feed = get(site, "/kk/feed/")[2]
    assert feed.count("<item>") == 20 and "utm_source=rss" in feed and "+0000</pubDate>" in feed
    assert get(site, "/kk/feed/?paged=4")[0] == 404 and get(site, "/en/feed/")[0] == 200
    status, headers, body = get(site, "/wp-json/wp/v2/posts?lang=en&per_page=100")
    assert status == 200 and int(headers["X-WP-Total"]) == len(json.loads(body)) == 18
    assert json.loads(body)[0]["date"].count("+") == 0 and "T" in json.loads(body)[0]["date_gmt"]
    assert get(site, "/wp-json/wp/v2/posts?lang=en&per_page=100&page=2")[0] == 400
    assert get(site, "/wp-json/wp/v2/posts?per_page=101")[0] == 400
    robots = get(site, "/robots.txt")[2]
    assert "Disallow: /wp-admin/" in robots and f"Sitemap: {REAL_ORIGIN}/sitemap.xml" in robots


def test_every_expected_record_has_the_contract_fields(site: KursivCopy) -> None:
    languages = {"ru": "ru", "kk": "kk", "en": "en"}
    for post in site.articles:
        record = site.record(post)
        assert tuple(record) == EXPORT_FIELDS and record["site"] == "kz.kursiv.media"
        assert not record["url"].endswith("/") and record["language"] == languages[post.edition]
        assert record["lead"] is None or record["lead"] not in record["body"].split("\n\n")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[56]:00", record["published_at"])
        assert record["modified_at"] is None or record["modified_at"] > record["published_at"][:16]
        assert record["views"] is None if post.template != SINGLE else isinstance(record["views"], int)
        assert all(image["url"].startswith("https://cdn-kz.kursiv.media/wp-content/uploads/")
                   for image in record["images"])


def test_expected_records_are_what_the_pages_show(site: KursivCopy) -> None:
    for post in site.articles:
        record, page = site.record(post), get(site, post.path)[2]
        shown, dom = visible_text(page), Selector(text=page)
        assert dom.css("link[rel=canonical]::attr(href)").get() == record["url"] + "/"
        for block in record["body"].split("\n\n") + [record["title"]]:
            assert block in shown, (post.path, block)
        for image in record["images"]:
            assert image["url"] in page
            assert image["credit"] is None or image["credit"] in shown
        description = dom.css("meta[name=description]::attr(content)").get()
        assert (record["lead"] == description) if record["lead"] else description.endswith("…") or post.template != SINGLE
        if record["views"] is not None:
            printed = dom.css(".single-views__count::text").get()
            assert int(re.sub(r"\D", "", html.unescape(printed))) == record["views"]
        graph = json.loads(dom.css("script.yoast-schema-graph::text").get())["@graph"][0]
        assert graph["articleSection"][0] == record["section"] and graph.get("keywords", []) == record["tags"]
        authors = graph.get("author", [])
        assert [a["name"] for a in (authors if isinstance(authors, list) else [authors])] == record["authors"]


def test_both_templates_on_the_same_days_and_strays_in_each_window(site: KursivCopy) -> None:
    for since, until in WINDOWS:
        posts = [a for a in site.articles if since <= a.day <= until]
        assert {a.template for a in posts} == {SINGLE, SUBCAT, LONGREAD}
        for day in {a.day for a in posts}:
            assert {a.template for a in posts if a.day == day and a.edition == "ru"} >= {SINGLE, SUBCAT}


def test_noise_and_lookalikes_are_spread_and_never_expected(site: KursivCopy) -> None:
    pages = "".join(get(site, a.path)[2] for a in site.articles)
    bodies = "\n".join(r["body"] for r in site.expected_records())
    for variant in PROMOS + INLINE_NOISE:
        shown = variant.html.split("{")[0][:60]
        assert shown in pages, variant.name
    for promo in PROMOS:
        assert visible_text(promo.html) not in bodies, promo.name
    assert all(any(sentence in bodies for sentence in sentences) for sentences in LOOKALIKES.values())
    assert 'data-src="https://cdn-kz' in pages and 'data-lazy-src="https://cdn-kz' in pages
    assert "\u2009" in pages and "&#8201;" in pages and "\u00a0" in pages  # views and text spaces


def test_served_over_http(site: KursivCopy) -> None:
    with serve(site) as server:
        with urllib.request.urlopen(server.base_url + NACBANK) as answer:
            assert answer.status == 200 and "single-body" in answer.read().decode()
        assert [status for _, path, status in server.requests] == [200]
