"""Which blocks of an article's content are noise, and of what kind."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newscrawl.clean.credits import is_credit_label_only, parse_credit
from newscrawl.clean.promo import PROMO_MAX_CHARS, OwnNames, has_promo_hint, has_promo_word, is_button, is_promo
from newscrawl.clean.rules import compiled
from newscrawl.clean.staff import is_author_bio, is_staff_line
from newscrawl.clean.text import maybe_kazakh, normalize_for_match, skeleton
from newscrawl.items import LinkOnly, MarkupBlock

PROMO = "promo"
BUTTON = "button"
CREDIT = "credit"
RELATED = "related"
EMBED = "embed"
AD = "ad"
STAFF = "staff"

#: A promo split over lines ("Подпишитесь на наш" / "Telegram-канал") spans at most this many
#: blocks, each at most ``FRAGMENT_MAX_CHARS`` long.
PROMO_MAX_FRAGMENTS = 3
FRAGMENT_MAX_CHARS = 80
#: A headline after a bare related label is short; in content built from text (no markup to
#: say it is a link) it also ends with no period and a label takes at most this many of them.
RELATED_HEADLINE_MAX_CHARS = 160
RELATED_MAX_HEADLINES = 8
#: A widget heading of no fixed wording is this short.
RELATED_HEADING_MAX_WORDS = 6
#: A tagline between a promo heading and its button ("Главные новости — первыми") is this short.
TAGLINE_MAX_CHARS = 80
_FIRST_WORD = re.compile(r"[\W_]*(\w+)")
#: A line that is only a site or a stock name ("pexels.com"): a credit when an image is right before it.
_BARE_SITE = re.compile(r"\W*(?:©\s*)?[\w-]+(?:\.[\w-]+)*\.(?:com|kz|ru|org|net|kg|uz|info|media|news|io|tv|by|ua)\W*",
                        re.IGNORECASE)
_HEADLINE_END = re.compile(r"[.…:;,]\W*$")
_AD_DISCLOSURE = re.compile(r"^\W*реклама\b.{0,300}\berid\b", re.IGNORECASE | re.DOTALL)


def _is_related_heading(text: str) -> bool:
    """A short widget heading of no fixed wording ("Топ читаемых", "Editor's Choice")."""
    normalized = normalize_for_match(text)
    if not normalized or normalized.count(" ") >= RELATED_HEADING_MAX_WORDS or _HEADLINE_END.search(text):
        return False
    if re.search(r"[—–]|\s-\s|:.", text):
        return False  # "Самое интересное — впереди" is a subheading
    rules = compiled()
    return bool(rules.related_heading.fullmatch(normalized)
                or (maybe_kazakh(normalized) and rules.related_heading_kk.fullmatch(skeleton(normalized))))


def _related_match(text: str) -> re.Match[str] | None:
    rules = compiled()
    match = rules.related_label.fullmatch(text)
    if match is None and maybe_kazakh(text):
        match = rules.related_label_kk.fullmatch(skeleton(text.lower()))
    return match


def _related_prefix(text: str) -> re.Match[str] | None:
    rules = compiled()
    match = rules.related_prefix.match(text)
    if match is None and maybe_kazakh(text):
        match = rules.related_prefix_kk.match(skeleton(text.lower()))
    return match


def is_related(text: str) -> bool:
    """A related-links block: a label alone or before a colon ("Другие новости по теме",
    "По теме: …", "Тақырыпқа қатысты:"), or "Читайте также <headline>", "Сондай-ақ оқыңыз …"."""
    if len(text) <= 60 and _is_related_heading(text):
        return True
    first = _FIRST_WORD.match(text)
    if first is None:
        return False
    word, labels = first.group(1).lower().replace("ё", "е"), compiled().related_first_words
    if word not in labels and skeleton(word) not in labels:
        return False  # every label opens with one of a few words
    if len(text) <= RELATED_HEADLINE_MAX_CHARS + 40 and _related_match(text):
        return True
    return _related_prefix(text) is not None


def is_related_label_only(text: str) -> bool:
    """A related label with no headline after it ("Читайте также:", "Басқа материалдар")."""
    if len(text) <= 60 and _is_related_heading(text):
        return True
    match = _related_match(text)
    if match is not None:
        return not re.search(r"\w", match["rest"] or "")
    prefix = _related_prefix(text)
    return prefix is not None and not re.search(r"\w", text[prefix.end() :])


def is_embed(text: str) -> bool:
    """Text left over from a social embed ("View this post on Instagram", a tweet signature)."""
    if len(text) > 120 and "@" not in text and "pic.twitter" not in text:
        return False  # every embed pattern is a short line or carries a handle or a pic link
    return compiled().embed.search(text) is not None


def is_ad_label(text: str) -> bool:
    """A block that is exactly an ad or partner label ("Реклама", "Партнерские материалы",
    "Серіктес жаңалықтары"), or an ad disclosure line with its ``erid``."""
    if len(text) < 60:
        normalized = normalize_for_match(text)
        rules = compiled()
        if rules.ad_label.fullmatch(normalized) or rules.ad_label_kk.fullmatch(skeleton(normalized)):
            return True
    return len(text) <= PROMO_MAX_CHARS and _AD_DISCLOSURE.match(text) is not None


def block_kind(text: str, own_names: OwnNames = ()) -> str | None:
    """The kind of noise one text block is on its own, or None for article text."""
    if is_ad_label(text):
        return AD
    if is_related(text):
        return RELATED
    if is_promo(text, own_names):
        return PROMO
    if is_button(text):
        return BUTTON
    if is_embed(text):
        return EMBED
    if parse_credit(text) or is_credit_label_only(text):
        return CREDIT
    return STAFF if is_staff_line(text) else None


def _joined_promo_length(blocks: Sequence[str | int], start: int, own_names: OwnNames) -> int:
    """How many blocks from ``start`` together form one promo (0 if none do; the longest span)."""
    parts: list[str] = []
    span = 0
    for index in range(start, min(start + PROMO_MAX_FRAGMENTS, len(blocks))):
        block = blocks[index]
        if not isinstance(block, str) or len(block) > FRAGMENT_MAX_CHARS:
            break
        if parts and parts[-1].rstrip(" \"»”)").endswith((".", "!", "?", "…")):
            break  # a split promo breaks mid-sentence; a finished sentence is text of its own
        if not parts and not has_promo_hint(block):
            break  # a split promo opens with a part of it, not with a subheading ("Что дальше")
        if span and not has_promo_word(block):
            break  # past a whole promo, a further line must add to it
        parts.append(block)
        if len(parts) > 1 and is_promo(" ".join(parts), own_names):
            span = len(parts)
    return span


def _is_headline(block: str | int, kind: str | None, max_chars: int = RELATED_HEADLINE_MAX_CHARS) -> bool:
    return isinstance(block, str) and kind is None and len(block) <= max_chars and not _HEADLINE_END.search(block)


def _related_end(blocks: Sequence[str | int], alone: list[str | None], start: int) -> int:
    """Where the related links after a bare label (at ``start - 1``) end. Walked from markup,
    the links are the blocks that are all link text (``LinkOnly``), so a subheading or a
    sentence after them stays; in content built from text, up to 8 headline-like blocks."""
    end = start
    while end < len(blocks):
        block = blocks[end]
        if isinstance(block, MarkupBlock):
            if not (isinstance(block, LinkOnly) and alone[end] in (None, RELATED)
                    and len(block) <= RELATED_HEADLINE_MAX_CHARS):
                break
        elif end - start >= RELATED_MAX_HEADLINES or not _is_headline(block, alone[end]):
            break
        end += 1
    return end


def _taglines_to_promo(blocks: Sequence[str | int], kinds: list[str | None]) -> None:
    """A short line between a promo (or its heading) and its button belongs to the widget."""
    for index in range(1, len(blocks) - 1):
        if (kinds[index] is None and kinds[index - 1] in (PROMO, BUTTON) and kinds[index + 1] == BUTTON
                and _is_headline(blocks[index], None, TAGLINE_MAX_CHARS)):
            kinds[index] = PROMO


def classify_blocks(blocks: Sequence[str | int], own_names: OwnNames = ()) -> list[str | None]:
    """The noise kind of each block (None for article text and for image indices).

    A promo split over up to three short consecutive blocks is found by joining them; a bare
    related label also takes the links right after it (see ``_related_end``); a
    tagline between a promo heading and its button goes with them."""
    alone = [block_kind(block, own_names) if isinstance(block, str) else None for block in blocks]
    kinds: list[str | None] = [None] * len(blocks)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not isinstance(block, str):
            index += 1
            continue
        kind = alone[index]
        if kind is None and len(block) <= FRAGMENT_MAX_CHARS:
            span = _joined_promo_length(blocks, index, own_names)
            if span:
                kinds[index : index + span] = [PROMO] * span
                index += span
                continue
        kinds[index] = kind
        index += 1
        if kind == RELATED and is_related_label_only(block):
            end = _related_end(blocks, alone, index)
            kinds[index:end] = [RELATED] * (end - index)
            index = end
    _taglines_to_promo(blocks, kinds)
    last = next((index for index in reversed(range(len(blocks))) if isinstance(blocks[index], str)
                 and kinds[index] is None), None)
    if last is not None and is_author_bio(str(blocks[last])):
        kinds[last] = STAFF  # "X is a reporter at The Y." closing the article
    for index in range(1, len(blocks)):
        block = blocks[index]
        if kinds[index] is None and isinstance(block, str) and isinstance(blocks[index - 1], int) \
                and _BARE_SITE.fullmatch(block):
            kinds[index] = CREDIT  # "pexels.com" under a picture
    return kinds
