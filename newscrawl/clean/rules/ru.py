"""Russian cleaning rules: plain data, one variant per line.

Two kinds of text are matched:

* *normalised* text (``PROMO_PATTERNS``, ``BUTTON_WORDS``, ``AD_LABELS``, ``NETWORK_NAMES``,
  ``CHANNEL_WORDS``): lower case, ``ё`` as ``е``, social links and ``@handles`` removed, every
  run of punctuation, emoji and spaces turned into one space. ``{net}`` stands for any network
  name, ``{channel}`` for any channel word (of every language) and ``{site}`` for the site's
  name. A block is removed only when it is *wholly* made of such phrases, so a sentence around
  a phrase keeps the block.
* *collapsed* text, case-insensitive (``RELATED_PREFIXES``, ``EMBED_PATTERNS``,
  ``CREDIT_LABELS``, ``CREDIT_BY_LABELS``, ``CREDIT_FROM_SOURCES``, ``NOT_A_SOURCE_FIRST_WORDS``).
"""

from __future__ import annotations

#: Messengers and networks, with the case endings that follow them in running text.
NETWORK_NAMES: list[str] = [
    r"телеграмм?(?:е|а|у|ом)?",
    r"(?:ватсап|вотсап|вацап|ватсапп)(?:е|а|у)?",
    r"инстаграмм?(?:е|а|у)?",
    r"ютуб(?:е|а|у)?",
    r"(?:яндекс )?дзен(?:е|а|у)?",
    r"вконтакте",
    r"вк",
    r"фейсбук(?:е|а|у)?",
    r"тикток(?:е|а|у)?",
    r"твиттер(?:е|а|у)?",
]

#: What a network hosts: "канал", "аккаунт", … in their case forms.
CHANNEL_WORDS: list[str] = [
    r"канал(?:а|у|ом|е|ы)?",
    r"аккаунт(?:а|у|е)?",
    r"страниц(?:а|у|е)",
    r"страничк(?:а|у|е)",
    r"паблик(?:а|е)?",
    r"сообществ(?:о|а|е|у)",
    r"чат(?:а|е)?",
    r"групп(?:а|у|е)",
]

_SUBSCRIBE = r"(?:подписывайтесь|подпишитесь|подпишись|подписывайся|подписаться)"
_OUR = r"(?:наш|нашу|наши|наше|нашему|нашем|нас)"

#: Calls to the reader to follow the site on a network, or to "learn the news first".
PROMO_PATTERNS: list[str] = [
    _SUBSCRIBE + r" (?:на )?(?:" + _OUR + r" )?(?:(?:в|на) )?(?:официальный )?{net}(?: {channel})?",
    _SUBSCRIBE + r" на " + _OUR + r" (?:официальный )?{channel}(?: (?:в|на) {net})?",
    r"(?:присоединяйтесь|присоединяйся) к (?:нам|нашему (?:{net} )?{channel})(?: (?:в|на) {net}(?: {channel})?)?",
    r"(?:следите|следи) за нами(?: (?:в|на) {net}(?: {channel})?)?",
    r"(?:следите|следи) за (?:нашими )?новостями (?:в|на) (?:нашем )?{net}(?: {channel})?",
    r"(?:читайте|смотрите|ищите|найдите) нас (?:в|на) {net}(?: {channel})?",
    r"(?:читайте|смотрите) (?:наши )?новости (?:в|на) (?:нашем )?{net}(?: {channel})?",
    r"(?:мы|мы есть|мы теперь|теперь мы) (?:в|на) {net}(?: {channel})?",
    r"(?:наш|наша|наше|официальный) (?:{net} )?{channel}(?: (?:в|на) {net})?",
    r"наш {net}",
    r"(?:узнавайте|узнавай|узнайте|узнай) (?:о |об )?(?:(?:всех|главных|последних|важных|самых важных) )?(?:новостях|новости|событиях|всем) (?:первыми|первым)",
    r"будьте в курсе (?:всех |главных |последних )?(?:новостей|событий)",
    r"(?:все |самые )?(?:главные |важные |свежие |актуальные |последние )?новости (?:в|на) (?:нашем )?{net}(?: {channel})?",
    r"(?:больше|еще больше) (?:новостей|интересного|информации) (?:в|на) (?:нашем )?{net}(?: {channel})?",
    r"(?:переходите|перейдите|перейти|открыть|открывайте) (?:в|на) (?:наш )?{net}(?: {channel})?",
    _SUBSCRIBE + r" на {site}(?: (?:в|на) {net})?",
    r"смотрите наши (?:видео|ролики|сюжеты)(?: (?:в|на) (?:нашем )?{net}(?: {channel})?)?",
]

