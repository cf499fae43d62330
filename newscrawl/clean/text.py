"""Whitespace and matching forms of a text block."""

from __future__ import annotations

import functools
import re

from newscrawl.clean.rules import promo_link_re

_SPACE = re.compile(r"\s+")
#: Invisible characters that are not whitespace to ``re`` but split or join words on a page.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_NON_WORD = re.compile(r"[\W_]+")


def collapse_whitespace(text: str | None) -> str:
    """Any run of Unicode whitespace (NBSP, thin space, newlines) becomes one space; stripped."""
    if not text:
        return ""
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


@functools.lru_cache(maxsize=4096)
def normalize_for_match(text: str) -> str:
    """The form promo, button and ad rules match: lower case, ``ё`` as ``е``, social links and
    handles removed, punctuation and emoji as single spaces."""
    text = promo_link_re.sub(" ", text.lower().replace("ё", "е"))
    return _NON_WORD.sub(" ", text).strip()


def has_promo_link(text: str) -> bool:
    """Whether the text carries a social link or handle (``t.me/…``, ``@inbusinesskz``)."""
    return promo_link_re.search(text) is not None
