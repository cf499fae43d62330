"""All cleaning rules, every language combined and compiled once at import.

Every page is checked against the rules of all languages: a Russian page can carry a Kazakh
promo. The data lives in ``ru.py``, ``kk.py`` and ``en.py``; adding a variant is one line there.
"""

from __future__ import annotations

import re
from types import ModuleType

from newscrawl.clean.rules import en, kk, ru

LANGUAGE_RULES: tuple[ModuleType, ...] = (ru, kk, en)

#: Links and handles that promo blocks carry; removed before a block is matched as a promo.
PROMO_LINK_PATTERNS: list[str] = [
    r"(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|wa\.me|chat\.whatsapp\.com|whatsapp\.com"
    r"|instagram\.com|youtube\.com|youtu\.be|dzen\.ru|zen\.yandex\.ru|vk\.com|facebook\.com"
    r"|tiktok\.com|twitter\.com|x\.com)(?:/\S*)?",
    r"(?<!\w)@[\w.]+",
]
#: The site's own name as promo text prints it (normalised): "… YouTube-канал inbusiness.kz".
#: It may stand next to promo phrases (``{site}`` in a pattern), never make a promo alone.
SITE_NAMES: list[str] = [r"inbusiness kz", r"inbusiness", r"инбизнес"]
#: What separates a credit label from its source: ":", a dash, or a "©" that stays behind.
CREDIT_SEPARATOR: str = r"(?:\s*:|\s*[–—]|\s+-|-(?=\s)|(?=\s*(?:©|\(c\))))\s*(?:©|\(c\))?\s*"
#: Limits on a credit's source, so that a sentence after "Фото:" is not taken for one.
CREDIT_MAX_CHARS: int = 80
CREDIT_MAX_WORDS: int = 8


def _gather(name: str) -> list[str]:
    return [pattern for rules in LANGUAGE_RULES for pattern in getattr(rules, name, [])]


def _alternation(patterns: list[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


def _word(patterns: list[str]) -> str:
    # Atomic, and only at a word end: a word that several languages' patterns match is then
    # tried once, which keeps a failing match linear instead of exponential.
    return "(?>" + _alternation(patterns) + r"(?!\w))"


_NETWORK = _word(
    [_alternation(_gather("NETWORK_NAMES")) + "(?: ?" + _alternation(_gather("NETWORK_SUFFIXES")) + ")?"]
)
_CHANNEL = _word(_gather("CHANNEL_WORDS"))


_SITE = _word(SITE_NAMES)


def _expand(pattern: str) -> str:
    return pattern.replace("{net}", _NETWORK).replace("{channel}", _CHANNEL).replace("{site}", _SITE)


_PROMO_PHRASE = _alternation([_expand(p) for p in _gather("PROMO_PATTERNS")])
_BUTTON = _alternation([_expand(p) for p in _gather("BUTTON_WORDS")] + [_NETWORK + "(?: " + _CHANNEL + ")?"])
_UNIT = _alternation([_PROMO_PHRASE, _BUTTON, _SITE])

#: A normalised block made only of promo phrases, buttons and network names.
promo_block_re: re.Pattern[str] = re.compile(_UNIT + "(?: " + _UNIT + ")*")
#: A promo phrase anywhere (a block of buttons only is not a promo sentence).
promo_phrase_re: re.Pattern[str] = re.compile(r"(?<!\w)" + _PROMO_PHRASE + r"(?!\w)")
#: A normalised block made only of button words and network names.
button_block_re: re.Pattern[str] = re.compile(_BUTTON + "(?: " + _BUTTON + ")*")
promo_link_re: re.Pattern[str] = re.compile(_alternation(PROMO_LINK_PATTERNS), re.IGNORECASE)
ad_label_re: re.Pattern[str] = re.compile(_alternation(_gather("AD_LABELS")))
related_prefix_re: re.Pattern[str] = re.compile(
    r"^\W*" + _alternation(_gather("RELATED_PREFIXES")) + r"(?!\w)", re.IGNORECASE
)
#: One alternation of every embed pattern: one search per block instead of one per pattern.
embed_re: re.Pattern[str] = re.compile(_alternation(_gather("EMBED_PATTERNS")), re.IGNORECASE)

_LABEL = _alternation(_gather("CREDIT_LABELS"))
_BY_LABEL = _alternation(_gather("CREDIT_BY_LABELS"))
#: Where a credit may start inside a caption: any label word, or a lone "©".
credit_start_re: re.Pattern[str] = re.compile(
    r"(?<!\w)(?:" + _BY_LABEL + "|" + _LABEL + r")(?!\w)|©", re.IGNORECASE
)
#: "Фото: X", "Фото - X", "Фото © X" -> group "source".
credit_separated_re: re.Pattern[str] = re.compile(
    _LABEL + CREDIT_SEPARATOR + r"(?P<source>.*)", re.IGNORECASE | re.DOTALL
)
#: "Photo by X", "Фото предоставлено X" -> group "source".
credit_by_re: re.Pattern[str] = re.compile(_BY_LABEL + r"\s+(?P<source>.*)", re.IGNORECASE | re.DOTALL)
#: "Фото из открытых источников" -> group "source" keeps "из …".
credit_from_re: re.Pattern[str] = re.compile(
    _LABEL + r"\s+(?P<source>" + _alternation(_gather("CREDIT_FROM_SOURCES")) + r")\W*",
    re.IGNORECASE,
)
#: "© Shutterstock" with no label at all.
credit_copyright_re: re.Pattern[str] = re.compile(r"(?:©|\(c\))\s*(?P<source>.*)", re.IGNORECASE | re.DOTALL)
#: A text that is a label and nothing else ("Фото:", "Photo").
credit_label_only_re: re.Pattern[str] = re.compile(
    r"\W*(?:" + _LABEL + "|" + _BY_LABEL + r")\W*", re.IGNORECASE
)
not_a_source_first_words: frozenset[str] = frozenset(_gather("NOT_A_SOURCE_FIRST_WORDS"))
