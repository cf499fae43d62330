"""Single rules: what each one removes, and the look-alikes it must leave."""

from __future__ import annotations

import re
import time

import pytest

from newscrawl.clean import normalize_credit, split_credit
from newscrawl.clean.blocks import block_kind, classify_blocks
from newscrawl.clean.promo import is_button, is_promo, strip_trailing_promo
from newscrawl.clean.rules import en, kk, ru

LOOKALIKES = [
    "Об этом сообщается в Telegram-канале акимата.",
    "Подписаться на рассылку можно на сайте ведомства.",
    "Фото нарушителя опубликовали в соцсетях.",
    "Фотографии с места событий публикует пресс-служба.",
    "В Telegram-канале министерства опубликовали видео.",
    "Пользователи Instagram заметили ошибку.",
    "Глава ведомства предложил подписаться на петицию.",
    "Министр подписал приказ.",
    "Бұл туралы әкімдіктің Telegram-арнасында хабарланды.",
    "The ministry said on its Telegram channel that the road is closed.",
    "He urged followers to subscribe to the petition.",
    "Рынок рекламы вырос на 10%.",
    "Фото: что известно о новом законе",
]


def test_lookalikes_kept() -> None:
    assert [block_kind(text) for text in LOOKALIKES] == [None] * len(LOOKALIKES)


def test_promo_in_any_case_and_punctuation() -> None:
    for text in ("подписывайтесь на наш telegram-канал", "ПОДПИСЫВАЙТЕСЬ НА НАШ TELEGRAM-КАНАЛ!!!",
                 "«Подписывайтесь на наш Telegram-канал» 👉👉", "Подписывайтесь: наш Телеграмм-канал"):
        assert is_promo(text), text


def test_promo_with_link_text() -> None:
    assert is_promo("Следите за нами в Telegram: https://t.me/inbusinesskz")
    assert is_promo("Подписывайтесь на наш канал в WhatsApp chat.whatsapp.com/AbCd")


def test_promo_sentence_inside_a_sentence_is_not_promo() -> None:
    assert not is_promo("Блогер призвал: «Подписывайтесь на наш Telegram-канал», но его заблокировали.")
    quoted = "Блогер написал: «Подписывайтесь на наш Telegram-канал»"
    assert strip_trailing_promo(quoted) == quoted


def test_promo_matching_stays_fast_on_repetitive_text() -> None:
    started = time.perf_counter()
    for text in ("Telegram канал " * 20 + "x", "Подпишитесь на наш " * 15 + "x", "наш канал " * 30):
        block_kind(text)
        strip_trailing_promo(text)
    assert time.perf_counter() - started < 0.5


def test_buttons_alone_are_buttons_not_promo_sentences() -> None:
    assert is_button("Подписаться") and not is_promo("Подписаться")
    assert is_button("t.me/inbusinesskz")
    assert not is_button("Подписаться на рассылку")


def test_kazakh_promo_on_a_russian_page() -> None:
    assert classify_blocks(["Текст.", "Telegram арнамызға жазылыңыз"]) == [None, "promo"]


def test_trailing_promo_needs_a_sentence_start() -> None:
    assert strip_trailing_promo("Текст. Подпишитесь на наш Instagram") == "Текст."
    assert strip_trailing_promo("Он предложил подписаться на наш Instagram") == (
        "Он предложил подписаться на наш Instagram"
    )


def test_related_prefix_needs_colon_for_po_teme() -> None:
    assert block_kind("По теме: Цены на бензин выросли") == "related"
    assert block_kind("По теме доклада выступил министр.") is None


def test_ad_label_only_when_whole_block() -> None:
    assert block_kind("Реклама") == "ad"
    assert block_kind("Реклама алкоголя запрещена.") is None


def test_credit_source_must_be_short_and_not_a_sentence() -> None:
    assert block_kind("Фото: пресс-служба акимата. Видео: YouTube") is None
    assert block_kind("Фото: " + " ".join(["слово"] * 12)) is None


def test_split_credit_keeps_caption_without_credit() -> None:
    assert split_credit("Здание акимата") == ("Здание акимата", None)
    assert split_credit("Фото - пресс-служба акимата") == (None, "пресс-служба акимата")


def test_normalize_credit_label_only_is_none() -> None:
    assert normalize_credit("Photo:") is None
    assert normalize_credit("Сурет") is None


@pytest.mark.parametrize("rules", [ru, kk, en], ids=lambda module: module.__name__.rsplit(".", 1)[-1])
def test_rules_are_valid_regexes(rules) -> None:
    for name in dir(rules):
        value = getattr(rules, name)
        if name.isupper() and isinstance(value, list):
            for pattern in value:
                re.compile(pattern.replace("{net}", "x").replace("{channel}", "y"))


