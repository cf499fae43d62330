"""Dates are written in the site's own zone: stamps keep their instant, printed dates are read in it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newscrawl.dates import localize, parse_iso, parse_text_date, to_iso
from newscrawl.sites.inbusiness import INBUSINESS
from newscrawl.sites.kursiv import KURSIV

ZONE = INBUSINESS.tz


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
    parsed = parse_text_date(text, ZONE)
    assert parsed is not None and to_iso(parsed, ZONE) == expected


@pytest.mark.parametrize(
    "text", ["15.11.2022, 18:05", "15 ноября 2022, 18:05", "15 қараша 2022, 18:05", "November 15, 2022, 18:05"]
)
def test_kursiv_subcat_text_dates_in_every_edition(text: str) -> None:
    parsed = parse_text_date(text, KURSIV.tz)
    assert parsed is not None and to_iso(parsed, KURSIV.tz) == "2022-11-15T18:05:00+06:00"


@pytest.mark.parametrize("text", ["", "вчера", "32 октября 2022", "18 брюмера 2022, 10:45", "31.02.2024 10:00"])
def test_unreadable_text_dates_give_none(text: str) -> None:
    assert parse_text_date(text, ZONE) is None


def test_iso_stamps_are_converted_to_the_site_zone() -> None:
    assert to_iso(parse_iso("2024-05-02T04:15:00Z", ZONE), ZONE) == "2024-05-02T09:15:00+05:00"  # type: ignore[arg-type]
    assert to_iso(parse_iso("2022-10-18T10:45:00", ZONE), ZONE) == "2022-10-18T10:45:00+06:00"  # type: ignore[arg-type]
    assert parse_iso("not a date", ZONE) is None


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2024-02-29T19:20:00+00:00", "2024-03-01T00:20:00+05:00"),  # Kursiv's Yoast UTC: the next Almaty day
        ("2024-02-29T17:59:00+00:00", "2024-02-29T23:59:00+06:00"),  # the last minute of +06:00
        ("2024-02-29T18:30:00+00:00", "2024-02-29T23:30:00+05:00"),  # the repeated hour, second time
        ("2024-03-01T04:05:00+00:00", "2024-03-01T09:05:00+05:00"),
        ("2022-11-15T12:05:00+00:00", "2022-11-15T18:05:00+06:00"),
    ],
)
def test_kursiv_utc_stamps_become_the_same_instant_in_almaty(stamp: str, expected: str) -> None:
    moment = parse_iso(stamp, KURSIV.tz)
    assert moment is not None and to_iso(moment, KURSIV.tz) == expected
    assert moment.timestamp() == datetime.fromisoformat(stamp).timestamp()


def test_a_stamp_of_another_zone_keeps_its_instant() -> None:
    moment = parse_iso("2024-05-02T06:15:00+03:00", ZONE)
    assert moment is not None and to_iso(moment, ZONE) == "2024-05-02T08:15:00+05:00"


def test_without_a_site_zone_an_aware_stamp_keeps_its_own_offset() -> None:
    moscow = timezone(timedelta(hours=3))
    assert to_iso(datetime(2024, 5, 2, 6, 15, tzinfo=moscow)) == "2024-05-02T06:15:00+03:00"
    assert localize(datetime(2024, 5, 2, 6, 15)).utcoffset() == timedelta(0)
