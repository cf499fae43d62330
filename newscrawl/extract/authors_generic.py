"""Bylines of pages in layouts we have no selectors for, where structured data names nobody.

From the most to the least explicit: CMS meta tags (Parse.ly, Sailthru, Dublin Core, the
``byl`` line), ``itemprop="author"``, ``rel="author"`` links, then short texts of elements whose
class says byline or author. Names only: a "By"/"Автор:" prefix, a date or a role after the
name, URLs and handles are left out.
"""

from __future__ import annotations

import re

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


def find_authors(selector: Selector) -> list[str]:
    """The page's authors by name, most explicit source first; ``[]`` when none is found."""
    metas = {}
    for meta in selector.xpath("//meta[@content]"):
        key = (meta.attrib.get("name") or meta.attrib.get("property") or "").strip().lower()
        metas.setdefault(key, meta.attrib["content"])
    candidates = [[metas[name]] for name in AUTHOR_META if metas.get(name, "").strip()]
    outside = f"not(ancestor-or-self::*[{_COMMENTS}]) and not(ancestor::form)"
    candidates.append(selector.xpath(
        f"//*[@itemprop='author' and {outside}]//*[@itemprop='name']/@content"
        f" | //*[@itemprop='author' and {outside}]//*[@itemprop='name']//text()"
        f" | //*[@itemprop='author' and not(.//*[@itemprop='name']) and {outside}]//text()").getall())
    candidates.append(selector.xpath(f"//a[@rel='author' and {outside}]//text()").getall())
    candidates += [
        [" ".join(element.xpath(".//text()").getall())]
        for element in selector.xpath(f"//*[(contains(@class, 'byline') or contains(@class, 'author')) and {outside}]")[:10]
    ]
    for texts in candidates:
        joined = " ".join(" ".join(texts).split())
        if not joined or len(joined) > MAX_BYLINE_CHARS:
            continue
        names = list(dict.fromkeys(name for text in texts for name in _names(text)))
        if names:
            return names[:MAX_AUTHORS]
    return []
