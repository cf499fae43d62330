"""A page's exported record without a crawl: what the spider and pipelines would write.

For fixture tests, benchmarks and re-recording expected JSON; it runs the same
extraction and cleaning functions the crawl runs.
"""

from __future__ import annotations

from scrapy.http import HtmlResponse

from newscrawl.clean import clean_article
from newscrawl.extract.article import extract_article
from newscrawl.items import export_record, missing_fields
from newscrawl.sites.base import Site


def record_from_html(
    html: bytes, url: str, *, site: Site, headers: dict[str, str] | None = None
) -> dict[str, object] | None:
    """The record of one page of ``site`` as served at ``url``; None when a required field is missing."""
    response = HtmlResponse(url=url, body=html, headers=headers)
    article = extract_article(response.selector, response.url, site=site)
    clean_article(article, own_names=site.own_names)
    return None if missing_fields(article) else export_record(article)
