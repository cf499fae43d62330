"""What a store is: the interface runs and exports use, and the record's content hash."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ParamSpec, Protocol, TypeVar

#: Record fields that make an article's content: a change in any is a new version.
#: Views and how the page was extracted are not content.
CONTENT_FIELDS: tuple[str, ...] = (
    "title", "lead", "body", "published_at", "modified_at", "authors", "section", "tags", "images",
)


class StoreError(Exception):
    """The store cannot be used (not a newscrawl store, a newer schema, locked)."""


class StoreLocked(StoreError):
    """Another run holds the store."""


#: How many alias hops ``get`` follows (an old URL -> its redirect target -> the record URL).
ALIAS_HOPS = 3

_P = ParamSpec("_P")
_R = TypeVar("_R")


def raising_store_errors(*database_errors: type[Exception]) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """A store method whose database errors (disk full, read-only, corrupted file, lost
    server) come out as ``StoreError`` with the database's own words: a run must fail on
    them, never log them as one bad item and go on to say "ok"."""

    def decorate(method: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(method)
        def guarded(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return method(*args, **kwargs)
            except database_errors as error:
                raise StoreError(f"the article store failed ({type(error).__name__}: {error})") from error

        return guarded

    return decorate


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
    #: The feed files the run's export was to be renamed to (see ``RunState.feeds_delivered``).
    deliveries: tuple[str, ...] = ()


class ArticleStore(Protocol):
    """What runs and exports need from a store; SQLite is one implementation."""

    def get(self, url: str) -> StoredArticle | None:
        """The stored version of an article under its record URL or any alias of it, or None."""
        ...

    def add_aliases(self, url: str, aliases: Iterable[str]) -> None:
        """Other URLs the article at ``url`` was listed or fetched under (per site: they are
        full URLs); ``url`` may itself be an alias (a redirect target not stored yet)."""
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

    def set_deliveries(self, run_id: int, paths: list[str]) -> None:
        """The feed files this run's export will be renamed to, before any of them is."""
        ...

    def get_run(self, run_id: int) -> RunRecord | None: ...

    def finish_run(self, run_id: int, *, ended_at: str, outcome: str, counts: dict[str, int]) -> None: ...

    def iter_articles(
        self, *, since: str | None = None, until: str | None = None, languages: tuple[str, ...] | None = None
    ) -> Iterator[StoredArticle]:
        """Articles by publication time then URL; ``since``/``until`` are ``YYYY-MM-DD`` (inclusive)."""
        ...

    def iter_runs(self) -> Iterator[RunRecord]: ...

    def close(self) -> None: ...
