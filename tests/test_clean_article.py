"""clean_article: body from content blocks, credits moved to images, counts reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.clean import CleanReport, clean_article
from newscrawl.items import Article, Image

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_40b3274b0643c324.txt"
EXPECTED = SHARED / "spec" / "examples" / "lavrov-klin.expected.json"
P1 = "Первый абзац статьи."
P2 = "Второй абзац статьи."


def _image(caption: str | None = None, credit: str | None = None, name: str = "a") -> Image:
    return {"url": f"https://inbusiness.kz/uploads/{name}.jpg", "caption": caption, "credit": credit}


def _article(content: list, images: list[Image] | None = None, **fields) -> Article:
    return Article(
        url="https://inbusiness.kz/ru/last/x", site="inbusiness.kz", language="ru",
        title=fields.pop("title", "T"), content=content, images=images or [], **fields,
    )


def test_body_is_blocks_joined_and_content_emptied() -> None:
    article = _article([" Первый\u00a0 абзац\n статьи. ", "", "   ", P2])
    clean_article(article)
    assert article.body == f"{P1}\n\n{P2}"
    assert article.content == []


def test_whitespace_collapsed_including_thin_and_zero_width_spaces() -> None:
    article = _article(["1\u2009234 тенге\u200b за\u202fлитр"], title="  Заголовок\n статьи ")
    clean_article(article)
    assert article.body == "1 234 тенге за литр"
    assert article.title == "Заголовок статьи"


#: The last five lines of the seed dump: two promo blocks with their buttons.
SEED_PROMO = [
    "Telegram",
    "ПОДПИСЫВАЙТЕСЬ НА НАС В TELEGRAM Узнавайте о новостях первыми",
    "Подписаться",
    "Подпишитесь на наш Telegram канал! Узнавайте о новостях первыми",
    "Подписаться",
]


def test_seed_promo_blocks_removed() -> None:
    article = _article([P1, *SEED_PROMO])
    report = clean_article(article)
    assert article.body == P1
    assert report.promo_blocks == 2
    assert report.buttons == 3


@pytest.mark.skipif(not SEED.exists() or not EXPECTED.exists(), reason="shared spec not present")
def test_seed_article_cleans_to_expected_record() -> None:
    lines = [line for line in SEED.read_text("utf-8").splitlines() if line.strip()]
    title, _views, lead, alt_text, *body = lines
    image: Image = {"url": "https://inbusiness.kz/uploads/2022-10/kX9a2LmQ.jpg", "caption": alt_text, "credit": None}
    article = _article(body, [image], title=title, lead=lead)
    clean_article(article)
    expected = json.loads(EXPECTED.read_text("utf-8"))
    assert (article.title, article.lead, article.body) == (expected["title"], expected["lead"], expected["body"])
    assert article.images == expected["images"]


def test_promo_split_across_blocks_removed() -> None:
    article = _article([P1, "Подпишитесь на наш", "Telegram-канал", P2, "Узнавайте о новостях", "первыми"])
    report = clean_article(article)
    assert article.body == f"{P1}\n\n{P2}"
    assert report.promo_blocks == 4


def test_short_news_blocks_are_not_joined_into_a_promo() -> None:
    blocks = ["Подпишитесь на наш", "Министр подписал приказ."]
    article = _article(list(blocks))
    clean_article(article)
    assert article.body == "\n\n".join(blocks)


def test_promo_glued_to_end_of_lead_removed() -> None:
    article = _article([P1], lead="LEAD TEXT. Подписывайтесь на наш Telegram-канал!")
    report = clean_article(article)
    assert article.lead == "LEAD TEXT."
    assert report.promo_trimmed == 1


def test_lead_that_is_only_promo_becomes_none() -> None:
    article = _article([P1], lead="  Подписывайтесь на наш Telegram-канал! ")
    clean_article(article)
    assert article.lead is None


def test_lead_mentioning_subscription_kept() -> None:
    lead = "Глава ведомства предложил подписаться на петицию в Telegram"
    article = _article([P1], lead=lead)
    clean_article(article)
    assert article.lead == lead


def test_promo_glued_to_end_of_body_block_removed() -> None:
    article = _article([f"{P1} 👉 Подписывайтесь на наш канал в WhatsApp"])
    clean_article(article)
    assert article.body == P1


def test_credit_glued_to_caption_moves_to_image() -> None:
    caption = 'Лавров заявил, что никому не под силу "вбить клин" между Казахстаном и Россией'
    article = _article([P1], [_image(caption=f"{caption} Фото: politnavigator.net")])
    report = clean_article(article)
    assert article.images[0] == _image(caption=caption, credit="politnavigator.net")
    assert report.caption_credits == 1


def test_caption_credit_does_not_replace_existing_credit() -> None:
    article = _article([P1], [_image(caption="Министр Фото: pixabay.com", credit="Фото: © Shutterstock")])
    clean_article(article)
    assert article.images[0] == _image(caption="Министр", credit="Shutterstock")


def test_existing_credit_is_normalised() -> None:
    article = _article([P1], [_image(credit=" Фото: © Shutterstock ")])
    clean_article(article)
    assert article.images[0]["credit"] == "Shutterstock"


def test_credit_line_moves_to_preceding_image() -> None:
    images = [_image(name="main"), _image(name="inline")]
    article = _article([P1, 1, "Фото: пресс-служба акимата", P2], images)
    report = clean_article(article)
    assert article.body == f"{P1}\n\n{P2}"
    assert images[1]["credit"] == "пресс-служба акимата"
    assert images[0]["credit"] is None
    assert report.credits_moved == 1


def test_credit_line_skips_removed_noise_to_reach_image() -> None:
    images = [_image(name="main"), _image(name="inline")]
    article = _article([P1, 1, "Реклама", "Коллаж: inbusiness.kz"], images)
    clean_article(article)
    assert images[1]["credit"] == "inbusiness.kz"


def test_first_credit_line_goes_to_main_image() -> None:
    images = [_image(name="main")]
    article = _article(["Фото из открытых источников", P1], images)
    report = clean_article(article)
    assert images[0]["credit"] == "из открытых источников"
    assert article.body == P1
    assert report.credits_moved == 1


def test_credit_line_without_image_is_removed_and_counted() -> None:
    article = _article([P1, "Фото: politnavigator.net", P2])
    report = clean_article(article)
    assert article.body == f"{P1}\n\n{P2}"
    assert report.credits_orphaned == 1
    assert report.credits_moved == 0


def test_credit_line_after_text_is_orphaned_not_given_to_earlier_image() -> None:
    images = [_image(name="main"), _image(name="inline")]
    article = _article([1, P1, "Фото: politnavigator.net"], images)
    report = clean_article(article)
    assert images[1]["credit"] is None
    assert report.credits_orphaned == 1


def test_credit_line_for_image_that_has_credit_is_orphaned() -> None:
    images = [_image(name="main"), _image(name="inline", credit="akorda.kz")]
    article = _article([P1, 1, "Фото: politnavigator.net"], images)
    report = clean_article(article)
    assert images[1]["credit"] == "akorda.kz"
    assert article.body == P1
    assert report.credits_orphaned == 1


def test_without_main_image_content_may_reference_image_zero() -> None:
    images = [_image(name="inline")]
    article = _article(["Фото: politnavigator.net", P1, 0, "Фото: akorda.kz"], images)
    report = clean_article(article)
    assert images[0]["credit"] == "akorda.kz"
    assert report.credits_orphaned == 1


def test_related_label_takes_the_headline_after_it() -> None:
    article = _article([P1, "Читайте также:", "Нацбанк сохранил базовую ставку", P2])
    report = clean_article(article)
    assert article.body == f"{P1}\n\n{P2}"
    assert report.related == 2


def test_related_label_leaves_a_paragraph_after_it() -> None:
    article = _article([P1, "Читайте также:", P2])
    report = clean_article(article)
    assert article.body == f"{P1}\n\n{P2}"
    assert report.related == 1


def test_report_counts_each_kind() -> None:
    content = [P1, "Реклама", "View this post on Instagram", "Читайте также: Тенге укрепился", "Подписаться"]
    report = clean_article(_article(content))
    assert report == CleanReport(buttons=1, related=1, embeds=1, ads=1)
