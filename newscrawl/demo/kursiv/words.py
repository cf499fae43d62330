"""Kursiv's own words: rubrics, authors, tags, captions, credits, dates, and English news text.

Russian and Kazakh sentences come from the shared phrase lists (``newscrawl.demo.phrases``,
keyed ``kz`` there); English is small, as the English edition is.
"""

from __future__ import annotations

import random

from newscrawl.demo import phrases

#: Rubrics: (name, slug) per edition; a post may have two, the first is the printed one.
SECTIONS = {
    "ru": [("Финансы", "finance"), ("Экономика", "economy"), ("Бизнес", "business"), ("Компании", "companies"),
           ("Технологии", "tech"), ("Недвижимость", "realty")],
    "kk": [("Қаржы", "finance"), ("Экономика", "economy"), ("Бизнес", "business"), ("Технология", "tech")],
    "en": [("Finance", "finance"), ("Economy", "economy"), ("Business", "business")],
}
AUTHORS = {
    "ru": ["Мария Ким", "Асель Мусина", "Дмитрий Пак", "Жанна Шаяхметова", "Арман Оспанов", "Ирина Ли"],
    "kk": ["Айгерім Бекова", "Нұрсұлтан Жақыпов", "Динара Сейітқызы"],
    "en": ["Aida Kenzhebayeva", "Timur Abenov"],
}
TAGS = {
    "ru": ["Нацбанк", "инфляция", "тенге", "нефть", "банки", "ипотека", "Самрук-Казына", "IPO", "налоги",
           "бюджет", "МСБ"],
    "kk": ["Ұлттық банк", "инфляция", "теңге", "мұнай", "салық", "бюджет"],
    "en": ["National Bank", "tenge", "oil", "inflation", "banks"],
}
CAPTIONS = {
    "ru": ["Здание Национального банка в Алматы", "Купюры национальной валюты", "Деловой центр Астаны",
           "Нефтяное месторождение на западе страны", "Торговый зал биржи", "Элеватор в Костанайской области"],
    "kk": ["Ұлттық банк ғимараты", "Ұлттық валюта", "Астананың іскерлік орталығы", "Мұнай кен орны"],
    "en": ["The National Bank building in Almaty", "Tenge banknotes", "Astana business district"],
}
#: Photo credits as printed -> as exported (record.md: no label, separator or ©).
CREDIT_FORMS = {
    "ru": [("Фото: Shutterstock", "Shutterstock"), ("Фото: © Depositphotos", "Depositphotos"),
           ("Фото - gov.kz", "gov.kz"), ("Коллаж: Kursiv Media", "Kursiv Media"),
           ("Фото из открытых источников", "из открытых источников"), ("Иллюстрация: Freepik", "Freepik"),
           ("Инфографика — Kursiv Media", "Kursiv Media"), ("Источник фото: akorda.kz", "akorda.kz"),
           ("Фото: пресс-служба Нацбанка", "пресс-служба Нацбанка")],
    "kk": [("Сурет: akorda.kz", "akorda.kz"), ("Сурет - primeminister.kz", "primeminister.kz"),
           ("Фото: © Shutterstock", "Shutterstock"), ("Коллаж: Kursiv Media", "Kursiv Media")],
    "en": [("Photo: Shutterstock", "Shutterstock"), ("Photo: © Depositphotos", "Depositphotos"),
           ("Collage: Kursiv Media", "Kursiv Media"), ("Illustration - Freepik", "Freepik")],
}
MONTHS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
    "kk": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split(),
    "en": "January February March April May June July August September October November December".split(),
}
READ_ALSO = {"ru": "Читайте также", "kk": "Тағы оқыңыз", "en": "Read also"}
HOME = {"ru": "Главная", "kk": "Басты бет", "en": "Home"}

_EN_SUBJECTS = ["The National Bank", "The Ministry of Finance", "Air Astana", "Kazakhtelecom", "The government",
                "Halyk Bank", "The Astana stock exchange", "KazMunayGas"]
_EN_VERBS = ["announced", "is considering", "approved", "postponed", "discussed"]
_EN_OBJECTS = ["a new support programme for small business", "changes to the tax code", "a bond issue",
               "higher utility tariffs", "new flights to Europe", "a dividend payout", "a digital tenge pilot"]
_EN_TAILS = ["this quarter.", "by the end of the year.", "after talks with investors.", "in three regions."]
_EN_FACTS = ["Investment reached {n} billion tenge, the regulator said.", "Prices rose {x}% over the month.",
             "The company expects revenue to grow by {k}% next year."]
EN_HEADINGS = ["What changes", "What analysts say", "What comes next"]
EN_QUOTES = ["We expect the new rules to take effect next quarter, the spokesperson said."]
EN_LIST_ITEMS = ["a rate cut to {x}%", "loans of up to {k} years", "simpler applications"]


def _phrase_key(edition: str) -> str:
    return "kz" if edition == "kk" else edition


def sentence(edition: str, rng: random.Random) -> str:
    if edition != "en":
        return phrases.sentence(_phrase_key(edition), rng)
    if rng.random() < 0.35:
        return phrases.fill(rng.choice(_EN_FACTS), rng).replace(",", ".")
    return f"{rng.choice(_EN_SUBJECTS)} {rng.choice(_EN_VERBS)} {rng.choice(_EN_OBJECTS)} {rng.choice(_EN_TAILS)}"


def headline(edition: str, rng: random.Random) -> str:
    if edition != "en":
        return phrases.headline(_phrase_key(edition), rng)
    return f"{rng.choice(_EN_SUBJECTS)} {rng.choice(_EN_VERBS)} {rng.choice(_EN_OBJECTS)}"


def heading(edition: str, rng: random.Random) -> str:
    return rng.choice(EN_HEADINGS if edition == "en" else phrases.HEADINGS[_phrase_key(edition)])


def quote(edition: str, rng: random.Random) -> str:
    return rng.choice(EN_QUOTES if edition == "en" else phrases.QUOTES[_phrase_key(edition)])


def list_items(edition: str, rng: random.Random) -> list[str]:
    pool = EN_LIST_ITEMS if edition == "en" else phrases.LIST_ITEMS[_phrase_key(edition)]
    return [phrases.fill(item, rng) for item in rng.sample(pool, rng.randint(2, min(4, len(pool))))]


def text_date(edition: str, moment, numeric: bool = False) -> str:
    """``1 марта 2024, 00:20``, ``1 наурыз 2024, 00:20``, ``March 1, 2024, 00:20`` or ``01.03.2024, 00:20``."""
    if numeric:
        return f"{moment:%d.%m.%Y, %H:%M}"
    month = MONTHS[edition][moment.month - 1]
    if edition == "en":
        return f"{month} {moment.day}, {moment.year}, {moment:%H:%M}"
    return f"{moment.day} {month} {moment.year}, {moment:%H:%M}"
