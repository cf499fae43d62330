"""The SQLite article store behind its interface: schema, upserts, pending exports, lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl.store import RunLock, StoreError, content_hash, open_store
from newscrawl.store.sqlite import APPLICATION_ID, SCHEMA_VERSION


def record(url: str = "https://inbusiness.kz/ru/last/a", **fields: object) -> dict[str, object]:
    base: dict[str, object] = {"url": url, "site": "inbusiness.kz", "language": "ru", "title": "T", "body": "B",
                               "published_at": "2024-02-29T23:50:00+06:00", "views": 1}
    return {**base, **fields}


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "state.sqlite"


def test_new_store_is_created_with_our_id_and_current_schema(store_path: Path) -> None:
    open_store(store_path).close()
    connection = sqlite3.connect(store_path)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_upsert_replaces_the_record_and_keeps_first_seen(store_path: Path) -> None:
    store = open_store(store_path)
    store.upsert(record(title="Old"), lastmod="2024-03-01T10:00:00+05:00", seen_at="t1", exported_in=None)
    store.upsert(record(title="New"), lastmod=None, seen_at="t2", exported_in=None)
    stored = store.get("https://inbusiness.kz/ru/last/a")
    store.close()
    assert stored is not None
    assert stored.record["title"] == "New"
    assert (stored.first_seen, stored.last_seen) == ("t1", "t2")
    assert stored.lastmod == "2024-03-01T10:00:00+05:00", "an unknown lastmod must not erase the known one"


def test_content_hash_ignores_views_and_extraction_path() -> None:
    assert content_hash(record(views=1, extraction="layout_a")) == content_hash(record(views=999, extraction="fallback"))
    assert content_hash(record(body="B")) != content_hash(record(body="B2"))


def test_pending_exports_are_confirmed_per_run(store_path: Path) -> None:
    store = open_store(store_path)
    store.upsert(record(url="u1"), lastmod=None, seen_at="t", exported_in=1)
    store.upsert(record(url="u2"), lastmod=None, seen_at="t", exported_in=2)
    store.confirm_exports(1)
    assert store.pending_urls() == ["u2"]
    store.close()


def test_articles_iterate_in_publication_order_across_the_offset_change(store_path: Path) -> None:
    store = open_store(store_path)
    # 23:30 at UTC+6 is 17:30 UTC; 23:10 on the same wall-clock day at UTC+5 (after the change) is later.
    store.upsert(record(url="late", published_at="2024-03-01T00:10:00+05:00"), lastmod=None, seen_at="t", exported_in=None)
    store.upsert(record(url="early", published_at="2024-02-29T23:30:00+06:00"), lastmod=None, seen_at="t",
                 exported_in=None)
    store.upsert(record(url="kk", language="kk", published_at="2024-02-28T09:00:00+06:00"), lastmod=None,
                 seen_at="t", exported_in=None)
    assert [a.url for a in store.iter_articles()] == ["kk", "early", "late"]
    assert [a.url for a in store.iter_articles(since="2024-02-29", languages=("ru",))] == ["early", "late"]
    assert [a.url for a in store.iter_articles(until="2024-02-29")] == ["kk", "early"]
    store.close()


def test_runs_are_recorded_with_outcome_and_counts(store_path: Path) -> None:
    store = open_store(store_path)
    run = store.start_run("inbusiness", "incremental", "t0")
    store.finish_run(run, ended_at="t1", outcome="ok", counts={"store/new": 3})
    (recorded,) = list(store.iter_runs())
    store.close()
    assert (recorded.mode, recorded.outcome, recorded.counts) == ("incremental", "ok", {"store/new": 3})


def test_source_lastmods_are_remembered(store_path: Path) -> None:
    store = open_store(store_path)
    store.set_source_lastmods({"inbusiness.kz/sitemap/ru-2024-03.xml": "2024-03-02T22:00:00+05:00"})
    assert store.source_lastmod("inbusiness.kz/sitemap/ru-2024-03.xml") == "2024-03-02T22:00:00+05:00"
    assert store.source_lastmod("other") is None
    store.close()


def test_text_file_is_refused_and_left_untouched(store_path: Path) -> None:
    store_path.write_text("not a database")
    with pytest.raises(StoreError, match="not a newscrawl store"):
        open_store(store_path)
    assert store_path.read_text() == "not a database"


def test_lock_is_exclusive_between_processes(store_path: Path) -> None:
    lock = RunLock.hold(store_path)
    try:
        assert RunLock.hold(store_path) is lock, "the same process keeps its lock"
        script = (
            "import sys; from pathlib import Path; from newscrawl.store import RunLock, StoreLocked\n"
            "try:\n    RunLock.hold(Path(sys.argv[1]))\nexcept StoreLocked as e:\n    print(e); sys.exit(3)\n"
        )
        other = subprocess.run([sys.executable, "-c", script, str(store_path)], capture_output=True, text=True)
        assert other.returncode == 3 and "another newscrawl run is using the store" in other.stdout
    finally:
        lock.release()
    RunLock.hold(store_path).release()  # released: free to take again


def test_default_store_outside_a_project_folder_is_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scrapy.settings import Settings

    from newscrawl.incremental import store_location

    monkeypatch.chdir(tmp_path)  # no scrapy.cfg here or above: Scrapy cannot infer a data dir
    monkeypatch.setenv("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    assert store_location(Settings()) == Path(".scrapy", "newscrawl", "state.sqlite")
    assert (tmp_path / ".scrapy" / "newscrawl").is_dir()
    assert store_location(Settings({"NEWSCRAWL_STATE": "elsewhere.sqlite"})) == Path("elsewhere.sqlite")
