"""tengrinews.kz pages in, what its layouts and ``refine`` give: one behaviour per test.

Whole records per fixture page are ``tests/test_extraction.py``'s (every site, every layout).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from newscrawl import settings
from newscrawl.extract.article import extract_article
from newscrawl.items import Article
from newscrawl.middlewares import EncodingMiddleware
from newscrawl.records import record_from_html
from newscrawl.sites.tengrinews import TENGRINEWS

FIXTURES = Path(__file__).parent / "fixtures" / "tengrinews"
SPEC_EXAMPLES = Path("/work/shared/spec/examples/tengrinews")
# A local copy with a tracking link: the record still names the canonical URL.
COPY_URL = "http://127.0.0.1:8002/kazakhstan_news/slug-529843/?utm_source=tengrinews&utm_medium=lenta"


def extracted(html: bytes, url: str = COPY_URL, content_type: str = "text/html; charset=utf-8") -> Article:
    response = HtmlResponse(url=url, body=html, headers={"Content-Type": content_type})
    return extract_article(response.selector, response.url, site=TENGRINEWS)


def record_of(page: Path) -> dict[str, object]:
    # No charset in the header: a windows-1251 page says so only in its <meta http-equiv>.
    record = record_from_html(page.read_bytes(), COPY_URL, site=TENGRINEWS, headers={"Content-Type": "text/html"})
    assert record is not None
    return record


def expected_of(page: Path) -> dict[str, object]:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


def test_spec_example_fixture_is_the_spec_page_and_record_with_the_record_md_url() -> None:
    """The spec's expected JSON keeps the canonical's trailing slash; record.md removes it."""
    if not SPEC_EXAMPLES.is_dir():
        pytest.skip(f"{SPEC_EXAMPLES} not present")
    page = FIXTURES / "layout_l-2024-02-29.html"
    assert (SPEC_EXAMPLES / "zhandosova.layout-l.html").read_bytes() == page.read_bytes()
    spec = json.loads((SPEC_EXAMPLES / "zhandosova.expected.json").read_text(encoding="utf-8"))
    ours = expected_of(page)
    assert ours["url"] == str(spec["url"]).rstrip("/")
    assert {**spec, "url": ours["url"], "extraction": "layout_l"} == ours


def test_windows_1251_declared_only_in_meta_is_decoded() -> None:
    page = FIXTURES / "layout_t-2024-02-20.html"
    assert b'charset=windows-1251' in page.read_bytes() and b"charset=utf" not in page.read_bytes()
    assert record_of(page)["title"] == "Тенге укрепился к доллару на утренних торгах"


def test_windows_1251_page_under_a_wrong_utf8_header_is_decoded_by_its_meta(caplog: pytest.LogCaptureFixture) -> None:
    """As a crawl reads it: the header says utf-8 (Scrapy believes it over <meta>), the bytes are no
    UTF-8, so EncodingMiddleware (DOWNLOADER_MIDDLEWARES) re-decodes them before anything reads the text."""
    assert settings.DOWNLOADER_MIDDLEWARES.get("newscrawl.middlewares.EncodingMiddleware") is not None
    body = (FIXTURES / "layout_t-2024-02-20.html").read_bytes()
    assert b"charset=windows-1251" in body
    crawler = get_crawler(settings_dict={})
    response = HtmlResponse(url=COPY_URL, body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    with caplog.at_level(logging.INFO, logger="newscrawl.middlewares"):
        fixed = EncodingMiddleware.from_crawler(crawler).process_response(Request(COPY_URL), response)
    assert isinstance(fixed, HtmlResponse)
    article = extract_article(fixed.selector, fixed.url, site=TENGRINEWS)
    assert article.title == "Тенге укрепился к доллару на утренних торгах"
    assert crawler.stats is not None and crawler.stats.get_value("newscrawl/encoding/fixed") == 1
    assert COPY_URL in caplog.text


def _spec_page() -> str:
    return (FIXTURES / "layout_l-2024-02-29.html").read_text(encoding="utf-8")


def test_text_stops_at_the_comments_block_and_tags_are_no_text() -> None:
    content = [block for block in extracted(_spec_page().encode()).content if isinstance(block, str)]
    joined = " ".join(content)
    assert "Комментарии" not in joined and "авторизуйтесь" not in joined and "Гость" not in joined
    assert "Теги" not in joined and "ремонт дорог" not in joined
    assert content[-2:] == ["Наши новости теперь в WhatsApp!", "Подписаться"]  # the last before tags, #comm


def test_text_after_the_comments_block_is_dropped_too() -> None:
    html = _spec_page().replace('<div id="comm">', '<div><div id="comm">').replace(
        "</div>\n</div>\n\n\n</main>", "</div><p>Хвост после комментариев.</p></div><p>И еще.</p>\n</div>\n\n\n</main>")
    texts = [block for block in extracted(html.encode()).content if isinstance(block, str)]
    assert "Хвост после комментариев." not in texts and "И еще." not in texts
    assert "Наши новости теперь в WhatsApp!" in texts


def test_relative_printed_date_is_never_used() -> None:
    html = _spec_page()
    for name in ("article:published_time", "article:modified_time"):
        html = html.replace(f'property="{name}"', 'property="x"')
    html = html.replace('"datePublished"', '"x1"').replace('"dateModified"', '"x2"')
    relative = html.replace("29 февраля 2024 23:55", "Сегодня, 23:55")
    assert extracted(relative.encode()).published_at is None  # no record rather than a guessed day
    assert extracted(html.encode()).published_at == "2024-02-29T23:55:00+06:00"  # printed in full: used


def test_structured_date_wins_over_the_printed_one() -> None:
    html = _spec_page().replace("29 февраля 2024 23:55", "Вчера, 10:45")
    assert extracted(html.encode()).published_at == "2024-02-29T23:55:00+06:00"


def test_comment_count_is_never_views() -> None:
    html = re.sub(r'<span class="head-single-views".*?</span>', "", _spec_page())
    assert 'href="#comm" title="Комментарии"><i class="icon-comment"></i>15' in html
    assert extracted(html.encode()).views is None


def test_organization_author_is_no_author_and_persons_are_kept() -> None:
    html = _spec_page().replace('[{"@type": "Person", "name": "Айжан Тулеуова"}]',
                                '{"@type": "Organization", "name": "Tengrinews.kz"}')
    assert extracted(html.encode()).authors == []
    assert extracted(_spec_page().encode()).authors == ["Айжан Тулеуова"]


def test_lead_is_null_without_content_main_desc() -> None:
    html = _spec_page().replace('<div class="content_main_desc"><p>Ограничения связаны с реконструкцией теплотрассы.</p></div>', "")
    assert extracted(html.encode()).lead is None


def _t_page() -> str:
    return (FIXTURES / "layout_t-2022-10-18.html").read_text(encoding="utf-8")


def test_t_title_comment_count_is_not_title() -> None:
    html = _t_page().replace('property="og:title"', 'property="x"')  # the h1 alone
    assert extracted(html.encode()).title == "Пожар на складе в Алматы потушили спустя пять часов"


def test_t_last_paragraph_goes_only_when_it_is_a_promo() -> None:
    promo = '<p><strong>Самые важные новости - в нашем Telegram-канале</strong> <a href="https://t.me/tengrinews">Подписаться</a></p>'
    assert promo in _t_page()
    plain = _t_page().replace(promo, "<p>Ущерб оценивают специалисты.</p>")
    assert [b for b in extracted(plain.encode()).content if isinstance(b, str)][-1] == "Ущерб оценивают специалисты."
    linked = _t_page().replace(promo, '<p>Наш канал: <a href="https://whatsapp.com/channel/0029">WhatsApp</a></p>')
    assert "Наш канал: WhatsApp" not in extracted(linked.encode()).content
    subheading_last = _t_page().replace(promo, "")
    assert "Об этом сообщается в Telegram-канале пресс-службы ДЧС." in extracted(subheading_last.encode()).content


def test_own_names_cover_every_brand_the_copys_promos_print() -> None:
    """The names cleaning gets (TEAM.md own_names) cover what the promo variants call the site."""
    from newscrawl.demo.tengrinews.noise import NOISE_VARIANTS, T_PROMO_LINES

    brands = re.compile(r"tengri\w*(?:\.kz)?(?: tv)?|тенгри\w*", re.IGNORECASE)
    printed = {m.group(0).casefold() for html in [*(v.html for v in NOISE_VARIANTS), *T_PROMO_LINES]
               for m in brands.finditer(re.sub(r"https?://\S+", "", html))}
    assert printed and printed <= {name.casefold() for name in TENGRINEWS.own_names}


@pytest.mark.parametrize("author", ['{"@type": "NewsMediaOrganization", "name": "Tengri"}',
                                    '[{"@type": ["Organization"], "name": "Tengrinews"}]'])
def test_organization_of_any_spelling_is_no_author(author: str) -> None:
    html = _spec_page().replace('[{"@type": "Person", "name": "Айжан Тулеуова"}]', author)
    assert extracted(html.encode()).authors == []
