"""Promo blocks ("Подписывайтесь на наш Telegram-канал") and bare promo buttons."""

from __future__ import annotations

import re

from newscrawl.clean.rules import button_block_re, promo_block_re, promo_phrase_re
from newscrawl.clean.text import has_promo_link, normalize_for_match

#: Longer blocks are never promo: it keeps regex work small and a paragraph safe.
PROMO_MAX_CHARS = 300
_WORD_START = re.compile(r"\S+")
_SENTENCE_END = (".", "!", "?", "…", "»", '"', "”", ")")


def is_promo(text: str) -> bool:
    """Whether the block is wholly a call to follow the site (a promo sentence and its buttons).

    Every word must belong to a promo phrase, a button or a network name, and at least one
    promo phrase must be there: a third-person sentence about Telegram is news and stays."""
    if len(text) > PROMO_MAX_CHARS:
        return False
    normalized = normalize_for_match(text)
    return bool(normalized) and bool(promo_block_re.fullmatch(normalized)) and bool(
        promo_phrase_re.search(normalized)
    )


def is_button(text: str) -> bool:
    """Whether the block is only button text: "Подписаться", "Telegram", a bare ``t.me/…`` link."""
    if len(text) > PROMO_MAX_CHARS:
        return False
    normalized = normalize_for_match(text)
    if not normalized:
        return has_promo_link(text)
    return bool(button_block_re.fullmatch(normalized))


def strip_trailing_promo(text: str) -> str:
    """Remove a promo sentence glued to the end of a text ("LEAD. Подписывайтесь …!").

    The promo must start a sentence (after ``.!?…`` or with a capital letter or an emoji, not
    after a colon that quotes it), so "… предложил подписаться на канал" and "Блогер написал:
    «Подписывайтесь …»" are not cut. Returns "" when the whole text is promo."""
    if is_promo(text):
        return ""
    if not promo_phrase_re.search(normalize_for_match(text[-PROMO_MAX_CHARS:])):
        return text
    for match in _WORD_START.finditer(text):
        start = match.start()
        if start == 0 or len(text) - start > PROMO_MAX_CHARS:
            continue
        head, tail = text[:start].rstrip(), text[start:]
        starts_sentence = not head.endswith(":") and (
            head.endswith(_SENTENCE_END) or not tail[0].isalpha() or tail[0].isupper()
        )
        if starts_sentence and is_promo(tail):
            return head.rstrip(" -–—:|/")
    return text
