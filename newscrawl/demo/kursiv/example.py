"""The spec example post (examples/kursiv/nacbank-stavka.*), kept as data so the copy serves it:
its record must equal the spec's expected JSON."""

from __future__ import annotations

from newscrawl.demo.content import ListBlock, Noise, Text, almaty
from newscrawl.demo.kursiv.model import CDN, SINGLE, Article, Figure, Image

NACBANK_SLUG = "nacbank-sohranil-bazovuyu-stavku"
_TELEGRAM_COPY = (
    '<blockquote class="telegram-post" data-telegram-post="minfinrk/6547"><p>Минфин напоминает: декларации '
    'принимаются до 15 сентября.</p><a href="https://t.me/minfinrk">minfinrk</a></blockquote><script async '
    'src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="minfinrk/1" data-width="100%"></script>'
)
_BOX = ('<div class="social-promo"><div class="tg-promo__network">Telegram</div><p>Курсив в Telegram: новости, '
        'которые стоит знать</p><a class="wp-block-button__link" href="https://t.me/kursivkz">Подписаться</a></div>')


def _p(text: str, markup: str | None = None) -> Text:
    return Text("p", text, markup or text)


def nacbank_article() -> Article:
    """The example page's post: 00:20 local on 2024-03-01, 19:20 UTC the day before."""
    return Article(
        post_id=100001, edition="ru", slug=NACBANK_SLUG, title="Нацбанк сохранил базовую ставку на уровне 14,75%",
        excerpt="Регулятор объяснил решение сохраняющимися инфляционными рисками.",
        published=almaty(2024, 3, 1, 0, 20), modified=almaty(2024, 3, 1, 9, 5),
        sections=[("Финансы", "finance")], tags=["Нацбанк", "инфляция"], authors=["Мария Ким"],
        main_image=Image(f"{CDN}/2024/02/nacbank-1280x720.jpg", "Здание Национального банка в Алматы",
                         "Фото: Shutterstock", "Shutterstock", "span"),
        blocks=[
            _p("Решение было принято на\u00a0заседании совета директоров Национального банка, передает «Курсив» "
               "со ссылкой на пресс-службу регулятора.",
               "Решение было принято на&nbsp;заседании совета директоров Национального банка, передает "
               "&laquo;Курсив&raquo; со ссылкой на пресс-службу регулятора."),
            _p("По словам председателя ведомства, инфляционное давление в\u00a0экономике сохраняется, однако темпы "
               "роста цен постепенно снижаются.",
               "По словам председателя ведомства, инфляционное давление в&nbsp;экономике сохраняется, однако "
               "темпы роста цен постепенно снижаются."),
            Noise("related_ru", '<p><strong>Читайте также:</strong> <a href="/2024-01-15/related-230/">Тенге '
                                "укрепился к доллару на фоне роста нефти</a></p>"),
            Figure(Image(f"{CDN}/2024/03/tenge-1024x683.jpg", "Купюры национальной валюты", "Фото: © Depositphotos",
                         "Depositphotos", "line", "data-src")),
            Noise("ad_ru", '<div class="kursiv-ad"><span class="kursiv-ad__label">Реклама</span><a href='
                           '"https://ads.example/click?id=7"><img src="/wp-content/ads/b.png" alt=""></a></div>'),
            Noise("embed_telegram", _TELEGRAM_COPY),
            _p("Об этом сообщается в\u00a0Telegram-канале Министерства финансов.",
               "Об этом сообщается в&nbsp;Telegram-канале Министерства финансов."),
            Text("h2", "Что дальше", "Что дальше"),
            Text("blockquote", "Мы продолжим придерживаться умеренно жесткой политики, пока инфляция не войдет в "
                               "целевой коридор.",
                 "Мы продолжим придерживаться умеренно жесткой политики, пока инфляция не войдет в целевой коридор."),
            _p("Эксперты ожидают, что до конца года показатель может превысить прогноз правительства, если "
               "сохранится спрос на\u00a0металлы и\u00a0зерно.",
               "Эксперты ожидают, что до конца года показатель может превысить прогноз правительства, если "
               "сохранится спрос на&nbsp;металлы и&nbsp;зерно."),
            ListBlock([Text("li", "рост цен на продовольствие", "рост цен на продовольствие"),
                       Text("li", "повышение тарифов на коммунальные услуги",
                            "повышение тарифов на коммунальные услуги")]),
            _p("Следующее решение по базовой ставке регулятор объявит 12 апреля."),
            Noise("promo_ru_0_1", "<p><strong>Подписывайтесь на Telegram-канал «Курсив» — главные новости бизнеса "
                                  "первыми</strong></p>"),
            Noise("promo_box_ru", _BOX),
        ],
        views=12431, views_text="12 431", template=SINGLE,
        read_also=[("/2024-01-12/read-also-1/", "Тенге укрепился к доллару на фоне роста нефти")],
    )
