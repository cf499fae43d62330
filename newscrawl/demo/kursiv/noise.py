"""What the kursiv copy puts inside article text that is not article text, and look-alikes that stay.

Promo blocks are generated mechanically: each base wording (kursiv-site.md) in several casings,
punctuations and markups (bold, linked, split by ``<br>``, a box with a bare button line), so that
no cleaning rule can fit the literal examples. Every variant is spread over the articles.
"""

from __future__ import annotations

from newscrawl.demo.noise import NoiseVariant

RU, KK, EN, ALL = ("ru",), ("kk",), ("en",), ("ru", "kk", "en")
TG = "https://t.me/kursivkz"

#: Promo wordings: (edition, text, the network word to link or split at).
PROMO_WORDINGS = (
    ("ru", "Подписывайтесь на Telegram-канал «Курсив» — главные новости бизнеса первыми", "Telegram-канал"),
    ("ru", "Читайте нас в Telegram: t.me/kursivkz", "Telegram"),
    ("ru", "Подписывайтесь на наш канал в WhatsApp", "WhatsApp"),
    ("ru", "Смотрите «Курсив» на YouTube", "YouTube"),
    ("ru", "Следите за новостями Kursiv в Instagram", "Instagram"),
    ("ru", "Присоединяйтесь к «Курсиву» в TikTok", "TikTok"),
    ("ru", "Читайте «Курсив» в Дзен", "Дзен"),
    ("kk", "«Курсивтің» Telegram-арнасына жазылыңыз", "Telegram-арнасына"),
    ("kk", "Бізді WhatsApp-та оқыңыз", "WhatsApp-та"),
    ("kk", "Kursiv Instagram парақшасына қосылыңыз", "Instagram"),
    ("en", "Subscribe to Kursiv's Telegram channel", "Telegram"),
    ("en", "Follow Kursiv on Instagram", "Instagram"),
)
BUTTON = {"ru": "Подписаться", "kk": "Жазылу", "en": "Subscribe"}
BOX_TEXT = {"ru": "Курсив в Telegram: новости, которые стоит знать", "kk": "Kursiv Telegram-да: маңызды жаңалықтар",
            "en": "Kursiv on Telegram: the news worth knowing"}


def _promo_markups(edition: str, text: str, network: str) -> list[str]:
    """The markups one wording is printed in (case, punctuation, emphasis, link, split)."""
    head, _, tail = text.partition(network)
    linked = f'{head}<a href="{TG}">{network}</a>{tail}'
    return [
        f"<p>{text}</p>",
        f"<p><strong>{text}</strong></p>",
        f"<p>{text.upper()}!</p>",
        f"<p>👉 {linked}.</p>",
        f"<p><em>{head.rstrip()}<br>{network}{tail}</em></p>",
        f"<p>{text.lower()}</p><p>{BUTTON[edition]}</p>",
    ]


def _promo_variants() -> tuple[NoiseVariant, ...]:
    variants = []
    for index, (edition, text, network) in enumerate(PROMO_WORDINGS):
        for style, markup in enumerate(_promo_markups(edition, text, network)):
            variants.append(NoiseVariant(f"promo_{edition}_{index}_{style}", (edition,), markup, at_end=True))
    for edition in ALL:
        variants.append(NoiseVariant(
            f"promo_box_{edition}", (edition,),
            f'<div class="social-promo"><div class="tg-promo__network">Telegram</div><p>{BOX_TEXT[edition]}</p>'
            f'<a class="wp-block-button__link" href="{TG}">{BUTTON[edition]}</a></div>', at_end=True))
    return tuple(variants)


PROMOS = _promo_variants()

