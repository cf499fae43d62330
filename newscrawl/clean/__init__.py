"""Text cleaning for extracted articles: pure functions, rules kept as data in ``rules/``.

``clean_article`` turns an Article's content blocks into its body, removing promo blocks,
buttons, related links, embed leftovers and ad labels, and moving photo credits to images.
"""

from __future__ import annotations

from newscrawl.clean.article import CleanReport, clean_article
from newscrawl.clean.credits import normalize_credit, split_credit

__all__ = ["CleanReport", "clean_article", "normalize_credit", "split_credit"]
