"""Scrapy settings of newscrawl: polite defaults for the real site; ``-s`` overrides any."""

from newscrawl.items import EXPORT_FIELDS

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "newscrawl/0.1 (news dataset crawler; Scrapy)"
ROBOTSTXT_OBEY = True

# Politeness: a small per-domain concurrency, and AutoThrottle adapting to the site's
# latency. A local copy of the site can be crawled flat out with
# -s AUTOTHROTTLE_ENABLED=0 -s DOWNLOAD_DELAY=0 -s CONCURRENT_REQUESTS_PER_DOMAIN=16.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024

# Retries: 5xx and 429, waiting for Retry-After (capped) before retrying.
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_AFTER_MAX = 120.0
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.middlewares.RetryAfterMiddleware": 550,
}
# Retry-After waits use asyncio; this is Scrapy's default reactor, pinned here.
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

ITEM_PIPELINES = {
    "newscrawl.pipelines.CleanTextPipeline": 100,
    "newscrawl.pipelines.RequiredFieldsPipeline": 200,
    "newscrawl.pipelines.DuplicatesPipeline": 300,
}
EXTENSIONS = {"newscrawl.extensions.RunSummary": 500}
LOG_FORMATTER = "newscrawl.logformatter.ArticleLogFormatter"
LOG_LEVEL = "INFO"

# Exports: `-O articles.jsonl` writes the record of ../shared/spec/record.md, readable Cyrillic.
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(EXPORT_FIELDS)

# Pagination of one day's listing is followed at most this far (a loop guard).
NEWSCRAWL_MAX_LISTING_PAGES = 50
COMMANDS_MODULE = "newscrawl.commands"
