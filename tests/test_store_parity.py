"""The SQLite and PostgreSQL stores behave alike on what issue 13 added: URL aliases (also
chained through a redirect), the feed files a run records, and database errors as StoreError.
PostgreSQL runs for real (``servers.py``); without it the PostgreSQL cases skip, naming why
(``NEWSCRAWL_REQUIRE_SERVERS=1``: they fail instead)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.store import ArticleStore, StoreError, open_store

URL = "https://inbusiness.kz/ru/last/a"


def record(url: str = URL) -> dict[str, object]:
    return {"url": url, "site": "inbusiness.kz", "language": "ru", "title": "T", "body": "B",
            "published_at": "2024-02-29T23:50:00+06:00", "views": 1}


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "state.sqlite")
    return request.getfixturevalue("database")


@pytest.fixture
def store(location: str) -> Iterator[ArticleStore]:
    store = open_store(location)
    yield store
    store.close()


def test_an_article_is_found_by_any_url_it_came_under(store: ArticleStore) -> None:
    copy_url = "http://127.0.0.1:8000/ru/last/a"  # a copy naming itself canonical
    store.upsert(record(copy_url), lastmod=None, seen_at="t", exported_in=None)
    store.add_aliases(copy_url, [URL, URL + "?utm_source=x"])
    # An old URL redirected to the listed one: an alias of an alias.
    store.add_aliases(URL, ["https://inbusiness.kz/ru/last/old-a"])
    for url in (copy_url, URL, URL + "?utm_source=x", "https://inbusiness.kz/ru/last/old-a"):
        found = store.get(url)
        assert found is not None and found.url == copy_url, url
    assert store.get("https://inbusiness.kz/ru/last/b") is None


def test_a_run_remembers_its_feed_files(store: ArticleStore) -> None:
    run = store.start_run("inbusiness", "incremental", "2026-01-01T00:00:00+00:00")
    store.set_deliveries(run, ["/srv/exports/a.jsonl"])
    found = store.get_run(run)
    assert found is not None and found.deliveries == ("/srv/exports/a.jsonl",)
    assert [r.deliveries for r in store.iter_runs()] == [("/srv/exports/a.jsonl",)]


def test_a_database_error_is_a_store_error(store: ArticleStore) -> None:
    store.close()  # a connection gone (a dead server, a file taken away) fails like a full disk does
    with pytest.raises(StoreError, match="the article store failed"):
        store.upsert(record(), lastmod=None, seen_at="t", exported_in=None)
