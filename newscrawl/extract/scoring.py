"""The generic path's last resort: the container that holds the most paragraph text.

Readability-style scoring, used when trafilatura finds no main text to agree with.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from newscrawl.extract.blocks import element_text, is_noise_element

#: A paragraph shorter than this is a teaser, caption or button, not article text.
MIN_PARAGRAPH_CHARS = 40
#: A paragraph whose text is mostly links is navigation.
MAX_LINK_DENSITY = 0.5
#: A parent replaces the best container when it holds this much more paragraph text
#: (the article is split over sibling sections).
SPREAD_FACTOR = 1.5

_EXCLUDED_ANCESTORS = frozenset({"nav", "aside", "header", "footer", "form"})


def _paragraph_length(paragraph: etree._Element) -> int:
    """Length of a paragraph's text if it looks like article text, else 0."""
    if any(
        isinstance(a.tag, str) and (a.tag.lower() in _EXCLUDED_ANCESTORS or is_noise_element(a))
        for a in paragraph.iterancestors()
    ):
        return 0
    text = element_text(paragraph)
    if len(text) < MIN_PARAGRAPH_CHARS:
        return 0
    link_text = sum(len(element_text(a)) for a in paragraph.iter("a"))
    return 0 if link_text / len(text) > MAX_LINK_DENSITY else len(text)


def main_text_element(root: etree._Element) -> etree._Element | None:
    """The element that holds the article's paragraphs, or None if the page has none."""
    score: dict[etree._Element, float] = defaultdict(float)
    held: dict[etree._Element, int] = defaultdict(int)
    for paragraph in root.iter("p", "li", "blockquote"):
        length = _paragraph_length(paragraph)
        if not length:
            continue
        for depth, ancestor in enumerate(paragraph.iterancestors()):
            held[ancestor] += length
            if depth < 2:
                score[ancestor] += length / (depth + 1)
    if not score:
        return None
    best = max(score, key=score.__getitem__)
    for _ in range(2):
        parent = best.getparent()
        if parent is None or held[parent] < SPREAD_FACTOR * held[best]:
            break
        best = parent
    return best