#: Noise between paragraphs: related links, orphan credit lines, embeds, ads, partner labels.
INLINE_NOISE: tuple[NoiseVariant, ...] = (
    NoiseVariant("related_ru", RU, '<p><strong>Читайте также:</strong> <a href="{path}">{title}</a></p>'),
    NoiseVariant("related_topic_ru", RU, '<p>Читайте по теме: <a href="{path}">{title}</a></p>'),
    NoiseVariant("related_kk", KK, '<p><strong>Тағы оқыңыз:</strong> <a href="{path}">{title}</a></p>'),
    NoiseVariant("related_en", EN, '<p>Read also: <a href="{path}">{title}</a></p>'),
    NoiseVariant("credit_orphan", ALL, "<p><em>{credit}</em></p>"),
    NoiseVariant("embed_twitter", ALL,
                 '<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
                 '<div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet" data-width="550">'
                 "<p lang=\"en\" dir=\"ltr\">Kazakhstan's central bank keeps the base rate on hold.</p>"
                 '&mdash; NBK (@NationalBankKZ) <a href="https://twitter.com/NationalBankKZ/status/17632">'
                 'March 1, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js">'
                 "</script></div></figure>"),
    NoiseVariant("embed_instagram", ALL,
                 '<figure class="wp-block-embed is-provider-instagram wp-block-embed-instagram"><div '
                 'class="wp-block-embed__wrapper"><blockquote class="instagram-media" data-instgrm-permalink='
                 '"https://www.instagram.com/p/C4aBc12/"><a href="https://www.instagram.com/p/C4aBc12/">'
                 "Посмотреть эту публикацию в Instagram</a><p>Публикация от Akorda (@akorda_press)</p>"
                 '</blockquote><script async src="//www.instagram.com/embed.js"></script></div></figure>'),
    NoiseVariant("embed_youtube", ALL,
                 '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube">'
                 '<div class="wp-block-embed__wrapper"><iframe title="Итоги недели: рынок и тенге" width="640" '
                 'height="360" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" '
                 "allowfullscreen></iframe></div><figcaption class=\"wp-element-caption\">Итоги недели</figcaption>"
                 "</figure>"),
    NoiseVariant("embed_telegram", ALL,
                 '<blockquote class="telegram-post" data-telegram-post="minfinrk/6547"><p>Минфин напоминает: '
                 'декларации принимаются до 15 сентября.</p><a href="https://t.me/minfinrk">minfinrk</a></blockquote>'
                 '<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="minfinrk/6547"'
                 ' data-width="100%"></script>'),
    NoiseVariant("ad_ru", RU, '<div class="kursiv-ad"><span class="kursiv-ad__label">Реклама</span><a href='
                              '"https://ads.example/click?id=7"><img src="/wp-content/ads/b.png" alt=""></a></div>'),
    NoiseVariant("ad_kk", KK, '<div class="kursiv-ad"><span class="kursiv-ad__label">Жарнама</span><a href='
                              '"https://ads.example/click?id=8">Kaspi Business</a></div>'),
    NoiseVariant("ad_en", EN, '<div class="kursiv-ad"><span class="kursiv-ad__label">Advertisement</span>'
                              '<a href="https://ads.example/click?id=9"><img src="/wp-content/ads/c.png" alt=""></a></div>'),
    NoiseVariant("partner_label_ru", RU, "<p><em>На правах рекламы</em></p>"),
    NoiseVariant("partner_material_ru", RU, "<p>Партнерский материал</p>"),
    NoiseVariant("partner_label_en", ("en", "kk"), "<p>Sponsored</p>"),
)

#: Sentences that look like noise and are article text: they must stay in the body.
LOOKALIKES = {
    "ru": ("Об этом сообщается в Telegram-канале Министерства финансов.",
           "Фото с места аварии опубликовали очевидцы.",
           "Подписаться на облигации можно через приложение брокера.",
           "Компания объявила о запуске канала продаж в WhatsApp для корпоративных клиентов.",
           "Реклама на маркетплейсах подорожала на 12%."),
    "kk": ("Бұл туралы Қаржы министрлігінің Telegram-арнасында хабарланды.",),
    "en": ("The ministry announced the decision on its Telegram channel.",),
}

#: Page chrome outside the article (sidebar, pop-up): noise a page extractor must not take.
SIDEBAR = '<aside class="sidebar"><h3>Популярное</h3><ul><li><a href="{path}">{title}</a></li></ul></aside>'
MODAL = ('<div class="modal modal--subscribe" hidden><p>Подпишитесь на рассылку «Курсива»</p>'
         f'<a href="{TG}">Telegram</a></div>')
