"""Bylines of pages in layouts we have no selectors for, where structured data names nobody.

From the most to the least explicit: CMS meta tags (Parse.ly, Sailthru, Dublin Core, the
``byl`` line), ``itemprop="author"``, ``rel="author"`` links, then short texts of elements whose
class says byline or author. Names only: a "By"/"Автор:" prefix, a date or a role after the
name, URLs and handles are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from parsel import Selector

AUTHOR_META: tuple[str, ...] = ("parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl",
                                "article:author", "author")
#: Printed before a name.
_PREFIX = re.compile(r"^(?:by|written by|posted by|words by|автор(?:ы)?|текст|авторы?)\s*:?\s+", re.IGNORECASE)
#: Between two names of one byline.
_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b|\bи\b|\bжәне\b|\bта\b)\s*", re.IGNORECASE)
#: What follows a name in a byline: a date, a role, a pipe.
_TAIL = re.compile(r"\s*(?:[|•·—–]|\bon\b|\bupdated\b|\bpublished\b|\d).*$", re.IGNORECASE)
#: Readers' comments name their authors too.
_COMMENTS = "contains(@class, 'comment') or contains(@id, 'comment') or contains(@class, 'reply')"
_OUTSIDE = f"not(ancestor-or-self::*[{_COMMENTS}]) and not(ancestor::form)"
_ITEMPROP_AUTHOR = etree.XPath(
    f"//*[@itemprop='author' and {_OUTSIDE}]//*[@itemprop='name']/@content"
    f" | //*[@itemprop='author' and {_OUTSIDE}]//*[@itemprop='name']//text()"
    f" | //*[@itemprop='author' and not(.//*[@itemprop='name']) and {_OUTSIDE}]//text()"
)
_REL_AUTHOR = etree.XPath(f"//a[@rel='author' and {_OUTSIDE}]//text()")
_BYLINE_ELEMENTS = etree.XPath(f"//*[(contains(@class, 'byline') or contains(@class, 'author')) and {_OUTSIDE}]")
MAX_BYLINE_ELEMENTS = 10
MAX_BYLINE_CHARS = 120
MAX_NAME_CHARS = 60
MAX_AUTHORS = 5
MAX_NAME_WORDS = 4


def _names(text: str) -> list[str]:
    """Names in one byline text."""
    line = _TAIL.sub("", _PREFIX.sub("", " ".join(text.split())))
    names = []
    for part in _SEPARATOR.split(line):
        name = part.strip(" .,:;")
        if (2 < len(name) <= MAX_NAME_CHARS and name[:1].isupper() and len(name.split()) <= MAX_NAME_WORDS
                and not re.search(r"https?:|www\.|@|/|\d", name)):
            names.append(name)
    return names


def _candidates(root: etree._Element) -> Iterator[list[str]]:
    """Byline texts, most explicit source first; computed only as far as they are needed."""
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        if key in AUTHOR_META and (meta.get("content") or "").strip():
            metas.setdefault(key, meta.get("content") or "")
    yield from ([metas[name]] for name in AUTHOR_META if name in metas)
    yield [str(text) for text in _ITEMPROP_AUTHOR(root)]
    yield [str(text) for text in _REL_AUTHOR(root)]
    for element in _BYLINE_ELEMENTS(root)[:MAX_BYLINE_ELEMENTS]:
        yield [" ".join(element.itertext())]


def find_authors(selector: Selector) -> list[str]:
    """The page's authors by name, most explicit source first; ``[]`` when none is found."""
    root = selector.root
    if not isinstance(root, etree._Element):
        return []
    for texts in _candidates(root):
        joined = " ".join(" ".join(texts).split())
        if not joined or len(joined) > MAX_BYLINE_CHARS:
            continue
        names = list(dict.fromkeys(name for text in texts for name in _names(text)))
        if names:
            return names[:MAX_AUTHORS]
    return []
