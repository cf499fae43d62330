"""The SQLite article store: one file, versioned schema, one transaction per article."""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from newscrawl.store.base import (
    ALIAS_HOPS,
    RunRecord,
    StoredArticle,
    StoreError,
    StoreLocked,
    content_hash,
    raising_store_errors,
)

#: ``PRAGMA application_id`` of a newscrawl store ("NCST"): tells our file from any other SQLite file.
APPLICATION_ID = 0x4E435354
#: Schema migrations, in order; the schema version is their count (``PRAGMA user_version``).
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        url TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        language TEXT NOT NULL,
        published_at TEXT,
        published_utc TEXT,
        lastmod TEXT,
        content_hash TEXT NOT NULL,
        record TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        pending_run INTEGER
    );
    CREATE INDEX articles_published ON articles (published_utc, url);
    CREATE INDEX articles_pending ON articles (pending_run) WHERE pending_run IS NOT NULL;
    CREATE TABLE sources (
        key TEXT PRIMARY KEY,
        lastmod TEXT NOT NULL
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        spider TEXT NOT NULL,
        mode TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT,
        counts TEXT
    );
    """,
    # 2: every URL an article was listed or fetched under (the skip decision asks by them);
    # the feed files a run renames its export to (a kill after the rename re-exports nothing).
    """
    CREATE TABLE aliases (
        alias TEXT PRIMARY KEY,
        url TEXT NOT NULL
    );
    ALTER TABLE runs ADD COLUMN deliveries TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
_guarded = raising_store_errors(sqlite3.Error)


class RunLock:
    """An exclusive lock beside the store, held for a whole run (released when the process dies).

    ``hold`` gives the lock this process already holds on a store, so the crawl command can
    take it before the crawl starts and the run's extension keeps it."""

    _held: dict[Path, RunLock] = {}

    def __init__(self, store_path: Path, scope: str | None = None) -> None:
        # Beside the real file: two runs reaching one store by a symlink (or ``..``) share one lock.
        real = Path(os.path.realpath(store_path))
        self.path = real.with_name(real.name + (f".{scope}" if scope else "") + ".lock")
        self.store, self.scope = store_path, scope
        self._file: Any = None

    @classmethod
    def hold(cls, store_path: Path, scope: str | None = None) -> RunLock:
        """This process's lock on the store for ``scope`` (a site's domain: two sites' runs share a
        store), taken now if not yet held; StoreLocked if another run has it."""
        lock = cls(store_path, scope)
        key = lock.path
        if key not in cls._held:
            lock._acquire()
            cls._held[key] = lock
        return cls._held[key]

    def _acquire(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.path, "a+")  # noqa: SIM115 - held open for the run
        except OSError as error:
            raise StoreError(f"cannot take the store's run lock {self.path}: {error.strerror} "
                             "(a read-only or full file system?)") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise StoreLocked(f"another newscrawl run is using the store {self.store_path}"
                              + (f" for {self.scope}" if self.scope else "")) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle

    @property
    def store_path(self) -> Path:
        return self.store

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
            RunLock._held.pop(self.path, None)


