"""Dates as pages write them: machine stamps (offset kept), printed dates in a page's language
(naive), and the date in a URL. Month words per language are data in ``date_words``."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

from newscrawl.extract.date_words import TIME_WORDS, YEAR_WORDS, month_number

#: Stamps outside these years are placeholders (``0001-01-01``) or typos, not publication dates.
PLAUSIBLE_YEARS = range(1990, 2100)
_OFFSET = re.compile(r"([+-]\d{2}):?(\d{2})$")
_FRACTION = re.compile(r"(\.\d{1,6})\d*")
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2]|[a-z]{3,9})[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)", re.IGNORECASE
)
_WORD_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?:\s*-?(?:" + "|".join(YEAR_WORDS) + r")\b\.?)?"
_TIME = (r"(?:[\s,|–—-]+(?:(?:" + "|".join(TIME_WORDS) + r")\s+)?(?P<hour>[01]?\d|2[0-3])[:.h](?P<minute>[0-5]\d)"
         r"(?:\s*(?P<ampm>[ap])\.?m\.?)?)?")
_PRINTED: tuple[re.Pattern[str], ...] = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    r"(?P<day>[0-3]?\d)(?:-?(?:го|ші|сы|st|nd|rd|th))?[\s-]+" + _WORD_MONTH + r",?\s+" + _YEAR + _TIME,
    _WORD_MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + _YEAR + _TIME,
    _YEAR + r"[\s,]+(?P<day>[0-3]?\d)[\s-]+" + _WORD_MONTH + _TIME,
    r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d{2})" + _TIME,
    r"(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)" + _TIME,
))



def parse_stamp(value: object) -> datetime | None:
    """A machine-readable stamp (ISO 8601 in its usual variants, RFC 2822); its offset kept."""
    moment = _parse_stamp(value)
    return moment if moment is not None and moment.year in PLAUSIBLE_YEARS else None


def _parse_stamp(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = _FRACTION.sub(r"\1", text.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", text) else text)
    iso = re.sub(r"Z$", "+00:00", iso, flags=re.IGNORECASE)
    iso = _OFFSET.sub(r"\1:\2", iso) if "T" in iso else iso
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def parse_printed(text: str | None, languages: tuple[str, ...] = ()) -> tuple[datetime, bool] | None:
    """A date as a page prints it, naive, and whether it had no time of day."""
    cleaned = " ".join((text or "").split())
    for pattern in _PRINTED:
        for match in pattern.finditer(cleaned):
            month = match["month"]
            number = int(month) if month.isdigit() else month_number(month, languages)
            hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
            if match["ampm"] and match["ampm"].lower() == "p" and hour < 12:
                hour += 12
            elif match["ampm"] and hour == 12:
                hour = 0
            try:
                moment = datetime(int(match["year"]), number or 0, int(match["day"]), hour, minute)
            except ValueError:
                continue
            return moment, match["hour"] is None
    return None


def date_in_url(url: str | None) -> datetime | None:
    """``/2019/11/19/``, ``/2019-11-19-slug``, ``/20191119/``, ``/2019/nov/19/``: that day, naive."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = match.groups()
    number = int(month) if month.isdigit() else month_number(month, ("en",))
    try:
        return datetime(int(year), number or 0, int(day))
    except ValueError:
        return None
