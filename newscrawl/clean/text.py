"""Whitespace, clauses and the matching forms of a text block (plain and Kazakh-skeleton)."""

from __future__ import annotations

import functools
import re
import unicodedata

#: Invisible characters that are not whitespace to ``re`` but split or join words on a page.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_NON_WORD = re.compile(r"[\W_]+")
#: Social links and handles (``t.me/…``, ``wa.me/…``, ``@inbusinesskz``): in the matching form
#: they become one word, LINK, that promo rules treat as "the outlet's own channel".
_PROMO_LINK = re.compile(
    r"(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|wa\.me|chat\.whatsapp\.com|whatsapp\.com|instagram\.com"
    r"|youtube\.com|youtu\.be|dzen\.ru|zen\.yandex\.ru|vk\.com|facebook\.com|fb\.com|tiktok\.com"
    r"|twitter\.com|x\.com|ok\.ru|news\.google\.com)(?:/\S*)?|(?<![\w.])@[A-Za-z0-9_][\w.]*",
    re.IGNORECASE,
)
LINK = "xlinkx"
#: Substrings without which ``_PROMO_LINK`` cannot match: a cheap test before the regex.
_LINK_HINTS = ("@", ".me", ".com", ".ru", "youtu.be")
#: Where one clause of a block ends: sentence punctuation, quotes, brackets, dashes between
#: spaces, commas, emoji and other symbols (a ``.`` only before a space, so ``inbusiness.kz``
#: stays one name).
_CLAUSE_END = re.compile(r"[.!?…](?=\s|$)|[:;|«»\"“”„()\[\]—–,]|\s-\s|[^\w\s.'’@/\-]")
#: Where a sentence ends: ``.!?…`` before a space, or a run of emoji and other symbols.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|[^\w\s.,:;!?…«»\"“”„()\[\]—–\-/@'’%№#&+*=|]+")
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\"")

#: Kazakh in Cyrillic and in the Latin alphabets in use (2018 acute, 2021 diacritics, ad hoc
#: ``ŋ``/``ǧ``/``ı``) folds to one Latin skeleton, so one word list matches every script:
#: ``жаңалықтар``, ``jańalyqtar``, ``jaŋalyqtar`` all become ``janaliktar``.
_SKELETON = str.maketrans({
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
    "ы": "i", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "ş": "sh", "ç": "ch", "ŋ": "n", "ı": "i", "y": "i", "q": "k", "w": "u", "ý": "u", "'": "", "’": "",
})
_COMBINING = re.compile(r"[\u0300-\u036f]")


_INVISIBLES = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
#: Letters only Kazakh Cyrillic has; Russian text has none of them.
_KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


@functools.lru_cache(maxsize=16384)
def collapse_whitespace(text: str | None) -> str:
    """Any run of Unicode whitespace (NBSP, thin space, newlines) becomes one space; stripped.
    Cached: cleaning asks for the same block's form several times (credit, promo, label rules)."""
    if not text:
        return ""
    if any(mark in text for mark in _INVISIBLES):
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=8192)
def maybe_kazakh(text: str) -> bool:
    """Whether Kazakh rules can apply: Kazakh letters, no Cyrillic at all (Latin script), or
    a line so short ("Жазылу") that Russian and Kazakh look alike."""
    return len(text) <= 40 or not _CYRILLIC.search(text) or _KAZAKH_LETTERS.search(text) is not None


def _links_marked(text: str) -> str:
    """Social links and handles replaced by the word LINK."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _LINK_HINTS):
        return text
    return _PROMO_LINK.sub(f" {LINK} ", text)


@functools.lru_cache(maxsize=8192)
def normalize_for_match(text: str) -> str:
    """The form promo, button and ad rules match: lower case, ``ё`` as ``е``, social links and
    handles as the word LINK, punctuation and emoji as single spaces."""
    text = _links_marked(text.lower().replace("ё", "е"))
    return _NON_WORD.sub(" ", text).strip()


@functools.lru_cache(maxsize=8192)
def skeleton(normalized: str) -> str:
    """The Kazakh matching form of a normalised text: one Latin spelling for every script."""
    text = normalized.replace("zh", "j").translate(_SKELETON)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


@functools.lru_cache(maxsize=8192)
def clauses(text: str) -> tuple[str, ...]:
    """The normalised clauses of a block, in order (empty ones dropped)."""
    parts = (normalize_for_match(part) for part in _CLAUSE_END.split(_links_marked(text)))
    return tuple(part for part in parts if part)


@functools.lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a block (split after ``.!?…`` and at emoji), stripped, empty ones dropped."""
    parts = (part.strip() for part in _SENTENCE_END.split(_links_marked(text)))
    return tuple(part for part in parts if part and re.search(r"\w", part))


@functools.lru_cache(maxsize=8192)
def without_quotes(text: str) -> str:
    """The text outside quotation marks, or the whole text when it is all one quotation."""
    outside = _QUOTED.sub(" ", text)
    if outside == text:
        return text
    return outside if re.search(r"[^\W\d_]", _links_marked(outside).replace(LINK, " ")) else text


def has_promo_link(text: str) -> bool:
    """Whether the text carries a social link or handle (``t.me/…``, ``@inbusinesskz``)."""
    return _links_marked(text) != text