def check_store_file(path: Path) -> None:
    """Refuse a file that is not a newscrawl store (or is of a newer schema) before touching it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise StoreError(f"{path} is not a newscrawl store (not an SQLite database); it was left untouched")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a readable newscrawl store ({error}); it was left untouched") from None
    finally:
        connection.close()
    if application_id != APPLICATION_ID and tables:
        raise StoreError(f"{path} is an SQLite database of another application; it was left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has store schema {version}, newer than this newscrawl's {SCHEMA_VERSION}: upgrade newscrawl"
        )


def _utc(stamp: str | None) -> str | None:
    """An ISO stamp in UTC, so that order is right across the 2024 offset change."""
    if not stamp:
        return None
    return datetime.fromisoformat(stamp).astimezone(timezone.utc).isoformat()


class SQLiteStore:
    """``ArticleStore`` in one SQLite file (WAL journal: a killed run loses no committed article)."""

    @_guarded
    def __init__(self, path: Path) -> None:
        check_store_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.row_factory = sqlite3.Row
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            self.connection.executescript(
                f"BEGIN; {script}; PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {number}; COMMIT;"
            )

    @_guarded
    def get(self, url: str) -> StoredArticle | None:
        for _ in range(ALIAS_HOPS + 1):
            row = self.connection.execute("SELECT * FROM articles WHERE url = ?", (url,)).fetchone()
            if row:
                return _article(row)
            alias = self.connection.execute("SELECT url FROM aliases WHERE alias = ?", (url,)).fetchone()
            if not alias:
                return None
            url = alias[0]
        return None

    @_guarded
    def add_aliases(self, url: str, aliases: Iterable[str]) -> None:
        pairs = [(alias, url) for alias in dict.fromkeys(aliases) if alias != url]
        if pairs:
            self.connection.executemany(
                "INSERT INTO aliases (alias, url) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET url = excluded.url",
                pairs)

    @_guarded
    def upsert(self, record: dict[str, Any], *, lastmod: str | None, seen_at: str, exported_in: int | None) -> None:
        self.connection.execute(
            """
            INSERT INTO articles (url, site, language, published_at, published_utc, lastmod, content_hash,
                                  record, first_seen, last_seen, pending_run)
            VALUES (:url, :site, :language, :published_at, :published_utc, :lastmod, :hash,
                    :record, :seen, :seen, :pending)
            ON CONFLICT (url) DO UPDATE SET
                site = excluded.site, language = excluded.language, published_at = excluded.published_at,
                published_utc = excluded.published_utc, lastmod = coalesce(excluded.lastmod, lastmod),
                content_hash = excluded.content_hash, record = excluded.record, last_seen = excluded.last_seen,
                pending_run = excluded.pending_run
            """,
            {
                "url": record["url"], "site": record["site"], "language": record["language"],
                "published_at": record.get("published_at"), "published_utc": _utc(record.get("published_at")),
                "lastmod": lastmod, "hash": content_hash(record), "seen": seen_at, "pending": exported_in,
                "record": json.dumps(record, ensure_ascii=False),
            },
        )

    @_guarded
    def confirm_exports(self, run_id: int) -> None:
        self.connection.execute("UPDATE articles SET pending_run = NULL WHERE pending_run = ?", (run_id,))

    @_guarded
    def pending_urls(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT url FROM articles WHERE pending_run IS NOT NULL")]

    @_guarded
    def source_lastmod(self, key: str) -> str | None:
        row = self.connection.execute("SELECT lastmod FROM sources WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @_guarded
    def set_source_lastmods(self, lastmods: dict[str, str]) -> None:
        with self.connection:
            self.connection.execute("BEGIN")
            self.connection.executemany(
                "INSERT INTO sources (key, lastmod) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET lastmod = excluded.lastmod",
                lastmods.items(),
            )

    @_guarded
    def start_run(self, spider: str, mode: str, started_at: str) -> int:
        cursor = self.connection.execute(
            "INSERT INTO runs (spider, mode, started_at) VALUES (?, ?, ?)", (spider, mode, started_at)
        )
        return int(cursor.lastrowid or 0)

    @_guarded
    def finish_run(self, run_id: int, *, ended_at: str, outcome: str, counts: dict[str, int]) -> None:
        self.connection.execute(
            "UPDATE runs SET ended_at = ?, outcome = ?, counts = ? WHERE id = ?",
            (ended_at, outcome, json.dumps(counts, sort_keys=True), run_id),
        )

    @_guarded
    def set_deliveries(self, run_id: int, paths: list[str]) -> None:
        self.connection.execute("UPDATE runs SET deliveries = ? WHERE id = ?", (json.dumps(paths), run_id))

    @_guarded
    def get_run(self, run_id: int) -> RunRecord | None:
        row = self.connection.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        return _run(row) if row else None

    def iter_articles(
        self, *, since: str | None = None, until: str | None = None, languages: tuple[str, ...] | None = None
    ) -> Iterator[StoredArticle]:
        query = "SELECT * FROM articles WHERE 1 = 1"
        parameters: list[Any] = []
        if since:
            query += " AND substr(published_at, 1, 10) >= ?"
            parameters.append(since)
        if until:
            query += " AND substr(published_at, 1, 10) <= ?"
            parameters.append(until)
        if languages:
            query += f" AND language IN ({', '.join('?' * len(languages))})"
            parameters.extend(languages)
        yield from (_article(row) for row in self.connection.execute(query + " ORDER BY published_utc, url", parameters))

    def iter_runs(self) -> Iterator[RunRecord]:
        yield from (_run(row) for row in self.connection.execute("SELECT * FROM runs ORDER BY id"))

    def close(self) -> None:
        self.connection.close()


def _run(row: Any) -> RunRecord:
    """A run row (SQLite or PostgreSQL) as a RunRecord."""
    return RunRecord(
        id=row["id"], spider=row["spider"], mode=row["mode"], started_at=row["started_at"],
        ended_at=row["ended_at"], outcome=row["outcome"], counts=json.loads(row["counts"] or "{}"),
        deliveries=tuple(json.loads(row["deliveries"] or "[]")),
    )


def _article(row: sqlite3.Row) -> StoredArticle:
    return StoredArticle(
        url=row["url"], record=json.loads(row["record"]), content_hash=row["content_hash"], lastmod=row["lastmod"],
        first_seen=row["first_seen"], last_seen=row["last_seen"], pending_run=row["pending_run"],
    )
