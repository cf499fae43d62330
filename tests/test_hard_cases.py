"""Hard pages for extraction and cleaning: generated and mutated pages never raise out of the
extractor, and a page without a title or a body becomes a counted drop, never half a record.

Properties run on real pages of the demo site (both layouts and the unknown one), mutated:
truncated, tags left unclosed, no ``<head>``, an empty body, binary bytes, a wrong declared
charset, markup nested thousands deep, scripts and styles inside the text, stray markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawl.clean import clean_article
from newscrawl.clean.text import collapse_whitespace
from newscrawl.demo.noise import NOISE_VARIANTS
from newscrawl.demo.site import build_site
from newscrawl.items import REQUIRED_FIELDS, Article
from newscrawl.logformatter import ArticleLogFormatter
from newscrawl.pipelines import CleanTextPipeline, RequiredFieldsPipeline
from newscrawl.records import record_from_html
from newscrawl.sites.inbusiness import INBUSINESS

SITE_NAME = "inbusiness.kz"
SCRIPT_MARK, STYLE_MARK = "SCRIPTMARK", "STYLEMARK"
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sample_pages() -> list[tuple[str, bytes]]:
    """A few pages of each layout, as the site serves them."""
    site, pages = build_site(), []
    for layout, count in (("layout_a", 6), ("layout_b", 6), ("fallback", 4)):
        for article in [a for a in site.articles if a.layout == layout][:count]:
            status, _, body = site.respond(article.path)
            assert status == 200
            pages.append((f"http://127.0.0.1{article.path}", body))
    return pages


PAGES = _sample_pages()
URL = PAGES[0][0]


def record_or_drop(body: bytes, url: str = URL, headers: dict[str, str] | None = None) -> dict | None:
    """The exported record, or None (a drop); checks what holds for any record that comes out."""
    record = record_from_html(body, url, site=INBUSINESS, headers=headers)
    if record is not None:
        assert all(record[name] for name in REQUIRED_FIELDS), record
        text = " ".join(str(record[name] or "") for name in ("title", "lead", "body"))
        assert SCRIPT_MARK not in text and STYLE_MARK not in text
    return record


# -- mutations: (page, draw) -> page --------------------------------------------------------

Mutation = Callable[[bytes, st.DrawFn], bytes]


def truncate(page: bytes, draw: st.DrawFn) -> bytes:
    return page[: draw(st.integers(0, len(page)))]


def unclose_tags(page: bytes, draw: st.DrawFn) -> bytes:
    tags = draw(st.sets(st.sampled_from(["p", "div", "a", "b", "figure", "article", "h1", "time", "head"]), min_size=1))
    return re.sub(rb"</(?:%s)>" % b"|".join(t.encode() for t in tags), b"", page)


def drop_head(page: bytes, draw: st.DrawFn) -> bytes:
    return re.sub(rb"<head>.*?</head>", b"", page, flags=re.S)


def empty_body(page: bytes, draw: st.DrawFn) -> bytes:
    return re.sub(rb"<body>.*</body>", b"<body></body>", page, flags=re.S)


def binary_bytes(page: bytes, draw: st.DrawFn) -> bytes:
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(page)))
        page = page[:at] + draw(st.binary(min_size=1, max_size=64)) + page[at:]
    return page


def nest_deeply(page: bytes, draw: st.DrawFn) -> bytes:
    tag = draw(st.sampled_from([b"div", b"b", b"span", b"p", b"blockquote"]))
    depth = draw(st.sampled_from([300, 1_000, 5_000]))
    at = draw(st.integers(0, len(page)))
    return page[:at] + b"<%s>" % tag * depth + page[at:]


def script_in_text(page: bytes, draw: st.DrawFn) -> bytes:
    inserted = (f'<script>var m = "{SCRIPT_MARK}</p>";</script><style>.{STYLE_MARK} {{color: red}}</style>'
                f"<noscript>{SCRIPT_MARK}</noscript>").encode()
    return page.replace(b"<p>", b"<p>" + inserted, draw(st.integers(1, 5)))


def stray_markup(page: bytes, draw: st.DrawFn) -> bytes:
    junk = draw(st.text(alphabet=st.sampled_from(list("<>/&;#=\"' pdivab!-\x00é\u00a0\u200b")), max_size=80))
    at = draw(st.integers(0, len(page)))
    return page[:at] + junk.encode("utf-8", "replace") + page[at:]


MUTATIONS: tuple[Mutation, ...] = (truncate, unclose_tags, drop_head, empty_body, binary_bytes, nest_deeply,
                                   script_in_text, stray_markup)
CHARSETS = ("utf-8", "windows-1251", "koi8-r", "utf-16", "latin-1", "x-no-such-charset", "")


@PROPERTY_SETTINGS
@given(page=st.sampled_from(PAGES), mutations=st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3),
       data=st.data())
def test_mutated_page_gives_a_whole_record_or_a_drop_never_an_exception(
    page: tuple[str, bytes], mutations: list[Mutation], data: st.DataObject
) -> None:
    url, body = page
    for mutate in mutations:
        body = mutate(body, data.draw)
    record_or_drop(body, url)


@PROPERTY_SETTINGS
@given(page=st.sampled_from(PAGES), declared=st.sampled_from(CHARSETS), as_cp1251=st.booleans())
def test_wrong_declared_charset_gives_a_whole_record_or_a_drop(
    page: tuple[str, bytes], declared: str, as_cp1251: bool
) -> None:
    url, body = page
    if as_cp1251:
        body = body.decode("utf-8").encode("windows-1251", "replace")
    content_type = f"text/html; charset={declared}" if declared else "text/html"
    record_or_drop(body, url, headers={"Content-Type": content_type})


@PROPERTY_SETTINGS
@given(body=st.binary(max_size=2048))
def test_random_bytes_are_a_drop(body: bytes) -> None:
    assert record_or_drop(body) is None


@PROPERTY_SETTINGS
@given(texts=st.lists(st.one_of(st.text(max_size=400), st.integers(-2, 4)), max_size=12),
       captions=st.lists(st.one_of(st.none(), st.text(max_size=120)), max_size=3))
def test_cleaning_keeps_only_text_it_was_given(texts: list[str | int], captions: list[str | None]) -> None:
    images = [{"url": f"https://inbusiness.kz/{i}.jpg", "caption": c, "credit": c} for i, c in enumerate(captions)]
    article = Article(url=URL, site=SITE_NAME, language="ru", title="T", content=list(texts), images=images)
    clean_article(article)
    given_text = "\n".join(collapse_whitespace(t) for t in texts if isinstance(t, str))
    assert all(paragraph in given_text for paragraph in article.body.split("\n\n") if paragraph)
    assert article.content == []


# -- single hard pages ---------------------------------------------------------------------

def _layout_b_page() -> tuple[str, bytes]:
    site = build_site()
    article = next(a for a in site.articles if a.layout == "layout_b")
    return f"http://127.0.0.1{article.path}", site.respond(article.path)[2]


def _with_body(page: bytes, inner: bytes) -> bytes:
    return re.sub(rb'<div class="article__body">.*?</div>\n<div', b'<div class="article__body">' + inner.replace(
        b"\\", b"\\\\") + b"</div>\n<div", page, count=1, flags=re.S)


def test_a_20_mb_page_is_read_whole() -> None:
    url, page = _layout_b_page()
    paragraph = ("<p>" + "Национальный банк рассматривает новые меры поддержки малого бизнеса. " * 5 + "</p>\n").encode()
    huge = _with_body(page, paragraph * (20_000_000 // len(paragraph)))
    assert len(huge) > 20_000_000
    record = record_or_drop(huge, url)
    assert record is not None and len(record["body"]) > 10_000_000


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_markup_nested_beyond_the_recursion_limit_is_no_exception(depth: int) -> None:
    url, page = _layout_b_page()
    record_or_drop(_with_body(page, b"<div>" * depth + b"<p>Deep text of the article.</p>"), url)


def test_page_of_promo_blocks_only_is_a_drop() -> None:
    url, page = _layout_b_page()
    promos = "".join(v.html for v in NOISE_VARIANTS if v.name.startswith("promo_") and "ru" in v.editions)
    assert record_or_drop(_with_body(page, promos.encode()), url) is None


@pytest.mark.parametrize("page", [
    b"", b"<html>", b"<html><head><title></title></head><body></body></html>",
    "<html><body><h1>Заголовок без текста</h1></body></html>".encode(),
    "<html><body><p>Текст без заголовка и даты, но длинный достаточно для абзаца статьи.</p></body></html>".encode(),
], ids=["empty", "bare_html", "empty_title_and_body", "title_only", "text_only"])
def test_page_without_title_body_or_date_is_a_drop(page: bytes) -> None:
    assert record_or_drop(page) is None


def test_drop_is_counted_and_logged_with_its_url() -> None:
    crawler = get_crawler(settings_dict={})
    spider = crawler._create_spider("inbusiness")
    item = Article(url=URL, site=SITE_NAME, language="ru", title="Заголовок", published_at="2024-05-02T09:15:00+05:00",
                   content=["Подпишитесь на наш Telegram канал! Узнавайте о новостях первыми"])
    CleanTextPipeline.from_crawler(crawler).process_item(item)
    with pytest.raises(DropItem) as dropped:
        RequiredFieldsPipeline.from_crawler(crawler).process_item(item)
    assert crawler.stats.get_value("newscrawl/dropped/missing_field/body") == 1
    logged = ArticleLogFormatter().dropped(item, dropped.value, None, spider)
    assert URL in logged["msg"] % logged["args"]
