"""Clean one extracted Article in place: body from content blocks, credits to their images."""

from __future__ import annotations

from dataclasses import dataclass

from newscrawl.clean.blocks import AD, BUTTON, CREDIT, EMBED, PROMO, RELATED, STAFF, classify_blocks
from newscrawl.clean.credits import normalize_credit, parse_credit, split_credit
from newscrawl.clean.promo import OwnNames, is_button, strip_trailing_promo
from newscrawl.clean.text import collapse_whitespace
from newscrawl.items import Article, ContentBlock, Image, same_kind


@dataclass
class CleanReport:
    """What cleaning removed or moved in one article (counts of blocks unless said otherwise)."""

    promo_blocks: int = 0
    buttons: int = 0
    credits_moved: int = 0
    credits_orphaned: int = 0
    related: int = 0
    embeds: int = 0
    ads: int = 0
    #: "Reporting by X; Editing by Y", "X contributed to this report."
    staff_lines: int = 0
    #: Promo sentences cut from the end of a kept block, the lead or the title.
    promo_trimmed: int = 0
    #: Credits taken out of image captions.
    caption_credits: int = 0


_COUNTERS: dict[str, str] = {
    PROMO: "promo_blocks",
    BUTTON: "buttons",
    RELATED: "related",
    EMBED: "embeds",
    AD: "ads",
    STAFF: "staff_lines",
}


def _count(report: CleanReport, field_name: str) -> None:
    setattr(report, field_name, getattr(report, field_name) + 1)


def _clean_inline(text: str | None, report: CleanReport, own_names: OwnNames) -> str:
    """A title or lead: whitespace collapsed, a glued promo sentence cut off."""
    text = collapse_whitespace(text)
    if not text:
        return ""
    if is_button(text):
        _count(report, "promo_trimmed")
        return ""
    trimmed = strip_trailing_promo(text, own_names)
    if trimmed != text:
        _count(report, "promo_trimmed")
    return trimmed


def _clean_images(images: list[Image], report: CleanReport) -> None:
    """Move a credit glued to a caption into the image's credit; normalise every credit."""
    for image in images:
        caption, glued = split_credit(image.get("caption"))
        if glued:
            _count(report, "caption_credits")
        image["caption"] = caption
        image["credit"] = normalize_credit(image.get("credit")) or normalize_credit(glued)


def _main_image(content: list[ContentBlock], images: list[Image]) -> int | None:
    """images[0] stands before the body unless the content itself places it."""
    return 0 if images and 0 not in content else None


def clean_article(article: Article, own_names: OwnNames = ()) -> CleanReport:
    """Clean an extracted Article in place and return what was removed/moved.

    ``own_names`` are the crawling site's own names as printed ("inbusiness.kz", "Инбизнес",
    "inbusinesskz"): a call to follow them is promo, a sentence about someone else's channel is not.

    ``content`` becomes ``body`` (kept text blocks joined by a blank line; ``content`` emptied);
    promo, button, related, embed and ad blocks leave; a credit line goes to the image right
    before it (no kept text in between; the main image for the first block) if that image has no
    credit yet, else it is dropped and counted as orphaned."""
    report = CleanReport()
    own_names = tuple(own_names)
    article.title = _clean_inline(article.title, report, own_names) or collapse_whitespace(article.title)
    article.lead = _clean_inline(article.lead, report, own_names) or None
    _clean_images(article.images, report)

    blocks: list[ContentBlock] = []
    for block in article.content:
        if isinstance(block, str):
            block = same_kind(block, collapse_whitespace(block))
            if not block:
                continue
        blocks.append(block)

    kept: list[str] = []
    credit_target = _main_image(article.content, article.images)
    for block, kind in zip(blocks, classify_blocks(blocks, own_names)):
        if isinstance(block, int):
            credit_target = block if 0 <= block < len(article.images) else None
        elif kind == CREDIT:
            image = article.images[credit_target] if credit_target is not None else None
            if image is not None and not image.get("credit"):
                image["credit"] = normalize_credit(parse_credit(block))
                _count(report, "credits_moved")
            else:
                _count(report, "credits_orphaned")
        elif kind is not None:
            _count(report, _COUNTERS[kind])
        else:
            text = strip_trailing_promo(block, own_names)
            if text != block:
                _count(report, "promo_trimmed")
            if text:
                kept.append(text)
                credit_target = None
    article.body = "\n\n".join(kept)
    article.content = []
    return report
