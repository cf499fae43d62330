"""``scrapy crawl inbusiness``: inbusiness.kz, from its declaration in ``newscrawl/sites``."""

from __future__ import annotations

from newscrawl.sites.inbusiness import INBUSINESS
from newscrawl.spider import SiteSpider


class InbusinessSpider(SiteSpider):
    __doc__ = SiteSpider.__doc__
    name = "inbusiness"
    site = INBUSINESS
