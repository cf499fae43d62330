"""Log lines that name the article's URL instead of dumping the whole item."""

from __future__ import annotations

from typing import Any

from scrapy import logformatter
from scrapy.http import Response
from twisted.python.failure import Failure


class ArticleLogFormatter(logformatter.LogFormatter):
    """A dropped article is logged as its reason and URL: a record dump hides both."""

    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Any
    ) -> logformatter.LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped: %(exception)s: %(url)s"
        result["args"] = {"exception": exception, "url": getattr(item, "url", None) or getattr(response, "url", "")}
        return result
