"""Photo credits: recognise "Фото: X" and its variants, and keep only the source ``X``."""

from __future__ import annotations

import re

from newscrawl.clean.rules import (
    CREDIT_MAX_CHARS,
    CREDIT_MAX_WORDS,
    credit_by_re,
    credit_copyright_re,
    credit_from_re,
    credit_label_only_re,
    credit_separated_re,
    credit_start_re,
    not_a_source_first_words,
)
from newscrawl.clean.text import collapse_whitespace

#: A sentence end inside the source ("пресс-служба. Текст: …"): then it is not one credit.
_INNER_SENTENCE_END = re.compile(r"[.!?…]\s+\S")
_CAPTION_TAIL = " \t([|/,;:–—-"


def _tidy_source(source: str) -> str:
    source = source.strip().lstrip("©").strip()
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
    return first_word not in not_a_source_first_words


def parse_credit(text: str, *, strict: bool = True) -> str | None:
    """The source of a text that is wholly a credit ("Фото: © Shutterstock" -> "Shutterstock").

    ``strict`` (for text found in a body or a caption) also demands a short source that is not
    a sentence; ``strict=False`` is for a value already known to be a credit."""
    text = collapse_whitespace(text)
    match = credit_from_re.fullmatch(text)
    if match:
        return _tidy_source(match["source"])
    for pattern in (credit_separated_re, credit_by_re, credit_copyright_re):
        match = pattern.fullmatch(text)
        if match:
            source = match["source"]
            if source.endswith(")") and source.count(")") > source.count("("):
                source = source[:-1]  # the closing bracket of "(Фото: X)"
            source = _tidy_source(source)
            if not strict or _is_plausible_source(source):
                return source or None
            return None
    return None


def split_credit(text: str | None) -> tuple[str | None, str | None]:
    """Split a caption into (caption, credit): a credit at its end, or the whole text, moves out.

    'Лавров заявил … Россией Фото: politnavigator.net' -> ('Лавров заявил … Россией',
    'politnavigator.net'). A caption never holds its credit (record.md)."""
    text = collapse_whitespace(text)
    if not text:
        return None, None
    for match in credit_start_re.finditer(text):
        credit = parse_credit(text[match.start() :])
        if credit:
            caption = text[: match.start()].rstrip(_CAPTION_TAIL)
            return caption or None, credit
    return text, None


def normalize_credit(text: str | None) -> str | None:
    """A credit as record.md holds it: the source without label, separator or "©".

    'Фото: © Shutterstock' -> 'Shutterstock'; 'politnavigator.net' stays; 'Фото:' -> None."""
    text = collapse_whitespace(text)
    if not text or credit_label_only_re.fullmatch(text):
        return None
    source = parse_credit(text, strict=False)
    if source is None:
        source = _tidy_source(text)
    return source or None
