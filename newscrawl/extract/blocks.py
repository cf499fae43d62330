"""Turn an article's body element into text blocks and images, in page order."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from newscrawl.clean.text import collapse_whitespace
from newscrawl.items import ContentBlock, Image, LinkOnly, MarkupBlock

#: Elements that end the current block of text (one block per paragraph).
BLOCK_TAGS: frozenset[str] = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote section article header footer "
    "table tr td th pre dl dt dd hr main aside nav center".split()
)
#: Elements whose text is never article text.
SKIP_TAGS: frozenset[str] = frozenset(
    "script style noscript iframe form button svg template object embed video audio "
    "select textarea input nav aside".split()
)
#: Social embeds: a blockquote that a widget script turns into a post. Its text is
#: the post, not the article.
_EMBED_CLASS = re.compile(r"instagram-media|twitter-tweet|telegram-post|tiktok-embed|fb-post|vk_post")
_EMBED_ATTRS: tuple[str, ...] = ("data-instgrm-permalink", "data-telegram-post", "data-tweet-id")
#: Ad slots and banners, by the class names ad code uses.
_AD_CLASS = re.compile(r"(?:^|[\s_-])(?:adv|advert\w*|ads|adsbygoogle|banner|ad)(?:$|[\s_-])")
#: Readers' comments and their form, by the id or class names comment widgets use (a whole
#: token: an article wrapper ``has-comments`` is not one).
_COMMENTS_NAME = re.compile(r"^(?:comm|comments?|comments?[-_](?:area|list|block|section|wrap\w*)|disqus\w*)$")
#: Blocks that are a related headline when all their text is link text (a linked subheading or
#: table cell is content: a gift guide's product names, a ticker).
LINK_ONLY_TAGS: frozenset[str] = frozenset({"p", "li", "div"})
#: Elements nested deeper than this in a body are read as plain text: block walking recurses,
#: and a broken or hostile page can nest thousands deep.
MAX_NESTING = 200


def element_text(element: etree._Element) -> str:
    """An element's visible text, whitespace collapsed, without scripts and styles."""
    parts: list[str] = []
    _inline_text(element, parts, with_tail=False)
    return collapse_whitespace(" ".join(parts))


def is_noise_element(element: etree._Element, strict: bool = True, tag: str | None = None) -> bool:
    """Scripts, embeds, forms and ad slots: markup that carries no article text. ``strict=False``
    when another judge decides what is article text: ASP.NET pages wrap the whole page in a
    ``<form>``, and page wrappers named ``ad_body`` exist. ``tag``: the lowercased tag, when
    the caller has it (the walker asks for every element of the page)."""
    if tag is None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in SKIP_TAGS and (strict or tag != "form"):
        return True
    classes = (element.get("class") or "").lower()
    if tag == "blockquote" and (_EMBED_CLASS.search(classes) or any(element.get(a) for a in _EMBED_ATTRS)):
        return True
    identifier = element.get("id")
    if not classes and not identifier:  # most elements: nothing to match
        return False
    names = f"{identifier or ''} {classes}".lower().split()
    if any(_COMMENTS_NAME.match(name) for name in names):
        return True
    return strict and bool(_AD_CLASS.search(classes))


def image_url(img: etree._Element, base_url: str) -> str | None:
    """The absolute URL of an ``<img>``, preferring lazy-load attributes over placeholders."""
    for attribute in ("data-src", "data-lazy-src", "data-original", "src"):
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return urljoin(base_url, value)
    return None


def figure_image(container: etree._Element, base_url: str) -> Image | None:
    """The image of a ``<figure>``-like container: its img, figcaption (or alt) and credit."""
    imgs = container.xpath(".//img")
    if not imgs:
        return None
    url = image_url(imgs[0], base_url)
    if not url:
        return None
    captions = container.xpath(".//figcaption")
    caption = element_text(captions[0]) if captions else collapse_whitespace(imgs[0].get("alt"))
    credits = container.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' copyright ')]")
    credit = element_text(credits[0]) if credits else ""
    return Image(url=url, caption=caption or None, credit=credit or None)


