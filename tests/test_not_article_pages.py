"""Pages that answer 200 but are not the article (or not the listing): recognised, retried,
then dropped or reported with their URL and counted; never exported as an empty article."""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from crawling import run_crawl
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, TextResponse
from scrapy.utils.test import get_crawler

from newscrawl.demo.server import serve
from newscrawl.demo.site import Site, build_site
from newscrawl.extract.notarticle import (
    CHALLENGE,
    EMPTY_LISTING,
    JS_SHELL,
    LISTING_KEY,
    MAINTENANCE,
    page_problem,
)
from newscrawl.middlewares import NotArticleMiddleware
from newscrawl.sites.inbusiness import INBUSINESS

FIXTURES = Path(__file__).parent / "fixtures" / "inbusiness"
HTML = {"Content-Type": "text/html; charset=utf-8"}

CLOUDFLARE = (
    '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body>'
    '<div class="main-content"><h1>inbusiness.kz</h1><h2 id="challenge-running">Checking if the site '
    "connection is secure</h2><noscript>Enable JavaScript and cookies to continue</noscript></div>"
    "<script>window._cf_chl_opt={cvId: '2'};var a=document.createElement('script');"
    "a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1';</script></body></html>"
)
PAGES = {
    "cloudflare_challenge": (CLOUDFLARE, CHALLENGE),
    "ddos_guard": ('<html><head><title>DDoS-Guard</title></head><body><div id="ddg"></div>'
                   '<script src="/.well-known/ddos-guard/check?context=free_splash"></script></body></html>',
                   CHALLENGE),
    "yandex_smartcaptcha_ru": ('<html lang="ru"><head><title>Ой!</title></head><body><form action="/checkcaptcha">'
                               '<div class="smart-captcha" data-sitekey="x"></div><p>Подтвердите, что запросы '
                               "отправляли вы, а не робот</p><button>Я не робот</button></form></body></html>",
                               CHALLENGE),
    "recaptcha_ru": ('<html><head><title>Проверка</title></head><body><h1>Подтвердите, что вы не робот</h1>'
                     '<form method="post"><div class="g-recaptcha" data-sitekey="k"></div></form>'
                     '<script src="https://www.google.com/recaptcha/api.js"></script></body></html>', CHALLENGE),
    "maintenance_ru": ("<html><head><title>inbusiness.kz</title></head><body><h1>На сайте ведутся технические "
                       "работы</h1><p>Приносим извинения за неудобства.</p></body></html>", MAINTENANCE),
    "maintenance_kk": ('<html lang="kk"><head><title>inbusiness.kz</title></head><body>'
                       "<h1>Сайтта техникалық жұмыстар жүргізілуде</h1></body></html>", MAINTENANCE),
    "maintenance_en": ("<html><head><title>Site under maintenance</title></head><body><p>We will be back soon.</p>"
                       "</body></html>", MAINTENANCE),
    "js_shell_vue": ('<!DOCTYPE html><html><head><title>inbusiness.kz</title><script src="/js/vendors.js"></script>'
                     "</head><body><noscript>You need to enable JavaScript to run this app.</noscript>"
                     '<div id="app"></div><script src="/js/app.js"></script></body></html>', JS_SHELL),
    "js_shell_next_with_og_meta": ('<html><head><title>Loading</title><meta property="og:type" content="article">'
                                   '</head><body><div id="__next"></div><script id="__NEXT_DATA__" '
                                   'type="application/json">{"props":{}}</script></body></html>', JS_SHELL),
}


def html_response(body: str | bytes, url: str = "https://inbusiness.kz/ru/last/x") -> HtmlResponse:
    return HtmlResponse(url=url, body=body.encode() if isinstance(body, str) else body, headers=HTML)


def problem(response: HtmlResponse) -> str | None:
    listing = INBUSINESS if "/lastnews" in response.url else None  # as the spider marks its listing requests
    return page_problem(response.selector, response.url, listing=listing)


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_that_is_not_the_article_is_recognised_by_kind(name: str) -> None:
    page, reason = PAGES[name]
    assert problem(html_response(page)) == reason


