"""How dates are printed, per language: data, not code. A language is a row of month stems.

A stem matches a month word that starts with it, so one stem covers a month's grammatical forms
(``январ`` -> января, январь; ``қазан`` -> қазан, қазанда) and English abbreviations
(``sep`` -> Sep, Sept, September). Where two stems of a language match, the longer wins
(``мар`` -> марта, ``ма`` -> мая).
"""

from __future__ import annotations

#: Month stems, January first, per ISO 639-1 language.
MONTH_STEMS: dict[str, tuple[str, ...]] = {
    "en": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    # Russian: genitive (18 октября), nominative (октябрь) and abbreviations (18 окт.).
    "ru": ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
           "қазан", "қараша", "желтоқсан"),
    "uk": ("січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд"),
    # Kyrgyz news print the Russian month names (25-январь, 25-январы).
    "ky": ("январ", "феврал", "март", "апрел", "май", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
           "декабр"),
    # Uzbek, Latin script (the Cyrillic one prints the Russian names).
    "uz": ("yanv", "fev", "mart", "apr", "may", "iyun", "iyul", "avg", "sent", "okt", "noy", "dek"),
}

#: Words printed between a year and what follows it ("2022 г.", "2022 жылғы", "2024-жылдын").
YEAR_WORDS: tuple[str, ...] = ("г", "года", "год", "жыл", "жылғы", "жылы", "жылдын", "жылдың", "yil", "yilning", "р", "року")
#: Words between a date and its time ("в 10:45", "at 10:45", "сағат 10:45").
TIME_WORDS: tuple[str, ...] = ("в", "at", "о", "сағат", "saat", "soat")


def month_number(word: str, languages: tuple[str, ...]) -> int | None:
    """The month a printed word names in one of ``languages`` (all known when empty)."""
    word = word.lower().rstrip(".")
    rows = [MONTH_STEMS[language] for language in languages if language in MONTH_STEMS] or list(MONTH_STEMS.values())
    for stems in rows:
        matches = [(len(stem), number) for number, stem in enumerate(stems, start=1) if word.startswith(stem)]
        if matches:
            return max(matches)[1]
    return None