class _BlockWriter:
    """Walks an element tree, flushing inline text into a block at block boundaries."""

    def __init__(self, base_url: str, strict: bool = True) -> None:
        self.base_url = base_url
        self.strict = strict
        self.content: list[ContentBlock] = []
        self.images: list[Image] = []
        self._buffer: list[str] = []
        # the innermost block element's tag, how many links we are in, and whether the buffer
        # holds text outside any link (then the block is not link-only)
        self._block_tag = ""
        self._link_depth = 0
        self._unlinked = False

    def flush(self) -> None:
        if not self._buffer:
            return
        text = collapse_whitespace(" ".join(self._buffer))
        self._buffer = []
        link_only = not self._unlinked and self._block_tag in LINK_ONLY_TAGS
        self._unlinked = False
        if text:
            self.content.append(LinkOnly(text) if link_only else MarkupBlock(text))

    def add_image(self, image: Image | None) -> None:
        if image is None:
            return
        self.flush()
        self.images.append(image)
        self.content.append(len(self.images) - 1)

    def walk(self, element: etree._Element, depth: int = 0) -> None:
        # whitespace-only runs are left out: parts are joined with a space anyway
        text = element.text
        if text and not text.isspace():
            self._buffer.append(text)
            self._unlinked = self._unlinked or not self._link_depth
        for child in element:
            if isinstance(child.tag, str):  # comments and processing instructions hold no text
                self.visit(child, depth + 1)
            tail = child.tail
            if tail and not tail.isspace():
                self._buffer.append(tail)
                self._unlinked = self._unlinked or not self._link_depth

    def walk_link(self, element: etree._Element, depth: int) -> None:
        """Walk an ``<a>``: its text is link text."""
        self._link_depth += 1
        self.walk(element, depth)
        self._link_depth -= 1

    def visit(self, element: etree._Element, depth: int = 0, tag: str | None = None) -> None:
        if tag is None:
            if not isinstance(element.tag, str):
                return
            tag = element.tag.lower()
        if is_noise_element(element, self.strict, tag):
            return
        if depth > MAX_NESTING:  # hostile or broken nesting: the rest is one run of text
            self._buffer.append(element_text(element))
            self._unlinked = True
            return
        if tag == "figure":
            self.add_image(figure_image(element, self.base_url))
        elif tag == "img":
            url = image_url(element, self.base_url)
            if url:
                self.add_image(Image(url=url, caption=collapse_whitespace(element.get("alt")) or None, credit=None))
        elif tag == "br":
            self._buffer.append(" ")
        elif tag in BLOCK_TAGS:
            self.flush()
            outer, self._block_tag = self._block_tag, tag
            self.walk(element, depth)
            self.flush()
            self._block_tag = outer
        elif tag == "a":
            self.walk_link(element, depth)
        else:
            self.walk(element, depth)


class TracedBlocks(_BlockWriter):
    """The same walk, also recording for each content block the element it came from (its
    innermost block element, or the image's) and the share of its characters inside links:
    for callers that choose blocks by where they sit in the page. Layouts do not pay for it."""

    def __init__(self, base_url: str, root: etree._Element, strict: bool = True) -> None:
        super().__init__(base_url, strict)
        self.sources: list[etree._Element] = []
        self.linked: list[float] = []
        self._blocks: list[etree._Element] = [root]
        self._link_chars = 0
        # inside a link that wraps blocks (a story card): where its text starts in the buffer
        self._link_start: int | None = None

    def flush(self) -> None:
        if not self._buffer:  # most block boundaries: nothing pending
            self._link_chars = 0
            return
        raw_chars = sum(len(part.strip()) for part in self._buffer)
        if self._link_start is not None:  # a block flushed inside a link: its linked text counts
            self._link_chars += sum(len(part.strip()) for part in self._buffer[self._link_start:])
            self._link_start = 0
        before = len(self.content)
        super().flush()
        if len(self.content) > before:
            self.sources.append(self._blocks[-1])
            self.linked.append(min(1.0, self._link_chars / raw_chars) if raw_chars else 0.0)
        self._link_chars = 0

    def visit(self, element: etree._Element, depth: int = 0, tag: str | None = None) -> None:
        if tag is None:
            if not isinstance(element.tag, str):
                return
            tag = element.tag.lower()
        if tag == "a" and depth <= MAX_NESTING and not is_noise_element(element, self.strict, tag):
            start, before, outer = len(self._buffer), len(self.content), self._link_start
            self._link_start = start
            self.walk_link(element, depth)
            # the link's text still in the buffer (all of it when no block inside flushed it)
            self._link_chars += sum(len(part.strip()) for part in self._buffer[self._link_start:])
            self._link_start = outer if outer is None else 0 if len(self.content) > before else outer
        elif tag in BLOCK_TAGS or tag in ("figure", "img"):
            self.flush()
            self._blocks.append(element)
            before = len(self.content)
            super().visit(element, depth, tag)
            if tag in ("figure", "img") and len(self.content) > before:  # the image: not flushed text
                self.sources.append(element)
                self.linked.append(0.0)
            self._blocks.pop()
        else:
            super().visit(element, depth, tag)


def content_blocks(element: etree._Element, base_url: str) -> tuple[list[ContentBlock], list[Image]]:
    """Text blocks and inline images of a body element; ints in content index the images."""
    writer = _BlockWriter(base_url)
    writer.walk(element)
    writer.flush()
    return writer.content, writer.images


def traced_blocks(element: etree._Element, base_url: str, strict: bool = True) -> TracedBlocks:
    """The blocks of ``element`` with where each came from (see ``TracedBlocks``)."""
    writer = TracedBlocks(base_url, element, strict)
    writer.walk(element)
    writer.flush()
    return writer


def _inline_text(element: etree._Element, parts: list[str], with_tail: bool) -> None:
    """Text of ``element`` and its descendants in document order, scripts and styles left out.

    A loop over a stack, not recursion: markup nested thousands deep must not exhaust the
    Python recursion limit (the parser keeps such trees whole)."""
    pending: list[etree._Element | str] = [element]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item.tag, str) and item.tag.lower() not in SKIP_TAGS:
            parts.append(item.text or "")
            for child in reversed(item):
                pending.append(child.tail or "")
                pending.append(child)
    if with_tail:
        parts.append(element.tail or "")
