"""``scrapy crawl kursiv``: kz.kursiv.media, from its declaration in ``newscrawl/sites``."""

from __future__ import annotations

from newscrawl.kits.wordpress_spider import WordPressSpider
from newscrawl.sites.kursiv import KURSIV
from newscrawl.spider import SiteSpider


class KursivSpider(WordPressSpider):
    __doc__ = SiteSpider.__doc__
    name = "kursiv"
    site = KURSIV