def test_every_article_and_listing_page_of_the_site_passes(site: Site) -> None:
    paths = [article.path for article in site.articles]
    paths += [f"/{ed}/lastnews?date={day}&page={page}" for ed in ("ru", "kz") for day in site.days for page in (1, 2)]
    flagged = {}
    for path in paths:
        status, headers, body = site.respond(path)
        if status == 200:
            response = HtmlResponse(url=f"http://127.0.0.1{path}", body=body, headers=headers)
            flagged[path] = problem(response)
    assert len(flagged) > len(site.articles) and set(flagged.values()) == {None}


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_saved_pages_of_the_real_site_pass(fixture: str) -> None:
    listing = fixture.startswith("listing")
    url = "https://inbusiness.kz/ru/lastnews?date=2022-10-18" if listing else "https://inbusiness.kz/ru/last/x"
    assert problem(html_response((FIXTURES / fixture).read_bytes(), url)) is None


def test_short_article_about_captcha_and_maintenance_is_an_article(site: Site) -> None:
    article = next(a for a in site.articles if a.layout == "layout_b")
    _, _, body = site.respond(article.path)
    page = re.sub(r"<div class=\"article__body\">.*?</div>\n", '<div class="article__body"><p>Egov.kz: ведутся '
                  "технические работы, сайт временно недоступен; при входе просят ввести captcha.</p></div>\n",
                  body.decode(), count=1, flags=re.S)
    assert problem(html_response(page)) is None


def test_article_with_a_captcha_comment_form_is_an_article(site: Site) -> None:
    article = next(a for a in site.articles if a.layout == "layout_a")
    _, _, body = site.respond(article.path)
    page = body.replace(b"</body>", b'<form class="comments"><div class="g-recaptcha"></div></form></body>')
    assert problem(html_response(page)) is None


def test_archive_listing_nothing_is_an_empty_listing_only_as_a_listing(site: Site) -> None:
    _, _, body = site.respond("/ru/lastnews?date=2023-01-01")  # a day the site has no articles for
    assert problem(html_response(body, "http://127.0.0.1/ru/lastnews?date=2023-01-01")) == EMPTY_LISTING
    assert problem(html_response(body, "http://127.0.0.1/ru/last/some-article")) is None


# -- the middleware -------------------------------------------------------------------------

def middleware(**settings: int) -> NotArticleMiddleware:
    crawler = get_crawler(Spider, settings)
    crawler.spider = crawler._create_spider("test")
    return NotArticleMiddleware.from_crawler(crawler)


def test_challenge_page_is_retried_as_a_fresh_request() -> None:
    mw, request = middleware(), Request("https://inbusiness.kz/ru/last/x")
    retry = mw.process_response(request, html_response(CLOUDFLARE))
    assert isinstance(retry, Request) and retry.url == request.url and retry.dont_filter
    assert mw.crawler.stats.get_value("retry/reason_count/not_article/challenge") == 1


def test_challenge_page_after_the_last_retry_is_dropped_counted_and_logged_with_its_url(
    caplog: pytest.LogCaptureFixture,
) -> None:
    mw, request = middleware(NEWSCRAWL_NOT_ARTICLE_RETRIES=1), Request("https://inbusiness.kz/ru/last/x")
    retry = mw.process_response(request, html_response(CLOUDFLARE))
    with caplog.at_level(logging.ERROR), pytest.raises(IgnoreRequest):
        mw.process_response(retry, html_response(CLOUDFLARE))
    assert mw.crawler.stats.get_value("newscrawl/not_article/challenge") == 1
    assert mw.crawler.stats.get_value("newscrawl/not_article") == 1
    assert "challenge page, also on retry: dropped: https://inbusiness.kz/ru/last/x" in caplog.text


