"""What a store is: the interface runs and exports use, and the record's content hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

#: Record fields that make an article's content: a change in any is a new version.
#: Views and how the page was extracted are not content.
CONTENT_FIELDS: tuple[str, ...] = (
    "title", "lead", "body", "published_at", "modified_at", "authors", "section", "tags", "images",
)


class StoreError(Exception):
    """The store cannot be used (not a newscrawl store, a newer schema, locked)."""


class StoreLocked(StoreError):
    """Another run holds the store."""


def content_hash(record: dict[str, Any]) -> str:
    """A stable hash of an article's content fields."""
    content = {name: record.get(name) for name in CONTENT_FIELDS}
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    """One article as the store holds it."""

    url: str
    record: dict[str, Any]
    content_hash: str
    lastmod: str | None
    first_seen: str
    last_seen: str
    #: The run that exported this version, until that run's export is known to be complete.
    pending_run: int | None


@dataclass(frozen=True)
class RunRecord:
    """One crawl run as the store remembers it."""

    id: int
    spider: str
    mode: str
    started_at: str
    ended_at: str | None
    outcome: str | None
    counts: dict[str, int]


class ArticleStore(Protocol):
    """What runs and exports need from a store; SQLite is one implementation."""

    def get(self, url: str) -> StoredArticle | None:
        """The stored version of an article, or None."""
        ...

    def upsert(
        self, record: dict[str, Any], *, lastmod: str | None, seen_at: str, exported_in: int | None
    ) -> bool | None:
        """Store the latest version of an article in one transaction. ``exported_in`` is the run
        whose export carries this version (pending until ``confirm_exports``), or None. Returns
        False when another live worker already exports this very version (shared stores), so
        this run must not export it too."""
        ...

    def confirm_exports(self, run_id: int) -> None:
        """A run's export files are complete: its versions are no longer pending."""
        ...

    def pending_urls(self) -> list[str]:
        """Articles whose exporting run ended without confirming its export or died; a shared
        store hands each such run to one caller only."""
        ...

    def source_lastmod(self, key: str) -> str | None:
        """The ``lastmod`` a source (a monthly sitemap) had when it was last read completely."""
        ...

    def set_source_lastmods(self, lastmods: dict[str, str]) -> None: ...

    def start_run(self, spider: str, mode: str, started_at: str) -> int: ...

    def finish_run(self, run_id: int, *, ended_at: str, outcome: str, counts: dict[str, int]) -> None: ...

    def iter_articles(
        self, *, since: str | None = None, until: str | None = None, languages: tuple[str, ...] | None = None
    ) -> Iterator[StoredArticle]:
        """Articles by publication time then URL; ``since``/``until`` are ``YYYY-MM-DD`` (inclusive)."""
        ...

    def iter_runs(self) -> Iterator[RunRecord]: ...

    def close(self) -> None: ...
