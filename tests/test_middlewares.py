from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newscrawl.middlewares import retry_after_seconds


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        (b"1", 1.0),
        ("120", 120.0),
        (b"Wed, 25 Nov 2026 08:00:30 GMT", 30.0),
        (b"Wed, 25 Nov 2026 07:00:00 GMT", 0.0),
        (b"soon", None),
        (None, None),
    ],
)
def test_retry_after_is_read_as_seconds_or_http_date(header: bytes | str | None, seconds: float | None) -> None:
    now = datetime(2026, 11, 25, 8, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(header, now=now) == seconds