def test_empty_listing_after_its_retry_goes_on_to_the_spider_with_a_warning(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    url = "http://127.0.0.1/ru/lastnews?date=2023-01-01"
    empty = html_response(site.respond("/ru/lastnews?date=2023-01-01")[2], url)
    mw = middleware(NEWSCRAWL_EMPTY_LISTING_RETRIES=1)
    retry = mw.process_response(Request(url, meta={LISTING_KEY: "inbusiness"}), empty)
    assert isinstance(retry, Request)
    with caplog.at_level(logging.WARNING):
        assert mw.process_response(retry, empty) is empty
    assert mw.crawler.stats.get_value("newscrawl/not_article/empty_listing") == 1
    assert f"archive lists no articles, also on retry (a day without news, or a broken listing): {url}" in caplog.text


def test_article_error_pages_and_non_html_pass_untouched(site: Site) -> None:
    mw = middleware()
    article = html_response(site.respond(site.articles[0].path)[2])
    robots = TextResponse(url="https://inbusiness.kz/robots.txt", body=b"User-agent: *", headers={})
    error = HtmlResponse(url="https://inbusiness.kz/ru/last/x", status=503, body=CLOUDFLARE.encode(), headers=HTML)
    for response in (article, robots, error):
        assert mw.process_response(Request(response.url), response) is response
    challenge = html_response(CLOUDFLARE)
    assert mw.process_response(Request(challenge.url, meta={"dont_retry": True}), challenge) is challenge


# -- end to end -----------------------------------------------------------------------------

class ImpostorSite:
    """The demo site, with some paths answering a page that is not theirs (``times`` answers,
    then the real page; None: always)."""

    def __init__(self, site: Site, impostors: dict[str, tuple[str, int | None]]) -> None:
        self.site = site
        self.impostors = impostors
        self.served: Counter[str] = Counter()

    def respond(self, path: str, *, host: str | None = None, fired: set[str] | None = None):
        if path in self.impostors:
            page, times = self.impostors[path]
            if times is None or self.served[path] < times:
                self.served[path] += 1
                return 200, HTML, page.encode()
        return self.site.respond(path, host=host, fired=fired)


def test_crawl_retries_recovers_or_reports_pages_that_are_not_the_article(site: Site, tmp_path: Path) -> None:
    day = date(2022, 10, 18)
    ru = [a for a in site.articles if a.day == day and a.edition == "ru" and a.path not in vars(site.faults).values()]
    recovers, maintenance, shell = ru[1].path, ru[2].path, ru[3].path
    empty_once = f"/kz/lastnews?date={day}"
    _, _, empty_page = site.respond("/kz/lastnews?date=2023-01-01")
    impostors = ImpostorSite(site, {
        recovers: (CLOUDFLARE, 1),
        maintenance: (PAGES["maintenance_ru"][0], None),
        shell: (PAGES["js_shell_vue"][0], None),
        empty_once: (empty_page.decode(), 1),
    })
    with serve(impostors) as server:
        crawl = run_crawl(server, tmp_path, since=day, until=day)
    assert crawl.returncode == 0, crawl.log[-3000:]
    expected = {r["url"] for r in site.expected_records(day, day)} - {
        f"https://inbusiness.kz{maintenance}", f"https://inbusiness.kz{shell}"}
    assert {r["url"] for r in crawl.records} == expected
    assert all(r["title"] and r["body"] for r in crawl.records)
    assert re.search(rf"maintenance page, also on retry: dropped: http://127\.0\.0\.1:\d+{maintenance}", crawl.log)
    assert re.search(rf"js_shell page, also on retry: dropped: http://127\.0\.0\.1:\d+{shell}", crawl.log)
    assert "'newscrawl/not_article/maintenance': 1" in crawl.log
    assert "'newscrawl/not_article/js_shell': 1" in crawl.log
    assert "not_article/challenge" in crawl.log and "'newscrawl/not_article/challenge'" not in crawl.log
    assert crawl.summary()["failed"] >= 2
    fetched = Counter(path for _, path, _ in crawl.requests)
    assert (fetched[recovers], fetched[empty_once], fetched[maintenance]) == (2, 2, 3)  # retries: 1, 1, 2
