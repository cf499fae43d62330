"""``scrapy crawl tengrinews``: tengrinews.kz, from its declaration in ``newscrawl/sites``."""

from __future__ import annotations

from newscrawl.sites.tengrinews import TENGRINEWS
from newscrawl.spider import SiteSpider


class TengrinewsSpider(SiteSpider):
    __doc__ = SiteSpider.__doc__
    name = "tengrinews"
    site = TENGRINEWS
