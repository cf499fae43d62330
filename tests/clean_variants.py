"""Mechanical variants of noise and of look-alikes: verbs × objects × networks × tails × case,
punctuation, line splits and Kazakh scripts.

Fillers (adjectives, tails, own names, some networks) are in no rule: the ``unseen`` pool
checks that a promo is found by its structure whatever stands between the call and the target.
Every generator yields (pool, blocks, own_names): blocks that are all noise, or all text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

Variant = tuple[str, list[str], tuple[str, ...]]

OWN = ("inbusiness.kz", "Инбизнес", "inbusinesskz", "Kursiv", "Курсив")
NETWORKS = ["Telegram", "Телеграм", "WhatsApp", "Instagram", "YouTube", "Дзен", "TikTok", "VK"]
UNSEEN_NETWORKS = ["MAX", "Bluesky", "Twitch"]  # in no rule: the target must come from "наш канал"
ADJECTIVES = ["", "официальный ", "деловой ", "новостной "]
TAILS = ["", ", чтобы не пропустить важное", " — там всё самое интересное", " по ссылке", ": t.me/kursivkz"]
CASES = [str, str.upper, str.lower]
ENDS = ["", "!", "!!!", " 👉", "."]

LATIN_2018 = str.maketrans({
    "а": "a", "ә": "á", "б": "b", "в": "v", "г": "g", "ғ": "ǵ", "д": "d", "е": "e", "ж": "j", "з": "z",
    "и": "ı", "й": "ı", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ń", "о": "o", "ө": "ó",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "ý", "ұ": "u", "ү": "ú", "ф": "f", "х": "h", "һ": "h",
    "ц": "ts", "ч": "ch", "ш": "sh", "ы": "y", "і": "i", "э": "e", "ю": "ıý", "я": "ıa",
})
LATIN_2021 = str.maketrans({
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ж": "j", "з": "z",
    "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h",
    "ц": "ts", "ч": "ç", "ш": "ş", "ы": "y", "і": "ı", "э": "e", "ю": "iu", "я": "ia",
})


def latin(text: str, table: dict) -> str:
    """Kazakh Cyrillic in a Latin alphabet, keeping capitals."""
    return "".join(ch.lower().translate(table).capitalize() if ch.isupper() else ch.translate(table) for ch in text)


def _styled(text: str) -> Iterator[str]:
    for case, end in itertools.product(CASES, ENDS):
        yield case(text.rstrip(".!") + end) if case is not str else text.rstrip(".!") + end


def promo_ru() -> Iterator[Variant]:
    for verb, adj, net, tail in itertools.product(["Подписывайтесь", "Подпишитесь"], ADJECTIVES, NETWORKS, TAILS):
        pool = "unseen" if adj or tail else "seen"
        for text in _styled(f"{verb} на наш {adj}{net}-канал{tail}"):
            yield pool, [text], OWN
    for verb, net, tail in itertools.product(["Читайте", "Смотрите", "Ищите"], NETWORKS, TAILS):
        yield "seen", [f"{verb} нас в {net}{tail}"], OWN
        yield "unseen", [f"{verb} «Курсив» в {net}{tail}"], OWN
        yield "unseen", [f"{verb} inbusiness.kz в {net}{tail}"], OWN
    for net, tail in itertools.product(NETWORKS + UNSEEN_NETWORKS, TAILS):
        yield "unseen", [f"Присоединяйтесь к нашему каналу в {net}{tail}"], OWN
        yield "unseen", [f"Следите за нами в {net}{tail}"], OWN
        yield "unseen", [f"Подписывайтесь на наш канал в {net}{tail}"], OWN
    for net in NETWORKS:
        yield "seen", [f"Наши новости теперь в {net}! Подписывайтесь"], OWN
        yield "unseen", ["Наши новости", f"теперь в {net} -", "подписывайтесь по ссылке"], OWN
        yield "unseen", ["Подпишитесь на наш", f"{net}-канал"], OWN
        yield "unseen", [f"Самые важные новости — в нашем {net}-канале", "Подписаться"], OWN
        yield "unseen", [f"{net}", f"Курсив в {net}: новости, которые стоит знать", "Подписаться"], OWN
        yield "unseen", [f"Подписывайтесь на наш {net}", "Главные новости Казахстана и мира", "Подписаться"], OWN
        yield "unseen", [f"Самое читаемое в нашем {net}"], OWN
        yield "unseen", [f"Tengrinews.kz в {net}"], ("Tengrinews.kz",)
    for phrase in ["Узнавайте о новостях первыми", "Узнавайте первыми о главных событиях региона",
                   "Будьте в курсе всех новостей", "Узнайте первым о важных новостях на нашей странице"]:
        for text in _styled(phrase):
            yield "unseen", [text], OWN


def promo_kk() -> Iterator[Variant]:
    cyrillic = []
    for net, call in itertools.product(NETWORKS, ["жазылыңыз", "жазылыңдар", "қосылыңыз"]):
        cyrillic.append(f"{net} арнамызға {call}")
        cyrillic.append(f"Біздің {net} парақшамызға {call}")
        cyrillic.append(f"«Курсивтің» {net}-арнасына {call}")
    for net, call in itertools.product(NETWORKS, ["оқыңыз", "бақылаңыз", "қараңыз"]):
        cyrillic.append(f"Бізді {net}-та {call}")
    cyrillic += ["Жаңалықтарды бірінші болып біліңіз", "Маңызды жаңалықтарды алғашқылардың бірі болып біліңіз",
                 "Соңғы жаңалықтар туралы хабардар болыңыз", "Жаңалықтардан хабардар болыңыз"]
    for text in cyrillic:
        yield "seen", [text], OWN
        yield "unseen", [text + "!"], OWN
        yield "unseen", [latin(text, LATIN_2018)], OWN
        yield "unseen", [latin(text, LATIN_2021)], OWN


def promo_en() -> Iterator[Variant]:
    for verb, net, tail in itertools.product(["Subscribe to", "Follow", "Join"], NETWORKS[::2],
                                             ["", " for the latest news", " to stay up to date", ": t.me/kursivkz"]):
        yield ("unseen" if tail else "seen"), [f"{verb} our {net} channel{tail}"], OWN
        yield "unseen", [f"{verb} Kursiv on {net}{tail}"], OWN
    for text in ["Follow us on Facebook", "Be the first to know the news", "Stay tuned with us on Telegram",
                 "We're on WhatsApp now!", "Subscribe to Kursiv's Telegram channel"]:
        for styled in _styled(text):
            yield "unseen", [styled], OWN


def staff_en() -> Iterator[Variant]:
    """Staff lines ("Reporting by X; Editing by Y", "X contributed to this report") and calls
    to a newsletter, in the forms of real pages and recombined."""
    names = ["Andrea Shalal", "Idrees Ali and Phil Stewart", "Saqib Iqbal Ahmed, Gertrude Chavez-Dreyfuss"]
    roles = ["Reporting by", "Additional reporting by", "Writing by", "Editing by", "Compiled by"]
    for first, second, name, wrap in itertools.product(roles[:2], roles[2:], names, ["{}", "({})", "{}."]):
        yield ("seen" if first == "Reporting by" else "unseen"), [wrap.format(f"{first} {name}; {second} {name}")], OWN
        yield "unseen", [wrap.format(f"{first} {name} in Astana")], OWN
    for subject, verb in itertools.product(["Fox News’ Jessica Napoli", "Associated Press writers " + names[2],
                                            "Reuters staff", "Kursiv correspondent Ali Bek"],
                                           ["contributed to this report", "contributed reporting to this story"]):
        yield "seen", [f"{subject} {verb}."], OWN
    for text in ["Click here to subscribe to The Paradigm Newsletter", "Sign up for the Morning Brief newsletter",
                 "Get our newsletter delivered to your inbox"]:
        for styled in _styled(text):
            yield "unseen", [styled], OWN
    for case, end in itertools.product([str, str.upper], ENDS):  # names keep their capitals
        yield "unseen", [case("Email Tariq Malik at tmalik@space.com or follow him" + end)], OWN


def credits() -> Iterator[Variant]:
    labels = ["Фото", "Фото и видео", "Видео и фото", "Коллаж", "Инфографика", "Иллюстрация", "Сурет", "Photo",
              "Sýret", "Suret", "Illustration"]
    sources = ["Tengrinews.kz", "Руслан Берденов", "Depositphotos", "akorda.kz", "Kursiv Media", "МЧС РК"]
    for label, sep, source in itertools.product(labels, [": ", " - ", " — ", " © ", " | ", " "], sources):
        yield ("unseen" if sep == " " else "seen"), [f"{label}{sep}{source}"], OWN
        yield "unseen", [f"{label.upper()}{sep}{source}"], OWN
    for label, source in itertools.product(labels[:7], ["пресс-служба акимата", "открытые источники"]):
        yield "seen", [f"{label}: {source}"], OWN
    for name in ["Артем Крылов", "Андрей ТЕРЕХОВ", "Tengrinews.kz"]:
        yield "unseen", [f"{name} (фото)"], OWN
    for note in ["Изображение сгенерировано нейросетью", "Фото сгенерировано ИИ", "Иллюстрация создана нейросетью",
                 "Image generated by AI", "Сурет жасанды интеллект арқылы жасалған", "(Фото сгенерировано нейросетью)"]:
        yield "unseen", [note], OWN


def related() -> Iterator[Variant]:
    headlines = ["Цены на бензин выросли в Алматы", "Астанада жаңа мектеп ашылды", "Tokayev meets EU leaders"]
    labels = ["Читайте также", "Другие новости по теме", "Новости по теме", "Похожие материалы", "По теме",
              "Тағы оқыңыз", "Сондай-ақ оқыңыз", "Тақырыпқа қатысты", "Басқа материалдар", "Read also", "Related news"]
    for label, colon, case, count in itertools.product(labels, [":", ""], CASES, [1, 2, 3]):
        yield "seen", [case(label) + colon, *headlines[:count]], OWN
    for label in ["Тағы оқыңыз", "Сондай-ақ оқыңыз", "Тақырыпқа қатысты", "Басқа материалдар"]:
        yield "unseen", [latin(label, LATIN_2018) + ":", headlines[0]], OWN
        yield "unseen", [latin(label, LATIN_2021), headlines[1]], OWN


def ads() -> Iterator[Variant]:
    for label, case, end in itertools.product(
        ["Реклама", "На правах рекламы", "Партнерский материал", "Партнерские материалы", "Новости партнеров",
         "Жарнама", "Серіктес материалы", "Серіктес жаңалықтары", "Advertisement", "Sponsored content"],
        CASES, ["", ":", "."],
    ):
        yield "seen", [case(label) + end], OWN
    for label in ["Жарнама", "Серіктес жаңалықтары"]:
        yield "unseen", [latin(label, LATIN_2018)], OWN
        yield "unseen", [latin(label, LATIN_2021)], OWN


def lookalikes() -> Iterator[Variant]:
    orgs = ["акимата", "МЧС", "Министерства финансов", "пресс-службы президента"]
    for net, org in itertools.product(NETWORKS, orgs):
        yield "seen", [f"Об этом сообщается в {net}-канале {org}."], OWN
        yield "unseen", [f"Видео опубликовали в {net}-канале {org}."], OWN
        yield "unseen", [f"Губернатор предложил жителям подписаться на {net}-канал {org}."], OWN
        yield "unseen", [f"«Подписывайтесь на наш {net}-канал», — призвал блогер своих читателей."], OWN
        yield "unseen", [f"Мы уже писали об этом в нашем {net}-канале."], OWN
        yield "unseen", [f"Ранее Курсив сообщал, что {net} заблокировал каналы мошенников."], OWN
        yield "unseen", [f"Пользователи {net} пожаловались на сбои в работе приложения."], OWN
        yield "unseen", [f"Бұл туралы әкімдік {net} арнасында хабарлады."], OWN
        yield "unseen", [f"The ministry announced the decision on its {net} channel."], OWN
        yield "unseen", [f"Over 60 thousand people follow the account on {net}."], OWN
        yield "unseen", [f"The senator told his followers on {net} to sign up for the draft."], OWN
    for who, what in itertools.product(["the ministry", "the BBC", "local media", "the committee"],
                                       ["showed a rise in cases", "found that the ministry had misled parliament"]):
        yield "unseen", [f"Reporting by {who} {what}."], OWN
        yield "unseen", [f"Additional reporting by {who} {what}."], OWN
    for text in ["He signed up for the army in 1998.", "Follow the money.", "Editing by hand takes hours.",
                 "Many factors contributed to this report's delay.", "Several people contributed to this report.",
                 "Subscribe to the ministry's newsletter, the spokesman urged farmers.", "Click here to read the ruling.",
                 "Email the ministry at info@gov.kz to apply.", "Compiled by volunteers, the list names 40 victims.",
                 "Photograph shows the minister arriving in Astana.", "Sign up for the army, the poster said."]:
        yield "unseen", [text], OWN
    for text in ["Фото нарушителя опубликовали в соцсетях.", "Фотографии с места событий публикует пресс-служба.",
                 "Фото и видео с места событий опубликовало МЧС Казахстана.", "На фото Касым-Жомарт Токаев и Антониу Кошта",
                 "Фотографии с задымлением появились в соцсетях", "Видео с места происшествия очевидцы опубликовали в Instagram.",
                 "Подписаться на облигации можно через приложение брокера.", "Реклама азартных игр запрещена законом.",
                 "Кадры из видео изучают следователи.", "По теме доклада выступил министр финансов.",
                 "Читатели узнали о новостях первыми из Telegram-канала акимата.", "Жаңалықтың жаршысына жазыламын",
                 "«Ақтөбе» газетінің байырғы оқырманымын.", "Слушайте, читайте, подписывайтесь и помните: у каждого есть право на правду.",
                 "Популярное кафе в центре Алматы закрылось.", "Related parties signed the deal on Monday.",
                 "Картинка сгенерирована ИИ, подтвердили в администрации.", "Танымал әнші Астанада концерт береді.",
                 "Самое интересное — впереди", "Новое фото Токаева", "Топ-10 самых богатых казахстанцев"]:
        yield "seen", [text], OWN
