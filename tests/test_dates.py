from __future__ import annotations

import pytest

from newscrawl.dates import parse_iso, parse_text_date, to_iso


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 октября 2022, 10:45", "2022-10-18T10:45:00+06:00"),
        ("18.10.2022 10:45", "2022-10-18T10:45:00+06:00"),
        ("2 мая 2024, 09:15", "2024-05-02T09:15:00+05:00"),
        ("18 қазан 2022, 10:45", "2022-10-18T10:45:00+06:00"),
        ("2024 жылғы 1 наурыз, 08:05", "2024-03-01T08:05:00+05:00"),
        ("29 февраля 2024 г., 23:59", "2024-02-29T23:59:00+06:00"),
        ("1 March 2024, 00:00", "2024-03-01T00:00:00+05:00"),
        ("  7\u00a0января 2023  ", "2023-01-07T00:00:00+06:00"),
    ],
)
def test_text_dates_get_the_almaty_offset_in_force(text: str, expected: str) -> None:
    parsed = parse_text_date(text)
    assert parsed is not None and to_iso(parsed) == expected


@pytest.mark.parametrize("text", ["", "вчера", "32 октября 2022", "18 брюмера 2022, 10:45", "31.02.2024 10:00"])
def test_unreadable_text_dates_give_none(text: str) -> None:
    assert parse_text_date(text) is None


def test_iso_stamps_are_converted_to_almaty() -> None:
    assert to_iso(parse_iso("2024-05-02T04:15:00Z")) == "2024-05-02T09:15:00+05:00"  # type: ignore[arg-type]
    assert to_iso(parse_iso("2022-10-18T10:45:00")) == "2022-10-18T10:45:00+06:00"  # type: ignore[arg-type]
    assert parse_iso("not a date") is None
