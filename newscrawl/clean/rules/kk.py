"""Kazakh cleaning rules: plain data, one variant per line (see ``ru.py`` for the two text forms)."""

from __future__ import annotations

#: Kazakh writes network names in Latin or Cyrillic; case suffixes follow, glued or after a hyphen.
NETWORK_NAMES: list[str] = [
    r"телеграм",
    r"инстаграм",
    r"ютуб",
]

#: Case suffixes after a network name ("Telegram-да", "телеграмнан").
NETWORK_SUFFIXES: list[str] = [
    r"да", r"де", r"та", r"те", r"ға", r"ге", r"қа", r"ке",
    r"дағы", r"дегі", r"тағы", r"тегі", r"нан", r"нен", r"дан", r"ден", r"тан", r"тен",
    r"ды", r"ді", r"ты", r"ті", r"ның", r"нің", r"дың", r"дің", r"тың", r"тің",
]

#: "арна" (channel), "парақша" (page), … with any possessive and case suffix.
CHANNEL_WORDS: list[str] = [
    r"арна\w{0,8}",
    r"парақша\w{0,8}",
    r"аккаунт\w{0,8}",
    r"канал\w{0,8}",
]

_SUBSCRIBE = r"(?:жазылыңыз|жазылыңдар|жазылып қойыңыз|жазыл|қосылыңыз|қосылыңдар)"
_FOLLOW = r"(?:оқыңыз|оқыңдар|бақылаңыз|бақылаңдар|қараңыз)"

PROMO_PATTERNS: list[str] = [
    r"(?:біздің )?{net}(?: {channel})? " + _SUBSCRIBE,
    r"(?:біздің )?{channel} " + _SUBSCRIBE,
    r"бізді (?:{net}(?: {channel})?|{channel}) " + _FOLLOW,
    r"{net}(?: {channel})? (?:арқылы )?(?:жаңалықтарды )?" + _FOLLOW,
    r"(?:барлық |соңғы |маңызды )?жаңалықтарды (?:бірінші болып|алғашқы болып|бірінші|алғашқылардың бірі болып|алдымен) (?:біліңіз|біліңдер|оқыңыз)",
    r"(?:жаңалықтардан|жаңалықтан) (?:бірінші болып |алғашқы болып |бірінші )?хабардар болыңыз",
    r"(?:біз|біз енді) {net}",
]

BUTTON_WORDS: list[str] = [
    r"жазылу",
    r"жазылыңыз",
    r"жазыл",
    r"қосылу",
    r"өту",
]

RELATED_PREFIXES: list[str] = [
    r"сондай[- ]ақ оқыңыз",
    r"оқи отырыңыз",
    r"тағы оқыңыз",
    r"тақырыпқа орай\s*:",
    r"тақырып бойынша\s*:",
]

EMBED_PATTERNS: list[str] = [
    r"^(?:бұл жазбаны|бұл жарияланымды) instagram[- ]?(?:да|нан)? (?:қарау|көру)\W*$",
]

AD_LABELS: list[str] = [
    r"жарнама",
    r"жарнама құқығында",
    r"серіктес материалы",
    r"серіктестік материал",
]

CREDIT_LABELS: list[str] = [
    r"сурет",
    r"суреттер",
    r"фотосурет",
    r"суретті түсірген",
    r"иллюстрациялық (?:фото|сурет)",
    r"сурет көзі",
]

CREDIT_BY_LABELS: list[str] = []

CREDIT_FROM_SOURCES: list[str] = [
    r"ашық (?:дереккөздерден|көздерден)(?: алынды)?",
    r"(?:ғаламтордан|интернеттен|әлеуметтік желіден)(?: алынды)?",
]

NOT_A_SOURCE_FIRST_WORDS: list[str] = ["не", "қалай", "неге", "қашан", "қайда", "кім", "неше", "қандай"]
