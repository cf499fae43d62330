"""Promo blocks, found by their structure: a call to the reader aimed at the outlet's own channel.

A block is promo when it is short and either (a) a clause opens (Kazakh: opens or closes) with
a call to the reader (subscribe, follow, read, join, watch …) and the block names the outlet's
channel: "us"/"our channel", the site's own name or handle, a ``t.me``/``wa.me`` link or a
network, whatever words stand between; or (b) it is a "be the first to know" call; or (c) it is a
verbless heading that puts the outlet on a network ("Мы в Telegram", "Kursiv в Telegram").
A sentence about someone else's channel ("в Telegram-канале акимата") names no target of ours.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from newscrawl.clean.rules import compiled, own_names_pattern
from newscrawl.clean.text import (
    LINK,
    clauses,
    has_promo_link,
    maybe_kazakh,
    normalize_for_match,
    sentences,
    skeleton,
    without_quotes,
)

#: Longer blocks are never promo: it keeps regex work small and a paragraph safe.
PROMO_MAX_CHARS = 300
PROMO_MAX_WORDS = 40
#: A block of buttons ("Подписаться", "Telegram", "Перейти в канал t.me/…") is this short.
BUTTON_MAX_CHARS = 120
BUTTON_MAX_WORDS = 8
#: A verbless "we are on Telegram" heading is at most this many words.
HEADING_MAX_WORDS = 15
#: Where a glued promo may start: after a sentence end and spaces, or at an emoji or bullet.
_SENTENCE_START = re.compile(r"[.!?…»\"”)]\s+|\s(?=[^\w\s«\"(])")

OwnNames = tuple[str, ...]


def _targets_us(normalized: str, own_names: OwnNames) -> bool:
    """Whether the text names the outlet's own channel (not someone else's)."""
    rules = compiled()
    own = own_names_pattern(own_names)
    if LINK in normalized.split() or (own is not None and own.search(normalized)):
        return True
    kazakh = skeleton(normalized)
    if rules.us.search(normalized) or rules.our_channel.search(normalized):
        return True
    if rules.us_kk.search(kazakh) or rules.our_channel_kk.search(kazakh):
        return True
    aimed = rules.network.search(normalized) or rules.own_only_channel.search(normalized)
    return bool(aimed) and not rules.third_party.search(normalized)


def _calls(text: str) -> tuple[bool, bool]:
    """(a call to the reader opens or closes a clause, a "be the first to know" call is there)."""
    rules = compiled()
    call = first = False
    for clause in clauses(without_quotes(text)):
        kazakh = skeleton(clause)
        call = call or bool(rules.call_start.search(clause) or rules.call_kk.search(kazakh))
        first = first or bool(rules.be_first.search(clause) or rules.be_first_kk.search(kazakh))
    return call, first


def _is_heading_on_network(parts: Sequence[str], own_names: OwnNames) -> bool:
    """A verbless clause that puts us on a network: "Мы в Telegram", "в нашем Telegram-канале"."""
    rules = compiled()
    own = own_names_pattern(own_names)
    for clause in parts:
        if not (rules.network.search(clause) or rules.channel.search(clause)):
            continue
        ours = rules.us.search(clause) or rules.our_channel.search(clause) or (own and own.search(clause))
        kazakh = skeleton(clause)
        if not (ours or rules.us_kk.search(kazakh) or rules.our_channel_kk.search(kazakh)):
            continue
        rest = rules.channel.sub(" ", rules.network.sub(" ", clause))
        if own is not None:
            rest = own.sub(" ", rest)
        if not (rules.verb_like.search(rest) or rules.call_any.search(rest)):
            return True
    return False


@functools.lru_cache(maxsize=8192)
def _has_hint(normalized: str) -> bool:
    """A cheap first test: a promo has a call, a network, a channel word, "us" or a link."""
    rules = compiled()
    text = f"{normalized} {skeleton(normalized)}" if maybe_kazakh(normalized) else normalized
    words = set(text.split())
    if not words.isdisjoint(rules.hint_words):
        return True
    stems = rules.hint_stems
    starts = {word[:4] for word in words} | {word[:3] for word in words}
    if starts.isdisjoint(stems):
        return False
    return any(word.startswith(stems.get(word[:4], ()) + stems.get(word[:3], ())) for word in words)


@functools.lru_cache(maxsize=4096)
def is_promo(text: str, own_names: OwnNames = ()) -> bool:
    """Whether the block is wholly a call to follow the outlet (see the module docstring).

    Every sentence must be part of the call (a call, a "be the first" call, a heading that puts
    us on a network, or button words), so a paragraph that ends with a call is not promo as a
    whole (``strip_trailing_promo`` cuts the call off instead)."""
    if len(text) > PROMO_MAX_CHARS:
        return False
    normalized = normalize_for_match(text)
    words = len(normalized.split())
    if not words or words > PROMO_MAX_WORDS or not _has_hint(normalized):
        return False
    any_call = self_sufficient = False
    for sentence in sentences(text):
        call, first = _calls(sentence)
        heading = (len(normalize_for_match(sentence).split()) <= HEADING_MAX_WORDS
                   and _is_heading_on_network(clauses(without_quotes(sentence)), own_names))
        if not (call or first or heading or is_button(sentence)):
            return False
        any_call = any_call or call
        self_sufficient = self_sufficient or first or heading
    return self_sufficient or (any_call and _targets_us(normalized, own_names))


def has_promo_hint(text: str) -> bool:
    """Whether a fragment has a word a promo is made of (a call, a network, "our", "first" …)."""
    return _has_hint(normalize_for_match(text))


def has_promo_word(text: str) -> bool:
    """Whether a fragment carries any part of a promo: a call, a network, a link, "our" …"""
    normalized = normalize_for_match(text)
    rules = compiled()
    return any(_calls(text)) or bool(
        rules.network.search(normalized) or rules.channel.search(normalized) or rules.us.search(normalized)
        or LINK in normalized.split() or rules.us_kk.search(skeleton(normalized))
    )


def is_button(text: str) -> bool:
    """Whether the block is only button text: "Подписаться", "Telegram", a bare ``t.me/…`` link."""
    if len(text) > BUTTON_MAX_CHARS:
        return False
    normalized = normalize_for_match(text)
    if not normalized:
        return has_promo_link(text)
    if normalized.count(" ") >= BUTTON_MAX_WORDS:
        return False
    rules = compiled()
    return bool(rules.button_block.fullmatch(normalized) or rules.button_block_kk.fullmatch(skeleton(normalized)))


def strip_trailing_promo(text: str, own_names: OwnNames = ()) -> str:
    """Remove a promo glued to the end of a text ("LEAD. Подписывайтесь …!").

    The promo must start a sentence (after ``.!?…`` or an emoji, not after a colon that quotes
    it), so "… предложил подписаться на канал" and "Блогер написал: «Подписывайтесь …»" are
    not cut. Returns "" when the whole text is promo."""
    if is_promo(text, own_names):
        return ""
    tail = max(0, len(text) - PROMO_MAX_CHARS)
    if not _has_hint(normalize_for_match(text[tail:])):  # a short text's own form: cached
        return text
    for start in (match.end() for match in _SENTENCE_START.finditer(text, tail)):
        head, rest = text[:start].rstrip(), text[start:]
        if head and not head.endswith(":") and is_promo(rest, own_names):
            return head.rstrip(" -–—:|/")
    return text
