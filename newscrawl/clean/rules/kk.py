"""Kazakh cleaning rules: plain data, one variant per line (see ``ru.py`` for ``~``).

The word lists are written in Cyrillic and matched on the Kazakh skeleton of the text
(``text.skeleton``), so the same line also catches Latin-script Kazakh: ``жазылыңыз`` matches
``jazylyńyz``, ``jazylynyz`` and ``jazılıñız``. In Kazakh the call closes the sentence
("Telegram арнамызға жазылыңыз"), so a call may end a clause as well as open it.
"""

from __future__ import annotations

CALL_VERBS: list[str] = [
    "жазылыңыз", "жазылыңдар", "жазылып қойыңыз", "жазыл", "жазылу", "қосылыңыз", "қосылыңдар",
    "оқыңыз", "оқыңдар", "бақылаңыз", "бақылаңдар", "қараңыз", "көріңіз", "біліңіз", "біліңдер",
    "өтіңіз", "кіріңіз", "тіркеліңіз", "қалмаңыз",
]

#: Calls that need no channel: "Жаңалықтарды бірінші болып біліңіз", "… хабардар болыңыз".
BE_FIRST_PATTERNS: list[str] = [
    r"(?:бірінші|алғашқы|алғашқылардың бірі|алдымен)(?: болып)? (?:біліңіз|біліңдер|оқыңыз|оқыңдар)",
    r"хабардар (?:болыңыз|болыңдар)",
    r"(?:жаңалықтардан|жаңалықтан) (?:бірінші )?хабардар",
    r"маңыздыны (?:жібермеңіз|өткізіп алмаңыз)",
]

US_WORDS: list[str] = ["біз", "бізді", "бізге", "бізбен", "бізде", "бізден"]
#: "Our": біздің, or a channel word with the 1st person plural possessive ("арнамызға").
OUR_WORDS: list[str] = ["біздің"]
OUR_CHANNEL_WORDS: list[str] = [
    "арнамыз~", "парақшамыз~", "аккаунтымыз~", "каналымыз~", "сайтымыз~", "порталымыз~", "тобымыз~",
]

NETWORK_NAMES: list[str] = ["телеграм~", "инстаграм~", "ютуб~", "фейсбук~", "тикток~", "ватсап~"]

#: "арна" (channel), "парақша" (page) … with any possessive and case ending.
CHANNEL_WORDS: list[str] = ["арна~", "парақша~", "аккаунт~", "канал~", "желі~"]
#: Third-person possessive of a channel word: someone else's channel ("әкімдіктің арнасында").
THIRD_PARTY_CHANNEL_WORDS: list[str] = ["арнасы~", "парақшасы~", "аккаунты~", "каналы~"]

BUTTON_WORDS: list[str] = ["жазылу", "жазылыңыз", "жазыл", "қосылу", "өту", "арнаға өту", "арнаға жазылу"]

RELATED_LABELS: list[str] = [
    "сондай ақ оқыңыз", "оқи отырыңыз", "тағы оқыңыз", "тақырыпқа орай", "тақырып бойынша",
    "тақырыпқа қатысты", "тақырыпқа қатысты жаңалықтар", "басқа материалдар", "басқа жаңалықтар",
    "барлық жаңалықтар", "соңғы жаңалықтар", "танымал", "көп оқылғандар", "көп оқылған",
    "толығырақ", "әрі қарай", "ұқсас жаңалықтар", "ұсынылған", "ұсынамыз", "редакция таңдауы",
]
RELATED_PREFIXES: list[str] = ["сондай ақ оқыңыз", "оқи отырыңыз", "тағы оқыңыз"]

RELATED_HEADINGS: list[str] = [
    r"(?:көп|ең|соңғы|ұқсас|басқа|таңдаулы|танымал|редакция)(?:\s\w+){0,2}?\s(?:жаңалық\w*|материал\w*|мақала\w*|оқыл\w*|таңдау\w*)",
]

EMBED_PATTERNS: list[str] = [
    r"^(?:бұл жазбаны|бұл жарияланымды) instagram[- ]?(?:да|нан)? (?:қарау|көру)\W*$",
]

AD_LABELS: list[str] = [
    "жарнама", "жарнама құқығында", "серіктес материалы", "серіктес материалдары",
    "серіктестік материал", "серіктес жаңалықтары", "серіктестер жаңалықтары",
]

#: Credit labels (plain text, Cyrillic and Latin script).
CREDIT_LABELS: list[str] = [
    r"сурет", r"суреттер", r"фотосурет", r"суретті түсірген", r"иллюстрациялық (?:фото|сурет)",
    r"сурет көзі", r"бейне", r"бейнежазба", r"s[uý]ret(?:ter)?", r"fotos[uý]ret", r"kollaj",
    r"[iı]nfografika",
]

CREDIT_LABEL_MODIFIERS: list[str] = ["мұрағаттық", "архивтік", "иллюстрациялық"]

BYLINE_LABELS: list[str] = ["мәтін", "автор", "авторы", "авторлар", "бейне", "монтаж", "оператор"]

CREDIT_BY_LABELS: list[str] = []

CREDIT_FROM_SOURCES: list[str] = [
    r"ашық (?:дереккөздерден|көздерден)(?: алынды)?",
    r"(?:ғаламтордан|интернеттен|әлеуметтік желіден)(?: алынды)?",
    r"автордың (?:жеке )?(?:мұрағатынан|архивінен)(?: алынды)?",
]

CREDIT_GENERATED: list[str] = [r"жасанды интеллект (?:арқылы |көмегімен )?жасалған"]

CREDIT_TRAILING_LABELS: list[str] = [r"сурет", r"фото"]

NOT_A_SOURCE_FIRST_WORDS: list[str] = ["не", "қалай", "неге", "қашан", "қайда", "кім", "неше", "қандай"]
