"""Which blocks of an article's content are noise, and of what kind."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newscrawl.clean.credits import parse_credit
from newscrawl.clean.promo import PROMO_MAX_CHARS, is_button, is_promo
from newscrawl.clean.rules import ad_label_re, embed_re, related_prefix_re
from newscrawl.clean.text import normalize_for_match

PROMO = "promo"
BUTTON = "button"
CREDIT = "credit"
RELATED = "related"
EMBED = "embed"
AD = "ad"

#: A promo split over lines ("Подпишитесь на наш" / "Telegram-канал") spans at most this many
#: blocks, each at most ``FRAGMENT_MAX_CHARS`` long.
PROMO_MAX_FRAGMENTS = 3
FRAGMENT_MAX_CHARS = 80
#: The headline after a bare "Читайте также" label is short and ends with no period.
RELATED_HEADLINE_MAX_CHARS = 160
_HEADLINE_END = re.compile(r"[.…:;,]\W*$")


def is_related(text: str) -> bool:
    """A related-links block: "Читайте также: <headline>", "Read more:", "Сондай-ақ оқыңыз"."""
    return related_prefix_re.match(text) is not None


def is_related_label_only(text: str) -> bool:
    """A related label with no headline after it ("Читайте также:")."""
    match = related_prefix_re.match(text)
    return match is not None and not re.search(r"\w", text[match.end() :])


def is_embed(text: str) -> bool:
    """Text left over from a social embed ("View this post on Instagram", a tweet signature)."""
    return embed_re.search(text) is not None


def is_ad_label(text: str) -> bool:
    """A block that is exactly an ad label ("Реклама", "ADVERTISEMENT"), not a sentence about ads."""
    return len(text) < 60 and ad_label_re.fullmatch(normalize_for_match(text)) is not None


def block_kind(text: str) -> str | None:
    """The kind of noise one text block is on its own, or None for article text."""
    if is_ad_label(text):
        return AD
    if is_promo(text):
        return PROMO
    if is_button(text):
        return BUTTON
    if is_related(text):
        return RELATED
    if is_embed(text):
        return EMBED
    if parse_credit(text):
        return CREDIT
    return None


def _joined_promo_length(blocks: Sequence[str | int], start: int) -> int:
    """How many blocks from ``start`` together form one promo (0 if none do)."""
    parts: list[str] = []
    for index in range(start, min(start + PROMO_MAX_FRAGMENTS, len(blocks))):
        block = blocks[index]
        if not isinstance(block, str) or len(block) > FRAGMENT_MAX_CHARS:
            return 0
        parts.append(block)
        if len(parts) > 1 and is_promo(" ".join(parts)):
            return len(parts)
    return 0


def _is_related_headline(block: str | int) -> bool:
    return (
        isinstance(block, str)
        and len(block) <= RELATED_HEADLINE_MAX_CHARS
        and not _HEADLINE_END.search(block)
        and block_kind(block) is None
    )


def classify_blocks(blocks: Sequence[str | int]) -> list[str | None]:
    """The noise kind of each block (None for article text and for image indices).

    A promo split over up to three short consecutive blocks is found by joining them; a bare
    related label also takes the one headline-like block right after it."""
    kinds: list[str | None] = [None] * len(blocks)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not isinstance(block, str):
            index += 1
            continue
        kind = block_kind(block)
        if kind is None and len(block) <= PROMO_MAX_CHARS:
            span = _joined_promo_length(blocks, index)
            if span:
                kinds[index : index + span] = [PROMO] * span
                index += span
                continue
        kinds[index] = kind
        if kind == RELATED and is_related_label_only(block) and index + 1 < len(blocks):
            if _is_related_headline(blocks[index + 1]):
                kinds[index + 1] = RELATED
                index += 1
        index += 1
    return kinds
