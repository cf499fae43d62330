"""Sitemaps and RSS: article URLs with their ``lastmod``, for incremental runs. No article parsing."""

from __future__ import annotations

import io
from collections.abc import Iterator

from lxml import etree
from parsel import Selector


class SitemapError(ValueError):
    """A sitemap that is not well-formed XML (truncated, an error page, binary): a failed source."""


def _stream(body: bytes) -> Iterator[str | tuple[str, str | None]]:
    """The root's name, then each ``(loc, lastmod)``: read as a stream, each entry dropped
    once read, so a sitemap of 300,000 URLs needs the memory of one entry, not of its tree."""
    parser = etree.iterparse(io.BytesIO(body), events=("end",), tag=("{*}url", "{*}sitemap"), resolve_entities=False,
                             no_network=True, huge_tree=True, remove_comments=True)
    kind = None
    try:
        for _, element in parser:
            if kind is None:
                kind = etree.QName(element.getroottree().getroot()).localname
                yield kind
            fields = {etree.QName(child).localname: (child.text or "").strip() for child in element
                      if isinstance(child.tag, str)}
            if fields.get("loc"):
                yield fields["loc"], fields.get("lastmod") or None
            element.clear()
            while element.getprevious() is not None:  # the entries already read
                del element.getparent()[0]
    except etree.XMLSyntaxError as error:
        raise SitemapError(f"malformed XML: {error}") from None
    if kind is None:  # no entry: a well-formed empty sitemap still says what it is
        yield etree.QName(parser.root).localname


def sitemap_entries(body: bytes) -> tuple[str, Iterator[tuple[str, str | None]]]:
    """The sitemap's type (``sitemapindex`` or ``urlset``) and its ``(loc, lastmod)`` entries,
    streamed; ``SitemapError`` (at once, or while iterating) when it is not well-formed XML."""
    stream = _stream(body)
    try:
        kind = next(stream)
    except StopIteration:
        raise SitemapError("empty document") from None
    return str(kind), stream  # type: ignore[return-value]


def rss_links(body: bytes) -> Iterator[str]:
    """The item links of an RSS 2.0 feed (or Atom entry links)."""
    selector = Selector(body=body, type="xml")
    selector.remove_namespaces()
    yield from (link.strip() for link in selector.xpath("//item/link/text()").getall() if link.strip())
    yield from (href.strip() for href in selector.xpath("//entry/link/@href").getall() if href.strip())