#: Button and link-label words that, alone on a line, are what is left of a promo widget.
BUTTON_WORDS: list[str] = [
    r"подписаться",
    r"подпишись",
    r"подпишитесь",
    r"подписывайтесь",
    r"присоединиться",
    r"присоединяйтесь",
    r"перейти",
]

#: Related-link labels at the start of a block (then the linked headline, or nothing).
RELATED_PREFIXES: list[str] = [
    r"читайте также",
    r"читайте по теме",
    r"читайте (?:еще|ещё)\s*:",
    r"смотрите также",
    r"также читайте",
    r"по теме\s*:",
    r"(?:еще|ещё) по теме\s*:",
    r"материалы по теме\s*:",
]

#: Text left over from social embeds and widgets.
EMBED_PATTERNS: list[str] = [
    r"^посмотреть эту публикацию в (?:instagram|инстаграме?)\W*$",
    r"^публикация от .{1,80}\(@[\w.]{1,40}\)",
    r"^(?:пост|публикация|сообщение) в (?:telegram|телеграмм?е?)\W*$",
    r"^(?:смотреть|открыть|посмотреть) (?:в|на) (?:telegram|youtube|instagram|телеграмм?е?|ютубе?)\W*$",
    r"[—–-]\s*[^()\n]{1,80}\(@\w{1,15}\)\s+\d{1,2} \w+\.? \d{4}(?: г\.?)?\W*$",
]

#: Ad labels: a block that is exactly one of these (normalised) is removed.
AD_LABELS: list[str] = [
    r"реклама",
    r"на правах рекламы",
    r"(?:партнерский|спонсорский|рекламный) (?:материал|проект)",
    r"материал партнера",
]

#: Labels that put a credit before a separator (":", dash, "©"): "Фото: X".
CREDIT_LABELS: list[str] = [
    r"фото",
    r"фотография",
    r"фото и видео",
    r"фото ?/ ?видео",
    r"иллюстративное фото",
    r"иллюстрационное фото",
    r"иллюстрация",
    r"коллаж",
    r"инфографика",
    r"источник фото",
    r"источник изображения",
    r"автор фото",
    r"фотограф",
    r"фото на (?:обложке|превью|заставке)",
]

#: Labels followed by the source with no separator: "Фото предоставлено X".
CREDIT_BY_LABELS: list[str] = [
    r"фото предоставлен[оаы]?",
]

#: Sources that follow a label directly and keep their preposition: "Фото из открытых источников".
CREDIT_FROM_SOURCES: list[str] = [
    r"из открыт(?:ых|ого) источник(?:ов|а)",
    r"из (?:личного |семейного )?архива(?: [\w.«»\"-]+){0,3}",
    r"из (?:соцсетей|социальных сетей|сети интернет|интернета)",
    r"с (?:официального )?сайта [\w.-]+",
]

#: A "source" that starts with one of these words is a headline, not a credit ("Фото: что известно …").
NOT_A_SOURCE_FIRST_WORDS: list[str] = [
    "что", "как", "почему", "где", "когда", "кто", "зачем", "сколько", "какие", "какой",
    "какая", "каким", "чем", "чего", "куда", "откуда", "ли",
]
