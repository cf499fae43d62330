"""Dates as a site prints them, turned into ISO 8601 with the offset of the site's own zone.

The zone comes from the site's declaration (``Site.tz``): a stamp with an offset keeps its
instant and is written in that zone; a printed date without one is read in it. Without a zone
(a page of no known site) an aware stamp keeps its own offset and a naive one is read as UTC.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone, tzinfo

#: Month names as printed (Russian genitive, Kazakh, English) -> month number.
MONTHS: dict[str, int] = {
    name: number
    for names in (
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
        "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
        "january february march april may june july august september october november december",
    )
    for number, name in enumerate(names.split(), start=1)
}

_TIME = r"(?:[,\s]+(?:в\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2}))?"
_TEXT_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 18 октября 2022, 10:45  /  18 қазан 2022 10:45  /  18 October 2022, 10:45
    re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)\.?\s+(?P<year>\d{4})(?:\s*(?:г\.?|жыл\w*))?" + _TIME),
    # November 15, 2022, 18:05 (English order)
    re.compile(r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})" + _TIME),
    # 2022 жылғы 18 қазан, 10:45 (Kazakh order)
    re.compile(r"(?P<year>\d{4})\s*(?:ж\.|жыл\w*)?\s+(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)" + _TIME),
    # 18.10.2022 10:45
    re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})" + _TIME),
)


def localize(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """A naive time is wall time in ``zone`` (UTC without one); an aware one keeps its instant,
    written in ``zone`` (or in its own offset without one)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone or timezone.utc)
    return moment.astimezone(zone) if zone else moment


def to_iso(moment: datetime, zone: tzinfo | None = None) -> str:
    """``2022-10-18T10:45:00+06:00``: seconds always, the offset of ``zone`` at that moment."""
    return localize(moment, zone).isoformat(timespec="seconds")


def parse_iso(value: str | None, zone: tzinfo | None = None) -> datetime | None:
    """An ISO 8601 stamp from meta or JSON-LD (``Z`` accepted), or None if it is not one."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return localize(datetime.fromisoformat(text), zone)
    except ValueError:
        return None


def parse_text_date(text: str | None, zone: tzinfo | None = None) -> datetime | None:
    """A printed date (``18 октября 2022, 10:45``, ``18.10.2022 10:45``, Kazakh months,
    ``November 15, 2022, 18:05``), read as wall time in ``zone``."""
    if not text:
        return None
    cleaned = " ".join(text.split()).lower()
    for pattern in _TEXT_DATE_PATTERNS:
        match = pattern.search(cleaned)
        if not match:
            continue
        month = match["month"]
        month_number = int(month) if month.isdigit() else MONTHS.get(month)
        if not month_number:
            continue
        try:
            moment = datetime(
                int(match["year"]),
                month_number,
                int(match["day"]),
                int(match["hour"] or 0),
                int(match["minute"] or 0),
            )
        except ValueError:
            continue
        return localize(moment, zone)
    return None


def parse_day(value: str, argument: str) -> date:
    """A ``YYYY-MM-DD`` crawl argument, or a ValueError that names the argument."""
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise ValueError(
            f"-a {argument}={value!r} is not a date: expected YYYY-MM-DD, e.g. {argument}=2022-10-17"
        ) from None
