"""The generic path's main text: trafilatura chooses which text is the article, our block walker
writes it from the page itself.

Why both: trafilatura is the best-measured main-text finder we can depend on, but its text is
its own re-serialisation (link text inside ``<span class="link">`` dropped, inline elements glued
without spaces, headlines kept as paragraphs) and it has no image/caption structure, which
cleaning needs. Our walker reads the page faithfully into blocks but cannot tell the article
from its surroundings as well. So: walk the page, keep the blocks trafilatura's text agrees with,
and only those inside the smallest element that holds nearly all of them (a teaser of the same
story in a sidebar stays out).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from newscrawl.clean.text import collapse_whitespace
from newscrawl.extract.agreement import NONE, STRONG, Reference, reference_text
from newscrawl.extract.blocks import TracedBlocks, content_blocks, traced_blocks
from newscrawl.extract.scoring import main_text_element
from newscrawl.items import ContentBlock, Image

#: The article's container is the deepest element holding this share of the agreed text.
CONTAINER_SHARE = 0.9
#: A paragraph trafilatura left out is kept when it is at least this long and sits in the same
#: element as agreed paragraphs, or in one of the same kind (an article split into chunks).
SIBLING_PARAGRAPH_CHARS = 80
#: A block of at most this many characters with this share of them in links is a link.
LINK_BLOCK_MAX_CHARS = 300
LINKED_SHARE = 0.9
#: Subheadings: trafilatura's precision pass drops many, the record keeps them (record.md).
SUBHEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _container(elements: list[etree._Element], weights: list[int]) -> etree._Element | None:
    """The deepest element whose descendants hold ``CONTAINER_SHARE`` of the weight."""
    held: dict[etree._Element, int] = {}
    depth: dict[etree._Element, int] = {}
    for element, weight in zip(elements, weights):
        chain = [element, *element.iterancestors()]
        for level, ancestor in enumerate(reversed(chain)):
            held[ancestor] = held.get(ancestor, 0) + weight
            depth[ancestor] = level
    needed = CONTAINER_SHARE * sum(weights)
    qualified = [element for element, weight in held.items() if weight >= needed]
    return max(qualified, key=depth.__getitem__) if qualified else None


def _inside(element: etree._Element, container: etree._Element) -> bool:
    return element is container or any(ancestor is container for ancestor in element.iterancestors())


class _Siblings:
    """Paragraphs trafilatura left out that sit among agreed ones: in the same element (between
    the first and last agreed block: after the end come teasers), or anywhere in an element of
    the same tag and class as one holding two or more agreed paragraphs (an article in chunks).
    A subheading is kept on the same terms but only between agreed blocks (one past the last
    is a widget's title) and whatever its length."""

    def __init__(self, agreed_sources: list[etree._Element]) -> None:
        self.parents = Counter(source.getparent() for source in agreed_sources if source.tag == "p")
        self.kinds = {(e.tag, e.get("class")) for e, n in self.parents.items() if e is not None and n >= 2}

    def holds(self, block: ContentBlock, source: etree._Element, in_range: bool) -> bool:
        if not isinstance(block, str):
            return False
        if source.tag in SUBHEADING_TAGS:
            return in_range and self._among(source, in_range)
        return source.tag == "p" and len(block) >= SIBLING_PARAGRAPH_CHARS and self._among(source, in_range)

    def _among(self, source: etree._Element, in_range: bool) -> bool:
        parent = source.getparent()
        if parent is None:
            return False
        if parent in self.parents:
            return in_range
        return (parent.tag, parent.get("class")) in self.kinds


def _link_block(block: ContentBlock, source: etree._Element, linked: float) -> bool:
    """A short paragraph or list item that is all link: a related story or a tag list, even
    when trafilatura kept it (a linked subheading or table cell is content: a gift guide's
    product names, a ticker)."""
    return linked >= LINKED_SHARE and source.tag in ("p", "li", "div") and len(str(block)) <= LINK_BLOCK_MAX_CHARS


def _image_caption(walked: TracedBlocks, index: int) -> bool:
    """A text block right after an image that repeats the image's alt text or caption: a caption
    printed beside the image rather than in a ``<figcaption>`` (the record keeps it on the image)."""
    block = walked.content[index]
    if not isinstance(block, str) or index == 0:
        return False
    previous = walked.content[index - 1]
    return isinstance(previous, int) and block == walked.images[previous].get("caption")


@dataclass
class MainText:
    """The generic path's content blocks and images, and the standfirst when the page prints
    one above the body: an opening block, not a ``<p>``, that is the declared description word
    for word (a first paragraph that the description merely repeats stays in the body)."""

    content: list[ContentBlock] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    standfirst: str | None = None


def agreed_blocks(body: etree._Element, base_url: str, reference: str, declared: str = "", description: str = "") -> MainText:
    """The walked blocks of ``body`` that trafilatura's ``reference`` text agrees with, and the
    images, between the first and the last strongly agreed block and inside the article's
    container (the element that holds nearly all of the strongly agreed text); and the
    paragraphs it left out among agreed ones."""
    walked = traced_blocks(body, base_url, strict=False)
    reference_blocks = Reference(reference, declared)
    # the page's first <h1> is its headline, the record's title (which may be worded otherwise):
    # judged last, so that it does not use up the shingles of a paragraph repeating its words
    headline = next((i for i, source in enumerate(walked.sources) if source.tag == "h1"), -1)
    kept = [reference_blocks.agreement(block) if isinstance(block, str) and i != headline else NONE
            for i, block in enumerate(walked.content)]
    title_block = walked.content[headline] if headline >= 0 else None
    if isinstance(title_block, str):
        kept[headline] = reference_blocks.agreement(title_block)
    indexes = [i for i, agreement in enumerate(kept) if agreement == STRONG]
    if not indexes:
        return MainText()
    container = _container([walked.sources[i] for i in indexes], [len(str(walked.content[i])) for i in indexes])
    if container is None:
        return MainText()
    siblings = _Siblings([walked.sources[i] for i in indexes])
    first, last = indexes[0], indexes[-1]
    found = MainText()
    content, images, opening_tag = found.content, found.images, ""
    kept_tags: list[str] = []  # the source tag of each kept block, to drop trailing headings
    for index, (block, source) in enumerate(zip(walked.content, walked.sources)):
        in_range = first <= index <= last
        if _image_caption(walked, index):
            continue
        if kept[index] == NONE:
            if siblings.holds(block, source, in_range) and not _link_block(block, source, walked.linked[index]):
                content.append(block)
                kept_tags.append(source.tag)
            elif isinstance(block, int) and in_range and _inside(source, container):
                images.append(walked.images[block])
                content.append(len(images) - 1)
                kept_tags.append("img")
        elif (in_range and index != headline and not _link_block(block, source, walked.linked[index])
              and _inside(source, container)):
            opening_tag = opening_tag or source.tag
            content.append(block)
            kept_tags.append(source.tag)
    while kept_tags and kept_tags[-1] in SUBHEADING_TAGS:  # a heading with nothing under it: a widget's
        kept_tags.pop()
        content.pop()
    opening = next((block for block in content if isinstance(block, str)), None)
    if opening and opening_tag != "p" and opening == collapse_whitespace(description):
        found.standfirst = opening
        content.remove(opening)
    return found


def generic_content(root: etree._Element, base_url: str, declared: str = "", description: str = "") -> MainText:
    """Content blocks of a page in an unknown layout: the agreed blocks; when none agree, the
    container our own paragraph scoring picks; when it finds none, trafilatura's own lines
    (text without structure beats an empty body). ``declared``: the JSON-LD ``articleBody``;
    ``description``: the page's declared description (to tell a standfirst)."""
    body = root.find("body")
    reference = reference_text(root, base_url)
    if reference and body is not None:
        found = agreed_blocks(body, base_url, reference, declared, description)
        if found.content:
            return found
    main = main_text_element(root)
    if main is not None:
        content, images = content_blocks(main, base_url)
        if any(isinstance(block, str) for block in content):
            return MainText(content, images)
    return MainText([line.strip() for line in reference.splitlines() if line.strip()])
