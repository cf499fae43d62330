"""What the demo site puts inside article text that is not article text, and look-alikes that are.

Each variant is spread over the articles of every (edition, layout) it fits, so a crawl of the
demo site meets every one of them several times (``tests/test_demo_site.py`` pins that).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NoiseVariant:
    """One kind of noise (the inbusiness and kursiv copies share it): ``html`` may name
    ``{path}``/``{title}`` (a related article) or ``{credit}``."""

    name: str
    editions: tuple[str, ...]
    html: str
    at_end: bool = False  # promos close the text; the rest sit between paragraphs


TG_BLOCK = (
    '<div class="tg-block">\n     <div>Telegram</div>\n'
    "     <p><b>ПОДПИСЫВАЙТЕСЬ НА НАС В TELEGRAM</b> Узнавайте о новостях первыми</p>\n"
    '     <a href="https://t.me/inbusinesskz">Подписаться</a>\n   </div>'
)
RU, KZ, BOTH = ("ru",), ("kz",), ("ru", "kz")

NOISE_VARIANTS: tuple[NoiseVariant, ...] = (
    NoiseVariant("promo_tg_block", RU, TG_BLOCK, at_end=True),
    NoiseVariant("promo_tg_channel_ru", RU,
                 '<p>Подписывайтесь на наш <a href="https://t.me/inbusinesskz">Telegram-канал</a></p>', True),
    NoiseVariant("promo_tg_first_ru", RU,
                 "<p>Подпишитесь на наш Telegram канал! Узнавайте о новостях первыми</p>", True),
    NoiseVariant("promo_split_ru", RU, "<p>Подпишитесь на наш</p><p>Telegram-канал</p>", True),
    NoiseVariant("promo_dzen_ru", RU, '<p>Читайте нас в <a href="https://dzen.ru/inbusiness">Дзен</a></p>', True),
    NoiseVariant("promo_whatsapp_ru", RU,
                 '<p>👉 Подписывайтесь на наш канал в <a href="https://whatsapp.com/channel/inbusiness">WhatsApp</a></p>',
                 True),
    NoiseVariant("promo_instagram_ru", RU, "<p>ПОДПИСЫВАЙТЕСЬ НА НАШ INSTAGRAM!</p>", True),
    NoiseVariant("promo_youtube_ru", RU, "<p>Смотрите наши видео: подписывайтесь на YouTube-канал inbusiness.kz</p>",
                 True),
    NoiseVariant("promo_tg_kz", KZ, "<p>Telegram арнамызға жазылыңыз</p>", True),
    NoiseVariant("promo_tg_link_kz", KZ,
                 '<p><a href="https://t.me/inbusinesskz_kaz">Telegram арнамызға жазылыңыз!</a> '
                 "Жаңалықтарды бірінші біліңіз</p>", True),
    NoiseVariant("promo_instagram_kz", KZ, "<p>Біздің Instagram парақшамызға жазылыңыз</p><p>Жазылу</p>", True),
    NoiseVariant("promo_tg_en", BOTH, "<p>Subscribe to our Telegram channel</p>", True),
    NoiseVariant("related_ru", RU, '<p>Читайте также: <a href="{path}">{title}</a></p>'),
    NoiseVariant("related_kz", KZ, '<p>Сондай-ақ оқыңыз: <a href="{path}">{title}</a></p>'),
    NoiseVariant("credit_orphan", BOTH, "<p>{credit}</p>"),
    NoiseVariant("ad_label", BOTH, "<p>Реклама</p>"),
    NoiseVariant("ad_block", BOTH,
                 '<div class="adv"><span>Реклама</span><a href="https://ads.example/click?b=17">'
                 "Kaspi Business: кэшбэк для предпринимателей</a></div>"),
    NoiseVariant("embed_instagram", BOTH,
                 '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C3xYz9Lr/">'
                 '<a href="https://www.instagram.com/p/C3xYz9Lr/">Посмотреть эту публикацию в Instagram</a>'
                 "<p>A post shared by Akimat Almaty (@almaty_akimat)</p></blockquote>"
                 '<script async src="//www.instagram.com/embed.js"></script>'),
    NoiseVariant("embed_twitter", BOTH,
                 '<blockquote class="twitter-tweet"><p>Kazakhstan and partners sign a new transit deal.</p>'
                 '&mdash; MFA Kazakhstan (@MFA_KZ) <a href="https://twitter.com/MFA_KZ/status/1582301">'
                 "October 18, 2022</a></blockquote>"
                 '<script async src="https://platform.twitter.com/widgets.js"></script>'),
    NoiseVariant("embed_telegram", BOTH,
                 '<script async src="https://telegram.org/js/telegram-widget.js?22" '
                 'data-telegram-post="inbusinesskz/123" data-width="100%"></script>'),
)
#: Promos a page in the unknown layout may carry (its text is taken by a generic extractor).
UNKNOWN_LAYOUT_NOISE = ("promo_tg_channel_ru", "promo_tg_en", "promo_tg_kz")

#: Sentences that look like noise and are article text: they must stay in the body.
LOOKALIKES = {
    "ru": (
        "Об этом сообщается в Telegram-канале акимата.",
        "Фото нарушителя опубликовали в соцсетях.",
        "Подписаться на рассылку можно на сайте ведомства.",
        "В Telegram-канале министерства опубликовали видео.",
        "Рынок рекламы вырос на 10%.",
    ),
    "kz": ("Бұл туралы әкімдіктің Telegram-арнасында хабарланды.",),
}

#: Promo and related blocks the page prints after the article, outside the text container.
POPUP = {
    "ru": '<div class="popup" id="tg-popup">\n  <p>Подпишитесь на наш Telegram канал! Узнавайте о новостях первыми</p>\n'
          '  <a href="https://t.me/inbusinesskz">Подписаться</a>\n</div>',
    "kz": '<div class="popup" id="tg-popup">\n  <p>Telegram арнамызға жазылыңыз! Жаңалықтарды бірінші біліңіз</p>\n'
          '  <a href="https://t.me/inbusinesskz_kaz">Жазылу</a>\n</div>',
}
RELATED_HEADING = {"ru": "Читайте также", "kz": "Сондай-ақ оқыңыз"}
