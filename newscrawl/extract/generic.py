"""The generic path: every field of a page in a layout we have no selectors for.

Main text: trafilatura picks it (``agreement``) and our walker writes it (``maintext``); the date from what the
page declares down to what it prints (``dates_generic``); bylines (``authors_generic``) where
structured data names nobody; the title from the page's heading.
A redesign or a page of an unknown site still yields its article, and the run counts it as
``fallback``.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from parsel import Selector

from newscrawl.extract.authors_generic import find_authors
from newscrawl.extract.blocks import element_text
from newscrawl.extract.dates_generic import find_published, json_ld_nodes
from newscrawl.extract.layout import LayoutFields
from newscrawl.extract.maintext import generic_content


def generic_title(selector: Selector) -> str | None:
    """The first ``<h1>``, else the document title."""
    root = selector.root
    if not isinstance(root, etree._Element):
        return None
    for tag in ("h1", "title"):
        element = next(root.iter(tag), None)
        text = element_text(element) if element is not None else ""
        if text:
            return text
    return None


def generic_fields(selector: Selector, base_url: str, languages: tuple[str, ...] = ()) -> LayoutFields:
    """What a page in an unknown layout yields without selectors. The date is an ISO stamp,
    with the page's offset when it gave one (naive otherwise: the caller's zone applies)."""
    nodes = json_ld_nodes(selector)
    found = find_published(selector, url=base_url, languages=languages, nodes=nodes)
    fields = LayoutFields(
        title=generic_title(selector),
        date=found.moment.isoformat() if found else None,
        # structured data's authors come first (extract_article): look for a byline only without them
        authors=[] if any(node.get("author") for node in nodes) else find_authors(selector),
    )
    if isinstance(selector.root, etree._Element):
        declared = next((node["articleBody"] for node in nodes if isinstance(node.get("articleBody"), str)), "")
        main = generic_content(selector.root, base_url, declared, description(selector, nodes))
        fields.content, fields.inline_images, fields.lead = main.content, main.images, main.standfirst
    return fields


def description(selector: Selector, nodes: list[dict[str, Any]]) -> str:
    """The description the page declares: the article's JSON-LD, else its meta tags."""
    declared = nodes[0].get("description") if nodes else None
    if isinstance(declared, str) and declared.strip():
        return declared
    return selector.xpath('//meta[@name="description" or @property="og:description"]/@content').get("")
