"""Fixtures more than one test module uses: the real PostgreSQL cluster and fresh databases of it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from servers import postgres_server, server_or_skip


@pytest.fixture(scope="session")
def postgres_root() -> Iterator[str]:
    """The URL of a PostgreSQL cluster started for this run (skips, naming why, where none can run)."""
    pytest.importorskip("psycopg", reason="the distributed extra is not installed: pip install -e '.[distributed]'")
    yield from server_or_skip(postgres_server)


@pytest.fixture
def database(postgres_root: str) -> str:
    """A fresh, empty database of the test cluster."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(postgres_root, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return postgres_root.rsplit("/", 1)[0] + f"/{name}"
