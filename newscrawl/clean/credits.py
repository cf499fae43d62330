"""Photo credits: a short verbless line opening (or closing) with a credit label; keep the source.

"Фото: X", "Фото - X", "Фото © X", "Фото X Y" (no separator, when X Y looks like a name or a
site), "Инфографика Kursiv", "Артем Крылов (фото)", "Изображение сгенерировано нейросетью".
"""

from __future__ import annotations

import re

from newscrawl.clean.rules import CREDIT_MAX_CHARS, CREDIT_MAX_WORDS, compiled
from newscrawl.clean.text import collapse_whitespace

#: A sentence end inside the source ("пресс-служба. Текст: …"): then it is not one credit.
_INNER_SENTENCE_END = re.compile(r"[.!?…]\s+\S")
_CAPTION_TAIL = " \t([|/,;:–—-"
#: Without a separator the source must look like one: at most this many words, each a name
#: (capital letter), a site (``x.kz``), a handle or a joiner.
BARE_SOURCE_MAX_WORDS = 5
_NAME_WORD = re.compile(r"^[«\"“(]*(?:[^\W\d_a-zа-яё]|\S*[./@©]\S*$|\d)")
_JOINERS = frozenset({"и", "и/или", "and", "&", "/", "|", "-", "–", "—", "мен", "бен", "пен", "жəне", "және"})


def _tidy_source(source: str) -> str:
    source = source.strip().lstrip("©\ufe0f").strip()  # "©️" is "©" and an emoji variation selector
    if source.lower().startswith("(c)"):
        source = source[3:].strip()
    return source.rstrip(" .,;:").strip()


def _is_plausible_source(source: str) -> bool:
    """A credit's source is short and not a sentence or a headline."""
    if not source or len(source) > CREDIT_MAX_CHARS or len(source.split()) > CREDIT_MAX_WORDS:
        return False
    if _INNER_SENTENCE_END.search(source) or source.endswith(("!", "?")):
        return False
    if source.count("»") > source.count("«") or source.count("”") > source.count("“"):
        return False  # the source closes a quote it did not open: "«Фото: история» открылась"
    first_word = re.split(r"[\s,:]", source, maxsplit=1)[0].lower()
    return first_word not in compiled().not_a_source_first_words


def _looks_like_names(source: str) -> bool:
    """Names, sites and handles only ("Айзата АТШЫБАЕВА", "ИИ pg12.ru"), no sentence."""
    words = source.replace(",", " ").split()
    if not words or len(words) > BARE_SOURCE_MAX_WORDS or source.rstrip().endswith((".", "!", "?", ":")):
        return False
    return bool(_NAME_WORD.match(words[0])) and all(
        word.lower() in _JOINERS or _NAME_WORD.match(word) for word in words
    )


def _byline_credit(text: str) -> str | None:
    """The photo credit of a byline made of "Label: name" parts ("Текст: Имя, Фото: Имя")."""
    if text.count(":") < 2:
        return None
    rules = compiled()
    credit = None
    for part in re.split(r"\s*[,;|]\s*", text):
        match = rules.byline_segment.fullmatch(part)
        if match is None or not _is_plausible_source(match["value"]):
            return None
        if match["credit"] and credit is None:
            credit = _tidy_source(match["value"])
    return credit


def parse_credit(text: str, *, strict: bool = True, bare: bool = True) -> str | None:
    """The source of a text that is wholly a credit ("Фото: © Shutterstock" -> "Shutterstock").

    ``strict`` (for text found in a body or a caption) also demands a short source that is not
    a sentence; ``strict=False`` is for a value already known to be a credit. ``bare=False``
    leaves out the forms without a separator ("Фото Имя"), which inside a caption are as often
    "На фото Имя" (who is in the picture) as a credit."""
    text = collapse_whitespace(text)
    rules = compiled()
    if not rules.credit_opening.match(text):
        return None  # a credit opens with its label, or carries "©", or closes with "(фото)"
    for pattern in (rules.credit_from, rules.credit_generated):
        match = pattern.fullmatch(text)
        if match:
            return _tidy_source(match["source"])
    for pattern in (rules.credit_separated, rules.credit_by, rules.credit_copyright):
        match = pattern.fullmatch(text)
        if match:
            source = match["source"]
            if source.endswith(")") and source.count(")") > source.count("("):
                source = source[:-1]  # the closing bracket of "(Фото: X)"
            source = _tidy_source(source)
            if not strict or _is_plausible_source(source):
                return source or None
            return None
    byline = _byline_credit(text)
    if byline:
        return byline
    for pattern in (rules.credit_trailing, rules.credit_bare) if bare else ():
        match = pattern.fullmatch(text)
        if match:
            source = _tidy_source(match["source"])
            if not strict or (_is_plausible_source(source) and _looks_like_names(source)):
                return source or None
    return None


def is_credit_label_only(text: str) -> bool:
    """A line that is a credit label and nothing else ("Photo credit:", "Фото:")."""
    return compiled().credit_label_only.fullmatch(collapse_whitespace(text)) is not None


def split_credit(text: str | None) -> tuple[str | None, str | None]:
    """Split a caption into (caption, credit): a credit at its end, or the whole text, moves out.

    'Лавров заявил … Россией Фото: politnavigator.net' -> ('Лавров заявил … Россией',
    'politnavigator.net'). A caption never holds its credit (record.md)."""
    text = collapse_whitespace(text)
    if not text:
        return None, None
    for match in compiled().credit_start.finditer(text):
        credit = parse_credit(text[match.start() :], bare=match.start() == 0)
        if credit:
            caption = text[: match.start()].rstrip(_CAPTION_TAIL)
            return caption or None, credit
    return text, None


def normalize_credit(text: str | None) -> str | None:
    """A credit as record.md holds it: the source without label, separator or "©".

    'Фото: © Shutterstock' -> 'Shutterstock'; 'politnavigator.net' stays; 'Фото:' -> None."""
    text = collapse_whitespace(text)
    if not text or is_credit_label_only(text):
        return None
    source = parse_credit(text, strict=False)
    if source is None:
        source = _tidy_source(text)
    return source or None