def test_call_naming_the_site_is_promo_only_with_the_sites_own_names() -> None:
    assert is_promo("Читайте на 123ru.net", own_names=("123ru.net",))
    assert not is_promo("Читайте на 123ru.net")
    assert is_promo("Следите за inbusiness.kz в WhatsApp")  # a network is a target on its own


def test_call_to_someone_elses_channel_is_not_promo() -> None:
    assert block_kind("Read the full statement on the ministry's Telegram channel.") is None
    assert block_kind("Акимат призвал жителей подписаться на официальный Telegram-канал.") is None


def test_promo_with_extra_words_between_call_and_channel() -> None:
    assert is_promo("Подписывайтесь на наш деловой Telegram-канал, чтобы не пропустить важное")
    assert is_promo("Узнайте первым о важных новостях Западного Казахстана на нашей странице")


def test_kazakh_promo_in_latin_script() -> None:
    assert is_promo("Telegram arnamyzǵa jazylyńyz")
    assert is_promo("Soŋǧy jaŋalyqtar turaly habardar bolyŋyz")
    assert is_promo("Adyrna.kz ūlttyq portalynyŋ maŋyzdy aqparattaryna jazylu", own_names=("Adyrna.kz",))


def test_paragraph_ending_in_a_call_is_cut_not_removed() -> None:
    assert not is_promo("LEAD TEXT. Подписывайтесь на наш Telegram-канал!")
    assert strip_trailing_promo("LEAD TEXT. Подписывайтесь на наш Telegram-канал!") == "LEAD TEXT."


def test_credit_without_separator_needs_a_name_or_a_site() -> None:
    assert block_kind("Фото Айзата АТШЫБАЕВА") == "credit"
    assert block_kind("Инфографика Kursiv") == "credit"
    assert block_kind("Фото ИИ pg12.ru") == "credit"
    assert block_kind("Фотографии с задымлением появились в соцсетях") is None
    assert split_credit("На фото Касым-Жомарт Токаев") == ("На фото Касым-Жомарт Токаев", None)


def test_credit_after_its_source_and_generated_image_notes() -> None:
    assert normalize_credit("Артем КРЫЛОВ, Андрей ТЕРЕХОВ (фото)") == "Артем КРЫЛОВ, Андрей ТЕРЕХОВ"
    assert block_kind("Изображение сгенерировано нейросетью") == "credit"
    assert block_kind("Images | Astana Mayor's Office") == "credit"
    assert block_kind("Photo credit:") == "credit"


def test_related_label_takes_a_list_of_headlines_and_stops_at_text() -> None:
    blocks = ["Другие новости по теме", "Цены на бензин выросли", "Астанада жаңа мектеп ашылды", "Текст статьи."]
    assert classify_blocks(blocks) == ["related", "related", "related", None]
    assert block_kind("Тақырыпқа қатысты:") == "related"
    assert block_kind("Basqa materialdar") == "related"


def test_partner_headings_are_ads() -> None:
    for label in ("Партнерские материалы", "Новости партнеров", "Серіктес жаңалықтары", "Jarnama"):
        assert block_kind(label) == "ad", label


def test_tagline_between_promo_heading_and_button_goes_with_them() -> None:
    blocks = ["Текст.", "Telegram", "Курсив в Telegram: новости, которые стоит знать", "Подписаться"]
    assert classify_blocks(blocks, own_names=("Курсив",)) == [None, "button", "promo", "button"]
    widget = ["Подписывайтесь на наш Telegram", "Главные новости Казахстана", "Подписаться"]
    assert classify_blocks(widget) == ["promo", "promo", "button"]


def test_subheading_before_a_promo_widget_stays() -> None:
    blocks = ["Текст.", "Что дальше", "Telegram", "ПОДПИСЫВАЙТЕСЬ НА НАС В TELEGRAM Узнавайте о новостях первыми",
              "Подписаться"]
    assert classify_blocks(blocks) == [None, None, "button", "promo", "button"]


def test_credit_label_with_a_modifier_and_a_byline_with_a_photo_credit() -> None:
    assert block_kind("архивное фото из открытых источников") == "credit"
    assert normalize_credit("Текст: Данияр Молдабеков, Фото: Данияр Мусиров") == "Данияр Мусиров"
    assert block_kind("Текст: Данияр Молдабеков") is None
    assert block_kind("Новое фото Токаева") is None


def test_widget_headings_of_no_fixed_wording_are_related() -> None:
    for heading in ("Топ читаемых", "Самое интересное в регионах", "Editor's Choice", "relevant news"):
        assert block_kind(heading) == "related", heading
    assert block_kind("Самое интересное — впереди") is None


def test_bare_site_name_under_a_picture_is_its_credit() -> None:
    assert classify_blocks([0, "pexels.com", "Текст."]) == [None, "credit", None]
    assert classify_blocks(["Текст.", "pexels.com"]) == [None, None]
