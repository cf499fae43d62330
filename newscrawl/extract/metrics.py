"""How close an extracted body is to the expected one: the token F1 the news spider's bench and
tests report (bag of lower-cased words, as the article-extraction literature scores bodies)."""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text or ""))


def token_f1(expected: str, extracted: str) -> float:
    """F1 of the words of ``extracted`` against ``expected`` (1.0: the same words; both empty: 1.0)."""
    want, got = tokens(expected), tokens(extracted)
    if not want and not got:
        return 1.0
    common = sum((want & got).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)
