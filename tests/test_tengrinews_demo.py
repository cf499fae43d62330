"""The tengrinews copy's renderers: what they serve extracts to the records their data says.

Pages go through the site's layouts and today's cleaning; listings through the site's URL and
listing rules, from its declaration.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from email.utils import parsedate_to_datetime

import pytest
from parsel import Selector
from scrapy.http import HtmlResponse

from newscrawl.clean import clean_article
from newscrawl.demo.tengrinews.content import LAYOUT_L, LAYOUT_T, LONGREAD, Noise, Photo, TengriArticle, Text, almaty
from newscrawl.demo.tengrinews.data import WINDOWS, CopyData, demo_data
from newscrawl.demo.tengrinews.listings import (
    day_pages,
    news_sitemaps,
    render_day_archive,
    render_news_sitemap,
    render_robots,
    render_rss,
    render_sitemap_index,
)
from newscrawl.demo.tengrinews.noise import CREDIT_FORMS, LOOKALIKES, NOISE_VARIANTS, T_PROMO_LINES
from newscrawl.demo.tengrinews.pages import page_bytes
from newscrawl.demo.tengrinews.routes import respond
from newscrawl.discover.archive import read_listing
from newscrawl.discover.feeds import rss_links, sitemap_entries
from newscrawl.discover.sitemaps import sitemap_child_wanted
from newscrawl.extract.article import extract_article
from newscrawl.items import export_record
from newscrawl.sites.tengrinews import TENGRINEWS

BASE = "http://127.0.0.1:8002"
RELATED = ("/kazakhstan_news/chto-izmenitsya-s-1-marta-483441/", "Что изменится с 1 марта")
def record(article: TengriArticle) -> dict[str, object]:
    body, content_type = page_bytes(article, RELATED)
    response = HtmlResponse(url=BASE + article.path + "?utm_source=tg", body=body,
                            headers={"Content-Type": content_type})
    extracted = extract_article(response.selector, response.url, site=TENGRINEWS)
    clean_article(extracted, own_names=TENGRINEWS.own_names)
    return export_record(extracted)


def plain(layout: str = LAYOUT_L, **changes: object) -> TengriArticle:
    """A noise-free article; ``changes`` override its fields."""
    article = TengriArticle(
        id=529843, section_slug="kazakhstan_news", section="Казахстан", slug="v-almatyi-perekroyut", layout=layout,
        title="В Алматы перекроют улицу Жандосова", published=almaty(2024, 2, 29, 23, 55),
        lead="Ограничения связаны с ремонтом теплотрассы.", modified=almaty(2024, 3, 1, 9, 10),
        authors=["Айжан Тулеуова"], tags=["Алматы", "ремонт дорог"],
        main_image=Photo("/userdata/news/2024/news_529843/thumb_m/photo_1.jpeg", None if layout == LAYOUT_T else
                         "Улица Жандосова", "Фото: Tengrinews.kz / Турар Казангапов", "Tengrinews.kz / Турар Казангапов"),
        blocks=[Text("p", "С 1 марта движение по улице Жандосова будет ограничено на участке до Гагарина."),
                Photo("/userdata/news/2024/news_529843/photo_2.jpeg", None, "Фото: пресс-служба акимата Алматы",
                      "пресс-служба акимата Алматы", credit_line=True),
                Text("p", "Работы продлятся до 31 марта, объезд организован по улицам Тимирязева и Абая."),
                Text("h2", "Как будут ходить автобусы"), Text("li", "маршруты № 12 и 48 пойдут по Тимирязева;"),
                Text("li", "остановка временно не работает."), Text("quote", "«Планируйте маршрут», - сказали в управлении.")],
        views=12345, comments=15)
    if layout == LONGREAD:
        article = dataclasses.replace(article, blocks=[b for b in article.blocks if isinstance(b, Text)])
    return dataclasses.replace(article, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("article", [
    plain(),
    plain(utc_json_ld=True, relative_date=True),
    plain(lead=None, authors=[], views=None, tags=[]),
    plain(published=almaty(2024, 3, 1, 0, 3), modified=None, views_separator="\u2009", cp1251=True),
    plain(LAYOUT_T, published=almaty(2022, 10, 18, 10, 45)),
    plain(LAYOUT_T, date_style=1, id=529844),
    plain(LAYOUT_T, date_style=2, cp1251=True, id=529845, published=almaty(2024, 3, 1, 0, 3)),
    plain(LONGREAD, lead="Репортаж из самого холодного поселка."),
], ids=["l", "l-utc-relative", "l-bare", "l-cp1251-after-switch", "t", "t-comma", "t-numeric-cp1251", "longread"])
def test_page_extracts_to_the_record_its_data_says(article: TengriArticle) -> None:
    assert record(article) == article.expected_record()


@pytest.mark.parametrize("variant", [pytest.param(v, id=v.name) for v in NOISE_VARIANTS])
def test_noise_variant_leaves_the_record_clean(variant: object) -> None:
    article = plain()
    blocks = [*article.blocks, Noise(variant.name, variant.html)] if variant.at_end else [
        *article.blocks[:3], Noise(variant.name, variant.html), *article.blocks[3:]]
    noisy = dataclasses.replace(article, blocks=blocks)
    assert record(noisy) == article.expected_record()


@pytest.mark.parametrize("line", T_PROMO_LINES)
def test_t_promo_line_is_not_text(line: str) -> None:
    article = plain(LAYOUT_T, id=529843 + T_PROMO_LINES.index(line))  # the id picks the line
    assert record(article)["body"] == article.expected_record()["body"]


@pytest.mark.parametrize("sentence", LOOKALIKES)
def test_lookalike_stays_in_the_body(sentence: str) -> None:
    article = plain()
    article.blocks.insert(1, Text("p", sentence))
    assert sentence in str(record(article)["body"]).split("\n\n")


@pytest.mark.parametrize(("raw", "credit"), [pytest.param(raw, credit, id=raw) for raw, credit in CREDIT_FORMS])
def test_credit_line_after_a_photo_goes_to_that_photo(raw: str, credit: str) -> None:
    article = plain()
    article.blocks[1] = Photo("/userdata/x.jpeg", None, raw, credit, credit_line=True)
    assert record(article) == article.expected_record()


@pytest.fixture(scope="module")
def data() -> CopyData:
    return demo_data()


def test_the_switch_night_is_exported_with_the_offset_in_force(data: CopyData) -> None:
    stamps = {str(r["published_at"]) for r in data.expected_records(*WINDOWS["2024"])}
    assert {"2024-02-29T23:55:00+06:00", "2024-02-29T23:30:00+05:00", "2024-03-01T00:03:00+05:00"} <= stamps


def test_archive_lists_the_days_items_and_refuses_the_video_and_sidebar(data: CopyData) -> None:
    day = date(2024, 2, 29)
    items = data.day_items(day)
    pages = day_pages(items)
    assert len(pages) == 2 and any(not item.is_article for item in items)
    links = [link for number, page in enumerate(pages, 1) for link in read_listing(
        Selector(text=render_day_archive(day, page, number, 2, BASE, served=date(2024, 3, 1))),
        f"{BASE}/news/{day:%Y/%m/%d}/" + (f"page/{number}/" if number > 1 else ""), TENGRINEWS).links]
    assert sorted(links) == sorted(BASE + item.path for item in items if item.is_article)


def test_rss_dates_carry_the_offset_of_their_moment(data: CopyData) -> None:
    rss = render_rss(data.items, BASE)
    dates = Selector(text=rss, type="xml").xpath("//pubDate/text()").getall()
    assert any(d.endswith("+0600") for d in dates) and any(d.endswith("+0500") for d in dates)
    assert all(parsedate_to_datetime(d).tzinfo is not None for d in dates)
    assert len(list(rss_links(rss.encode()))) == 50


def test_robots_names_the_index_whose_news_children_list_every_article(data: CopyData) -> None:
    assert f"Sitemap: {BASE}/sitemap-index.xml" in render_robots(BASE)
    kind, streamed = sitemap_entries(render_sitemap_index(data.items, BASE).encode())
    children = list(streamed)  # the entries are streamed: read once
    assert kind == "sitemapindex" and f"{BASE}/sitemap-pages.xml" in [loc for loc, _ in children]
    listed = []
    files = news_sitemaps(data.items)
    for url in (loc for loc, _ in children if sitemap_child_wanted(loc, TENGRINEWS, ("ru",), None)):
        kind, streamed = sitemap_entries(render_news_sitemap(files[url.rsplit("/", 1)[-1]], BASE).encode())
        entries = list(streamed)
        assert kind == "urlset" and all(lastmod for _, lastmod in entries)
        listed += [loc for loc, _ in entries]
    assert sorted(listed) == sorted(BASE + item.path for item in data.items if item.is_article)


def test_removed_article_is_only_in_its_day_archive(data: CopyData) -> None:
    gone = next(item for item in data.items if item.id in data.gone)
    served = [respond(data, path, BASE).body for path in ("/sitemap-index.xml", "/news.rss", "/news/", "/news/page/2/")]
    kind, children = sitemap_entries(served[0])
    served += [respond(data, loc.removeprefix(BASE), BASE).body for loc, _ in children]
    assert not any(gone.path.encode() in body for body in served)
    assert gone.path.encode() in respond(data, f"/news/{gone.day:%Y/%m/%d}/", BASE).body


def test_copy_answers_like_the_site(data: CopyData) -> None:
    article = next(item for item in data.items if item.is_article and item.id not in data.gone)
    assert respond(data, article.path + "?utm_source=tg", BASE).status == 200
    assert respond(data, article.path.rstrip("/"), BASE).body == respond(data, article.path, BASE).body
    moved = respond(data, f"/world_news/old-slug-{article.id}/", BASE)
    assert (moved.status, moved.headers["Location"]) == (301, article.path)
    assert respond(data, f"/kazakhstan_news/x-{min(data.gone)}/", BASE).status == 404
    assert respond(data, "/news/2024/02/29/page/3/", BASE).status == 404
    assert respond(data, "/news/2024/02/30/", BASE).status == 404
    assert respond(data, "/news/page/2/", BASE).status == 200
    cp1251 = next(item for item in data.items if item.cp1251)
    reply = respond(data, cp1251.path, BASE)
    assert reply.headers["Content-Type"] == "text/html" and b"charset=windows-1251" in reply.body
    wrong = respond(data, next(item for item in data.items if item.utf8_header).path, BASE)
    assert wrong.headers["Content-Type"] == "text/html; charset=utf-8" and b"charset=windows-1251" in wrong.body
    video = next(item for item in data.items if not item.is_article)
    assert respond(data, video.path, BASE).status == 200
