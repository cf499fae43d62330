"""What tengrinews pages put inside the text that is not article text, and look-alikes that stay.

Variety the spec (tengrinews-site.md, "Inside the text, and not the article") describes in
general terms, made concrete: wordings, case, a promo split over two or three lines, ``t.me`` and
``whatsapp.com/channel`` links, credits in many forms, related links, embeds, ads. A variant's
``html`` may name ``{path}`` and ``{title}`` (a related article of the copy).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NoiseVariant:
    """One kind of noise; promos close the text (``at_end``), the rest sit between paragraphs."""

    name: str
    kind: str  # promo, credit, related, embed, ad
    html: str
    at_end: bool = False


_WA = "https://whatsapp.com/channel/0029VaTengrinews"
_TG = "https://t.me/tengrinews"

NOISE_VARIANTS: tuple[NoiseVariant, ...] = (
    NoiseVariant("promo_whatsapp_block", "promo", '<div class="social-block"><p>Наши новости теперь в WhatsApp!</p>'
                 f'<a class="btn" href="{_WA}">Подписаться</a></div>', True),
    NoiseVariant("promo_whatsapp_subscribe", "promo", "<p>Наши новости теперь в WhatsApp! Подписывайтесь</p>", True),
    NoiseVariant("promo_whatsapp_split3", "promo", "<p>Наши новости</p><p>теперь в WhatsApp -</p>"
                 f'<p>подписывайтесь по <a href="{_WA}">ссылке</a></p>', True),
    NoiseVariant("promo_tg_site", "promo", f'<p>Подписывайтесь на <a href="{_TG}">Telegram-канал Tengrinews.kz</a></p>',
                 True),
    NoiseVariant("promo_tg_site_upper", "promo", "<p>ПОДПИСЫВАЙТЕСЬ НА TELEGRAM-КАНАЛ TENGRINEWS.KZ!</p>", True),
    NoiseVariant("promo_tg_important_button", "promo", "<p>Самые важные новости - в нашем Telegram-канале</p>"
                 f'<p><a class="btn" href="{_TG}">Подписаться</a></p>', True),
    NoiseVariant("promo_tg_split2", "promo", f'<p>Самые важные новости -</p><p>в нашем <a href="{_TG}">Telegram-канале</a></p>',
                 True),
    NoiseVariant("promo_youtube_tengri_tv", "promo", "<p>Смотрите наши видео на YouTube-канале Tengri TV</p>", True),
    NoiseVariant("promo_instagram", "promo", '<p><a href="https://instagram.com/tengrinews.kz">Tengrinews.kz в Instagram</a></p>',
                 True),
    NoiseVariant("promo_google_news", "promo",
                 '<p>Читайте Tengrinews.kz в <a href="https://news.google.com/publications/CAAq">Google News</a></p>', True),
    NoiseVariant("promo_dzen", "promo", '<p>Читайте нас в <a href="https://dzen.ru/tengrinews">Дзен</a></p>', True),
    NoiseVariant("promo_subscribe_button", "promo", f'<p><a class="btn" href="{_TG}">Subscribe</a></p>', True),
    NoiseVariant("credit_video_after_embed", "credit", '<p><iframe src="https://www.youtube.com/embed/q1W2e3" '
                 'title="Паводок в Макинске" allowfullscreen></iframe></p><p>Видео: Telegram-канал ДЧС</p>'),
    NoiseVariant("credit_orphan_dash", "credit", "<p>Фото - Акорда</p>"),
    NoiseVariant("related_inline", "related", '<p><strong>Читайте также:</strong> <a href="{path}">{title}</a></p>'),
    NoiseVariant("related_upper", "related", '<p>ЧИТАЙТЕ ТАКЖЕ: <a href="{path}">{title}</a></p>'),
    NoiseVariant("related_label_then_link", "related",
                 '<p><strong>Читайте также</strong></p><p><a href="{path}">{title}</a></p>'),
    NoiseVariant("related_inpage_card", "related", '<div class="tn-inpage"><a href="{path}"><img src="/static/img/inpage.jpeg" '
                 'alt=""><span class="tn-inpage-title">{title}</span></a></div>'),
    NoiseVariant("related_discussed_now", "related", '<div class="tn-discussed-now-block"><h3>Сейчас обсуждают</h3>'
                 '<ul><li><a href="{path}">{title}</a></li></ul></div>'),
    NoiseVariant("embed_instagram", "embed", '<blockquote class="instagram-media" data-instgrm-permalink='
                 '"https://www.instagram.com/p/C7xYz/"><div><a href="https://www.instagram.com/p/C7xYz/">Посмотреть эту '
                 "публикацию в Instagram</a><p>Схема объезда.</p><p>Публикация от Полиция Астаны (@astana_police)</p>"
                 '</div></blockquote><script async src="//www.instagram.com/embed.js"></script>'),
    NoiseVariant("embed_twitter", "embed", '<blockquote class="twitter-tweet"><p>Flood rescue in Akmola region.</p>'
                 '&mdash; MES Kazakhstan (@MES_KZ) <a href="https://twitter.com/MES_KZ/status/1763">March 2, 2024</a>'
                 '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>'),
    NoiseVariant("embed_telegram_post", "embed", '<blockquote class="telegram-post" data-telegram-post="tengrinews/41234">'
                 "<p>Пост в Telegram</p></blockquote>"),
    NoiseVariant("embed_telegram_script", "embed", '<script async src="https://telegram.org/js/telegram-widget.js?22" '
                 'data-telegram-post="tengrinews/41234" data-width="100%"></script>'),
    NoiseVariant("embed_youtube", "embed", '<p><iframe src="https://www.youtube.com/embed/a1B2c3" title="Обзор дня"'
                 " allowfullscreen></iframe></p>"),
    NoiseVariant("ad_block", "ad", '<div class="tn-ad" data-place="inread"><span class="tn-ad-label">Реклама</span>'
                 '<div id="adfox_1634"><img src="/static/ads/b.png" alt=""></div></div>'),
    NoiseVariant("ad_block_upper_text", "ad", '<div class="tn-ad"><span class="tn-ad-label">РЕКЛАМА</span>'
                 '<a href="https://ads.example/click?id=3">Kaspi: кэшбэк для бизнеса</a></div>'),
    NoiseVariant("ad_label_colon", "ad", "<p>Реклама:</p>"),
)

#: Layout T closes its text with one promo line, printed ``<p><strong>…</strong>…</p>``.
T_PROMO_LINES: tuple[str, ...] = (
    f'<p><strong>Самые важные новости - в нашем Telegram-канале</strong> <a href="{_TG}">Подписаться</a></p>',
    f'<p><strong>Наши новости теперь в WhatsApp! <a href="{_WA}">Подписывайтесь</a></strong></p>',
    "<p><b>Читайте Tengrinews.kz в Google News</b></p>",
)

#: Sentences that look like noise and are article text: they must stay in the body.
LOOKALIKES: tuple[str, ...] = (
    "Об этом сообщается в Telegram-канале пресс-службы ДП.",
    "Видео с места происшествия очевидцы опубликовали в Instagram.",
    "Ранее Tengrinews.kz сообщал, что дорогу откроют к лету.",
    "Подписаться на уведомления можно в приложении eGov Mobile.",
    "Реклама азартных игр запрещена законом.",
    "Кадры из видео изучают следователи.",
)

#: Photo credits as printed (the line after an in-text photo, or glued to a caption) -> exported.
CREDIT_FORMS: tuple[tuple[str, str], ...] = (
    ("Фото: Руслан Берденов/parlam.kz", "Руслан Берденов/parlam.kz"),
    ("Фото: Tengrinews.kz / Турар Казангапов", "Tengrinews.kz / Турар Казангапов"),
    ("Фото ©️ Tengrinews.kz", "Tengrinews.kz"),
    ("Фото - Акорда", "Акорда"),
    ("Фото из открытых источников", "из открытых источников"),
    ("Фото с сайта gov.kz", "с сайта gov.kz"),
    ("Фото: © Depositphotos", "Depositphotos"),
    ("Иллюстративное фото: pexels.com", "pexels.com"),
    ("Кадр из видео: Полиция Алматы", "Полиция Алматы"),
    ("Скриншот видео: YouTube", "YouTube"),
    ("ФОТО: МЧС РК", "МЧС РК"),
)
