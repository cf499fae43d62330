"""Trafilatura's judgment of a page, and how far it agrees with a block of ours.

Trafilatura (precision mode) says which text is the article; a block of the page agrees with
it when its 4-token shingles (the article-extraction-benchmark's unit) are in that text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

import trafilatura
from lxml import etree

logger = logging.getLogger(__name__)

#: Tokens as the article-extraction-benchmark counts them; shingles of this many tokens.
_TOKEN = re.compile(r"\w+")
SHINGLE = 4  # the benchmark's n; _shingles is written for 4
#: A block is the article's when at least this share of its shingles are in trafilatura's text.
AGREEMENT = 0.5
#: A declared ``articleBody`` shorter than this is an excerpt, not the article.
DECLARED_BODY_CHARS = 1000
#: Trafilatura's quick pass is trusted when it finds at least this many characters.
QUICK_TEXT_ENOUGH = 500


def reference_text(root: etree._Element, url: str | None) -> str:
    """Trafilatura's main text of the page in precision mode (comments left out), or ``""``.

    Its quick pass first; the full one (which also tries readability and jusText and keeps the
    best) only when the quick one found little text: on the benchmark's dev half the two differ
    on 4 pages of 82, each time with the quick text under ``QUICK_TEXT_ENOUGH`` characters but
    one, and the full pass costs half as much again."""
    text = _trafilatura_text(root, url, fast=True)
    if len(text) >= QUICK_TEXT_ENOUGH:
        return text
    return _trafilatura_text(root, url, fast=False) or text


def _trafilatura_text(root: etree._Element, url: str | None, fast: bool) -> str:
    try:
        document = trafilatura.bare_extraction(
            root, url=url, fast=fast, favor_precision=True, include_comments=False, include_tables=True
        )
    except Exception:  # trafilatura raises from deep inside lxml on hostile markup
        logger.warning("trafilatura failed on %s", url, exc_info=True)
        return ""
    return getattr(document, "text", None) or ""  # a Document, or None when it found no text


#: How far trafilatura's text agrees with a block.
NONE, WEAK, STRONG = 0, 1, 2


class Reference:
    """Trafilatura's text as shingles (for long blocks), lines and one token string (for short
    ones). A long block agrees strongly when half its shingles are in the text; a short block
    (a subheading, a table cell, a list item) strongly when it is a whole line of the text,
    weakly when it is merely somewhere in it ("Twitter", "Comments" usually are).

    The text the page declares as its ``articleBody`` (JSON-LD), when long enough to be the
    article rather than an excerpt, is a second judge for long blocks.

    Agreement uses the text up (shingles are counted: a recipe may repeat a line): a second
    copy of the article on the same page (a print version, a summary of every paragraph) finds
    it spent."""

    def __init__(self, text: str, declared: str = "") -> None:
        tokens = _TOKEN.findall(text)
        self.shingles = _shingles(tokens)
        self.declared = _shingles(_TOKEN.findall(declared)) if len(declared) >= DECLARED_BODY_CHARS else {}
        self.lines = Counter(tuple(_TOKEN.findall(line)) for line in text.splitlines())
        self.joined = f" {' '.join(tokens)} "

    def agreement(self, text: str) -> int:
        tokens = _TOKEN.findall(text)
        if len(tokens) < SHINGLE:
            line = tuple(tokens)
            if tokens and self.lines[line] > 0:
                self.lines[line] -= 1
                return STRONG
            return WEAK if tokens and f" {' '.join(tokens)} " in self.joined else NONE
        shingles = list(zip(tokens, tokens[1:], tokens[2:], tokens[3:]))
        needed = AGREEMENT * len(shingles)
        if not (_available(self.shingles, shingles) >= needed or _available(self.declared, shingles) >= needed):
            return NONE
        _use(self.shingles, shingles)
        _use(self.declared, shingles)
        return STRONG


Shingle = tuple[str, str, str, str]


def _shingles(tokens: list[str]) -> dict[Shingle, int]:
    """4-token shingles with their counts (``SHINGLE`` is 4: zip is much faster than slicing,
    and Counter counts in C)."""
    return Counter(zip(tokens, tokens[1:], tokens[2:], tokens[3:]))


def _available(counts: dict[Shingle, int], shingles: list[Shingle]) -> int:
    return sum(1 for shingle in shingles if counts.get(shingle, 0) > 0)


def _use(counts: dict[Shingle, int], shingles: list[Shingle]) -> None:
    for shingle in shingles:
        if counts.get(shingle, 0) > 0:
            counts[shingle] -= 1
