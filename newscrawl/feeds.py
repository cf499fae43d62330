"""Feed storage: an export file appears complete under its name, and only for a run that
ended ok; or not at all."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy.extensions.feedexport import FileFeedStorage

from newscrawl.outcome import OUTCOME_STAT

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class AtomicFileFeedStorage(FileFeedStorage):
    """Writes ``-O``/overwrite feeds to ``NAME.part`` and renames it when the run closes the feed,
    if the run's outcome (stat ``newscrawl/outcome``) is ``ok``.

    A failed or interrupted run, or one killed halfway, leaves its records in ``NAME.part`` and
    the previous file (or none) under the final name: a cron consumer never reads a failed run
    as "nothing new", and the store re-exports what that run did not deliver (it confirms a
    run's exports only when it ended ok). Appending feeds (``-o``) are written in place, as
    Scrapy does.
    """

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None,
                 crawler: Crawler | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.atomic = self.write_mode == "wb"
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
                     ) -> AtomicFileFeedStorage:
        return cls(uri, feed_options=feed_options, crawler=crawler)

    @property
    def part_path(self) -> Path:
        return Path(f"{self.path}.part")

    def open(self, spider: Any) -> IO[bytes]:
        if not self.atomic:
            return super().open(spider)
        self.part_path.parent.mkdir(parents=True, exist_ok=True)
        return self.part_path.open("wb")

    def store(self, file: IO[bytes]) -> None:
        file.close()
        if not self.atomic:
            return
        outcome = self.outcome()
        if outcome not in (None, "ok"):
            logger.warning("run %s: %s not published, its records stay in %s", outcome, self.path, self.part_path)
            return
        os.replace(self.part_path, self.path)

    def outcome(self) -> str | None:
        """The run's outcome, set by the extensions when the spider closed (None: unknown, as
        without the project's extensions: then the file is published, as Scrapy does)."""
        stats = self.crawler.stats if self.crawler is not None else None
        return None if stats is None else stats.get_value(OUTCOME_STAT)
