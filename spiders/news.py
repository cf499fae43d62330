"""``scrapy crawl news -a url=https://site.kz``: any news site, from its address alone."""

from __future__ import annotations

from newscrawl.kits.news_spider import NewsSpider


class AnyNewsSiteSpider(NewsSpider):
    __doc__ = NewsSpider.__doc__
    name = "news"
