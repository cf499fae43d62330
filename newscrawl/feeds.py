"""Feed storage: an export file appears complete under its name, or not at all."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from scrapy.extensions.feedexport import FileFeedStorage


class AtomicFileFeedStorage(FileFeedStorage):
    """Writes ``-O``/overwrite feeds to ``NAME.part`` and renames it when the run closes the feed.

    A run killed halfway leaves the previous file (or none) under the final name, never half
    an export; the incremental store then re-exports what that run did not deliver.
    Appending feeds (``-o``) are written in place, as Scrapy does.
    """

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.atomic = self.write_mode == "wb"

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
        if self.atomic:
            os.replace(self.part_path, self.path)
