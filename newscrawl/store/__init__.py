"""The article store: the dataset of record and the memory of incremental runs.

``open_store`` picks the implementation from ``NEWSCRAWL_STATE``: a file path is SQLite (one
run at a time, a file lock beside it); a ``postgresql://`` URL is PostgreSQL (many workers
at once, see ``store/postgres.py``), which needs the ``distributed`` extra (psycopg).
"""

from __future__ import annotations

from pathlib import Path

from newscrawl.store.base import ArticleStore, RunRecord, StoredArticle, StoreError, StoreLocked, content_hash
from newscrawl.store.sqlite import RunLock, SQLiteStore, check_store_file

__all__ = [
    "ArticleStore", "RunLock", "RunRecord", "SQLiteStore", "StoreError", "StoreLocked", "StoredArticle",
    "check_store", "content_hash", "describe", "hold_run_lock", "is_shared", "open_store",
]

_URL_SCHEMES = ("postgresql://", "postgres://")


def is_shared(location: str | Path) -> bool:
    """Whether the store is a database server's (shared by workers) rather than a file."""
    return str(location).startswith(_URL_SCHEMES)


def open_store(location: str | Path) -> ArticleStore:
    """The store at ``location`` (an SQLite file path or a ``postgresql://`` URL), created
    and migrated on first use."""
    if is_shared(location):
        try:
            from newscrawl.store.postgres import PostgresStore
        except ImportError as error:
            raise StoreError(str(error)) from None
        return PostgresStore(str(location))
    return SQLiteStore(Path(location))


def hold_run_lock(location: str | Path, scope: str | None = None) -> RunLock | None:
    """This process's lock on a file store for ``scope`` (the crawled site's domain: runs of two
    sites share one store; StoreLocked if another run of the same scope has it); None for a
    shared store, where workers run at once (their runs hold database locks instead)."""
    return None if is_shared(location) else RunLock.hold(Path(location), scope)


def check_store(location: str | Path, scope: str | None = None) -> None:
    """Before a crawl: take the file store's run lock and refuse a file that is not ours, or
    reach the database and refuse one that is not ours; StoreError says why."""
    if is_shared(location):
        open_store(location).close()
        return
    hold_run_lock(location, scope)
    check_store_file(Path(location))


def describe(location: str | Path) -> str:
    """The store's location for logs (a database URL without its password)."""
    if is_shared(location):
        from newscrawl.store.postgres import display_url

        return display_url(str(location))
    return str(location)
