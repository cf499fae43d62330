"""Scrapy settings of newscrawl: polite defaults for the real site; ``-s`` overrides any."""

from newscrawl.items import EXPORT_FIELDS

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
# scrapy crawl with argument/store checks and exit codes; scrapy export.
COMMANDS_MODULE = "newscrawl.commands"

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
    # Scrapy's offsite check ignores ports: a redirect to another port of the host is refused here.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "newscrawl.middlewares.PortOffsiteMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.middlewares.RetryAfterMiddleware": 550,
    # After redirects and decompression, before the status retries: 200 pages that are not the page.
    "newscrawl.middlewares.NotArticleMiddleware": 560,
    # Pages whose bytes contradict their declared encoding (before anything reads their text).
    "newscrawl.middlewares.EncodingMiddleware": 570,
    # Sitemaps served as .gz files (not Content-Encoding, which HttpCompressionMiddleware at 590 undoes).
    "newscrawl.middlewares.GunzipSitemapMiddleware": 580,
    # Sees each failed attempt before the retries (550): a site that never answers ends the run
    # at once (reachability.py); apart from RedirectMiddleware's 600, which has no such hook.
    "newscrawl.reachability.UnreachableSiteMiddleware": 595,
    # Sees redirects and 404s before RedirectMiddleware (600) and the errbacks do.
    "newscrawl.known.StoreAliasMiddleware": 650,
    # Closest to the downloader: tells the Redis scheduler of failed downloads (handled.py).
    "newscrawl.handled.FailedRequestsMiddleware": 990,
}
# Bot challenge, maintenance or JavaScript-shell pages are retried this often, then dropped;
# a day archive listing nothing is retried this often, then reported.
NEWSCRAWL_NOT_ARTICLE_RETRIES = 2
NEWSCRAWL_EMPTY_LISTING_RETRIES = 1
# Retry-After waits use asyncio; this is Scrapy's default reactor, pinned here.
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

ITEM_PIPELINES = {
    "newscrawl.pipelines.CleanTextPipeline": 100,
    "newscrawl.pipelines.RequiredFieldsPipeline": 200,
    "newscrawl.pipelines.DuplicatesPipeline": 300,
    "newscrawl.pipelines.StorePipeline": 400,
}
EXTENSIONS = {
    "newscrawl.incremental.RunState": 100,
    "newscrawl.canary.CanaryReport": 200,
    "newscrawl.extensions.RunSummary": 500,
    # A progress line every NEWSCRAWL_PROGRESS_INTERVAL seconds (60 in scrapy crawl).
    "newscrawl.progress.CrawlProgress": 600,
}
SPIDER_MIDDLEWARES = {
    "newscrawl.known.SkipKnownMiddleware": 950,
    # Closest to the engine: tells the Redis scheduler when a response is handled (handled.py).
    "newscrawl.handled.HandledRequestsMiddleware": 5,
}
# `scrapy check SITE [-a base_url=COPY]`: contracts on the shared callbacks, read from the site's
# declaration (newscrawl/contracts.py).
SPIDER_CONTRACTS = {
    "newscrawl.contracts.ExampleContract": 10,
    "newscrawl.contracts.LayoutContract": 20,
    "newscrawl.contracts.ExportedContract": 30,
    "newscrawl.contracts.ListingContract": 40,
}

# The article store (dataset of record, memory of incremental runs). Default path:
# .scrapy/newscrawl/state.sqlite in the project; -s NEWSCRAWL_STATE=path sets another.
# NEWSCRAWL_STATE_ENABLED is switched on by `scrapy crawl` only (commands.CRAWL_SETTINGS):
# shell, fetch, parse, check, view and bench never touch the store.
NEWSCRAWL_STATE = None
# A run whose failed pages exceed this share exits non-zero (cron notices).
NEWSCRAWL_MAX_ERROR_RATE = 0.1
# A canary run (-a canary=N) fails when more of the newest pages than this needed the fallback.
NEWSCRAWL_CANARY_MAX_FALLBACK = 0.5
LOG_FORMATTER = "newscrawl.logformatter.ArticleLogFormatter"
LOG_LEVEL = "INFO"

# Exports: `-O articles.jsonl` writes the record of ../shared/spec/record.md, readable Cyrillic.
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(EXPORT_FIELDS)
# -O files appear complete under their name or not at all (a killed run leaves NAME.part).
FEED_STORAGES = {"": "newscrawl.feeds.AtomicFileFeedStorage", "file": "newscrawl.feeds.AtomicFileFeedStorage"}

# Pagination of one day's listing is followed at most this far (a loop guard).
NEWSCRAWL_MAX_LISTING_PAGES = 50

# A sitemap's requests are scheduled in batches of this many, the next once fewer than this
# wait in the scheduler (newscrawl/feeding.py): flat memory and an early first article for a
# sitemap of 300,000 URLs. 0 schedules a whole sitemap at once.
NEWSCRAWL_FEED_BATCH = 2000
# While the scraper holds more response bytes than this, the engine fetches nothing (Scrapy's
# default is 5 MB): room for one sitemap of DOWNLOAD_MAXSIZE being fed in batches, and more.
SCRAPER_SLOT_MAX_ACTIVE_SIZE = DOWNLOAD_MAXSIZE + 8 * 1024 * 1024
