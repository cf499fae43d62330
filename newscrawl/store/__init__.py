"""The article store: the dataset of record and the memory of incremental runs.

``open_store`` picks the implementation from ``NEWSCRAWL_STATE``: a file path is SQLite.
"""

from __future__ import annotations

from pathlib import Path

from newscrawl.store.base import ArticleStore, RunRecord, StoredArticle, StoreError, StoreLocked, content_hash
from newscrawl.store.sqlite import RunLock, SQLiteStore

__all__ = [
    "ArticleStore", "RunLock", "RunRecord", "SQLiteStore", "StoreError", "StoreLocked", "StoredArticle",
    "content_hash", "open_store",
]


def open_store(location: str | Path) -> ArticleStore:
    """The store at ``location`` (an SQLite file path), created and migrated on first use."""
    return SQLiteStore(Path(location))
